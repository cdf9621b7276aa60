"""places, event step: where the event named at a trigger happened.

Places attached to the trigger in its sentence come first, the target before
the origin ("rockets fired from Syria at a base near Al-Qaim" -> near
Al-Qaim), the most specific and closest; a list of places for one act gives
one location each; a relative phrasing ("20 km au nord de Mossoul", "south
of the capital, Baghdad", "near") moves the point and lowers the precision.
Without a place in the sentence: the paragraph's place, then the dateline's.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any, NamedTuple

from wirecoder.gazetteer.names import fold
from wirecoder.lang import LangPack
from wirecoder.model import GEO_PRECISION_CODE, GeoPrecision, Location, Parsed, Place, Span
from wirecoder.stages._places_rank import km

UNUSABLE = ("qualifier", "metonym", "modifier")
CLIMB = 3  # dependency steps from a place up to its event
WINDOW = 8  # tokens before a place searched for a relative phrasing
GAP = 12  # most tokens between two places of one list
DIRECTION_KM = 15.0  # how far "south of X" is from X, when no distance is given
DATELINE_CHARS = 200
_AREAS = frozenset({"city", "admin1", "admin2", "region", "sea", "country"})
SAME_TOWN_KM = 30.0
SPECIFIC_MARGIN = 2.5  # how much weaker a facility's attachment may be than its town's
_LIST_PUNCT = frozenset({",", "(", ")"})
_RANK: dict[str, int] = {"point": 3, "admin2": 2, "admin1": 1, "country": 0}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


class _Slot(NamedTuple):
    place: Place
    head: Any  # the spaCy token heading the mention
    score: float
    origin: bool


def locate(trigger: Span, doc: Parsed, places: list[Place], pack: LangPack) -> list[Location]:
    """The locations of the event at ``trigger`` (see the module docstring)."""
    sdoc = doc.doc
    usable = [p for p in places if p.location is not None and not p.reason.startswith(UNUSABLE)]
    span = sdoc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if not usable or span is None or len(span) == 0:
        return []
    tok = span.root
    sent = tok.sent
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if any(fold(c.text) in {fold(w) for w in pack.places.pronouns} for c in verb.children):
        return _fallback(trigger, doc, usable, "pronoun")  # "y": the place said before
    found = [_slot(p, sdoc, tok, pack) for p in usable if sent.start_char <= p.span.start < sent.end_char]
    slots = [s for s in found if s is not None]
    if slots:
        best = _apposed(_specific(max(slots, key=lambda s: s.score), slots), slots, sdoc, pack)
        reason = "attached" if best.score >= _ATTACHED else "sentence-nearest"
        if best.origin:
            reason = "origin"
        group = _coordinated(best, slots, sdoc, pack, places)
        return [_relative(s.place, sdoc, pack, reason if s is best else "listed", usable) for s in group]
    return _fallback(trigger, doc, usable)


_ATTACHED = 2.0


def _specific(best: _Slot, slots: list[_Slot]) -> _Slot:
    """A facility in the chosen town ("l'ambassade américaine à Bagdad") is where it happened; so is
    a place inside the chosen country ("struck targets across Yemen, including the airport of Sanaa")."""
    loc = best.place.location
    assert loc is not None
    if loc.precision == "country":
        finer = [s for s in slots if not s.origin and s.place.location is not None
                 and s.place.location.country == loc.country and s.place.location.precision != "country"]
        if finer:
            best = max(finer, key=lambda s: s.score)
            loc = best.place.location
            assert loc is not None
    if loc.kind not in _AREAS or loc.lat is None or loc.lon is None:
        return best
    inside = [s for s in slots if s.place.location is not None and s.place.location.kind not in _AREAS
              and not s.origin and s.score >= best.score - SPECIFIC_MARGIN and s.place.location.lat is not None
              and s.place.location.lon is not None
              and km(loc.lat, loc.lon, s.place.location.lat, s.place.location.lon) <= SAME_TOWN_KM]
    return max(inside, key=lambda s: s.score) if inside else best


def _apposed(best: _Slot, slots: list[_Slot], sdoc: Any, pack: LangPack) -> _Slot:
    """The place that a relative phrase in apposition locates: "Croix-des-Bouquets, à l'est de la
    capitale" happened at Croix-des-Bouquets, not east of the capital."""
    p = pack.places
    relative = {fold(w) for w in [*p.directions, *p.near]}
    allowed = relative | {fold(w) for w in [*p.location, *p.connectors, *p.capital_words, *p.units]}
    before = [s for s in slots if s.place.span.end <= best.place.span.start and not s.origin]
    if not before:
        return best
    prev = max(before, key=lambda s: s.place.span.end)
    gap = sdoc.char_span(prev.place.span.end, best.place.span.start, alignment_mode="expand")
    if gap is None or len(gap) == 0 or gap[0].text != "," or len(gap) > WINDOW:
        return best
    words = [fold(t.text) for t in gap[1:] if not t.is_punct]
    if words and any(w in relative for w in words) and all(
            w in allowed or t.pos_ in ("DET", "NUM") for w, t in zip(words, [t for t in gap[1:] if not t.is_punct],
                                                                    strict=True)):
        return prev
    return best


