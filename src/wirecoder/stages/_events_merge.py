"""events, merging: repeated mentions of one event in an article become one record."""

from __future__ import annotations

from wirecoder.model import Event, Location, Parsed
from wirecoder.stages._places_rank import km

STRATEGIC = "Strategic developments"
AREA_KM = {"admin1": 150.0, "admin2": 60.0, "country": 600.0}  # an area this wide holds a place inside it
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


WEAK_PLACES = frozenset({"paragraph", "dateline", "pronoun", "no-place"})
WEAK_DATES = frozenset({"publication-date", "no-anchor"})
INHERITED_DATES = WEAK_DATES | {"paragraph-date", "previous-paragraph-date", "lead-date"}


def merge(events: list[Event], outcome: frozenset[str], definite: frozenset[str]) -> list[Event]:
    """Repeated mentions of one event (same type, place and overlapping dates) become one record;
    so does a later mention that names no place or date of its own (an echo of the one before)."""
    out: list[Event] = []
    for ev in events:
        for i, kept in enumerate(out):
            if _same(kept, ev):
                out[i] = _combine(kept, ev)
                break
        else:
            echoed = next((i for i in range(len(out) - 1, -1, -1) if _echo(out[i], ev, outcome, definite)), None)
            if echoed is None:
                out.append(ev)
            else:
                out[echoed] = _absorb(out[echoed], ev)
    return out


def _echo(a: Event, b: Event, outcome: frozenset[str], definite: frozenset[str]) -> bool:
    """Whether ``b``, told after ``a`` with no place of its own ("the raid", "the toll rose"), is ``a`` again."""
    if b.evidence.start <= a.evidence.start or a.location is None:
        return False
    reason = (b.reasons.get("location") or "no-place").split("+")[0]
    weak = reason in WEAK_PLACES
    if reason == "pronoun" and b.location is not None and _place_key(b.location) != _place_key(a.location):
        weak = False  # "y", "there": the text does say where, and it is somewhere else
    # or a mention at the same place, with no date of its own, that names a toll or points back ("the attack")
    again = (b.location is not None and _place_key(b.location) == _place_key(a.location)
             and b.date.reason in INHERITED_DATES and (b.trigger_id in outcome or _definite(b, definite)))
    if not (weak or again):
        return False
    # Strategic developments is a catch-all: an arrest does not echo a withdrawal
    kind = (a.sub_event_type == b.sub_event_type or (a.event_type == b.event_type and a.event_type != STRATEGIC)
            or (b.trigger_id in outcome and a.event_type in VIOLENT))
    if not kind:
        return False
    if b.date.reason in WEAK_DATES or b.date.start is None:
        return True
    da, db = a.date, b.date
    return bool(da.start and da.end and db.start and db.end and da.start <= db.end and db.start <= da.end)


def _same(a: Event, b: Event) -> bool:
    """Whether two records are mentions of one event."""
    if a.event_type != b.event_type or a.location is None or b.location is None:
        return False
    if a.evidence.start == b.evidence.start:
        # one sentence, two words for one act ("clashes ... killed"); one word over listed places stays apart.
        # Strategic developments is a catch-all: a withdrawal and a handover in one sentence are two records.
        same_kind = a.sub_event_type == b.sub_event_type or a.event_type != STRATEGIC
        return a.trigger != b.trigger and same_kind
    if a.sub_event_type != b.sub_event_type:
        return False
    if (a.location.gazetteer_id or a.location.name) != (b.location.gazetteer_id or b.location.name):
        return False
    da, db = a.date, b.date
    if da.start and db.start and da.end and db.end:
        return da.start <= db.end and db.start <= da.end
    return da.start is None and db.start is None


def _combine(a: Event, b: Event) -> Event:
    """Keep the better-specified record; fill its gaps from the other."""
    def spec(e: Event) -> tuple[int, int]:
        return (e.date.precision or 9, -sum(x is not None for x in (e.actor1, e.actor2, e.fatalities)))
    best, other = (a, b) if spec(a) <= spec(b) else (b, a)
    fill = {k: getattr(other, k) for k in ("actor1", "actor2", "fatalities") if getattr(best, k) is None}
    if best.fatalities is not None and other.fatalities is not None:
        fill["fatalities"] = max(best.fatalities, other.fatalities)  # tolls grow through an article
    one, two = fill.get("actor1", best.actor1), fill.get("actor2", best.actor2)
    if one is not None and two is not None and one.name == two.name:
        fill["actor2"] = best.actor2 if best.actor2 is not None and best.actor2.name != one.name else None
    return best.model_copy(update={**fill, "mentions": a.mentions + b.mentions})


HEADLINE_KM = 50.0  # a headline's place and the body's place of one event


def fold_headline(events: list[Event], doc: Parsed) -> list[Event]:
    """A headline event told again in the body, near the same place and not at odds in time, is
    the body's record (the body gives the date; a headline is dated by the publication)."""
    title, text = doc.article.title, doc.article.text
    at = text.find(title) if title else -1
    if title is None or at < 0:
        return events
    head = [e for e in events if e.trigger.start < at + len(title)]
    body = [e for e in events if e.trigger.start >= at + len(title)]
    out = list(body)
    for h in head:
        near = [(d, i) for i, b in enumerate(out[:len(body)]) if (d := _headline_gap(h, b)) is not None]
        if not near:
            out.append(h)
            continue
        i = min(near)[1]
        out[i] = _absorb(out[i], h)
    return sorted(out, key=lambda e: (e.trigger.start, e.id))


def _headline_gap(h: Event, b: Event) -> float | None:
    """How far the body's record is from the headline's, or None when they cannot be one event."""
    if h.event_type != b.event_type or h.location is None or b.location is None:
        return None
    la, lb = h.location, b.location
    if la.lat is None or la.lon is None or lb.lat is None or lb.lon is None:
        return None
    gap = km(la.lat, la.lon, lb.lat, lb.lon)
    if gap > max(HEADLINE_KM, AREA_KM.get(la.precision, 0.0)):
        return None
    if h.date.reason not in WEAK_DATES and h.date.start and h.date.end and b.date.start and b.date.end:
        if h.date.start > b.date.end or b.date.start > h.date.end:
            return None
    return gap


def _place_key(loc: Location) -> str:
    return loc.gazetteer_id or loc.name


def _definite(e: Event, definite: frozenset[str]) -> bool:
    """Whether the mention points back at something told before ("the attack", "l'attentat")."""
    words = e.evidence.text[:e.trigger.start - e.evidence.start].lower().replace("’", "'").split()
    last = words[-1] if words else ""
    return last in definite or any(last.endswith(w) for w in definite if w.endswith("'"))


def _absorb(a: Event, echo: Event) -> Event:
    """The record told first, with what its echo adds (actors, a grown toll); its place and date stay."""
    fill = {k: getattr(echo, k) for k in ("actor1", "actor2", "fatalities") if getattr(a, k) is None}
    if a.fatalities is not None and echo.fatalities is not None:
        fill["fatalities"] = max(a.fatalities, echo.fatalities)
    return a.model_copy(update={**fill, "mentions": a.mentions + echo.mentions})
