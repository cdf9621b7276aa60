"""Schema of ``triggers.jsonl`` and ``events.toml`` (read by stages/events.py)."""

from typing import Any

from pydantic import Field

from wirecoder.lang.schema.common import Data


class Trigger(Data):
    """One spaCy-Matcher pattern that names an event: ``label`` is an ACLED sub-event type."""

    label: str
    pattern: list[dict[str, Any]]
    id: str
    # optional: the words whose presence in the sentence this trigger needs (any of them)
    requires: list[str] = Field(default_factory=list)
    # optional: words whose presence in the sentence blocks this trigger
    excludes: list[str] = Field(default_factory=list)
    # optional: the words name the outcome of violence (a killing); in a sentence that names the violent
    # act itself (a shelling, a clash), they are that act's toll, not a second event
    outcome: bool = False
    # optional: an assault word ("attack", "embuscade"): a clash when armed forces are its target,
    # an attack on civilians when civilians are, whatever the sentence's other words suggested
    by_target: bool = False


class EventsData(Data):
    # lemma lists keyed by our own keys (e.g. "negation", "fatality_nouns")
    words: dict[str, list[str]] = Field(default_factory=dict)
    # number words -> value ("douze" -> 12, "dozens" -> 24), for tolls written in words
    numbers: dict[str, int] = Field(default_factory=dict)