def _slot(place: Place, sdoc: Any, trigger: Any, pack: LangPack) -> _Slot | None:
    span = sdoc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    assert place.location is not None
    subject = head.dep_.startswith("nsubj")
    if subject and place.location.kind == "country":
        return None  # a state acting, not a place
    p = pack.places
    if _preposition(sdoc, span.start, p.agents):
        return None  # "la coalition dirigée par les États-Unis": who acts, not where
    origin = _preposition(sdoc, span.start, p.origin)
    words = [fold(t.text) for t in sdoc[max(span.start - 3, 0):span.start]]
    before = set(words) | {a + " " + b for a, b in zip(words, words[1:], strict=False)}
    located = bool(before & {fold(w) for w in [*p.location, *p.near, *p.directions]})
    # the place depends on the trigger, or (a misparse, or a relative clause) the trigger on the place
    attached = _reaches(head, {trigger.i, verb.i}) or _reaches(trigger, set(range(span.start, span.end)))
    score = (_ATTACHED * attached + 1.5 * located + 0.5 * (head.i > trigger.i) - 0.05 * abs(head.i - trigger.i)
             + 0.3 * _RANK[place.location.precision] - 3.0 * origin)
    return _Slot(place, head, score, origin)


def _reaches(tok: Any, targets: set[int]) -> bool:
    for _ in range(CLIMB):
        if tok.i in targets:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i in targets


def _preposition(sdoc: Any, first: int, words: list[str]) -> bool:
    """Whether one of ``words`` introduces the mention starting at token ``first`` (a determiner between)."""
    wanted = {fold(w) for w in words}
    i = first - 1
    while i >= 0 and sdoc[i].pos_ == "DET" and first - i < 3:
        i -= 1
    return i >= 0 and fold(sdoc[i].text) in wanted


def _coordinated(best: _Slot, slots: list[_Slot], sdoc: Any, pack: LangPack, places: list[Place]) -> list[_Slot]:
    """The chosen place and the places listed with it for the same act ("A, B et C")."""
    p = pack.places
    allowed = ({fold(w) for w in p.joiners + p.location + p.connectors + p.capital_words + p.near}
               | {fold(w) for w in p.directions} | {fold(w) for w in p.units})
    joiners = {fold(w) for w in p.joiners}
    relative = {fold(w) for w in [*p.directions, *p.near]}
    ordered = sorted((s for s in slots if not s.origin or s is best), key=lambda s: s.place.span.start)
    k = ordered.index(best)
    group = [best]
    for step in (-1, 1):
        i = k
        while 0 <= i + step < len(ordered):
            a, b = (ordered[i + step], ordered[i]) if step < 0 else (ordered[i], ordered[i + step])
            gap = sdoc.char_span(a.place.span.end, b.place.span.start, alignment_mode="expand")
            if gap is None or not _list_gap(gap, allowed, joiners, places, relative):
                break
            group.append(ordered[i + step])
            i += step
    return sorted(group, key=lambda s: s.place.span.start)


def _list_gap(gap: Any, allowed: set[str], joiners: set[str], places: list[Place], relative: set[str]) -> bool:
    """Whether the words between two places only join them ("A, B et C", "A (region) et au sud de B")."""
    inside = [(p.span.start, p.span.end) for p in places if gap.start_char <= p.span.start < gap.end_char]
    words = [t for t in gap if not t.is_punct and t.text.strip() and not any(a <= t.idx < b for a, b in inside)]
    if not gap.text.strip() or len(gap) > GAP or any(t.is_punct and t.text not in _LIST_PUNCT for t in gap):
        return False
    folded = [fold(t.text) for t in words]
    if not any(w in joiners for w in folded) and any(w in relative for w in folded):
        return False  # "A, à l'est de B": B locates A, it is not a second place of the act
    return all(t.pos_ in ("DET", "NUM") or fold(t.text) in allowed for t in words) and (
        gap[0].is_punct or fold(gap[0].text) in joiners)


