"""Throughput: jieba.posseg, nlp.pipe, extract() and the command line on the same text, with the
CPU time of every process, so the second core can be seen working.

usage: PYTHONPATH=. python benchmarks/throughput.py [--chars 1000000] [--rounds 3] [--stages]
       [--only cli] [--text corpus|seeds]
       PYTHONPATH=. python benchmarks/throughput.py --only cold [--rounds 3]

Each row runs in a fresh process: the pipeline is loaded and warmed on one page first, then the
pages are timed (the command line row is the whole command, start to exit, load included). The
text (``--text corpus``, the default) is news text of the public corpora in ../shared/corpora
(:func:`corpus_paragraphs`), about 3,000 characters a page: words no cache has seen.
``--text seeds`` is the seed pages repeated, each copy numbered; their words and tags are cached
after the first copy, which flatters the pipeline (it caches) against jieba. CPU seconds are per
process: the parent's (``resource.getrusage`` of itself) and each worker's (read in the worker: a
spaCy worker as it exits, a worker of the pool of ``extract()`` and the command line after each
batch), so ``parent / w1 / w2``.
``--rounds N`` runs every row N times and prints the spread; ``--stages`` adds the time share of
each pipeline stage (one process). ``--only cold`` times only the cold start (at least 3 rounds):
``import pinghu_nlp``, one page through ``extract()`` and through the command line, each process
start to exit, and where the cold ``extract()`` spends its time (see :data:`COLD`).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

WORKER_CPU = """
import json, os, resource
import spacy.language

_apply_pipes = spacy.language._apply_pipes


def _timed_apply_pipes(*args, **kwargs):
    try:
        return _apply_pipes(*args, **kwargs)
    finally:  # the worker's own CPU time (a forked process starts from zero)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        folder = os.environ["PINGHU_BENCH_WORKERS"]
        with open(os.path.join(folder, f"{os.getpid()}.json"), "w") as handle:
            json.dump(usage.ru_utime + usage.ru_stime, handle)


spacy.language._apply_pipes = _timed_apply_pipes  # _multiprocessing_pipe starts the workers


def _time_the_pool():
    # each worker of pinghu_nlp's pool writes its CPU time so far after every task (the pool
    # ends its workers: they never return)
    import pinghu_nlp.pipeline

    draft_pages = pinghu_nlp.pipeline._draft_pages

    def timed(*args, **kwargs):
        try:
            return draft_pages(*args, **kwargs)
        finally:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            folder = os.environ["PINGHU_BENCH_WORKERS"]
            with open(os.path.join(folder, f"{os.getpid()}.json"), "w") as handle:
                json.dump(usage.ru_utime + usage.ru_stime, handle)

    timed.__module__, timed.__qualname__ = draft_pages.__module__, draft_pages.__qualname__
    pinghu_nlp.pipeline._draft_pages = timed  # the pool's task, pickled by name
