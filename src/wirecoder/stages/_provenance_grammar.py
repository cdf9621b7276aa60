"""provenance, private: what the parse says about one clause (mood, tense, negation, cues).

spaCy's morphology is read first, then checked against the language's endings
and stems (``cues.toml`` [morphology]), because the taggers mislabel French
conditionals and futures often enough to matter.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from wirecoder.lang.schema.cues import CuesData

Token = Any  # spacy.tokens.Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "cop"})
CLAUSE_POS = frozenset({"VERB", "AUX"})


PERSON_LABELS = frozenset({"PER", "PERSON"})


class Sentences:
    """The article's sentences and words, read once: spaCy's ``Token.sent``, ``Doc.ents`` and
    ``Doc.text`` rebuild their answer at each access."""

    def __init__(self, doc: Any, cues: CuesData) -> None:
        self.spans = list(doc.sents)
        self.starts = [s.start for s in self.spans]
        self.lower = [t.lower_ for t in doc]
        self.lemma = [t.lemma_.casefold() for t in doc]
        self.persons = [e for e in doc.ents if e.label_ in PERSON_LABELS]
        found = {s.start: verification_denied(s, cues, self) for s in self.spans}
        self.unverified = frozenset(k for k, v in found.items() if v is not None)
        self.unverified_back = frozenset(k for k, v in found.items() if v == "back")  # "the claim could not be ..."

    def of(self, i: int) -> Any:
        """The sentence holding token ``i``."""
        return self.spans[bisect_right(self.starts, i) - 1]

    def next(self, sent: Any) -> Any | None:
        k = bisect_right(self.starts, sent.start)
        return self.spans[k] if k < len(self.spans) else None


@functools.cache
def _cue_parts(cue: str, reflexives: tuple[str, ...]) -> tuple[bool, str, tuple[str, ...]]:
    """A cue as (needs a reflexive clitic, head lemma, lemmas of required children)."""
    cue = cue.casefold()
    reflexive = False
    for form in sorted(reflexives, key=len, reverse=True):
        if cue.startswith(form) and len(cue) > len(form) and (form.endswith("'") or cue[len(form)] == " "):
            reflexive, cue = True, cue[len(form):].lstrip()
            break
    words = cue.split()
    return reflexive, words[0], tuple(words[1:])


def heads(cues: Iterable[str], reflexives: tuple[str, ...]) -> frozenset[str]:
    """The head words of verb cues, to rule most tokens out before ``matches``."""
    return frozenset(_cue_parts(c, reflexives)[1] for c in cues)


def lemma(tok: Token) -> str:
    return str(tok.lemma_).casefold()


def low(tok: Token) -> str:
    return str(tok.text).casefold()


def matches(tok: Token, cues: Iterable[str], reflexives: tuple[str, ...], strict: bool = False) -> str | None:
    """The first verb cue that ``tok`` realises (lemma, required children, reflexive), or None.

    ``strict``: a cue written without a reflexive does not match the verb used reflexively, a
    different word in French ("entendre" intend, "s'entendre" agree)."""
    lem, text = lemma(tok), low(tok)
    for cue in cues:
        reflexive, head, rest = _cue_parts(cue, reflexives)
        if head not in (lem, text):
            continue
        kids = {lemma(c) for c in tok.children} | {low(c) for c in tok.children}
        if any(r not in kids for r in rest):
            continue
        if reflexive != bool(kids & set(reflexives)) and (reflexive or strict):
            continue
        return cue
    return None


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself when it is a verb)."""
    cur = tok
    while cur.pos_ not in CLAUSE_POS and cur.head.i != cur.i:
        cur = cur.head
    return cur if cur.pos_ in CLAUSE_POS else tok


def chain(tok: Token) -> Iterator[tuple[Token, str]]:
    """Ancestors of ``tok`` inside its sentence, each with the dependency that leads into it."""
    cur = tok
    while cur.head.i != cur.i:
        yield cur.head, str(cur.dep_)
        cur = cur.head


def verb_group(verb: Token) -> list[Token]:
    """A verb with its auxiliaries (and, for an English modal, the modal)."""
    return [verb, *(c for c in verb.children if c.dep_ in AUX_DEPS)]


def _stems(tok: Token, cues: CuesData) -> set[str]:
    lem = lemma(tok)
    stems = {lem, *cues.morphology.irregular_stems}
    stems.update(lem[: -len(s)] for s in cues.morphology.infinitive_strip if lem.endswith(s))
    return stems


