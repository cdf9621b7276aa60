"""Trigger-lexicon figures (run by hand): ``.venv/bin/python bench/triggers.py``.

1. Lexicon size: trigger lines per ACLED sub-event type, per language.
2. Gold evidence (../shared/eval/dev and dispatches): for each gold event, does a trigger in
   its evidence sentence carry the gold event type, and the gold sub-event type?
3. Noise: triggers per 100 words over the whole annotated articles (all sentences, events or not).
4. Speed of ``find_triggers`` per 600 words.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from wirecoder import lang
from wirecoder.model import ACLED, SUB_EVENT_TYPE, Article, Config, Parsed
from wirecoder.parse import nlp
from wirecoder.stages.events import find_triggers

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def parsed(text: str, code: str) -> Parsed:
    article = Article(id="b", text=text, language=code)
    return Parsed(article=article, language=code, doc=nlp(code, Config().model_size)(text))


def lexicon_sizes() -> None:
    counts = {code: Counter(t.label for t in lang.load(code).triggers) for code in ("fr", "en")}
    print(f"{'sub-event type':45} {'fr':>4} {'en':>4}")
    for subs in ACLED.values():
        for sub in subs:
            print(f"{sub:45} {counts['fr'][sub]:4} {counts['en'][sub]:4}")
    print(f"{'total':45} {sum(counts['fr'].values()):4} {sum(counts['en'].values()):4}")


def gold_articles() -> list[tuple[dict[str, object], str]]:
    out = []
    for folder in (SHARED / "dev", SHARED / "dispatches"):
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text_path = folder / str(gold.get("text_file", ""))
            if not text_path.is_file():
                text_path = ROOT.parent / "shared" / "seeds" / f"{gold['doc']}.txt"
            if text_path.is_file():
                out.append((gold, text_path.read_text(encoding="utf-8")))
    return out


def evidence_recall(articles: list[tuple[dict[str, object], str]]) -> None:
    hit_type = hit_sub = total = 0
    req_type = req_sub = req_total = 0
    for gold, text in articles:
        code = str(gold["language"])
        doc = parsed(text, code)
        found = find_triggers(doc, lang.load(code))
        for event in gold["events"]:  # type: ignore[attr-defined]
            evidence = str(event.get("evidence") or "")
            at = text.find(evidence[:60]) if evidence else -1
            if at < 0:
                continue
            sents = [s for s in doc.doc.sents if s.start_char <= at + len(evidence) and at <= s.end_char]
            lo, hi = sents[0].start_char, sents[-1].end_char
            labels = {t.label for s, t in found if lo <= s.start < hi}
            total += 1
            hit_type += any(SUB_EVENT_TYPE[lab] == event["event_type"] for lab in labels)
            hit_sub += event["sub_event_type"] in labels
            if event.get("required"):
                req_total += 1
                req_type += any(SUB_EVENT_TYPE[lab] == event["event_type"] for lab in labels)
                req_sub += event["sub_event_type"] in labels
    print(f"gold events with evidence found in text: {total}")
    print(f"  a trigger of the gold event type in the evidence: {hit_type}/{total} = {hit_type / max(total, 1):.0%}")
    print(f"  a trigger of the gold sub-event type:             {hit_sub}/{total} = {hit_sub / max(total, 1):.0%}")
    print(f"  required events only: type {req_type}/{req_total} = {req_type / max(req_total, 1):.0%}, "
          f"sub-event type {req_sub}/{req_total} = {req_sub / max(req_total, 1):.0%}")


def noise(articles: list[tuple[dict[str, object], str]]) -> None:
    for code in ("fr", "en"):
        words = triggers = 0
        for gold, text in articles:
            if gold["language"] != code:
                continue
            doc = parsed(text, code)
            words += sum(1 for t in doc.doc if t.is_alpha)
            triggers += len(find_triggers(doc, lang.load(code)))
        print(f"{code}: {triggers} triggers over {words} words = {100 * triggers / max(words, 1):.1f} per 100 words")


def speed(articles: list[tuple[dict[str, object], str]]) -> None:
    for code in ("fr", "en"):
        docs = [parsed(text, code) for gold, text in articles if gold["language"] == code]
        if not docs:
            continue
        words = sum(len(d.doc) for d in docs)
        pack = lang.load(code)
        find_triggers(docs[0], pack)
        start = time.perf_counter()
        for _ in range(5):
            for d in docs:
                find_triggers(d, pack)
        per = (time.perf_counter() - start) / 5 / words * 600 * 1000
        print(f"{code}: find_triggers {per:.2f} ms per 600 tokens")


def main() -> None:
    lexicon_sizes()
    articles = gold_articles()
    if not articles:
        print("no annotated articles under ../shared/eval")
        return
    evidence_recall(articles)
    noise(articles)
    speed(articles)


if __name__ == "__main__":
    main()
