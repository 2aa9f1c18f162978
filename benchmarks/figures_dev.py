"""DATE, MONEY, PERCENT and QUANTITY from ``find_figures`` against the dev gold, with the errors.

usage: python benchmarks/figures_dev.py [--shared DIR] [--quiet]

Scoring follows ``shared/eval/score.py``: exact raw start/end/label; optional gold spans are not
scored and a prediction overlapping one is ignored. The gold is for measuring only.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from pinghu_nlp.layout import repair
from pinghu_nlp.recognise.figures import find_figures

LABELS = ("DATE", "MONEY", "PERCENT", "QUANTITY")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _spans(raw: str) -> set[tuple[int, int, str]]:
    """Predicted raw spans of one page."""
    clean = repair(raw)
    return {(*clean.to_raw(c.start, c.end), c.label) for c in find_figures(clean.text)}


def main() -> None:
    """Score every seed page and print P/R/F1 per label, then the errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--quiet", action="store_true", help="only the table")
    args = parser.parse_args()
    if not any((args.shared / "gold").glob("*.json")):
        parser.error(f"{args.shared / 'gold'}: no gold files (*.json) here")
    counts: dict[str, Counter] = {label: Counter() for label in LABELS}
    errors: list[str] = []
    elapsed = 0.0
    find_figures("十万元")  # load jieba's dictionary (figures read the page's words) untimed
    for page in sorted((args.shared / "seeds").glob("*.txt")):
        with open(page, encoding="utf-8", newline="") as handle:
            raw = handle.read()
        gold_doc = json.loads((args.shared / "gold" / f"{page.stem}.json").read_text("utf-8"))
        spans = [s for s in gold_doc["spans"] if s["label"] in LABELS]
        optional = [(s["start"], s["end"]) for s in spans if s.get("optional")]
        gold = {(s["start"], s["end"], s["label"]) for s in spans if not s.get("optional")}
        began = time.perf_counter()
        predicted = _spans(raw)
        elapsed += time.perf_counter() - began
        predicted = {
            p for p in predicted if p in gold or not any(p[0] < e and b < p[1] for b, e in optional)
        }
        for kind, found in (("tp", gold & predicted), ("fp", predicted - gold)):
            for span in found:
                counts[span[2]][kind] += 1
        for span in gold - predicted:
            counts[span[2]]["fn"] += 1
        for kind, found in (("FP", predicted - gold), ("FN", gold - predicted)):
            for start, end, label in sorted(found):
                context = raw[max(0, start - 8) : end + 8].replace("\n", "⏎")
                errors.append(f"{page.stem[:3]} {kind} {label:8s} {raw[start:end]!r:16s} {context}")
    print(f"{'label':9s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp  fp  fn")
    for label in LABELS:
        tp, fp, fn = (counts[label][k] for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:9s} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4d} {fp:3d} {fn:3d}")
    print(f"(repair + find_figures: {elapsed * 1000:.0f} ms for all pages)")
    if not args.quiet:
        print("\n".join(["", "errors:", *errors]))


if __name__ == "__main__":
    main()
