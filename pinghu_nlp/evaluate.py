"""Evaluation against gold files, with the metrics of ``../shared/eval/score.py``.

ner: exact (start, end, label) matches, micro and per label, predictions overlapping an
``optional`` gold span ignored; holds: HOLDS_TITLE (person, title) pairs per page; table: the
same pairs over the whole corpus; linking: share of gold PERSON mentions found with the right
canonical name.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path

from .tables import Result


def _nospace(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _pairs(doc: dict, optional: bool = False) -> set[tuple[str, str]]:
    """HOLDS_TITLE pairs of a gold or predicted file."""
    if "holds_title" in doc and not optional:
        return {(_nospace(a), _nospace(b)) for a, b in doc["holds_title"]}
    return {
        (_nospace(holder), _nospace(span.get("text", "")))
        for span in doc["spans"]
        if span["label"] == "TITLE" and bool(span.get("optional")) == optional
        for holder in span.get("holders", [])
    }


def _restates_optional(pair: tuple[str, str], optional_pairs: set[tuple[str, str]]) -> bool:
    return any(pair[0] == a and (pair[1] in b or b in pair[1]) for a, b in optional_pairs)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    """Scores of predicted files against gold files, both keyed by page name."""
    per_label: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    holds = [0, 0, 0]
    linked = n_people = 0
    gold_table: set[tuple[str, str]] = set()
    pred_table: set[tuple[str, str]] = set()
    for name, g in gold.items():
        p = pred.get(name, {"spans": []})
        optional = [(s["start"], s["end"]) for s in g["spans"] if s.get("optional")]
        gold_spans = {
            (s["start"], s["end"], s["label"]): s for s in g["spans"] if not s.get("optional")
        }
        pred_spans = {
            (s["start"], s["end"], s["label"]): s
            for s in p["spans"]
            if (s["start"], s["end"], s["label"]) in gold_spans
            or not any(s["start"] < e and b < s["end"] for b, e in optional)
        }
        for key in gold_spans.keys() & pred_spans.keys():
            per_label[key[2]][0] += 1
        for key in pred_spans.keys() - gold_spans.keys():
            per_label[key[2]][1] += 1
        for key in gold_spans.keys() - pred_spans.keys():
            per_label[key[2]][2] += 1
        for key, span in gold_spans.items():
            if key[2] == "PERSON":
                n_people += 1
                found = pred_spans.get(key)
                linked += found is not None and _nospace(found.get("ref") or "") == span["ref"]
        gold_pairs, optional_pairs = _pairs(g), _pairs(g, optional=True)
        pred_pairs = {
            x for x in _pairs(p) if x in gold_pairs or not _restates_optional(x, optional_pairs)
        }
        holds[0] += len(gold_pairs & pred_pairs)
        holds[1] += len(pred_pairs - gold_pairs)
        holds[2] += len(gold_pairs - pred_pairs)
        gold_table |= gold_pairs
        pred_table |= pred_pairs
    totals = [sum(v[i] for v in per_label.values()) for i in range(3)]
    return {
        "ner": {"micro": _prf(*totals), **{k: _prf(*v) for k, v in sorted(per_label.items())}},
        "holds": _prf(*holds),
        "table": _prf(
            len(gold_table & pred_table), len(pred_table - gold_table), len(gold_table - pred_table)
        ),
        "linking": {"acc": round(linked / n_people, 4) if n_people else 0.0, "n": n_people},
    }


def read_folder(directory: str | Path) -> dict[str, dict]:
    """All ``<page>.json`` files of a folder, keyed by file stem."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(Path(directory).glob("*.json"))
    }


def write_predictions(result: Result, directory: str | Path) -> None:
    """One ``<page>.json`` per page, in the gold format the scorer reads."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    holds = result.relations[result.relations["relation"] == "HOLDS_TITLE"]
    for doc_id, mentions in result.mentions.groupby("doc_id", observed=True):
        pairs = holds[holds["doc_id"] == doc_id]
        data = {
            "doc": doc_id,
            "spans": [
                {
                    "start": int(m.start),
                    "end": int(m.end),
                    "label": m.label,
                    "text": m.text,
                    "ref": m.name,
                }
                for m in mentions.itertuples()
            ],
            "holds_title": [[h, t] for h, t in zip(pairs["head"], pairs["tail"], strict=True)],
        }
        stem = doc_id[:-4] if doc_id.endswith(".txt") else doc_id
        (directory / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def evaluate(
    gold: str | Path, pred: str | Path | None = None, pages: str | Path | None = None
) -> dict:
    """Score a folder of predictions, or extract ``pages`` (default: the gold's pages) first.

    Without ``pred`` the pages are looked for in ``pages``, else in ``seeds`` beside ``gold``.
    A ``gold`` folder that is missing or holds no gold file raises ``FileNotFoundError``.
    """
    gold_files = read_folder(gold)
    if not gold_files:
        raise FileNotFoundError(f"{gold}: no gold files (*.json) here")
    if pred is None:
        from .pipeline import extract

        folder = Path(pages) if pages else Path(gold).parent / "seeds"
        result = extract([folder / f"{name}.txt" for name in gold_files])
        with tempfile.TemporaryDirectory() as scratch:
            write_predictions(result, scratch)
            return score(gold_files, read_folder(scratch))
    return score(gold_files, read_folder(pred))


def format_scores(scores: dict) -> str:
    """The scores as the table ``score.py`` prints."""
    lines = []
    for label, v in scores["ner"].items():
        lines.append(
            f"ner {label:9s} P={v['p']:.3f} R={v['r']:.3f} F={v['f']:.3f}  "
            f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})"
        )
    for key in ("holds", "table"):
        v = scores[key]
        lines.append(
            f"{key:13s} P={v['p']:.3f} R={v['r']:.3f} F={v['f']:.3f}  "
            f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})"
        )
    link = scores["linking"]
    lines.append(f"linking       acc={link['acc']:.3f} over {link['n']} gold PERSON mentions")
    return "\n".join(lines)
