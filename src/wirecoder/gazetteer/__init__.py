"""Gazetteers: the protocol every backend follows, and the default in-process one.

The core runs from files on disk; no backend opens a socket.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from wirecoder.model import Candidate


class Gazetteer(Protocol):
    def lookup(self, name: str, *, country: str | None = None) -> list[Candidate]:
        """Entries whose names match ``name`` (accent-, case-, article-tolerant), best first."""
        ...

    def facilities(self, text: str, kinds: Iterable[str]) -> list[Candidate]:
        """Entries of the given kinds (embassy, airbase...) whose names share the words of ``text``,
        best first (``score`` is the share of words in common)."""
        ...


@functools.cache
def capitals() -> dict[str, str]:
    """Country code -> the name of its capital city (``data/capitals.tsv``), for "the capital"."""
    path = Path(__file__).parent / "data" / "capitals.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        return {row["iso2"]: row["capital"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
