"""Compare word segmenters: SIGHAN 2005 PKU word P/R/F1, names kept whole on the seeds, speed.

usage (from the repo root): python benchmarks/segmentation.py [--userdict PATH] [--shared DIR]
"""

from __future__ import annotations

import argparse
import inspect
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import jieba

Segmenter = Callable[[str], list[str]]
SHARED = Path(__file__).resolve().parents[2] / "shared"


def read(path: Path) -> str:
    """A file's text exactly as stored (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def word_spans(words: list[str], text: str) -> list[tuple[int, int]]:
    """Character intervals of the non-blank words in ``text`` (words are found left to right)."""
    spans, position = [], 0
    for word in (w.strip() for w in words):
        if word:
            start = text.index(word, position)
            spans.append((start, start + len(word)))
            position = start + len(word)
    return spans


def pku_scores(segment: Segmenter, icwb2: Path) -> tuple[float, float, float, float]:
    """Word precision, recall, F1 on the PKU test set, and characters per second."""
    lines = read(icwb2 / "testing" / "pku_test.utf8").splitlines()
    gold = read(icwb2 / "gold" / "pku_test_gold.utf8").splitlines()
    start = time.perf_counter()
    predicted = [segment(line) for line in lines]
    seconds = time.perf_counter() - start
    correct = found = expected = 0
    for line, words, reference in zip(lines, predicted, gold, strict=True):
        ours, theirs = set(word_spans(words, line)), set(word_spans(reference.split(), line))
        correct, found, expected = (
            correct + len(ours & theirs),
            found + len(ours),
            expected + len(theirs),
        )
    chars = sum(len("".join(line.split())) for line in lines)
    p, r = correct / found, correct / expected
    return p, r, 2 * p * r / (p + r), chars / seconds


def names_kept_whole(segment: Segmenter, shared: Path) -> tuple[float, float, int]:
    """Shares of gold PERSON mentions kept as one word / as whole words, and their count."""
    one = whole = total = 0
    for gold_file in sorted((shared / "gold").glob("*.json")):
        gold = json.loads(read(gold_file))
        page = read(shared / "seeds" / gold["doc"])
        lines, offset = [], 0
        for line in page.splitlines(keepends=True):
            lines.append((offset, (line.splitlines() or [""])[0]))
            offset += len(line)
        for span in gold["spans"]:
            text, start, end = span["text"], span["start"], span["end"]
            if span["label"] != "PERSON" or span.get("optional") or any(c.isspace() for c in text):
                continue
            assert page[start:end] == text, (gold_file.name, span)
            base, line = next((o, t) for o, t in reversed(lines) if o <= start)
            spans = [(base + s, base + e) for s, e in word_spans(segment(line), line)]
            starts, ends = {s for s, _ in spans}, {e for _, e in spans}
            total += 1
            one += (start, end) in spans
            whole += start in starts and end in ends
    return one / total, whole / total, total


def pkuseg_default() -> Segmenter | str:
    """spacy-pkuseg's default model if it is on disk already, else why it is skipped."""
    import spacy_pkuseg
    from spacy_pkuseg.config import config

    bundled = sorted(p.name for p in (Path(spacy_pkuseg.__file__).parent / "models").iterdir())
    name = inspect.signature(spacy_pkuseg.pkuseg).parameters["model_name"].default
    home = Path(config.pkuseg_home)
    if not (home / f"{name}.zip").exists() or not (home / name / "weights.npz").exists():
        return f"skipped: default model {name!r} needs a download (package models/: {bundled})"
    return spacy_pkuseg.pkuseg().cut


def main() -> None:
    """Run every segmenter and print the markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--userdict", type=Path, help="jieba user dictionary for the jieba runs")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    args = parser.parse_args()
    jieba.setLogLevel(logging.WARNING)
    suffix = ""
    if args.userdict:
        jieba.load_userdict(os.fspath(args.userdict))
        suffix = f" + {args.userdict.name}"
    runs: dict[str, Segmenter | str] = {
        f"jieba (HMM){suffix}": jieba.lcut,
        f"jieba (no HMM){suffix}": lambda s: jieba.lcut(s, HMM=False),
        "spacy-pkuseg (default model)": pkuseg_default(),
    }
    print("| segmenter | PKU P | PKU R | PKU F1 | names one word | names whole words | chars/s |")
    print("|---|---|---|---|---|---|---|")
    for name, segment in runs.items():
        if isinstance(segment, str):
            print(f"| {name} | – | – | – | – | – | {segment} |")
            continue
        segment("平湖市人民政府欢迎你。")  # warm-up: loads dictionaries and models
        p, r, f, speed = pku_scores(segment, args.shared / "corpora" / "icwb2_sighan2005")
        one, whole, total = names_kept_whole(segment, args.shared)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {one:.3f} | {whole:.3f} | {speed:,.0f} |")
    print(f"\nnames: {total} gold PERSON mentions (not optional, no whitespace) on the seed pages")


if __name__ == "__main__":
    main()
