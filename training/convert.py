"""Convert the public corpora in ../shared/corpora into spaCy DocBin files, one token per character.

Label mapping onto ANNOTATION.md:

| corpus | PERSON | ORG | LOC |
|---|---|---|---|
| People's Daily (example.*), MSRA | PER | ORG | LOC |
| Resume NER | NAME | ORG | LOC |
| CLUENER2020 | name | organization, company, government | address, scene |

Other labels (Resume TITLE/EDU/…, CLUENER position/book/game/movie) become plain text: titles are
found by the title grammar, not by the model. Training uses People's Daily dev, the MSRA dev
sample (drawn from MSRA train), Resume train and CLUENER train; People's Daily test and MSRA test
are held out for ``benchmarks/ner_public.py``. The project's gold pages are never used.

usage: python training/convert.py [--corpora ../shared/corpora] [--out training/corpus]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

LABELS = {
    "PER": "PERSON",
    "NAME": "PERSON",
    "name": "PERSON",
    "ORG": "ORG",
    "organization": "ORG",
    "company": "ORG",
    "government": "ORG",
    "LOC": "LOC",
    "address": "LOC",
    "scene": "LOC",
}
Example = tuple[str, list[tuple[int, int, str]]]


def read_char_tags(
    path: Path, separator: str | None = None, labels: dict[str, str] = LABELS
) -> Iterator[Example]:
    """CoNLL files, one ``char tag`` per line (BIO or BMES), blank lines between sentences."""
    chars: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if chars:
                yield "".join(chars), _spans_from_tags(tags, labels)
            chars, tags = [], []
            continue
        char, tag = line.split(separator) if separator else line.split()
        chars.append(char[0])
        tags.append(tag)


def read_parallel(sentences: Path, tag_lines: Path) -> Iterator[Example]:
    """MSRA's ``sentences.txt`` + ``tags.txt``: characters and tags separated by spaces."""
    for text, tags in zip(
        sentences.read_text(encoding="utf-8").splitlines(),
        tag_lines.read_text(encoding="utf-8").splitlines(),
        strict=True,
    ):
        chars, labels = text.split(), tags.split()
        yield "".join(c[0] for c in chars), _spans_from_tags(labels)


def read_cluener(path: Path) -> Iterator[Example]:
    """CLUENER JSON lines: ``label -> type -> mention -> [[start, end_inclusive]]``."""
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        spans = [
            (start, end + 1, LABELS[kind])
            for kind, mentions in item.get("label", {}).items()
            if kind in LABELS
            for positions in mentions.values()
            for start, end in positions
        ]
        yield item["text"], spans


def _spans_from_tags(
    tags: list[str], labels: dict[str, str] = LABELS
) -> list[tuple[int, int, str]]:
    """Character spans of BIO or BMES tags, mapped onto our labels (others dropped)."""
    spans, start, kind = [], None, None
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix in ("I", "M", "E") and label == kind and start is not None
        if not continues:
            if start is not None and kind in labels:
                spans.append((start, index, labels[kind]))
            start, kind = (index, label) if prefix in ("B", "S") else (None, None)
        if prefix in ("E", "S") and start is not None:
            if kind in labels:
                spans.append((start, index + 1, labels[kind]))
            start, kind = None, None
    return spans


def training_examples(corpora: Path) -> list[Example]:
    """All training sentences, from the sources named in the module docstring."""
    examples = list(read_char_tags(corpora / "peoples_daily_ner" / "example.dev"))
    examples += read_parallel(
        corpora / "msra_ner" / "val" / "sentences.txt", corpora / "msra_ner" / "val" / "tags.txt"
    )
    examples += read_char_tags(corpora / "resume_ner" / "train.char.bmes")
    examples += read_cluener(corpora / "cluener2020" / "train.json")
    return examples


WEIBO_NAMES = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "LOC.NAM": "LOC", "GPE.NAM": "LOC"}
"""Weibo NER's named mentions onto our labels (its nominal ones, 老师 or 网友, are no names)."""


def held_out_examples(corpora: Path) -> dict[str, list[Example]]:
    """The public test sets, never trained on."""
    return {
        "peoples_daily_test": list(read_char_tags(corpora / "peoples_daily_ner" / "example.test")),
        "msra_test": list(read_char_tags(corpora / "msra_ner" / "msra_test_bio", "\t")),
    }


def weibo_test(corpora: Path) -> list[Example]:
    """Weibo NER test (revised annotations), named mentions only; never trained on."""
    path = corpora / "weibo_ner" / "weiboNER_2nd_conll.test"
    return list(read_char_tags(path, "\t", WEIBO_NAMES))


def to_docbin(nlp, examples: list[Example]) -> DocBin:
    """Character-tokenised docs with their entities."""
    docbin = DocBin()
    for text, spans in examples:
        doc: Doc = nlp.make_doc(text)
        ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
        doc.ents = [span for span in ents if span is not None]
        docbin.add(doc)
    return docbin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent
    parser.add_argument("--corpora", type=Path, default=root.parent.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=root / "corpus")
    parser.add_argument("--dev-share", type=float, default=0.05)
    args = parser.parse_args()
    nlp = spacy.blank("zh")  # one token per character
    examples = [e for e in training_examples(args.corpora) if e[0].strip()]
    random.Random(13).shuffle(examples)
    cut = int(len(examples) * args.dev_share)
    args.out.mkdir(parents=True, exist_ok=True)
    to_docbin(nlp, examples[cut:]).to_disk(args.out / "train.spacy")
    to_docbin(nlp, examples[:cut]).to_disk(args.out / "dev.spacy")
    print(f"train {len(examples) - cut} sentences, dev {cut} -> {args.out}")


if __name__ == "__main__":
    main()
