"""French trigger lexicon (lang/fr/triggers.jsonl): each ACLED sub-event type fires on press sentences;
sport, metaphors and plain politics fire no violent type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from wirecoder import lang
from wirecoder.model import SUB_EVENT_TYPE, Parsed
from wirecoder.stages.events import find_triggers

CODE = "fr"
# event types that a non-event sentence must never produce
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}

POSITIVE: list[tuple[str, str]] = [
    ("Chemical weapon",
     "Les enquêteurs de l'OIAC attribuent au régime l'attaque chimique qui a tué des dizaines de civils à Douma."),
    ("Chemical weapon",
     "Des témoins affirment que des barils de chlore ont été largués sur le quartier par des hélicoptères."),
    ("Chemical weapon",
     "L'armée est accusée d'avoir utilisé du gaz sarin contre les positions rebelles."),
    ("Chemical weapon",
     "Plusieurs habitants ont été gazés lors du bombardement à l'arme chimique de la ville."),
    ("Air/drone strike",
     "Des frappes aériennes ont visé dimanche des positions du groupe Etat islamique près de Raqqa."),
    ("Air/drone strike",
     "Un drone a frappé un véhicule transportant des combattants sur la route de Gao."),
    ("Air/drone strike",
     "L'aviation russe a bombardé plusieurs villages de la province d'Idleb dans la nuit."),
    ("Air/drone strike",
     "Une attaque au drone a visé la base aérienne tôt mercredi matin."),
    ("Air/drone strike",
     "Kiev a été la cible de drones kamikazes lancés depuis le sud."),
    ("Air/drone strike",
     "Un raid aérien israélien a détruit un immeuble dans le sud de Beyrouth."),
    ("Suicide bomb",
     "Un kamikaze s'est fait exploser devant une mosquée chiite, faisant au moins 30 morts."),
    ("Suicide bomb",
     "L'attentat-suicide a été revendiqué par les shebab."),
    ("Suicide bomb",
     "Une femme portant une ceinture d'explosifs s'est fait exploser dans un marché de Maiduguri."),
    ("Suicide bomb",
     "Deux kamikazes ont attaqué le poste de contrôle à l'entrée de la ville."),
    ("Shelling/artillery/missile attack",
     "Des obus de mortier sont tombés sur le centre-ville, blessant trois personnes."),
    ("Shelling/artillery/missile attack",
     "Les forces russes ont pilonné Kharkiv toute la nuit."),
    ("Shelling/artillery/missile attack",
     "Des tirs de roquettes ont visé la zone verte de Bagdad."),
    ("Shelling/artillery/missile attack",
     "L'Iran a tiré des missiles balistiques sur deux bases abritant des soldats américains."),
    ("Shelling/artillery/missile attack",
     "L'artillerie a bombardé les quartiers est de la ville."),
    ("Shelling/artillery/missile attack",
     "Une frappe a touché un dépôt de munitions à la périphérie de Donetsk."),
    ("Remote explosive/landmine/IED",
     "Quatre soldats ont été tués par un engin explosif improvisé au passage de leur convoi."),
    ("Remote explosive/landmine/IED",
     "Une voiture piégée a explosé près d'un poste de police de Mogadiscio."),
    ("Remote explosive/landmine/IED",
     "Un véhicule de la Minusma a sauté sur une mine dans la région de Kidal."),
    ("Remote explosive/landmine/IED",
     "Une bombe artisanale a explosé au passage d'un bus."),
    ("Remote explosive/landmine/IED",
     "Une forte explosion a secoué le centre de Kaboul dans la matinée."),
    ("Grenade",
     "Des inconnus ont lancé une grenade sur un bar du centre de Bujumbura."),
    ("Grenade",
     "L'attaque à la grenade a blessé sept personnes dans un marché."),
    ("Grenade",
     "Un policier a été blessé par l'explosion d'une grenade jetée contre le commissariat."),
    ("Sexual violence",
     "Des dizaines de femmes ont été violées par des hommes armés lors de l'attaque du village."),
    ("Sexual violence",
     "L'ONU dénonce des violences sexuelles systématiques commises par les miliciens."),
    ("Sexual violence",
     "Les survivantes racontent les viols subis pendant leur captivité."),
    ("Sexual violence",
     "Plusieurs fillettes ont été agressées sexuellement dans le camp."),
    ("Attack",
     "Des hommes armés ont massacré une trentaine de villageois dans la nuit de samedi."),
    ("Attack",
     "Six civils ont été tués par des jihadistes présumés dans le nord du Burkina Faso."),
    ("Attack",
     "Les assaillants ont ouvert le feu sur les fidèles réunis dans l'église."),
    ("Attack",
     "Le maire de la commune a été assassiné devant son domicile."),
    ("Attack",
     "Les otages ont été exécutés sommairement par leurs ravisseurs."),
    ("Abduction/forced disappearance",
     "Une quarantaine d'élèves ont été enlevés par des hommes armés dans leur école."),
    ("Abduction/forced disappearance",
     "Le journaliste a été kidnappé à la sortie de son hôtel."),
    ("Abduction/forced disappearance",
     "La prise d'otages a duré plus de dix heures."),
    ("Abduction/forced disappearance",
     "Sa famille dénonce une disparition forcée depuis son arrestation par des hommes en civil."),
    ("Peaceful protest",
     "Des milliers de personnes ont manifesté samedi à Alger contre le pouvoir."),
    ("Peaceful protest",
     "Un rassemblement s'est tenu devant l'ambassade pour réclamer la libération des prisonniers."),
    ("Peaceful protest",
     "Les enseignants sont en grève depuis lundi pour dénoncer leurs conditions de travail."),
    ("Peaceful protest",
     "Les manifestants ont défilé dans le calme en scandant des slogans hostiles au gouvernement."),
    ("Peaceful protest",
     "Des centaines de jeunes sont descendus dans la rue pour exiger des emplois."),
    ("Protest with intervention",
     "La police a dispersé les manifestants à coups de gaz lacrymogène."),
    ("Protest with intervention",
     "Les forces de l'ordre ont fait usage de canons à eau contre le cortège."),
    ("Protest with intervention",
     "Une vingtaine de manifestants ont été interpellés lors du rassemblement interdit."),
    ("Protest with intervention",
     "Les policiers ont tiré des grenades lacrymogènes pour disperser la foule."),
    ("Excessive force against protesters",
     "Les forces de sécurité ont tiré à balles réelles sur les manifestants, tuant au moins douze personnes."),
    ("Excessive force against protesters",
     "Trois manifestants ont été tués par balles lors de la marche."),
    ("Excessive force against protesters",
     "Les soldats ont ouvert le feu sur la foule rassemblée devant le palais."),
    ("Excessive force against protesters",
     "L'opposition dénonce la répression sanglante des manifestations."),
    ("Violent demonstration",
     "Des émeutes ont éclaté dans plusieurs quartiers après la mort du jeune homme."),
    ("Violent demonstration",
     "Les manifestants ont lancé des pierres sur les policiers et incendié des pneus."),
    ("Violent demonstration",
     "Des jeunes ont érigé des barricades et affronté les forces de l'ordre."),
    ("Violent demonstration",
     "Des manifestants en colère ont saccagé le siège du parti au pouvoir."),
    ("Mob violence",
     "Un homme accusé de vol a été lynché par la foule."),
    ("Mob violence",
     "Le suspect a été battu à mort par des habitants en colère."),
    ("Mob violence",
     "La victime a été lapidée par une foule en colère dans le marché."),
    ("Mob violence",
     "Les autorités condamnent cet acte de justice populaire."),
    ("Armed clash",
     "De violents affrontements ont opposé l'armée aux rebelles du M23."),
    ("Armed clash",
     "Des combats ont éclaté entre les deux factions dans le centre de Tripoli."),
    ("Armed clash",
     "Les jihadistes ont attaqué un poste militaire, tuant cinq soldats."),
    ("Armed clash",
     "Une patrouille des FAMa est tombée dans une embuscade près de Ménaka."),
    ("Armed clash",
     "Un échange de tirs a eu lieu entre les garde-frontières des deux pays."),
    ("Government regains territory",
     "L'armée syrienne a repris le contrôle de la ville de Palmyre."),
    ("Government regains territory",
     "Les forces irakiennes ont reconquis Mossoul après neuf mois de combats."),
    ("Government regains territory",
     "Les troupes gouvernementales ont repris la localité aux insurgés."),
    ("Government regains territory",
     "La libération de la ville par l'armée a été saluée par les habitants."),
    ("Non-state actor overtakes territory",
     "Les talibans se sont emparés de Kunduz dimanche."),
    ("Non-state actor overtakes territory",
     "Les rebelles ont pris le contrôle de l'aéroport de la ville."),
    ("Non-state actor overtakes territory",
     "La ville est tombée aux mains des jihadistes après deux jours de combats."),
    ("Non-state actor overtakes territory",
     "Les combattants du M23 ont occupé la localité de Bunagana."),
    ("Agreement",
     "Les deux parties ont signé un accord de paix à Pretoria."),
    ("Agreement",
     "Un cessez-le-feu est entré en vigueur à minuit."),
    ("Agreement",
     "La trêve humanitaire a été prolongée de deux jours."),
    ("Agreement",
     "Un échange de prisonniers a eu lieu entre les belligérants."),
    ("Arrests",
     "Trois suspects ont été arrêtés par la police à Niamey."),
    ("Arrests",
     "Le chef de l'opposition a été placé en garde à vue."),
    ("Arrests",
     "Les services de sécurité ont procédé à l'arrestation de plusieurs militants."),
    ("Arrests",
     "Deux hommes soupçonnés de financer le terrorisme ont été interpellés par les gendarmes."),
    ("Change to group/activity",
     "Washington a annoncé le déploiement de 3 000 soldats supplémentaires dans la région."),
    ("Change to group/activity",
     "La France a achevé le retrait de ses troupes du Mali."),
    ("Change to group/activity",
     "L'armée a envoyé des renforts vers la ville assiégée."),
    ("Change to group/activity",
     "Le groupe a prêté allégeance à l'Etat islamique."),
    ("Disrupted weapons use",
     "La défense antiaérienne a intercepté deux missiles au-dessus de la capitale."),
    ("Disrupted weapons use",
     "Un drone a été abattu par les forces de la coalition."),
    ("Disrupted weapons use",
     "Les démineurs ont désamorcé une bombe placée sous un pont."),
    ("Disrupted weapons use",
     "Une importante cache d'armes a été découverte dans la forêt."),
    ("Headquarters or base established",
     "Les jihadistes ont établi une base dans la forêt du Sambisa."),
    ("Headquarters or base established",
     "L'armée russe a installé son quartier général dans l'ancienne base française."),
    ("Headquarters or base established",
     "Les militaires turcs ont construit une nouvelle base près de la frontière."),
    ("Looting/property destruction",
     "Les assaillants ont pillé et incendié les maisons du village."),
    ("Looting/property destruction",
     "Des boutiques ont été pillées dans le centre-ville pendant la nuit."),
    ("Looting/property destruction",
     "Les miliciens ont mis le feu à plusieurs habitations avant de se retirer."),
    ("Looting/property destruction",
     "Les autorités israéliennes ont procédé à la démolition de deux maisons palestiniennes."),
    ("Non-violent transfer of territory",
     "Les soldats français ont remis les clés de la base de Tessalit à l'armée malienne."),
    ("Non-violent transfer of territory",
     "La coalition a rétrocédé le contrôle de la base aux forces irakiennes."),
    ("Non-violent transfer of territory",
     "Les rebelles sont entrés dans la ville sans combat après le départ de l'armée."),
    ("Non-violent transfer of territory",
     "Les forces américaines ont quitté la base, désormais aux mains des Kurdes."),
    ("Other",
     "Le gouvernement a décrété l'état d'urgence dans trois provinces."),
    ("Other",
     "Un couvre-feu a été instauré dans la capitale."),
    ("Other",
     "Une fosse commune contenant une cinquantaine de corps a été découverte."),
    ("Other",
     "Des militaires ont annoncé un coup d'Etat à la télévision nationale."),
]

NEGATIVE: list[str] = [
    "L'attaquant a décoché une frappe splendide qui a terminé dans la lucarne.",
    "Le PSG a affronté l'OM dimanche soir au Parc des Princes.",
    "Le ministre a lancé une attaque verbale contre l'opposition lors du débat.",
    "Les prix de l'énergie ont explosé depuis le début de l'année.",
    "Une explosion de joie a suivi l'annonce des résultats.",
    "Le président a mené une offensive diplomatique pour obtenir le soutien de ses voisins.",
    "La bataille juridique entre les deux entreprises se poursuit devant le tribunal.",
    "Le candidat a mené un combat politique acharné contre la réforme.",
    "Il a été victime d'une attaque cardiaque à l'âge de 62 ans.",
    "Le gouvernement veut combattre la corruption et le chômage.",
    "Le Rassemblement national a progressé lors des élections régionales.",
    "Le Premier ministre a présenté son budget devant le Parlement.",
    "La Bourse de Paris a fini la séance en hausse de 1,2 %.",
    "Les ouvriers ont enlevé les débris de la chaussée après la tempête.",
    "Ce rapport fait l'effet d'une bombe dans le monde politique.",
    "Le gardien a repoussé le tir de l'attaquant en fin de match.",
    "Le ministre a manifesté son inquiétude face à la hausse des prix.",
    "La société a pris le contrôle de son concurrent pour deux milliards d'euros.",
    "Le pays accuse son voisin d'avoir violé son espace aérien.",
    "Les deux équipes s'affronteront en finale de la Coupe d'Afrique.",
    "Le Premier ministre a été reconduit dans ses fonctions par le président.",
    "L'entreprise a annoncé la reprise de ses activités dans la ville.",
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
