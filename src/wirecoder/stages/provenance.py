"""provenance: who asserts each event, and how firmly (after events, before techniques).

Steps, in flow order: the article's source frames (speech verbs, "selon" /
"according to", quotations, captions with an agency credit) -> for each event,
the frame that governs its trigger -> its factuality from the parse -> the
article's claims (who said what).

Conventions:
* ``attributed_to`` is None when no source frame governs the trigger: the event
  is asserted by the outlet, whose profile the analysis carries once
  (``Analysis.outlet_profile``), not copied into every event.
* Inside a quotation the quoted speaker is the source, even where the quote
  itself cites someone ("..., a declared an official"): the outlet cites the
  speaker, and the nested citation is part of what the speaker said.
* An agency credit on a caption names the source of the picture and its words
  (``kind: agency``) but does not distance the outlet: factuality stays
  ``asserted`` unless a cue says otherwise.
* Precedence when several cues apply: denied > future > hedged > reported > asserted.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from wirecoder import outlets as outlet_list
from wirecoder.lang import LangPack
from wirecoder.lang.schema.cues import CuesData
from wirecoder.model import Claim, Event, OutletProfile, Parsed
from wirecoder.stages._provenance_grammar import (
    CLAUSE_POS,
    SUBJECT_DEPS,
    Sentences,
    Token,
    chain,
    clause_head,
    conditional,
    future_tense,
    hypothetical,
    lemma,
    low,
    matches,
    modifiers,
    negated,
    past,
    perfect,
    verb_group,
)
from wirecoder.stages._provenance_sources import frames
from wirecoder.stages._provenance_speakers import Frame

# dependencies along which a governing verb reaches into what it governs
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "obj", "dobj", "obl:arg", "csubj", "dep", "pcomp", "attr", "prep",
                             "pobj"})
SENTENCE_STOPS = (". ", "! ", "? ", ".\n", ".\u00a0")
CLAIM_MIN_WORDS = 3  # shorter contents are parse debris ("c'est ce")
STANCE_OF = {"denied": "denies", "future": "predicts", "hedged": "hedges"}


def run(doc: Parsed, pack: LangPack, events: list[Event], outlet: OutletProfile | None) -> tuple[list[Event], list[Claim]]:
    """The events with ``factuality`` and ``attributed_to`` set, and the article's claims."""
    cues = pack.cues
    sents = Sentences(doc.doc, cues)
    own = {n.casefold() for n in (doc.article.outlet, outlet.name if outlet else None) if n and len(n) > 2}
    found = [_own_reporting(f, own) for f in frames(doc.doc, cues, _agencies(), sents)]
    return [_provenance(e, doc, found, cues, sents) for e in events], _claims(doc, found, cues, sents)


@functools.cache
def _agencies() -> dict[str, str]:
    return outlet_list.agencies(outlet_list.load())


def _own_reporting(frame: Frame, outlet_names: set[str]) -> Frame:
    """A frame whose speaker is the outlet's own staff ("ont constaté des journalistes de l'AFP" in an
    AFP dispatch) is the outlet speaking: kind ``outlet``, and it does not distance the event."""
    said = (frame.source.text or frame.source.name or "").casefold()
    if not any(n in said for n in outlet_names):
        return frame
    return dataclasses.replace(frame, source=frame.source.model_copy(update={"kind": "outlet"}))


