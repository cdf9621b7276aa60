"""actors: who acted and who was targeted, on sentences we wrote (French and English).

Each case gives the trigger's words and the expected actors: a name ("Islamic State"),
"CC/kind" for a country and a kind ("RU/state_forces"), "/kind" for a kind in any
country, or None for no actor. bench/actors.py reads the same table for its accuracy figure.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from wirecoder import lang
from wirecoder.model import Actor, Article, Config, Parsed, Span
from wirecoder.parse import nlp
from wirecoder.stages import actors
from wirecoder.stages._events_args import arguments


class Case(NamedTuple):
    code: str
    text: str
    trigger: str
    actor1: str | None
    actor2: str | None


CASES = [
    # the trigger's subject, object, passive agent and passive subject
    Case("fr", "Les soldats maliens ont attaqué mardi des jihadistes près de Mopti.", "attaqué", "ML/state_forces", "/rebel_militia"),
    Case("fr", "Des hommes armés ont enlevé dimanche une vingtaine de villageois dans le nord du Nigeria.", "enlevé",
         "Unidentified Armed Group", "/civilians"),
    Case("fr", "Trois civils ont été tués par des jihadistes de l'État islamique près de Ménaka.", "tués", "Islamic State", "/civilians"),
    Case("fr", "Des assaillants non identifiés ont tué cinq gendarmes burkinabè à Djibo.", "tué", "Unidentified Armed Group",
         "BF/state_forces"),
    Case("fr", "Des colons israéliens ont attaqué des agriculteurs palestiniens en Cisjordanie.", "attaqué", "IL/identity_militia",
         "PS/civilians"),
    Case("fr", "Plusieurs élèves ont été enlevés par des bandits armés dans l'État de Zamfara.", "enlevés", "Unidentified Armed Group",
         "/civilians"),
    Case("fr", "Les Houthis ont tiré un missile contre un navire marchand en mer Rouge.", "tiré", "Houthis (Ansar Allah)", None),
    Case("fr", "L'aviation russe a bombardé des zones rebelles dans la province d'Idleb.", "bombardé", "RU/state_forces", "/rebel_militia"),
    Case("fr", "Ils ont été enlevés par des hommes armés non identifiés à la sortie de la ville.", "enlevés",
         "Unidentified Armed Group", None),
    Case("en", "US troops killed three militants in a raid in eastern Syria.", "killed", "US/state_forces", "/rebel_militia"),
    Case("en", "Five villagers were killed by suspected Boko Haram fighters near Maiduguri.", "killed", "Boko Haram", "/civilians"),
    Case("en", "Unidentified attackers ambushed a convoy of Malian soldiers near Gao.", "ambushed", "Unidentified Armed Group",
         "ML/state_forces"),
    Case("en", "Hamas fighters attacked Israeli soldiers near the border fence.", "attacked", "Hamas", "IL/state_forces"),
    Case("en", "Civilians were shot dead by soldiers at a checkpoint in Rakhine state.", "shot", "/state_forces", "/civilians"),
    Case("en", "The Taliban detained two journalists in Kabul.", "detained", "Taliban", "/civilians"),
    Case("en", "Police fired tear gas at protesters in Nairobi on Tuesday.", "fired", "KE/state_forces", "/protesters"),
    Case("en", "Government forces recaptured the town of Kidal from the rebels.", "recaptured", "/state_forces", "/rebel_militia"),
    # a country or its capital acting as the state; a capital that only speaks is no actor
    Case("fr", "Moscou a frappé dans la nuit des infrastructures énergétiques à Kharkiv.", "frappé", "RU/state_forces", None),
    Case("fr", "Israël a bombardé lundi des positions du Hezbollah dans le sud du Liban.", "bombardé", "IL/state_forces", "Hezbollah"),
    Case("fr", "Les États-Unis ont bombardé des entrepôts d'armes dans l'est de la Syrie.", "bombardé", "US/state_forces", None),
    Case("fr", "Kiev a affirmé que l'armée russe avait bombardé Odessa dans la nuit.", "bombardé", "RU/state_forces", None),
    Case("en", "Israel struck targets in southern Lebanon overnight.", "struck", "IL/state_forces", None),
    Case("en", "Kyiv said Russian forces shelled residential areas of Kharkiv.", "shelled", "RU/state_forces", None),
    Case("en", "Iran attacked Israel with hundreds of drones and missiles.", "attacked", "IR/state_forces", "IL/state_forces"),
    # the police or the army of the country the article is about
    Case("fr", "La police a dispersé les manifestants à coups de gaz lacrymogène à Dakar.", "dispersé", "SN/state_forces",
         "/protesters"),
    Case("fr", "Les gendarmes ont arrêté trois suspects à Bamako.", "arrêté", "ML/state_forces", None),
    # noun triggers: genitive, possessor, demonym, agent and target prepositions
    Case("fr", "L'attaque des shebab contre une base de l'armée somalienne a fait dix morts.", "attaque", "Al-Shabaab",
         "SO/state_forces"),
    Case("fr", "Les frappes de l'armée israélienne contre le Hamas ont fait trente morts.", "frappes", "IL/state_forces", "Hamas"),
    Case("fr", "Deux soldats ukrainiens ont été tués dans une frappe russe près de Bakhmout.", "frappe", "RU/state_forces",
         "UA/state_forces"),
    Case("en", "Al-Shabaab's attack on an army base in Lower Shabelle left 12 soldiers dead.", "attack", "Al-Shabaab", "/state_forces"),
    Case("en", "An attack by ISWAP militants on a military post killed seven soldiers.", "attack",
         "Islamic State West Africa Province", "/state_forces"),
    Case("en", "Russia's strike on a hospital in Kharkiv killed four doctors.", "strike", "RU/state_forces", "/civilians"),
    Case("en", "Israeli airstrikes killed 20 civilians in Gaza City.", "killed", "IL/state_forces", "/civilians"),
    Case("en", "A raid on a police station in Cauca left two officers dead.", "raid", None, "/state_forces"),
    # a light verb lends its subject to the noun trigger
    Case("fr", "L'armée nigériane a mené une frappe aérienne contre des positions de Boko Haram.", "frappe", "NG/state_forces",
         "Boko Haram"),
    Case("en", "The Sudanese army carried out air strikes on RSF positions in Omdurman.", "air strikes", "SD/state_forces",
         "Rapid Support Forces"),
    Case("en", "Houthi rebels launched a missile attack against a commercial vessel in the Red Sea.", "attack",
         "Houthis (Ansar Allah)", None),
    Case("en", "Moscow launched a massive drone attack on Kyiv overnight.", "attack", "RU/state_forces", "UA/state_forces"),
    # a verb with no subject of its own takes the one of the verb it hangs on
    Case("fr", "Des miliciens ont incendié le village et tué plusieurs éleveurs.", "tué", "/rebel_militia", "/civilians"),
    Case("fr", "Les mercenaires de Wagner ont exécuté des dizaines de civils à Moura.", "exécuté", "Wagner Group", "/civilians"),
    Case("en", "Gunmen stormed a church in Owo and killed at least 40 worshippers.", "killed", "Unidentified Armed Group",
         "/civilians"),
    Case("en", "The militants who attacked the base in Kidal fled into the desert.", "attacked", "/rebel_militia", None),
    # claims of responsibility, in the same sentence or the next
    Case("fr", "Le groupe État islamique a revendiqué l'attentat qui a tué douze fidèles dans une mosquée.", "tué", "Islamic State",
         "/civilians"),
    Case("fr", "Un kamikaze s'est fait exploser devant un commissariat ; l'État islamique a revendiqué l'attaque.", "exploser",
         "Islamic State", None),
    Case("en", "A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers. "
         "ISKP claimed responsibility for the attack.", "killing", "Islamic State Khorasan Province", "/civilians"),
    Case("en", "Soldiers arrested two men after the blast. Al-Shabaab claimed responsibility for the bombing.", "arrested",
         "/state_forces", None),
    # light coreference: "le groupe", "the militants", "ils", "they"
    Case("fr", "Les jihadistes du JNIM ont encerclé le camp de Boulkessi à l'aube. Le groupe a ensuite attaqué les soldats.",
         "attaqué", "JNIM: Group for Support of Islam and Muslims", "/state_forces"),
    Case("fr", "Des terroristes ont attaqué un poste militaire à Diapaga. Ils ont ensuite incendié des véhicules.", "incendié",
         "/rebel_militia", None),
    Case("en", "Al-Shabaab fighters overran a military base in Middle Shabelle on Sunday. The militants later burned "
         "several houses.", "burned", "Al-Shabaab", None),
    Case("en", "The army said it had killed 15 terrorists in air strikes in Borno.", "killed", "/state_forces", "/rebel_militia"),
    # two sides set against each other; the one accused; a thing wielded by its owner; a denied claim
    Case("en", "Clashes between the army and the rebels killed ten people near Goma.", "Clashes", "/state_forces",
         "/rebel_militia"),
    Case("fr", "De violents combats ont opposé l'armée aux rebelles près de Sake.", "combats", "/state_forces", "/rebel_militia"),
    Case("en", "The ministry accused the militia of shelling a hospital in the north.", "shelling", "/rebel_militia", None),
    Case("fr", "L'attaque menée par des jihadistes contre le camp militaire a fait dix morts.", "attaque", "/rebel_militia",
         "/state_forces"),
    Case("fr", "Des obus tirés par les rebelles sont tombés sur le marché central.", "obus", "/rebel_militia", None),
    Case("en", "The army said its helicopters had struck rebel camps in the hills.", "struck", "/state_forces", "/rebel_militia"),
    Case("fr", "Un chef de milice a affirmé que ses hommes avaient attaqué le poste de police.", "attaqué", "/rebel_militia",
         "/state_forces"),
    Case("en", "Al-Shabaab fighters are active in the area. No group has claimed the bombing.", "bombing", None, None),
    # the trigger names who acted; a pronoun in what someone said is that someone; clashes with a side
    Case("en", "Hundreds of protesters in the capital on Saturday.", "protesters", "/protesters", None),
    Case("en", "The police said they had arrested 30 people in the capital.", "arrested", "/state_forces", "/civilians"),
    Case("en", "Soldiers clashed with militants near the border on Friday.", "clashed", "/state_forces", "/rebel_militia"),
    Case("fr", "Des militaires se sont accrochés avec des insurgés près de la frontière.", "accrochés", "/state_forces",
         "/rebel_militia"),
    Case("en", "Kyiv forces shelled the town overnight, the governor said.", "shelled", "UA/state_forces", None),
    Case("en", "ADF fighters raided a village in Beni on Sunday. The army later shelled rebel hideouts in the forest.", "shelled",
         "/state_forces", "Allied Democratic Forces"),
    Case("en", "The attack comes as the peacekeeping mission prepares to leave the region.", "attack", None, None),
    Case("fr", "L'attaque survient alors que les casques bleus doivent quitter la région.", "attaque", None, None),
    Case("en", "Al-Shabaab fighters were seen near Baidoa. The group has been blamed for several attacks on convoys.",
         "attacks", "Al-Shabaab", None),
    Case("fr", "Les rebelles ont été accusés d'avoir incendié plusieurs villages.", "incendié", "/rebel_militia", None),
    Case("en", "Parents of the kidnapped students protested outside the governor's office.", "protested", "/civilians", None),
    Case("fr", "Les autorités ukrainiennes ont accusé Moscou d'une frappe sur un hôpital.", "frappe", "RU/state_forces", None),
    Case("fr", "L'attaque du poste de police par des hommes armés a fait trois morts.", "attaque", "Unidentified Armed Group",
         "/state_forces"),
    Case("en", "The attack on the army base by Boko Haram fighters killed five soldiers.", "attack", "Boko Haram", "/state_forces"),
    # an unknown proper-name actor keeps its surface text
    Case("en", "The Arakan Army captured the town of Paletwa on Monday.", "captured", "Arakan Army", None),
    Case("fr", "Le Front de libération de l'Azawad a attaqué un camp de l'armée près de Kidal.", "attaqué",
         "Azawad Liberation Front", "/state_forces"),
]


def found(case: Case) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2) for a case's trigger, through actors.run and the argument attachment."""
    doc = Parsed(article=Article(id="t", text=case.text, language=case.code), language=case.code,
                 doc=nlp(case.code, Config().model_size)(case.text))
    pack = lang.load(case.code)
    start = case.text.index(case.trigger)
    trigger = Span(start=start, end=start + len(case.trigger), text=case.trigger)
    return arguments(doc, trigger, actors.run(doc, pack), pack)


