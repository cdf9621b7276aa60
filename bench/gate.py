"""Quality gate: event F1 on the annotated sets, against pinned floors.

    python bench/gate.py            # score every set, compare with bench/floors.json, exit 1 below a floor
    python bench/gate.py --pin      # raise the floors to today's figures (never lowers one)

Sets: the bundled examples, the project's own annotated articles
(tests/data/articles), a blind held-out set (tests/data/heldout: written without
running the analyser, never used to tune), and, when ../shared is present, the seed (eval/dev) and
the dispatches (eval/dispatches), read at run time. Each set's corpus digest is
pinned with its floor: a changed corpus is reported, and its floor must be
re-pinned on purpose. Lowering a floor means editing floors.json by hand, in a
commit that says why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.evaluate import Gold, load_golds, score  # noqa: E402
from wirecoder.model import Analysis  # noqa: E402
from wirecoder.pipeline import analyze_many  # noqa: E402
from wirecoder.read.jsonl import record_to_article  # noqa: E402

SETS = {
    "examples": ROOT / "examples",
    "own-articles": ROOT / "tests/data/articles",
    "heldout": ROOT / "tests/data/heldout",  # written blind, never tuned on
    "seed": ROOT.parent / "shared/eval/dev",
    "dispatches": ROOT.parent / "shared/eval/dispatches",
}
FLOORS = Path(__file__).with_name("floors.json")


def digest(golds: list[Gold]) -> str:
    h = hashlib.sha256()
    for g in golds:
        h.update(g.text.encode())
        h.update(json.dumps(g.events, sort_keys=True).encode())
    return h.hexdigest()[:16]


def evaluate(golds: list[Gold]) -> dict[str, object]:
    # as a crawler hands them over (make_jsonl.py): id, text, published, outlet; the rest is read from the text
    articles = [record_to_article({"id": g.doc, "text": g.text, "published": g.published and g.published.isoformat(),
                                   "outlet": g.outlet}, g.path, g.doc) for g in golds]
    analyses = {a.id: a for a in analyze_many(articles) if isinstance(a, Analysis)}
    s = score(golds, analyses)
    return {"f1": round(s.f1, 3), "precision": round(s.precision, 3), "recall": round(s.recall, 3),
            "tp": s.tp, "fp": s.fp, "fn": s.fn,
            "factuality_accuracy": round(s.factuality_ok / s.tp, 3) if s.tp else 0.0,
            "missed": s.missed, "digest": digest(golds)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pin", action="store_true", help="raise floors to the current figures")
    args = ap.parse_args()
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    failed = False
    for name, folder in SETS.items():
        if not folder.is_dir():
            print(f"{name:14s} skipped: {folder} not present")
            continue
        result = evaluate(load_golds([folder]))
        floor = floors.get(name, {})
        line = (f"{name:14s} F1 {result['f1']:.3f}  P {result['precision']:.3f}  R {result['recall']:.3f}  "
                f"tp={result['tp']} fp={result['fp']} fn={result['fn']}  factuality {result['factuality_accuracy']:.3f}")
        if floor and floor.get("digest") != result["digest"]:
            line += "  [corpus changed: re-pin on purpose]"
        elif floor and result["f1"] < floor["f1"]:  # type: ignore[operator]
            line += f"  BELOW FLOOR {floor['f1']}"
            failed = True
        print(line)
        for doc, ids in result["missed"].items():  # type: ignore[union-attr]
            print(f"    missed in {doc}: {', '.join(ids)}")
        if args.pin and (not floor or floor.get("digest") != result["digest"] or result["f1"] >= floor["f1"]):  # type: ignore[operator]
            floors[name] = {"f1": result["f1"], "digest": result["digest"]}
    if args.pin:
        FLOORS.write_text(json.dumps(floors, indent=1) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
