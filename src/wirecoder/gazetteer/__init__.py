"""Gazetteers: the protocol every backend follows, and the default in-process one.

The core runs from files on disk; no backend opens a socket.
"""

from __future__ import annotations

from typing import Protocol

from wirecoder.model import Candidate


class Gazetteer(Protocol):
    def lookup(self, name: str, *, country: str | None = None) -> list[Candidate]:
        """Entries whose names match ``name`` (accent-, case-, article-tolerant), best first."""
        ...
