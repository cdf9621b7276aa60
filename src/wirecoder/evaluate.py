"""Evaluation against gold annotations (the ``*.gold.json`` format of the shared eval sets).

A predicted event matches a gold event when the ACLED event type is the same,
the date intervals overlap with one day of slack, and the point lies within the
gold precision's radius. Required gold events are matched first (augmenting
paths, closest candidates first), optional ones after; an optional match is
neither rewarded nor punished.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from wirecoder.model import Analysis, Event, Gold, Score

RADIUS_KM = {"point": 30.0, "admin2": 80.0, "admin1": 150.0, "country": 600.0}
SLACK = timedelta(days=1)


def load_golds(folders: Iterable[Path]) -> list[Gold]:
    """The gold files of some folders, with their article text."""
    out = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.gold.json")):
            raw = json.loads(path.read_text(encoding="utf-8"))
            text = (path.parent / raw["text_file"]).read_text(encoding="utf-8")
            out.append(Gold(doc=raw["doc"], text=text, language=raw.get("language"), published=raw.get("published"),
                            outlet=raw.get("outlet"), events=raw["events"], path=str(path)))
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def cost(gold: dict[str, Any], pred: Event) -> float | None:
    """How far a prediction is from a gold event, or None when they cannot match."""
    if gold["event_type"] != pred.event_type:
        return None
    gd = gold.get("date") or {}
    gs, ge = _day(gd.get("start")), _day(gd.get("end"))
    gs, ge = gs or ge, ge or gs
    gap = 0
    if gs and ge:
        ps, pe = pred.date.start or pred.date.end, pred.date.end or pred.date.start
        if ps is None or pe is None or ps > ge + SLACK or pe < gs - SLACK:
            return None
        gap = max(0, (gs - pe).days, (ps - ge).days)
    loc, gl = pred.location, gold.get("location") or {}
    if loc is None or loc.lat is None or loc.lon is None or gl.get("lat") is None:
        return None
    radius = RADIUS_KM.get(gl.get("precision", "point"), 30.0)
    dist = _km((gl["lat"], gl["lon"]), (loc.lat, loc.lon))
    if dist > radius:
        return None
    return dist / radius + gap + 0.5 * (gold.get("sub_event_type") != pred.sub_event_type)


def match(golds: list[dict[str, Any]], preds: list[Event]) -> dict[int, int]:
    """pred index -> gold index: as many required gold events as possible, then optional ones."""
    options = {}
    for gi, g in enumerate(golds):
        scored = sorted((c, pi) for pi, p in enumerate(preds) if (c := cost(g, p)) is not None)
        options[gi] = [pi for _, pi in scored]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi not in seen:
                seen.add(pi)
                if pi not in owner or augment(owner[pi], seen):
                    owner[pi] = gi
                    return True
        return False

    for gi, g in enumerate(golds):
        if g.get("required", True):
            augment(gi, set())
    for gi, g in enumerate(golds):
        if not g.get("required", True):
            free = next((pi for pi in options[gi] if pi not in owner), None)
            if free is not None:
                owner[free] = gi
    return owner


def score(golds: list[Gold], analyses: dict[str, Analysis]) -> Score:
    """Event precision/recall over gold articles (a missing analysis counts as no events)."""
    tp = fp = fn = factuality_ok = sub_event_ok = 0
    missed: dict[str, list[str]] = {}
    for gold in golds:
        preds = analyses[gold.doc].events if gold.doc in analyses else []
        owner = match(gold.events, preds)
        required = {gi for gi, g in enumerate(gold.events) if g.get("required", True)}
        hit = {gi for gi in owner.values() if gi in required}
        tp += len(hit)
        fn += len(required - hit)
        fp += len(preds) - len(owner)
        for pi, gi in owner.items():
            if gi in required:
                factuality_ok += gold.events[gi].get("factuality") == preds[pi].factuality
                sub_event_ok += gold.events[gi].get("sub_event_type") == preds[pi].sub_event_type
        if required - hit:
            missed[gold.doc] = [gold.events[gi]["id"] for gi in sorted(required - hit)]
    return Score(tp=tp, fp=fp, fn=fn, factuality_ok=factuality_ok, sub_event_ok=sub_event_ok, missed=missed)
