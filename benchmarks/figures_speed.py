"""Time of the figure and date grammar (``find_figures``) on a 20,000-character page.

usage: python benchmarks/figures_speed.py [--chars 20000] [--repeats 5] [--target-ms 25]

The page is the seed pages after layout repair, repeated to ``--chars`` characters. Prints the
best and median milliseconds of ``--repeats`` runs and exits 1 when the best is over the target
(this was a unit test; a wall-clock limit belongs here, where a busy machine is not a failure of
the suite).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from pinghu_nlp.layout import repair
from pinghu_nlp.recognise.figures import find_figures

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def page(chars: int) -> str:
    """The repaired seed pages, repeated to ``chars`` characters."""
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = repair(raw).text
    return (text * (chars // len(text) + 1))[:chars]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--target-ms", type=float, default=25.0)
    args = parser.parse_args()
    text = page(args.chars)
    find_figures(text)  # compile the patterns and load the lexicon before timing
    timings = []
    for _ in range(args.repeats):
        began = time.perf_counter()
        find_figures(text)
        timings.append((time.perf_counter() - began) * 1000)
    best, median = min(timings), statistics.median(timings)
    verdict = "ok" if best <= args.target_ms else "over target"
    print(
        f"find_figures on {len(text):,} characters: best {best:.1f} ms, median {median:.1f} ms"
        f" (target {args.target_ms:g} ms: {verdict})"
    )
    return 0 if best <= args.target_ms else 1


if __name__ == "__main__":
    sys.exit(main())
