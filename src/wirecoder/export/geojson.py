"""GeoJSON: one point feature per located event, properties as in the CSV."""

from __future__ import annotations

import json
from collections.abc import Iterable

from wirecoder.export.acled import row
from wirecoder.model import Analysis


def to_geojson(analyses: Iterable[Analysis]) -> str:
    """A FeatureCollection of the events that have coordinates."""
    features = []
    for analysis in analyses:
        for ev in analysis.events:
            loc = ev.location
            if loc is None or loc.lat is None or loc.lon is None:
                continue
            props = {k: v for k, v in row(analysis, ev).items() if v != ""}
            props.update({"precision": loc.precision, "evidence": ev.evidence.text, "trigger": ev.trigger.text})
            features.append({"type": "Feature", "id": ev.id,
                             "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                             "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, default=str) + "\n"
