"""Plain-text articles: decoding (any encoding), and the title line."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from wirecoder.model import Article
from wirecoder.read.errors import ReadError

# A leading line this short, with no sentence punctuation, is a site section
# name or a tag ("TV", "World news"), not the title.
SECTION_MAX_WORDS = 3
TITLE_MAX_CHARS = 300
DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,40},\s")


def decode(data: bytes, name: str, *, partial: bool = False) -> str:
    """The bytes as text: UTF-8 (with or without BOM), else the detected encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 4:
            return data[: exc.start].decode("utf-8")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(f"{name}: binary file or unknown text encoding")
    return str(best)


def normalise(text: str) -> str:
    """Line ends made ``\\n``; nothing else changes, so offsets index what was read."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_of(text: str) -> str | None:
    """The headline: the first real line, skipping a leading section name or tag."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines[:3]):
        words = line.split()
        is_section = len(words) <= SECTION_MAX_WORDS and not line.endswith((".", "?", "!")) and i + 1 < len(lines)
        if is_section:
            continue
        if len(line) > TITLE_MAX_CHARS or DATELINE.match(line) or len(words) < 3:
            return None
        return line
    return None


def content_id(text: str) -> str:
    """A short stable id from the content (ingest is idempotent on it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_text(data: bytes, name: str) -> Article:
    """One plain-text article; the file stem is its id."""
    text = normalise(decode(data, name))
    if not text.strip():
        raise ReadError(f"{name}: empty file")
    title = title_of(text)
    doc_id = Path(name).stem if name != "-" else content_id(text)
    origins = {"id": "filename" if name != "-" else "content-hash"}
    if title:
        origins["title"] = "first-line"
    return Article(id=doc_id, text=text, title=title, path=name, origins=origins)
