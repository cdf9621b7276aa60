"""The time stage: expressions, anchoring, publication-date inference and event dating."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wirecoder import lang
from wirecoder.model import Anchor, EventDate, Parsed, Span, Timex
from wirecoder.stages import timex

DATA = Path(__file__).resolve().parents[1] / "data" / "timex"
SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED_TEXT = SHARED / "seeds" / "presstv-fr-ain-al-asad.txt"
SEED_GOLD = SHARED / "eval" / "dev" / "presstv-fr-ain-al-asad.gold.json"
FLOOR = 0.95  # share of the test set found with the right interval (bench/timex.py prints the figure)
D = date.fromisoformat

MakeParsed = Callable[..., Parsed]


def timexes(make_parsed: MakeParsed, text: str, code: str, published: date | None) -> list[Timex]:
    doc = make_parsed(text, code, published=published)
    pack = lang.load(code)
    return timex.run(doc, pack, timex.infer_anchor(doc, pack, published))


def interval(found: list[Timex], text: str, expr: str) -> tuple[date | None, date | None] | None:
    """The interval of the timex that covers ``expr`` in ``text``."""
    mid = text.index(expr) + len(expr) // 2
    hits = [t for t in found if t.span.start <= mid < t.span.end]
    return (hits[0].start, hits[0].end) if hits else None


def dated(make_parsed: MakeParsed, text: str, code: str, published: date | None, trigger: str,
          *, future: bool = False) -> EventDate:
    """The event date ``event_date`` gives the event named by the word ``trigger``."""
    doc = make_parsed(text, code, published=published)
    pack = lang.load(code)
    anchor = timex.infer_anchor(doc, pack, published)
    at = text.index(trigger)
    span = Span(start=at, end=at + len(trigger), text=trigger)
    return timex.event_date(span, doc, timex.run(doc, pack, anchor), anchor, future=future)


# --------------------------------------------------------------------------- expressions

EXPRESSIONS = [
    # weekday arithmetic across a year boundary, a leap day, a month boundary
    ("fr", "2021-01-04", "Jeudi, deux soldats ont été tués.", "Jeudi", "2020-12-31", "2020-12-31"),
    ("fr", "2021-01-04", "Lundi dernier, la ville a été bombardée.", "Lundi dernier", "2020-12-28", "2020-12-28"),
    ("en", "2020-03-01", "A drone struck the town on Saturday.", "Saturday", "2020-02-29", "2020-02-29"),
    ("en", "2019-11-01", "Protesters blocked the roads on Tuesday.", "Tuesday", "2019-10-29", "2019-10-29"),
    # a weekday on the publication day is that day; "last" is strictly before
    ("en", "2023-06-25", "The fighters left the city on Sunday.", "Sunday", "2023-06-25", "2023-06-25"),
    ("en", "2023-06-25", "Last Sunday, the fighters left the city.", "Last Sunday", "2023-06-18", "2023-06-18"),
    # a future clause points forward
    ("fr", "2022-01-01", "Le sommet doit s'ouvrir mardi.", "mardi", "2022-01-04", "2022-01-04"),
    ("en", "2022-01-01", "The summit will open on Tuesday.", "Tuesday", "2022-01-04", "2022-01-04"),
    # two-day nights, spans and durations
    ("fr", "2021-08-28", "Dans la nuit de vendredi à samedi, une frappe a visé un véhicule.",
     "Dans la nuit de vendredi à samedi", "2021-08-27", "2021-08-28"),
    ("fr", "2020-03-18", "Depuis mercredi dernier, trois bases ont été visées.", "Depuis mercredi dernier",
     "2020-03-11", "2020-03-18"),
    ("en", "2019-04-14", "Fighting has raged from April 4 to 6 in the south.", "from April 4 to 6", "2019-04-04", "2019-04-06"),
    # a date without a year takes the anchor's, or the year before when it would lie ahead
    ("fr", "2022-01-03", "Le 30 décembre, une bombe a explosé.", "30 décembre", "2021-12-30", "2021-12-30"),
    ("en", "2014-04-30", "Mothers protested on Tuesday, April 29.", "Tuesday, April 29", "2014-04-29", "2014-04-29"),
    # relative to the previous date in the text
    ("fr", "2022-04-08", "Vendredi matin, un train a été visé. La veille, une gare avait été bombardée.", "La veille",
     "2022-04-07", "2022-04-07"),
    ("en", "2019-04-14", "The rebels took the airport on April 6. The army retook it the following day.",
     "the following day", "2019-04-07", "2019-04-07"),
    # a year alone is a year
    ("fr", "2020-03-18", "L'invasion de 2003 a changé le pays.", "2003", "2003-01-01", "2003-12-31"),
]


@pytest.mark.parametrize(("code", "published", "text", "expr", "start", "end"), EXPRESSIONS)
def test_expression_interval(make_parsed: MakeParsed, code: str, published: str, text: str, expr: str,
                             start: str, end: str) -> None:
    found = timexes(make_parsed, text, code, D(published))
    assert interval(found, text, expr) == (D(start), D(end))


def _cases(code: str) -> list[dict[str, Any]]:
    lines = (DATA / f"{code}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_test_set_is_big_enough(code: str) -> None:
    assert len(_cases(code)) >= 75


@pytest.mark.parametrize("code", ["fr", "en"])
def test_test_set_floor(make_parsed: MakeParsed, code: str) -> None:
    right = 0
    cases = _cases(code)
    for case in cases:
        found = timexes(make_parsed, case["text"], code, D(case["published"]))
        right += interval(found, case["text"], case["expr"]) == (D(case["start"]), D(case["end"]))
    assert right / len(cases) >= FLOOR


def test_spans_cut_their_own_text(make_parsed: MakeParsed) -> None:
    text = ("NAIROBI, Sept 23 (Wire) - Troops fought gunmen for a third day on Monday. "
            "The attack began on Saturday; since Saturday, 62 people have died.")
    found = timexes(make_parsed, text, "en", None)
    assert found and all(text[t.span.start:t.span.end] == t.span.text for t in found)


def test_unresolved_without_anchor(make_parsed: MakeParsed) -> None:
    found = timex.run(make_parsed("Mardi, une bombe a explosé.", "fr"), lang.load("fr"), Anchor(day=None))
    assert [(t.span.text, t.start) for t in found] == [("Mardi", None)]


# --------------------------------------------------------------------------- anchoring

INFERRED = [
    ("fr", "BAMAKO, 12 mai 2021 (Agence) - Une embuscade a fait dix morts mardi.", "2021-05-12"),
    ("en", "MOSUL, Nov 4 (Wire) - A car bomb exploded on Monday, the police said. Attacks have grown since 2015.",
     "2019-11-04"),
    ("fr", "Rédaction Afrique | 03.02.2022\nMercredi, des hommes armés ont attaqué un marché.", "2022-02-03"),
    ("fr", "La frappe du samedi 14 septembre, comme celle du 1er septembre 2019, visait un dépôt.", "2019-09-14"),
    ("en", "JUBA, March 2 (Wire) - Fighting that began on Feb. 26, 2021, spread to the capital.", "2021-03-02"),
    ("fr", "Publié le 05/02/2022 à 10h15\nLe 1er février 2022, des hommes armés ont attaqué un camp.", "2022-02-05"),
    ("en", "Updated January 9, 2023\nOn January 6, 2023, gunmen attacked a camp. On Saturday, troops arrived.", "2023-01-09"),
    ("en", "The strike of Friday, March 13 followed the January 8, 2020 missile attack. "
     "On Tuesday, the coalition left the base.", "2020-03-17"),
    # header lines holding the date between separators; a title-case dateline
    ("en", "Rebels shell the port\n\nState Radio - World service, March 16, 2024\n\n"
     "On Friday, rockets hit the port. On Thursday, troops shelled a village.", "2024-03-16"),
    ("en", "Strikes hit the north\n\nJan. 12, 2024 | By our correspondents\n\n"
     "On Thursday, jets struck an airport.", "2024-01-12"),
    ("en", "Police stations attacked\n\nBy A Reporter | May 21, 2024 | Quito\n\n"
     "Late on Monday, gunmen attacked two police stations.", "2024-05-21"),
    ("fr", "Les prisons attaquées\n\nPar la rédaction, avec agences — 4 mars 2024\n\n"
     "Samedi soir, des gangs ont attaqué deux prisons. Dimanche, le couvre-feu a été décrété.", "2024-03-04"),
    ("en", "Siege ends\n\nMogadishu, 15.03.2024 - Security forces on Friday ended a siege that began on Thursday.",
     "2024-03-15"),
]


@pytest.mark.parametrize(("code", "text", "day"), INFERRED)
def test_publication_day_inferred(make_parsed: MakeParsed, code: str, text: str, day: str) -> None:
    assert timex.infer_anchor(make_parsed(text, code), lang.load(code), None) == \
        Anchor(day=D(day), inferred=True, evidence=timex.infer_anchor(make_parsed(text, code), lang.load(code), None).evidence)


def test_given_publication_day_is_the_anchor(make_parsed: MakeParsed) -> None:
    doc = make_parsed("KABOUL, 28 août 2021 (Agence) - Jeudi, une explosion.", "fr", published=D("2021-08-29"))
    assert timex.infer_anchor(doc, lang.load("fr"), D("2021-08-29")) == Anchor(day=D("2021-08-29"), inferred=False)


def test_a_report_published_in_the_text_is_no_byline(make_parsed: MakeParsed) -> None:
    doc = make_parsed("Mardi, selon un rapport publié le 3 mars 2021, une bombe a explosé.", "fr")
    assert not (timex.infer_anchor(doc, lang.load("fr"), None).evidence or "").startswith("byline")


def test_inferred_anchor_says_why(make_parsed: MakeParsed) -> None:
    doc = make_parsed("BAMAKO, 12 mai 2021 (Agence) - Une embuscade a fait dix morts.", "fr")
    assert "dateline" in (timex.infer_anchor(doc, lang.load("fr"), None).evidence or "")


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Mardi, une bombe a explosé près du marché."),
    ("en", "NAIROBI, Sept 23 (Wire) - Gunmen stormed a mall."),
])
def test_nothing_dates_the_article(make_parsed: MakeParsed, code: str, text: str) -> None:
    anchor = timex.infer_anchor(make_parsed(text, code), lang.load(code), None)
    assert anchor.day is None and anchor.evidence


# --------------------------------------------------------------------------- event dating

EVENT_DATES = [
    # the expression in the trigger's clause wins over others in the sentence
    ("fr", "2020-03-18", "Ce matin, deux roquettes ont visé l'ambassade, fermée depuis le 5 janvier.", "visé",
     "2020-03-18", "2020-03-18", "same-clause"),
    ("en", "2019-04-14", "On Monday, a warplane struck the airport, which had reopened in March.", "struck",
     "2019-04-08", "2019-04-08", "same-clause"),
    # a paragraph that starts with a date dates its following sentences; a body paragraph with no
    # date of its own between them has moved the story on
    ("en", "2019-04-14", "On Monday, gunmen stormed a village.\nAid groups have long warned of the risk.\n"
     "The army killed 12 people.", "killed", "2019-04-14", "2019-04-14", "publication-date"),
    ("en", "2019-04-14", "On Monday, gunmen stormed a village. They killed 12 people.", "killed",
     "2019-04-08", "2019-04-08", "paragraph-date"),
    # a year alone does not date an event outside its own clause
    ("en", "2020-03-18", "The division, which fought in the 2003 invasion, was attacked near the base.", "attacked",
     "2020-03-18", "2020-03-18", "publication-date"),
    ("en", "2020-03-18", "In 2003, troops invaded the country.", "invaded", "2003-01-01", "2003-12-31", "same-clause"),
    # a past event never ends after the anchor
    ("fr", "2020-03-18", "Les tirs ont repris ces sept derniers jours.", "repris", "2020-03-11", "2020-03-18", "same-clause"),
    # nothing in the text: the publication day
    ("fr", "2020-03-18", "Des roquettes ont visé la base.", "visé", "2020-03-18", "2020-03-18", "publication-date"),
    # a paragraph with no date goes on with the scene the paragraph above set
    ("fr", "2024-03-04", "Des hommes armés ont attaqué samedi soir la prison centrale.\n\n"
     "Au centre-ville, ils ont affronté les gardiens pendant des heures.", "affronté",
     "2024-03-02", "2024-03-02", "previous-paragraph-date"),
    ("en", "2024-03-16", "Rockets hit the city centre. On Friday afternoon, two civilians were killed.\n\n"
     "Air defences intercepted six rockets over the region.", "intercepted", "2024-03-15", "2024-03-15",
     "previous-paragraph-date"),
    # ... over a caption (its own credit or brackets) and an update note, not from them
    ("en", "2024-03-15", "Gunmen stormed a hotel in the capital on Thursday, police said.\n\n"
     "[Photo: soldiers outside a hotel, October 29, 2022. File photo]\n\n"
     "The gunmen held dozens of guests hostage.", "held", "2024-03-14", "2024-03-14", "previous-paragraph-date"),
    ("fr", "2024-02-08", "Des obus sont tombés mercredi à l'aube près du camp.\n\n(Précisions au 3e paragraphe)\n\n"
     "Deux obus ont frappé les abords de l'hôpital.", "frappé", "2024-02-07", "2024-02-07",
     "previous-paragraph-date"),
    # the paragraph above's scene is its event's date, not the day its speaker spoke
    ("fr", "2024-05-16", "Douze soldats ont été tués mercredi dans une attaque, a annoncé jeudi le ministère.\n\n"
     "Des assaillants à moto ont pris d'assaut le poste.", "pris", "2024-05-15", "2024-05-15",
     "previous-paragraph-date"),
    # a sentence with a coarse date of its own takes nothing from above; an adjunct takes its main clause's
    ("en", "2024-03-15", "Last week, a bomb struck a convoy.\n\n"
     "The government launched an offensive in 2022, recapturing dozens of towns.", "recapturing",
     "2022-01-01", "2022-12-31", "same-sentence"),
    # a speaking's date, when nothing else in the paragraph dates it: the event is no later
    ("en", "2024-05-16", "Military intelligence said last week that its drones had sunk a patrol boat. "
     "The navy denied that any ship had been lost.", "lost", "2024-05-06", "2024-05-12", "paragraph-date"),
    # a headline below a caption tells the lead's event
    ("fr", "2024-02-08", "Des soldats sur la route, le 3 novembre 2023. Image d'illustration. © Agence\n\n"
     "Des obus tombent près de Goma\n\nGOMA, 8 févr. 2024 (Agence) - Des obus sont tombés mercredi près d'un camp.",
     "obus tombent", "2024-02-07", "2024-02-07", "lead-date"),
    # an expected event takes no past date from the sentences before it, a past one no forward date
    ("fr", "2024-02-08", "Mardi, l'armée a repoussé une attaque. Des renforts doivent être déployés dans la région.",
     "déployés", "2024-02-08", "2024-02-08", "publication-date"),
    ("fr", "2024-02-08", "Le gouvernement promet des renforts dans les prochains jours. Des rebelles ont pillé un entrepôt.",
     "pillé", "2024-02-08", "2024-02-08", "publication-date"),
]


@pytest.mark.parametrize(("code", "published", "text", "trigger", "start", "end", "reason"), EVENT_DATES)
def test_event_date(make_parsed: MakeParsed, code: str, published: str, text: str, trigger: str,
                    start: str, end: str, reason: str) -> None:
    got = dated(make_parsed, text, code, D(published), trigger)
    assert (got.start, got.end, got.reason) == (D(start), D(end), reason)


def test_publication_date_has_lower_precision(make_parsed: MakeParsed) -> None:
    assert dated(make_parsed, "Des roquettes ont visé la base.", "fr", D("2020-03-18"), "visé").precision == 2


def test_range_stays_a_range(make_parsed: MakeParsed) -> None:
    got = dated(make_parsed, "Une double attaque a visé la base entre 7 et 9 mars.", "fr", D("2020-03-18"), "visé")
    assert (got.start, got.end, got.text) == (D("2020-03-07"), D("2020-03-09"), "entre 7 et 9 mars")


def test_event_without_anchor_keeps_text_only_date(make_parsed: MakeParsed) -> None:
    got = dated(make_parsed, "Mardi, une bombe a explosé près du marché.", "fr", None, "explosé")
    assert (got.start, got.text) == (None, "Mardi")


FUTURE = [
    ("fr", "Les troupes américaines devraient se retirer de la base.", "retirer"),
    ("fr", "Après l'attaque de lundi, les soldats devraient quitter la base.", "quitter"),
    ("en", "Troops are expected to withdraw from the base, officials said on Monday.", "withdraw"),
    ("en", "The army will launch an offensive, a week after Tuesday's attack.", "launch"),
]


@pytest.mark.parametrize(("code", "text", "trigger"), FUTURE)
def test_future_event_not_dated_in_the_past(make_parsed: MakeParsed, code: str, text: str, trigger: str) -> None:
    got = dated(make_parsed, text, code, D("2020-03-18"), trigger, future=True)
    assert got.end is None or got.end >= D("2020-03-18")


def test_future_event_takes_a_forward_date(make_parsed: MakeParsed) -> None:
    text = "Les derniers soldats doivent avoir quitté le pays d'ici mardi 31 août."
    got = dated(make_parsed, text, "fr", D("2021-08-28"), "quitté", future=True)
    assert (got.start, got.end) == (D("2021-08-28"), D("2021-08-31"))


# --------------------------------------------------------------------------- the seed article


def _seed_events() -> list[dict[str, Any]]:
    if not SEED_GOLD.exists():
        return []
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return [e for e in gold["events"] if e["required"] and e["date"]["start"]]


def _seed_trigger(doc: Parsed, evidence: str) -> Span:
    """The first verb of the gold evidence (its first part), as an events stage would name it."""
    text = " ".join(doc.article.text.replace("’", "'").split(" "))
    pieces = [p.split(" ... ")[0].replace("’", "'") for p in evidence.split(" / ")]
    piece = next(p for p in pieces if p in text)
    at = text.index(piece)
    span = doc.doc.char_span(at, at + len(piece), alignment_mode="expand")
    verbs = [t for t in span if t.pos_ == "VERB"]
    tok = verbs[0] if verbs else span.root
    return Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text)


def _overlaps(got: EventDate, want: dict[str, str]) -> bool:
    """The scorer's rule: the intervals overlap, one day of slack either side."""
    if got.start is None or got.end is None:
        return False
    return (got.start - D(want["end"])).days <= 1 and (D(want["start"]) - got.end).days <= 1


