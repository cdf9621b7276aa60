"""events: triggers from the language's lexicon, arguments from the dependency parse."""

from __future__ import annotations

import functools
from typing import Any

from wirecoder import lang
from wirecoder.lang import LangPack
from wirecoder.lang.schema.events import Trigger
from wirecoder.model import (
    SUB_EVENT_TYPE,
    Actor,
    ActorMention,
    Anchor,
    Event,
    Evidence,
    Location,
    Parsed,
    Place,
    Span,
    Timex,
)
from wirecoder.stages import places as places_stage
from wirecoder.stages import timex
from wirecoder.stages._events_args import arguments, fatalities
from wirecoder.stages._events_match import TokenPatterns
from wirecoder.stages._events_merge import (
    AREA_KM,
    INHERITED_DATES,
    STRATEGIC,
    VIOLENT,
    WEAK_PLACES,
    fold_headline,
    merge,
)
from wirecoder.stages._places_rank import km


@functools.cache
def _matcher(code: str) -> TokenPatterns:
    """The trigger matcher of a language (built once): spaCy Matcher results, patterns indexed by first word."""
    return TokenPatterns([trig.pattern for trig in lang.load(code).triggers])


def find_triggers(doc: Parsed, pack: LangPack) -> list[tuple[Span, Trigger]]:
    """Trigger matches in the text, in order, none overlapping.

    At overlaps the longest match wins; among matches of the same length the
    entry listed first in the lexicon wins. A trigger with ``requires`` fires
    only when its sentence holds one of those words (lemma or lower-cased form);
    one with ``excludes`` only when its sentence holds none of them.
    """
    sdoc = doc.doc
    ranked = sorted(_matcher(pack.code)(sdoc), key=lambda m: (-(m[2] - m[1]), m[1], m[0]))
    chosen: list[tuple[int, int, Trigger]] = []
    taken: set[int] = set()
    sent_words: dict[int, set[str]] = {}
    for index, start, end in ranked:
        trig = pack.triggers[index]
        if taken.intersection(range(start, end)) or not _context_allows(trig, sdoc, start, end, sent_words):
            continue
        chosen.append((start, end, trig))
        taken.update(range(start, end))
    out = []
    for start, end, trig in sorted(chosen, key=lambda c: c[0]):
        span = sdoc[start:end]
        out.append((Span(start=span.start_char, end=span.end_char, text=span.text), trig))
    return out


def _context_allows(trig: Trigger, sdoc: Any, start: int, end: int, sent_words: dict[int, set[str]]) -> bool:
    """Whether the context lets the trigger fire: a ``requires`` word anywhere in its sentence,
    no ``excludes`` word in its clause (a long sentence may hold one in another clause)."""
    if trig.requires:
        sent = sdoc[start].sent
        words = sent_words.get(sent.start)
        if words is None:
            words = sent_words[sent.start] = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        if not words.intersection(w.lower() for w in trig.requires):
            return False
    if trig.excludes:
        head = sdoc[start:end].root
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        blocked = {w.lower() for w in trig.excludes}
        clause = sdoc[min(head.left_edge.i, start):max(head.right_edge.i + 1, end)]
        if any(t.lower_ in blocked or t.lemma_.lower() in blocked for t in clause):
            return False
    return True


def run(doc: Parsed, pack: LangPack, timexes: list[Timex], places: list[Place],
        actors: list[ActorMention], anchor: Anchor) -> list[Event]:
    """One record per distinct event in the article (per place, when one act hits several)."""
    events: list[Event] = []
    for trigger, entry in _acts(doc, pack):
        span = doc.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        sent, plural = span.sent, _generic_plural(span.root, pack)
        evidence = _evidence(sent)
        actor1, actor2 = arguments(doc, trigger, actors, pack)
        date = timex.event_date(trigger, doc, timexes, anchor)
        label, typed = _by_target(entry, actor2)
        proto = Event(id="", event_type=SUB_EVENT_TYPE[label], sub_event_type=label, date=date,
                      actor1=actor1, actor2=actor2, fatalities=fatalities(sent, pack),
                      evidence=evidence, trigger=trigger, trigger_id=entry.id)
        found = places_stage.event_locations(trigger, doc, places, pack)
        where: list[Location | None] = [*_one_act_places(found, doc.article.text, pack)] or [None]
        for loc in where:
            reasons = {"type": typed, "date": date.reason, "location": loc.reason if loc else "no-place"}
            if plural and date.reason in INHERITED_DATES and reasons["location"].split("+")[0] in WEAK_PLACES:
                continue  # "attacks on convoys", told with no date and no place of their own: no one event
            events.append(proto.model_copy(update={"location": loc, "reasons": reasons}))
    outcome = _outcome_ids(pack.code)
    merged = fold_headline(merge(_without_outcomes(events, outcome), outcome, _words(pack.code, "definite")), doc)
    return [e.model_copy(update={"id": f"{doc.article.id}-e{i}"}) for i, e in enumerate(merged, 1)]


