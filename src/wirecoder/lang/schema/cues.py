"""Schema of ``cues.toml`` (read by stages/provenance.py)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class CuesData(Data):
    speech_verbs: list[str] = Field(default_factory=list)
