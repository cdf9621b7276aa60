"""Schema of ``dates.toml`` (read by stages/timex.py)."""

from pydantic import Field

from wirecoder.lang.schema.common import Data


class DatesData(Data):
    months: dict[str, list[str]] = Field(default_factory=dict)  # "january" -> ["janvier", "janv."]
    weekdays: dict[str, list[str]] = Field(default_factory=dict)  # "monday" -> ["lundi"]
