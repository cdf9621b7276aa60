"""places: toponyms -> candidates -> rank -> choose; and where each event happened.

STUB: replaced by the geocoding work (issue 3).
"""

from __future__ import annotations

from wirecoder.gazetteer import Gazetteer
from wirecoder.lang import LangPack
from wirecoder.model import Location, Parsed, Place, Span


def run(doc: Parsed, pack: LangPack, gaz: Gazetteer) -> list[Place]:
    """Every toponym mention in the article, resolved."""
    return []


def event_locations(trigger: Span, doc: Parsed, places: list[Place], pack: LangPack) -> list[Location]:
    """Where the event named at ``trigger`` happened: one location, or one per place when the
    sentence lists several places for the same act; empty when the text does not say."""
    return []
