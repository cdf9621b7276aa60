"""Importing a full GeoNames dump into the local gazetteer (``wirecoder gazetteer import FILE``).

Accepts ``allCountries`` / ``cities500`` (19 tab-separated columns) and
``alternateNamesV2`` (10 columns), zipped as GeoNames serves them or
extracted. Rows are added to the same SQLite file the default gazetteer reads.
A new version of the shipped data builds a new file: import again after it.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wirecoder.gazetteer import build
from wirecoder.model import GazetteerImport

MAIN_COLUMNS = 19
ALTERNATE_COLUMNS = (10, 8)  # alternateNamesV2, and the older alternateNames
BATCH = 5000
# GeoNames feature codes -> our kinds (feature class P is a city, A an administrative unit)
ADMIN_KINDS = {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country", "PCLD": "country", "PCLIX": "country",
               "PCLS": "country", "PCLF": "country", "TERR": "country"}
FEATURE_KINDS = {"AIRB": "airbase", "AIRF": "airport", "AIRP": "airport", "AIRH": "airport", "MILB": "base",
                 "INSM": "base", "CMPRF": "camp", "DAM": "dam", "PRT": "port", "PIER": "port", "HBR": "port",
                 "OILF": "oilfield", "GASF": "gasfield", "OILR": "oilfield", "PRN": "prison", "BDG": "bridge",
                 "PSTB": "crossing", "DIP": "embassy", "GOVL": "government", "ADMF": "government",
                 "PPLX": "district", "SEA": "sea", "GULF": "sea", "BAY": "sea", "STRT": "sea", "RGN": "region"}
# alternate-name "languages" that are codes or links, not names
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "fr_1793", "phon"})


class DumpFormatError(ValueError):
    """The file is not a GeoNames dump this importer knows."""


def import_dump(path: Path, db: Path | None = None) -> GazetteerImport:
    """Add the places or alternate names of a GeoNames dump to the gazetteer at ``db``
    (default: the default gazetteer's database, built first when needed)."""
    target = db or build.ensure()
    con = sqlite3.connect(target)
    try:
        con.executescript(build.SCHEMA + build.INDEXES)
        with _lines(path) as lines:
            first = next(lines, "")
            width = len(first.rstrip("\n").split("\t"))
            rows = _chain(first, lines)
            if width == MAIN_COLUMNS:
                entries, names, skipped = _import_places(con, rows)
            elif width in ALTERNATE_COLUMNS:
                entries, names, skipped = 0, *_import_alternates(con, rows)
            else:
                raise DumpFormatError(f"{path.name}: {width} columns, expected a GeoNames dump "
                                      f"({MAIN_COLUMNS} columns) or alternate names ({ALTERNATE_COLUMNS[0]})")
        con.commit()
    finally:
        con.close()
    return GazetteerImport(source=str(path), db=str(target), entries=entries, names=names, skipped=skipped)


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[str]]:
    """The text lines of the dump, from inside its zip when it is one."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            members = [n for n in z.namelist() if n.endswith(".txt") and "readme" not in n.lower()
                       and "languagecodes" not in n.lower()]
            if not members:
                raise DumpFormatError(f"{path.name}: no GeoNames .txt file inside")
            with z.open(members[0]) as raw:
                yield iter(io.TextIOWrapper(raw, encoding="utf-8"))
    else:
        with path.open(encoding="utf-8") as f:
            yield iter(f)


def _chain(first: str, rest: Iterator[str]) -> Iterator[list[str]]:
    """The rows of the dump, its first line included, comments and blank lines left out."""
    for line in (first, *rest):
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def _import_places(con: sqlite3.Connection, rows: Iterator[list[str]]) -> tuple[int, int, int]:
    """Rows of allCountries / citiesN: entries with their names; admin1 names from the ADM1 rows."""
    con.execute("CREATE TEMP TABLE codes (gid TEXT PRIMARY KEY, country TEXT, code TEXT)")
    con.execute("CREATE TEMP TABLE admin1 (country TEXT, code TEXT, name TEXT, PRIMARY KEY (country, code))")
    entries = names = skipped = 0
    for cols in rows:
        if len(cols) != MAIN_COLUMNS or not cols[0].isdigit():
            skipped += 1
            continue
        gid = f"gn:{cols[0]}"
        fclass, fcode, country, code = cols[6], cols[7], cols[8], cols[10]
        kind = ADMIN_KINDS.get(fcode) or FEATURE_KINDS.get(fcode) or ("city" if fclass == "P" else "other")
        old = con.execute("SELECT admin1 FROM entry WHERE gid = ?", (gid,)).fetchone()
        row: build.Row = (gid, cols[1], kind, country or None, old[0] if old else None, None,
                          float(cols[4]), float(cols[5]), int(cols[14] or 0))
        alternates = [cols[1], cols[2], *(a for a in cols[3].split(",") if a and not build.is_code(a))]
        build.insert(con, [(row, alternates)], replace=True)
        names += len(alternates)
        entries += 1
        con.execute("INSERT OR REPLACE INTO codes VALUES (?, ?, ?)", (gid, country, code))
        if fcode == "ADM1":
            con.execute("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", (country, code, cols[1]))
    con.execute("UPDATE entry SET admin1 = (SELECT a.name FROM codes c JOIN admin1 a ON a.country = c.country"
                " AND a.code = c.code WHERE c.gid = entry.gid) WHERE gid IN (SELECT c.gid FROM codes c JOIN admin1"
                " a ON a.country = c.country AND a.code = c.code)")
    return entries, names, skipped


def _import_alternates(con: sqlite3.Connection, rows: Iterator[list[str]]) -> tuple[int, int]:
    """Rows of alternateNamesV2: names added to the entries the gazetteer already has."""
    names = skipped = 0
    batch: list[tuple[str, str, str, int, int]] = []
    for cols in rows:
        if len(cols) < 4 or not cols[1].isdigit() or cols[2] in NOT_NAMES or (len(cols) > 7 and cols[7] == "1"):
            skipped += 1
            continue
        found = con.execute("SELECT id, population FROM entry WHERE gid = ?", (f"gn:{cols[1]}",)).fetchone()
        keys = build.name_keys([cols[3]])
        if found is None or not keys:
            skipped += 1
            continue
        batch.extend((*k, found[0], found[1]) for k in keys)
        names += 1
        if len(batch) >= BATCH:
            con.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)", batch)
            batch.clear()
    con.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)", batch)
    return names, skipped
