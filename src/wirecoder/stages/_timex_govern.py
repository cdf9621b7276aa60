"""time, per event: the expression that governs an event, and the date it gives it.

Order of preference: an expression in the trigger's own clause (the one hanging under
the trigger first), then the nearest in its sentence, then the paragraph's running date
(the last one before the sentence: "On Monday, ..." dates what follows), then the
publication day at a lower precision. A past event never ends after the anchor; an
expected one never ends before it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from wirecoder.model import EventDate, Parsed, Span, Timex
from wirecoder.stages._timex_resolve import span_precision
from wirecoder.stages._timex_syntax import clause_head, governs, tokens

FUTURE_DAYS = 7  # an expected event with no date of its own: the week after the anchor
BACKGROUND = ("year", "season")  # too coarse to date an event outside its own clause
LONG_DAYS = 62  # a span longer than this dates only its own clause
SHORT_PARAGRAPH = 300  # characters: a line this short (a caption) is read as one sentence


def _usable(t: Timex, anchor: date | None, future: bool) -> bool:
    if t.start is None or t.end is None:
        return anchor is None
    if anchor is None:
        return True
    return t.end >= anchor if future else t.start <= anchor


def _coarse(t: Timex) -> bool:
    if t.kind in BACKGROUND:
        return True
    return t.start is not None and t.end is not None and (t.end - t.start).days > LONG_DAYS


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _in_sentence(trigger: Any, sent: Any, para: tuple[int, int], timexes: list[Timex],
                 doc: Any) -> tuple[Timex, str] | None:
    lo, hi = max(sent.start_char, para[0]), min(sent.end_char, para[1])
    if para[1] - para[0] <= SHORT_PARAGRAPH:  # a caption or a one-line lead is one unit, whatever the parser split
        lo, hi = para
    here = [t for t in timexes if lo <= t.span.start and t.span.end <= hi]
    if not here:
        return None
    root = trigger.root
    clause = clause_head(root)
    tied: list[tuple[int, int, Timex]] = []
    for t in here:
        span = tokens(doc, t.span.start, t.span.end)
        if span is None:
            continue
        if governs(root, span.root):
            tied.append((0, abs(t.span.start - trigger.start_char), t))
        elif clause_head(span.root).i == clause.i:
            tied.append((1, abs(t.span.start - trigger.start_char), t))
    if tied:
        return min(tied, key=lambda x: (x[0], x[1]))[2], "same-clause"
    loose = [t for t in here if not _coarse(t)]
    if loose:
        return min(loose, key=lambda t: abs(t.span.start - trigger.start_char)), "same-sentence"
    return None


def _running(sent_start: int, para: tuple[int, int], timexes: list[Timex]) -> Timex | None:
    before = [t for t in timexes if para[0] <= t.span.start and t.span.end <= sent_start and not _coarse(t)]
    return before[-1] if before else None


def _fallback(anchor: date | None, future: bool) -> EventDate:
    if anchor is None:
        return EventDate(reason="no-anchor")
    if future:
        return EventDate(start=anchor, end=anchor + timedelta(days=FUTURE_DAYS), precision=2,
                         reason="future-from-anchor")
    return EventDate(start=anchor, end=anchor, precision=2, reason="publication-date")


def _dated(t: Timex, reason: str, anchor: date | None, future: bool) -> EventDate:
    """The event date a governing expression gives, kept on the right side of the anchor."""
    start, end = t.start, t.end
    if start is None or end is None or anchor is None:
        return EventDate(start=start, end=end, precision=t.precision, text=t.span.text,
                         reason=f"{reason}-text-only" if start is None else reason)
    if future:
        start = max(start, anchor)
    else:
        end = min(end, anchor)
    precision = t.precision if (start, end) == (t.start, t.end) else max(t.precision, span_precision(start, end))
    return EventDate(start=start, end=end, precision=precision, text=t.span.text, reason=reason)


def govern(trigger: Span, doc: Parsed, timexes: list[Timex], anchor: date | None, future: bool) -> EventDate:
    """The date of the event named at ``trigger``."""
    span = tokens(doc.doc, trigger.start, trigger.end)
    usable = sorted((t for t in timexes if _usable(t, anchor, future)), key=lambda t: t.span.start)
    if span is None or not usable:
        return _fallback(anchor, future)
    para = _paragraph(doc.article.text, trigger.start)
    found = _in_sentence(span, span.sent, para, usable, doc.doc)
    if found is not None:
        return _dated(found[0], found[1], anchor, future)
    running = _running(max(span.sent.start_char, para[0]), para, usable)
    if running is not None:
        return _dated(running, "paragraph-date", anchor, future)
    return _fallback(anchor, future)
