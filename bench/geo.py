"""Places-stage figures (run by hand): ``.venv/bin/python bench/geo.py [-v]``.

Reads tests/data/geo/toponyms.jsonl (a sentence, the toponym mention in it and the
expected place), parses each sentence, runs ``places.run`` and takes the place whose
span overlaps the mention. Prints the share resolved within 30 km, per language and
overall (target 90%), the misses, the mean cost per resolved place, the gazetteer's
load time (cold: first open in the process; warm: a second open) and peak memory.
"""

from __future__ import annotations

import json
import math
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from wirecoder import lang
from wirecoder.gazetteer import build
from wirecoder.gazetteer.local import LocalGazetteer, open_gazetteer
from wirecoder.model import Article, Config, Parsed, Place
from wirecoder.parse import nlp
from wirecoder.stages import places

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "geo" / "toponyms.jsonl"
RADIUS_KM = 30.0
# the scorer's radius per precision (../shared/eval/README.md): a region or a country is found when
# its point lies this close, whatever centroid each side picked
KIND_RADIUS = {"admin2": 80.0, "admin1": 150.0, "region": 150.0, "sea": 600.0, "country": 600.0}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def covering(found: list[Place], start: int, end: int) -> Place | None:
    hits = [p for p in found if p.span.start < end and start < p.span.end and p.location is not None]
    return min(hits, key=lambda p: abs(p.span.start - start) + abs(p.span.end - end)) if hits else None


def main() -> None:
    verbose = "-v" in sys.argv
    cases = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    built = build.db_path().exists()
    t0 = time.perf_counter()
    gaz = open_gazetteer()
    gaz.lookup("Mosul")
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    LocalGazetteer(gaz.path).lookup("Mosul")
    warm = time.perf_counter() - t0
    rss_gaz = rss_mb()

    docs = []
    for case in cases:
        code = case["lang"]
        article = Article(id="b", text=case["text"], language=code)
        docs.append(Parsed(article=article, language=code, doc=nlp(code, Config().model_size)(case["text"])))
    rss_nlp = rss_mb()

    hits: Counter[str] = Counter()
    same: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses: list[str] = []
    spent, resolved = 0.0, 0
    for case, doc in zip(cases, docs, strict=True):
        code, text, mention, want = case["lang"], case["text"], case["mention"], case["expected"]
        t0 = time.perf_counter()
        found = places.run(doc, lang.load(code), gaz)
        spent += time.perf_counter() - t0
        resolved += sum(p.location is not None for p in found)
        start = text.find(mention)
        place = covering(found, start, start + len(mention)) if start >= 0 else None
        totals[code] += 1
        loc = place.location if place else None
        dist = km(loc.lat, loc.lon, want["lat"], want["lon"]) if loc and loc.lat is not None and loc.lon is not None \
            else math.inf
        same[code] += dist <= KIND_RADIUS.get(want.get("kind", ""), RADIUS_KM)
        if dist <= RADIUS_KM:
            hits[code] += 1
            continue
        got = f"{loc.name} ({loc.country}, {loc.kind}) {dist:.0f} km off [{place.reason}]" if loc and place \
            else "not found"
        misses.append(f"  {code} {mention!r} -> {got}; expected {want['name']} ({want['country']})"
                      + (f"\n      {text}" if verbose else ""))

    print(f"toponyms: {sum(totals.values())} mentions from {DATA.relative_to(ROOT)}")
    for code in sorted(totals):
        print(f"  {code}: {hits[code]}/{totals[code]} within {RADIUS_KM:.0f} km = {hits[code] / totals[code]:.1%}")
    total = sum(totals.values())
    print(f"  all: {sum(hits.values())}/{total} = {sum(hits.values()) / max(total, 1):.1%}  (target 90%)")
    print(f"  within the scorer's radius for the expected kind (regions 150 km, seas and countries 600 km): "
          f"{sum(same.values())}/{total} = {sum(same.values()) / max(total, 1):.1%}")
    print(f"misses ({len(misses)}):")
    print("\n".join(misses))
    # a second pass: the cost once the lookups are cached, as on a stream of articles
    t0 = time.perf_counter()
    for case, doc in zip(cases, docs, strict=True):
        places.run(doc, lang.load(case["lang"]), gaz)
    again = time.perf_counter() - t0
    print(f"cost: {1000 * spent / max(resolved, 1):.2f} ms per resolved place on first sight "
          f"({1000 * again / max(resolved, 1):.2f} ms once cached); "
          f"{1000 * spent / len(cases):.2f} ms per sentence")
    print(f"gazetteer: load {cold:.3f} s cold{' (built now)' if not built else ''}, {warm:.4f} s warm; "
          f"file {gaz.path.stat().st_size / 1e6:.0f} MB at {gaz.path}")
    print(f"memory: peak RSS {rss_gaz:.0f} MB after opening the gazetteer, {rss_nlp:.0f} MB with the spaCy "
          f"pipelines, {rss_mb():.0f} MB at the end")


if __name__ == "__main__":
    main()
