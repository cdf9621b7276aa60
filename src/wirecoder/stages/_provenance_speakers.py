"""provenance, private: who a speaker is (name, role, kind), from the phrase that names them.

A pronoun or a quote with no speech verb takes the last speaker named in the
sentences just before it, else the last person named there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wirecoder.lang.schema.cues import CuesData
from wirecoder.model import Attribution, SourceKind
from wirecoder.stages._provenance_grammar import CLAUSE_POS, Sentences, Token, lemma, low

# the parts of a noun phrase that name a speaker; clauses hanging off it are left out
PHRASE_DEPS = frozenset({
    "det", "amod", "nmod", "case", "flat", "flat:name", "flat:foreign", "compound", "appos", "nummod",
    "fixed", "punct", "poss", "nmod:poss", "cc", "conj", "prep", "pobj", "npadvmod", "nn", "dep",
})
SPEAKER_ENTITIES = frozenset({"PER", "PERSON", "ORG", "NORP", "GPE"})  # places speak only as proper names
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
ANTECEDENT_SENTENCES = 2  # how far back a pronoun or an unintroduced quote looks for its speaker


@dataclass(frozen=True)
class Frame:
    """One stretch of text with a source other than the outlet."""

    kind: str  # speech | marker | quote | caption
    source: Attribution
    verb: str | None
    stance: str
    start: int  # characters of the content
    end: int
    cue: int = -1  # token index of the speech verb or marker, -1 for quotes and captions
    head: int = -1  # token index of the content's head (incise: the clause the verb comments on)
    incise: bool = False
    reason: str = ""


def can_speak(head: Token, cues: CuesData) -> bool:
    """A name, a pronoun, or a noun that can stand for a speaker (not a misparsed place or thing)."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in SPEAKER_ENTITIES or any(
            c.pos_ == "PROPN" for c in head.children):
        return True
    src = cues.sources
    return bool({lemma(head), low(head)} & {*src.official, *src.anonymous, *src.agency, *src.groups})


def personal(tok: Token) -> bool:
    """A personal pronoun ("il", "they"), which can stand for a speaker named before."""
    return "Prs" in tok.morph.get("PronType") or tok.tag_ == "PRP" or (
        "3" in tok.morph.get("Person") and not tok.morph.get("PronType"))


