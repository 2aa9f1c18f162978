"""Word segmenters compared: SIGHAN 2005 PKU word F1, names kept whole on the seeds, speed.

usage: python benchmarks/segmentation.py [--shared ../shared]
spacy-pkuseg is tried too; its models are downloaded on first use, which this project does not
allow, so offline it reports why it cannot run.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from pinghu_nlp.segment import USER_DICTIONARY, word_segmenter

Segmenter = Callable[[str], list[str]]


def intervals(words: list[str]) -> set[tuple[int, int]]:
    """Character intervals of the words of one line (whitespace dropped)."""
    spans, offset = set(), 0
    for word in words:
        word = "".join(word.split())
        if word:
            spans.add((offset, offset + len(word)))
            offset += len(word)
    return spans


def pku_scores(segment: Segmenter, icwb2: Path) -> tuple[float, float, float, float]:
    """Precision, recall, F1 against the PKU gold, and characters per second."""
    raw = (icwb2 / "testing" / "pku_test.utf8").read_text(encoding="utf-8").splitlines()
    gold = (icwb2 / "gold" / "pku_test_gold.utf8").read_text(encoding="utf-8").splitlines()
    tp = found = expected = 0
    start = time.perf_counter()
    predictions = [segment(line.strip()) for line in raw]
    seconds = time.perf_counter() - start
    for predicted, reference in zip(predictions, gold, strict=True):
        ours, theirs = intervals(predicted), intervals(reference.split())
        tp, found, expected = tp + len(ours & theirs), found + len(ours), expected + len(theirs)
    chars = sum(len("".join(line.split())) for line in raw)
    p, r = tp / found, tp / expected
    return p, r, 2 * p * r / (p + r), chars / seconds


def names_kept_whole(segment: Segmenter, shared: Path) -> tuple[float, float, int]:
    """Share of gold PERSON names (without layout spaces) that are one word / whole words."""
    one = whole = total = 0
    for gold_file in sorted((shared / "gold").glob("*.json")):
        page = (shared / "seeds" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        for span in json.loads(gold_file.read_text(encoding="utf-8"))["spans"]:
            if span["label"] != "PERSON" or span.get("optional") or " " in span["text"]:
                continue
            line_start = page.rfind("\n", 0, span["start"]) + 1
            line_end = page.find("\n", span["end"])
            line = page[line_start : line_end if line_end != -1 else len(page)]
            words, offset, bounds = segment(line), line_start, set()
            for word in words:
                bounds.add(offset)
                offset += len(word)
            bounds.add(offset)
            total += 1
            whole += span["start"] in bounds and span["end"] in bounds
            inner = any(span["start"] < b < span["end"] for b in bounds)
            one += span["start"] in bounds and span["end"] in bounds and not inner
    return one / total, whole / total, total


def segmenters() -> dict[str, Segmenter | str]:
    """The segmenters to compare, or why one cannot run here."""
    plain = jieba.Tokenizer()
    ours = word_segmenter(str(USER_DICTIONARY))
    found: dict[str, Segmenter | str] = {
        "jieba (HMM)": lambda s: plain.lcut(s, HMM=True),
        "jieba (no HMM)": lambda s: plain.lcut(s, HMM=False),
        "jieba + pinghu_nlp user dictionary (the pipeline's)": lambda s: ours.lcut(s, HMM=True),
    }
    try:
        import spacy_pkuseg

        model = spacy_pkuseg.pkuseg()
        found["spacy-pkuseg (default model)"] = model.cut
    except Exception as error:  # noqa: BLE001  (any failure means: not usable offline)
        found["spacy-pkuseg (default model)"] = f"cannot load offline: {type(error).__name__}"
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    args = parser.parse_args()
    icwb2 = args.shared / "corpora" / "icwb2_sighan2005"
    print("| segmenter | PKU P | PKU R | PKU F1 | names one word | names whole words | chars/s |")
    print("|---|---|---|---|---|---|---|")
    for name, segment in segmenters().items():
        if isinstance(segment, str):
            print(f"| {name} | – | – | – | – | – | {segment} |")
            continue
        segment("预热")
        p, r, f, speed = pku_scores(segment, icwb2)
        one, whole, total = names_kept_whole(segment, args.shared)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {one:.2f} | {whole:.2f} | {speed:,.0f} |")
    print(f"(names: {total} gold PERSON mentions on the seed pages, layout-split ones excluded)")


if __name__ == "__main__":
    main()
