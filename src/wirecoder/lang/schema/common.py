"""Base class shared by the language-data models."""

from pydantic import BaseModel, ConfigDict


class Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