def _trigger_token(doc: Any, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _provenance(event: Event, doc: Parsed, found: list[Frame], cues: CuesData, sents: Sentences) -> Event:
    tok = _trigger_token(doc.doc, event)
    if tok is None:
        return event.model_copy(update={"reasons": {**event.reasons, "factuality": "no-trigger-token"}})
    frame, attr_reason = _governing_frame(tok, found, cues, sents)
    denials = [f for f in found if f.kind == "denial"]
    factuality, fact_reason = _factuality(tok, frame, cues, sents, denials)
    return event.model_copy(update={
        "factuality": factuality,
        "attributed_to": frame.source if frame is not None else None,
        "reasons": {**event.reasons, "factuality": fact_reason, "attributed_to": attr_reason},
    })


# --------------------------------------------------------------------------- attribution


def _governors(tok: Token, cues: CuesData) -> list[tuple[Token, str, list[Token]]]:
    """Words that govern ``tok``: its own clause's verb, then verbs reached through complements.

    Each comes with the dependency leading into it and the path below it. A noun
    trigger climbs freely to its clause's verb; from there only complement links
    ("que" clauses, infinitives, objects) lead further up.
    """
    head = clause_head(tok)
    out: list[tuple[Token, str, list[Token]]] = []
    path = [tok]
    reached = tok.i == head.i
    for anc, dep in chain(tok):
        into_pronoun = dep in ("acl", "acl:relcl") and anc.pos_ == "PRON"  # "à ce que ...", "ce qu'..."
        # a clause completing a noun: "reports that ...", "soupçonnent les rebelles d'avoir ..."
        noun_complement = (dep == "acl" and any(c.dep_ == "mark" for c in path[-1].children)) or (
            dep in ("acl", "acl:relcl", "relcl") and lemma(anc) in cues.words.claim_nouns)  # "les accusations selon lesquelles"
        if reached and dep not in COMPLEMENT_DEPS and not into_pronoun and not noun_complement:
            break
        out.append((anc, dep, list(path)))
        path.append(anc)
        reached = reached or anc.i == head.i
    return out


def _broken(path: list[Token], cues: CuesData) -> bool:
    """The phrase hanging on the speech verb is a background one ("after the attack, X said ...").

    Only that phrase counts: a preposition deeper down belongs to what is said ("accused the army
    of killing civilians during a strike"), and one on the event verb dates it ("intercepted
    rockets during the attack, the ministry said").
    """
    stops = set(cues.words.frame_breaking)
    top = path[-1]
    if top.pos_ in ("ADP", "ADV", "SCONJ") and low(top) in stops:  # "after" (prep), "lors" (advmod)
        return True
    return any(low(c) in stops for c in top.children if c.dep_ in ("case", "mark"))


def _governing_frame(tok: Token, found: list[Frame], cues: CuesData, sents: Sentences) -> tuple[Frame | None, str]:
    char = tok.idx
    found = [f for f in found if f.kind != "denial"]  # a later denial contests an event, it does not source it
    quotes = [f for f in found if f.kind == "quote" and f.start <= char < f.end]
    if quotes:
        best = max(quotes, key=lambda f: f.end - f.start)
        return best, best.reason
    by_cue = {f.cue: f for f in found if f.kind == "speech" and not f.incise}
    for anc, _dep, path in _governors(tok, cues):
        if anc.i in by_cue:
            return (None, "background") if _broken(path, cues) else (by_cue[anc.i], "speech-verb")
    govs = _governors(tok, cues)
    background = _background(tok, cues)  # "after the attack, X said": the speaker does not source the attack
    clause = {tok.i, *(a.i for a, _, _ in govs)}
    incises = [f for f in found if f.kind == "speech" and f.incise and f.head in clause]
    if incises and not background:
        return incises[0], "incise"
    sent = sents.of(tok.i)
    text = sent.text  # to see the full stops that the sentence splitter missed
    near = [f for f in found if f.kind in ("marker", "speech") and sent.start <= f.cue < sent.end
            and f.start <= char < f.end and not _stop_between(text, sent.start_char, tok, tok.doc[f.cue])]
    markers = [f for f in near if f.kind == "marker"]
    if markers and not background:
        return min(markers, key=lambda f: abs(f.cue - tok.i)), "source-marker"
    spans = [f for f in near if f.kind == "speech"]
    if spans and not background:
        return spans[0], "speech-span"
    captions = [f for f in found if f.kind == "caption" and f.start <= char < f.end]
    if captions:
        return captions[0], "caption-credit"
    if not background:
        after = _said_after(sent, found, sents)
        if after is not None:
            return after, "speech-after"
    return None, "background" if background else "outlet"


def _said_after(sent: Any, found: list[Frame], sents: Sentences) -> Frame | None:
    """The speaker of the next sentence, when it closes on its speech verb ("..., the navy said.") and
    follows in the same paragraph a sentence with no source of its own: wire copy names the source of
    a short account once, at its end."""
    doc = sent.doc
    nxt = sents.next(sent)
    if nxt is None or "\n" in doc[sent.start:nxt.start].text_with_ws or any(
            f.kind != "caption" and sent.start_char <= f.start < sent.end_char for f in found):
        return None
    closing = [f for f in found if f.kind == "speech" and nxt.start <= f.cue < nxt.end
               and f.start <= nxt.start_char + 1 and f.end <= doc[f.cue].idx  # what is said comes first
               and not any(t.pos_ in CLAUSE_POS for t in doc[f.cue + 1:nxt.end])]  # nothing said after
    return closing[0] if closing else None


def _background(tok: Token, cues: CuesData) -> bool:
    """The event is named inside a background phrase or clause ("after the attack", "depuis que ...")."""
    stops = set(cues.words.frame_breaking)
    if tok.dep_ in ("pobj", "pcomp") and low(tok.head) in stops:
        return True
    return any(low(c) in stops for t in (tok, clause_head(tok)) for c in t.children if c.dep_ in ("case", "mark"))


def _stop_between(text: str, offset: int, a: Token, b: Token) -> bool:
    """A full stop lies between two tokens of one parsed "sentence" (the splitter merged two)."""
    lo, hi = sorted((a.idx, b.idx))
    return any(stop in text[lo - offset:hi - offset] for stop in SENTENCE_STOPS)


# --------------------------------------------------------------------------- factuality


def _factuality(tok: Token, frame: Frame | None, cues: CuesData, sents: Sentences,
                denials: list[Frame]) -> tuple[str, str]:
    """The factuality of the event named by ``tok``, and the reason code of the cue that decided it."""
    for value, probe in (("denied", _denied), ("future", _future), ("hedged", _hedged)):
        reason = probe(tok, frame, cues, sents, denials)
        if reason is not None:
            return value, reason
    if frame is not None and frame.source.kind == "outlet":
        return "asserted", "own-reporting"
    if frame is not None and frame.kind != "caption":
        return ("asserted", "toll-source") if _toll_only(tok, cues) else ("reported", "attributed")
    return "asserted", "caption-credit" if frame is not None else "no-cue"


def _toll_only(tok: Token, cues: CuesData) -> bool:
    """The source gives a toll, not the event: the event noun is the setting of a clause whose subject
    is the dead ("ten civilians were killed in a strike, according to ...", "two died in clashes").
    An event that is the subject or object ("a strike killed two", "five fighters were killed") or a
    clause whose agent acts ("troops killed two rebels in clashes") stays the source's account."""
    verb = clause_head(tok)
    if tok.pos_ in CLAUSE_POS or verb.i == tok.i or not matches(verb, cues.governors.casualty,
                                                                   tuple(cues.words.reflexive)):
        return False
    top = next((t for t in [tok, *(a for a, _ in chain(tok))] if t.head.i == verb.i), tok)
    if top.dep_ in (*SUBJECT_DEPS, "obj", "dobj"):  # "ten of their fighters were killed"
        return False
    kids = list(verb.children)
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in kids) or "Pass" in verb.morph.get("Voice")
    intransitive = not any(c.dep_ in ("obj", "dobj") for c in kids)  # "two died in the clashes"
    return passive or intransitive


