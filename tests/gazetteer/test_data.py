"""Integrity of the curated gazetteer tables (countries, admin1, facilities)."""

from __future__ import annotations

import csv
import functools
import math
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "gazetteer" / "data"

HEADERS = {
    "countries.tsv": ["iso2", "name", "lat", "lon", "names"],
    "admin1.tsv": ["id", "name", "country", "kind", "lat", "lon", "names"],
    "facilities.tsv": ["id", "name", "kind", "country", "admin1", "lat", "lon", "names"],
}
ADMIN_KINDS = {"admin1", "admin2", "region", "sea"}
FACILITY_KINDS = {
    "airbase",
    "base",
    "camp",
    "embassy",
    "government",
    "crossing",
    "oilfield",
    "gasfield",
    "dam",
    "port",
    "airport",
    "district",
    "prison",
    "bridge",
    "landmark",
    "other",
}
# Largest distance (km) from the country's point that a unit or facility may lie:
# big countries get more room; the default suits a mid-sized state.
REACH_KM = {
    "RU": 7000,
    "US": 4500,
    "CA": 3500,
    "CN": 3000,
    "AU": 3000,
    "BR": 3000,
    "IN": 2000,
    "ID": 2800,
    "KZ": 1800,
    "DZ": 1500,
    "CD": 1400,
    "SA": 1300,
    "SD": 1000,
    "LY": 1100,
    "MX": 1800,
    "AR": 2200,
    "IR": 1200,
    "NE": 900,
    "ML": 1000,
    "TD": 1000,
    "EG": 900,
    "ET": 900,
    "SO": 1000,
    "NG": 800,
    "CO": 1500,
    "PK": 1000,
    "AF": 700,
    "MM": 1000,
    "UA": 900,
    "FR": 1000,
    "GB": 800,
    "NO": 1200,
    "CL": 2500,
    "PE": 1200,
    "TR": 900,
    "YE": 900,
    "IQ": 700,
    "SY": 500,
    "ZA": 1200,
    "MZ": 1200,
    "JP": 1800,
}
DEFAULT_REACH_KM = 800
# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max) of the conflict countries,
# checked with a margin; tighter than the distance rule above.
BBOX = {
    "IQ": (29.0, 37.4, 38.8, 48.6),
    "SY": (32.3, 37.3, 35.7, 42.4),
    "YE": (12.1, 19.0, 42.5, 54.6),
    "LY": (19.5, 33.2, 9.3, 25.2),
    "AF": (29.4, 38.5, 60.5, 74.9),
    "SO": (-1.7, 12.0, 40.9, 51.5),
    "SD": (8.6, 22.3, 21.8, 38.7),
    "SS": (3.4, 12.3, 23.4, 36.0),
    "ML": (10.1, 25.0, -12.3, 4.3),
    "BF": (9.4, 15.1, -5.6, 2.5),
    "NE": (11.7, 23.5, 0.1, 16.0),
    "NG": (4.2, 13.9, 2.6, 14.7),
    "CM": (1.6, 13.1, 8.4, 16.2),
    "TD": (7.4, 23.5, 13.4, 24.0),
    "CD": (-13.5, 5.4, 12.2, 31.4),
    "CF": (2.2, 11.0, 14.4, 27.5),
    "ET": (3.4, 14.9, 33.0, 48.0),
    "MZ": (-26.9, -10.4, 30.2, 40.9),
    "UA": (44.3, 52.4, 22.1, 40.3),
    "IL": (29.4, 33.4, 34.2, 35.9),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "LB": (33.0, 34.7, 35.1, 36.7),
    "IR": (25.0, 39.8, 44.0, 63.4),
    "SA": (16.3, 32.2, 34.5, 55.7),
    "PK": (23.6, 37.1, 60.8, 77.9),
    "MM": (9.7, 28.6, 92.1, 101.2),
    "AM": (38.8, 41.3, 43.4, 46.7),
    "AZ": (38.3, 41.95, 44.7, 50.4),
    "CO": (-4.3, 13.5, -82.0, -66.8),
    "MX": (14.5, 32.8, -117.2, -86.7),
    "HT": (18.0, 20.1, -74.5, -71.6),
    "KE": (-4.8, 5.1, 33.9, 42.0),
    "LK": (5.9, 9.9, 79.6, 81.9),
    "DJ": (10.9, 12.8, 41.7, 43.5),
    "QA": (24.4, 26.2, 50.7, 51.7),
    "AE": (22.6, 26.1, 51.5, 56.4),
    "BH": (25.8, 26.3, 50.3, 50.7),
    "KW": (28.5, 30.1, 46.5, 48.5),
    "JO": (29.1, 33.4, 34.9, 39.3),
    "EG": (22.0, 31.7, 24.7, 36.9),
    "ER": (12.3, 18.0, 36.4, 43.2),
}
BBOX_MARGIN = 0.3
# Sea areas belong to no single country; allow them a wide reach.
SEA_REACH_KM = 2500


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple(reader)