"""
"""Run first in each measured process: every worker writes its CPU time (a spaCy worker when it
ends, a worker of pinghu_nlp's pool after each batch of pages)."""

RUN = """
import json, resource, sys, time
from pathlib import Path

kind, processes, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
files = sorted(folder.glob("*.txt"))
texts = [path.read_text(encoding="utf-8") for path in files]


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if kind == "jieba":
    import jieba.posseg

    list(jieba.posseg.cut(texts[0]))  # jieba's dictionary loaded before timing
    run = lambda: [list(jieba.posseg.cut(text)) for text in texts]
elif kind == "pipe":
    import pinghu_nlp
    from pinghu_nlp.pipeline import batch_size_for

    nlp = pinghu_nlp.load()
    nlp(texts[0])
    size = batch_size_for(len(texts), processes)
    run = lambda: sum(1 for _ in nlp.pipe(texts, n_process=processes, batch_size=size))
elif kind == "extract":
    import pinghu_nlp

    _time_the_pool()
    pinghu_nlp.extract(texts[:1])  # the shared pipeline loaded and warm
    run = lambda: pinghu_nlp.extract(files, n_process=processes)
start, start_cpu = time.perf_counter(), cpu()
run()
seconds, parent = time.perf_counter() - start, cpu() - start_cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "parent": parent, "peak_mb": peak}))
"""

CLI = """
import json, resource, sys, time
from pinghu_nlp.cli import main

_time_the_pool()
start = time.perf_counter()
code = main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
seconds = time.perf_counter() - start
peak = usage.ru_maxrss / 1024
print(json.dumps({"in_main": seconds, "parent": usage.ru_utime + usage.ru_stime, "peak_mb": peak}))
sys.exit(code)
"""


COLD = """
import json, sys, time

stamps = {"start": time.time()}  # the interpreter's own start: the parent's clock before it


def stamp(name):
    stamps[name] = time.time()


import spacy

stamp("import spacy")
import pandas

stamp("import pandas")
import pinghu_nlp.pipeline

stamp("import pinghu_nlp.pipeline (spaCy, pandas excluded)")
import pinghu_nlp.tables

stamp("import pinghu_nlp.tables")
nlp = pinghu_nlp.load()
stamp("load() (jieba's dictionaries, LAC, components)")
pinghu_nlp.extract([sys.argv[1]])
stamp("extract() one page (cn2an at the first number not plain)")
print(json.dumps(stamps), flush=True)
"""
"""A cold ``extract()`` of one page, stamped after each stage (the parent adds the
interpreter's start and the exit: from its own clock before the process and after it)."""


PAGE_CHARS = 3_000


def corpus_paragraphs(corpora: Path):
    """News text of the public corpora, a paragraph or sentence at a time: the SIGHAN 2005 test
    texts, then the sentences of People's Daily, MSRA and CLUENER (text no cache has seen)."""
    sys.path.insert(0, str(ROOT / "training"))
    from convert import held_out_examples, read_cluener

    for name in ("pku_test.utf8", "msr_test.utf8"):
        path = corpora / "icwb2_sighan2005" / "testing" / name
        yield from (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    for examples in held_out_examples(corpora).values():
        yield from (text for text, _ in examples)
    yield from (text for text, _ in read_cluener(corpora / "cluener2020" / "train.json"))


def corpus_pages(total_chars: int, corpora: Path) -> list[str]:
    """Pages of about :data:`PAGE_CHARS` characters of :func:`corpus_paragraphs`, until they
    hold ``total_chars`` characters."""
    out, page, size = [], [], 0
    for paragraph in corpus_paragraphs(corpora):
        page.append(paragraph)
        if sum(map(len, page)) >= PAGE_CHARS:
            out.append("\n".join(page) + "\n")
            size += len(out[-1])
            page = []
            if size >= total_chars:
                break
    return out


def pages(total_chars: int) -> list[str]:
    """The seed pages repeated until they hold ``total_chars`` characters, each copy distinct."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out, size = [], 0
    while size < total_chars:
        for page in seeds:
            out.append(f"{page}\n{len(out)}\n")
            size += len(out[-1])
    return out


def measure(kind: str, processes: int, folder: Path, out: Path) -> dict:
    """One row, in a fresh process: wall seconds, the parent's and each worker's CPU seconds."""
    with tempfile.TemporaryDirectory() as workers:
        env = {**os.environ, "PINGHU_BENCH_WORKERS": workers}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        if kind == "cli":
            argv = ["extract", str(folder), "--out", str(out), "--quiet"]
            argv += ["--n-process", str(processes)] if processes else []  # 0: the default
            command = [sys.executable, "-c", WORKER_CPU + CLI, *argv]
        else:
            command = [sys.executable, "-c", WORKER_CPU + RUN, kind, str(processes), str(folder)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        wall = time.perf_counter() - start
        row = json.loads(done.stdout.splitlines()[-1])
        if kind == "cli":
            row["seconds"] = wall  # start to exit, as a user waits for it
        cpus = [json.loads(p.read_text()) for p in sorted(Path(workers).glob("*.json"))]
        row["workers"] = sorted(cpus, reverse=True)
    return row


ROWS = [
    ("jieba.posseg", "jieba", 1),
    ("pinghu_nlp `nlp.pipe`, 1 process", "pipe", 1),
    ("pinghu_nlp `nlp.pipe`, 2 processes", "pipe", 2),
    ("`extract()`, 1 process", "extract", 1),
    ("`extract()`, 2 processes", "extract", 2),
    ("command line, `--n-process 1`, start to exit", "cli", 1),
    ("command line default (`pinghu-nlp extract DIR --out OUT`), start to exit", "cli", 0),
]


def spread(values: list[float], digits: int = 1) -> str:
    """``median (min–max)`` of a row's rounds, or the value for one round."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    low, high = min(values), max(values)
    return f"{statistics.median(values):.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"


def cold_start_seconds(page: Path | str) -> float:
    """One page (a file, or a page's text) through ``extract`` in a fresh process, process
    start to exit."""
    code = f"import pinghu_nlp; pinghu_nlp.extract([{str(page)!r}])"
    env = {**os.environ}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def import_seconds(then: str = "") -> float:
    """Seconds of ``import pinghu_nlp`` in a fresh process, and of the statement ``then`` after
    it (``pinghu_nlp.extract``: the first use of a public name imports spaCy and the rest)."""
    code = f"import time; t = time.perf_counter(); import pinghu_nlp; {then or 'pass'}; "
    code += "print(time.perf_counter() - t)"
    env = {**os.environ}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return float(run.stdout.split()[-1])


def _cold_env() -> dict[str, str]:
    env = {**os.environ}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def cold_stages(page: Path) -> dict[str, float]:
    """Seconds of each stage of a cold one-page ``extract()`` (:data:`COLD`), process start to
    exit: the interpreter's start, the imports, ``load()``, the page, the exit."""
    before = time.time()
    run = subprocess.run(
        [sys.executable, "-c", COLD, str(page)],
        capture_output=True,
        text=True,
        env=_cold_env(),
        check=True,
    )
    after = time.time()
    stamps = json.loads(run.stdout.splitlines()[-1])
    times = {"interpreter start": stamps.pop("start") - before}
    previous = before + times["interpreter start"]
    for name, at in stamps.items():
        times[name], previous = at - previous, at
    times["exit (interpreter finalisation)"] = after - previous
    times["total"] = after - before
    return times


def cli_cold_seconds(page: Path, out: Path) -> float:
    """``pinghu-nlp extract PAGE --out OUT`` on one page, process start to exit."""
    command = [sys.executable, "-m", "pinghu_nlp.cli", "extract", str(page), "--out", str(out)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=_cold_env(), capture_output=True)
    return time.perf_counter() - start


def cold_start(rounds: int) -> None:
    """The cold start alone: medians (min–max) of ``rounds`` fresh processes each."""
    page = sorted(SEEDS.glob("*.txt"))[0]
    sentence = "市委书记仲旭东主持会议。"
    imports, public, sentences, clis, stage_runs = [], [], [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        for number in range(rounds):
            imports.append(import_seconds())
            public.append(import_seconds("pinghu_nlp.extract"))
            sentences.append(cold_start_seconds(sentence))
            stage_runs.append(cold_stages(page))
            clis.append(cli_cold_seconds(page, Path(scratch) / f"out_{number}"))
    print(f"{rounds} rounds, {os.cpu_count()} cores; median (min–max) seconds, start to exit")
    print("| cold start | seconds |")
    print("|---|---|")
    print(f"| `import pinghu_nlp` (in the process) | {spread(imports, 3)} |")
    print(f"| `import pinghu_nlp; pinghu_nlp.extract` (in the process) | {spread(public, 2)} |")
    print(f"| `pinghu_nlp.extract([{sentence!r}])` | {spread(sentences, 2)} |")
    print(f"| `pinghu_nlp.extract([page])`, seed page {page.name} | ", end="")
    print(f"{spread([run['total'] for run in stage_runs], 2)} |")
    print(f"| `pinghu-nlp extract PAGE --out OUT` | {spread(clis, 2)} |")
    print("\n| stage of a cold `extract([page])` | seconds |")
    print("|---|---|")
    for name in stage_runs[0]:
        if name != "total":
            print(f"| {name} | {spread([run[name] for run in stage_runs], 3)} |")


def stages(texts: list[str]) -> None:
    """The time share of each stage of the pipeline, and of the tables, in this process."""
    import pinghu_nlp
    from pinghu_nlp.tables import tabulate

    nlp = pinghu_nlp.load()
    nlp(texts[0])
    times = {"tokenizer (layout + words)": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    docs = []
    for text in texts:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        times["tokenizer (layout + words)"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            times[name] += time.perf_counter() - start
        docs.append(doc)
    in_nlp = sum(times.values())
    start = time.perf_counter()
    tabulate(docs)
    times["link + tables (tabulate)"] = time.perf_counter() - start
    total = sum(times.values())
    print("\n| stage | share of the time with tables | share of nlp.pipe's time |")
    print("|---|---|---|")
    for name, seconds in times.items():
        share = f"{seconds / in_nlp:.0%}" if "tables" not in name else "–"
        print(f"| {name} | {seconds / total:.0%} | {share} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--stages", action="store_true")
    parser.add_argument(
        "--text",
        choices=("corpus", "seeds"),
        default="corpus",
        help="corpus: news paragraphs of the public corpora, text no cache has seen (default); "
        "seeds: the seed pages repeated, each copy numbered (their words and tags are cached "
        "after the first copy, so this flatters every system that caches)",
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--only", help="only the rows of this kind (jieba, pipe, extract, cli), or the cold start"
    )
    args = parser.parse_args()
    if args.only == "cold":
        cold_start(max(args.rounds, 3))
        return
    if args.text == "corpus":
        texts = corpus_pages(args.chars, args.shared / "corpora")
    else:
        texts = pages(args.chars)
    chars = sum(map(len, texts))
    rows = [row for row in ROWS if args.only in (None, row[1])]
    results: dict[str, list[dict]] = {name: [] for name, _, _ in rows}
    cold, imports = [], []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "pages"
        folder.mkdir()
        for number, text in enumerate(texts):
            (folder / f"page_{number:05d}.txt").write_text(text, encoding="utf-8")
        for round_number in range(args.rounds):
            for name, kind, processes in rows:
                out = Path(scratch) / f"out_{round_number}_{kind}_{processes}"
                results[name].append(measure(kind, processes, folder, out))
                print(f"round {round_number + 1}: {name}: {results[name][-1]}", file=sys.stderr)
            if args.only is None:
                cold.append(cold_start_seconds(folder / "page_00000.txt"))
                imports.append(import_seconds())
    jieba_rows = results.get("jieba.posseg") or [{"seconds": math.nan}]
    jieba = statistics.median(r["seconds"] for r in jieba_rows)
    print(
        f"text: {chars:,} characters ({len(texts)} pages, {args.text}); {args.rounds} round(s), "
        f"{os.cpu_count()} cores; median (min–max) over the rounds"
    )
    print("| system | chars/s | × jieba.posseg | seconds | CPU s: parent / workers | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for name, runs in results.items():
        speed = [chars / r["seconds"] for r in runs]
        ratio = [jieba / r["seconds"] for r in runs]
        parent = spread([r["parent"] for r in runs])
        workers = [spread([r["workers"][i] for r in runs]) for i in range(len(runs[0]["workers"]))]
        cpu = " / ".join([parent, *workers])
        peak = spread([r["peak_mb"] for r in runs], 0)
        seconds = spread([r["seconds"] for r in runs])
        print(f"| {name} | {spread(speed, 0)} | {spread(ratio, 2)} | {seconds} | {cpu} | {peak} |")
    by_kind = {(kind, n): results[name] for name, kind, n in rows}
    for kind, label in (("pipe", "`nlp.pipe`"), ("extract", "`extract()`")):
        if (kind, 1) not in by_kind:
            continue
        one = [r["seconds"] for r in by_kind[kind, 1]]
        two = [r["seconds"] for r in by_kind[kind, 2]]
        speed_up = spread([a / b for a, b in zip(one, two, strict=True)], 2)
        print(f"speed-up of {label} with 2 processes: {speed_up}×")
    if ("cli", 1) in by_kind:
        one, default = ([r["seconds"] for r in by_kind["cli", n]] for n in (1, 0))
        speed_up = spread([a / b for a, b in zip(one, default, strict=True)], 2)
        print(f"speed-up of the command line, default (every core) over 1 process: {speed_up}×")
    if cold:
        print(
            f"cold start, one page through extract, process start to exit: {spread(cold, 2)} s; "
            f"`import pinghu_nlp`: {spread(imports, 2)} s"
        )
    if args.stages:
        stages(texts)


if __name__ == "__main__":
    main()
