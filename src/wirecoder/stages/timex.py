"""time: temporal expressions -> intervals anchored on the publication date.

Flow: expressions (the language's patterns over the text) -> direction (the clause's
tense) -> resolve (calendar arithmetic from the anchor, or from the previous date for
"la veille" / "the following day") -> since/until prefixes. ``infer_anchor`` dates an
article that carries no publication date; ``event_date`` picks the expression that
governs one event.
"""

from __future__ import annotations

import re
from datetime import date

from wirecoder.lang import LangPack
from wirecoder.model import Anchor, EventDate, Parsed, Span, Timex
from wirecoder.stages._timex_anchor import infer
from wirecoder.stages._timex_govern import govern
from wirecoder.stages._timex_grammar import Found, Grammar, Match, grammar, matches
from wirecoder.stages._timex_resolve import Resolved, resolve, span_precision
from wirecoder.stages._timex_syntax import clause_is_future, clause_is_perfect

# A dateline: a city in capitals (a country in brackets), a comma, the date, the agency
# in brackets, a dash. A byline: a name, a bar, the date.
DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý'’ ./\-]+(?:\s*\([^)\n]*\))?,[ \t]*$")
# the same in title case ("Mogadishu, 15.03.2024 - "): a short place name at a line's start
DATELINE_TITLE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-Ý][\w'’.\-]*(?: [\w'’.\-]+){0,3}(?:\s*\([^)\n]*\))?,[ \t]*$")
# a header line holding the article's date between separators ("Name - English service, March 16, 2024",
# "Par la rédaction, avec agences — 4 mars 2024", "Jan. 12, 2024 | By ...", "By X | May 21, 2024 | City")
HEADER_LINE = 100  # the longest such line
HEADER_SEPARATORS = ",|·•–—-"
DATELINE_AFTER = re.compile(r"^[ \t]*(?:\([^)\n]*\))?[ \t]*[-–—]")
BYLINE_BEFORE = re.compile(r"(?:^|\n)[^\n]{1,60}[|·][ \t]*$")
PREFIX_CHARS = 30
BYLINE_LEAD = 40  # characters a byline may hold before its "published" cue (an author's name)
BYLINE_SEPARATORS = "-–—|·•"
UNTENSED = ("year", "deictic", "ago", "last_n", "relative", "coming")
BARE = Resolved(None, None, 2, "duration", "bare-duration")  # a length with no place in the calendar
DAY_LEVEL = ("absolute", "weekday", "deictic", "relative", "range")


def infer_anchor(doc: Parsed, pack: LangPack, published: date | None) -> Anchor:
    """The day relative dates count from: the publication date, else one inferred from the text."""
    if published is not None:
        return Anchor(day=published, inferred=False)
    day, evidence = infer(_expressions(doc, pack))
    if day is None:
        return Anchor(day=None, inferred=False, evidence=evidence)
    return Anchor(day=day, inferred=True, evidence=evidence)


def run(doc: Parsed, pack: LangPack, anchor: Anchor) -> list[Timex]:
    """Every temporal expression in the article, resolved against ``anchor``."""
    out: list[Timex] = []
    prev: tuple[date, date] | None = None
    for found in _expressions(doc, pack):
        r = BARE if found.bare else _prefixed(found, resolve(found.match, anchor.day, found.future, prev), anchor.day)
        out.append(_timex(found, r, anchor.day))
        if r.start is not None and r.end is not None and r.kind in DAY_LEVEL and found.prefix != "since":
            prev = (r.start, r.end)
    return out


def event_date(trigger: Span, doc: Parsed, timexes: list[Timex], anchor: Anchor, *, future: bool = False) -> EventDate:
    """The date of the event named at ``trigger``: the governing expression, else the anchor."""
    return govern(trigger, doc, timexes, anchor.day, future)


# --------------------------------------------------------------------------- steps