def header(name: str) -> list[str]:
    with (DATA / name).open(encoding="utf-8") as f:
        return f.readline().rstrip("\n").split("\t")


@functools.cache
def country_points() -> dict[str, tuple[float, float]]:
    return {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in rows("countries.tsv")}


@functools.cache
def admin1_names() -> dict[str, set[str]]:
    """The ``name`` of every admin1 row, by country: what a facility's ``admin1`` must be."""
    out: dict[str, set[str]] = {}
    for r in rows("admin1.tsv"):
        if r["kind"] == "admin1":
            out.setdefault(r["country"], set()).add(r["name"])
    return out


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def ids(name: str) -> list[str]:
    key = "iso2" if name == "countries.tsv" else "id"
    return [r[key] for r in rows(name)]


FILES = sorted(HEADERS)


@pytest.mark.parametrize("name", FILES)
def test_header(name: str) -> None:
    assert header(name) == HEADERS[name]


@pytest.mark.parametrize("name", FILES)
def test_every_row_has_every_field(name: str) -> None:
    bad = [r for r in rows(name) if None in r or any(v is None or v != v.strip() for v in r.values())]
    assert bad == []


@pytest.mark.parametrize("name", FILES)
def test_no_quotes(name: str) -> None:
    assert '"' not in (DATA / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FILES)
def test_ids_unique(name: str) -> None:
    seen = ids(name)
    assert sorted({i for i in seen if seen.count(i) > 1}) == []


@pytest.mark.parametrize("name", FILES)
def test_coordinates_in_range(name: str) -> None:
    bad = [
        r["name"] for r in rows(name) if not (-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180)
    ]
    assert bad == []


@pytest.mark.parametrize("name", FILES)
def test_names_not_empty(name: str) -> None:
    bad = [
        r["name"] for r in rows(name) if not r["name"] or any(not n.strip() for n in r["names"].split("|"))
    ]
    assert bad == []


@pytest.mark.parametrize("name", FILES)
def test_names_unique_within_row(name: str) -> None:
    bad = []
    for r in rows(name):
        names = [n.casefold() for n in r["names"].split("|")]
        if len(names) != len(set(names)):
            bad.append(r["name"])
    assert bad == []


def test_iso2_codes_well_formed() -> None:
    bad = [c for c in ids("countries.tsv") if len(c) != 2 or not c.isupper() or not c.isalpha()]
    assert bad == []


def test_countries_cover_the_world() -> None:
    assert len(rows("countries.tsv")) >= 240


@pytest.mark.parametrize("code", ["PS", "XK", "EH", "UA", "IQ", "SY", "YE", "SD", "SS", "CD", "US", "GB"])
def test_country_present(code: str) -> None:
    assert code in country_points()