# an assault is a clash when armed forces are its target, an attack on civilians when civilians are
BY_TARGET = {("Armed clash", "civilians"): "Attack", ("Attack", "state_forces"): "Armed clash"}


def _by_target(entry: Trigger, actor2: Actor | None) -> tuple[str, str]:
    """(sub-event type, reason): an assault typed by who it targeted, when the parse says."""
    typed = BY_TARGET.get((entry.label, actor2.kind)) if entry.by_target and actor2 is not None else None
    return (typed, "actor2-kind") if typed else (entry.label, "lexicon")


def mappable(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """(events placed finer than a country, the rest).

    A record that can only be pinned on a whole country is not something an
    analyst can map or deduplicate; the pipeline reports how many there were.
    """
    keep = [e for e in events if e.location is not None and e.location.precision != "country"]
    return keep, [e for e in events if e not in keep]


def _acts(doc: Parsed, pack: LangPack) -> list[tuple[Span, Trigger]]:
    """Triggers that name an act of their own.

    Skipped: lines of site furniture ("Lire aussi :", "Related coverage"), a
    trigger that only modifies another one ("frappes aux roquettes": the rockets
    are the strike's instrument, not a second event), and one that only
    qualifies a thing ("artillery positions", "combat vehicles").
    """
    found = find_triggers(doc, pack)
    skip = tuple(p.lower() for p in pack.events.words.get("furniture_prefixes", []))
    illustration = _words(pack.code, "illustration_marks")
    sdoc, text = doc.doc, doc.article.text
    roots = [sdoc.char_span(t.start, t.end, alignment_mode="expand").root for t, _ in found]
    by_root = {r.i: k for k, r in enumerate(roots)}
    absorbed: dict[int, int] = {}  # index of a modifying trigger -> index of the trigger it modifies
    modifiers = {k for k, r in enumerate(roots) if r.dep_ == "compound" and r.head.i not in by_root}
    modifiers |= _conditional(roots, pack) | _intercepted(roots, [e for _, e in found])
    # "la mission, déployée en 2021": a participle describing a force is its background, not news
    modifiers |= {k for k, r in enumerate(roots) if r.dep_ == "acl" and "Part" in r.morph.get("VerbForm")
                  and SUB_EVENT_TYPE[found[k][1].label] == STRATEGIC}
    for k, root in enumerate(roots):
        if root.dep_ in ("conj", "ROOT"):
            continue
        for up in (root.head, root.head.head):
            if up.i != root.i and up.i in by_root and up.sent == root.sent:
                absorbed[k] = by_root[up.i]
                break
    out = []
    for k, (trigger, entry) in enumerate(found):
        line_start = text.rfind("\n", 0, trigger.start) + 1
        if k in absorbed or k in modifiers or (skip and text[line_start:line_start + 40].lower().startswith(skip)):
            continue
        line_end = text.find("\n", trigger.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)].lower().replace("’", "'")
        if any(m in line for m in illustration):
            continue  # the caption of a file or illustration picture
        for j, host in absorbed.items():
            weapon = found[j][1]
            # the host's sub-type came from sentence context; the weapon attached to it names it outright
            if host == k and entry.requires and SUB_EVENT_TYPE[weapon.label] == SUB_EVENT_TYPE[entry.label]:
                entry = entry.model_copy(update={"label": weapon.label})
        out.append((trigger, entry))
    return out


