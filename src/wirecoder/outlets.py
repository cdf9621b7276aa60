"""Outlet profiles: ownership and country of the outlets a user tracks.

STUB: replaced by the provenance work (issue 5).
"""

from __future__ import annotations

from wirecoder.model import OutletProfile


def profile(outlet: str | None, outlets: dict[str, OutletProfile]) -> OutletProfile | None:
    """The profile of an outlet, from the user's list, else None."""
    if outlet is None:
        return None
    return outlets.get(outlet.casefold())