def _denied(tok: Token, frame: Frame | None, cues: CuesData, sents: Sentences,
            denials: list[Frame]) -> str | None:
    refl = tuple(cues.words.reflexive)
    verb = clause_head(tok)
    if tok.pos_ not in CLAUSE_POS and any(low(c) in cues.words.negative_determiners for c in tok.children
                                          if c.dep_ in ("det", "advmod", "neg")):
        return "negative-determiner"
    if negated(verb, cues) and (verb.i == tok.i or (tok.dep_ in SUBJECT_DEPS and
                                                    matches(verb, cues.governors.occurrence, refl))):
        return "negation"
    for anc, _dep, _path in _governors(tok, cues):
        if anc.pos_ in CLAUSE_POS and matches(anc, cues.speech.denies, refl):
            return "denial-verb"
    if frame is not None and frame.kind == "quote" and frame.stance == "denies":
        return "denial-quote"
    if any(f.start <= tok.idx < f.end for f in denials):
        return "denied-later"
    return None


def _own_verb(tok: Token, cues: CuesData) -> Token | None:
    """The verb whose tense and mood are the event's: its clause's verb, unless that verb only reports
    or checks the event ("the attack could not be verified", "l'attaque a été revendiquée")."""
    verb = clause_head(tok)
    if verb.pos_ not in CLAUSE_POS:
        return None
    if verb.i != tok.i:
        refl = tuple(cues.words.reflexive)
        speech = cues.speech
        reporting = [*cues.governors.verification, *speech.asserts, *speech.denies, *speech.hedges,
                     *speech.claims_responsibility]
        if matches(verb, reporting, refl):
            return None
    return verb