@pytest.mark.parametrize("name", ["admin1.tsv", "facilities.tsv"])
def test_country_codes_known(name: str) -> None:
    bad = sorted({r["country"] for r in rows(name) if r["country"] and r["country"] not in country_points()})
    assert bad == []


def test_admin_kinds_allowed() -> None:
    assert sorted({r["kind"] for r in rows("admin1.tsv")} - ADMIN_KINDS) == []


def test_facility_kinds_allowed() -> None:
    assert sorted({r["kind"] for r in rows("facilities.tsv")} - FACILITY_KINDS) == []


def test_admin_ids_start_with_country() -> None:
    bad = [r["id"] for r in rows("admin1.tsv") if r["country"] and not r["id"].startswith(r["country"] + ".")]
    assert bad == []


def test_only_seas_and_regions_may_lack_a_country() -> None:
    bad = [r["id"] for r in rows("admin1.tsv") if not r["country"] and r["kind"] not in {"sea", "region"}]
    assert bad == []


def test_facilities_have_a_country() -> None:
    assert [r["id"] for r in rows("facilities.tsv") if not r["country"]] == []


def _too_far(name: str) -> list[str]:
    points = country_points()
    bad = []
    for r in rows(name):
        if not r["country"]:
            continue
        reach = SEA_REACH_KM if r.get("kind") == "sea" else REACH_KM.get(r["country"], DEFAULT_REACH_KM)
        d = km((float(r["lat"]), float(r["lon"])), points[r["country"]])
        if d > reach:
            bad.append(f"{r['id']} {d:.0f} km")
    return bad


@pytest.mark.parametrize("name", ["admin1.tsv", "facilities.tsv"])
def test_points_lie_near_their_country(name: str) -> None:
    assert _too_far(name) == []


def _outside_box(name: str) -> list[str]:
    bad = []
    for r in rows(name):
        box = BBOX.get(r["country"])
        if box is None or r.get("kind") == "sea":
            continue
        lat, lon, m = float(r["lat"]), float(r["lon"]), BBOX_MARGIN
        if not (box[0] - m <= lat <= box[1] + m and box[2] - m <= lon <= box[3] + m):
            bad.append(r["id"])
    return bad


@pytest.mark.parametrize("name", ["admin1.tsv", "facilities.tsv"])
def test_points_lie_in_their_country_box(name: str) -> None:
    assert _outside_box(name) == []


def test_facility_admin1_is_known() -> None:
    known = admin1_names()
    bad = [
        r["id"]
        for r in rows("facilities.tsv")
        if r["admin1"] and r["admin1"] not in known.get(r["country"], set())
    ]
    assert bad == []


# A facility lies within this distance (km) of the point of the admin1 it names.
ADMIN1_REACH_KM = 600


def test_facility_lies_near_its_admin1() -> None:
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in rows("admin1.tsv"):
        for n in [r["name"], *r["names"].split("|")]:
            points.setdefault((r["country"], n.casefold()), []).append((float(r["lat"]), float(r["lon"])))
    bad = []
    for r in rows("facilities.tsv"):
        near = points.get((r["country"], r["admin1"].casefold()), [])
        here = (float(r["lat"]), float(r["lon"]))
        if near and min(km(here, p) for p in near) > ADMIN1_REACH_KM:
            bad.append(r["id"])
    assert bad == []


@pytest.mark.parametrize(
    ("code", "least"),
    [
        ("IQ", 18),
        ("SY", 14),
        ("YE", 20),
        ("AF", 34),
        ("SO", 18),
        ("SD", 18),
        ("NG", 37),
        ("CD", 26),
        ("UA", 25),
    ],
)
def test_conflict_countries_complete(code: str, least: int) -> None:
    n = sum(1 for r in rows("admin1.tsv") if r["country"] == code and r["kind"] == "admin1")
    assert n >= least


def test_facilities_many() -> None:
    assert len(rows("facilities.tsv")) >= 400
