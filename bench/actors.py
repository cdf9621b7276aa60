"""Actors: how many events get an actor1 / actor2, and how right they are.

    python bench/actors.py

Prints, per set (own articles, and the dispatches when ../shared is present):
coverage of actor1 and actor2 over the predicted events; a rough agreement with
the gold's free-text actors on the events that match a gold event (same country,
or a shared key word of four letters or more); then the accuracy on the literal
table of tests/stages/test_actors.py, and the time actors.run + arguments take.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder import lang  # noqa: E402
from wirecoder.evaluate import load_golds, match  # noqa: E402
from wirecoder.model import Actor, Analysis, Article, Config  # noqa: E402
from wirecoder.parse import parse  # noqa: E402
from wirecoder.pipeline import analyze_many  # noqa: E402
from wirecoder.read.jsonl import record_to_article  # noqa: E402
from wirecoder.stages import actors, events  # noqa: E402
from wirecoder.stages._events_args import arguments  # noqa: E402

SETS = {
    "own-articles": ROOT / "tests/data/articles",
    "dispatches": ROOT.parent / "shared/eval/dispatches",
}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4}


def _agrees(gold: Any, pred: Actor | None) -> bool | None:
    """None when there is nothing to compare; else whether the prediction shares a country or a key word."""
    if not gold or not isinstance(gold, str):
        return None
    if pred is None:
        return False
    names = actors.country_names()
    gold_words = _words(gold)
    if pred.country and _words(names.get(pred.country, "")) & gold_words:
        return True
    return bool(_words(f"{pred.name} {pred.text or ''}") & gold_words)


def measure_set(name: str, folder: Path) -> None:
    golds = load_golds([folder])
    articles = [record_to_article({"id": g.doc, "text": g.text, "published": g.published and g.published.isoformat(),
                                   "outlet": g.outlet}, g.path, g.doc) for g in golds]
    analyses = {a.id: a for a in analyze_many(articles) if isinstance(a, Analysis)}
    n = a1 = a2 = 0
    agree = {"actor1": [0, 0], "actor2": [0, 0]}
    for g in golds:
        analysis = analyses.get(g.doc)
        if analysis is None:
            continue
        n += len(analysis.events)
        a1 += sum(e.actor1 is not None for e in analysis.events)
        a2 += sum(e.actor2 is not None for e in analysis.events)
        for pi, gi in match(g.events, analysis.events).items():
            for role in ("actor1", "actor2"):
                ok = _agrees(g.events[gi].get(role), getattr(analysis.events[pi], role))
                if ok is not None:
                    agree[role][0] += ok
                    agree[role][1] += 1
    print(f"{name:13s} events {n:3d}  actor1 {a1 / max(n, 1):.0%}  actor2 {a2 / max(n, 1):.0%}  "
          f"agreement on matched events: actor1 {agree['actor1'][0]}/{agree['actor1'][1]}  "
          f"actor2 {agree['actor2'][0]}/{agree['actor2'][1]}")


def table_accuracy() -> None:
    spec = importlib.util.spec_from_file_location("test_actors", ROOT / "tests/stages/test_actors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ok = total = 0
    misses = []
    for case in module.CASES:
        got = module.found(case)
        for k, (role, want) in enumerate((("actor1", case.actor1), ("actor2", case.actor2))):
            total += 1
            if module.agrees(got[k], want):
                ok += 1
            else:
                who = f"{got[k].name} [{got[k].country}/{got[k].kind}]" if got[k] else None
                misses.append(f"  {role} want {want!r} got {who!r}: {case.text}")
    print(f"table         {ok}/{total} roles right ({ok / max(total, 1):.0%}) over {len(module.CASES)} sentences")
    print("\n".join(misses))


def timing() -> None:
    """actors.run + arguments over the own articles, per 600 words (parse and trigger matching done before)."""
    config = Config()
    docs = [parse(Article(id=g.doc, text=g.text, language=g.language), config)
            for g in load_golds([SETS["own-articles"]])]
    triggers = [[t for t, _ in events.find_triggers(d, lang.load(d.language))] for d in docs]
    words = sum(len(d.article.text.split()) for d in docs)
    spent = float("inf")
    for _ in range(10):  # the best of ten passes: the machine is shared
        t0 = time.perf_counter()
        for doc, found_triggers in zip(docs, triggers, strict=True):
            pack = lang.load(doc.language)
            found = actors.run(doc, pack)
            for trigger in found_triggers:
                arguments(doc, trigger, found, pack)
        spent = min(spent, time.perf_counter() - t0)
    print(f"speed         actors.run + arguments: {1000 * spent * 600 / words:.2f} ms per 600 words "
          f"({sum(map(len, triggers)) / len(docs):.0f} triggers an article)")


def main() -> None:
    for name, folder in SETS.items():
        if folder.is_dir():
            measure_set(name, folder)
    table_accuracy()
    timing()


if __name__ == "__main__":
    main()
