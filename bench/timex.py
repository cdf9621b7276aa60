"""Time-stage figures (run by hand): ``.venv/bin/python bench/timex.py``.

1. Test set (tests/data/timex/{fr,en}.jsonl): share of expressions found with the right
   interval, per language and overall (target 95%), and how many also have the right precision.
2. Event dating on the annotated articles (../shared/eval/dev and dispatches, then the project's
   own tests/data/articles and examples): given the
   gold evidence's location, how many gold event dates the governing-expression finder
   gets right (overlap with one day of slack, as the scorer counts), with the publication
   date given and with it inferred; and the inferred publication dates.
3. Speed of ``run()`` per article.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from wirecoder import lang
from wirecoder.model import Article, Config, Parsed, Span, Timex
from wirecoder.parse import nlp
from wirecoder.stages import timex
from wirecoder.stages._timex_grammar import matches

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "timex"
SHARED = ROOT.parent / "shared"
SLACK = timedelta(days=1)


def load_cases(code: str) -> list[dict[str, object]]:
    path = DATA / f"{code}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def parsed(text: str, code: str, published: date | None) -> Parsed:
    article = Article(id="b", text=text, language=code, published=published)
    return Parsed(article=article, language=code, doc=nlp(code, Config().model_size)(text))


def find(timexes: list[Timex], text: str, expr: str) -> Timex | None:
    """The expression's timex: the one whose span covers where ``expr`` stands in ``text``."""
    at = text.find(expr)
    if at < 0:
        return None
    hits = [t for t in timexes if t.span.start <= at + len(expr) // 2 < t.span.end]
    return hits[0] if hits else None


def case_result(case: dict[str, object], code: str) -> tuple[bool, bool, str]:
    """(interval right, precision right, what was found)."""
    text, expr = str(case["text"]), str(case["expr"])
    published = date.fromisoformat(str(case["published"]))
    doc = parsed(text, code, published)
    pack = lang.load(code)
    found = find(timex.run(doc, pack, timex.infer_anchor(doc, pack, published)), text, expr)
    if found is None:
        return False, False, "not found"
    want = (case["start"], case["end"])
    got = (found.start.isoformat() if found.start else None, found.end.isoformat() if found.end else None)
    ok = got == want
    return ok, ok and found.precision == case.get("precision", found.precision), f"{found.span.text!r} {got}"


def test_set() -> None:
    total = right = precise = 0
    for code in ("fr", "en"):
        cases = load_cases(code)
        results = [case_result(c, code) for c in cases]
        n, ok = len(results), sum(r[0] for r in results)
        total, right, precise = total + n, right + ok, precise + sum(r[1] for r in results)
        print(f"test set {code}: {ok}/{n} = {ok / n:.1%}")
        for case, (good, _, got) in zip(cases, results, strict=True):
            if not good and "-v" in sys.argv:
                print(f"   miss {case['expr']!r} want {case['start']}..{case['end']} got {got}")
    print(f"test set overall: {right}/{total} = {right / total:.1%} (precision also right: {precise / total:.1%})")


def gold_files(own: bool = False) -> list[tuple[Path, Path]]:
    """(gold, text) pairs: the shared seed and dispatches, or with ``own`` the project's own annotated
    articles and bundled examples."""
    out = []
    found = [*(ROOT / "tests/data/articles").glob("*.gold.json"), *(ROOT / "examples").glob("*.gold.json")] if own \
        else [*SHARED.glob("eval/dev/*.gold.json"), *SHARED.glob("eval/dispatches/*.gold.json")]
    for gold in sorted(found):
        txt = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        if not txt.exists():
            txt = SHARED / "seeds" / txt.name
        if txt.exists():
            out.append((gold, txt))
    return out


def evidence_span(text: str, evidence: str, doc: Parsed) -> Span | None:
    piece = evidence.split(" / ")[0].split(" ... ")[0].strip()
    at = text.replace("’", "'").find(piece.replace("’", "'"))
    if at < 0:
        return None
    span = doc.doc.char_span(at, at + len(piece), alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ == "VERB"]
    root = verbs[0] if verbs else span.root
    if root is None:
        return None
    return Span(start=root.idx, end=root.idx + len(root.text), text=root.text)


def overlaps(got: tuple[date | None, date | None], want: tuple[str, str]) -> bool:
    if got[0] is None or got[1] is None:
        return False
    ws, we = date.fromisoformat(want[0]), date.fromisoformat(want[1])
    return got[0] <= we + SLACK and ws - SLACK <= got[1]


def event_dating(own: bool = False) -> None:
    counts: Counter[str] = Counter()
    for gold_path, txt in gold_files(own):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        code, text = gold["language"], txt.read_text(encoding="utf-8")
        published = date.fromisoformat(gold["published"])
        for given in (True, False):
            doc = parsed(text, code, published if given else None)
            pack = lang.load(code)
            anchor = timex.infer_anchor(doc, pack, published if given else None)
            if not given and not own:
                print(f"  {gold['doc']}: inferred {anchor.day} (true {published}) - {anchor.evidence}")
            found = timex.run(doc, pack, anchor)
            mode = "published" if given else "inferred"
            for ev in gold["events"]:
                if not ev.get("date") or ev["date"]["start"] is None:
                    continue
                trigger = evidence_span(text, ev["evidence"], doc)
                if trigger is None:
                    counts[f"{mode}-no-evidence"] += 1
                    continue
                got = timex.event_date(trigger, doc, found, anchor, future=ev.get("factuality") == "future")
                ok = overlaps((got.start, got.end), (ev["date"]["start"], ev["date"]["end"]))
                counts[f"{mode}-{'right' if ok else 'wrong'}"] += 1
                if not ok and "-v" in sys.argv:
                    print(f"   [{mode}] {gold['doc']} {ev['id']}: want {ev['date']['start']}..{ev['date']['end']} "
                          f"got {got.start}..{got.end} ({got.reason}, {got.text!r})")
    for mode in ("published", "inferred"):
        right, wrong = counts[f"{mode}-right"], counts[f"{mode}-wrong"]
        print(f"event dates, {'own articles + examples' if own else 'seed + dispatches'} ({mode} anchor): "
              f"{right}/{right + wrong} right "
              f"({counts[f'{mode}-no-evidence']} evidence strings not located)")


def speed() -> None:
    times = []
    for _, txt in gold_files():
        gold = json.loads(_.read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        doc = parsed(text, gold["language"], None)
        pack = lang.load(gold["language"])
        anchor = timex.infer_anchor(doc, pack, date.fromisoformat(gold["published"]))
        timex.run(doc, pack, anchor)
        t0 = time.perf_counter()
        for _i in range(5):
            matches.cache_clear()  # time the whole work, not the cache
            timex.infer_anchor(doc, pack, None)
            timex.run(doc, pack, anchor)
        times.append((time.perf_counter() - t0) / 5 * 1000 * 600 / max(1, len(text.split())))
    print(f"infer_anchor() + run(): {sum(times) / len(times):.2f} ms per 600 words (mean over {len(times)} articles)")


if __name__ == "__main__":
    test_set()
    event_dating()
    event_dating(own=True)
    speed()
