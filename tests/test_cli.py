"""The command line: formats, exit codes, one-line failures, and a batch that goes on."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.export.acled import COLUMNS

FR = ("BAGDAD, 12 mars 2024 (Agence de test) - Deux roquettes ont frappé mardi soir la base aérienne de Balad, "
      "au nord de Bagdad, sans faire de victimes, a indiqué un responsable de la sécurité irakienne.\n")
EN = ("KYIV, March 12 (Test Wire) - Russian forces shelled the city of Kharkiv overnight, killing three civilians, "
      "regional officials said on Tuesday.\n")


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, content in (("fr.txt", FR), ("en.txt", EN), ("empty.txt", ""),
                          ("de.txt", "Die Armee meldete am Dienstag schwere Kämpfe in der Stadt, sagte ein Sprecher.\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        out[name] = path
    return out


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_json_output_shape(files: dict[str, Path]) -> None:
    code, out, _ = run("analyze", str(files["fr.txt"]), "--published", "2024-03-12", "--format", "json")
    [art] = json.loads(out)["articles"]
    assert code == 0 and {"id", "title", "language", "published", "outlet", "text", "events", "techniques",
                          "genre", "warnings"} <= set(art)


def test_id_and_published_override(files: dict[str, Path]) -> None:
    _, out, _ = run("analyze", str(files["fr.txt"]), "--id", "doc-7", "--published", "2024-03-12", "-f", "json")
    [art] = json.loads(out)["articles"]
    assert (art["id"], art["published"], art["language"]) == ("doc-7", "2024-03-12", "fr")


def test_failures_are_one_line_each_and_the_rest_is_processed(files: dict[str, Path]) -> None:
    code, out, err = run("analyze", str(files["fr.txt"]), str(files["empty.txt"]), str(files["de.txt"]),
                         str(files["en.txt"]), "-f", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    errors = [x for x in err.splitlines() if x.startswith("error:")]
    assert code == 1 and len(lines) == 2 and len(errors) == 2
    assert any("empty.txt" in e and "empty file" in e for e in errors)
    assert any("de.txt" in e and "'de'" in e for e in errors)


def test_csv_has_acled_columns_in_order(files: dict[str, Path]) -> None:
    _, out, _ = run("analyze", str(files["en.txt"]), "--published", "2024-03-12", "-f", "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert tuple(header[: len(COLUMNS)]) == COLUMNS


def test_geojson_is_a_feature_collection(files: dict[str, Path]) -> None:
    _, out, _ = run("analyze", str(files["en.txt"]), "--published", "2024-03-12", "-f", "geojson")
    assert json.loads(out)["type"] == "FeatureCollection"


def test_html_escapes_article_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(FR + "<script>alert('x')</script> des combats ont eu lieu.\n", encoding="utf-8")
    _, out, _ = run("analyze", str(path), "-f", "html")
    assert "<script>alert" not in out and "&lt;script&gt;" in out


def test_stdin(files: dict[str, Path]) -> None:
    code, out, _ = run("analyze", "-", "--lang", "fr", "-f", "json", input=FR)
    assert code == 0 and json.loads(out)["articles"][0]["language"] == "fr"


@pytest.mark.parametrize("args", [
    ("analyze", "x.txt", "--published", "12/03/2024"),
    ("analyze", "x.txt", "--format", "xml"),
    ("analyze", "x.txt", "--lang", "xx"),
    ("frobnicate",),
])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert run(*args)[0] == 2


def test_id_with_several_documents_is_a_usage_error(files: dict[str, Path]) -> None:
    assert run("analyze", str(files["fr.txt"]), str(files["en.txt"]), "--id", "one")[0] == 2


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0 and "Event" in json.loads(out)["$defs"]


def test_gazetteer_import_command(tmp_path: Path) -> None:
    sample = Path(__file__).parent / "data/geo/geonames_sample"
    dump = next(p for p in sorted(sample.iterdir()) if p.suffix in (".txt", ".zip"))
    code, _, err = run("gazetteer", "import", str(dump), "--db", str(tmp_path / "g.sqlite"))
    assert code == 0 and "places" in err


def test_gazetteer_import_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just\tthree\tcolumns\n", encoding="utf-8")
    code, _, err = run("gazetteer", "import", str(bad), "--db", str(tmp_path / "g.sqlite"))
    assert code == 1 and "notes.txt" in err


def test_hostile_text_is_refused_or_analysed_never_crashes(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text("Des combats ont eu lieu à Goma. " * 40_000, encoding="utf-8")  # one 1.3 MB line
    odd = tmp_path / "odd.txt"
    odd.write_text(FR + "\u202e\u200b<img src=x onerror=alert(1)>\x07 " + "é" * 5000 + "\n", encoding="utf-8")
    code, out, err = run("analyze", str(huge), str(odd), str(files_path(tmp_path)), "-f", "jsonl")
    assert code == 1 and "huge.txt" in err and "too long" in err and len(out.splitlines()) == 2


def files_path(tmp_path: Path) -> Path:
    path = tmp_path / "ok.txt"
    path.write_text(EN, encoding="utf-8")
    return path
