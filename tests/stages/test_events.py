"""events: typing, attachment of actors and places, splitting per place, merging, on sentences we wrote."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from wirecoder import lang
from wirecoder.gazetteer.local import default_gazetteer
from wirecoder.model import Article, Config, Event, Parsed
from wirecoder.parse import parse
from wirecoder.stages import actors, events, places, timex

DAY = date(2024, 3, 14)  # a Thursday


def _events(make_parsed: Callable[..., Parsed], text: str, code: str) -> list[Event]:
    doc = make_parsed(text, code, published=DAY)
    pack = lang.load(code)
    anchor = timex.infer_anchor(doc, pack, DAY)
    return events.run(doc, pack, timex.run(doc, pack, anchor), places.run(doc, pack, default_gazetteer()),
                      actors.run(doc, pack), anchor)


@pytest.mark.parametrize(("code", "text", "sub_event_type"), [
    ("fr", "Des roquettes ont frappé mardi la base aérienne de Balad, au nord de Bagdad.", "Shelling/artillery/missile attack"),
    ("fr", "Un kamikaze s'est fait exploser mercredi devant un commissariat de Kandahar.", "Suicide bomb"),
    ("fr", "L'aviation israélienne a mené lundi des frappes aériennes sur Khan Younès.", "Air/drone strike"),
    ("fr", "Des milliers de personnes ont manifesté samedi à Dakar contre le report de l'élection.", "Peaceful protest"),
    ("fr", "La police a arrêté mardi à Goma trois hommes soupçonnés d'espionnage.", "Arrests"),
    ("en", "Russian forces shelled the city of Kharkiv overnight, regional officials said.", "Shelling/artillery/missile attack"),
    ("en", "A roadside bomb exploded near a police convoy in Mogadishu on Tuesday.", "Remote explosive/landmine/IED"),
    ("en", "Gunmen abducted 20 villagers near Maiduguri on Monday, residents said.", "Abduction/forced disappearance"),
    ("en", "Thousands of protesters marched through Nairobi on Saturday.", "Peaceful protest"),
    ("en", "Air defences shot down two drones over Belgorod late on Wednesday.", "Disrupted weapons use"),
])
def test_sub_event_type(make_parsed: Callable[..., Parsed], code: str, text: str, sub_event_type: str) -> None:
    assert sub_event_type in {e.sub_event_type for e in _events(make_parsed, text, code)}


@pytest.mark.parametrize(("code", "text", "n"), [
    ("fr", "Mardi, des frappes aériennes ont visé les provinces de Ninive, Kirkouk et Salaheddine.", 3),
    ("en", "On Tuesday, air strikes hit Aleppo, Idlib and Hama.", 3),
])
def test_one_event_per_listed_place(make_parsed: Callable[..., Parsed], code: str, text: str, n: int) -> None:
    found = _events(make_parsed, text, code)
    assert len({e.location.gazetteer_id for e in found if e.location}) == n


@pytest.mark.parametrize(("code", "text", "actor1_country", "actor2_kind"), [
    ("fr", "Les forces russes ont bombardé mardi des civils à Kharkiv.", "RU", "civilians"),
    ("en", "Nigerian troops attacked Boko Haram fighters near Maiduguri on Monday.", "NG", "rebel_militia"),
])
def test_actors_through_the_parse(make_parsed: Callable[..., Parsed], code: str, text: str,
                                  actor1_country: str, actor2_kind: str) -> None:
    [ev] = [e for e in _events(make_parsed, text, code) if e.actor1 is not None]
    assert (ev.actor1.country, ev.actor2.kind if ev.actor2 else None) == (actor1_country, actor2_kind)  # type: ignore[union-attr]


def test_repeated_mentions_merge(make_parsed: Callable[..., Parsed]) -> None:
    text = ("Un attentat-suicide a frappé mardi un marché de Mogadiscio. "
            "L'attentat-suicide de mardi à Mogadiscio a été revendiqué par les shebab.")
    found = [e for e in _events(make_parsed, text, "fr") if e.sub_event_type == "Suicide bomb"]
    assert len(found) == 1 and found[0].mentions == 2


def test_instrument_is_not_a_second_event(make_parsed: Callable[..., Parsed]) -> None:
    found = _events(make_parsed, "Mardi, trois frappes aux roquettes ont visé une base près de Bagdad.", "fr")
    assert len(found) == 1


def test_related_links_are_not_events(make_parsed: Callable[..., Parsed]) -> None:
    text = "Des combats ont eu lieu mardi à Goma.\nLire aussi : À Bunia, une attaque contre un camp fait dix morts\n"
    assert all("Bunia" not in e.evidence.text for e in _events(make_parsed, text, "fr"))


@pytest.mark.parametrize("code", ["fr", "en"])
def test_evidence_offsets_cut_the_text(make_parsed: Callable[..., Parsed], code: str) -> None:
    text = {"fr": "Des roquettes ont frappé mardi la base de Balad.\n\nLa police a arrêté trois hommes à Bagdad.",
            "en": "Russian forces shelled Kharkiv overnight.\n\nPolice arrested three men in Kyiv on Monday."}[code]
    for ev in _events(make_parsed, text, code):
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Mardi, une embuscade a visé un convoi sur la route entre Gao et Bourem."),
    ("en", "On Monday, a roadside bomb struck a convoy on the road between Kandahar and Lashkar Gah."),
    ("fr", "Mercredi, des hommes armés ont attaqué un poste militaire près d'Ayorou, dans la région de Tillabéri."),
    ("en", "On Tuesday, an air strike hit a camp near Jilib, in the Middle Juba region."),
])
def test_one_stretch_or_one_area_is_one_place(make_parsed: Callable[..., Parsed], code: str, text: str) -> None:
    assert len(_events(make_parsed, text, code)) == 1


@pytest.mark.parametrize(("code", "text", "sub_event_type"), [
    ("fr", "Mercredi, des obus sont tombés sur un marché de Goma, tuant six civils.", "Shelling/artillery/missile attack"),
    ("en", "On Friday, rockets slammed into the centre of Kharkiv, killing two civilians.", "Shelling/artillery/missile attack"),
])
def test_a_killing_told_as_an_outcome_is_the_toll(make_parsed: Callable[..., Parsed], code: str, text: str,
                                                    sub_event_type: str) -> None:
    assert [e.sub_event_type for e in _events(make_parsed, text, code)] == [sub_event_type]


@pytest.mark.parametrize(("code", "text"), [
    ("en", "On Sunday, the army said its aircraft had destroyed dozens of combat vehicles near El Fasher."),
    ("en", "The rebels said on Sunday they had only returned fire at artillery positions near Goma."),
])
def test_a_trigger_that_qualifies_a_thing_is_no_event(make_parsed: Callable[..., Parsed], code: str, text: str) -> None:
    assert not [e for e in _events(make_parsed, text, code) if e.event_type == "Battles"
                or e.sub_event_type == "Shelling/artillery/missile attack"]


@pytest.mark.parametrize(("code", "text", "n"), [
    ("fr", "Mercredi, des jihadistes ont attaqué un poste militaire près d'Ayorou.\n"
           "Une vingtaine d'assaillants ont été neutralisés, selon l'armée.", 1),
    ("en", "On Tuesday, militants attacked an army post near Grayvoron.\n"
           "The government said the attack had been repelled.", 1),
    # a later mention with a place and a date of its own is another event
    ("en", "On Tuesday, militants attacked an army post near Grayvoron.\n"
           "On Thursday, militants attacked a police station in Kharkiv.", 2),
])
def test_a_later_mention_without_place_echoes_the_event(make_parsed: Callable[..., Parsed], code: str, text: str,
                                                         n: int) -> None:
    assert len([e for e in _events(make_parsed, text, code) if e.event_type == "Battles"]) == n


@pytest.mark.parametrize(("code", "text", "sub_event_type"), [
    ("fr", "Le ministre a averti mardi que l'armée frapperait Beyrouth si les tirs ne cessaient pas à Tyr.", "Armed clash"),
    ("en", "The minister warned on Tuesday that the army would move on Beirut if the shelling of Tyre went on.",
     "Shelling/artillery/missile attack"),
])
def test_an_act_named_in_a_condition_did_not_happen(make_parsed: Callable[..., Parsed], code: str, text: str,
                                                    sub_event_type: str) -> None:
    assert sub_event_type not in {e.sub_event_type for e in _events(make_parsed, text, code)}


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Air defences shot down 10 of 12 attack drones launched at the Odesa region on Wednesday."),
    ("en", "Air defences intercepted two cruise missiles over the Red Sea near Hodeidah on Tuesday."),
])
def test_intercepted_weapons_are_not_strikes(make_parsed: Callable[..., Parsed], code: str, text: str) -> None:
    assert [e.sub_event_type for e in _events(make_parsed, text, code)] == ["Disrupted weapons use"]


@pytest.mark.parametrize(("code", "text", "n"), [
    ("en", "Rebel artillery shells Kharkiv again\n\nOn Wednesday, rebel artillery shelled the centre of Kharkiv, officials said.", 1),
    ("fr", "Des obus tombent sur Goma\n\nMercredi, des obus sont tombés sur un marché de Goma, selon la police.", 1),
    # a headline about a place far from the body's event stays apart
    ("en", "Rebel artillery shells Kharkiv again\n\nOn Wednesday, rebel artillery shelled the centre of Odesa, officials said.", 2),
])
def test_a_headline_event_told_in_the_body_is_one_record(code: str, text: str, n: int) -> None:
    # parse() starts a sentence at each line break, as the pipeline reads a headline
    doc = parse(Article(id="t", text=text, language=code, published=DAY, title=text.split("\n")[0]), Config())
    pack = lang.load(code)
    anchor = timex.infer_anchor(doc, pack, DAY)
    found = events.run(doc, pack, timex.run(doc, pack, anchor), places.run(doc, pack, default_gazetteer()),
                       actors.run(doc, pack), anchor)
    assert len([e for e in found if e.event_type == "Explosions/Remote violence"]) == n


@pytest.mark.parametrize(("code", "text", "n"), [
    ("en", "On Friday, rebel artillery shelled the centre of Belgorod, officials said.\n"
           "Nobody in the West has condemned the shelling of Belgorod.", 1),
    ("fr", "Mercredi, des obus sont tombés sur le centre de Goma, selon la police.\n"
           "Personne n'a revendiqué le bombardement de Goma.", 1),
    # not pointing back, and dated: another event at the same place
    ("en", "On Friday, rebel artillery shelled the centre of Belgorod, officials said.\n"
           "On Sunday, rebel artillery shelled Belgorod again.", 2),
])
def test_a_mention_pointing_back_at_the_same_place_echoes_the_event(make_parsed: Callable[..., Parsed], code: str,
                                                                    text: str, n: int) -> None:
    assert len([e for e in _events(make_parsed, text, code) if e.event_type == "Explosions/Remote violence"]) == n


@pytest.mark.parametrize(("code", "text", "n"), [
    ("en", "Kharkiv is a large city.\nThe army has long said that air strikes are a threat to its bases.", 0),
    ("fr", "Goma est une grande ville.\nL'armée affirme depuis longtemps que les embuscades menacent ses convois.", 0),
    # dated and placed: one event
    ("en", "On Tuesday, air strikes hit Kharkiv, officials said.", 1),
])
def test_generic_plural_mentions_are_no_event(make_parsed: Callable[..., Parsed], code: str, text: str, n: int) -> None:
    assert len(_events(make_parsed, text, code)) == n


@pytest.mark.parametrize(("code", "text"), [
    ("en", "Soldiers guard the scene of a car bomb attack in Mogadishu, October 29, 2022. File photo"),
    ("fr", "Des manifestants à Dakar lors d'une manifestation, en mars 2021. Image d'illustration."),
])
def test_file_picture_captions_hold_no_event(make_parsed: Callable[..., Parsed], code: str, text: str) -> None:
    assert _events(make_parsed, text, code) == []


@pytest.mark.parametrize(("code", "text", "sub_event_type"), [
    # the barracks and the army base would make them clashes; the target says civilians
    ("fr", "Lundi, des jihadistes ont attaqué des civils près de la caserne de Gao.", "Attack"),
    ("en", "On Monday, gunmen attacked civilians near the army base in Maiduguri.", "Attack"),
])
def test_an_assault_is_typed_by_its_target(make_parsed: Callable[..., Parsed], code: str, text: str,
                                           sub_event_type: str) -> None:
    assert [e.sub_event_type for e in _events(make_parsed, text, code)] == [sub_event_type]


@pytest.mark.parametrize(("code", "text", "word"), [
    ("fr", "L'attaque intervient alors que la mission africaine, déployée en 2021 à Pemba, doit partir en juillet.", "déployée"),
    ("en", "The attack came as the African mission, deployed to Pemba in 2021, prepared to leave in July.", "deployed"),
])
def test_a_participle_describing_a_force_is_background(make_parsed: Callable[..., Parsed], code: str, text: str,
                                                       word: str) -> None:
    assert word not in {e.trigger.text for e in _events(make_parsed, text, code)}


def test_merged_mentions_never_make_an_actor_its_own_target() -> None:
    from wirecoder.model import Actor, Evidence, Location, Span

    senegal = Actor(name="Senegal (state_forces)", country="SN", kind="state_forces")
    place = Location(name="Dakar", lat=14.7, lon=-17.4, gazetteer_id="g1", reason="attached")
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "location": place,
            "evidence": Evidence(text="x", start=0, end=1), "trigger": Span(start=0, end=1, text="x")}
    first = Event(id="a", actor1=senegal, **base)  # type: ignore[arg-type]
    second = Event(id="b", actor2=senegal, **base)  # type: ignore[arg-type]
    from wirecoder.stages._events_merge import _combine

    merged = _combine(first, second)
    assert merged.actor1 == senegal and merged.actor2 is None


@pytest.mark.parametrize(("code", "text", "toll"), [
    ("en", "Twenty-five people were killed when gunmen attacked a market in Kano on Monday.", 25),
    ("en", "Gunmen killed 12 villagers near Maiduguri on Monday.", 12),
    ("fr", "Vingt-cinq civils ont été tués lundi dans l'attaque d'un marché à Kano.", 25),
])
def test_tolls_written_in_words_or_digits(make_parsed: Callable[..., Parsed], code: str, text: str, toll: int) -> None:
    assert toll in {e.fatalities for e in _events(make_parsed, text, code)}
