"""Integrity of the date data (lang/*/dates.toml): every language, the same keys, patterns that compile."""

from __future__ import annotations

import re
import warnings
from datetime import date

import pytest

from wirecoder import lang
from wirecoder.lang.schema.dates import RULES
from wirecoder.stages._timex_grammar import MONTHS, SLOT, WEEKDAYS, _compile, _tables, grammar, norm

LANGS = lang.available()
UNITS = {"hour", "day", "week", "month", "year"}
PARTS = {"early", "mid", "late"}
SEASONS = {"spring", "summer", "autumn", "winter"}


@pytest.mark.parametrize("code", LANGS)
def test_every_month_named(code: str) -> None:
    assert set(lang.load(code).dates.months) == set(MONTHS)


@pytest.mark.parametrize("code", LANGS)
def test_every_weekday_named(code: str) -> None:
    assert set(lang.load(code).dates.weekdays) == set(WEEKDAYS)


@pytest.mark.parametrize("code", LANGS)
def test_units_are_our_keys(code: str) -> None:
    assert set(lang.load(code).dates.units) <= UNITS


@pytest.mark.parametrize("code", LANGS)
def test_month_parts_are_our_keys(code: str) -> None:
    assert set(lang.load(code).dates.parts) <= PARTS


@pytest.mark.parametrize("code", LANGS)
def test_seasons_are_our_keys(code: str) -> None:
    assert set(lang.load(code).dates.seasons) <= SEASONS


@pytest.mark.parametrize("code", LANGS)
def test_prefix_kinds_are_our_keys(code: str) -> None:
    assert set(lang.load(code).dates.prefixes) <= {"since", "until", "published"}


@pytest.mark.parametrize("code", LANGS)
def test_every_rule_is_known(code: str) -> None:
    assert {p.rule for p in lang.load(code).dates.patterns} <= set(RULES)


@pytest.mark.parametrize("code", LANGS)
def test_slots_are_known(code: str) -> None:
    used = {m.group(0) for p in lang.load(code).dates.patterns for m in re.finditer(r"\{[^}]*\}", p.pattern)}
    assert all(SLOT.fullmatch(s) for s in used)


@pytest.mark.parametrize("code", LANGS)
def test_patterns_compile(code: str) -> None:
    assert len(grammar(code).patterns) == len(lang.load(code).dates.patterns)


@pytest.mark.parametrize("code", LANGS)
def test_patterns_compile_cleanly(code: str) -> None:
    data = lang.load(code).dates
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a nested set or a bad escape is a data bug
        compiled = [_compile(p.pattern, data, _tables(data)) for p in data.patterns]
    assert len(compiled) == len(data.patterns)


@pytest.mark.parametrize("code", LANGS)
def test_no_form_names_two_months(code: str) -> None:
    forms = [norm(f) for fs in lang.load(code).dates.months.values() for f in fs]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize("code", LANGS)
def test_no_form_names_two_weekdays(code: str) -> None:
    forms = [norm(f) for fs in lang.load(code).dates.weekdays.values() for f in fs]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize("code", LANGS)
def test_period_patterns_name_a_unit(code: str) -> None:
    periods = [p for p in lang.load(code).dates.patterns if p.rule == "period"]
    assert all(p.unit in {"week", "month", "year"} for p in periods)


@pytest.mark.parametrize("code", LANGS)
def test_holidays_are_real_days(code: str) -> None:
    keys = lang.load(code).dates.holidays
    assert all(re.fullmatch(r"\d\d-\d\d", k) and date(2024, int(k[:2]), int(k[3:])) for k in keys)
