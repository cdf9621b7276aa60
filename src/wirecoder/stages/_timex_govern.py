"""time, per event: the expression that governs an event, and the date it gives it.

Order of preference: an expression in the trigger's own clause (the one hanging under
the trigger first), then the nearest in its sentence, then the paragraph's running date
(the last one before the sentence that sets its scene: "On Monday, ..." dates what
follows), then, for a sentence with no date at all, the scene of the body paragraph above
(a paragraph with no date goes on with the story above it; captions, notes and speakers'
dates stepped over), for a headline the lead's scene date, then the publication day at a
lower precision. Dates running on from context point the way the event does. A past event
never ends after the anchor; an expected one never ends before it.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any

from wirecoder import lang
from wirecoder.model import EventDate, Parsed, Span, Timex
from wirecoder.stages._timex_resolve import span_precision
from wirecoder.stages._timex_syntax import clause_head, clause_is_future, governs, hops, tokens

FUTURE_DAYS = 7  # an expected event with no date of its own: the week after the anchor
BACKGROUND = ("year", "season")  # too coarse to date an event outside its own clause
LONG_DAYS = 62  # a span longer than this dates only its own clause
NOMINAL = ("NOUN", "PROPN")
META = ("dateline", "byline")  # reason prefixes of the article's own dates
LEADING_TOKENS = 3  # a date this close to its sentence's start sets the scene ("On Monday, ...")
SENTENCE_END = (*".!?…»”\"", "")  # what ends a sentence ("" : the paragraph's start)
CARRY_PARAGRAPHS = 4  # how many paragraphs up a date may be carried from
CONTEXT_PRECISION = 2  # a date read from an earlier paragraph, like the publication day's fallback
OPENING_BRACKETS = "[("
CARRY_DAYS = 6  # the longest span carried to the next paragraph ("last week": Monday to Sunday)
REPORTED = ("ccomp",)  # a clause a speech verb reports: the verb's date is the speaking's
# how the parser hangs a clause said before an inverted speech verb ("X, a annoncé Y"); after the
# main verb, the same labels mark the inserted speech verb itself
INVERTED = ("advcl", "parataxis")


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
    loose = [t for t in here if not _coarse(t) or _over(t, clause, doc)]
    if loose:
        return min(loose, key=lambda t: abs(t.span.start - trigger.start_char)), "same-sentence"
    return None


def _over(t: Timex, clause: Any, doc: Any) -> bool:
    """Whether the date's clause holds the trigger's as an adjunct, not as a reported clause
    ("launched an offensive in 2022, recapturing dozens of towns")."""
    span = tokens(doc, t.span.start, t.span.end)
    if span is None:
        return False
    head = clause_head(span.root)
    return head.i != clause.i and clause.dep_ not in REPORTED and governs(head, clause)


def _running(sent_start: int, para: tuple[int, int], timexes: list[Timex], doc: Any, *,
             first: bool = False) -> Timex | None:
    """The last date before the sentence, in its paragraph, that sets its sentence's scene, else the
    last that dates a speaking ("said last week that ...": no later than that). With ``first``, the
    paragraph's first scene date, for the paragraphs below it."""
    before = [t for t in timexes if para[0] <= t.span.start and t.span.end <= sent_start and not _coarse(t)]
    for t in before if first else reversed(before):
        if _scene(t, doc, para[0]):
            return t
    if first:
        return None
    for t in reversed(before):
        span = tokens(doc, t.span.start, t.span.end)
        if span is not None and clause_head(span.root).dep_ == "ROOT":
            return t
    return None


def _scene(t: Timex, doc: Any, para_start: int) -> bool:
    """Whether the date sets the scene of its sentence: it opens it, or dates its main clause, or
    the clause that the main clause reports ("Gunmen stormed a hotel on Thursday, police said";
    then not the speaking's date: "a annoncé jeudi que ...")."""
    span = tokens(doc, t.span.start, t.span.end)
    if span is None:
        return False
    if span.start - _sent_first(doc, span.start, para_start) <= LEADING_TOKENS:
        return True
    head = clause_head(span.root)
    if head.dep_ == "ROOT":
        return not any(_reported(c, head) for c in head.children)
    return bool(head.head.dep_ == "ROOT" and _reported(head, head.head))  # what the main clause reports


def _short(t: Timex) -> bool:
    """A date fine enough to carry to the next paragraph: a day, a night, a week at most."""
    return t.start is not None and t.end is not None and (t.end - t.start).days <= CARRY_DAYS


def _reported(child: Any, head: Any) -> bool:
    """Whether ``child`` is a clause that ``head`` reports: its complement, or a clause before an
    inverted speech verb ("Douze soldats ont été tués, a annoncé jeudi le ministère")."""
    return child.dep_ in REPORTED or (child.dep_ in INVERTED and child.i < head.i)


