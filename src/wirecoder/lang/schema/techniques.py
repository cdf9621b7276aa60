"""Schema of ``techniques.toml`` (read by stages/techniques.py)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class TechniquesData(Data):
    cues: dict[str, list[str]] = Field(default_factory=dict)
