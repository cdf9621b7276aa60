"""Integrity of the project's own annotated material: examples/, tests/data/{articles,heldout,geo}/.

These tests check the annotations, not the analyser: every evidence string and paragraph anchor
occurs in its text, every type is ACLED's, every field a scorer reads is present and well formed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest

from gold_files import day as _day
from gold_files import fold as _fold
from gold_files import gold as _gold
from gold_files import text as _text
from wirecoder.model import ACLED, TECHNIQUES, Factuality, GeoPrecision

ROOT = Path(__file__).resolve().parents[1]
# every annotated set of the project; the blind held-out set has stricter rules of its own in test_heldout_data.py
GOLD = sorted([*(ROOT / "examples").glob("*.gold.json"), *(ROOT / "tests/data/articles").glob("*.gold.json"),
               *(ROOT / "tests/data/heldout").glob("*.gold.json")])
ARTICLES = sorted((ROOT / "tests/data/articles").glob("*.gold.json"))
TOPONYMS = ROOT / "tests/data/geo/toponyms.jsonl"

TOP_FIELDS = ("doc", "text_file", "language", "outlet", "published", "genre", "events", "paragraph_techniques")
EVENT_FIELDS = (
    "id", "required", "event_type", "sub_event_type", "date", "location", "actor1", "actor2",
    "factuality", "attributed_to", "evidence",
)
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "precision")
TOPONYM_KINDS = {"city", "admin1", "country", "facility", "sea", "district", "region"}


def _events(paths: list[Path]) -> list[tuple[str, dict[str, Any], str]]:
    return [(f"{p.name}:{e['id']}", e, _text(p)) for p in paths for e in _gold(p)["events"]]


EVENTS = _events(GOLD)
EVENT_IDS = [key for key, _, _ in EVENTS]


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_has_every_top_field(path: Path) -> None:
    assert [f for f in TOP_FIELDS if f not in _gold(path)] == []


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_doc_id_is_the_file_stem(path: Path) -> None:
    assert _gold(path)["doc"] == path.name.removesuffix(".gold.json")


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_text_file_sits_beside_its_gold(path: Path) -> None:
    assert (path.parent / _gold(path)["text_file"]).is_file()


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_metadata_is_well_formed(path: Path) -> None:
    gold = _gold(path)
    problems = [
        name for name, ok in (
            ("language", gold["language"] in ("fr", "en")),
            ("genre", gold["genre"] in ("reporting", "opinion", "satire")),
            ("published", bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"]))),
            ("events", len(gold["events"]) >= 3),
        ) if not ok
    ]
    assert problems == []


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_event_ids_are_unique(path: Path) -> None:
    ids = [e["id"] for e in _gold(path)["events"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_has_required_events(path: Path) -> None:
    assert sum(e["required"] for e in _gold(path)["events"]) >= 3


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_event_has_every_field(key: str, event: dict[str, Any], text: str) -> None:
    missing = [f for f in EVENT_FIELDS if f not in event] + [f for f in LOCATION_FIELDS if f not in event["location"]]
    assert missing == []


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_event_type_is_acled(key: str, event: dict[str, Any], text: str) -> None:
    assert event["sub_event_type"] in ACLED.get(event["event_type"], ())


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_evidence_occurs_in_text(key: str, event: dict[str, Any], text: str) -> None:
    assert event["evidence"] in text


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_factuality_and_precision_are_known(key: str, event: dict[str, Any], text: str) -> None:
    assert (event["factuality"], event["location"]["precision"]) in {
        (f, p) for f in get_args(Factuality) for p in get_args(GeoPrecision)
    }


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_coordinates_are_in_range(key: str, event: dict[str, Any], text: str) -> None:
    loc = event["location"]
    assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_date_is_an_ordered_interval_or_open(key: str, event: dict[str, Any], text: str) -> None:
    start, end = _day(event["date"]["start"]), _day(event["date"]["end"])
    assert (start is None and end is None) or (start is not None and end is not None and start <= end)


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_only_optional_events_lack_a_date(key: str, event: dict[str, Any], text: str) -> None:
    assert not (event["required"] and event["date"]["start"] is None)


@pytest.mark.parametrize(("key", "event", "text"), EVENTS, ids=EVENT_IDS)
def test_future_events_are_optional(key: str, event: dict[str, Any], text: str) -> None:
    assert not (event["required"] and event["factuality"] == "future")


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_paragraph_anchors_occur_in_text(path: Path) -> None:
    text = _fold(_text(path))
    assert [a["anchor"] for a in _gold(path)["paragraph_techniques"] if _fold(a["anchor"]) not in text] == []


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_every_paragraph_has_an_anchor(path: Path) -> None:
    paragraphs = [line for line in _text(path).splitlines() if line.strip()]
    assert len(_gold(path)["paragraph_techniques"]) == len(paragraphs)


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_techniques_are_semeval_labels(path: Path) -> None:
    labels = {t for a in _gold(path)["paragraph_techniques"] for t in a["techniques"]}
    assert labels <= set(TECHNIQUES)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_article_length_is_250_to_600_words(path: Path) -> None:
    assert 250 <= len(_text(path).split()) <= 600


def test_articles_cover_both_languages() -> None:
    languages = [_gold(p)["language"] for p in ARTICLES]
    assert min(languages.count("fr"), languages.count("en")) >= 5


@pytest.mark.parametrize("name", ["fr-frontier-dispatch", "en-port-dispatch"])
def test_examples_are_dated_like_make_demo(name: str) -> None:
    assert _gold(ROOT / "examples" / f"{name}.gold.json")["published"] == "2024-05-16"


# --------------------------------------------------------------------------- toponyms


def _toponyms() -> list[dict[str, Any]]:
    return [json.loads(line) for line in TOPONYMS.read_text(encoding="utf-8").splitlines() if line.strip()]


TOPONYM_ROWS = _toponyms()
TOPONYM_IDS = [f"{i}:{row['mention']}" for i, row in enumerate(TOPONYM_ROWS)]


@pytest.mark.parametrize("row", TOPONYM_ROWS, ids=TOPONYM_IDS)
def test_toponym_mention_occurs_in_its_sentence(row: dict[str, Any]) -> None:
    assert row["mention"] in row["text"]


@pytest.mark.parametrize("row", TOPONYM_ROWS, ids=TOPONYM_IDS)
def test_toponym_expectation_is_well_formed(row: dict[str, Any]) -> None:
    exp = row["expected"]
    assert (
        row["lang"] in ("fr", "en")
        and exp["kind"] in TOPONYM_KINDS
        and (exp["country"] is None or re.fullmatch(r"[A-Z]{2}", exp["country"]) is not None)
        and -90 <= exp["lat"] <= 90
        and -180 <= exp["lon"] <= 180
    )


def test_toponym_set_is_large_and_bilingual() -> None:
    langs = [row["lang"] for row in TOPONYM_ROWS]
    assert len(langs) >= 170 and min(langs.count("fr"), langs.count("en")) >= 0.4 * len(langs)
