"""Quality of the techniques stage, paragraph level (SemEval-2023 Task 3 subtask 3 style).

Prints micro precision / recall / F1 over (paragraph, technique) pairs on the
hand-written test set (tests/data/techniques; the tuning half and the held-out
half ``*_heldout_*`` apart, then together), on the pipeline's annotated articles
(tests/data/articles, labelled by another hand), the share of neutral wire-copy
paragraphs that get any technique, genre accuracy, the same figures on
../shared/eval/dispatches, the seed's technique F1 on ../shared/eval/dev (scored
with score.py's own paragraph logic) and the stage's time per article.

    .venv/bin/python bench/techniques.py [--misses]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from wirecoder import lang
from wirecoder.model import Article, Config, Parsed
from wirecoder.parse import nlp
from wirecoder.stages import techniques
from wirecoder.stages._techniques_match import matcher

ROOT = Path(__file__).resolve().parents[1]
TESTSET = ROOT / "tests" / "data" / "techniques"
SHARED = ROOT.parent / "shared"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(gold_path: Path) -> tuple[dict[str, Any], str, list[dict[str, Any]], str, float]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["text_file"]).read_text(encoding="utf-8")
    code = gold["language"]
    doc = Parsed(article=Article(id=gold["doc"], text=text, language=code), language=code,
                 doc=nlp(code, Config().model_size)(text))
    t0 = time.perf_counter()
    spans, _, call = techniques.run(doc, lang.load(code))
    elapsed = time.perf_counter() - t0
    return gold, text, [s.model_dump() for s in spans], call.label, elapsed


def _paragraphs(text: str, gold: dict[str, Any], spans: list[dict[str, Any]], fold: Any) -> list[tuple[str, set[str], set[str]]]:
    out = []
    folded = text.translate(fold)
    for par in gold.get("paragraph_techniques", []):
        start = folded.find(par["anchor"].translate(fold))
        if start < 0:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pred = {s["technique"] for s in spans if s["start"] < end and s["end"] > start}
        out.append((text[start:end], set(par["techniques"]), pred))
    return out


def measure(name: str, paths: list[Path], score: Any, show: bool) -> None:
    tp = fp = fn = neutral = neutral_hit = genre_ok = 0
    per_fp: Counter[str] = Counter()
    per_fn: Counter[str] = Counter()
    per_tp: Counter[str] = Counter()
    times = []
    for path in paths:
        gold, text, spans, label, elapsed = _run(path)
        times.append(elapsed)
        genre_ok += label == gold.get("genre")
        a, b, c, _ = score.paragraphs_with_labels(text, gold.get("paragraph_techniques", []), spans)
        tp, fp, fn = tp + a, fp + b, fn + c
        for par, g, p in _paragraphs(text, gold, spans, score.FOLD):
            per_tp.update(g & p)
            per_fp.update(p - g)
            per_fn.update(g - p)
            if gold.get("genre") == "reporting" and not g:
                neutral += 1
                neutral_hit += bool(p)
            if show and (p - g or g - p):
                print(f"  [{gold['doc']}] {par[:90]!r}\n      +{sorted(p - g)} -{sorted(g - p)}")
                for s in spans:
                    if s["technique"] in p - g and s["start"] >= text.find(par) and s["end"] <= text.find(par) + len(par):
                        print(f"        fp {s['technique']}: {s['text']!r} ({s['reason']})")
    p, r, f = score.prf(tp, fp, fn)
    fpr = neutral_hit / neutral if neutral else 0.0
    print(f"{name:28s} docs={len(paths):3d} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn})  "
          f"neutral-wire FP rate={fpr:.3f} ({neutral_hit}/{neutral})  genre acc={genre_ok / len(paths):.2f}  "
          f"stage ms/article={1000 * sum(times) / len(times):.2f}")
    if show:
        for tech in sorted(set(per_tp) | set(per_fp) | set(per_fn)):
            print(f"    {tech:36s} tp={per_tp[tech]:3d} fp={per_fp[tech]:3d} fn={per_fn[tech]:3d}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", action="store_true", help="print every paragraph with a wrong label set")
    ap.add_argument("--only", help="only this set: tune | heldout | articles | dispatches | seed")
    args = ap.parse_args()
    score = _scorer()
    for code in ("fr", "en"):  # compile the matchers first: timings are per article, warm
        t0 = time.perf_counter()
        matcher(code)
        print(f"matcher {code}: compiled in {1000 * (time.perf_counter() - t0):.0f} ms")
    golds = sorted(TESTSET.glob("*.gold.json"))
    sets = {
        "tune": [g for g in golds if "_heldout_" not in g.name],
        "heldout": [g for g in golds if "_heldout_" in g.name],
        "all (test set)": golds,
        # annotated by another member of the team for the whole pipeline: never tuned on
        "articles (tests/data)": sorted((ROOT / "tests" / "data" / "articles").glob("*.gold.json")),
        "dispatches": sorted((SHARED / "eval" / "dispatches").glob("*.gold.json")),
        "seed (dev)": sorted((SHARED / "eval" / "dev").glob("*.gold.json")),
    }
    for name, paths in sets.items():
        if args.only and not name.startswith(args.only):
            continue
        if paths:
            measure(name, paths, score, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
