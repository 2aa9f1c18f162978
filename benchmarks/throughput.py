"""Throughput: jieba.posseg against the full pinghu_nlp pipeline on the same text.

usage: python benchmarks/throughput.py [--chars 1000000] [--processes 2]
Prints characters per second for each, their ratio, the time share of each pipeline stage,
peak memory (RSS) and the speed-up with several processes. The text is the seed pages repeated.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

import jieba.posseg

import pinghu_nlp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def pages(total_chars: int) -> list[str]:
    """The seed pages repeated until they hold ``total_chars`` characters."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out, size = [], 0
    while size < total_chars:
        for page in seeds:
            out.append(page)
            size += len(page)
    return out


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def cold_load_seconds() -> float:
    """Import and load the pipeline (jieba's dictionary, the NER model) in a fresh process."""
    code = "import time; t = time.perf_counter(); import pinghu_nlp; pinghu_nlp.load(); "
    code += "print(time.perf_counter() - t)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    texts = pages(args.chars)
    chars = sum(map(len, texts))
    list(jieba.posseg.cut(texts[0]))  # load jieba's dictionary before timing
    jieba_seconds = timed(lambda: [list(jieba.posseg.cut(t)) for t in texts])

    load_seconds = cold_load_seconds()
    nlp = pinghu_nlp.load()
    nlp(texts[0])  # warm caches
    stages = {"tokenizer (layout + words)": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    for text in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        stages["tokenizer (layout + words)"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            stages[name] += time.perf_counter() - start
    one_process = sum(stages.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    many = timed(lambda: list(nlp.pipe(texts, n_process=args.processes, batch_size=4)))

    print(f"text: {chars:,} characters ({len(texts)} pages)")
    print("| system | chars/s | seconds |")
    print("|---|---|---|")
    print(f"| jieba.posseg | {chars / jieba_seconds:,.0f} | {jieba_seconds:.1f} |")
    print(f"| pinghu_nlp, 1 process | {chars / one_process:,.0f} | {one_process:.1f} |")
    print(f"| pinghu_nlp, {args.processes} processes | {chars / many:,.0f} | {many:.1f} |")
    print(f"ratio pinghu_nlp / jieba.posseg (1 process): {jieba_seconds / one_process:.2f}")
    print(f"speed-up with {args.processes} processes: {one_process / many:.2f}x")
    print(f"pipeline load in a fresh process: {load_seconds:.2f} s; peak RSS: {peak_mb:,.0f} MB")
    print("| stage | share of pipeline time |")
    print("|---|---|")
    for name, seconds in stages.items():
        print(f"| {name} | {seconds / one_process:.0%} |")


if __name__ == "__main__":
    main()