def _expressions(doc: Parsed, pack: LangPack) -> list[Found]:
    """The expressions in the text, each with its clause's direction and its prefix."""
    text = doc.article.text
    g = grammar(pack.code)
    cues = {c.lower() for c in pack.dates.future_cues}
    perfect = {c.lower() for c in pack.dates.perfect_aux}
    present = {c.lower() for c in pack.dates.present_perfect}
    endings = tuple(pack.dates.conditional_endings)
    out: list[Found] = []
    for m in matches(text, pack.code):
        role = _role(text, m, g)
        bare = m.rule.perfect and not clause_is_perfect(doc.doc, m.start, m.end, present)
        prefix, widened = _prefix(text, m, g)
        # "since X" starts in the past whatever the clause's mood
        future = m.rule.future or (prefix != "since" and _tensed(m)
                                   and clause_is_future(doc.doc, m.start, m.end, cues, perfect, endings))
        out.append(Found(widened, future, prefix, role, bare))
    return out


def _prefix(text: str, m: Match, g: Grammar) -> tuple[str, Match]:
    """("since" | "until" | "", the match widened to take its prefix in: "depuis mercredi dernier")."""
    lo = max(0, m.start - PREFIX_CHARS)
    for prefix, rx in (("since", g.since), ("until", g.until)):
        hit = rx.search(text, lo, m.start) if rx is not None else None
        if hit is not None:
            return prefix, m._replace(start=hit.start(), text=text[hit.start():m.end])
    return "", m


def _tensed(m: Match) -> bool:
    """Whether the clause's tense may change what the expression denotes."""
    if m.rule.offset < 0 or m.rule.rule in UNTENSED:
        return False
    return not (m.rule.rule in ("date", "date_range", "month", "season") and "year" in m.values)


def _role(text: str, m: Match, g: Grammar) -> str:
    """Whether the expression is an article's dateline or byline date ("Name | 08.01.2020", "Publié le ...")."""
    if m.rule.rule != "date":
        return ""
    before = text[max(0, m.start - 80):m.start]
    after = text[m.end:m.end + 80]
    if (DATELINE_BEFORE.search(before) or DATELINE_TITLE.search(before)) and DATELINE_AFTER.match(after):
        return "dateline"
    if "year" not in m.values:
        return ""
    if _header(text, m):
        return "byline"
    line_start = text.rfind("\n", 0, m.start) + 1
    cue = g.published.search(text, line_start, m.start) if g.published is not None else None
    if cue is not None:
        lead = text[line_start:cue.start()].strip()
        if not lead or (len(lead) <= BYLINE_LEAD and lead[-1] in BYLINE_SEPARATORS):
            return "byline"  # "Publié le ...", "Par X - Publié le ...", not "un rapport publié le ..."
    if BYLINE_BEFORE.search(before) and not text[m.end:m.end + 80].split("\n")[0].strip():
        return "byline"
    return ""


def _header(text: str, m: Match) -> bool:
    """Whether the date stands alone between separators on a short header line ("By X | May 21, 2024")."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    end = len(text) if end < 0 else end
    if end - start > HEADER_LINE or start == 0:  # not the first line: that is the headline
        return False
    lead, tail = text[start:m.start].rstrip(), text[m.end:end].lstrip()
    return (not lead or lead[-1] in HEADER_SEPARATORS) and (not tail or tail[0] in HEADER_SEPARATORS) \
        and bool(lead or tail)


def _prefixed(found: Found, r: Resolved, anchor: date | None) -> Resolved:
    """ "since X" runs from X to the anchor; "until X" from the anchor to a later X."""
    if r.start is None or r.end is None or anchor is None:
        return r
    if found.prefix == "since" and r.start <= anchor:
        return Resolved(r.start, anchor, span_precision(r.start, anchor), "duration", f"since-{r.reason}")
    if found.prefix == "until" and r.end > anchor:
        return Resolved(anchor, r.end, span_precision(anchor, r.end), "duration", f"until-{r.reason}")
    return r


def _timex(found: Found, r: Resolved, anchor: date | None) -> Timex:
    m = found.match
    # forward: starts after the anchor, or runs on from it ("d'ici mardi", "in the coming days")
    forward = found.future if anchor is None or r.start is None or r.end is None \
        else r.start > anchor or (r.start == anchor and r.end > anchor)
    reason = f"{found.role}-{r.reason}" if found.role else r.reason
    return Timex(span=Span(start=m.start, end=m.end, text=m.text), start=r.start, end=r.end,
                 precision=r.precision, kind=r.kind, future=forward, reason=reason)
