"""The fast trigger matcher gives exactly spaCy's Matcher results, on operator cases and on the lexicons."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import Matcher

from wirecoder import lang
from wirecoder.model import Parsed
from wirecoder.stages._events_match import TokenPatterns, UnsupportedPattern

LANG_TESTS = Path(__file__).resolve().parents[1] / "lang"

CASES: list[tuple[str, list[dict[str, Any]], str]] = [
    ("en", [{"LOWER": "car"}, {"LOWER": "bomb"}], "A car bomb went off near a car."),
    ("en", [{"LOWER": {"IN": ["fired", "launched"]}}, {"IS_PUNCT": False, "OP": "{0,2}"}, {"LOWER": "rockets"}],
     "They fired two rockets and launched rockets again."),
    ("en", [{"LOWER": "air"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "strike"}], "An air-strike and an air strike."),
    ("en", [{"LOWER": "riot"}, {"LOWER": {"IN": ["police", "gear"]}, "OP": "!"}], "Riot police ended the riot."),
    ("en", [{"LEMMA": "protest"}, {"POS": {"NOT_IN": ["PUNCT"]}, "OP": "*"}], "Crowds protested all day."),
    ("fr", [{"LOWER": {"IN": ["se", "s'"]}}, {"LEMMA": "être", "OP": "?"}, {"LOWER": "fait"}, {"LOWER": "exploser"}],
     "Un kamikaze s'est fait exploser devant la mosquée."),
    ("fr", [{"LOWER": "obus", "IS_TITLE": False}, {"LOWER": "de", "OP": "{1,2}"}, {"LOWER": "mortier", "OP": "+"}],
     "Des obus de mortier sont tombés."),
]


def spacy_matches(doc: Any, patterns: list[list[dict[str, Any]]]) -> set[tuple[int, int, int]]:
    matcher = Matcher(doc.vocab, validate=True)
    for i, pattern in enumerate(patterns):
        matcher.add(str(i), [pattern])
    return {(int(doc.vocab.strings[key]), start, end) for key, start, end in matcher(doc)}


@pytest.mark.parametrize(("code", "pattern", "text"), CASES)
def test_operator_case_matches_like_spacy(make_parsed: Callable[..., Parsed], code: str,
                                          pattern: list[dict[str, Any]], text: str) -> None:
    doc = make_parsed(text, code).doc
    assert set(TokenPatterns([pattern])(doc)) == spacy_matches(doc, [pattern])


def sentences(code: str) -> list[str]:
    spec = importlib.util.spec_from_file_location(f"lexicon_{code}", LANG_TESTS / f"test_triggers_{code}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [text for _, text in module.POSITIVE] + list(module.NEGATIVE)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_lexicon_matches_like_spacy(make_parsed: Callable[..., Parsed], code: str) -> None:
    patterns = [trig.pattern for trig in lang.load(code).triggers]
    doc = make_parsed(" ".join(sentences(code)), code).doc
    assert set(TokenPatterns(patterns)(doc)) == spacy_matches(doc, patterns)


@pytest.mark.parametrize("pattern", [[{"TEXT": {"REGEX": "^x"}}], [{"LOWER": "a", "OP": "{x}"}], [{"LENGTH": 3}]])
def test_unsupported_pattern_is_refused(pattern: list[dict[str, Any]]) -> None:
    with pytest.raises(UnsupportedPattern):
        TokenPatterns([pattern])
