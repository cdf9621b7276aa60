"""events: triggers from the language's lexicon, arguments from the dependency parse."""

from __future__ import annotations

from wirecoder.lang import LangPack
from wirecoder.model import ActorMention, Anchor, Event, Parsed, Place, Timex


def run(doc: Parsed, pack: LangPack, timexes: list[Timex], places: list[Place],
        actors: list[ActorMention], anchor: Anchor) -> list[Event]:
    """One record per distinct event in the article."""
    return []
