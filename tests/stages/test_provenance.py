"""provenance: who asserts each event and how firmly (issue 5).

Literal cases one assertion each, a floor on the hand-written test set
(tests/data/provenance/*.jsonl; bench/provenance.py prints the full figures),
span integrity, and the seed-article checks when ../shared is present.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from wirecoder import lang
from wirecoder.model import Attribution, Claim, Event, Evidence, OutletProfile, Parsed, Span
from wirecoder.stages import provenance

DATA = Path(__file__).resolve().parents[1] / "data" / "provenance"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "presstv-fr-ain-al-asad.txt"
FLOOR = 0.85  # bench/provenance.py measures about 0.99 on this set; the floor leaves room for model drift
FACTUALITIES = ("asserted", "reported", "hedged", "future", "denied")
CORE_PATTERNS = ("outlet", "said", "incise", "told-agency", "quote", "quote-continued", "caption",
                 "claim-responsibility", "denial", "negation", "hedge-word", "hedge-verb", "unverified", "question",
                 "modal", "future-tense", "threat", "pronoun", "hypothetical", "anonymous")
# the same patterns in each language's own form: "selon" / "according to", the conditional / "may have"
LANGUAGE_PATTERNS = {"fr": ("selon", "conditional"), "en": ("according-to", "modal-perfect")}


def cases(code: str, name: str | None = None) -> list[dict[str, object]]:
    path = DATA / f"{name or code}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def event_at(text: str, word: str) -> Event:
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    assert m is not None, word
    return Event(id="e", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                 evidence=Evidence(text=text, start=0, end=len(text)),
                 trigger=Span(start=m.start(), end=m.end(), text=word))


@pytest.fixture(scope="module")
def judge(make_parsed: Callable[..., Parsed]) -> Callable[[str, str, str], tuple[Event, list[Claim], Parsed]]:
    def run(text: str, word: str, code: str) -> tuple[Event, list[Claim], Parsed]:
        doc = make_parsed(text, code)
        (event,), claims = provenance.run(doc, lang.load(code), [event_at(text, word)], None)
        return event, claims, doc

    return run


def attribution_ok(gold: object, got: Attribution | None) -> bool:
    if not isinstance(gold, dict) or got is None:
        return gold is None and got is None
    seen = " ".join(x for x in (got.name, got.role, got.text) if x).casefold()
    return gold.get("kind", got.kind) == got.kind and str(gold.get("name", "")).casefold() in seen


@pytest.mark.parametrize(("code", "text", "word", "want"), [
    ("fr", "Des frappes aériennes ont touché un dépôt de munitions près de Homs.", "touché", "asserted"),
    ("fr", "Selon des sources médicales, le raid a tué neuf personnes.", "raid", "reported"),
    ("fr", "Une frappe de drone aurait tué deux commandants du groupe.", "tué", "hedged"),
    ("fr", "Les troupes devraient se retirer de la ville avant l'été.", "retirer", "future"),
    ("fr", "L'armée a démenti avoir bombardé le marché.", "bombardé", "denied"),
    ("fr", "Les miliciens n'ont pas attaqué le convoi.", "attaqué", "denied"),
    ("fr", "Les rebelles ont-ils bombardé l'hôpital ?", "bombardé", "hedged"),
    ("fr", "Le groupe a menacé d'attaquer les navires en mer Rouge.", "attaquer", "future"),
    ("en", "Artillery shelled the eastern districts overnight.", "shelled", "asserted"),
    ("en", "The ministry said troops had repelled an assault on the airport.", "repelled", "reported"),
    ("en", "The gunmen reportedly killed three villagers.", "killed", "hedged"),
    ("en", "The rebels are expected to attack the city within days.", "attack", "future"),
    ("en", "The army denied that it had bombed the camp.", "bombed", "denied"),
    ("en", "The strike may have destroyed the bridge.", "destroyed", "hedged"),
    ("en", "Troops will withdraw from the region next month.", "withdraw", "future"),
    # a denial that points back at what was just claimed
    ("fr", "Le président a annoncé la prise de la ville. Le ministère de la Défense adverse a aussitôt démenti.",
     "prise", "denied"),
    ("en", "The militia said it had seized the airport, which the army denied.", "seized", "denied"),
    # a source of the toll only: the event named as the setting of the deaths stays the outlet's
    ("fr", "Huit civils ont été tués mardi dans un bombardement sur un marché de Lyssytchansk, selon les secours.",
     "bombardement", "asserted"),
    ("en", "Six people died in clashes between herders and farmers near Jos, police said.", "clashes", "asserted"),
    ("en", "The army said soldiers killed four insurgents in a raid on a camp near Diffa.", "raid", "reported"),
    ("en", "Rebel commanders said twelve of their fighters were killed.", "fighters", "reported"),
    # a preposition of time on the event verb or inside what is said does not cut the source off
    ("en", "Air defences downed six drones during the night raid, the army said.", "downed", "reported"),
    ("fr", "Des ONG accusent l'armée d'avoir tué des villageois lors d'un raid près de Mopti.", "raid", "reported"),
    # "..., selon X." closing the sentence sources all of it
    ("fr", "Mardi, un bus a sauté sur une mine près de Kaya, tuant sept passagers, selon des sources locales.",
     "sauté", "reported"),
    # "ne" alone with pouvoir; a later sentence naming the claim it could not verify
    ("fr", "L'armée affirme avoir détruit un camp rebelle près de Beni, ce qui n'a pu être vérifié.", "détruit",
     "hedged"),
    ("en", "The militia said its fighters had shot down an army helicopter near the lake. The claim could not be "
           "independently verified, and the army did not comment on the loss of any aircraft that week.", "shot",
     "hedged"),
    # "..., the group that runs it said." with "said" parsed as a second relative clause of "group"
    ("en", "Militiamen looted a school in Ituri on Friday, the organisation that funds it said.", "looted",
     "reported"),
    # "s'entendre" (agree) is not "entendre" (intend)
    ("fr", "Les deux camps se sont entendus mardi sur une trêve à Genève.", "trêve", "asserted"),
    ("fr", "Le gouvernement entend lancer une offensive contre les rebelles.", "offensive", "future"),
    # the source named once at the end of a short account
    ("en", "On Monday a fuel tanker hit a mine off Berdiansk. Its crew was rescued and the vessel was towed away, "
           "the coast guard said.", "hit", "reported"),
])
def test_factuality(judge: Callable[..., tuple[Event, list[Claim], Parsed]], code: str, text: str, word: str,
                    want: str) -> None:
    assert judge(text, word, code)[0].factuality == want


@pytest.mark.parametrize(("code", "text", "word", "kind", "name"), [
    ("fr", "Selon le porte-parole de l'armée, Karim Haddad, les rebelles ont pilonné la ville.", "pilonné",
     "named", "Karim Haddad"),
    ("fr", "Les assaillants ont incendié l'église, a indiqué à l'AFP une source sécuritaire.", "incendié",
     "anonymous", "source"),
    ("fr", "Un village en ruines après le bombardement de la veille/AFP\nLe calme est revenu.", "bombardement",
     "agency", "Agence France-Presse"),
    ("en", "According to the interior ministry, police arrested twelve suspects.", "arrested", "official",
     "interior ministry"),
    ("en", "Militants attacked the checkpoint at dawn, a police officer told Reuters.", "attacked", "anonymous",
     "police officer"),
    ("en", "\"They burned the school,\" said Musa Adamu, a farmer. \"Then they looted the shops.\"", "looted",
     "named", "Musa Adamu"),
    # a dateline's city is not the speaker; "the same source" is the last one named; a capital speaks for
    # its government; a bracketed aside cut at its comma leaves no half bracket in the name
    ("en", "KABUL, March 3 (Wire) - The interior ministry said gunmen attacked a checkpoint in the city.",
     "attacked", "official", "interior ministry"),
    ("fr", "Des hommes armés ont incendié un poste à Ouallam, selon la gendarmerie. Ils ont aussi pillé une "
           "école à Tillia, selon la même source.", "pillé", "official", "gendarmerie"),
    ("fr", "Moscou a affirmé que ses troupes avaient repoussé une attaque près de Koupiansk.", "repoussé",
     "official", "Moscou"),
    # a document speaks for whoever it is of
    ("fr", "Des obus ont touché un hôpital de Kherson, selon un bilan provisoire des autorités régionales.",
     "touché", "official", "autorités régionales"),
    ("en", "Rebels shelled the town overnight, according to a statement from the regional governor.", "shelled",
     "official", "regional governor"),
])
def test_attribution(judge: Callable[..., tuple[Event, list[Claim], Parsed]], code: str, text: str, word: str,
                     kind: str, name: str) -> None:
    got = judge(text, word, code)[0].attributed_to
    assert got is not None and (got.kind, name in (got.name or "") + (got.text or "")) == (kind, True)


def test_bracketed_aside_is_not_cut_in_half(judge: Callable[..., tuple[Event, list[Claim], Parsed]]) -> None:
    text = "Une frappe a visé une moto près de Tyr, selon la Radio nationale du Liban (RNL, publique)."
    got = judge(text, "frappe", "fr")[0].attributed_to
    assert got is not None and got.name is not None and got.name.count("(") == got.name.count(")")


def test_outlet_own_reporters_do_not_distance_the_event(make_parsed: Callable[..., Parsed]) -> None:
    text = "Des magasins ont été pillés dans le centre de Dakar, ont constaté des journalistes de la Dépêche test."
    (event,), _ = provenance.run(make_parsed(text, "fr"), lang.load("fr"), [event_at(text, "pillés")],
                                 OutletProfile(name="Dépêche test"))
    assert (event.factuality, event.attributed_to and event.attributed_to.kind) == ("asserted", "outlet")


def test_background_event_is_not_sourced_by_the_sentence_speaker(
        judge: Callable[..., tuple[Event, list[Claim], Parsed]]) -> None:
    text = "After the attack on the base, the ministry said troops were on alert."
    assert judge(text, "attack", "en")[0].attributed_to is None


@pytest.mark.parametrize("code", ["fr", "en"])
def test_outlet_asserted_events_have_no_attribution(judge: Callable[..., tuple[Event, list[Claim], Parsed]],
                                                    code: str) -> None:
    text = {"fr": "Deux roquettes ont visé l'ambassade dans la nuit.", "en": "Two rockets hit the embassy at night."}
    word = {"fr": "visé", "en": "hit"}
    assert judge(text[code], word[code], code)[0].attributed_to is None


@pytest.mark.parametrize("code", ["fr", "en"])
def test_test_set_floor(judge: Callable[..., tuple[Event, list[Claim], Parsed]], code: str) -> None:
    rows = cases(code)
    got = [judge(str(r["text"]), str(r["trigger"]), code)[0] for r in rows]
    fact = sum(e.factuality == r["factuality"] for e, r in zip(got, rows, strict=True)) / len(rows)
    att = sum(attribution_ok(r["attributed_to"], e.attributed_to) for e, r in zip(got, rows, strict=True)) / len(rows)
    assert min(fact, att) >= FLOOR, f"factuality {fact:.2f}, attribution {att:.2f}"


@pytest.mark.parametrize("code", ["fr", "en"])
def test_test_set_covers_every_value_and_pattern(code: str) -> None:
    rows = cases(code)
    seen = {str(r["factuality"]) for r in rows} | {str(r["pattern"]) for r in rows}
    assert {*FACTUALITIES, *CORE_PATTERNS, *LANGUAGE_PATTERNS[code]} - seen == set()


def test_test_set_size() -> None:
    assert len(cases("fr")) + len(cases("en")) >= 120


@pytest.mark.parametrize("code", ["fr", "en"])
def test_spans_cut_the_text(judge: Callable[..., tuple[Event, list[Claim], Parsed]], code: str) -> None:
    bad = []
    for r in cases(code):
        event, claims, doc = judge(str(r["text"]), str(r["trigger"]), code)
        text = doc.article.text
        a = event.attributed_to
        if a is not None and a.start is not None and text[a.start:a.end] != a.text:
            bad.append(a.text)
        bad.extend(c.text for c in claims if not c.text or text[c.start:c.end] != c.text)
    assert bad == []


def test_claims_say_who_said_what(judge: Callable[..., tuple[Event, list[Claim], Parsed]]) -> None:
    text = "Le ministère de la Défense a démenti avoir bombardé l'hôpital de la ville."
    _, claims, _ = judge(text, "bombardé", "fr")
    assert [(c.speaker, c.stance, c.text) for c in claims] == [
        ("ministère de la Défense", "denies", "avoir bombardé l'hôpital de la ville")]


def test_claim_of_responsibility(judge: Callable[..., tuple[Event, list[Claim], Parsed]]) -> None:
    _, claims, _ = judge("Les shebab ont revendiqué l'attentat contre la base.", "attentat", "fr")
    assert [c.stance for c in claims] == ["claims_responsibility"]


def test_run_keeps_events_in_order_with_reasons(make_parsed: Callable[..., Parsed]) -> None:
    text = "Selon la police, des hommes armés ont attaqué un bus. Le bilan pourrait s'alourdir."
    doc = make_parsed(text, "fr")
    events = [event_at(text, "attaqué"), event_at(text, "alourdir")]
    outlet = OutletProfile(name="Le Monde", ownership="private", country="FR")
    out, _ = provenance.run(doc, lang.load("fr"), events, outlet)
    assert [(e.trigger, e.factuality, "factuality" in e.reasons) for e in out] == [
        (events[0].trigger, "reported", True), (events[1].trigger, "future", True)]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not checked out beside the repo")
@pytest.mark.parametrize(("word", "want", "source"), [
    ("accueille", "reported", "Badr"),
    ("déployés", "hedged", None),
    ("redéploiement", "reported", "coalition"),
    ("retirent", "future", None),
    ("Mossoul", "future", None),
])
def test_seed_article(make_parsed: Callable[..., Parsed], word: str, want: str, source: str | None) -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = _seed_doc(make_parsed, text)
    (event,), _ = provenance.run(doc, lang.load("fr"), [event_at(text, word)], None)
    got = event.attributed_to
    seen = " ".join(x for x in (got.name, got.role, got.text) if x) if got else ""
    assert (event.factuality, source is None or source in seen) == (want, True)


_SEED_DOCS: dict[str, Parsed] = {}


def _seed_doc(make_parsed: Callable[..., Parsed], text: str) -> Parsed:
    if text not in _SEED_DOCS:  # parse the seed once for the five checks
        _SEED_DOCS[text] = make_parsed(text, "fr")
    return _SEED_DOCS[text]
