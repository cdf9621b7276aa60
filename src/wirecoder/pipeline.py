"""The wiring: ``analyze()`` calls the stages in flow order, and nothing else.

read -> parse -> time / places / actors -> events -> provenance -> techniques
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from wirecoder import lang
from wirecoder.gazetteer import Gazetteer
from wirecoder.gazetteer.local import default_gazetteer
from wirecoder.model import (
    Analysis,
    Anchor,
    Article,
    Config,
    Event,
    Failure,
    OutletProfile,
    Parsed,
    Timex,
    Warning_,
)
from wirecoder.outlets import load as load_outlets
from wirecoder.outlets import profile
from wirecoder.parse import parse, parse_many
from wirecoder.read.text import title_of
from wirecoder.stages import actors, events, places, provenance, techniques, timex


def analyze_parsed(doc: Parsed, config: Config, gaz: Gazetteer, outlets: dict[str, OutletProfile]) -> Analysis:
    """The analysis of one parsed article."""
    article, pack = doc.article, lang.load(doc.language)
    warnings: list[Warning_] = []
    anchor = timex.infer_anchor(doc, pack, article.published)
    if anchor.day is None:
        warnings.append(Warning_(code="no-date", message="no publication date given or found in the text; "
                                 f"relative dates are left unresolved ({anchor.evidence})"))
    timexes = timex.run(doc, pack, anchor)
    found_places = places.run(doc, pack, gaz)
    found_actors = actors.run(doc, pack)
    evs, vague = events.mappable(events.run(doc, pack, timexes, found_places, found_actors, anchor))
    if vague:
        where = "; ".join(f"{e.sub_event_type} «{e.trigger.text}»" for e in vague[:5])
        warnings.append(Warning_(code="unplaced-events", message=f"{len(vague)} event mention(s) with no place finer "
                                 f"than a country were left out: {where}"))
    outlet = profile(article.outlet, outlets)
    evs, claims = provenance.run(doc, pack, evs, outlet)
    evs = [_redate_future(e, doc, timexes, anchor) for e in evs]
    spans, summary, genre = techniques.run(doc, pack)
    return Analysis(
        id=article.id, title=article.title, language=doc.language,
        published=anchor.day, published_inferred=anchor.inferred,
        published_evidence=anchor.evidence if anchor.inferred else None,
        outlet=article.outlet, outlet_profile=outlet, url=article.url, text=article.text,
        events=evs, claims=claims, techniques=spans, technique_summary=summary,
        genre=genre.label, genre_evidence=genre.evidence, warnings=warnings,
    )


def _redate_future(event: Event, doc: Parsed, timexes: list[Timex], anchor: Anchor) -> Event:
    """An expected event is dated forward from the anchor, never in the past."""
    if event.factuality != "future":
        return event
    return event.model_copy(update={"date": timex.event_date(event.trigger, doc, timexes, anchor, future=True)})


def analyze(text: str | Article, *, published: date | None = None, language: str | None = None,
            outlet: str | None = None, id: str = "doc", title: str | None = None,
            config: Config | None = None, gazetteer: Gazetteer | None = None) -> Analysis:
    """The analysis of one article given as text (or as an ``Article``)."""
    config = config or Config()
    article = text if isinstance(text, Article) else Article(
        id=id, text=text, title=title if title is not None else title_of(text),
        published=published, language=language, outlet=outlet)
    return analyze_parsed(parse(article, config), config, gazetteer or default_gazetteer(), load_outlets())


def analyze_many(articles: Iterable[Article | Failure], *, config: Config | None = None,
                 gazetteer: Gazetteer | None = None,
                 outlets: dict[str, OutletProfile] | None = None) -> Iterator[Analysis | Failure]:
    """Analyses of a stream of articles, in order; a document that fails becomes a ``Failure``."""
    config = config or Config()
    gaz = gazetteer or default_gazetteer()
    profiles = load_outlets() if outlets is None else outlets
    pending: list[Failure] = []

    def articles_only() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, Failure):
                pending.append(item)
            else:
                yield item

    for item in parse_many(articles_only(), config):
        yield from pending
        pending.clear()
        if isinstance(item, tuple):
            article, exc = item
            yield Failure(source=article.path or article.id, error=str(exc))
            continue
        try:
            yield analyze_parsed(item, config, gaz, profiles)
        except Exception as exc:  # one bad document must not stop a batch; it is recorded
            yield Failure(source=item.article.path or item.article.id, error=f"{type(exc).__name__}: {exc}")
    yield from pending
