"""events: triggers from the language's lexicon, arguments from the dependency parse."""

from __future__ import annotations

import functools
from typing import Any

from wirecoder import lang
from wirecoder.lang import LangPack
from wirecoder.lang.schema.events import Trigger
from wirecoder.model import ActorMention, Anchor, Event, Parsed, Place, Span, Timex


@functools.cache
def _matcher(code: str, vocab: Any) -> Any:
    """The trigger Matcher of a language (built once per pipeline vocabulary)."""
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for i, trig in enumerate(lang.load(code).triggers):
        matcher.add(str(i), [trig.pattern])
    return matcher


def find_triggers(doc: Parsed, pack: LangPack) -> list[tuple[Span, Trigger]]:
    """Trigger matches in the text, in order, none overlapping.

    At overlaps the longest match wins; among matches of the same length the
    entry listed first in the lexicon wins. A trigger with ``requires`` fires
    only when its sentence holds one of those words (lemma or lower-cased form);
    one with ``excludes`` only when its sentence holds none of them.
    """
    sdoc = doc.doc
    matches = _matcher(pack.code, sdoc.vocab)(sdoc)
    ranked = sorted(((int(sdoc.vocab.strings[key]), start, end) for key, start, end in matches),
                    key=lambda m: (-(m[2] - m[1]), m[1], m[0]))
    chosen: list[tuple[int, int, Trigger]] = []
    taken: set[int] = set()
    for index, start, end in ranked:
        trig = pack.triggers[index]
        if taken.intersection(range(start, end)) or not _context_allows(trig, sdoc[start].sent):
            continue
        chosen.append((start, end, trig))
        taken.update(range(start, end))
    out = []
    for start, end, trig in sorted(chosen, key=lambda c: c[0]):
        span = sdoc[start:end]
        out.append((Span(start=span.start_char, end=span.end_char, text=span.text), trig))
    return out


def _context_allows(trig: Trigger, sent: Any) -> bool:
    if not trig.requires and not trig.excludes:
        return True
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if trig.requires and not words.intersection(w.lower() for w in trig.requires):
        return False
    return not words.intersection(w.lower() for w in trig.excludes)


def run(doc: Parsed, pack: LangPack, timexes: list[Timex], places: list[Place],
        actors: list[ActorMention], anchor: Anchor) -> list[Event]:
    """One record per distinct event in the article."""
    return []
