"""Memory of a batch run as the batch grows: peak RSS for N and 4N pages, each in a fresh process.

usage: python benchmarks/batch_memory.py [--pages 40]
The pages are the seeds, each copy made distinct by a final line (so none is skipped as done).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RUN = """
import resource, sys
from pinghu_nlp.batch import run_batch
summary = run_batch([sys.argv[1]], sys.argv[2], n_process=1)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(summary.processed, round(peak))
"""


def write_pages(folder: Path, count: int) -> None:
    """``count`` distinct pages made from the seeds."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for number in range(count):
        page = seeds[number % len(seeds)] + f"\n\n（本页副本 {number}）\n"
        (folder / f"page_{number:05d}.txt").write_text(page, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    print("| pages | processed | peak RSS (MB) |")
    print("|---|---|---|")
    for count in (args.pages, 4 * args.pages):
        with tempfile.TemporaryDirectory() as scratch:
            pages, out = Path(scratch) / "pages", Path(scratch) / "out"
            pages.mkdir()
            write_pages(pages, count)
            run = subprocess.run(
                [sys.executable, "-c", RUN, str(pages), str(out)],
                capture_output=True,
                text=True,
                check=True,
            )
            processed, peak = run.stdout.split()[-2:]
            print(f"| {count} | {processed} | {peak} |")


if __name__ == "__main__":
    main()
