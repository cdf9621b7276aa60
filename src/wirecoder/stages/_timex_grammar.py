"""time, step 1: a language's date patterns, compiled once, and the raw matches they give.

A pattern is a regex template from ``dates.toml`` whose ``{slots}`` are filled from the
language's word tables. Month and weekday names match as written (or capitalised,
or in capitals); the rest of a pattern ignores case.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from wirecoder import lang
from wirecoder.lang.schema.dates import DatePattern, DatesData

SLOT = re.compile(r"\{(weekday|month|day|year|num|unit|part|season|mnum|daypart|holiday)(2?)\}")
# Calendar keys in order: the index is the weekday (0 Monday) or the month minus one.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
CASED = ("weekday", "month")  # slots matched case-sensitively
WORD = re.compile(r"[^\W_]+")


class Grammar(NamedTuple):
    patterns: list[tuple[re.Pattern[str], DatePattern]]
    any: re.Pattern[str]  # the union of the patterns: where some expression starts
    hints: dict[str, frozenset[str]]  # lower-cased hint word -> keys of the patterns it may be in
    keyed: dict[str, frozenset[int]]  # key ("digit", "weekday", "lit:hier") -> pattern indices
    words: dict[str, dict[str, int | str]]  # slot -> normalised form -> value
    since: re.Pattern[str] | None  # matches the end of the text before an expression
    until: re.Pattern[str] | None
    published: re.Pattern[str] | None  # "Publié le", "Updated": the date after it is the article's


class Match(NamedTuple):
    """One expression found in the text, before it is resolved."""

    start: int
    end: int
    text: str
    rule: DatePattern
    values: dict[str, int | str]  # slot name ("day", "day2", "weekday"...) -> value


class Found(NamedTuple):
    """An expression, which way its clause points, and what stands before it."""

    match: Match
    future: bool
    prefix: str  # "since" | "until" | ""
    role: str  # "dateline" | "byline" | ""
    bare: bool = False  # a length, not a date: "for two hours" outside the present perfect


def norm(text: str) -> str:
    """A form as the word tables key it: lower case, one space, straight apostrophe."""
    return " ".join(text.lower().replace("’", "'").split())


def _literal(text: str) -> str:
    """A regex for literal words: any white space between words, either apostrophe."""
    return re.escape(text).replace("\\ ", r"\s+").replace("'", "['’]")


def _alternation(forms: list[str], cased: bool) -> str:
    variants: set[str] = set()
    for form in forms:
        variants |= {form, form[:1].upper() + form[1:], form.upper()} if cased else {form}
    body = "|".join(_literal(f) for f in sorted(variants, key=len, reverse=True))
    return f"(?-i:{body})" if cased else f"(?:{body})"


def _tables(data: DatesData) -> dict[str, dict[str, int | str]]:
    """slot -> normalised form -> value (weekday index, month number, number, key)."""
    out: dict[str, dict[str, int | str]] = {
        "weekday": {norm(f): WEEKDAYS.index(k) for k, fs in data.weekdays.items() for f in fs},
        "month": {norm(f): MONTHS.index(k) + 1 for k, fs in data.months.items() for f in fs},
        "num": {norm(f): n for f, n in data.numbers.items()},
        "daypart": {norm(f): "daypart" for f in data.dayparts},
    }
    for slot, table in (("unit", data.units), ("part", data.parts), ("season", data.seasons),
                        ("holiday", data.holidays)):
        out[slot] = {norm(f): k for k, fs in table.items() for f in fs}
    return out


def _slot_regex(slot: str, data: DatesData, words: dict[str, dict[str, int | str]]) -> str:
    if slot == "day":
        suffix = "|".join(_literal(s) for s in data.day_suffixes)
        return rf"(?:3[01]|[12]\d|0?[1-9])(?:{suffix})?" if suffix else r"(?:3[01]|[12]\d|0?[1-9])"
    if slot == "mnum":
        return r"(?:1[0-2]|0?[1-9])"
    if slot == "year":
        return r"(?:1[89]\d\d|20\d\d)(?!\d)"
    forms = list(words[slot])
    if slot == "weekday":
        forms = [f for k, fs in data.weekdays.items() for f in fs]
    elif slot == "month":
        forms = [f for k, fs in data.months.items() for f in fs]
    alternation = _alternation(forms, slot in CASED) if forms else "(?!)"
    return rf"(?:\d{{1,3}}|{alternation})" if slot == "num" else alternation


def _template_text(text: str) -> str:
    """A template's own regex text: a space is any white space (" ?" none or some)."""
    return text.replace(" ?", r"\s*").replace(" ", r"\s+").replace("'", "['’]")


def _compile(template: str, data: DatesData, words: dict[str, dict[str, int | str]]) -> re.Pattern[str]:
    parts: list[str] = []
    pos = 0
    for m in SLOT.finditer(template):
        parts.append(_template_text(template[pos:m.start()]))
        body = _slot_regex(m.group(1), data, words)
        # a part of the day only widens the span: it may come twice and is not read back
        parts.append(f"(?:{body})" if m.group(1) == "daypart" else f"(?P<{m.group(1)}{m.group(2)}>{body})")
        pos = m.end()
    parts.append(_template_text(template[pos:]))
    return re.compile(r"(?<!\w)(?:" + "".join(parts) + r")(?!\w)", re.IGNORECASE)