@pytest.fixture(scope="module")
def seed(make_parsed: MakeParsed) -> dict[str, Any]:
    if not SEED_TEXT.exists():
        pytest.skip("the shared seed article is not checked out beside the repository")
    out: dict[str, Any] = {}
    for mode, published in (("given", D("2020-03-18")), ("inferred", None)):
        doc = make_parsed(SEED_TEXT.read_text(encoding="utf-8"), "fr", published=published)
        anchor = timex.infer_anchor(doc, lang.load("fr"), published)
        out[mode] = (doc, anchor, timex.run(doc, lang.load("fr"), anchor))
    return out


@pytest.mark.parametrize("event", _seed_events(), ids=lambda e: e["id"])
def test_seed_event_date_with_publication_date(seed: dict[str, Any], event: dict[str, Any]) -> None:
    doc, anchor, found = seed["given"]
    assert _overlaps(timex.event_date(_seed_trigger(doc, event["evidence"]), doc, found, anchor), event["date"])


def test_seed_publication_date_inferred(seed: dict[str, Any]) -> None:
    anchor = seed["inferred"][1]
    assert anchor.inferred and anchor.day in (D("2020-03-17"), D("2020-03-18"))


@pytest.mark.parametrize("event", _seed_events(), ids=lambda e: e["id"])
def test_seed_event_date_follows_inferred_date(seed: dict[str, Any], event: dict[str, Any]) -> None:
    doc, anchor, found = seed["inferred"]
    assert _overlaps(timex.event_date(_seed_trigger(doc, event["evidence"]), doc, found, anchor), event["date"])


