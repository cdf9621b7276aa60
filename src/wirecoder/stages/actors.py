"""actors: who acts and who is targeted, normalised (country, kind)."""

from __future__ import annotations

from wirecoder.lang import LangPack
from wirecoder.model import ActorMention, Parsed


def run(doc: Parsed, pack: LangPack) -> list[ActorMention]:
    """Every actor mention in the article."""
    return []