def agrees(actor: Actor | None, want: str | None) -> bool:
    """Whether an actor is the one a case expects (by name, or by country and kind)."""
    if want is None or actor is None:
        return want is None and actor is None
    if "/" in want and " " not in want:
        country, kind = want.split("/")
        return actor.kind == kind and (not country or actor.country == country)
    return actor.name == want


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_actor1(case: Case) -> None:
    assert agrees(found(case)[0], case.actor1)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_actor2(case: Case) -> None:
    assert agrees(found(case)[1], case.actor2)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{i}" for i, c in enumerate(CASES)])
def test_actor2_is_never_actor1(case: Case) -> None:
    actor1, actor2 = found(case)
    assert actor1 is None or actor2 is None or actor1.name != actor2.name


@pytest.mark.parametrize(("code", "text", "name"), [
    ("fr", "Des hommes armés ont attaqué un village.", "Unidentified Armed Group"),
    ("fr", "Les assaillants ont pris la fuite.", "Unidentified Armed Group"),
    ("en", "Unknown gunmen opened fire on a bus.", "Unidentified Armed Group"),
    ("en", "The attackers fled on motorbikes.", "Unidentified Armed Group"),
    ("fr", "Des soldats russes ont été vus près de la frontière.", "Russia (state_forces)"),
    ("en", "Nigerian troops were deployed to the area.", "Nigeria (state_forces)"),
])
def test_mention_names(code: str, text: str, name: str) -> None:
    doc = Parsed(article=Article(id="t", text=text, language=code), language=code, doc=nlp(code, Config().model_size)(text))
    assert name in {m.actor.name for m in actors.run(doc, lang.load(code))}


@pytest.mark.parametrize(("code", "text", "country"), [
    ("fr", "La police a arrêté dix personnes à Bamako. Le Mali traverse une crise depuis 2012.", "ML"),
    ("en", "Police arrested ten people in Nairobi, Kenyan officials said.", "KE"),
])
def test_police_take_the_articles_country(code: str, text: str, country: str) -> None:
    doc = Parsed(article=Article(id="t", text=text, language=code), language=code, doc=nlp(code, Config().model_size)(text))
    police = [m.actor for m in actors.run(doc, lang.load(code)) if m.actor.kind == "state_forces"]
    assert [a.country for a in police] == [country]
