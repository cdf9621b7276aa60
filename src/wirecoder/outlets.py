"""Outlet profiles: ownership and country of the outlets a user tracks.

A starter list ships with wirecoder (``data/outlets.csv``); a user file with the
same columns (name, aliases, ownership, country) adds outlets or overrides
rows of the starter list. Keys are casefolded names and aliases. Nothing here
judges an outlet: the profile only lets a record be traced to who published it.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from wirecoder.model import OutletProfile

STARTER = Path(__file__).parent / "data" / "outlets.csv"
OWNERSHIP = frozenset({"agency", "state agency", "state-affiliated", "public broadcaster", "private"})
AGENCY_OWNERSHIP = frozenset({"agency", "state agency"})


class BadOutletFile(ValueError):
    """An outlet file that cannot be read as the expected columns."""


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8-sig").splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or "name" not in reader.fieldnames:
        raise BadOutletFile(f"{path}: the header must name the columns name,aliases,ownership,country")
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


def _read(path: Path) -> dict[str, OutletProfile]:
    out: dict[str, OutletProfile] = {}
    for n, row in enumerate(_rows(path), start=2):
        ownership = row.get("ownership") or None
        if ownership is not None and ownership not in OWNERSHIP:
            raise BadOutletFile(f"{path}: row {n}: ownership {ownership!r} is not one of {sorted(OWNERSHIP)}")
        if not row.get("name"):
            raise BadOutletFile(f"{path}: row {n}: the name is empty")
        entry = OutletProfile(name=row["name"], ownership=ownership, country=(row.get("country") or None))
        for key in [row["name"], *(a for a in row.get("aliases", "").split("|") if a.strip())]:
            out[key.strip().casefold()] = entry
    return out


@functools.cache
def _starter() -> dict[str, OutletProfile]:
    return _read(STARTER)


def load(path: Path | None = None) -> dict[str, OutletProfile]:
    """Outlet profiles by casefolded name and alias: the starter list, overridden by the user's file."""
    merged = dict(_starter())
    if path is not None:
        merged.update(_read(path))
    return merged


def agencies(outlets: dict[str, OutletProfile]) -> dict[str, str]:
    """News agencies by casefolded name and alias -> the agency's name (for credits and bylines)."""
    return {key: p.name for key, p in outlets.items() if p.ownership in AGENCY_OWNERSHIP}


def _squash(name: str) -> str:
    """A name without bracketed parts, case or punctuation ("Press TV (French)" -> "presstv")."""
    return re.sub(r"\W+", "", re.sub(r"\([^)]*\)", "", name).casefold())


def profile(outlet: str | None, outlets: dict[str, OutletProfile]) -> OutletProfile | None:
    """The profile of an outlet, from the user's list, else None."""
    if outlet is None or not outlet.strip():
        return None
    found = outlets.get(outlet.strip().casefold())
    if found is not None:
        return found
    squashed = _squash(outlet)
    return next((p for key, p in outlets.items() if squashed and _squash(key) == squashed), None)
