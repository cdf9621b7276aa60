"""places: toponyms -> candidates -> rank -> choose; and where each event happened.

Mentions come from every proper-noun span and facility phrase, filtered by the
gazetteer (``_places_mentions``); their candidates are ranked with the
article's context (``_places_rank``); an event's location is chosen among the
places of its sentence (``_places_events``).
"""

from __future__ import annotations

from typing import Any

from wirecoder.gazetteer import Gazetteer
from wirecoder.gazetteer.names import fold
from wirecoder.lang import LangPack
from wirecoder.model import Location, Parsed, Place, Span
from wirecoder.stages import _places_events, _places_mentions, _places_rank
from wirecoder.stages._places_rank import Choice


def run(doc: Parsed, pack: LangPack, gaz: Gazetteer) -> list[Place]:
    """Every toponym mention in the article, resolved. A mention that names a government or
    qualifies another place keeps its resolution and says so in ``reason``."""
    mentions = _toponyms(doc, pack, gaz)
    return [_place(doc, c, pack) for c in _rank(doc, mentions, pack)]


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