def _inflected(tok: Token, endings: list[str], cues: CuesData) -> bool:
    """``tok`` is a stem + one of ``endings`` (a synthetic future or conditional)."""
    form = low(tok)
    return any(form == stem + end for stem in _stems(tok, cues) for end in endings)


def conditional(tok: Token, cues: CuesData) -> bool:
    """``tok`` (a verb or auxiliary) is in the conditional mood."""
    morph = cues.morphology
    if low(tok) in morph.conditional_auxiliaries or lemma(tok) in morph.conditional_auxiliaries:
        return True
    if not morph.conditional_endings:
        return False
    ends = any(low(tok).endswith(e) for e in morph.conditional_endings)
    return ends and ("Cnd" in tok.morph.get("Mood") or _inflected(tok, morph.conditional_endings, cues))


def future_tense(tok: Token, cues: CuesData) -> bool:
    """``tok`` (a verb or auxiliary) is in the future tense."""
    morph = cues.morphology
    if low(tok) in morph.future_auxiliaries or lemma(tok) in morph.future_auxiliaries:
        return True
    if not morph.future_endings:
        return False
    ends = any(low(tok).endswith(e) for e in morph.future_endings)
    return ends and ("Fut" in tok.morph.get("Tense") or _inflected(tok, morph.future_endings, cues)) \
        and not conditional(tok, cues)


def perfect(verb: Token, cues: CuesData) -> bool:
    """A compound (perfect) form: the verb carries a perfect auxiliary ("aurait tué", "may have hit")."""
    return any(lemma(c) in cues.morphology.perfect_auxiliaries and c.dep_ in ("aux", "aux:tense")
               for c in verb.children)


def past(verb: Token, cues: CuesData) -> bool:
    """The verb group is in a past tense (a past participle with an auxiliary, or a past finite form)."""
    tenses = {t for t in (x.morph.get("Tense") for x in verb_group(verb)) for t in t}
    return bool(tenses & {"Past", "Imp"}) or perfect(verb, cues)


def negated(verb: Token, cues: CuesData) -> bool:
    """The clause of ``verb`` is negated ("n'a pas", "did not", "never")."""
    words = cues.words
    kids = [c for c in verb.children if c.dep_ not in SUBJECT_DEPS or lemma(c) in words.negation]
    marks = {lemma(c) for c in kids} | {low(c) for c in kids} | {
        low(c) for k in kids if k.dep_ in AUX_DEPS for c in k.children}
    has_neg = any(c.dep_ == "neg" for c in kids) or bool(marks & set(words.negation))
    companion = bool(marks & set(words.negation_companion))
    if not has_neg:
        return companion and lemma(verb) in words.negation_alone  # "n'a pu être vérifié"
    return not words.negation_companion or companion


def modifiers(tok: Token) -> Iterator[Token]:
    """Adverbs and adjectives that modify ``tok`` directly."""
    return (c for c in tok.children if c.dep_ in ("advmod", "amod", "acl", "nmod") or c.pos_ in ("ADV", "ADJ"))


def hypothetical(heads: list[Token], cues: CuesData) -> bool:
    """The event sits in an if-clause ("si", "if", "unless") headed by one of ``heads``."""
    marks = set(cues.words.hypothetical)
    return any(low(c) in marks or lemma(c) in marks for h in heads for c in h.children if c.dep_ == "mark")


def verification_denied(sent: Any, cues: CuesData, words: Sentences) -> str | None:
    """Whether the sentence says something was not confirmed or could not be verified: "back" when
    what was not verified is a claim named before ("the claim could not be verified"), else "here"."""
    gov = cues.governors
    refl = tuple(cues.words.reflexive)
    privative = set(cues.words.privative)
    checks = heads(gov.verification, refl)
    unverified = set(cues.words.unverified)
    span = range(sent.start, sent.end)
    if any(words.lemma[i] in unverified or words.lower[i] in unverified for i in span):
        return "here"
    for i in span:
        if words.lemma[i] not in checks and words.lower[i] not in checks:
            continue
        tok = sent.doc[i]
        if tok.pos_ not in CLAUSE_POS or not matches(tok, gov.verification, refl):
            continue
        near = set(words.lower[max(sent.start, i - 6):i])
        near |= {low(c) for h in (tok, tok.head) for c in h.children if c.dep_ in ("mark", "case", "advmod")}
        if negated(tok, cues) or negated(tok.head, cues) or near & privative:
            what = [c for h in (tok, tok.head) for c in h.children if c.dep_ in (*SUBJECT_DEPS, "obj", "dobj")]
            return "back" if any(lemma(c) in cues.words.claim_nouns or low(c) in cues.words.claim_nouns
                                 for c in what) else "here"
    return None