def phrase(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase that names a speaker (clauses hanging off it left out)."""
    keep = {head.i}
    stack = [head]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if cur.i == head.i and c.dep_ in ("case", "prep") and c.i < head.i:
                continue  # the preposition that introduces the speaker ("selon", "by")
            if c.dep_ in PHRASE_DEPS and not any(t.pos_ in CLAUSE_POS and "Fin" in t.morph.get("VerbForm")
                                                 for t in c.subtree):
                keep.add(c.i)
                stack.append(c)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return lo, hi + 1


def attribution(head: Token, cues: CuesData, agencies: dict[str, str], prior: list[Frame],
                 sents: Sentences) -> Attribution:
    """Name, role and kind of the speaker whose phrase is headed by ``head``."""
    doc = head.doc
    lo, hi = phrase(head)
    text, start = doc[lo:hi].text, doc[lo].idx
    end = start + len(text)
    author = _author(head, cues)
    if author is not None:  # "selon un bilan des autorités": the authorities speak, in the words of the phrase
        return attribution(author, cues, agencies, prior, sents).model_copy(
            update={"text": text, "start": start, "end": end})
    same = any(lemma(c) in cues.sources.same or low(c) in cues.sources.same for c in head.children)
    if head.pos_ == "PRON" or same:  # "selon lui", "according to the same source"
        last = antecedent(head, prior, cues, agencies, sents)
        if last is not None:
            return last.model_copy(update={"text": text, "start": start, "end": end})
    person = next((e for e in sents.persons if lo <= e.start and e.end <= hi), None)
    if person is None and hi + 1 < len(doc) and doc[hi].text == ",":
        # "le maire, Ivan Fedorov, a déclaré": the name in apposition, parsed apart from its noun
        person = next((e for e in sents.persons if e.start == hi + 1), None)
    bare = _strip_det(doc, lo, hi)
    # the agency must name the speaker, not whom the speaker told ("une habitante à Reuters")
    cut = next((t.i for t in doc[lo:hi] if t.pos_ == "ADP" and t.i > head.i), hi)
    agency = next((agencies[k] for k in _ngrams(doc[lo:cut]) if k in agencies), None)
    sent = sents.of(head.i)
    around = {*sents.lemma[sent.start:sent.end], *sents.lower[sent.start:sent.end]}
    kind = _kind(head, doc[lo:hi], person is not None, agency is not None, cues, around)
    if person is not None:
        role = _strip_det(doc, lo, person.start) or _strip_det(doc, person.end, hi)
        return Attribution(name=person.text, role=role, kind=kind, text=text, start=start, end=end)
    name = agency if kind == "agency" and agency else bare
    return Attribution(name=name, role=None, kind=kind, text=text, start=start, end=end)


def _author(head: Token, cues: CuesData) -> Token | None:
    """Whose document ``head`` is ("un bilan des autorités", "the ministry's statement"), if it names them."""
    if lemma(head) not in cues.sources.documents and low(head) not in cues.sources.documents:
        return None
    owners = [c for c in head.children if c.dep_ in ("nmod", "poss", "nmod:poss") and c.pos_ in ("NOUN", "PROPN")]
    owners += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
               and g.pos_ in ("NOUN", "PROPN")]  # "a statement from the ministry"
    return next((o for o in owners if can_speak(o, cues)), None)


def antecedent(tok: Token, prior: list[Frame], cues: CuesData, agencies: dict[str, str],
                sents: Sentences) -> Attribution | None:
    """Who a pronoun or an unintroduced quote stands for: the last speaker named in the last few
    sentences, else the last person named there."""
    sent = sents.of(tok.i)
    k = sents.starts.index(sent.start)
    floor = sents.starts[max(0, k - ANTECEDENT_SENTENCES)]
    last = next((f for f in reversed(prior) if floor <= f.cue < tok.i and f.source.kind != "outlet"), None)
    if last is not None:
        return last.source
    person = next((e for e in reversed(sents.persons) if floor <= e.start
                   and e.end <= tok.i), None)
    if person is None:
        return None
    return attribution(person.root, cues, agencies, [], sents)


def _ngrams(span: Any) -> list[str]:
    words = [low(t) for t in span]
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)]


def _strip_det(doc: Any, lo: int, hi: int) -> str | None:
    """The words lo:hi up to the first comma, without a leading determiner or edge punctuation."""
    toks = [t for t in doc[lo:hi]]
    cut = next((k for k, t in enumerate(toks) if k > 0 and t.text == ","), len(toks))
    toks = toks[:cut]
    opened = next((k for k, t in enumerate(toks) if t.text in "([" and t.is_punct), None)
    if opened is not None and not any(t.text in ")]" for t in toks[opened:]):
        toks = toks[:opened]  # "Agence nationale d'information (ANI, officielle)" cut at its comma
    while toks and (toks[0].is_punct or toks[0].dep_ == "det" or toks[0].pos_ == "DET"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or (toks[-1].dep_ == "case" and len(toks) > 1)):  # "the army's"
        toks = toks[:-1]
    if not toks:
        return None
    return str(doc[toks[0].i: toks[-1].i + 1].text)


def _kind(head: Token, span: Any, person: bool, agency: bool, cues: CuesData, sentence: set[str]) -> SourceKind:
    src = cues.sources
    dets = {low(t) for t in span if t.dep_ == "det" or t.pos_ == "DET"}
    plural_bare = "Plur" in head.morph.get("Number") and not dets
    if agency or (lemma(head) in src.agency and any(t.pos_ == "PROPN" for t in span)):
        return "agency"
    if person:
        return "named"
    if sentence & set(src.anonymity):
        return "anonymous"
    if lemma(head) in src.anonymous and (dets & set(src.indefinite) or plural_bare):
        return "anonymous"
    if lemma(head) in src.official or low(head) in src.official:
        return "official"
    if head.pos_ == "PROPN" and head.ent_type_ in PLACE_ENTITIES:
        return "official"  # a capital or a country speaking is its government ("Moscou a démenti")
    if head.pos_ == "PROPN":
        return "named"
    return "anonymous" if lemma(head) in src.anonymous else "named"