def _relative(place: Place, sdoc: Any, pack: LangPack, reason: str, others: list[Place]) -> Location:
    """The place's location, moved and made vaguer by a relative phrasing before it."""
    loc = place.location
    assert loc is not None
    span = sdoc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    first = span.start if span is not None else 0
    # the phrasing belongs to this place only: stop at the place before it
    floor = max([o.span.end for o in others if o.span.end <= place.span.start], default=0)
    words = [(t, fold(t.text)) for t in sdoc[max(first - WINDOW, 0):first] if t.idx >= floor]
    # stop at a verb: a phrasing beyond it belongs to another clause
    while words and any(t.pos_ in ("VERB", "AUX") for t, _ in words):
        words = words[1:]
    p = pack.places
    bearing, at, dist_km = None, None, None
    for i, (tok, w) in enumerate(words):
        pair = w + " " + words[i + 1][1] if i + 1 < len(words) else ""
        for key in (pair, w):
            if key in {fold(d): None for d in p.directions}:
                bearing, at = next(v for d, v in p.directions.items() if fold(d) == key), tok
        if w in {fold(u) for u in p.units} and i > 0 and _NUMBER.match(words[i - 1][0].text):
            unit = next(v for u, v in p.units.items() if fold(u) == w)
            dist_km = float(words[i - 1][0].text.replace(",", ".")) * unit
        if bearing is None and (w in {fold(n) for n in p.near} or pair in {fold(n) for n in p.near}):
            at = tok
    if at is None or loc.lat is None or loc.lon is None:
        return loc.model_copy(update={"reason": reason})
    lat, lon, how = loc.lat, loc.lon, "near"
    if bearing is not None:
        lat, lon = _move(lat, lon, bearing, dist_km or DIRECTION_KM)
        how = "direction-distance" if dist_km else "direction"
    precision: GeoPrecision = "admin2" if _RANK[loc.precision] >= _RANK["admin2"] else loc.precision
    start = at.idx if dist_km is None else min(at.idx, _number_start(words, at))
    text = sdoc.text[start:place.span.end]
    return loc.model_copy(update={"lat": round(lat, 5), "lon": round(lon, 5), "precision": precision,
                                  "geo_precision": max(GEO_PRECISION_CODE[precision], 2), "text": text,
                                  "start": start, "reason": f"{reason}+{how}"})


def _number_start(words: list[tuple[Any, str]], at: Any) -> int:
    starts = [t.idx for t, _ in words if _NUMBER.match(t.text)]
    return starts[0] if starts else int(at.idx)


def _move(lat: float, lon: float, bearing: float, dist_km: float) -> tuple[float, float]:
    """The point ``dist_km`` from (lat, lon) towards ``bearing`` degrees (flat-earth, fine below 100 km)."""
    dlat = dist_km * math.cos(math.radians(bearing)) / 111.2
    dlon = dist_km * math.sin(math.radians(bearing)) / (111.2 * max(math.cos(math.radians(lat)), 0.01))
    return lat + dlat, lon + dlon


def _fallback(trigger: Span, doc: Parsed, usable: list[Place], why: str = "paragraph") -> list[Location]:
    """No place in the sentence: the paragraph's place before the trigger (or after), then the dateline's."""
    text = doc.article.text
    para_start = text.rfind("\n", 0, trigger.start) + 1
    para_end = text.find("\n", trigger.end)
    para_end = len(text) if para_end < 0 else para_end
    inside = [p for p in usable if para_start <= p.span.start < para_end]
    before = [p for p in inside if p.span.start < trigger.start]
    pick = before[-1] if before else (inside[0] if inside else None)
    if pick is not None and pick.location is not None:
        return [pick.location.model_copy(update={"reason": why})]
    head = [p for p in usable if p.span.start < DATELINE_CHARS and _dateline(p, text)]
    main = _main_country(usable)
    # a correspondent filing from abroad ("BANGKOK" over a Myanmar story) does not say where it happened
    if head and head[0].location is not None and head[0].location.country in (main, None):
        return [head[0].location.model_copy(update={"reason": "dateline"})]
    return []


def _dateline(place: Place, text: str) -> bool:
    """A place in capitals near the top ("KABUL, May 20"), or opening a line before a comma or a dash."""
    if place.span.text.isupper():
        return True
    opens = place.span.start == 0 or text[place.span.start - 1] == "\n"
    return opens and text[place.span.end:place.span.end + 2].lstrip()[:1] in (",", "-", "–", "—", "(")


def _main_country(usable: list[Place]) -> str | None:
    """The country most of the article's places lie in."""
    counts = Counter(p.location.country for p in usable if p.location is not None and p.location.country)
    return counts.most_common(1)[0][0] if counts else None