def _generic_plural(root: Any, pack: LangPack) -> bool:
    """A bare or definite plural noun ("air strikes", "les embuscades"), not counted ("des roquettes", "two raids")."""
    if root.pos_ != "NOUN" or "Plur" not in root.morph.get("Number"):
        return False
    definite = _words(pack.code, "definite")
    return not any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ not in definite) for c in root.children)


def _conditional(roots: list[Any], pack: LangPack) -> set[int]:
    """Triggers in a clause that states a condition ("if the strikes go on"): nothing happened there."""
    marks = {w.lower() for w in pack.events.words.get("condition_marks", [])}
    out = set()
    for k, root in enumerate(roots):
        verb = root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
            out.add(k)
    return out


def _intercepted(roots: list[Any], entries: list[Trigger]) -> set[int]:
    """Weapons named after an interception in its sentence ("shot down 12 attack drones") are
    what was stopped, not a strike of their own."""
    stops = [r for r, e in zip(roots, entries, strict=True) if e.label == "Disrupted weapons use"]
    return {k for k, (r, e) in enumerate(zip(roots, entries, strict=True))
            if SUB_EVENT_TYPE[e.label] == "Explosions/Remote violence" and r.pos_ in ("NOUN", "PROPN")
            and any(s.sent == r.sent and s.i < r.i for s in stops)}


def _evidence(sent: Any) -> Evidence:
    """The sentence as evidence, without the line breaks that may trail it."""
    text = sent.text.rstrip()
    return Evidence(text=text, start=sent.start_char, end=sent.start_char + len(text))


# --------------------------------------------------------------------------- one act, its places and its toll

BETWEEN_KM = 300.0  # two ends of one stretch further apart than this are not one road
_RANK = {"point": 3, "admin2": 2, "admin1": 1, "country": 0}


def _one_act_places(locs: list[Location], text: str, pack: LangPack) -> list[Location]:
    """The places of one act: a stretch "between A and B" is one place (its middle), and
    an area that holds another listed place ("near Ayorou, in the Tillaberi region") adds none."""
    if len(locs) < 2:
        return locs
    between = {w.lower() for w in pack.events.words.get("between", [])}
    a, b = locs[0], locs[1]
    before = text[max(0, (a.start or 0) - 40):a.start or 0].lower().split()
    if between.intersection(before[-3:]) and None not in (a.lat, a.lon, b.lat, b.lon):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        if km(a.lat, a.lon, b.lat, b.lon) <= BETWEEN_KM:
            mid = a.model_copy(update={
                "lat": round((a.lat + b.lat) / 2, 5), "lon": round((a.lon + b.lon) / 2, 5),
                "precision": "admin2", "geo_precision": 2, "gazetteer_id": None, "end": b.end,
                "text": text[a.start:b.end] if a.start is not None and b.end is not None else a.text,
                "reason": f"{a.reason}+between"})
            return [mid, *locs[2:]]
    return [loc for loc in locs if not any(o is not loc and _holds(loc, o) for o in locs)]


def _holds(area: Location, place: Location) -> bool:
    """Whether ``area`` is a wider area around ``place``."""
    if area.precision not in AREA_KM or _RANK[place.precision] <= _RANK[area.precision]:
        return False
    if None in (area.lat, area.lon, place.lat, place.lon):
        return False
    assert area.lat is not None and area.lon is not None and place.lat is not None and place.lon is not None
    return km(area.lat, area.lon, place.lat, place.lon) <= AREA_KM[area.precision]


@functools.cache
def _outcome_ids(code: str) -> frozenset[str]:
    """The lexicon entries that name an outcome (a killing) rather than an act."""
    return frozenset(t.id for t in lang.load(code).triggers if t.outcome)


def _without_outcomes(events: list[Event], outcome: frozenset[str]) -> list[Event]:
    """Killings told as the outcome of an act named in the same sentence are that act's toll."""
    acts = {e.evidence.start for e in events if e.trigger_id not in outcome and e.event_type in VIOLENT}
    return [e for e in events if e.trigger_id not in outcome or e.evidence.start not in acts]


@functools.cache
def _words(code: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lang.load(code).events.words.get(key, []))
