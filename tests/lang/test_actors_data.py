"""Integrity of the actor data (lang/*/actors.toml) and of the events words (lang/*/events.toml)."""

from __future__ import annotations

from collections import Counter
from typing import get_args

import pytest

from wirecoder import lang
from wirecoder.model import ActorKind
from wirecoder.stages.actors import country_names

CODES = ("fr", "en")
KINDS = set(get_args(ActorKind))


@pytest.mark.parametrize("code", CODES)
def test_entry_kinds_are_actor_kinds(code: str) -> None:
    assert {e.kind for e in lang.load(code).actors.entries} <= KINDS


@pytest.mark.parametrize("code", CODES)
def test_entry_countries_are_iso_codes(code: str) -> None:
    assert {e.country for e in lang.load(code).actors.entries if e.country} <= set(country_names())


@pytest.mark.parametrize("code", CODES)
def test_demonym_countries_are_iso_codes(code: str) -> None:
    assert set(lang.load(code).actors.demonyms.values()) <= set(country_names())


@pytest.mark.parametrize("code", CODES)
def test_no_form_names_two_entries(code: str) -> None:
    forms = Counter(f for e in lang.load(code).actors.entries for f in set(e.forms))
    assert [f for f, n in forms.items() if n > 1] == []


@pytest.mark.parametrize("code", CODES)
def test_forms_are_lower_case_and_trimmed(code: str) -> None:
    forms = [f for e in lang.load(code).actors.entries for f in e.forms]
    assert [f for f in forms if f != f.lower().strip() or not f] == []


@pytest.mark.parametrize("code", CODES)
def test_every_entry_has_a_form(code: str) -> None:
    assert [e.name for e in lang.load(code).actors.entries if not e.forms] == []


@pytest.mark.parametrize("code", CODES)
def test_head_kinds_are_actor_kinds(code: str) -> None:
    assert set(lang.load(code).actors.heads) <= KINDS


@pytest.mark.parametrize("code", CODES)
def test_no_head_noun_under_two_kinds(code: str) -> None:
    heads = Counter(w for words in lang.load(code).actors.heads.values() for w in set(words))
    assert [w for w, n in heads.items() if n > 1] == []


@pytest.mark.parametrize("code", CODES)
def test_demonyms_and_heads_are_single_lower_case_words(code: str) -> None:
    actors = lang.load(code).actors
    words = [*actors.demonyms, *(w for ws in actors.heads.values() for w in ws)]
    assert [w for w in words if w != w.lower() or " " in w] == []


@pytest.mark.parametrize(("code", "form", "name"), [
    ("fr", "daech", "Islamic State"),
    ("fr", "état islamique", "Islamic State"),
    ("fr", "shebab", "Al-Shabaab"),
    ("fr", "hachd al-chaabi", "Popular Mobilization Forces"),
    ("fr", "tsahal", "Israel Defense Forces"),
    ("fr", "fsr", "Rapid Support Forces"),
    ("fr", "forces démocratiques syriennes", "Syrian Democratic Forces"),
    ("fr", "otan", "NATO"),
    ("fr", "finul", "UNIFIL"),
    ("fr", "hommes armés", "Unidentified Armed Group"),
    ("en", "isis", "Islamic State"),
    ("en", "al-shabaab", "Al-Shabaab"),
    ("en", "kataib hezbollah", "Kataib Hezbollah"),
    ("en", "idf", "Israel Defense Forces"),
    ("en", "rsf", "Rapid Support Forces"),
    ("en", "sdf", "Syrian Democratic Forces"),
    ("en", "houthis", "Houthis (Ansar Allah)"),
    ("en", "nato", "NATO"),
    ("en", "minusma", "MINUSMA"),
    ("en", "gunmen", "Unidentified Armed Group"),
])
def test_named_form_resolves(code: str, form: str, name: str) -> None:
    assert {e.name for e in lang.load(code).actors.entries if form in e.forms} == {name}


