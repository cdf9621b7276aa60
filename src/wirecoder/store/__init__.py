"""The store, after analysis: many articles become one database of real-world events.

``open(path_or_url)`` gives a ``Store`` (SQLite at a path by default, any SQLAlchemy URL such as
``postgresql://...`` otherwise). ``Store.ingest`` writes each article in its own transaction with
its events and their cluster assignment, so an interrupted ingest leaves a consistent database
and a rerun finishes the job; an article already present (same sha256 of its text) is skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import sqlalchemy as sa

from wirecoder.model import (
    Actor,
    Analysis,
    Attribution,
    Cluster,
    ClusterSource,
    Event,
    EventDate,
    Evidence,
    Failure,
    IngestReport,
    Location,
)
from wirecoder.store import _cluster
from wirecoder.store._schema import articles, clusters, events, failures, metadata

__all__ = ["Store", "content_hash", "open"]


def content_hash(text: str) -> str:
    """The article's identity in the store: sha256 of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def open(url_or_path: str | Path) -> Store:  # named as dbm.open / shelve.open
    """The store at a path (SQLite) or SQLAlchemy URL, its tables created if missing."""
    name = str(url_or_path)
    url = name if "://" in name else f"sqlite:///{Path(name).expanduser().resolve()}"
    engine = sa.create_engine(url)
    metadata.create_all(engine)
    return Store(engine)


class Store:
    """Articles, their events, the clusters they form, and the failures met."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def ingest(self, results: Iterable[Analysis | Failure]) -> IngestReport:
        """Counts of articles added, skipped as already present, and failures recorded."""
        added = skipped = failed = 0
        for item in results:
            with self.engine.begin() as conn:
                if isinstance(item, Failure):
                    conn.execute(failures.insert().values(source=item.source, error=item.error))
                    failed += 1
                elif _write(conn, item):
                    added += 1
                else:
                    skipped += 1
        return IngestReport(added=added, skipped=skipped, failed=failed)

    def clusters(self) -> list[Cluster]:
        """Every cluster with its sources, by date (undated last), then by id."""
        with self.engine.connect() as conn:
            sources: dict[int, list[sa.Row[tuple[object, ...]]]] = {}
            query = (sa.select(events, articles.c.doc_id).join(articles, events.c.article_id == articles.c.id)
                     .order_by(events.c.cluster_id, events.c.id))
            for row in conn.execute(query):
                sources.setdefault(row.cluster_id, []).append(row)
            order = (clusters.c.start.is_(None), clusters.c.start, clusters.c.id)
            return [_cluster_of(c, sources.get(c.id, [])) for c in conn.execute(sa.select(clusters).order_by(*order))]

    def failures(self) -> list[Failure]:
        """The failures recorded, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(failures).order_by(failures.c.id))
            return [Failure(source=r.source, error=r.error) for r in rows]

    def count(self, table: str) -> int:
        """Rows in one of the tables: articles, events, clusters, failures."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(metadata.tables[table])).scalar_one())


def _write(conn: sa.Connection, analysis: Analysis) -> bool:
    """Write the article, its events and their clusters; False when it is already there."""
    digest = content_hash(analysis.text)
    if conn.execute(sa.select(articles.c.id).where(articles.c.content_hash == digest)).first() is not None:
        return False
    result = conn.execute(articles.insert().values(
        content_hash=digest, doc_id=analysis.id, outlet=analysis.outlet, published=analysis.published,
        language=analysis.language, title=analysis.title, url=analysis.url,
        analysed=analysis.model_dump(mode="json"),
    ))
    key = result.inserted_primary_key
    assert key is not None  # an insert into a table with a primary key always returns it
    article_pk = int(key[0])
    for ev in analysis.events:
        cluster_id, reason, km = _cluster.assign(conn, article_pk, ev)
        conn.execute(events.insert().values(
            article_id=article_pk, cluster_id=cluster_id, cluster_reason=reason, cluster_km=km,
            **_event_columns(analysis, ev)))
        _cluster.recount(conn, cluster_id)
    return True


def _event_columns(analysis: Analysis, ev: Event) -> dict[str, object]:
    loc, who = ev.location, ev.attributed_to
    return {
        "event_id": ev.id, "outlet": analysis.outlet, "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type, "start": ev.date.start, "end": ev.date.end,
        "date_precision": ev.date.precision,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "precision": loc.precision if loc else None, "location": loc.name if loc else None,
        "actor1": ev.actor1.name if ev.actor1 else None, "actor1_kind": ev.actor1.kind if ev.actor1 else None,
        "actor2": ev.actor2.name if ev.actor2 else None, "actor2_kind": ev.actor2.kind if ev.actor2 else None,
        "fatalities": ev.fatalities, "factuality": ev.factuality,
        "attributed_to": who.name if who else None, "attributed_kind": who.kind if who else None,
        "attributed_role": who.role if who else None,
        "evidence": ev.evidence.text, "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
    }


def _cluster_of(c: sa.Row[tuple[object, ...]], rows: list[sa.Row[tuple[object, ...]]]) -> Cluster:
    actor1 = next((Actor(name=r.actor1, kind=r.actor1_kind or "other") for r in rows if r.actor1), None)
    actor2 = next((Actor(name=r.actor2, kind=r.actor2_kind or "other") for r in rows if r.actor2), None)
    tolls = [r.fatalities for r in rows if r.fatalities is not None]
    return Cluster(
        id=c.id, event_type=c.event_type, sub_event_type=c.sub_event_type,
        date=EventDate(start=c.start, end=c.end, precision=c.date_precision, text=c.date_text),
        location=Location.model_validate(c.location) if c.location else None,
        actor1=actor1, actor2=actor2, fatalities=max(tolls) if tolls else None, outlets=c.sources,
        sources=[_source(r) for r in rows],
    )


def _source(r: sa.Row[tuple[object, ...]]) -> ClusterSource:
    who = (Attribution(name=r.attributed_to, role=r.attributed_role, kind=r.attributed_kind)
           if r.attributed_kind else None)
    return ClusterSource(outlet=r.outlet, article_id=r.doc_id, event_id=r.event_id, factuality=r.factuality,
                         attributed_to=who, evidence=Evidence(text=r.evidence, start=r.evidence_start,
                                                              end=r.evidence_end))
