"""techniques: cue spans, support rules, genre, summary, and a loose floor on the hand-written test set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wirecoder import lang
from wirecoder.model import TECHNIQUES, Parsed, TechniqueSpan
from wirecoder.stages import techniques
from wirecoder.stages._techniques_match import matcher

DATA = Path(__file__).resolve().parents[1] / "data" / "techniques"
GOLDS = sorted(DATA.glob("*.gold.json"))


def _run(make_parsed: Callable[..., Parsed], text: str, code: str) -> Any:
    return techniques.run(make_parsed(text, code), lang.load(code))


def _found(make_parsed: Callable[..., Parsed], text: str, code: str) -> set[str]:
    spans, _, _ = _run(make_parsed, text, code)
    return {s.technique for s in spans}


@pytest.mark.parametrize(("code", "text", "technique"), [
    ("fr", "La retraite de la colonne a tourné à la débandade.", "Loaded_Language"),
    ("fr", "Les Yankees ont plié bagage sans demander leur reste.", "Name_Calling-Labeling"),
    ("fr", "Cet éternel occupant refuse toujours de quitter nos terres.", "Name_Calling-Labeling"),
    ("fr", "Ces voyous à la solde de l'étranger ont semé la terreur.", "Name_Calling-Labeling"),
    ("fr", "Le régime de Damas et ses sbires continuent leurs crimes.", "Name_Calling-Labeling"),
    ("fr", "Peu de diplomates croient encore aux promesses de Washington.", "Doubt"),
    ("fr", "Le ministre a accusé Téhéran sans la moindre preuve.", "Doubt"),
    ("fr", "On parle de centaines de blindés, voire de milliers.", "Exaggeration-Minimisation"),
    ("fr", "Tout le monde sait que ce gouvernement est incompétent.", "Appeal_to_Popularity"),
    ("fr", "Tout le monde sait que ce gouvernement est incompétent.", "Questioning_the_Reputation"),
    ("fr", "Il est grand temps d'agir avant qu'il ne soit trop tard.", "Appeal_to_Time"),
    ("fr", "Selon des sources bien informées, l'armée prépare une offensive.", "Appeal_to_Authority"),
    ("fr", "Nos soldats défendent la terre sacrée de la patrie.", "Flag_Waving"),
    ("fr", "Deux poids, deux mesures : voilà leur doctrine.", "Appeal_to_Hypocrisy"),
    ("fr", "Où étaient-ils quand nos villes brûlaient ?", "Whataboutism"),
    ("fr", "Les manifestants scandaient « Liberté, justice, dignité » devant l'ambassade.", "Slogans"),
    ("fr", "Le porte-parole a qualifié les manifestants de « terroristes ».", "Name_Calling-Labeling"),
    ("fr", "Ce n'est pas un hasard si la crise éclate maintenant.", "Causal_Oversimplification"),
    ("fr", "Ils agissent comme les nazis en leur temps.", "Guilt_by_Association"),
    ("en", "The puppet regime in the capital shelled civilians again.", "Name_Calling-Labeling"),
    ("en", "This cowardly and despicable attack will not go unanswered.", "Loaded_Language"),
    ("en", "The so-called peace plan is a cynical ploy.", "Doubt"),
    ("en", "Government forces fired dozens, if not hundreds, of rockets.", "Exaggeration-Minimisation"),
    ("en", "Everyone knows the minister is a liar.", "Appeal_to_Popularity"),
    ("en", "Everyone knows the minister is a liar.", "Questioning_the_Reputation"),
    ("en", "According to informed sources, the plot was hatched abroad.", "Appeal_to_Authority"),
    ("en", "Our brave soldiers defend the motherland.", "Flag_Waving"),
    ("en", "What about the bombs their own allies dropped last year?", "Whataboutism"),
    ("en", "It is the same old double standard from the West.", "Appeal_to_Hypocrisy"),
    ("en", "Either we act now or we lose everything.", "False_Dilemma-No_Choice"),
    ("en", "Marchers chanted \"Hands off our schools\" outside parliament.", "Slogans"),
    ("en", "A spokesman called the fighters \"bandits\" on Monday.", "Name_Calling-Labeling"),
    ("en", "They behave like the Gestapo, critics said.", "Guilt_by_Association"),
])
def test_cue_fires(make_parsed: Callable[..., Parsed], code: str, text: str, technique: str) -> None:
    assert technique in _found(make_parsed, text, code)


@pytest.mark.parametrize(("code", "text"), [
    ("fr", "Des frappes aériennes ont visé dimanche des positions rebelles, a déclaré l'armée."),
    ("fr", "Le gouvernement a annoncé un nouveau régime de sanctions contre Moscou."),
    ("fr", "La bande de Gaza a été visée par des tirs d'artillerie dans la nuit."),
    ("fr", "Le parquet antiterroriste a ouvert une enquête pour association de malfaiteurs."),
    ("fr", "Les troupes d'élite ont été déployées près de la frontière, selon le ministère."),
    ("fr", "Aucune victime n'a été signalée, a indiqué la protection civile."),
    ("fr", "La ministre a jugé la situation « préoccupante » et appelé au calme."),
    ("fr", "Le bilan s'élève à douze morts, selon un responsable local joint par téléphone."),
    ("en", "Air strikes hit rebel positions on Sunday, the army said."),
    ("en", "The government announced a new sanctions regime against the company."),
    ("en", "Elite forces were deployed near the border, the ministry said."),
    ("en", "No one was hurt in the blast, police said."),
    ("en", "Protesters rallied in Martyrs' Square on Friday."),
    ("en", "Militants attacked a checkpoint late on Monday, killing two soldiers, officials said."),
    ("en", "The Department of Homeland Security declined to comment."),
])
def test_neutral_reporting_is_not_flagged(make_parsed: Callable[..., Parsed], code: str, text: str) -> None:
    assert _found(make_parsed, text, code) == set()


@pytest.mark.parametrize(("code", "text", "technique"), [
    # weak cues need support: alone in neutral copy they stay silent
    ("fr", "Le régime a annoncé des élections pour juin, a indiqué l'agence officielle.", "Name_Calling-Labeling"),
    ("en", "The regime announced elections for June, the state news agency said.", "Name_Calling-Labeling"),
    ("en", "The rebels denied the report, a spokesman said.", "Doubt"),
])
def test_weak_cue_without_support_is_silent(make_parsed: Callable[..., Parsed], code: str, text: str,
                                            technique: str) -> None:
    assert technique not in _found(make_parsed, text, code)


@pytest.mark.parametrize(("code", "text", "genre"), [
    ("fr", "PARIS, 3 mars 2024 (Dépêche de test) - Le gouvernement a annoncé mardi un plan d'aide, "
           "a indiqué le ministre. Selon le communiqué, il entrera en vigueur en avril.", "reporting"),
    ("en", "LONDON, March 3 (Test Wire) - The government announced an aid plan on Tuesday, the minister "
           "said. It will take effect in April, according to a statement.", "reporting"),
    ("fr", "Nos dirigeants nous mentent. Ces pantins serviles de Washington, lâches et arrogants, ont trahi "
           "notre pays. Qui peut encore les croire ? Il est grand temps de chasser cette clique !", "opinion"),
    ("en", "Our leaders lie to us. These spineless puppets, cowardly and arrogant, have betrayed our nation. "
           "Who can believe them now? It is time to throw out this corrupt cabal!", "opinion"),
])
def test_genre(make_parsed: Callable[..., Parsed], code: str, text: str, genre: str) -> None:
    _, _, call = _run(make_parsed, text, code)
    assert call.label == genre


def test_genre_evidence_is_named(make_parsed: Callable[..., Parsed]) -> None:
    _, _, call = _run(make_parsed, "Our leaders lie to us. Who can believe them?", "en")
    assert {"first_person", "rhetorical_questions", "attribution", "technique_density"} <= set(call.evidence)


def test_spans_cut_their_text_out_of_the_article(make_parsed: Callable[..., Parsed]) -> None:
    bad: list[tuple[str, TechniqueSpan]] = []
    for gold_path in GOLDS:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (DATA / gold["text_file"]).read_text(encoding="utf-8")
        spans, summary, _ = _run(make_parsed, text, gold["language"])
        bad += [(gold["doc"], s) for s in spans if text[s.start:s.end] != s.text or s.technique not in TECHNIQUES]
        bad += [(gold["doc"], TechniqueSpan(technique="summary", start=m.start, end=m.end, text=m.text))
                for m in summary.most_loaded if text[m.start:m.end] != m.text]
    assert bad == []


def test_every_span_says_why(make_parsed: Callable[..., Parsed]) -> None:
    spans, _, _ = _run(make_parsed, "Les Yankees, ces lâches, ont fui dans une débandade honteuse.", "fr")
    assert spans and all(s.why and s.reason and s.text in s.why and 0 < s.confidence <= 1 for s in spans)


def test_summary_counts_and_share(make_parsed: Callable[..., Parsed]) -> None:
    text = "The cowardly invaders fled in disgrace. The council met on Tuesday. It approved the budget."
    spans, summary, _ = _run(make_parsed, text, "en")
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.technique] = counts.get(s.technique, 0) + 1
    assert (summary.counts, summary.sentence_share, summary.most_loaded[0].text) == (
        counts, round(1 / 3, 3), "The cowardly invaders fled in disgrace.")


def test_empty_text(make_parsed: Callable[..., Parsed]) -> None:
    spans, summary, call = _run(make_parsed, "", "fr")
    assert (spans, summary.sentence_share, call.label) == ([], 0.0, "reporting")


@pytest.mark.parametrize("code", lang.available())
def test_cue_data_names_known_techniques(code: str) -> None:
    data = lang.load(code).techniques
    names = set(data.cues) | set(data.why) | set(data.implies) | {t for ts in data.implies.values() for t in ts}
    assert names <= set(TECHNIQUES)


@pytest.mark.parametrize("code", lang.available())
def test_every_cue_compiles(code: str) -> None:
    m = matcher(code)
    compiled = {c.source for cues in (*m.index.values(), *m.pairs.values()) for c in cues}
    data = lang.load(code).techniques
    written = {e for cues in data.cues.values() for e in (*cues.strong, *cues.weak, *cues.exclude)}
    assert written - compiled == set()


def _paragraph_scores(make_parsed: Callable[..., Parsed]) -> tuple[int, int, int, int, int]:
    tp = fp = fn = neutral = flagged = 0
    for gold_path in GOLDS:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (DATA / gold["text_file"]).read_text(encoding="utf-8")
        spans, _, _ = _run(make_parsed, text, gold["language"])
        for par in gold["paragraph_techniques"]:
            start = text.index(par["anchor"])
            end = text.find("\n", start)
            pred = {s.technique for s in spans if s.start < end and s.end > start}
            want = set(par["techniques"])
            tp, fp, fn = tp + len(pred & want), fp + len(pred - want), fn + len(want - pred)
            if gold["genre"] == "reporting" and not want:
                neutral, flagged = neutral + 1, flagged + bool(pred)
    return tp, fp, fn, neutral, flagged


def test_floor_on_the_test_set(make_parsed: Callable[..., Parsed]) -> None:
    """Loose floor under bench/techniques.py: paragraph F1 >= 0.45, precision >= 0.6, neutral FP <= 10%."""
    tp, fp, fn, neutral, flagged = _paragraph_scores(make_parsed)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert (f1 >= 0.45, precision >= 0.6, flagged / neutral <= 0.1) == (True, True, True)


@pytest.mark.parametrize("code", lang.available())
def test_no_cue_sits_in_two_tiers(code: str) -> None:
    clashes = {(tech, e) for tech, c in lang.load(code).techniques.cues.items()
               for e in (set(c.strong) & set(c.weak)) | (set(c.exclude) & (set(c.strong) | set(c.weak)))}
    assert clashes == set()


@pytest.mark.parametrize(("outlet", "url", "genre"), [
    ("Le Gorafi", None, "satire"),
    (None, "https://www.theonion.com/area-general-1234", "satire"),
    ("Test Wire", "https://example.org/world/1", "reporting"),
])
def test_satirical_outlet_makes_satire(outlet: str | None, url: str | None, genre: str) -> None:
    from wirecoder.model import Article
    from wirecoder.parse import nlp

    text = "PARIS, 3 mars 2024 (Dépêche de test) - Le ministre a annoncé un plan, a-t-il indiqué."
    doc = Parsed(article=Article(id="t", text=text, language="fr", outlet=outlet, url=url), language="fr",
                 doc=nlp("fr")(text))
    assert techniques.run(doc, lang.load("fr"))[2].label == genre
