"""provenance: who asserts each event, and how firmly.

STUB: replaced by the provenance work (issue 5).
"""

from __future__ import annotations

from wirecoder.lang import LangPack
from wirecoder.model import Claim, Event, OutletProfile, Parsed


def run(doc: Parsed, pack: LangPack, events: list[Event], outlet: OutletProfile | None) -> tuple[list[Event], list[Claim]]:
    """The events with ``factuality`` and ``attributed_to`` set, and the article's claims."""
    return events, []
