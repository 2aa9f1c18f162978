"""Time and peak memory of one page as it grows: linear in its size, whatever the size.

usage: python benchmarks/page_size.py [--sizes 25000 200000 800000 3700000] [--batch]

Each size runs in a fresh process: a page of that many characters made of the seed pages one
after another (blank lines between them), through ``extract`` (``--batch``: ``run_batch`` into a
temporary folder, the command line's default). Prints seconds (the pipeline's loading not
counted), CPU seconds (less sensitive to a busy machine), peak RSS of the process (loading
included) and how much the CPU time per character grows per doubling of the size (1.0 is
linear; the target is at most 1.5).
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SIZES = (25_000, 200_000, 800_000, 3_700_000)


def make_page(size: int) -> str:
    """A page of ``size`` characters: the seed pages repeated, blank lines between them."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    block = "\n\n".join(seeds) + "\n\n"
    return (block * (size // len(block) + 1))[:size]


def measure(size: int, batch: bool) -> dict:
    """Seconds and peak RSS (MB) for one page of ``size`` characters, in this process."""
    import pinghu_nlp
    from pinghu_nlp.batch import run_batch
    from pinghu_nlp.pipeline import _shared_pipeline

    _shared_pipeline()
    pinghu_nlp.extract(["平湖市委书记仲旭东主持会议。"])  # load everything untimed
    page = make_page(size)
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    began = time.perf_counter()
    if batch:
        with tempfile.TemporaryDirectory() as out:
            mentions = run_batch([page], out).mentions
    else:
        mentions = len(pinghu_nlp.extract([page]).mentions)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak = usage.ru_maxrss / 1024
    return {"chars": size, "seconds": seconds, "cpu": cpu, "peak_mb": peak, "mentions": mentions}


def main() -> None:
    """Run each size in a fresh process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--batch", action="store_true", help="run_batch, not extract")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.batch)))
        return
    print(
        f"{'chars':>10} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'mentions':>9}"
        f" {'per-char x/doubling':>19}"
    )
    previous = None
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)] + ["--batch"] * args.batch
        row = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        growth = ""
        if previous:
            doublings = math.log2(size / previous["chars"])
            per_char = (row["cpu"] / size) / (previous["cpu"] / previous["chars"])
            growth = f"{per_char ** (1 / doublings):.2f}"
        print(
            f"{size:>10} {row['seconds']:>8.1f} {row['cpu']:>8.1f} {row['peak_mb']:>8.0f}"
            f" {row['mentions']:>9} {growth:>19}",
            flush=True,
        )
        previous = row


if __name__ == "__main__":
    main()
