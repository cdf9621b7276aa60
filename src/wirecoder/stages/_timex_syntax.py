"""time, the parse side: which way a clause points, and which clause a word belongs to.

Read from the spaCy parse the ``parse`` stage made; nothing is re-tokenised.
"""

from __future__ import annotations

from typing import Any

CLAUSE_POS = ("VERB", "AUX")
PAST_TENSES = ("Past", "Imp")
MAX_HOPS = 12
ADJECTIVAL = ("acl", "amod")  # a participle modifying a noun
AUX_DEPS = ("aux", "aux:tense", "aux:pass", "auxpass", "cop")
# dependency labels (UD and ClearNLP) that open a clause of their own, whatever the word's tag
CLAUSE_DEPS = ("acl", "acl:relcl", "relcl", "advcl", "ccomp", "parataxis")


def tokens(doc: Any, start: int, end: int) -> Any:
    """The spaCy span covering characters ``start:end`` (widened to whole tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def _aux_children(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_.startswith("aux")]


def _is_cue(tok: Any, cues: set[str], perfect: set[str]) -> bool:
    """A future cue in a non-past form ("will", "doit", "is expected"), not "a dû" or "had planned"."""
    if tok.lemma_.lower() not in cues:
        return False
    auxes = _aux_children(tok)
    if any(a.lemma_.lower() in perfect for a in auxes):
        return False
    passive = [a for a in auxes if "pass" in a.dep_]
    tense = tok.morph.get("Tense")
    if passive:
        return not any(t in PAST_TENSES for a in passive for t in a.morph.get("Tense"))
    if "Part" in tok.morph.get("VerbForm"):  # only as a modifier: "le scrutin, prévu le 2 juin"
        return tok.dep_ in ADJECTIVAL
    return not any(t in PAST_TENSES for t in tense)


def _conditional(verb: Any, endings: tuple[str, ...]) -> bool:
    """A verb in the simple conditional: tagged so, or its infinitive plus a conditional ending
    (the tagger often reads "partirait" as an imperfect; "partait" is one)."""
    if "Cnd" in verb.morph.get("Mood"):
        return True
    lemma, form = verb.lemma_.lower(), verb.lower_
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return len(stem) > 2 and any(form == stem + e for e in endings)


def _points_forward(verb: Any, cues: set[str], perfect: set[str], endings: tuple[str, ...]) -> bool:
    auxes = _aux_children(verb)
    if any(a.lemma_.lower() in perfect for a in auxes):  # "would have struck": past; "aura frappé": future
        return any("Fut" in a.morph.get("Tense") for a in auxes)
    if endings and verb.pos_ == "VERB" and _conditional(verb, endings):  # "aurait frappé" stopped above
        return True
    for tok in (verb, *auxes):
        if "Fut" in tok.morph.get("Tense") or _is_cue(tok, cues, perfect):
            return True
    return False


def clause_is_future(doc: Any, start: int, end: int, cues: set[str], perfect: set[str],
                     endings: tuple[str, ...] = ()) -> bool:
    """True when the verbs governing characters ``start:end`` put them after the speaker's now."""
    span = tokens(doc, start, end)
    if span is None:
        return False
    tok = span.root
    for _ in range(MAX_HOPS):
        if tok.pos_ in CLAUSE_POS:
            if _points_forward(tok, cues, perfect, endings):
                return True
            if "Fin" in tok.morph.get("VerbForm") and tok.lemma_.lower() not in cues:
                return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def clause_is_perfect(doc: Any, start: int, end: int, forms: set[str]) -> bool:
    """True when the verb governing characters ``start:end`` is in the present perfect ("has fought")."""
    span = tokens(doc, start, end)
    if span is None:
        return False
    verb = clause_head(span.root)
    return any(a.lower_ in forms for a in _aux_children(verb))


def clause_head(tok: Any) -> Any:
    """The verb (or the head of a participial or relative modifier) whose clause holds ``tok``."""
    for _ in range(MAX_HOPS):
        if tok.pos_ in CLAUSE_POS and tok.dep_ not in AUX_DEPS or tok.dep_ in CLAUSE_DEPS:
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def hops(head: Any, tok: Any) -> int | None:
    """How many arcs up from ``tok`` to ``head`` (None when ``tok`` does not hang under it)."""
    for n in range(MAX_HOPS):
        if tok.i == head.i:
            return n
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def governs(head: Any, tok: Any) -> bool:
    """True when ``tok`` hangs under ``head`` in the parse."""
    return hops(head, tok) is not None