def _sent_first(doc: Any, i: int, lo: int) -> int:
    """The index of the first token of the sentence holding token ``i``, not before character ``lo``
    (a paragraph starts a sentence, even where the parser ran the line above into it)."""
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].idx >= lo:
        i -= 1
    return i


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
    sent = span.sent  # once: Span.sent walks the doc
    found = _in_sentence(span, sent, para, usable, doc.doc)
    if found is not None:
        return _dated(found[0], found[1], anchor, future)
    # a date running on from an earlier sentence points the way the event does: "in the coming
    # days" dates no past event that follows it, last week's date no event still expected
    ahead = future or _expected(span, doc)
    settled = [t for t in usable if t.future == ahead]
    running = _running(max(sent.start_char, para[0]), para, settled, doc.doc)
    if running is not None:
        return _dated(running, "paragraph-date", anchor, future)
    # a sentence with a date of its own, however coarse ("in 2022"), is not the paragraph above's
    lo, hi = max(sent.start_char, para[0]), min(sent.end_char, para[1])
    dateless = not any(lo <= t.span.start < hi for t in timexes)
    carried = _carried(doc.article.text, para, settled, doc.doc) if dateless and not ahead else None
    if carried is not None:  # context, not the sentence, dates it: a lower precision
        got = _dated(carried, "previous-paragraph-date", anchor, future)
        return got.model_copy(update={"precision": max(got.precision or 1, CONTEXT_PRECISION)})
    lead = _lead(doc.article.text, para, settled, doc.doc)
    if lead is not None:
        return _dated(lead, "lead-date", anchor, future)
    return _fallback(anchor, future)


def _expected(trigger: Any, doc: Parsed) -> bool:
    """Whether the trigger's clause points after the speaker's now ("doit être achevé", "will withdraw")."""
    cues, perfect, endings = _tense_words(doc.language)
    return clause_is_future(doc.doc, trigger.start_char, trigger.end_char, cues, perfect, endings)


@functools.cache
def _tense_words(code: str) -> tuple[set[str], set[str], tuple[str, ...]]:
    """The language's future cues, perfect auxiliaries and conditional endings (read once)."""
    dates = lang.load(code).dates
    return ({c.lower() for c in dates.future_cues}, {c.lower() for c in dates.perfect_aux},
            tuple(dates.conditional_endings))


def _lead(text: str, para: tuple[int, int], timexes: list[Timex], doc: Any) -> Timex | None:
    """For a headline (a line with no full stop above the first body paragraph), the scene date of
    the first body paragraph that has one, the dateline's and byline's aside: a headline tells the
    lead's event. Captions, datelines and bylines around the headline are no body paragraphs."""
    if _body(text, para):
        return None
    below = [t for t in timexes if not _coarse(t)]
    seen: set[int] = set()
    for t in below:
        p = _paragraph(text, t.span.start)
        if p[0] in seen or not _body(text, p):
            continue
        seen.add(p[0])
        if p[0] < para[0]:
            return None  # a line below the story's start: a caption or a subheading, not the headline
        return _running(p[1], p, below, doc, first=True) or t  # its scene, else its first date
    return None


def _body(text: str, para: tuple[int, int]) -> bool:
    """Whether a paragraph is of the story: it ends like a sentence and opens with no bracket."""
    body = text[para[0]:para[1]].strip()
    return bool(body) and body[0] not in OPENING_BRACKETS and body[-1] in SENTENCE_END[:-1]


def _carried(text: str, para: tuple[int, int], timexes: list[Timex], doc: Any) -> Timex | None:
    """The running date at the end of the nearest body paragraph above that holds a date: a
    paragraph with no date of its own goes on telling the story of the one before it. Lines
    that do not end like a sentence (captions with their credit, headlines, furniture) or that
    open with a bracket are stepped over, as are paragraphs with no date."""
    end = para[0]
    for _ in range(CARRY_PARAGRAPHS):
        if end <= 0:
            return None
        prev = _paragraph(text, max(0, end - 1))
        while prev[0] > 0 and not text[prev[0]:prev[1]].strip():
            prev = _paragraph(text, prev[0] - 1)
        end = prev[0]
        if not _body(text, prev):
            continue
        if not any(prev[0] <= t.span.start and t.span.end <= prev[1] and not _coarse(t) for t in timexes):
            return None  # a body paragraph with no date of its own has moved the story on
        running = _running(prev[1], prev, [t for t in timexes if _short(t)], doc, first=True)
        if running is not None:
            return running
        # only a speaking's date ("X said on Monday that ..."): the story runs on from further up
    return None