def test_noun_trigger_takes_the_date_of_its_own_modifier(make_parsed: MakeParsed) -> None:
    text = "L'armée a annoncé mardi le bilan de l'embuscade tendue dans la nuit de vendredi à samedi près du fleuve."
    got = dated(make_parsed, text, "fr", D("2022-06-14"), "embuscade")
    assert (got.start, got.end) == (D("2022-06-10"), D("2022-06-11"))


def test_headline_takes_the_lead_date(make_parsed: MakeParsed) -> None:
    text = ("Rebels shell the port city as talks stall\n\n"
            "LAGOS, May 3 (Wire) - Rebels shelled the port on Friday, officials said.")
    got = dated(make_parsed, text, "en", D("2022-05-03"), "shell")
    assert (got.start, got.reason) == (D("2022-04-29"), "lead-date")


@pytest.mark.parametrize("text", ["", "   \n\n  ", "2024", "Le 29 février, rien.", "Mardi\n\nmardi."])
def test_odd_texts_do_not_break_the_stage(make_parsed: MakeParsed, text: str) -> None:
    doc = make_parsed(text, "fr", published=D("2025-03-01"))
    found = timex.run(doc, lang.load("fr"), timex.infer_anchor(doc, lang.load("fr"), None))
    assert all(text[t.span.start:t.span.end] == t.span.text for t in found)


