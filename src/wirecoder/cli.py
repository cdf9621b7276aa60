"""The command line: parses arguments, calls the library, renders, sets the exit code.

Exit codes: 0 all documents analysed, 1 some failed (one line each on stderr), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirecoder import read
from wirecoder.export import to_json, to_jsonl_line
from wirecoder.export.acled import source_text, to_csv
from wirecoder.export.geojson import to_geojson
from wirecoder.export.html import to_html
from wirecoder.model import Analysis, Article, Config, Failure

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="News articles to conflict-event data: ACLED-typed events with dates, places, "
                       "actors, who says so, and persuasion techniques.")
gazetteer_app = typer.Typer(help="Manage the local gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
err = Console(stderr=True, soft_wrap=True)  # one line per message, however long
PROGRESS_AFTER = 3  # show a progress bar once more than a few articles are under way


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    html = "html"


class Lang(StrEnum):
    auto = "auto"
    fr = "fr"
    en = "en"


def _overrides(items: Iterator[Article | Failure], published: date | None, doc_id: str | None,
               language: Lang, outlet: str | None) -> Iterator[Article | Failure]:
    for n, item in enumerate(items):
        if isinstance(item, Failure):
            yield item
            continue
        if doc_id is not None and n > 0:
            raise typer.BadParameter("--id names one document, but the input holds several")
        update: dict[str, object] = {}
        origins = dict(item.origins)
        for field, value in (("published", published), ("id", doc_id), ("outlet", outlet),
                             ("language", None if language is Lang.auto else language.value)):
            if value is not None:
                update[field] = value
                origins[field] = "command-line"
        yield item.model_copy(update={**update, "origins": origins}) if update else item


def _table(analyses: list[Analysis], console: Console) -> None:
    for a in analyses:
        title = f"[bold]{a.title or a.id}[/bold]  ({a.language}, {a.published or 'undated'}"
        title += f"{' inferred' if a.published_inferred else ''}, {a.genre})"
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        for col in ("type / sub-event", "date", "place", "actors", "factuality / source", "evidence"):
            table.add_column(col, overflow="fold")
        for e in a.events:
            loc = e.location
            when = "" if e.date.start is None else str(e.date.start) + (
                f"…{e.date.end}" if e.date.end and e.date.end != e.date.start else "")
            table.add_row(
                f"{e.event_type}\n[dim]{e.sub_event_type}[/dim]", when,
                f"{loc.name}\n[dim]{loc.country} {loc.precision}[/dim]" if loc else "",
                " → ".join(x.name for x in (e.actor1, e.actor2) if x),
                f"{e.factuality}\n[dim]{source_text(None, e.attributed_to)}[/dim]",
                e.evidence.text[:160], )
        console.print(table, markup=True, highlight=False)
        if a.techniques:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(a.technique_summary.counts.items(), key=lambda kv: -kv[1]))
            console.print(f"techniques: {counts}", markup=False, highlight=False)
        for w in a.warnings:
            console.print(f"warning: {w.message}", markup=False, highlight=False)


@app.command()
def analyze(
    paths: Annotated[list[str] | None, typer.Argument(help="Files (.txt .html .json .jsonl .warc); '-' or nothing: stdin.")] = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help="Output format; default: table on a terminal, else json.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates).")] = None,
    doc_id: Annotated[str | None, typer.Option("--id", help="Article id (one document only).")] = None,
    language: Annotated[Lang, typer.Option("--lang", help="Article language.")] = Lang.auto,
    outlet: Annotated[str | None, typer.Option(help="Outlet name recorded with the article.")] = None,
    outlets_file: Annotated[Path | None, typer.Option("--outlets", help="Your outlet list (CSV) to profile sources.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline size: md, or sm for low memory.")] = "md",
) -> None:
    """Analyse articles: events, dates, places, actors, provenance, techniques."""
    from wirecoder import outlets as outlet_profiles
    from wirecoder.pipeline import analyze_many

    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter(f"--published {published!r} is not a date YYYY-MM-DD") from None
    if model not in ("md", "sm"):
        raise typer.BadParameter("--model is md or sm")
    to_terminal = output is None and sys.stdout.isatty()
    fmt = format or (Format.table if to_terminal else Format.json)
    sources = paths or ["-"]
    config = Config(model_size=model)  # type: ignore[arg-type]
    profiles = outlet_profiles.load(outlets_file)
    items = _overrides(read.paths(sources), day, doc_id, language, outlet)
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    done: list[Analysis] = []
    failed = 0
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("analysing", total=None, visible=False)
        for n, result in enumerate(analyze_many(items, config=config, outlets=profiles), 1):
            if n > PROGRESS_AFTER:
                progress.update(task, visible=True)
            progress.update(task, completed=n)
            if isinstance(result, Failure):
                failed += 1
                message = result.error if result.error.startswith(result.source) else f"{result.source}: {result.error}"
                err.print(f"error: {message}", markup=False, highlight=False)
                continue
            if fmt is Format.jsonl:
                sink.write(to_jsonl_line(result))
            else:
                done.append(result)
    if fmt is Format.table:
        _table(done, Console(file=sink, width=None if to_terminal else 160))
    elif fmt is not Format.jsonl:
        render = {Format.json: to_json, Format.csv: to_csv, Format.geojson: to_geojson, Format.html: to_html}[fmt]
        sink.write(render(done))
    if output:
        sink.close()
    raise typer.Exit(1 if failed else 0)


@gazetteer_app.command("import")
def gazetteer_import(
    files: Annotated[list[Path], typer.Argument(help="GeoNames allCountries / cities500 / alternateNamesV2 (.zip or .txt).")],
    db: Annotated[Path | None, typer.Option(help="Gazetteer database (default: the one analyses use).")] = None,
) -> None:
    """Load a full GeoNames dump into the local gazetteer (for users who have one)."""
    from wirecoder.gazetteer.geonames import DumpFormatError, import_dump

    failed = 0
    for path in files:
        try:
            done = import_dump(path, db)
        except (OSError, DumpFormatError, ValueError) as exc:
            failed += 1
            err.print(f"error: {path}: {exc}", markup=False, highlight=False)
            continue
        err.print(f"{path}: {done.entries} places, {done.names} names added, {done.skipped} lines skipped -> {done.db}",
                  markup=False, highlight=False)
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON schema of the analysis output."""
    typer.echo(json.dumps(Analysis.model_json_schema(), indent=1))