def _future(tok: Token, frame: Frame | None, cues: CuesData, sents: Sentences,
            denials: list[Frame]) -> str | None:
    refl = tuple(cues.words.reflexive)
    gov = cues.governors
    verb = _own_verb(tok, cues) or tok
    group = verb_group(verb) if verb.pos_ in CLAUSE_POS else []
    if any(future_tense(t, cues) for t in group):
        return "future-tense"
    if any(conditional(t, cues) for t in group) and not perfect(verb, cues) and _past_speech(tok, cues):
        return "future-in-past"
    modal = next((t for t in group if t.tag_ == "MD" and (lemma(t) in gov.modal or low(t) in gov.modal)), None)
    if modal is not None and not perfect(verb, cues):
        return "modal"
    if tok.pos_ not in CLAUSE_POS:
        if any(lemma(m) in cues.words.future or low(m) in cues.words.future for m in modifiers(tok)):
            return "future-modifier"
        nominal = tok.head if tok.dep_ in ("nmod", "pobj", "obl") else None
        nominal = nominal.head if nominal is not None and nominal.pos_ == "ADP" else nominal
        if nominal is not None and lemma(nominal) in gov.future_nouns:
            return "future-noun"
    for anc, dep, _path in _governors(tok, cues):
        if anc.pos_ not in CLAUSE_POS and anc.pos_ != "ADJ":
            continue
        raised = dep in SUBJECT_DEPS and any(c.dep_ == "xcomp" for c in anc.children)  # "X doit entrer"
        if matches(anc, gov.modal, refl) and (dep in ("xcomp", "obj", "ccomp") or raised):
            return None if perfect(verb, cues) or (past(anc, cues) and not conditional(anc, cues)) else "modal"
        if matches(anc, gov.future, refl, strict=True) or matches(anc, cues.speech.predicts, refl):
            return "future-governor"
    return None


def _past_speech(tok: Token, cues: CuesData) -> bool:
    """A speech verb in a past tense governs ``tok`` (a conditional under it is a future in the past)."""
    refl = tuple(cues.words.reflexive)
    speech = [*cues.speech.asserts, *cues.speech.predicts, *cues.speech.hedges]
    return any(anc.pos_ in CLAUSE_POS and matches(anc, speech, refl) and past(anc, cues)
               for anc, _dep, _path in _governors(tok, cues))


