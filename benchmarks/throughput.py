"""Throughput: jieba.posseg against the full pinghu_nlp pipeline on the same text.

usage: python benchmarks/throughput.py [--chars 1000000] [--processes 2]
Prints characters per second for each, their ratio, the time share of each pipeline stage
(normalise + segment, articles, recognise, relate, link + tables), peak memory (RSS) and the
speed-up with several processes. The text is the seed pages repeated, each copy marked with its
number so that no cache can serve a copy from an earlier one.
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
from pinghu_nlp.recognise.lac import lac_tagger
from pinghu_nlp.tables import tabulate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def pages(total_chars: int) -> list[str]:
    """The seed pages repeated until they hold ``total_chars`` characters, each copy distinct."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out, size = [], 0
    while size < total_chars:
        for page in seeds:
            out.append(f"{page}\n{len(out)}\n")
            size += len(out[-1])
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
    tagger = lac_tagger()
    lac_time = [0.0]
    lac_chars = [0]
    tag = tagger.tag

    def timed_tag(pieces: list[str]) -> list[list[str]]:
        start = time.perf_counter()
        tags = tag(pieces)
        lac_time[0] += time.perf_counter() - start
        lac_chars[0] += sum(map(len, pieces))
        return tags

    tagger.tag = timed_tag
    stages = {"tokenizer (layout + words)": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    docs = []
    for text in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        stages["tokenizer (layout + words)"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            stages[name] += time.perf_counter() - start
        docs.append(doc)
    nlp_seconds = sum(stages.values())  # what nlp.pipe does: tokenizer and components
    tagger.tag = tag
    stages["link + tables (tabulate)"] = timed(lambda: tabulate(docs))
    full_seconds = sum(stages.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    many = timed(lambda: list(nlp.pipe(texts, n_process=args.processes, batch_size=4)))

    print(f"text: {chars:,} characters ({len(texts)} pages)")
    print("| system | chars/s | seconds |")
    print("|---|---|---|")
    print(f"| jieba.posseg | {chars / jieba_seconds:,.0f} | {jieba_seconds:.1f} |")
    rows = [
        ("pinghu_nlp nlp.pipe, 1 process", nlp_seconds),
        (f"pinghu_nlp nlp.pipe, {args.processes} processes", many),
        ("pinghu_nlp with the tables (extract), 1 process", full_seconds),
    ]
    for name, seconds in rows:
        print(f"| {name} | {chars / seconds:,.0f} | {seconds:.1f} |")
    print(
        f"ratio pinghu_nlp / jieba.posseg (nlp.pipe, 1 process): {jieba_seconds / nlp_seconds:.2f}"
    )
    print(f"speed-up of nlp.pipe with {args.processes} processes: {nlp_seconds / many:.2f}x")
    print(f"pipeline load in a fresh process: {load_seconds:.2f} s; peak RSS: {peak_mb:,.0f} MB")
    print("| stage | share of the pipeline's time (with tables) | share of nlp.pipe's time |")
    print("|---|---|---|")
    for name, seconds in stages.items():
        in_nlp = (
            f"{seconds / nlp_seconds:.0%}" if name in nlp.pipe_names or "tokenizer" in name else "–"
        )
        print(f"| {name} | {seconds / full_seconds:.0%} | {in_nlp} |")
    print(
        f"of which the LAC model (inside pinghu_entities): {lac_time[0] / full_seconds:.0%} of the"
        f" pipeline's time, {lac_time[0] / nlp_seconds:.0%} of nlp.pipe's; it read"
        f" {lac_chars[0] / chars:.0%} of the characters"
    )


if __name__ == "__main__":
    main()
