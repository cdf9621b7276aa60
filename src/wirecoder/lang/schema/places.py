"""Schema of ``places.toml`` (read by stages/places.py)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class PlacesData(Data):
    # words that never name a place on their own, though a gazetteer has them
    stop: list[str] = Field(default_factory=list)
