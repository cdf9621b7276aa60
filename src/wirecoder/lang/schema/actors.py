"""Schema of ``actors.toml`` (read by stages/actors.py)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class ActorEntry(Data):
    name: str
    kind: str
    country: str | None = None
    # lower-cased surface forms (lemmas or phrases) that name this actor
    forms: list[str] = Field(default_factory=list)


class ActorsData(Data):
    entries: list[ActorEntry] = Field(default_factory=list)
    # demonym / adjective -> ISO country ("irakien" -> "IQ")
    demonyms: dict[str, str] = Field(default_factory=dict)
    # head nouns by actor kind ("soldat" -> state_forces)
    heads: dict[str, list[str]] = Field(default_factory=dict)
