"""events: triggers from the language's lexicon, arguments from the dependency parse."""

from __future__ import annotations

import functools
from typing import Any

from wirecoder import lang
from wirecoder.lang import LangPack
from wirecoder.lang.schema.events import Trigger
from wirecoder.model import (
    SUB_EVENT_TYPE,
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
        sent = doc.doc.char_span(trigger.start, trigger.end, alignment_mode="expand").sent
        evidence = _evidence(sent)
        actor1, actor2 = arguments(doc, trigger, actors, pack)
        date = timex.event_date(trigger, doc, timexes, anchor)
        proto = Event(id="", event_type=SUB_EVENT_TYPE[entry.label], sub_event_type=entry.label, date=date,
                      actor1=actor1, actor2=actor2, fatalities=fatalities(sent, pack),
                      evidence=evidence, trigger=trigger, trigger_id=entry.id)
        where: list[Location | None] = [*places_stage.event_locations(trigger, doc, places, pack)] or [None]
        for loc in where:
            reasons = {"type": "lexicon", "date": date.reason, "location": loc.reason if loc else "no-place"}
            events.append(proto.model_copy(update={"location": loc, "reasons": reasons}))
    merged = _merge(events)
    return [e.model_copy(update={"id": f"{doc.article.id}-e{i}"}) for i, e in enumerate(merged, 1)]


STRATEGIC = "Strategic developments"


def mappable(events: list[Event]) -> tuple[list[Event], list[Event]]:
    """(events placed finer than a country, the rest).

    A record that can only be pinned on a whole country is not something an
    analyst can map or deduplicate; the pipeline reports how many there were.
    """
    keep = [e for e in events if e.location is not None and e.location.precision != "country"]
    return keep, [e for e in events if e not in keep]


def _acts(doc: Parsed, pack: LangPack) -> list[tuple[Span, Trigger]]:
    """Triggers that name an act of their own.

    Skipped: lines of site furniture ("Lire aussi :", "Related coverage"), and a
    trigger that only modifies another one ("frappes aux roquettes": the rockets
    are the strike's instrument, not a second event).
    """
    found = find_triggers(doc, pack)
    skip = tuple(p.lower() for p in pack.events.words.get("furniture_prefixes", []))
    sdoc, text = doc.doc, doc.article.text
    roots = [sdoc.char_span(t.start, t.end, alignment_mode="expand").root for t, _ in found]
    by_root = {r.i: k for k, r in enumerate(roots)}
    absorbed: dict[int, int] = {}  # index of a modifying trigger -> index of the trigger it modifies
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
        if k in absorbed or (skip and text[line_start:line_start + 40].lower().startswith(skip)):
            continue
        for j, host in absorbed.items():
            weapon = found[j][1]
            # the host's sub-type came from sentence context; the weapon attached to it names it outright
            if host == k and entry.requires and SUB_EVENT_TYPE[weapon.label] == SUB_EVENT_TYPE[entry.label]:
                entry = entry.model_copy(update={"label": weapon.label})
        out.append((trigger, entry))
    return out


def _evidence(sent: Any) -> Evidence:
    """The sentence as evidence, without the line breaks that may trail it."""
    text = sent.text.rstrip()
    return Evidence(text=text, start=sent.start_char, end=sent.start_char + len(text))


# --------------------------------------------------------------------------- merging


def _merge(events: list[Event]) -> list[Event]:
    """Repeated mentions of one event (same type, place and overlapping dates) become one record."""
    out: list[Event] = []
    for ev in events:
        for i, kept in enumerate(out):
            if _same(kept, ev):
                out[i] = _combine(kept, ev)
                break
        else:
            out.append(ev)
    return out


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
    return best.model_copy(update={**fill, "mentions": a.mentions + b.mentions})
