"""Memory as the batch grows: peak RSS of ``extract()`` and of the command line for N and 10N
pages, each run in a fresh process.

usage: PYTHONPATH=. python benchmarks/batch_memory.py [--pages 200] [--factor 10]

The pages are the seeds, each copy made distinct by a final line (so none is skipped as done).
``extract()`` runs in one process and keeps the whole result in memory (the tables are the
output: they grow with the pages, the Docs do not stay); the command line runs as a user runs
it (Parquet page by page, every core), its workers' peak shown apart from the parent's.
``tables MB``: the size of ``extract()``'s tables themselves (``memory_usage(deep=True)``), the
part of its peak that grows with the pages by design; ``--only extract`` shows both sizes of
``extract()`` in one command.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXTRACT = """
import resource, sys
import pinghu_nlp
result = pinghu_nlp.extract([sys.argv[1]], n_process=1)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
tables = sum(getattr(result, t).memory_usage(deep=True).sum() for t in result.TABLES) / 2**20
print(result.articles["doc_id"].nunique(), len(result.mentions), round(peak), "-", round(tables))
"""
CLI = """
import resource, sys
from pinghu_nlp.cli import main
from pinghu_nlp.batch import read_tables
code = main(["extract", sys.argv[1], "--out", sys.argv[2], "--quiet"])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
pages = len(list((__import__("pathlib").Path(sys.argv[2]) / "articles").glob("*.parquet")))
mentions = len(read_tables(sys.argv[2])["mentions"])
print(pages, mentions, round(peak), round(workers) if workers else "-", "-")
"""


def write_pages(folder: Path, count: int) -> int:
    """``count`` distinct pages made from the seeds; their characters."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    chars = 0
    for number in range(count):
        page = seeds[number % len(seeds)] + f"\n\n（本页副本 {number}）\n"
        (folder / f"page_{number:05d}.txt").write_text(page, encoding="utf-8")
        chars += len(page)
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--only", choices=("extract", "cli"), help="one of the two runs")
    args = parser.parse_args()
    runs = [("`extract()`, 1 process", EXTRACT, "extract"), ("command line", CLI, "cli")]
    runs = [(name, code) for name, code, kind in runs if args.only in (None, kind)]
    env = {**os.environ}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    print(
        "| run | pages | characters | processed | mentions | peak RSS MB | workers' peak "
        "| tables MB | s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for count in (args.pages, args.factor * args.pages):
        with tempfile.TemporaryDirectory() as scratch:
            pages, out = Path(scratch) / "pages", Path(scratch) / "out"
            pages.mkdir()
            chars = write_pages(pages, count)
            for name, code in runs:
                start = time.perf_counter()
                run = subprocess.run(
                    [sys.executable, "-c", code, str(pages), str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env=env,
                )
                seconds = time.perf_counter() - start
                processed, mentions, peak, workers, tables = run.stdout.split()[-5:]
                print(
                    f"| {name} | {count:,} | {chars:,} | {processed} | {int(mentions):,} | {peak} "
                    f"| {workers} | {tables} | {seconds:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
