"""HTML articles: trafilatura extracts the body, title, date and site name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wirecoder.model import Article
from wirecoder.read.errors import ReadError
from wirecoder.read.text import decode, normalise


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_html(data: bytes, name: str, *, url: str | None = None) -> Article:
    """One article from an HTML page."""
    from trafilatura import bare_extraction

    html = decode(data, name)
    if not html.strip():
        raise ReadError(f"{name}: empty file")
    doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = normalise(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise ReadError(f"{name}: no article text found in the HTML")
    title = getattr(doc, "title", None)
    published = _day(getattr(doc, "date", None))
    outlet = getattr(doc, "sitename", None)
    origins = {"id": "filename"}
    for field, value, origin in (("title", title, "html-meta"), ("published", published, "html-meta"),
                                 ("outlet", outlet, "html-sitename")):
        if value:
            origins[field] = origin
    return Article(id=Path(name).stem, text=text, title=title, url=url or getattr(doc, "url", None),
                   outlet=outlet, published=published, path=name, origins=origins)
