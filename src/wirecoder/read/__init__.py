"""read: any input becomes an ``Article`` (or a ``Failure`` naming the file and the problem).

Formats: ``.txt`` (any encoding), ``.html``/``.htm`` (trafilatura),
``.json``/``.jsonl`` (one article per line, the usual crawler fields),
``.warc``/``.warc.gz`` (HTML responses), and ``-`` for standard input.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from wirecoder.model import Article, Failure
from wirecoder.read.errors import ReadError
from wirecoder.read.html import read_html
from wirecoder.read.jsonl import read_json_records
from wirecoder.read.text import decode, read_text

__all__ = ["ReadError", "paths", "read_bytes"]

HTML = {".html", ".htm", ".xhtml"}
JSON = {".json", ".jsonl", ".ndjson"}


def paths(items: Iterable[str | Path]) -> Iterator[Article | Failure]:
    """Articles from files (``-`` is standard input), in order; bad ones become Failures."""
    for item in items:
        name = str(item)
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            yield Failure(source=name, error=exc.strerror or str(exc))
            continue
        yield from read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> Iterator[Article | Failure]:
    """Articles from one file's bytes; the format comes from the name, or the content for stdin."""
    try:
        kind = _kind(name, data)
        if kind == "json":
            yield from read_json_records(data, name)
        elif kind == "warc":
            from wirecoder.read.warc import read_warc

            yield from read_warc(data, name)
        elif kind == "html":
            yield read_html(data, name)
        else:
            yield read_text(data, name)
    except ReadError as exc:
        yield Failure(source=name, error=str(exc))


def _kind(name: str, data: bytes) -> str:
    lower = name.lower()
    suffix = Path(lower).suffix
    if lower.endswith((".warc", ".warc.gz")):
        return "warc"
    if suffix in JSON:
        return "json"
    if suffix in HTML:
        return "html"
    if name == "-" or suffix not in {".txt", ".text", ""}:
        head = decode(data[:4096], name, partial=True).lstrip()[:200].lower() if data else ""
        if head.startswith(("{", "[")):
            return "json"
        if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article")):
            return "html"
    return "text"