@pytest.mark.parametrize(("code", "text", "forward"), [
    ("fr", "Les syndicats manifesteront demain.", True),
    ("fr", "Les soldats doivent partir d'ici vendredi.", True),
    ("en", "Talks will resume next week.", True),
    ("fr", "Hier, une bombe a explosé.", False),
    # the simple conditional is a past report's future; the compound one a hedged past
    ("fr", "Selon le ministre, le convoi partirait lundi vers le nord.", True),
    ("fr", "Le ministre a indiqué que les troupes quitteraient la base vendredi.", True),
    ("fr", "Les rebelles auraient attaqué le village lundi.", False),
    ("fr", "Les rebelles contrôleraient la ville depuis lundi.", False),
    ("fr", "Les rebelles tiraient sur la ville lundi.", False),
    ("en", "A bomb exploded this morning.", False),
])
def test_forward_expressions_are_marked(make_parsed: MakeParsed, code: str, text: str, forward: bool) -> None:
    found = timexes(make_parsed, text, code, D("2022-01-05"))
    assert [t.future for t in found] == [forward]


COUNTED = [
    ("fr", "Le 3 mai, des rebelles ont pris la ville ; deux jours plus tard, l'armée l'a reprise.", "deux jours plus tard",
     "2021-05-05", "2021-05-05"),
    ("fr", "Le 10 mai, un convoi a été attaqué. Trois jours auparavant, un pont avait sauté.", "Trois jours auparavant",
     "2021-05-07", "2021-05-07"),
    ("en", "Rebels took the town on May 3. Two days later, the army retook it.", "Two days later", "2021-05-05", "2021-05-05"),
    # "that night" after a named night is the same night, not the one after it
    ("fr", "Dans la nuit du 18 au 19 mai, deux gardes ont été tués. Dans la nuit, des jeunes ont incendié des bus.",
     "Dans la nuit, des", "2021-05-18", "2021-05-19"),
    ("fr", "Le 18 mai, la ville a été bombardée. Dans la nuit, des renforts sont arrivés.", "Dans la nuit, des",
     "2021-05-18", "2021-05-19"),
    ("en", "A convoy was attacked on May 10; a week earlier, a bridge had been blown up.", "a week earlier",
     "2021-04-30", "2021-05-06"),
]


