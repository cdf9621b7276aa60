"""The default gazetteer: in-process, built from GeoNames data that PyPI packages carry.

STUB: replaced by the geocoding work (issue 3).
"""

from __future__ import annotations

import functools

from wirecoder.model import Candidate


class LocalGazetteer:
    def lookup(self, name: str, *, country: str | None = None) -> list[Candidate]:
        return []


@functools.cache
def default_gazetteer() -> LocalGazetteer:
    """The gazetteer used when none is given (built once per process)."""
    return LocalGazetteer()
