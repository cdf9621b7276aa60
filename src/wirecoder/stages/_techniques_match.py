"""techniques, step 1: the language's cue lists compiled into a token matcher.

A cue is a word sequence from ``techniques.toml``; each word matches a token by
its lemma, its surface form or its surface form with one ending folded, all
lower-cased. ``word|POS`` also requires the part of speech, ``*`` is any one
token, ``...`` a gap of up to ``GAP`` tokens. Cues are tokenised with the
language's own tokenizer so that elisions and hyphens split as in the parse.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wirecoder import lang

GAP = 4
ANY = "*"
GAP_MARK = "..."
LABELING = "_labeling"  # pseudo-techniques: context cues, never output
SLOGAN_FRAME = "_slogan_frame"
FIRST_PERSON = "_first_person"
ATTRIBUTION = "_attribution"
SATIRE = "_satire"
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Word:
    form: str
    pos: str | None = None


@dataclass(frozen=True)
class Cue:
    technique: str
    tier: str  # strong | weak | exclude | context
    words: tuple[Word, ...]
    source: str


@dataclass(frozen=True)
class Hit:
    """A cue found in the parse: tokens ``start:end`` of the doc."""

    cue: Cue
    start: int
    end: int


@dataclass(frozen=True)
class Matcher:
    index: dict[str, tuple[Cue, ...]]
    fold: tuple[tuple[str, str], ...]


@functools.cache
def _tokenizer(code: str) -> Any:
    import spacy

    return spacy.blank(code).tokenizer


def _words(entry: str, tokenize: Any) -> tuple[Word, ...]:
    out: list[Word] = []
    for chunk in entry.translate(APOSTROPHES).lower().split():
        if chunk in (ANY, GAP_MARK):
            out.append(Word(chunk))
            continue
        form, _, pos = chunk.partition("|")
        pieces = [t.text for t in tokenize(form)]
        out.extend(Word(p) for p in pieces[:-1])
        out.append(Word(pieces[-1], pos.upper() or None))
    return tuple(out)


def _entries(code: str) -> list[tuple[str, str, str]]:
    """(technique, tier, entry) for every cue of the language, context cues included."""
    data = lang.load(code).techniques
    rows = [(tech, tier, entry) for tech, cues in data.cues.items()
            for tier in ("strong", "weak", "exclude") for entry in getattr(cues, tier)]
    for key, entries in ((LABELING, data.labeling), (SLOGAN_FRAME, data.slogan_frames),
                         (FIRST_PERSON, data.genre.first_person), (ATTRIBUTION, data.genre.attribution),
                         (SATIRE, data.genre.satire)):
        rows += [(key, "context", entry) for entry in entries]
    return rows


@functools.cache
def matcher(code: str) -> Matcher:
    """The compiled cue matcher of a language (built once per process)."""
    tokenize = _tokenizer(code)
    index: dict[str, list[Cue]] = {}
    seen: set[tuple[str, str, tuple[Word, ...]]] = set()
    for tech, tier, entry in _entries(code):
        words = _words(entry, tokenize)
        if not words or words[0].form in (ANY, GAP_MARK) or (tech, tier, words) in seen:
            continue
        seen.add((tech, tier, words))
        index.setdefault(words[0].form, []).append(Cue(tech, tier, words, entry))
    fold = tuple(sorted(lang.load(code).techniques.fold, key=lambda f: -len(f[0])))
    return Matcher({k: tuple(v) for k, v in index.items()}, fold)


def _keys(token: Any, fold: Sequence[tuple[str, str]]) -> frozenset[str]:
    lower = token.lower_.translate(APOSTROPHES)
    keys = {lower, token.lemma_.lower().translate(APOSTROPHES)}
    for ending, repl in fold:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            keys.add(lower[: -len(ending)] + repl)
    return frozenset(keys)


def _extend(words: tuple[Word, ...], w: int, i: int, stop: int, keys: list[frozenset[str]],
            pos: list[str]) -> int | None:
    """End token of a match of ``words[w:]`` starting at token ``i`` (None when none)."""
    if w == len(words):
        return i
    word = words[w]
    if word.form == GAP_MARK:
        for j in range(i, min(i + GAP, stop) + 1):
            end = _extend(words, w + 1, j, stop, keys, pos)
            if end is not None:
                return end
        return None
    if i >= stop:
        return None
    if word.form != ANY and (word.form not in keys[i] or (word.pos is not None and pos[i] != word.pos)):
        return None
    return _extend(words, w + 1, i + 1, stop, keys, pos)


def hits(doc: Any, m: Matcher) -> list[Hit]:
    """Every cue occurrence in a spaCy doc, inside one sentence each."""
    keys = [_keys(t, m.fold) for t in doc]
    pos = [t.pos_ for t in doc]
    found: list[Hit] = []
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            for key in keys[i]:
                for cue in m.index.get(key, ()):
                    end = _extend(cue.words, 0, i, sent.end, keys, pos)
                    if end is not None:
                        found.append(Hit(cue, i, end))
    return list(dict.fromkeys(found))
