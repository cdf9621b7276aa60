"""Readers: every format gives Articles; every broken input gives one Failure naming the file."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from wirecoder import read
from wirecoder.model import Article, Failure

FR = "BAGDAD, 3 mars 2024 (Agence) - Des roquettes ont visé mardi une base militaire au nord de la capitale.\n"
HTML = f"""<!doctype html><html><head><title>Roquettes sur une base | Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2024-03-03T08:00:00Z"></head>
<body><nav>Accueil | Monde</nav><article><h1>Roquettes sur une base</h1>
<p>{FR}</p><p>Aucune victime n'a été signalée, selon un responsable de la sécurité, qui a requis l'anonymat.
Les tirs ont été revendiqués par un groupe peu connu.</p><script>alert(1)</script></article></body></html>"""


def _read(tmp_path: Path, name: str, data: bytes) -> list[Article | Failure]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read.paths([path]))


def test_txt_utf8(tmp_path: Path) -> None:
    [art] = _read(tmp_path, "a.txt", ("Roquettes sur une base au nord de Bagdad\n\n" + FR).encode())
    assert isinstance(art, Article) and art.id == "a" and art.title == "Roquettes sur une base au nord de Bagdad"


def test_txt_section_line_is_not_the_title(tmp_path: Path) -> None:
    [art] = _read(tmp_path, "a.txt", ("Monde\n\nRoquettes sur une base au nord de Bagdad\n\n" + FR).encode())
    assert isinstance(art, Article) and art.title == "Roquettes sur une base au nord de Bagdad"


def test_txt_latin1_is_converted(tmp_path: Path) -> None:
    text = "Des éléments armés ont attaqué un poste près de la frontière, à l'aube, selon l'armée.\n" * 3
    [art] = _read(tmp_path, "l1.txt", text.encode("latin-1"))
    assert isinstance(art, Article) and "éléments" in art.text


def test_txt_crlf_normalised(tmp_path: Path) -> None:
    [art] = _read(tmp_path, "w.txt", FR.replace("\n", "\r\n").encode())
    assert isinstance(art, Article) and "\r" not in art.text


def test_html_body_title_date_site(tmp_path: Path) -> None:
    [art] = _read(tmp_path, "page.html", HTML.encode())
    assert isinstance(art, Article)
    assert "roquettes" in art.text.lower() and "alert(1)" not in art.text
    assert art.published == date(2024, 3, 3) and art.origins["published"] == "html-meta"


def test_jsonl_fields(tmp_path: Path) -> None:
    lines = [{"id": "x1", "maintext": FR, "date_publish": "2024-03-03 10:00:00", "source": "Agence"},
             {"body": FR, "published": "2024-03-04", "outlet": "Autre"}]
    arts = _read(tmp_path, "batch.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    assert [a.id for a in arts] == ["x1", "batch-2"]
    assert [a.published for a in arts if isinstance(a, Article)] == [date(2024, 3, 3), date(2024, 3, 4)]


def test_json_object_and_list(tmp_path: Path) -> None:
    one = _read(tmp_path, "one.json", json.dumps({"text": FR}).encode())
    many = _read(tmp_path, "many.json", json.dumps({"articles": [{"text": FR}, {"text": FR}]}).encode())
    assert len(one) == 1 and len(many) == 2 and all(isinstance(a, Article) for a in one + many)


def test_warc_html_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                  payload=io.BytesIO(HTML.encode()), http_headers=headers))
    arts = _read(tmp_path, "crawl.warc.gz", buf.getvalue())
    assert len(arts) == 1 and isinstance(arts[0], Article) and arts[0].url == "https://example.org/a"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("nobody.html", b"<html><head><title>t</title></head><body></body></html>", "no article text"),
    ("notext.jsonl", b'{"title": "only a title"}', "no article text"),
    ("broken.warc", b"this is not a warc", "WARC"),
])
def test_broken_inputs_give_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    [fail] = _read(tmp_path, name, data)
    assert isinstance(fail, Failure) and message in fail.error and name in fail.error and "\n" not in fail.error


def test_invalid_json_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    data = "\n".join([json.dumps({"text": FR}), "{not json", json.dumps({"text": FR})]).encode()
    out = _read(tmp_path, "mixed.jsonl", data)
    assert [type(x).__name__ for x in out] == ["Article", "Failure", "Article"]
    assert "mixed.jsonl:2" in out[1].error and "invalid JSON" in out[1].error  # type: ignore[union-attr]


def test_missing_file_then_the_next(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(FR, encoding="utf-8")
    out = list(read.paths([tmp_path / "missing.txt", good]))
    assert isinstance(out[0], Failure) and "missing.txt" in out[0].source and isinstance(out[1], Article)


def test_stdin_sniffs_json(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = (json.dumps({"id": "s", "text": FR}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    [art] = list(read.paths(["-"]))
    assert isinstance(art, Article) and art.id == "s"


def test_gzip_is_not_silently_read_as_text(tmp_path: Path) -> None:
    [fail] = _read(tmp_path, "x.txt", gzip.compress(FR.encode()))
    assert isinstance(fail, Failure)
