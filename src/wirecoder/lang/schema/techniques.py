"""Schema of ``techniques.toml`` (read by stages/techniques.py)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class TechniqueCues(Data):
    """One technique's cues; each cue is a word sequence (lemma or surface form per word)."""

    strong: list[str] = Field(default_factory=list)  # fire alone
    weak: list[str] = Field(default_factory=list)  # fire only with support
    exclude: list[str] = Field(default_factory=list)  # neutral collocations that veto an overlapping cue


class GenreCues(Data):
    first_person: list[str] = Field(default_factory=list)
    attribution: list[str] = Field(default_factory=list)  # reporting verbs, "according to", agency words
    satire: list[str] = Field(default_factory=list)  # satirical outlets, matched on outlet name and URL


class TechniquesData(Data):
    cues: dict[str, TechniqueCues] = Field(default_factory=dict)  # SemEval technique -> cues
    fold: list[tuple[str, str]] = Field(default_factory=list)  # word endings folded: (ending, replacement)
    labeling: list[str] = Field(default_factory=list)  # verbs that pin a label on someone
    slogan_frames: list[str] = Field(default_factory=list)  # words that introduce a quoted slogan
    quotes: list[tuple[str, str]] = Field(default_factory=list)  # (open, close) quotation marks
    implies: dict[str, list[str]] = Field(default_factory=dict)  # technique -> techniques it also signals
    why: dict[str, str] = Field(default_factory=dict)  # technique -> reader's explanation, "{cue}" filled in
    genre: GenreCues = Field(default_factory=GenreCues)
