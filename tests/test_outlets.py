"""Outlet profiles: the shipped starter list, a user's file over it, and lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder import outlets


@pytest.mark.parametrize(("key", "name", "ownership", "country"), [
    ("afp", "Agence France-Presse", "agency", "FR"),
    ("reuters", "Reuters", "agency", "GB"),
    ("tass", "TASS", "state agency", "RU"),
    ("xinhua", "Xinhua", "state agency", "CN"),
    ("press tv", "Press TV", "state-affiliated", "IR"),
    ("rt", "RT", "state-affiliated", "RU"),
    ("bbc", "BBC", "public broadcaster", "GB"),
    ("france 24", "France 24", "public broadcaster", "FR"),
    ("cnn", "CNN", "private", "US"),
    ("al jazeera", "Al Jazeera", "state-affiliated", "QA"),
])
def test_starter_list(key: str, name: str, ownership: str, country: str) -> None:
    p = outlets.load()[key]
    assert (p.name, p.ownership, p.country) == (name, ownership, country)


def test_starter_list_is_well_formed() -> None:
    profiles = set(outlets.load().values())
    assert len(profiles) >= 40 and all(
        p.ownership in outlets.OWNERSHIP and p.country is not None and len(p.country) == 2 for p in profiles)


def test_keys_are_casefolded() -> None:
    assert all(k == k.casefold() for k in outlets.load())


def test_user_file_overrides_and_adds(tmp_path: Path) -> None:
    user = tmp_path / "mine.csv"
    user.write_text("name,aliases,ownership,country\nReuters,,private,GB\nKyiv Post,KP,private,UA\n",
                    encoding="utf-8")
    merged = outlets.load(user)
    assert (merged["reuters"].ownership, merged["kp"].name, merged["afp"].name) == (
        "private", "Kyiv Post", "Agence France-Presse")


def test_user_file_with_unknown_ownership_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "bad.csv"
    user.write_text("name,aliases,ownership,country\nX,,propaganda,ZZ\n", encoding="utf-8")
    with pytest.raises(outlets.BadOutletFile):
        outlets.load(user)


def test_user_file_without_header_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "bad.csv"
    user.write_text("Reuters,,agency,GB\n", encoding="utf-8")
    with pytest.raises(outlets.BadOutletFile):
        outlets.load(user)


@pytest.mark.parametrize(("outlet", "name"), [
    ("Press TV (French)", "Press TV"),
    ("PRESSTV", "Press TV"),
    ("Agence France Presse", "Agence France-Presse"),
    ("  bbc news ", "BBC"),
    ("The Daily Nowhere", None),
    (None, None),
    ("", None),
])
def test_profile_lookup(outlet: str | None, name: str | None) -> None:
    found = outlets.profile(outlet, outlets.load())
    assert (found.name if found else None) == name


def test_agencies_are_the_wire_services() -> None:
    agencies = outlets.agencies(outlets.load())
    assert (agencies["afp"], agencies["ap"], "cnn" in agencies) == ("Agence France-Presse", "Associated Press", False)
