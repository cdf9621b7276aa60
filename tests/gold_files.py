"""Reading the project's gold files (*.gold.json beside their texts), for the integrity tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any


def gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def text(path: Path) -> str:
    name: str = gold(path)["text_file"]
    return (path.parent / name).read_text(encoding="utf-8")


def fold(value: str) -> str:
    """Fold no-break spaces and curly quotes, as the scorer does when it looks for anchors."""
    return value.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
