"""time: temporal expressions -> intervals anchored on the publication date.

STUB: replaced by the timex work (issue 4).
"""

from __future__ import annotations

from datetime import date

from wirecoder.lang import LangPack
from wirecoder.model import Anchor, EventDate, Parsed, Span, Timex


def infer_anchor(doc: Parsed, pack: LangPack, published: date | None) -> Anchor:
    """The day relative dates count from: the publication date, else one inferred from the text."""
    return Anchor(day=published, inferred=False, evidence=None if published else "no publication date")


def run(doc: Parsed, pack: LangPack, anchor: Anchor) -> list[Timex]:
    """Every temporal expression in the article, resolved against ``anchor``."""
    return []


def event_date(trigger: Span, doc: Parsed, timexes: list[Timex], anchor: Anchor, *, future: bool = False) -> EventDate:
    """The date of the event named at ``trigger``: the governing expression, else the anchor."""
    if anchor.day is None:
        return EventDate(reason="no-anchor")
    return EventDate(start=anchor.day, end=anchor.day, precision=2, reason="publication-date")
