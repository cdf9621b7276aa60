"""time, per event: the expression that governs an event, and the date it gives it.

Order of preference: an expression in the trigger's own clause (the one hanging under
the trigger first), then the nearest in its sentence, then the paragraph's running date
(the last one before the sentence: "On Monday, ..." dates what follows), for a headline
the lead's first date, then the publication day at a lower precision. A past event never ends after the anchor; an
expected one never ends before it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from wirecoder.model import EventDate, Parsed, Span, Timex
from wirecoder.stages._timex_resolve import span_precision
from wirecoder.stages._timex_syntax import clause_head, governs, hops, tokens

FUTURE_DAYS = 7  # an expected event with no date of its own: the week after the anchor
BACKGROUND = ("year", "season")  # too coarse to date an event outside its own clause
LONG_DAYS = 62  # a span longer than this dates only its own clause
NOMINAL = ("NOUN", "PROPN")
META = ("dateline", "byline")  # reason prefixes of the article's own dates
LEADING_TOKENS = 3  # a date this close to its sentence's start sets the scene ("On Monday, ...")
SENTENCE_END = (*".!?…»”\"", "")  # what ends a sentence ("" : the paragraph's start)


def _usable(t: Timex, anchor: date | None, future: bool) -> bool:
    if t.start is None or t.end is None:
        return anchor is None
    if anchor is None:
        return True
    if future:  # forward of the anchor, or the anchor day itself; not a past span that reaches it
        return t.end > anchor or t.start == anchor
    return t.start <= anchor


def _coarse(t: Timex) -> bool:
    if t.kind in BACKGROUND:
        return True
    return t.start is not None and t.end is not None and (t.end - t.start).days > LONG_DAYS


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


TEXT_KEY = "wirecoder.text"


def _sent_start_char(doc: Any, i: int) -> int:
    """Where the sentence holding token ``i`` starts (a walk to its start: ``Span.sent`` scans the doc)."""
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return int(doc[i].idx)


def _sent_end_char(doc: Any, i: int) -> int:
    n = len(doc)
    i += 1
    while i < n and not doc[i].is_sent_start:
        i += 1
    last = doc[i - 1]
    return int(last.idx + len(last.text))


def _last_char(text: str, lo: int, hi: int) -> int:
    """Index of the last non-space character of ``text[lo:hi]``, -1 when there is none (no copying)."""
    i = hi - 1
    while i >= lo and text[i].isspace():
        i -= 1
    return i if i >= lo else -1


def _sentence(doc: Any, sent: Any, para: tuple[int, int]) -> tuple[int, int]:
    """The sentence's characters within its paragraph, joined to its neighbours where the parser
    split without a full stop (a caption "..., Aïn al-Asad, le 8 janvier 2020/AFP")."""
    text = doc.user_data.get(TEXT_KEY) or doc.user_data.setdefault(TEXT_KEY, doc.text)  # spaCy rebuilds .text on each access
    lo, hi = max(sent.start_char, para[0]), min(sent.end_char, para[1])
    while lo > para[0]:
        back = _last_char(text, para[0], lo)
        if back < 0 or text[back] in SENTENCE_END:
            break
        prev = tokens(doc, back, back + 1)
        if prev is None or _sent_start_char(doc, prev.start) >= lo:
            break
        lo = max(para[0], _sent_start_char(doc, prev.start))
    while hi < para[1] and (end := _last_char(text, lo, hi)) >= 0 and text[end] not in SENTENCE_END:
        ahead = hi + len(text[hi:para[1]]) - len(text[hi:para[1]].lstrip())
        nxt = tokens(doc, ahead, ahead + 1) if ahead < para[1] else None
        if nxt is None or _sent_end_char(doc, nxt.start) <= hi:
            break
        hi = min(para[1], _sent_end_char(doc, nxt.start))
    return lo, hi


def _in_sentence(trigger: Any, sent: Any, para: tuple[int, int], timexes: list[Timex],
                 doc: Any) -> tuple[Timex, str] | None:
    lo, hi = _sentence(doc, sent, para)
    here = [t for t in timexes if lo <= t.span.start and t.span.end <= hi]
    if not here:
        return None
    root = trigger.root
    clause = clause_head(root)
    tied: list[tuple[int, int, int, Timex]] = []
    for t in here:
        span = tokens(doc, t.span.start, t.span.end)
        if span is None:
            continue
        distance = abs(t.span.start - trigger.start_char)
        own = clause_head(span.root).i == clause.i
        nominal = root.pos_ in NOMINAL  # all that hangs under a noun trigger describes it
        if ((own or nominal) and governs(root, span.root)) or (governs(span.root, clause) and clause.i != span.root.i):
            # under the trigger ("l'attaque menée dans la nuit de samedi à dimanche"), or the
            # trigger's clause under the date ("le 5 janvier, date à laquelle ...")
            tied.append((0, 0, distance, t))
        elif own:
            tied.append((1, hops(clause, span.root) or 0, distance, t))
    if tied:
        return min(tied, key=lambda x: x[:3])[3], "same-clause"
    loose = [t for t in here if not _coarse(t)]
    if loose:
        return min(loose, key=lambda t: abs(t.span.start - trigger.start_char)), "same-sentence"
    return None


def _running(sent_start: int, para: tuple[int, int], timexes: list[Timex], doc: Any) -> Timex | None:
    """The last date before the sentence, in its paragraph, that opens its own sentence or dates its main clause."""
    before = [t for t in timexes if para[0] <= t.span.start and t.span.end <= sent_start and not _coarse(t)]
    for t in reversed(before):
        span = tokens(doc, t.span.start, t.span.end)
        if span is None:
            continue
        sent = span.root.sent
        if span.start - sent.start <= LEADING_TOKENS or clause_head(span.root).i == sent.root.i:
            return t
    return None


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
    # a dateline or byline date is the article's, not an event's: it only stands behind the fallback
    usable = sorted((t for t in timexes if _usable(t, anchor, future) and not t.reason.startswith(META)),
                    key=lambda t: t.span.start)
    if span is None or not usable:
        return _fallback(anchor, future)
    para = _paragraph(doc.article.text, trigger.start)
    found = _in_sentence(span, span.sent, para, usable, doc.doc)
    if found is not None:
        return _dated(found[0], found[1], anchor, future)
    running = _running(max(span.sent.start_char, para[0]), para, usable, doc.doc)
    if running is not None:
        return _dated(running, "paragraph-date", anchor, future)
    lead = _lead(doc.article.text, para, usable)
    if lead is not None:
        return _dated(lead, "lead-date", anchor, future)
    return _fallback(anchor, future)


def _lead(text: str, para: tuple[int, int], timexes: list[Timex]) -> Timex | None:
    """For a headline (the first line, with no full stop), the first date of the text below it
    that is not the dateline's or the byline's: a headline tells the lead's event."""
    if text[:para[0]].strip() or text[para[0]:para[1]].rstrip()[-1:] in SENTENCE_END[:-1]:
        return None
    below = [t for t in timexes if t.span.start >= para[1] and not _coarse(t)]
    return below[0] if below else None
