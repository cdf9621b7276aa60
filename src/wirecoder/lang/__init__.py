"""Language knowledge as data: the one loader.

``lang/base/`` holds what all languages share; ``lang/<code>/`` overrides or
adds. Each file is one section of the ``LangPack``, named by its stem:
``*.toml`` a table, ``*.txt`` a word list (one a line, ``#`` comments),
``*.jsonl`` a list of records. Merge rule: lists concatenate, tables merge,
scalars override.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from wirecoder.lang.schema.actors import ActorsData
from wirecoder.lang.schema.cues import CuesData
from wirecoder.lang.schema.dates import DatesData
from wirecoder.lang.schema.events import EventsData, Trigger
from wirecoder.lang.schema.places import PlacesData
from wirecoder.lang.schema.techniques import TechniquesData

ROOT = Path(__file__).parent
BASE = ROOT / "base"


class LangPack(BaseModel):
    """Everything wirecoder knows about one language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    triggers: list[Trigger] = Field(default_factory=list)
    events: EventsData = Field(default_factory=EventsData)
    actors: ActorsData = Field(default_factory=ActorsData)
    dates: DatesData = Field(default_factory=DatesData)
    places: PlacesData = Field(default_factory=PlacesData)
    cues: CuesData = Field(default_factory=CuesData)
    techniques: TechniquesData = Field(default_factory=TechniquesData)


class UnknownLanguage(LookupError):
    """No data folder for this language."""


def available() -> list[str]:
    """Language codes that have a data folder."""
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in ("base", "schema", "__pycache__"))


def read_words(path: Path) -> list[str]:
    """A ``.txt`` word list: one entry a line; blank lines and ``#`` comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def read_dir(folder: Path) -> dict[str, Any]:
    """All data files of one folder, as sections keyed by file stem."""
    out: dict[str, Any] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        if path.suffix == ".toml":
            out[path.stem] = tomllib.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".txt":
            out[path.stem] = read_words(path)
        elif path.suffix == ".jsonl":
            out[path.stem] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                              if line.strip() and not line.lstrip().startswith("//")]
    return out


def merge(base: Any, over: Any) -> Any:
    """Lists concatenate, tables merge, scalars override."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(over, list):
        return base + over
    return over


@functools.cache
def load(code: str) -> LangPack:
    """The merged, validated language pack for ``code`` (base + language folder)."""
    folder = ROOT / code
    if code in ("base", "schema") or not folder.is_dir():
        raise UnknownLanguage(f"no language data for {code!r} (have: {', '.join(available())})")
    return LangPack.model_validate({"code": code, **merge(read_dir(BASE), read_dir(folder))})
