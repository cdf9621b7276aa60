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
    # country names and capitals (lower-cased, as written after a determiner) -> ISO; as the one who
    # acts they name the state ("Moscou a frappé", "Israel struck")
    countries: dict[str, str] = Field(default_factory=dict)
    # subjects that point back to an armed actor named shortly before ("le groupe", "they")
    anaphors: list[str] = Field(default_factory=list)
    # verbs (lemmas) by which a group claims an attack ("revendiquer", "claim")
    claim_verbs: list[str] = Field(default_factory=list)
    # prepositions joining a noun trigger to who did it, or to its victims ("de", "of")
    genitive_preps: list[str] = Field(default_factory=list)
    # "clashes between X and Y", "les combats ont opposé X à Y": the first side acts, the second is targeted
    pair_preps: list[str] = Field(default_factory=list)
    pair_verbs: list[str] = Field(default_factory=list)
    # verbs whose object is said to have done the act of the clause they govern ("accused the rebels of shelling")
    accuse_verbs: list[str] = Field(default_factory=list)
    # determiners that deny their noun ("aucun groupe n'a revendiqué", "no group claimed")
    negative_determiners: list[str] = Field(default_factory=list)
    # generic name of an actor by kind, when no country is known ("unidentified" -> "Unidentified Armed Group")
    labels: dict[str, str] = Field(default_factory=dict)
