"""places: toponyms resolved in context, and where each event happened."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from wirecoder import lang
from wirecoder.gazetteer.local import LocalGazetteer, default_gazetteer
from wirecoder.model import Location, Parsed, Place, Span
from wirecoder.stages import places

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TOPONYMS = ROOT / "tests" / "data" / "geo" / "toponyms.jsonl"
SEED = SHARED / "seeds" / "presstv-fr-ain-al-asad.txt"
GOLD = SHARED / "eval" / "dev" / "presstv-fr-ain-al-asad.gold.json"
RADIUS = {"point": 30.0, "admin2": 80.0, "admin1": 150.0, "country": 600.0}


@pytest.fixture(scope="session")
def gaz() -> LocalGazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def resolve(make_parsed: Callable[..., Parsed], gaz: LocalGazetteer) -> Callable[[str, str], list[Place]]:
    def run(text: str, code: str) -> list[Place]:
        return places.run(make_parsed(text, code), lang.load(code), gaz)

    return run


@pytest.fixture(scope="session")
def locate(make_parsed: Callable[..., Parsed], gaz: LocalGazetteer) -> Callable[[str, str, str], list[Location]]:
    def run(text: str, code: str, trigger: str) -> list[Location]:
        doc = make_parsed(text, code)
        pack = lang.load(code)
        start = text.index(trigger)
        found = places.run(doc, pack, gaz)
        return places.event_locations(Span(start=start, end=start + len(trigger), text=trigger), doc, found, pack)

    return run


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def named(found: list[Place], mention: str) -> Location | None:
    return next((p.location for p in found if mention in p.span.text), None)


@pytest.mark.parametrize(("code", "text", "mention", "country", "name"), [
    ("fr", "Des roquettes ont frappé Mossoul dans la nuit.", "Mossoul", "IQ", "Mosul"),
    ("fr", "Un convoi a été visé près de Kerbala.", "Kerbala", "IQ", "Karbala"),
    ("fr", "Les combats se poursuivent à Deir Ezzor, en Syrie.", "Deir Ezzor", "SY", "Deir ez-Zor"),
    ("fr", "Les troupes se sont repliées vers Abou Kamal.", "Abou Kamal", "SY", "Ālbū Kamāl"),
    ("fr", "Les soldats américains ont quitté la base d'Aïn al-Asad.", "Aïn al-Asad", "IQ", "Ain al-Asad Air Base"),
    ("fr", "Des navires ont été attaqués en mer Rouge.", "mer Rouge", None, "Red Sea"),
    ("fr", "Les habitants de Tripoli, dans le nord du Liban, ont manifesté.", "Tripoli", "LB", "Tripoli"),
    ("en", "Rockets hit Camp Taji, north of Baghdad, on Wednesday.", "Camp Taji", "IQ", "Camp Taji"),
    ("en", "Gunmen attacked a checkpoint outside Kramatorsk.", "Kramatorsk", "UA", "Kramatorsk"),
    ("en", "A drone was shot down over the Gulf of Aden.", "Gulf of Aden", None, "Gulf of Aden"),
    ("en", "Police in Sidon dispersed the protesters.", "Sidon", "LB", "Sidon"),
    ("en", "Sanctions on Moscow were discussed in Washington on Monday.", "Washington", "US", "Washington"),
    ("fr", "Les insurgés ont attaqué Palma, dans la province du Cabo Delgado, au Mozambique.", "Palma", "MZ",
     "Palma"),
])
def test_toponym_resolves(resolve: Callable[[str, str], list[Place]], code: str, text: str, mention: str,
                          country: str | None, name: str) -> None:
    loc = named(resolve(text, code), mention)
    assert loc is not None and (loc.country, loc.name) == (country, name)


@pytest.mark.parametrize(("code", "text", "mention"), [
    ("en", "Hezbollah said it had fired rockets at an army post.", "Hezbollah"),
    ("fr", "Le Hezbollah a revendiqué l'attaque.", "Hezbollah"),
    ("en", "Barham Saleh met the envoy on Monday.", "Saleh"),
    ("en", "The rebels took the town of Mellit in April.", "April"),
    ("en", "Soldiers said the Czech-made rockets came from the border.", "Czech"),
    ("en", "Gunmen stormed Goma's General Hospital on Friday.", "Hospital"),
    ("en", "Fighting in Goma went on, the governor said on Telegram.", "Telegram"),
    ("en", "Shelling hit Goma overnight. (Editing by Test Desk)", "Desk"),
    ("fr", "À Paris, les diplomates souhaitent que les miliciens reculent derrière le Litani.", "Litani"),
])
def test_not_a_place(resolve: Callable[[str, str], list[Place]], code: str, text: str, mention: str) -> None:
    assert named(resolve(text, code), mention) is None


@pytest.mark.parametrize(("code", "text", "mention", "reason"), [
    ("en", "Washington said the strikes were a warning.", "Washington", "metonym"),
    ("fr", "Moscou a démenti toute implication.", "Moscou", "metonym"),
    ("fr", "Des frappes ont visé Tajji (Salaheddine) mercredi.", "Salaheddine", "qualifier"),
    ("fr", "Une patrouille est tombée dans une embuscade près de Tessalit, dans la région de Kidal.",
     "région de Kidal", "qualifier"),
])
def test_role_is_recorded(resolve: Callable[[str, str], list[Place]], code: str, text: str, mention: str,
                          reason: str) -> None:
    assert next(p.reason for p in resolve(text, code) if p.span.text == mention) == reason


@pytest.mark.parametrize(("mention", "precision"), [
    ("Mossoul", "point"),
    ("Irak", "country"),
    ("Salaheddine", "admin1"),
])
def test_precision(resolve: Callable[[str, str], list[Place]], mention: str, precision: str) -> None:
    found = resolve("Des combats ont eu lieu à Mossoul, en Irak, et dans la province de Salaheddine.", "fr")
    loc = named(found, mention)
    assert loc is not None and loc.precision == precision


def test_spans_cut_their_text(resolve: Callable[[str, str], list[Place]]) -> None:
    text = "Des roquettes tirées depuis la Syrie ont visé la base d'Aïn al-Asad, dans la province d'al-Anbar."
    assert all(text[p.span.start:p.span.end] == p.span.text for p in resolve(text, "fr"))


# --------------------------------------------------------------------------- event locations


@pytest.mark.parametrize(("code", "text", "trigger", "expected"), [
    ("en", "Rockets were fired from Syria at a base near Al-Qaim on Tuesday.", "fired", "Al Qā’im"),
    ("fr", "Des roquettes tirées depuis la Syrie ont visé une base près d'Al-Qaïm.", "visé", "Al Qā’im"),
    ("fr", "Une attaque au drone a visé des soldats non loin du champ Conoco à Deir ez-Zor.", "visé",
     "Conoco gas field"),
    ("fr", "Deux roquettes ont visé l'ambassade américaine à Bagdad.", "visé", "US Embassy in Baghdad"),
    ("en", "A car bomb exploded in Kirkuk, police in Baghdad said.", "exploded", "Kirkuk"),
    ("en", "Fighting went on in Somalia. Officers detained ten men in a district of the capital.", "detained",
     "Mogadishu"),
    ("fr", "Des hommes armés ont attaqué Croix-des-Bouquets, à l'est de la capitale haïtienne.", "attaqué",
     "Croix-des-Bouquets"),
    ("en", "Jets struck targets across Yemen, including sites at the airport of Sanaa.", "struck",
     "Sanaa International Airport"),
])
def test_event_location(locate: Callable[[str, str, str], list[Location]], code: str, text: str, trigger: str,
                        expected: str) -> None:
    assert [loc.name for loc in locate(text, code, trigger)][:1] == [expected]


def test_listed_places_give_one_location_each(locate: Callable[[str, str, str], list[Location]]) -> None:
    text = "L'aviation a frappé des positions dans trois provinces, Salaheddine, Babel et Karbala."
    assert [loc.admin1 for loc in locate(text, "fr", "frappé")] == ["Salah ad Din", "Babil", "Karbala"]


@pytest.mark.parametrize(("text", "trigger", "bearing_lat", "precision"), [
    ("Une bombe a explosé à 20 km au nord de Mossoul.", "explosé", 1, "admin2"),
    ("Deux roquettes sont tombées au sud de la capitale, Bagdad.", "tombées", -1, "admin2"),
])
def test_relative_phrasing_moves_the_point(locate: Callable[[str, str, str], list[Location]], text: str,
                                           trigger: str, bearing_lat: int, precision: str) -> None:
    loc = locate(text, "fr", trigger)[0]
    base = {"Mossoul": 36.335, "Bagdad": 33.34058}[next(k for k in ("Mossoul", "Bagdad") if k in text)]
    assert loc.lat is not None and (loc.lat - base) * bearing_lat > 0.1 and loc.precision == precision


def test_distance_is_kept(locate: Callable[[str, str, str], list[Location]]) -> None:
    loc = locate("A roadside bomb exploded 30 km west of Kandahar.", "en", "exploded")[0]
    assert loc.lat is not None and loc.lon is not None and 25 < km(31.61, 65.71, loc.lat, loc.lon) < 40


def test_no_place_in_the_text(locate: Callable[[str, str, str], list[Location]]) -> None:
    assert locate("Two rockets exploded overnight, the army said.", "en", "exploded") == []


def test_foreign_dateline_places_nothing(locate: Callable[[str, str, str], list[Location]]) -> None:
    text = ("BANGKOK, May 20 (Wire) - Rebels hold most of Rakhine state in Myanmar, near Sittwe.\n"
            "Two soldiers were killed overnight, the group said.")
    assert locate(text, "en", "killed") == []


def test_home_dateline_places_the_event(locate: Callable[[str, str, str], list[Location]]) -> None:
    text = ("KABUL, May 20 (Wire) - Fighting went on in Afghanistan's east.\n"
            "Two soldiers were killed overnight, the army said.")
    assert [(loc.name, loc.reason) for loc in locate(text, "en", "killed")] == [("Kabul", "dateline")]


def test_dateline_in_lower_case_places_the_event(locate: Callable[[str, str, str], list[Location]]) -> None:
    text = "Mogadishu, 15.03.2024 - Fighting went on in Somalia.\n\nTwo soldiers were killed overnight, police said."
    assert [(loc.name, loc.reason) for loc in locate(text, "en", "killed")] == [("Mogadishu", "dateline")]


def test_paragraph_place_is_the_fallback(locate: Callable[[str, str, str], list[Location]]) -> None:
    text = "Heavy fighting was reported in Mosul. Two rockets exploded overnight, the army said."
    assert [(loc.name, loc.reason) for loc in locate(text, "en", "exploded")] == [("Mosul", "paragraph")]


# --------------------------------------------------------------------------- data-driven floors


@pytest.mark.skipif(not TOPONYMS.exists(), reason="toponym test set not written yet")
def test_toponym_set_floor(resolve: Callable[[str, str], list[Place]]) -> None:
    """A loose floor on the set that bench/geo.py measures (it reports the exact figures and misses)."""
    cases = [json.loads(line) for line in TOPONYMS.read_text(encoding="utf-8").splitlines() if line.strip()]
    hits = 0
    for case in cases:
        start = case["text"].find(case["mention"])
        end = start + len(case["mention"])
        found = [p.location for p in resolve(case["text"], case["lang"])
                 if p.location is not None and p.span.start < end and start < p.span.end]
        want = case["expected"]
        hits += any(loc.lat is not None and loc.lon is not None
                    and km(loc.lat, loc.lon, want["lat"], want["lon"]) <= 30 for loc in found)
    assert hits / len(cases) >= 0.85


@pytest.mark.skipif(not SEED.exists() or not GOLD.exists(), reason="../shared seed article not available")
def test_seed_gold_locations_are_resolved(make_parsed: Callable[..., Parsed], gaz: LocalGazetteer) -> None:
    """Every gold event location of the seed article is among its resolved places, within its radius."""
    text = SEED.read_text(encoding="utf-8")
    found = places.run(make_parsed(text, "fr"), lang.load("fr"), gaz)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["events"]
    missing = [e["id"] for e in gold if e["required"] and not any(
        p.location is not None and p.location.lat is not None and p.location.lon is not None
        and km(p.location.lat, p.location.lon, e["location"]["lat"], e["location"]["lon"])
        <= RADIUS[e["location"]["precision"]] for p in found)]
    assert missing == []


@pytest.mark.parametrize(("code", "text", "trigger"), [
    ("fr", "Une bombe a explosé à 20 km au nord de Mossoul, près de la base de Qayyarah.", "explosé"),
    ("en", "Shells fell south of the capital, Baghdad, and near Camp Taji.", "fell"),
])
def test_location_offsets_cut_their_text(make_parsed: Callable[..., Parsed], gaz: LocalGazetteer, code: str,
                                         text: str, trigger: str) -> None:
    doc, pack = make_parsed(text, code), lang.load(code)
    start = text.index(trigger)
    found = places.run(doc, pack, gaz)
    locs = places.event_locations(Span(start=start, end=start + len(trigger), text=trigger), doc, found, pack)
    assert locs and all(loc.start is not None and text[loc.start:loc.end] == loc.text for loc in locs)
