"""The bundled example dispatches: the analyser against their gold annotations.

Floors, not exact figures: they say the examples keep working end to end
(events found, typed, dated and placed within the scorer's radius); the
quality figures themselves are reported by bench/gate.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import analyze
from wirecoder.evaluate import Gold, load_golds, score

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLDS = load_golds([EXAMPLES])


@pytest.mark.parametrize("gold", GOLDS, ids=[g.doc for g in GOLDS])
def test_example_recall_and_precision(gold: Gold) -> None:
    result = analyze(gold.text, published=gold.published, id=gold.doc, outlet=gold.outlet)
    s = score([gold], {gold.doc: result})
    assert s.recall >= 0.6 and s.precision >= 0.4, f"missed {s.missed}, {s.fp} false positives"


@pytest.mark.parametrize("gold", GOLDS, ids=[g.doc for g in GOLDS])
def test_example_spans_cut_the_text(gold: Gold) -> None:
    result = analyze(gold.text, published=gold.published, id=gold.doc)
    spans = [(e.evidence.start, e.evidence.end, e.evidence.text) for e in result.events]
    spans += [(t.start, t.end, t.text) for t in result.techniques]
    spans += [(c.start, c.end, c.text) for c in result.claims]
    assert spans and all(gold.text[s:e] == t for s, e, t in spans)


def test_examples_are_both_languages() -> None:
    assert {g.language for g in GOLDS} == {"fr", "en"}
