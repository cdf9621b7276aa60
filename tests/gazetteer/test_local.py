"""The local gazetteer: lookups of press spellings, facilities, and the cache file."""

import pytest

from wirecoder.gazetteer import build
from wirecoder.gazetteer.local import LocalGazetteer


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("Mossoul", "IQ", "Mosul"),
    ("Bagdad", "IQ", "Baghdad"),
    ("Abou Kamal", "SY", "Ālbū Kamāl"),
    ("Albu Kamal", "SY", "Ālbū Kamāl"),
    ("Deir Ezzor", "SY", "Deir ez-Zor"),
    ("Kerbala", "IQ", "Karbala"),
    ("Salaheddine", "IQ", "Salah ad Din"),
    ("Koweït", "KW", "Kuwait"),
    ("Qaem", "IQ", "Al Qā’im"),
    ("Aïn al-Asad", "IQ", "Ain al-Asad Air Base"),
    ("Ain al-Assad", "IQ", "Ain al-Asad Air Base"),
    ("Kramatorsk", "UA", "Kramatorsk"),
    ("Kharkiv", "UA", "Kharkiv"),
    ("Mogadiscio", "SO", "Mogadishu"),
])
def test_lookup_finds_the_place(gaz: LocalGazetteer, name: str, country: str, expected: str) -> None:
    assert expected in [c.name for c in gaz.lookup(name, country=country)]


@pytest.mark.parametrize("name", ["Hezbollah", "", "zzzqqqxxx"])
def test_lookup_finds_nothing(gaz: LocalGazetteer, name: str) -> None:
    assert gaz.lookup(name) == []


@pytest.mark.parametrize(("name", "admin1"), [
    ("Mosul", "Nineveh"),
    ("Tikrit", "Salah ad Din"),
    ("Ramadi", "Al Anbar"),
    ("Kramatorsk", "Donetsk Oblast"),
])
def test_cities_carry_their_admin1(gaz: LocalGazetteer, name: str, admin1: str) -> None:
    assert gaz.lookup(name)[0].admin1 == admin1


def test_exact_names_score_one(gaz: LocalGazetteer) -> None:
    assert gaz.lookup("Baghdad", country="IQ")[0].score == 1.0


def test_facility_search_by_modifier(gaz: LocalGazetteer) -> None:
    found = gaz.facilities("US", ["embassy"])
    assert any(c.country == "IQ" for c in found if c.score == 1.0)


def test_airport_codes_are_not_names() -> None:
    assert build.is_code("BGW") and not build.is_code("Mosul")


def test_cache_file_is_keyed_by_the_sources(gaz: LocalGazetteer) -> None:
    assert gaz.path.name == f"gazetteer-{build.digest()}.sqlite"


def test_a_built_gazetteer_is_reused_not_rebuilt(gaz: LocalGazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    # the load time itself is measured by bench/geo.py, not asserted here
    def no_build(path: object) -> None:
        raise AssertionError("rebuilt an existing gazetteer")

    monkeypatch.setattr(build, "build", no_build)
    assert build.ensure(gaz.path.parent) == gaz.path and LocalGazetteer(gaz.path).lookup("Mosul")


@pytest.mark.parametrize(("name", "expected"), [
    ("Conoco gas field", "conoco"),
    ("base aérienne d'Aïn al-Asad", "ain al asad"),
    ("Camp Taji", "taji"),
])
def test_facility_core_drops_generic_words(name: str, expected: str) -> None:
    assert build.core(name, build.facility_words()) == expected


def test_pickles_for_worker_processes(gaz: LocalGazetteer) -> None:
    import pickle

    assert pickle.loads(pickle.dumps(gaz)).lookup("Mossoul", country="IQ")[0].name == "Mosul"
