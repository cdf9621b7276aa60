"""Exports of the store's clusters: CSV in ACLED's column order, GeoJSON, JSON.

One row (or feature) per real-world event; ``source`` lists the outlets that reported it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from wirecoder.export.acled import COLUMNS, columns, source_text
from wirecoder.model import Cluster

EXTRA = ("event_end_date", "cluster_id", "outlets", "reports", "factuality", "attributed_to", "article_ids")


def row(c: Cluster) -> dict[str, object]:
    """The cluster as ACLED's columns, then wirecoder's own."""
    outlets = list(dict.fromkeys(s.outlet for s in c.sources if s.outlet))
    return {
        "event_id_cnty": f"WC{c.id}",
        **columns(c.event_type, c.sub_event_type, c.date, c.location, c.actor1, c.actor2, c.fatalities),
        "source": "; ".join(outlets), "notes": " | ".join(f"[{s.factuality}] {s.evidence.text}" for s in c.sources),
        "cluster_id": c.id, "outlets": c.outlets, "reports": len(c.sources),
        "factuality": "; ".join(s.factuality for s in c.sources),
        "attributed_to": "; ".join(source_text(s.outlet, s.attributed_to) for s in c.sources),
        "article_ids": "; ".join(s.article_id for s in c.sources),
    }


def to_csv(clusters: Iterable[Cluster]) -> str:
    """All clusters as CSV, ACLED's columns first."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, *EXTRA], lineterminator="\n")
    writer.writeheader()
    writer.writerows(row(c) for c in clusters)
    return buf.getvalue()


def to_geojson(clusters: Iterable[Cluster]) -> str:
    """A FeatureCollection of the clusters that have coordinates, their sources in the properties."""
    features = []
    for c in clusters:
        loc = c.location
        if loc is None or loc.lat is None or loc.lon is None:
            continue
        props = {k: v for k, v in row(c).items() if v != ""}
        props.update({"precision": loc.precision,
                      "sources": [s.model_dump(mode="json", exclude_none=True) for s in c.sources]})
        features.append({"type": "Feature", "id": f"WC{c.id}",
                         "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                         "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, default=str) + "\n"


def to_json(clusters: Iterable[Cluster]) -> str:
    """``{"clusters": [...]}``, each with its sources."""
    items = ",\n".join(c.model_dump_json(indent=1) for c in clusters)
    return '{"clusters": [\n' + items + "\n]}\n" if items else '{"clusters": []}\n'
