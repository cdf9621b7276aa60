"""English trigger lexicon (lang/en/triggers.jsonl): each ACLED sub-event type fires on press sentences;
sport, metaphors and plain politics fire no violent type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from wirecoder import lang
from wirecoder.model import SUB_EVENT_TYPE, Parsed
from wirecoder.stages.events import find_triggers

CODE = "en"
# event types that a non-event sentence must never produce
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}

POSITIVE: list[tuple[str, str]] = [
    ("Chemical weapon",
     "Inspectors concluded that the regime carried out a chemical attack on the town in April."),
    ("Chemical weapon",
     "Witnesses said helicopters dropped barrels of chlorine gas on the rebel-held district."),
    ("Chemical weapon",
     "The victims showed symptoms consistent with exposure to sarin."),
    ("Chemical weapon",
     "The opposition accused government forces of using chemical weapons near Damascus."),
    ("Air/drone strike",
     "An Israeli airstrike killed three people in southern Lebanon on Tuesday."),
    ("Air/drone strike",
     "A US drone strike targeted a senior al-Shabaab commander near Jilib."),
    ("Air/drone strike",
     "Russian warplanes bombed several villages in Idlib province overnight."),
    ("Air/drone strike",
     "Ukrainian cities came under a wave of kamikaze drone attacks before dawn."),
    ("Air/drone strike",
     "Coalition air strikes hit Houthi positions around the port city of Hodeidah."),
    ("Suicide bomb",
     "A suicide bomber blew himself up at a crowded market in Maiduguri, killing 12."),
    ("Suicide bomb",
     "The Taliban claimed responsibility for the suicide attack on the army compound."),
    ("Suicide bomb",
     "A suicide car bomb exploded at the gate of the military base."),
    ("Suicide bomb",
     "The attacker detonated his explosive vest inside the mosque."),
    ("Shelling/artillery/missile attack",
     "Russian forces shelled Kharkiv throughout the night, officials said."),
    ("Shelling/artillery/missile attack",
     "Three rockets struck the Green Zone, home to the US embassy."),
    ("Shelling/artillery/missile attack",
     "Iran fired ballistic missiles at two bases housing American troops."),
    ("Shelling/artillery/missile attack",
     "Mortar rounds landed near a school in the eastern suburbs."),
    ("Shelling/artillery/missile attack",
     "Artillery fire pounded rebel positions on the outskirts of the city."),
    ("Remote explosive/landmine/IED",
     "Four soldiers were killed when a roadside bomb hit their convoy."),
    ("Remote explosive/landmine/IED",
     "An improvised explosive device detonated near a police checkpoint."),
    ("Remote explosive/landmine/IED",
     "A car bomb exploded outside the ministry, wounding dozens."),
    ("Remote explosive/landmine/IED",
     "Two children were killed after stepping on a landmine near the village."),
    ("Remote explosive/landmine/IED",
     "A powerful blast rocked central Kabul on Sunday morning."),
    ("Grenade",
     "Unknown assailants hurled a grenade into a bar in Bujumbura."),
    ("Grenade",
     "The grenade attack wounded seven people at a bus stop."),
    ("Grenade",
     "Police said a hand grenade was thrown at the house of a local official."),
    ("Sexual violence",
     "Dozens of women were raped by armed men during the attack on the village."),
    ("Sexual violence",
     "The UN report documents widespread sexual violence by the militia."),
    ("Sexual violence",
     "Survivors described being held as sex slaves for months."),
    ("Sexual violence",
     "Several girls were sexually assaulted at the displacement camp."),
    ("Attack",
     "Gunmen massacred more than thirty villagers in the overnight raid."),
    ("Attack",
     "Militants killed six civilians in an attack on a bus in northern Burkina Faso."),
    ("Attack",
     "The attackers opened fire on worshippers gathered inside the church."),
    ("Attack",
     "The mayor was assassinated outside his home on Friday."),
    ("Attack",
     "The hostages were summarily executed by their captors."),
    ("Abduction/forced disappearance",
     "Gunmen abducted more than forty students from their school."),
    ("Abduction/forced disappearance",
     "The journalist was kidnapped as he left his hotel."),
    ("Abduction/forced disappearance",
     "Two aid workers were taken hostage by militants near the border."),
    ("Abduction/forced disappearance",
     "His family says he was forcibly disappeared after being seized by men in plain clothes."),
    ("Peaceful protest",
     "Thousands of people protested in Algiers on Friday against the government."),
    ("Peaceful protest",
     "Hundreds rallied outside the embassy to demand the release of political prisoners."),
    ("Peaceful protest",
     "Teachers have been on strike since Monday over unpaid wages."),
    ("Peaceful protest",
     "Demonstrators marched peacefully through the capital chanting slogans."),
    ("Peaceful protest",
     "Young people took to the streets to demand jobs."),
    ("Protest with intervention",
     "Police fired tear gas to disperse protesters in the capital."),
    ("Protest with intervention",
     "Security forces used water cannon against the crowd outside parliament."),
    ("Protest with intervention",
     "Dozens of protesters were arrested during the banned rally."),
    ("Protest with intervention",
     "Riot police dispersed the demonstration with rubber bullets."),
    ("Excessive force against protesters",
     "Security forces fired live ammunition at protesters, killing at least twelve people."),
    ("Excessive force against protesters",
     "Three protesters were shot dead during the march."),
    ("Excessive force against protesters",
     "Soldiers opened fire on the crowd gathered outside the palace."),
    ("Excessive force against protesters",
     "Rights groups condemned the bloody crackdown on demonstrators."),
    ("Violent demonstration",
     "Riots broke out in several neighbourhoods after the young man's death."),
    ("Violent demonstration",
     "Protesters threw stones at police and set tyres on fire."),
    ("Violent demonstration",
     "Youths erected barricades and clashed with police."),
    ("Violent demonstration",
     "Angry demonstrators ransacked the headquarters of the ruling party."),
    ("Mob violence",
     "A man accused of theft was lynched by a mob."),
    ("Mob violence",
     "The suspect was beaten to death by angry residents."),
    ("Mob violence",
     "Police condemned the latest case of mob justice in the city."),
    ("Mob violence",
     "Vigilantes attacked a group of herders accused of stealing cattle."),
    ("Armed clash",
     "Heavy fighting broke out between the army and M23 rebels."),
    ("Armed clash",
     "Clashes erupted between rival factions in central Tripoli."),
    ("Armed clash",
     "Militants attacked an army outpost, killing five soldiers."),
    ("Armed clash",
     "A patrol was ambushed near Menaka on Sunday."),
    ("Armed clash",
     "Border guards from the two countries exchanged fire overnight."),
    ("Government regains territory",
     "The Syrian army regained control of the city of Palmyra."),
    ("Government regains territory",
     "Iraqi forces recaptured Mosul after nine months of fighting."),
    ("Government regains territory",
     "Government troops retook the town from the insurgents."),
    ("Government regains territory",
     "The liberation of the city by the army was celebrated by residents."),
    ("Non-state actor overtakes territory",
     "The Taliban seized Kunduz on Sunday."),
    ("Non-state actor overtakes territory",
     "Rebels took control of the town's airport."),
    ("Non-state actor overtakes territory",
     "The city fell to the jihadists after two days of fighting."),
    ("Non-state actor overtakes territory",
     "M23 fighters overran an army base near Goma."),
    ("Agreement",
     "The two sides signed a peace agreement in Pretoria."),
    ("Agreement",
     "A ceasefire took effect at midnight."),
    ("Agreement",
     "The humanitarian truce was extended by two days."),
    ("Agreement",
     "The warring parties carried out a prisoner swap on Thursday."),
    ("Arrests",
     "Police arrested three suspects in Niamey."),
    ("Arrests",
     "The opposition leader was taken into custody on Monday."),
    ("Arrests",
     "Security services detained several activists overnight."),
    ("Arrests",
     "Two men suspected of financing terrorism were apprehended by the gendarmerie."),
    ("Change to group/activity",
     "Washington announced the deployment of 3,000 additional troops to the region."),
    ("Change to group/activity",
     "France completed the withdrawal of its troops from Mali."),
    ("Change to group/activity",
     "The army sent reinforcements to the besieged town."),
    ("Change to group/activity",
     "The group pledged allegiance to the Islamic State."),
    ("Disrupted weapons use",
     "Air defences intercepted two missiles over the capital."),
    ("Disrupted weapons use",
     "A drone was shot down by coalition forces."),
    ("Disrupted weapons use",
     "Bomb disposal experts defused a device planted under a bridge."),
    ("Disrupted weapons use",
     "Troops discovered a large weapons cache in the forest."),
    ("Headquarters or base established",
     "The militants set up a base in the Sambisa forest."),
    ("Headquarters or base established",
     "Russian forces established their headquarters at the former French base."),
    ("Headquarters or base established",
     "Turkish troops built a new military base near the border."),
    ("Looting/property destruction",
     "The attackers looted and torched houses in the village."),
    ("Looting/property destruction",
     "Shops were looted in the city centre overnight."),
    ("Looting/property destruction",
     "The militiamen set fire to several homes before withdrawing."),
    ("Looting/property destruction",
     "Israeli authorities demolished two Palestinian homes in the West Bank."),
    ("Non-violent transfer of territory",
     "French soldiers handed over the Tessalit base to the Malian army."),
    ("Non-violent transfer of territory",
     "The coalition transferred control of the base to Iraqi forces."),
    ("Non-violent transfer of territory",
     "The rebels entered the town without a fight after the army left."),
    ("Non-violent transfer of territory",
     "US forces withdrew from the base, which is now held by Kurdish fighters."),
    ("Other",
     "The government declared a state of emergency in three provinces."),
    ("Other",
     "A curfew was imposed in the capital."),
    ("Other",
     "A mass grave containing some fifty bodies was discovered."),
    ("Other",
     "Soldiers announced a coup on state television."),
    ("Air/drone strike",
     "Army helicopters opened fire on a convoy of rebel vehicles."),
    ("Air/drone strike",
     "Coalition jets destroyed a fuel depot near Sanaa, the alliance said."),
    ("Shelling/artillery/missile attack",
     "The hospital was hit twice during the night, its director said."),
    ("Non-violent transfer of territory",
     "The rebels entered the town without meeting any resistance."),
    ("Non-violent transfer of territory",
     "The fighters evacuated the town overnight as the army approached."),
    ("Disrupted weapons use",
     "Air defences shot down at least five drones over the city."),
    ("Attack",
     "Gunmen killed at least 29 boys at a boarding school in the north."),
]

NEGATIVE: list[str] = [
    "The striker unleashed a powerful strike that flew into the top corner.",
    "Arsenal will clash with Chelsea in the FA Cup semi-final on Saturday.",
    "The senator launched a scathing attack on the president's budget plan.",
    "Oil prices exploded after the announcement, traders said.",
    "The report landed like a bombshell in Washington.",
    "The two companies are locked in a bitter legal battle over the patent.",
    "The candidate vowed to keep fighting corruption and poverty.",
    "Workers at the car plant went on strike over pay.",
    "She suffered a heart attack at the age of 62.",
    "The stock market rallied on Friday as investors cheered the rate cut.",
    "The minister lodged a formal protest with the ambassador.",
    "The government is fighting a war of words with the opposition over taxes.",
    "The company took control of its rival in a two-billion-dollar deal.",
    "The prime minister presented the budget to parliament on Wednesday.",
    "The coach said his team had been killed by the referee's decisions.",
    "The singer's new album was a smash hit, selling a million copies in a week.",
    "The price war between supermarkets has hurt small shops.",
    "The startup's sales have exploded since it launched its app.",
    "Police released a statement about the traffic changes on Monday.",
    "The film shoots in Morocco next spring.",
]


def labels(make_parsed: Callable[..., Parsed], text: str) -> set[str]:
    return {trig.label for _, trig in find_triggers(make_parsed(text, CODE), lang.load(CODE))}


@pytest.mark.parametrize(("label", "text"), POSITIVE)
def test_sentence_fires_its_sub_event_type(make_parsed: Callable[..., Parsed], label: str, text: str) -> None:
    assert label in labels(make_parsed, text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_non_event_sentence_fires_no_violent_type(make_parsed: Callable[..., Parsed], text: str) -> None:
    assert not {SUB_EVENT_TYPE[label] for label in labels(make_parsed, text)} & VIOLENT


@pytest.mark.parametrize("sub_event_type", sorted(SUB_EVENT_TYPE))
def test_every_sub_event_type_has_a_trigger(sub_event_type: str) -> None:
    assert sub_event_type in {trig.label for trig in lang.load(CODE).triggers}


@pytest.mark.parametrize("sub_event_type", sorted(SUB_EVENT_TYPE))
def test_every_sub_event_type_has_three_test_sentences(sub_event_type: str) -> None:
    assert Counter(label for label, _ in POSITIVE)[sub_event_type] >= 3


def test_trigger_labels_are_acled_sub_event_types() -> None:
    assert {trig.label for trig in lang.load(CODE).triggers} <= set(SUB_EVENT_TYPE)


def test_trigger_ids_are_unique_and_prefixed() -> None:
    ids = [trig.id for trig in lang.load(CODE).triggers]
    assert len(ids) == len(set(ids)) and all(i.startswith(CODE + ".") for i in ids)


def test_context_words_are_lower_case() -> None:
    words = [w for trig in lang.load(CODE).triggers for w in trig.requires + trig.excludes]
    assert [w for w in words if w != w.lower() or " " in w] == []
