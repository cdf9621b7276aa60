"""JSON and JSON Lines articles, with the field names news crawlers use."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from wirecoder.model import Article, Failure
from wirecoder.read.errors import ReadError
from wirecoder.read.text import content_id, decode, normalise, title_of

TEXT = ("text", "body", "maintext", "content")
PUBLISHED = ("published", "date", "date_publish", "published_at", "pubdate")
OUTLET = ("outlet", "source", "source_domain", "site", "sitename")
LANGUAGE = ("language", "lang")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def record_to_article(record: Any, where: str, default_id: str) -> Article:
    """One crawler record as an Article; raises ReadError naming ``where``."""
    if not isinstance(record, dict):
        raise ReadError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = _first(record, TEXT)
    if not isinstance(text, str) or not text.strip():
        raise ReadError(f"{where}: no article text (fields {', '.join(TEXT)})")
    text = normalise(text)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    outlet = _first(record, OUTLET)
    language = _first(record, LANGUAGE)
    published = _day(_first(record, PUBLISHED))
    origins = {k: "json" for k, v in (("title", title), ("published", published), ("outlet", outlet)) if v}
    if title is None and (title := title_of(text)):
        origins["title"] = "first-line"
    doc_id = str(record.get("id") or default_id or content_id(text))
    return Article(id=doc_id, text=text, title=title, url=record.get("url") if isinstance(record.get("url"), str) else None,
                   outlet=str(outlet) if outlet else None, language=str(language).lower()[:2] if language else None,
                   published=published, path=where, origins=origins)


def read_json_records(data: bytes, name: str) -> Iterator[Article | Failure]:
    """Articles from a .json file (an object, a list, or {"articles": [...]}) or a .jsonl file."""
    text = decode(data, name)
    if not text.strip():
        raise ReadError(f"{name}: empty file")
    stem = Path(name).stem if name != "-" else "stdin"
    if not name.endswith((".jsonl", ".ndjson")):
        try:
            whole = json.loads(text)
        except json.JSONDecodeError:
            whole = None  # maybe JSON Lines under another name: read line by line below
        if whole is not None:
            records = whole.get("articles", [whole]) if isinstance(whole, dict) else whole
            if not isinstance(records, list):
                raise ReadError(f"{name}: expected an article object or a list of them")
            for i, record in enumerate(records, 1):
                try:
                    yield record_to_article(record, f"{name}[{i}]", f"{stem}-{i}" if len(records) > 1 else stem)
                except ReadError as exc:
                    yield Failure(source=f"{name}[{i}]", error=str(exc))
            return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(source=where, error=f"{where}: invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        try:
            yield record_to_article(record, where, f"{stem}-{lineno}")
        except ReadError as exc:
            yield Failure(source=where, error=str(exc))
