"""events, step 1 helper: a fast matcher for the trigger lexicon's token patterns.

spaCy's ``Matcher`` tries every pattern at every token (about 0.15 ms per pattern
per 600 tokens: 30 ms for a 200-line lexicon). Trigger patterns always begin with a
word (a ``LOWER`` or ``LEMMA`` value), so this matcher indexes the patterns by that
first word and tries only those whose first word is in the text. It gives the same
matches as ``Matcher`` (every start and every end the operators allow) for the
subset of the pattern language that lexicons use: ``LOWER``, ``LEMMA``, ``NORM``,
``POS``, ``TAG``, ``DEP`` (a value, ``IN`` or ``NOT_IN``), ``IS_*`` flags, and the
operators ``?``, ``*``, ``+``, ``!`` and ``{n}``, ``{n,}``, ``{,m}``, ``{n,m}``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

STRING_ATTRS = {"LOWER": "lower_", "LEMMA": "lemma_", "NORM": "norm_", "POS": "pos_", "TAG": "tag_", "DEP": "dep_",
                "TEXT": "text", "ORTH": "text"}
ANCHOR_ATTRS = ("LOWER", "LEMMA")
_RANGE = re.compile(r"^\{(\d*)(,?)(\d*)\}$")
_UNBOUNDED = 1 << 30


class UnsupportedPattern(ValueError):
    """A pattern uses a part of spaCy's pattern language this matcher does not implement."""


Check = tuple[str, str, Any]  # (token attribute, "eq" | "in" | "not_in" | "flag", value)
Step = tuple[tuple[Check, ...], int, int, bool]  # (checks, min repeats, max repeats, negated)


def _op_bounds(op: str | None) -> tuple[int, int, bool]:
    if op is None:
        return 1, 1, False
    fixed = {"?": (0, 1, False), "*": (0, _UNBOUNDED, False), "+": (1, _UNBOUNDED, False), "!": (1, 1, True)}
    if op in fixed:
        return fixed[op]
    m = _RANGE.match(op)
    if not m:
        raise UnsupportedPattern(f"operator {op!r}")
    lo = int(m.group(1) or 0)
    hi = (_UNBOUNDED if not m.group(3) else int(m.group(3))) if m.group(2) else lo
    return lo, hi, False


def _checks(token: dict[str, Any]) -> tuple[Check, ...]:
    out: list[Check] = []
    for key, value in token.items():
        if key == "OP":
            continue
        if key.startswith("IS_"):
            out.append((key.lower(), "flag", bool(value)))
        elif key in STRING_ATTRS:
            attr = STRING_ATTRS[key]
            if isinstance(value, str):
                out.append((attr, "eq", value))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                out.append((attr, "in", frozenset(value["IN"])))
            elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
                out.append((attr, "not_in", frozenset(value["NOT_IN"])))
            else:
                raise UnsupportedPattern(f"{key}: {value!r}")
        else:
            raise UnsupportedPattern(f"attribute {key!r}")
    return tuple(out)


def _holds(tok: Any, checks: tuple[Check, ...]) -> bool:
    for attr, how, value in checks:
        got = getattr(tok, attr)
        if how == "eq" or how == "flag":
            if got != value:
                return False
        elif how == "in":
            if got not in value:
                return False
        elif got in value:
            return False
    return True


def _anchors(token: dict[str, Any]) -> list[tuple[str, str]] | None:
    """(attribute, value) pairs one of which the first token must have; None when it cannot be indexed."""
    if "OP" in token:
        return None
    for key in ANCHOR_ATTRS:
        value = token.get(key)
        if isinstance(value, str):
            return [(STRING_ATTRS[key], value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(STRING_ATTRS[key], v) for v in value["IN"]]
    return None


class TokenPatterns:
    """Compiled patterns, indexed by their first word."""

    def __init__(self, patterns: Sequence[list[dict[str, Any]]]) -> None:
        self.steps: list[tuple[Step, ...]] = []
        self.index: dict[tuple[str, str], list[int]] = {}
        self.always: list[int] = []
        for i, pattern in enumerate(patterns):
            self.steps.append(tuple((_checks(t), *_op_bounds(t.get("OP"))) for t in pattern))
            anchors = _anchors(pattern[0]) if pattern else None
            if anchors is None:
                self.always.append(i)
            for anchor in anchors or ():
                self.index.setdefault(anchor, []).append(i)

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) for every match, like ``Matcher(doc)`` without keys."""
        out: list[tuple[int, int, int]] = []
        attrs = {attr for attr, _ in self.index}
        for tok in doc:
            candidates: set[int] = set(self.always)
            for attr in attrs:
                candidates.update(self.index.get((attr, getattr(tok, attr)), ()))
            for i in sorted(candidates):
                out.extend((i, tok.i, end) for end in sorted(_ends(doc, self.steps[i], tok.i)))
        return out


def _ends(doc: Any, steps: tuple[Step, ...], start: int) -> set[int]:
    """Every position where the steps, begun at ``start``, can end."""
    positions = {start}
    n = len(doc)
    for checks, lo, hi, negated in steps:
        reached: set[int] = set()
        for pos in positions:
            count, cur = 0, pos
            if lo == 0:
                reached.add(cur)
            while count < hi and cur < n and _holds(doc[cur], checks) != negated:
                count, cur = count + 1, cur + 1
                if count >= lo:
                    reached.add(cur)
        positions = reached
        if not positions:
            break
    return {p for p in positions if p > start}