class StoreFormat(StrEnum):
    csv = "csv"
    geojson = "geojson"
    json = "json"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .html .json .jsonl .warc); '-': stdin.")],
    db: Annotated[str, typer.Option("--db", help="Store: a SQLite file, or a SQLAlchemy URL (postgresql://...).")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (anchors relative dates).")] = None,
    language: Annotated[Lang, typer.Option("--lang", help="Article language.")] = Lang.auto,
    outlet: Annotated[str | None, typer.Option(help="Outlet name recorded with the articles.")] = None,
) -> None:
    """Analyse articles into a store where one real-world event reported by several outlets is one event."""
    from wirecoder import store
    from wirecoder.pipeline import analyze_many

    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter(f"--published {published!r} is not a date YYYY-MM-DD") from None
    items = _overrides(read.paths(paths), day, None, language, outlet)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None, visible=False)

        def shown(results: Iterator[Analysis | Failure]) -> Iterator[Analysis | Failure]:
            for n, result in enumerate(results, 1):
                progress.update(task, completed=n, visible=n > PROGRESS_AFTER)
                if isinstance(result, Failure):
                    message = result.error if result.error.startswith(result.source) else f"{result.source}: {result.error}"
                    err.print(f"error: {message}", markup=False, highlight=False)
                yield result

        with store.open(db) as target:
            report = target.ingest(shown(analyze_many(items)))
    typer.echo(f"{report.added} added, {report.skipped} skipped (already present), {report.failed} failed -> {db}")
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def events(
    db: Annotated[str, typer.Option("--db", help="Store: a SQLite file, or a SQLAlchemy URL.")],
    format: Annotated[StoreFormat, typer.Option("--format", "-f", help="Output format.")] = StoreFormat.csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """The store's real-world events, each with the outlets and articles that report it."""
    from wirecoder import store
    from wirecoder.store import export

    if "://" not in db and not Path(db).is_file():
        raise typer.BadParameter(f"--db {db!r}: no such store")
    with store.open(db) as source:
        found = source.clusters()
    render = {StoreFormat.csv: export.to_csv, StoreFormat.geojson: export.to_geojson,
              StoreFormat.json: export.to_json}[format]
    text = render(found)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def main() -> None:
    """Entry point: typer's usage errors exit 2; any uncaught error is one line, exit 1."""
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
