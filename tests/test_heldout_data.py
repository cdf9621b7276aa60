"""The blind held-out set's own rules (tests/data/heldout/): annotations only, never the analyser.

The checks every gold file passes (fields, ACLED types, evidence in the text, anchors...) run over this
set too, in test_examples_data.py; these are the stricter ones the set was written to.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gold_files import day as _day
from gold_files import gold as _gold
from gold_files import text as _text

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
GOLD = sorted(HELDOUT.glob("*.gold.json"))

OPTIONAL_KINDS = {"political", "expected", "background", "vague", "split", "alternative", "contested", "denied"}


EVENTS = [(f"{p.name}:{e['id']}", e, _text(p), _gold(p)["published"]) for p in GOLD for e in _gold(p)["events"]]
EVENT_IDS = [key for key, _, _, _ in EVENTS]


def test_set_has_ten_articles_five_per_language() -> None:
    languages = [_gold(p)["language"] for p in GOLD]
    assert (languages.count("fr"), languages.count("en")) == (5, 5)


def test_readme_says_the_set_is_blind() -> None:
    assert "blind" in (HELDOUT / "README.md").read_text(encoding="utf-8").lower()


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
def test_gold_has_at_least_four_required_events(path: Path) -> None:
    assert sum(e["required"] for e in _gold(path)["events"]) >= 4


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_required_events_span_several_acled_types(path: Path) -> None:
    assert len({e["event_type"] for e in _gold(path)["events"] if e["required"]}) >= 3


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_article_length_is_250_to_550_words(path: Path) -> None:
    assert 250 <= len(_text(path).split()) <= 550


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_country_is_an_iso_code(key: str, event: dict[str, Any], text: str, published: str) -> None:
    country = event["location"]["country"]  # null only for an event at sea
    assert (country is None and event["location"]["precision"] in ("admin2", "admin1")) or re.fullmatch(r"[A-Z]{2}", country or "") is not None


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_dated_events_do_not_end_after_publication(key: str, event: dict[str, Any], text: str, published: str) -> None:
    end = _day(event["date"]["end"])
    assert end is None or end <= date.fromisoformat(published)


@pytest.mark.parametrize(("key", "event", "text", "published"), EVENTS, ids=EVENT_IDS)
def test_optional_events_say_why(key: str, event: dict[str, Any], text: str, published: str) -> None:
    assert event["required"] or event.get("kind") in OPTIONAL_KINDS