def _prefix(forms: list[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    body = "|".join(_literal(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})\s*$", re.IGNORECASE)


DIGIT = frozenset({"digit"})
NUMERIC = ("day", "year", "mnum", "num")  # slots a digit fills
HINT_SLOTS = ("weekday", "month", "unit", "season", "holiday")  # slots whose words mark an expression


def _pattern_keys(template: str) -> frozenset[str]:
    """What a pattern's match must hold: slot kinds ("digit" for numbers) and its own words."""
    keys = {"digit" if m.group(1) in NUMERIC else m.group(1) for m in SLOT.finditer(template)}
    keys |= {f"lit:{w}" for w in WORD.findall(norm(SLOT.sub(" ", template))) if len(w) >= 3}
    return frozenset(keys)


def _hints(data: DatesData, words: dict[str, dict[str, int | str]],
           keyed: dict[str, frozenset[int]]) -> dict[str, frozenset[str]]:
    """Hint word -> the keys of the patterns it may belong to. Hints are the words of the
    hint slots, and the patterns' own words of four letters or more ("hier", "tonight")."""
    out: dict[str, set[str]] = {}
    for slot in HINT_SLOTS:
        for form in words[slot]:
            for w in WORD.findall(form):
                out.setdefault(w, set()).add(slot)
    for key in keyed:
        word = key[4:] if key.startswith("lit:") else ""
        if len(word) >= 4 or word in out:
            out.setdefault(word, set()).add(key)
    return {w: frozenset(k) for w, k in out.items() if w}


@functools.cache
def grammar(code: str) -> Grammar:
    """The compiled date patterns of a language (built once per process)."""
    data = lang.load(code).dates
    words = _tables(data)
    patterns = [(_compile(p.pattern, data, words), p) for p in data.patterns]
    keyed: dict[str, set[int]] = {}
    for i, p in enumerate(data.patterns):
        for key in _pattern_keys(p.pattern):
            keyed.setdefault(key, set()).add(i)
    frozen = {k: frozenset(v) for k, v in keyed.items()}
    prefix = {kind: _prefix(data.prefixes.get(kind, [])) for kind in ("since", "until", "published")}
    return Grammar(patterns, _union([rx for rx, _ in patterns]), _hints(data, words, frozen), frozen,
                   words, prefix["since"], prefix["until"], prefix["published"])


def _union(compiled: list[re.Pattern[str]]) -> re.Pattern[str]:
    """One regex for where any of the patterns starts (slot groups unnamed)."""
    body = "|".join(re.sub(r"\(\?P<\w+>", "(?:", rx.pattern) for rx in compiled) or "(?!)"
    # one shared word-start test, so that positions inside words are skipped at once
    return re.compile(rf"(?<!\w)(?=\w)(?:{body})", re.IGNORECASE)


@functools.cache
def _subset(code: str, keys: frozenset[str]) -> tuple[re.Pattern[str], tuple[int, ...]]:
    """The union and the indices of the patterns a hint with these keys may belong to."""
    g = grammar(code)
    order = tuple(sorted(set().union(*(g.keyed.get(k, frozenset()) for k in keys))))
    return _union([g.patterns[i][0] for i in order]), order


def _value(slot: str, text: str, g: Grammar) -> int | str | None:
    base = slot.rstrip("2")
    if base in ("day", "mnum", "year"):
        digits = re.match(r"\d+", text)
        return int(digits.group()) if digits else None
    if base == "num" and text.isdigit():
        return int(text)
    return g.words[base].get(norm(text))


LOOK_BACK = 40  # characters before a hint where its expression may start


def _longest(text: str, at: int, g: Grammar, among: tuple[int, ...] | None = None) -> Match | None:
    """The longest expression starting at ``at`` (the earlier pattern on a tie)."""
    best: tuple[int, re.Match[str]] | None = None
    for order in range(len(g.patterns)) if among is None else among:
        m = g.patterns[order][0].match(text, at)
        if m is not None and m.end() > at and (best is None or m.end() > best[1].end()):
            best = (order, m)
    if best is None:
        return None
    order, m = best
    values = {k: v for k, t in m.groupdict().items() if t is not None and (v := _value(k, t, g)) is not None}
    return Match(m.start(), m.end(), m.group(), g.patterns[order][1], values)


@functools.lru_cache(maxsize=8)  # infer_anchor and run read the same text one after the other
def matches(text: str, code: str) -> tuple[Match, ...]:
    """Every expression in ``text``, left to right, the longest at each start.

    Patterns are tried only at the word starts shortly before a hint word (or a digit):
    every expression holds one, and the text between costs nothing.
    """
    g = grammar(code)
    words = [(w.start(), w.group()) for w in WORD.finditer(text)]
    out: list[Match] = []
    pos = first = 0  # first: the earliest word start within reach of the current hint
    for i, (at, word) in enumerate(words):
        keys = DIGIT if word[0].isdigit() else g.hints.get(word.lower())
        if at < pos or not keys:
            continue
        union, among = _subset(code, keys)
        while words[first][0] < at - LOOK_BACK:
            first += 1
        for start, _ in words[first:i + 1]:
            if start < pos or union.match(text, start) is None:
                continue
            found = _longest(text, start, g, among)
            if found is None:
                continue
            # one starting inside it may reach further ("On Thursday, Aug. 30"): the longer reach wins
            for inner, _ in words[i:]:
                if inner >= found.end:
                    break
                if inner > found.start and g.any.match(text, inner) is not None \
                        and (longer := _longest(text, inner, g)) is not None and longer.end > found.end:
                    found = longer
            out.append(found)
            pos = found.end
    return tuple(out)