@pytest.mark.parametrize(("code", "word", "iso"), [
    ("fr", "irakien", "IQ"), ("fr", "irakiennes", "IQ"), ("fr", "maliens", "ML"), ("fr", "burkinabè", "BF"),
    ("fr", "américaine", "US"), ("fr", "israéliens", "IL"), ("fr", "turques", "TR"), ("fr", "nigérien", "NE"),
    ("fr", "nigérians", "NG"), ("fr", "saoudienne", "SA"), ("fr", "russes", "RU"), ("fr", "ukrainiennes", "UA"),
    ("en", "iraqi", "IQ"), ("en", "iraqis", "IQ"), ("en", "us", "US"), ("en", "u.s.", "US"), ("en", "nigerien", "NE"),
    ("en", "nigerian", "NG"), ("en", "burkinabe", "BF"), ("en", "congolese", "CD"), ("en", "somali", "SO"),
    ("en", "british", "GB"), ("en", "saudi", "SA"), ("en", "yemeni", "YE"),
])
def test_demonym_gives_country(code: str, word: str, iso: str) -> None:
    assert lang.load(code).actors.demonyms[word] == iso


@pytest.mark.parametrize(("code", "word", "kind"), [
    ("fr", "soldat", "state_forces"), ("fr", "jihadiste", "rebel_militia"), ("fr", "villageois", "civilians"),
    ("fr", "manifestant", "protesters"), ("fr", "émeutier", "rioters"), ("fr", "ministre", "political"),
    ("fr", "assaillant", "unidentified"), ("en", "troop", "state_forces"), ("en", "militant", "rebel_militia"),
    ("en", "civilian", "civilians"), ("en", "protester", "protesters"), ("en", "rioter", "rioters"),
    ("en", "spokesman", "political"), ("en", "gunman", "unidentified"), ("en", "peacekeeper", "external_forces"),
])
def test_head_noun_gives_kind(code: str, word: str, kind: str) -> None:
    assert word in lang.load(code).actors.heads[kind]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("key", ["fatality_nouns", "fatality_verbs", "injury_nouns", "agent_preps", "target_preps"])
def test_events_words_present(code: str, key: str) -> None:
    assert lang.load(code).events.words.get(key)


@pytest.mark.parametrize(("code", "word", "value"), [
    ("fr", "douze", 12), ("fr", "vingt-cinq", 25), ("fr", "soixante-dix", 70), ("fr", "quatre-vingt-dix", 90),
    ("fr", "dizaine", 10), ("fr", "centaines", 100), ("en", "twelve", 12), ("en", "dozens", 12),
    ("en", "ninety", 90), ("en", "hundreds", 100),
])
def test_number_word_value(code: str, word: str, value: int) -> None:
    assert lang.load(code).events.numbers[word] == value


@pytest.mark.parametrize("code", CODES)
def test_fatality_and_injury_words_do_not_overlap(code: str) -> None:
    words = lang.load(code).events.words
    dead = set(words["fatality_nouns"]) | set(words["fatality_verbs"])
    assert dead.isdisjoint(set(words["injury_nouns"]) | set(words["injury_verbs"]))


@pytest.mark.parametrize("code", CODES)
def test_country_names_give_iso_codes(code: str) -> None:
    assert set(lang.load(code).actors.countries.values()) <= set(country_names())


@pytest.mark.parametrize("code", CODES)
def test_country_names_are_lower_case_and_trimmed(code: str) -> None:
    names = lang.load(code).actors.countries
    assert [n for n in names if n != n.lower().strip() or not n] == []


@pytest.mark.parametrize("code", CODES)
def test_every_kind_has_a_generic_name(code: str) -> None:
    assert set(lang.load(code).actors.labels) == KINDS


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("key", ["anaphors", "claim_verbs", "genitive_preps", "pair_preps", "accuse_verbs",
                                 "negative_determiners"])
def test_attachment_words_present(code: str, key: str) -> None:
    assert getattr(lang.load(code).actors, key)


@pytest.mark.parametrize(("code", "name", "iso"), [
    ("fr", "moscou", "RU"), ("fr", "états-unis", "US"), ("fr", "israël", "IL"), ("fr", "kiev", "UA"),
    ("fr", "arabie saoudite", "SA"), ("en", "moscow", "RU"), ("en", "united states", "US"), ("en", "kyiv", "UA"),
    ("en", "israel", "IL"), ("en", "saudi arabia", "SA"),
])
def test_country_name_or_capital_gives_country(code: str, name: str, iso: str) -> None:
    assert lang.load(code).actors.countries[name] == iso
