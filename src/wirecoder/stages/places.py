"""places: toponyms -> candidates -> rank -> choose; and where each event happened.

Mentions come from every proper-noun span and facility phrase, filtered by the
gazetteer (``_places_mentions``); their candidates are ranked with the
article's context (``_places_rank``); an event's location is chosen among the
places of its sentence (``_places_events``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from wirecoder.gazetteer import Gazetteer, capitals
from wirecoder.gazetteer.names import fold
from wirecoder.lang import LangPack
from wirecoder.model import Location, Parsed, Place, Span
from wirecoder.stages import _places_events, _places_mentions, _places_rank
from wirecoder.stages._places_rank import Choice, location


def run(doc: Parsed, pack: LangPack, gaz: Gazetteer) -> list[Place]:
    """Every toponym mention in the article, resolved. A mention that names a government or
    qualifies another place keeps its resolution and says so in ``reason``."""
    mentions = _toponyms(doc, pack, gaz)
    found = [_place(doc, c, pack) for c in _rank(doc, mentions, pack)]
    return sorted([*found, *_capitals(doc, pack, gaz, found)], key=lambda p: p.span.start)


def event_locations(trigger: Span, doc: Parsed, places: list[Place], pack: LangPack) -> list[Location]:
    """Where the event named at ``trigger`` happened: one location, or one per place when the
    sentence lists several places for the same act; empty when the text does not say."""
    return _places_events.locate(trigger, doc, places, pack)


def _toponyms(doc: Parsed, pack: LangPack, gaz: Gazetteer) -> list[_places_mentions.Mention]:
    return _places_mentions.find(doc.doc, pack, gaz)


def _rank(doc: Parsed, mentions: list[_places_mentions.Mention], pack: LangPack) -> list[Choice]:
    return _places_rank.choose(doc.doc, mentions, pack)


def _place(doc: Parsed, choice: Choice, pack: LangPack) -> Place:
    sdoc = doc.doc
    m = choice.mention
    start, end = sdoc[m.first].idx, sdoc[m.end - 1].idx + len(sdoc[m.end - 1].text)
    text = doc.article.text[start:end]
    reason = _role(sdoc, choice, pack) or choice.reason
    loc = _places_rank.location(choice.best, text, start, end, reason)
    return Place(span=Span(start=start, end=end, text=text), location=loc, reason=reason,
                 candidates=len(m.candidates))


def _role(sdoc: Any, choice: Choice, pack: LangPack) -> str | None:
    """Why a resolved mention is not a place where something happens, if it is not."""
    m = choice.mention
    if choice.qualifier_of is not None:
        return "qualifier"
    head = sdoc[m.first:m.end].root
    if fold(m.query) in {fold(w) for w in pack.places.metonyms} and head.dep_.startswith("nsubj"):
        return "metonym"
    prev = sdoc[m.first - 1] if m.first > 0 else None
    if (m.end - m.first == 1 and choice.best.kind == "country" and prev is not None
            and prev.pos_ in ("NOUN", "ADJ") and (head.text.isupper() or head.pos_ == "ADJ")):
        return "modifier"
    return None


def _capitals(doc: Parsed, pack: LangPack, gaz: Gazetteer, found: list[Place]) -> list[Place]:
    """"the capital", "la capitale" with no name after it: the capital of the country the article's
    places lie in (a name in apposition, "la capitale, Bagdad", is a place of its own)."""
    counts = Counter(p.location.country for p in found if p.location is not None and p.location.country)
    if not counts:
        return []
    country = counts.most_common(1)[0][0]
    name = capitals().get(country or "")
    cands = [c for c in gaz.lookup(name, country=country) if c.kind == "city" and c.score == 1.0] if name else []
    if not cands:
        return []
    words = {fold(w) for w in pack.places.capital_words}
    taken = [(p.span.start, p.span.end) for p in found]
    sdoc, out = doc.doc, []
    for tok in sdoc:
        if fold(tok.text) not in words or tok.i == 0 or sdoc[tok.i - 1].pos_ != "DET" or tok.pos_ != "NOUN":
            continue
        after = sdoc[tok.i + 1:tok.i + 3]
        if any(a <= tok.idx < b for a, b in taken) or any(t.idx == s for t in after for s, _ in taken):
            continue  # part of a name, or followed by its name ("la capitale, Bagdad")
        end = tok.idx + len(tok.text)
        loc = location(cands[0], tok.text, tok.idx, end, "capital")
        out.append(Place(span=Span(start=tok.idx, end=end, text=tok.text), location=loc, reason="capital",
                         candidates=1))
    return out
