"""WARC archives: each HTML response record becomes an article."""

from __future__ import annotations

import io
from collections.abc import Iterator

from wirecoder.model import Article, Failure
from wirecoder.read.errors import ReadError
from wirecoder.read.html import read_html


def read_warc(data: bytes, name: str) -> Iterator[Article | Failure]:
    """Articles from the HTML responses of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not data.startswith((b"WARC/", b"\x1f\x8b")):
        raise ReadError(f"{name}: not a WARC file")
    try:
        for i, record in enumerate(ArchiveIterator(io.BytesIO(data)), 1):
            if record.rec_type != "response":
                continue
            ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}#{i}"
            try:
                art = read_html(record.content_stream().read(), where, url=url)
                yield art.model_copy(update={"id": record.rec_headers.get_header("WARC-Record-ID") or where})
            except ReadError as exc:
                yield Failure(source=where, error=str(exc))
    except ArchiveLoadFailed as exc:
        raise ReadError(f"{name}: not a readable WARC file ({exc})") from exc
