"""Exports of analyses: JSON, JSONL, CSV in ACLED's column order, GeoJSON, an HTML report.

Each writer takes the analyses and returns text; the CLI decides where it goes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from wirecoder.model import Analysis


def to_json(analyses: Iterable[Analysis]) -> str:
    """``{"articles": [...]}``, the shape DESIGN.md gives and the scorer reads."""
    items = ",\n".join(a.model_dump_json(indent=1) for a in analyses)
    return '{"articles": [\n' + items + "\n]}\n"


def to_jsonl_line(analysis: Analysis) -> str:
    """One analysis as one JSON line."""
    return analysis.model_dump_json() + "\n"


def to_jsonl(analyses: Iterable[Analysis]) -> str:
    return "".join(to_jsonl_line(a) for a in analyses)


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)