def _hedged(tok: Token, frame: Frame | None, cues: CuesData, sents: Sentences,
            denials: list[Frame]) -> str | None:
    refl = tuple(cues.words.reflexive)
    own = _own_verb(tok, cues)
    verb = own or tok
    govs = _governors(tok, cues)
    if own is not None and any(conditional(t, cues) for t in verb_group(own)):
        return "conditional"
    hedges = set(cues.words.hedge)
    for t in [tok, verb, *(a for a, _, _ in govs)]:
        if any(lemma(m) in hedges or low(m) in hedges for m in modifiers(t)):
            return "hedge-word"
    for anc, _dep, _path in govs:
        if anc.pos_ not in CLAUSE_POS and anc.pos_ != "ADJ":
            continue
        if matches(anc, cues.governors.hedged, refl, strict=True) or matches(anc, cues.speech.hedges, refl):
            return "hedge-verb"
        if any(conditional(t, cues) for t in verb_group(anc)):
            return "conditional-governor"
        if matches(anc, cues.governors.modal, refl) and (perfect(verb, cues) or past(anc, cues)):
            return "epistemic-modal"
    modal = next((t for t in verb_group(verb) if t.tag_ == "MD"), None) if own is not None else None
    if modal is not None and perfect(verb, cues):
        return "epistemic-modal"
    if frame is not None and frame.stance == "hedges":
        return "hedge-speech"
    sent = sents.of(tok.i)
    here = sent.start in sents.unverified and sent.start not in sents.unverified_back
    if here or _next_unverified(sent, sents):
        return "unverified"
    # an event in a subordinate clause of a question is presupposed, not asked about
    main = not any(_subordinate(t) for t in [verb, *(a for a, _ in chain(verb))])
    if main and sent.text.rstrip().endswith(tuple(cues.punctuation.question)):
        return "question"
    if hypothetical([tok, verb, *(a for a, _, _ in govs)], cues):
        return "hypothetical"
    return None


def _subordinate(tok: Token) -> bool:
    """``tok`` heads a relative clause or an adverbial clause with a subordinator ("when", "lorsque")."""
    return tok.dep_ in ("acl:relcl", "relcl") or (tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children))


def _next_unverified(sent: Any, sents: Sentences) -> bool:
    """The next sentence, in the same paragraph, says the last could not be verified: it names the claim
    ("the claim could not be verified, and ..."), or it is a short one ("this could not be verified")."""
    nxt = sents.next(sent)
    if nxt is None or "\n" in sent[-1].text_with_ws or any(t.is_space and "\n" in t.text for t in sent[-2:]):
        return False
    return nxt.start in sents.unverified_back or (len(nxt) <= 20 and nxt.start in sents.unverified)


# --------------------------------------------------------------------------- claims


def _claims(doc: Parsed, found: list[Frame], cues: CuesData, sents: Sentences) -> list[Claim]:
    """Who said what: one claim per source frame, quotations first when they overlap."""
    text = doc.article.text
    kept: list[Claim] = []
    for f in sorted(found, key=lambda f: (f.kind != "quote", f.start)):
        if len(text[f.start:f.end].split()) < CLAIM_MIN_WORDS or any(
                c.speaker == f.source.name and c.start < f.end and f.start < c.end for c in kept):
            continue
        kept.append(Claim(speaker=f.source.name, speaker_role=f.source.role, kind=f.source.kind, verb=f.verb,
                          text=text[f.start:f.end], start=f.start, end=f.end, stance=_stance(doc, f, cues, sents)))
    return sorted(kept, key=lambda c: c.start)


def _stance(doc: Parsed, f: Frame, cues: CuesData, sents: Sentences) -> str:
    if f.stance != "asserts" or f.head < 0:
        return f.stance
    head = doc.doc[f.head]
    for value, probe in (("denied", _denied), ("future", _future), ("hedged", _hedged)):
        if probe(head, None, cues, sents, []) is not None:
            return STANCE_OF[value]
    return "asserts"
