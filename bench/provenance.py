"""Provenance-stage figures (run by hand): ``.venv/bin/python bench/provenance.py [-v]``.

1. Test set (tests/data/provenance/{fr,en}.jsonl): factuality accuracy per gold class
   (target 90%), attribution accuracy (null vs a source; kind and name where the case
   gives them) and accuracy per attribution pattern; ``-v`` lists the misses. Then the
   same on heldout_{fr,en}.jsonl, written after the first round of tuning: first measured at
   95% factuality / 92% attribution; later general fixes were seen against it, so it is no
   longer blind.
2. The seed article (../shared/seeds, gold in ../shared/eval/dev): the checks of issue 5,
   on events placed at the words that name them, then on the full pipeline's events.
3. Speed of ``run()`` per article (the seed and the ten dispatches).
4. Full pipeline, on events matched to required gold events (wirecoder.evaluate.match): gold
   factuality against ours, per class, on the project's own articles (tests/data/articles and
   examples) and on the dispatches; ``-v`` lists each disagreement with our evidence and reason.
   A disagreement is often a match on another mention of the event (the evidence shows it).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from wirecoder import lang
from wirecoder.model import Article, Attribution, Config, Event, Evidence, Parsed, Span
from wirecoder.parse import nlp
from wirecoder.stages import provenance

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "provenance"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "presstv-fr-ain-al-asad.txt"
SPEED_EVENTS = 15
CLASSES = ("asserted", "reported", "hedged", "future", "denied")
# issue 5's seed checks: (what, the word naming the event, expected factuality, a word the source must carry)
SEED_CHECKS = [
    ("101st deployment at Ain al-Asad", "accueille", "reported", "Badr"),
    ("Patriot deployment", "déployés", "hedged", None),
    ("al-Qaim handover (announcement)", "remis", "reported", "coalition"),
    ("al-Qaim handover (quoted)", "redéploiement", "reported", "coalition"),
    ("expected withdrawal from K1", "retirent", "future", None),
    ("expected withdrawal from Mosul", "Mossoul", "future", None),
]


def cases(code: str) -> list[dict[str, object]]:
    path = DATA / f"{code}.jsonl"  # "fr", "en", or "heldout_fr" / "heldout_en" (never tuned on)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parsed(text: str, code: str, outlet: str | None = None) -> Parsed:
    article = Article(id="b", text=text, language=code, outlet=outlet)
    return Parsed(article=article, language=code, doc=nlp(code, Config().model_size)(text))


def event_at(text: str, word: str, n: int = 0) -> Event:
    """An event named by the n-th whole-word occurrence of ``word``."""
    m = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))[n]
    return Event(id=word, event_type="Battles", sub_event_type="Armed clash",
                 evidence=Evidence(text=text, start=0, end=len(text)),
                 trigger=Span(start=m.start(), end=m.end(), text=word))


def attribution_ok(gold: dict[str, str] | None, got: Attribution | None) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    if "kind" in gold and gold["kind"] != got.kind:
        return False
    seen = " ".join(x for x in (got.name, got.role, got.text) if x).casefold()
    return "name" not in gold or gold["name"].casefold() in seen


def test_set(verbose: bool, prefix: str = "") -> None:
    print(f"1. test set{' (held out: written after the first tuning; first measured 95% / 92%)' if prefix else ''}")
    fact, fact_ok, att_ok, pat, pat_ok = Counter[str](), Counter[str](), 0, Counter[str](), Counter[str]()
    total = 0
    for code in ("fr", "en"):
        pack = lang.load(code)
        for case in cases(prefix + code):
            text, gold_fact = str(case["text"]), str(case["factuality"])
            gold_att = case["attributed_to"]
            (event,), _claims = provenance.run(parsed(text, code), pack, [event_at(text, str(case["trigger"]))], None)
            total += 1
            f_ok = event.factuality == gold_fact
            a_ok = attribution_ok(gold_att if isinstance(gold_att, dict) else None, event.attributed_to)
            fact[gold_fact] += 1
            fact_ok[gold_fact] += f_ok
            att_ok += a_ok
            pat[str(case["pattern"])] += 1
            pat_ok[str(case["pattern"])] += f_ok and a_ok
            if verbose and not (f_ok and a_ok):
                got = event.attributed_to
                print(f"   MISS [{code}] {case['pattern']}: {text[:100]!r} trigger={case['trigger']!r}\n"
                      f"        factuality {event.factuality} (gold {gold_fact}) {event.reasons}\n"
                      f"        attributed {got.kind + ': ' + str(got.name) if got else None} (gold {gold_att})")
    print(f"   {total} cases")
    for value in CLASSES:
        print(f"   factuality {value:9} {fact_ok[value]:3}/{fact[value]:3}  {fact_ok[value] / max(fact[value], 1):.0%}")
    print(f"   factuality overall     {sum(fact_ok.values()):3}/{total:3}  {sum(fact_ok.values()) / total:.0%}")
    print(f"   attribution            {att_ok:3}/{total:3}  {att_ok / total:.0%}")
    print("   both right, by pattern: " + ", ".join(f"{p} {pat_ok[p]}/{n}" for p, n in sorted(pat.items())))


def seed_checks() -> None:
    print("2. seed article (issue 5 checks)")
    if not SEED.exists():
        print("   seed not found, skipped")
        return
    text = SEED.read_text(encoding="utf-8")
    doc = parsed(text, "fr", outlet="Press TV (French)")
    events = [event_at(text, word) for _, word, _, _ in SEED_CHECKS]
    out, claims = provenance.run(doc, lang.load("fr"), events, None)
    for (what, _word, want, source), ev in zip(SEED_CHECKS, out, strict=True):
        att = ev.attributed_to
        seen = " ".join(x for x in (att.name, att.role, att.text) if x) if att else ""
        ok = ev.factuality == want and (source is None or source.casefold() in seen.casefold())
        print(f"   {'ok ' if ok else 'BAD'} {what:34} {ev.factuality:9} ({ev.reasons.get('factuality')}) "
              f"by {att.kind + ': ' + str(att.name) if att else 'the outlet'}")
    print(f"   {len(claims)} claims: " + "; ".join(f"{c.speaker} [{c.stance}]" for c in claims))
    try:
        from wirecoder.pipeline import analyze

        result = analyze(text, published=None, language="fr", outlet="Press TV (French)")
    except Exception as exc:  # the other stages may be unfinished; the checks above stand alone
        print(f"   full pipeline not run: {type(exc).__name__}: {exc}")
        return
    print(f"   full pipeline: {len(result.events)} events; outlet profile {result.outlet_profile}")
    for ev in result.events:
        att = ev.attributed_to
        print(f"     {ev.sub_event_type[:28]:28} {ev.trigger.text[:18]!r:20} {ev.factuality:9} "
              f"{att.kind + ': ' + str(att.name) if att else '-'}")


def speed() -> None:
    print(f"3. speed of run(), best of 5, {SPEED_EVENTS} events at the first verbs (pipelines find 5-20)")
    paths = [SEED, *sorted((SHARED / "eval" / "dispatches").glob("*.txt"))]
    total = parse_total = 0.0
    for path in [p for p in paths if p.exists()]:
        text = path.read_text(encoding="utf-8")
        code = "en" if "_en_" in path.name else "fr"
        start = time.perf_counter()
        doc = parsed(text, code)
        parse = time.perf_counter() - start
        pack = lang.load(code)
        events = [Event(id=str(t.i), event_type="Battles", sub_event_type="Armed clash",
                        evidence=Evidence(text=t.sent.text, start=t.sent.start_char, end=t.sent.end_char),
                        trigger=Span(start=t.idx, end=t.idx + len(t.text), text=t.text))
                  for t in doc.doc if t.pos_ == "VERB"][:SPEED_EVENTS]
        provenance.run(doc, pack, events, None)
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            provenance.run(doc, pack, events, None)
            best = min(best, time.perf_counter() - start)
        total, parse_total = total + best, parse_total + parse
        print(f"   {path.name[:34]:34} {len(text.split()):5} words  {best * 1000:6.2f} ms  (spaCy {parse * 1000:6.1f} ms)")
    print(f"   provenance / spaCy parse: {total / parse_total:.1%}")


def full_pipeline(verbose: bool) -> None:
    from wirecoder.evaluate import load_golds, match
    from wirecoder.model import Analysis
    from wirecoder.pipeline import analyze_many
    from wirecoder.read.jsonl import record_to_article

    print("4. full pipeline, matched required events: gold factuality (rows) against ours (columns)")
    for name, folders in (("own-articles", [ROOT / "tests/data/articles", ROOT / "examples"]),
                          ("dispatches", [SHARED / "eval/dispatches"])):
        golds = load_golds([f for f in folders if f.is_dir()])
        if not golds:
            print(f"   {name}: not present, skipped")
            continue
        articles = [record_to_article({"id": g.doc, "text": g.text, "outlet": g.outlet,
                                       "published": g.published and g.published.isoformat()}, g.path, g.doc)
                    for g in golds]
        analyses = {a.id: a for a in analyze_many(articles) if isinstance(a, Analysis)}
        table: Counter[tuple[str, str]] = Counter()
        misses = []
        for g in golds:
            preds = analyses[g.doc].events if g.doc in analyses else []
            for pi, gi in match(g.events, preds).items():
                gold, ours = g.events[gi], preds[pi]
                if gold.get("required", True):
                    table[(gold.get("factuality", ""), ours.factuality)] += 1
                    if gold.get("factuality") != ours.factuality:
                        misses.append(f"     {g.doc} {gold['id']}: gold {gold.get('factuality')}, ours "
                                      f"{ours.factuality} ({ours.reasons.get('factuality')}/"
                                      f"{ours.reasons.get('attributed_to')}) | {ours.evidence.text[:110]}")
        right = sum(v for (a, b), v in table.items() if a == b)
        print(f"   {name}: {right}/{sum(table.values())} right")
        print("   " + " " * 10 + "".join(f"{c[:8]:>9}" for c in CLASSES))
        for row in CLASSES:
            print(f"   {row:10}" + "".join(f"{table[(row, col)]:9}" for col in CLASSES))
        if verbose:
            print("\n".join(misses))


if __name__ == "__main__":
    test_set("-v" in sys.argv)
    test_set("-v" in sys.argv, prefix="heldout_")
    seed_checks()
    speed()
    full_pipeline("-v" in sys.argv)
