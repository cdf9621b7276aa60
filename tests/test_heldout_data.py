"""Integrity of the blind held-out set (tests/data/heldout/): annotations only, never the analyser.

Every evidence string and paragraph anchor occurs in its text, every type is ACLED's, factuality and
precision are known values, coordinates are in range, required events are dated and not future,
optional ones say why they are optional.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest

from wirecoder.model import ACLED, TECHNIQUES, Factuality, GeoPrecision

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
GOLD = sorted(HELDOUT.glob("*.gold.json"))

TOP_FIELDS = ("doc", "text_file", "language", "outlet", "published", "genre", "events", "paragraph_techniques")
EVENT_FIELDS = (
    "id", "required", "event_type", "sub_event_type", "date", "location", "actor1", "actor2",
    "factuality", "attributed_to", "evidence",
)
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "precision")
OPTIONAL_KINDS = {"political", "expected", "background", "vague", "split", "alternative", "contested", "denied"}


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _text(path: Path) -> str:
    name: str = _gold(path)["text_file"]
    return (path.parent / name).read_text(encoding="utf-8")


def _fold(text: str) -> str:
    """Fold no-break spaces and curly quotes, as the scorer does when it looks for anchors."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


EVENTS = [(f"{p.name}:{e['id']}", e, _text(p), _gold(p)["published"]) for p in GOLD for e in _gold(p)["events"]]
EVENT_IDS = [key for key, _, _, _ in EVENTS]


def test_set_has_ten_articles_five_per_language() -> None:
    languages = [_gold(p)["language"] for p in GOLD]
    assert (languages.count("fr"), languages.count("en")) == (5, 5)


def test_readme_says_the_set_is_blind() -> None:
    assert "blind" in (HELDOUT / "README.md").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_has_every_top_field(path: Path) -> None:
    assert [f for f in TOP_FIELDS if f not in _gold(path)] == []


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_doc_id_is_the_file_stem_and_text_sits_beside(path: Path) -> None:
    gold = _gold(path)
    assert gold["doc"] == path.name.removesuffix(".gold.json") and (path.parent / gold["text_file"]).is_file()


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_metadata_is_well_formed(path: Path) -> None:
    gold = _gold(path)
    problems = [
        name for name, ok in (
            ("language", gold["language"] in ("fr", "en")),
            ("genre", gold["genre"] in ("reporting", "opinion", "satire")),
            ("published", bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["published"]))),
            ("doc-prefix", path.name.startswith(f"{gold['language']}_")),
        ) if not ok
    ]
    assert problems == []


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_event_ids_are_unique(path: Path) -> None:
    ids = [e["id"] for e in _gold(path)["events"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_has_at_least_four_required_events(path: Path) -> None:
    assert sum(e["required"] for e in _gold(path)["events"]) >= 4


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_required_events_span_several_acled_types(path: Path) -> None:
    assert len({e["event_type"] for e in _gold(path)["events"] if e["required"]}) >= 3


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_article_length_is_250_to_550_words(path: Path) -> None:
    assert 250 <= len(_text(path).split()) <= 550


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_event_has_every_field(key: str, event: dict[str, Any], text: str, published: str) -> None:
    missing = [f for f in EVENT_FIELDS if f not in event] + [f for f in LOCATION_FIELDS if f not in event["location"]]
    assert missing == []


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_event_type_is_acled(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert event["sub_event_type"] in ACLED.get(event["event_type"], ())


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_evidence_occurs_in_text(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert event["evidence"] in text


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_factuality_and_precision_are_known(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert (event["factuality"], event["location"]["precision"]) in {
        (f, p) for f in get_args(Factuality) for p in get_args(GeoPrecision)
    }


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_coordinates_are_in_range(key: str, event: dict[str, Any], text: str, published: str) -> None:
    loc = event["location"]
    assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_country_is_an_iso_code(key: str, event: dict[str, Any], text: str, published: str) -> None:
    country = event["location"]["country"]  # null only for an event at sea
    assert (country is None and event["location"]["precision"] in ("admin2", "admin1")) or re.fullmatch(r"[A-Z]{2}", country or "") is not None


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_date_is_an_ordered_interval_or_open(key: str, event: dict[str, Any], text: str, published: str) -> None:
    start, end = _day(event["date"]["start"]), _day(event["date"]["end"])
    assert (start is None and end is None) or (start is not None and end is not None and start <= end)


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_dated_events_do_not_end_after_publication(key: str, event: dict[str, Any], text: str, published: str) -> None:
    end = _day(event["date"]["end"])
    assert end is None or end <= date.fromisoformat(published)


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_required_events_are_dated(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert not (event["required"] and event["date"]["start"] is None)


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_future_events_are_optional(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert not (event["required"] and event["factuality"] == "future")


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_optional_events_say_why(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert event["required"] or event.get("kind") in OPTIONAL_KINDS


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
