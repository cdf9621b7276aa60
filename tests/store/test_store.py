"""The store: idempotent ingest, consistency after a crash, deduplication across outlets, exports, CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from wirecoder import store
from wirecoder.cli import app
from wirecoder.export.acled import COLUMNS
from wirecoder.model import (
    Analysis,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Failure,
    GeoPrecision,
    Location,
    Span,
)
from wirecoder.store import _cluster, export

DAY = date(2024, 3, 12)
STRIKE = ("Explosions/Remote violence", "Air/drone strike")
CLASH = ("Battles", "Armed clash")
KM = 1 / 111.2  # about one kilometre of latitude, in degrees


def event(key: str, kind: tuple[str, str] = STRIKE, day: date | None = DAY, end: date | None = None,
          north_km: float = 0.0, precision: GeoPrecision = "point", located: bool = True, fatalities: int | None = None,
          who: Attribution | None = None) -> Event:
    place = Location(name="Taji", country="IQ", lat=33.52 + north_km * KM, lon=44.26,
                     precision=precision) if located else None
    sentence = f"Report {key}."
    return Event(id=key, event_type=kind[0], sub_event_type=kind[1],
                 date=EventDate(start=day, end=end or day, precision=1 if end is None else 2),
                 location=place, fatalities=fatalities, attributed_to=who,
                 evidence=Evidence(text=sentence, start=0, end=len(sentence)),
                 trigger=Span(start=0, end=6, text="Report"))


def article(key: str, outlet: str | None, *events: Event, text: str | None = None) -> Analysis:
    return Analysis(id=key, outlet=outlet, text=text or f"Article {key}.", events=list(events), published=DAY)


@pytest.fixture()
def db(tmp_path: Path) -> store.Store:
    return store.open(tmp_path / "store.db")


# --------------------------------------------------------------------------- idempotency and crashes


def test_reingesting_the_same_articles_adds_nothing(db: store.Store) -> None:
    batch = [article("a", "Wire A", event("a1")), article("b", "Wire B", event("b1"))]
    db.ingest(batch)
    again = db.ingest(batch)
    assert (again.added, again.skipped, db.count("articles"), db.count("events")) == (0, 2, 2, 2)


def test_identity_is_the_text_not_the_id(db: store.Store) -> None:
    db.ingest([article("a", "Wire A", event("a1"), text="Same words.")])
    report = db.ingest([article("renamed", "Wire A", event("a1"), text="Same words.")])
    assert report.skipped == 1


def test_a_crash_inside_a_write_leaves_a_consistent_store_and_a_rerun_finishes(
        db: store.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = [article(f"a{n}", f"Wire {n}", event(f"a{n}-e1", north_km=50.0 * n), event(f"a{n}-e2", CLASH))
             for n in range(1, 6)]
    real = _cluster.assign

    def crash_on_third(conn: sa.Connection, article_pk: int, ev: Event) -> tuple[int, str, float | None]:
        if ev.id == "a3-e2":  # after a3's article row and first event are written
            raise RuntimeError("disk on fire")
        done: tuple[int, str, float | None] = real(conn, article_pk, ev)
        return done

    monkeypatch.setattr(_cluster, "assign", crash_on_third)
    with pytest.raises(RuntimeError):
        db.ingest(batch)
    after_crash = (db.count("articles"), db.count("events"))
    monkeypatch.setattr(_cluster, "assign", real)
    report = db.ingest(batch)
    referenced = {s.event_id for c in db.clusters() for s in c.sources}
    assert (after_crash, report.added, report.skipped, db.count("articles"), db.count("events"),
            len(referenced)) == ((2, 4), 3, 2, 5, 10, 10)


def test_no_cluster_is_left_without_events_after_a_crash(db: store.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(conn: sa.Connection, article_pk: int, ev: Event) -> tuple[int, str, float | None]:
        raise RuntimeError("crash")

    monkeypatch.setattr(_cluster, "assign", crash)
    with pytest.raises(RuntimeError):
        db.ingest([article("a", "Wire A", event("a1"))])
    assert (db.count("articles"), db.count("clusters")) == (0, 0)


def test_failures_are_recorded(db: store.Store) -> None:
    report = db.ingest([Failure(source="bad.html", error="empty file"), article("a", "Wire A", event("a1"))])
    assert (report.failed, report.added, db.failures()) == (1, 1, [Failure(source="bad.html", error="empty file")])


# --------------------------------------------------------------------------- deduplication


@pytest.mark.parametrize(("second", "clusters"), [
    (event("b1"), 1),  # the same event from another outlet
    (event("b1", north_km=20), 1),  # two points 20 km apart
    (event("b1", day=DAY + timedelta(days=1)), 1),  # one day of slack
    (event("b1", day=DAY - timedelta(days=3), end=DAY + timedelta(days=2)), 1),  # a range holding the day
    (event("b1", day=DAY + timedelta(days=2)), 2),  # the same place two days later
    (event("b1", CLASH), 2),  # another type
    (event("b1", north_km=45), 2),  # too far for two points
    (event("b1", north_km=45, precision="admin2"), 1),  # within reach of a district
    (event("b1", north_km=120, precision="admin1"), 1),  # within reach of a province
    (event("b1", north_km=200, precision="admin1"), 2),  # far apart
    (event("b1", day=None), 2),  # no date never joins
    (event("b1", located=False), 2),  # no place never joins
])
def test_dedup_across_outlets(db: store.Store, second: Event, clusters: int) -> None:
    db.ingest([article("a", "Wire A", event("a1")), article("b", "Wire B", second)])
    assert db.count("clusters") == clusters


def test_events_of_one_article_never_share_a_cluster(db: store.Store) -> None:
    db.ingest([article("a", "Wire A", event("a1"), event("a2", north_km=5))])
    assert db.count("clusters") == 2


def test_a_third_report_joins_the_closest_cluster(db: store.Store) -> None:
    db.ingest([article("a", "Wire A", event("a1"), event("a2", north_km=44)),
               article("b", "Wire B", event("b1", north_km=28))])
    [joined] = [c for c in db.clusters() if len(c.sources) == 2]
    assert {s.event_id for s in joined.sources} == {"a2", "b1"}


def test_a_cluster_keeps_the_tightest_dates_and_the_most_precise_point(db: store.Store) -> None:
    db.ingest([article("a", "Wire A", event("a1", day=DAY - timedelta(days=2), end=DAY + timedelta(days=2),
                                            north_km=40, precision="admin1")),
               article("b", "Wire B", event("b1"))])
    [c] = db.clusters()
    assert (c.date.start, c.date.end, c.location.precision if c.location else None) == (DAY, DAY, "point")


def test_a_cluster_counts_distinct_outlets(db: store.Store) -> None:
    db.ingest([article("a", "Wire A", event("a1")), article("b", "Wire A", event("b1")),
               article("c", "Wire C", event("c1"))])
    [c] = db.clusters()
    assert (c.outlets, len(c.sources)) == (2, 3)


def test_a_cluster_keeps_each_source_s_attribution(db: store.Store) -> None:
    who = Attribution(name="a spokesman", kind="official")
    db.ingest([article("a", "Wire A", event("a1", who=who)), article("b", "Wire B", event("b1"))])
    [c] = db.clusters()
    assert [(s.outlet, s.attributed_to) for s in c.sources] == [("Wire A", who), ("Wire B", None)]


# --------------------------------------------------------------------------- exports


@pytest.fixture()
def filled(db: store.Store) -> store.Store:
    db.ingest([article("a", "Wire A", event("a1", fatalities=2)), article("b", "Wire B", event("b1", fatalities=3)),
               article("c", "Wire C", event("c1", CLASH, located=False))])
    return db


def test_csv_has_acled_columns_first_and_one_row_per_cluster(filled: store.Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export.to_csv(filled.clusters()))))
    assert (tuple(rows[0])[:len(COLUMNS)], len(rows)) == (COLUMNS, 2)


def test_csv_source_lists_the_outlets(filled: store.Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export.to_csv(filled.clusters()))))
    assert [(r["source"], r["fatalities"]) for r in rows if r["event_type"] == STRIKE[0]] == [("Wire A; Wire B", "3")]


def test_geojson_is_a_feature_collection_of_located_clusters(filled: store.Store) -> None:
    data = json.loads(export.to_geojson(filled.clusters()))
    assert (data["type"], [len(f["properties"]["sources"]) for f in data["features"]]) == ("FeatureCollection", [2])


def test_json_round_trips(filled: store.Store) -> None:
    data = json.loads(export.to_json(filled.clusters()))
    assert sorted(len(c["sources"]) for c in data["clusters"]) == [1, 2]


# --------------------------------------------------------------------------- command line, real analyser

# One fictional drone strike on Kidal, told by two outlets in two languages.
REPORTS = [
    {"text": "KIDAL (Mali), 14 mai 2025 (Agence de test) - Une frappe de drone a touché mardi soir un marché de "
             "Kidal, dans le nord du Mali, tuant quatre civils, ont indiqué des sources locales.\n\n"
             "L'armée malienne n'a pas commenté ces informations.\n",
     "date": "2025-05-14", "source": "Le Courrier du Sahel"},
    {"text": "BAMAKO, May 14 (Test Wire) - A drone strike hit a market in the northern Malian town of Kidal on "
             "Tuesday evening, killing four civilians, local sources said.\n\n"
             "The Malian army did not comment on the reports.\n",
     "date": "2025-05-14", "source": "Test Wire"},
]


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, str]]]:
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "reports.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), encoding="utf-8")
    db = folder / "events.db"
    return db, [cli("ingest", str(source), "--db", str(db)) for _ in range(2)]


def test_cli_ingest_adds_then_skips(ingested: tuple[Path, list[tuple[int, str]]]) -> None:
    _, runs = ingested
    assert [(code, out.split(",")[:2]) for code, out in runs] == [
        (0, ["2 added", " 0 skipped (already present)"]), (0, ["0 added", " 2 skipped (already present)"])]


def test_two_languages_two_outlets_one_event(ingested: tuple[Path, list[tuple[int, str]]]) -> None:
    db, _ = ingested
    code, out = cli("events", "--db", str(db), "--format", "json")
    strikes = [c for c in json.loads(out)["clusters"] if c["sub_event_type"] == STRIKE[1]]
    assert (code, [sorted(s["outlet"] for s in c["sources"]) for c in strikes]) == (
        0, [["Le Courrier du Sahel", "Test Wire"]])


def test_cli_events_geojson(ingested: tuple[Path, list[tuple[int, str]]], tmp_path: Path) -> None:
    db, _ = ingested
    target = tmp_path / "events.geojson"
    code, _ = cli("events", "--db", str(db), "--format", "geojson", "--output", str(target))
    assert (code, json.loads(target.read_text(encoding="utf-8"))["type"]) == (0, "FeatureCollection")


def test_cli_ingest_records_a_failure_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out = cli("ingest", str(empty), "--db", str(tmp_path / "f.db"))
    with store.open(tmp_path / "f.db") as db:
        assert (code, "1 failed" in out, len(db.failures())) == (1, True, 1)


def test_cli_events_on_a_missing_store_is_a_usage_error(tmp_path: Path) -> None:
    code, _ = cli("events", "--db", str(tmp_path / "nowhere.db"))
    assert code == 2