@pytest.mark.parametrize(("code", "text", "expr", "start", "end"), COUNTED)
def test_counted_offset_from_the_previous_date(make_parsed: MakeParsed, code: str, text: str, expr: str,
                                               start: str, end: str) -> None:
    found = timexes(make_parsed, text, code, D("2021-05-20"))
    assert interval(found, text, expr) == (D(start), D(end))


@pytest.mark.parametrize(("text", "want"), [
    ("The city has been under siege for two weeks.", (D("2021-05-06"), D("2021-05-20"))),
    ("Troops have fought the rebels for ten days.", (D("2021-05-10"), D("2021-05-20"))),
    ("The battle lasted for two hours on Monday.", (None, None)),
])
def test_for_a_duration_dates_only_the_present_perfect(make_parsed: MakeParsed, text: str,
                                                      want: tuple[date | None, date | None]) -> None:
    found = timexes(make_parsed, text, "en", D("2021-05-20"))
    assert interval(found, text, "for") == want


def test_dateline_date_does_not_govern_the_lead(make_parsed: MakeParsed) -> None:
    text = "GOMA, June 7 (Wire) - Rebels shelled the airport on Sunday, officials said."
    got = dated(make_parsed, text, "en", D("2022-06-07"), "shelled")
    assert (got.start, got.text) == (D("2022-06-05"), "on Sunday")


@pytest.mark.parametrize(("text", "day"), [
    ("Officials said the curfew would be lifted on Tuesday.", "2019-04-23"),
    ("Officials said the rebels would have struck on Tuesday without the warning.", "2019-04-16"),
])
def test_would_points_forward_unless_perfect(make_parsed: MakeParsed, text: str, day: str) -> None:
    found = timexes(make_parsed, text, "en", D("2019-04-22"))
    assert interval(found, text, "Tuesday") == (D(day), D(day))
