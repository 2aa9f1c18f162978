"""pinghu-nlp evaluate computes exactly what ../shared/eval/score.py computes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pinghu_nlp.cli import main
from pinghu_nlp.evaluate import read_folder, score, write_predictions

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(
    not (SHARED / "eval" / "score.py").exists(), reason="../shared (gold and scorer) not beside"
)


@needs_shared
def test_our_scores_equal_the_shared_scorer(seeds_result, tmp_path):
    write_predictions(seeds_result, tmp_path)
    shared = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            str(SHARED / "gold"),
            str(tmp_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert score(read_folder(SHARED / "gold"), read_folder(tmp_path)) == json.loads(shared.stdout)


@needs_shared
def test_evaluate_command_prints_the_table(seeds_result, tmp_path, capsys):
    write_predictions(seeds_result, tmp_path)
    assert main(["evaluate", "--gold", str(SHARED / "gold"), "--pred", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].startswith("ner micro")
    assert "linking" in printed


def test_perfect_prediction_scores_one():
    gold = {
        "p": {
            "spans": [
                {"start": 0, "end": 4, "label": "TITLE", "text": "市委书记", "holders": ["仲旭东"]},
                {"start": 4, "end": 7, "label": "PERSON", "text": "仲旭东", "ref": "仲旭东"},
            ]
        }
    }
    scores = score(gold, gold)
    assert scores["ner"]["micro"]["f"] == 1.0
    assert scores["holds"]["f"] == 1.0
    assert scores["linking"]["acc"] == 1.0


def test_optional_gold_span_is_neither_missed_nor_a_false_positive():
    gold = {"p": {"spans": [{"start": 0, "end": 2, "label": "LOC", "optional": True}]}}
    pred = {"p": {"spans": [{"start": 0, "end": 3, "label": "ORG"}]}}
    micro = score(gold, pred)["ner"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (0, 0, 0)
