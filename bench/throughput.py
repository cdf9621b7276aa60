"""Throughput: the whole analysis against the bare spaCy pass, on the same texts, in one run.

    python bench/throughput.py [--n 200] [--words 600]

Builds N articles of about W words each from the project's own texts
(examples/, tests/data/articles/, tests/data/techniques/; ../shared/eval/dispatches
when present, read at run time), paragraphs shuffled with a fixed seed, one
language per article. Then, with the pipelines already loaded:

* bare: ``nlp.pipe`` over the texts, per language;
* wirecoder: ``analyze_many`` over the same texts, each result serialised as a
  JSONL line (what ``analyze --format jsonl`` does).

Prints both times and the ratio (target: at most 1.5).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.export import to_jsonl_line  # noqa: E402
from wirecoder.model import Article, Config, Failure  # noqa: E402
from wirecoder.parse import detect, nlp  # noqa: E402
from wirecoder.pipeline import analyze_many  # noqa: E402

SOURCES = [ROOT / "examples", ROOT / "tests/data/articles", ROOT / "tests/data/techniques",
           ROOT.parent / "shared/eval/dispatches"]


def paragraphs() -> dict[str, list[str]]:
    """Paragraphs of every source text, by detected language."""
    out: dict[str, list[str]] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            code = detect(text)
            if code in ("fr", "en"):
                out.setdefault(code, []).extend(p.strip() for p in text.split("\n") if len(p.split()) >= 12)
    return out


def corpus(n: int, words: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    pars = paragraphs()
    langs = sorted(pars)
    articles = []
    for i in range(n):
        code = langs[i % len(langs)]
        body: list[str] = []
        while sum(len(p.split()) for p in body) < words:
            body.append(rng.choice(pars[code]))
        articles.append(Article(id=f"bench-{i}", text="\n\n".join(body), language=None, published=date(2024, 5, 16)))
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--words", type=int, default=600)
    args = ap.parse_args()
    config = Config()
    articles = corpus(args.n, args.words)
    by_lang: dict[str, list[str]] = {}
    for a in articles:
        by_lang.setdefault(detect(a.text) or "en", []).append(a.text)
    n_words = sum(len(a.text.split()) for a in articles)
    # warm-up: load pipelines, lexicons, gazetteer, detector (excluded from both timings)
    for _ in analyze_many(articles[:4], config=config):
        pass

    t0 = time.perf_counter()
    for code, texts in by_lang.items():
        for _ in nlp(code, config.model_size).pipe(texts, batch_size=config.batch_size):
            pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    failures = events = 0
    size = 0
    for result in analyze_many(articles, config=config):
        if isinstance(result, Failure):
            failures += 1
            continue
        events += len(result.events)
        size += len(to_jsonl_line(result))
    full = time.perf_counter() - t0

    print(json.dumps({
        "articles": len(articles), "words": n_words, "languages": {k: len(v) for k, v in by_lang.items()},
        "bare_spacy_s": round(bare, 2), "wirecoder_s": round(full, 2), "ratio": round(full / bare, 3),
        "events": events, "failures": failures, "jsonl_bytes": size,
    }, indent=1))
    print(f"bare spaCy {bare:.2f}s, wirecoder {full:.2f}s, ratio {full / bare:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
