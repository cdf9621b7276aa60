"""techniques, step 1: the language's cue lists compiled into a token matcher.

A cue is a word sequence from ``techniques.toml``; each word matches a token by
its lemma, its surface form or its surface form with one ending folded, all
lower-cased. ``word|POS`` also requires the part of speech, ``*`` is any one
token, ``...`` a gap of up to ``GAP`` tokens. Cues are tokenised with the
language's own tokenizer so that elisions and hyphens split as in the parse.
"""

from __future__ import annotations

import functools
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
SENTENCE_END = ".!?…"
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
    index: dict[str, tuple[Cue, ...]]  # one-word cues and cues whose second word is a wildcard
    pairs: dict[tuple[str, str], tuple[Cue, ...]]  # other cues, by their first two words
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
                         (FIRST_PERSON, data.genre.first_person), (ATTRIBUTION, data.genre.attribution)):
        rows += [(key, "context", entry) for entry in entries]
    return rows


@functools.cache
def matcher(code: str) -> Matcher:
    """The compiled cue matcher of a language (built once per process)."""
    tokenize = _tokenizer(code)
    index: dict[str, list[Cue]] = {}
    pairs: dict[tuple[str, str], list[Cue]] = {}
    seen: set[tuple[str, str, tuple[Word, ...]]] = set()
    for tech, tier, entry in _entries(code):
        words = _words(entry, tokenize)
        if not words or words[0].form in (ANY, GAP_MARK) or (tech, tier, words) in seen:
            continue
        seen.add((tech, tier, words))
        cue = Cue(tech, tier, words, entry)
        if len(words) > 1 and words[1].form not in (ANY, GAP_MARK):
            pairs.setdefault((words[0].form, words[1].form), []).append(cue)
        else:
            index.setdefault(words[0].form, []).append(cue)
    fold = tuple(sorted(lang.load(code).techniques.fold, key=lambda f: -len(f[0])))
    return Matcher({k: tuple(v) for k, v in index.items()}, {k: tuple(v) for k, v in pairs.items()}, fold)


@functools.lru_cache(maxsize=100_000)
def _token_keys(code: str, lower: str, lemma: str) -> frozenset[str]:
    """The forms a token may match: surface, lemma and surface with one ending folded."""
    lower = lower.translate(APOSTROPHES)
    keys = {lower, lemma.lower().translate(APOSTROPHES)}
    for ending, repl in matcher(code).fold:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            keys.add(lower[: -len(ending)] + repl)
    return frozenset(keys)


@dataclass(frozen=True)
class Tokens:
    """What the matcher reads of a parse, read once: per token its keys, part of speech,
    sentence (token range) and characters."""

    keys: list[frozenset[str]]
    pos: list[str]
    sent: list[tuple[int, int]]
    start: list[int]
    end: list[int]
    words: int  # alphabetic tokens


def tokens(doc: Any, code: str) -> Tokens:
    """The token view of a spaCy doc."""
    from spacy.attrs import IDX, IS_ALPHA, LEMMA, LENGTH, ORTH, POS

    rows = doc.to_array([ORTH, LEMMA, POS, IDX, LENGTH, IS_ALPHA]).tolist()
    strings = doc.vocab.strings
    orth = [strings[r[0]] for r in rows]
    keys = [_token_keys(code, o.lower(), strings[r[1]]) for o, r in zip(orth, rows, strict=True)]
    pos = [strings[r[2]] if r[2] else "" for r in rows]
    # Sentences end at final punctuation and line breaks: the parser's own boundaries are
    # unreliable on news text (hyphens, datelines, captions), and a cue never spans one.
    starts = [0] + [i + 1 for i, o in enumerate(orth[:-1]) if "\n" in o or (o and not o.strip(SENTENCE_END))]
    starts = sorted(set(starts)) + [len(rows)]
    sent = [(a, b) for a, b in zip(starts, starts[1:], strict=False) for _ in range(a, b)]
    return Tokens(keys, pos, sent, [r[3] for r in rows], [r[3] + r[4] for r in rows],
                  sum(r[5] for r in rows))


def _extend(words: tuple[Word, ...], w: int, i: int, stop: int, toks: Tokens) -> int | None:
    """End token of a match of ``words[w:]`` starting at token ``i`` (None when none)."""
    while w < len(words):
        word = words[w]
        if word.form == GAP_MARK:
            for j in range(i, min(i + GAP, stop) + 1):
                end = _extend(words, w + 1, j, stop, toks)
                if end is not None:
                    return end
            return None
        if i >= stop or (word.form != ANY and (word.form not in toks.keys[i]
                                               or (word.pos is not None and toks.pos[i] != word.pos))):
            return None
        w, i = w + 1, i + 1
    return i


def hits(toks: Tokens, m: Matcher) -> list[Hit]:
    """Every cue occurrence, inside one sentence each."""
    found: list[Hit] = []
    for i, keys in enumerate(toks.keys):
        stop = toks.sent[i][1]
        after = toks.keys[i + 1] if i + 1 < stop else frozenset()
        candidates = [cue for key in keys for cue in m.index.get(key, ())]
        candidates += [cue for key in keys for nxt in after for cue in m.pairs.get((key, nxt), ())]
        for cue in candidates:
            end = _extend(cue.words, 0, i, stop, toks)
            if end is not None:
                found.append(Hit(cue, i, end))
    return list(dict.fromkeys(found))
