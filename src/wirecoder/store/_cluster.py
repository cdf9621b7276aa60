"""Deduplication across articles: which cluster (real-world event) a new event record joins.

An event joins a cluster of the same ACLED event type whose date interval overlaps its own with
one day of slack and whose point lies within a radius set by the coarser precision of the two;
the closest candidate wins. Events with no date or no point never join. A cluster never takes two
events of one article (the events stage already merged an article's duplicates).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import sqlalchemy as sa

from wirecoder.model import Event
from wirecoder.store._schema import clusters, events

# How far apart two reports of one event may be placed, by the coarser precision of the two.
RADIUS_KM: dict[str, float] = {"point": 30.0, "admin2": 80.0, "admin1": 150.0}
RANK: dict[str, int] = {"point": 0, "admin2": 1, "admin1": 2, "country": 3}
SLACK = timedelta(days=1)
KM_PER_DEGREE = 111.2


def assign(conn: sa.Connection, article_pk: int, ev: Event) -> tuple[int, str, float | None]:
    """The cluster the event belongs to (joined or new), the reason code, and the distance when joined."""
    start, end = _interval(ev)
    loc = ev.location
    if start is None or end is None:
        return _new(conn, ev), "new:no-date", None
    if loc is None or loc.lat is None or loc.lon is None:
        return _new(conn, ev), "new:no-point", None
    if loc.precision not in RADIUS_KM:
        return _new(conn, ev), "new:coarse-place", None
    best = _closest(conn, article_pk, ev, start, end, loc.lat, loc.lon, loc.precision)
    if best is None:
        return _new(conn, ev), "new:no-match", None
    cluster, km = best
    _tighten(conn, cluster, ev, start, end)
    return int(cluster.id), "joined", round(km, 1)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _interval(ev: Event) -> tuple[date | None, date | None]:
    start = ev.date.start or ev.date.end
    end = ev.date.end or ev.date.start
    return (start, end) if start is None or end is None or start <= end else (end, start)


def _closest(conn: sa.Connection, article_pk: int, ev: Event, start: date, end: date,
             lat: float, lon: float, precision: str) -> tuple[sa.Row[tuple[object, ...]], float] | None:
    """The nearest cluster within reach, or None."""
    reach = max(RADIUS_KM.values()) / KM_PER_DEGREE
    same_article = sa.select(events.c.id).where(events.c.cluster_id == clusters.c.id,
                                                events.c.article_id == article_pk).exists()
    query = sa.select(clusters).where(
        clusters.c.event_type == ev.event_type,
        clusters.c.start <= end + SLACK, clusters.c.end >= start - SLACK,
        clusters.c.lat.between(lat - reach, lat + reach),
        clusters.c.precision.in_(list(RADIUS_KM)),
        ~same_article,
    )
    found: list[tuple[float, int, sa.Row[tuple[object, ...]]]] = []
    for row in conn.execute(query):
        km = km_between(lat, lon, row.lat, row.lon)
        if km <= max(RADIUS_KM[precision], RADIUS_KM[row.precision]):
            found.append((km, row.id, row))
    if not found:
        return None
    km, _, row = min(found, key=lambda f: (f[0], f[1]))
    return row, km


def _new(conn: sa.Connection, ev: Event) -> int:
    start, end = _interval(ev)
    loc = ev.location
    result = conn.execute(clusters.insert().values(
        event_type=ev.event_type, sub_event_type=ev.sub_event_type, start=start, end=end,
        date_precision=ev.date.precision, date_text=ev.date.text,
        location=loc.model_dump(mode="json") if loc else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        precision=loc.precision if loc else None, sources=1,
    ))
    key = result.inserted_primary_key
    assert key is not None  # an insert into a table with a primary key always returns it
    return int(key[0])


def _tighten(conn: sa.Connection, cluster: sa.Row[tuple[object, ...]], ev: Event, start: date, end: date) -> None:
    """The cluster keeps the tightest date interval and the most precise point."""
    update: dict[str, object] = {}
    if (end - start) < (cluster.end - cluster.start):
        update.update(start=start, end=end, date_precision=ev.date.precision, date_text=ev.date.text)
    loc = ev.location
    if loc is not None and RANK[loc.precision] < RANK[cluster.precision]:
        update.update(location=loc.model_dump(mode="json"), lat=loc.lat, lon=loc.lon, precision=loc.precision)
    if update:
        conn.execute(clusters.update().where(clusters.c.id == cluster.id).values(**update))


def recount(conn: sa.Connection, cluster_id: int) -> None:
    """Set the cluster's count of distinct outlets (an article with no outlet counts as its own)."""
    who = sa.func.coalesce(events.c.outlet, sa.literal("#") + sa.cast(events.c.article_id, sa.String))
    count = sa.select(sa.func.count(sa.distinct(who))).where(events.c.cluster_id == cluster_id).scalar_subquery()
    conn.execute(clusters.update().where(clusters.c.id == cluster_id).values(sources=count))
