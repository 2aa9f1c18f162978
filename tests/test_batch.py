"""Batch runs: Parquet page by page, skipping pages already done, equal to the in-memory result."""

import contextlib
import shutil

import pandas as pd
import pytest
from conftest import SEED_PAGES

import pinghu_nlp
from pinghu_nlp import batch
from pinghu_nlp.batch import read_tables, run_batch
from pinghu_nlp.cli import main


def test_batch_tables_equal_the_in_memory_result(tmp_path, seeds_result):
    summary = run_batch(SEED_PAGES, tmp_path)
    assert (summary.processed, summary.skipped, summary.failed) == (4, 0, 0)
    tables = read_tables(tmp_path)
    key = ["doc_id", "start", "end", "label"]
    ours = tables["mentions"].sort_values(key).reset_index(drop=True)
    theirs = seeds_result.mentions.drop(columns="refers_to").sort_values(key)
    pd.testing.assert_frame_equal(
        ours.drop(columns="refers_to"), theirs.reset_index(drop=True), check_dtype=False
    )
    assert sorted(tables["entities"].entity_id) == sorted(seeds_result.entities.entity_id)


TITLE_REFERENCE = "会上,市委书记强调要抓好落实。"
TITLE_HOLDER = "市委书记仲旭东主持会议。"


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ((TITLE_REFERENCE, TITLE_HOLDER), None),  # the holder comes later: not known yet
        ((TITLE_HOLDER, TITLE_REFERENCE), "PERSON:仲旭东"),  # known from an earlier page
    ],
    ids=["holder-later", "holder-earlier"],
)
def test_title_references_resolve_the_same_in_batch_and_in_memory(tmp_path, order, expected):
    paths = []
    for number, text in enumerate(order):
        paths.append(tmp_path / f"p{number}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", *map(str, paths), "--out", str(out), "--quiet"]) == 0
    reference_page = f"p{order.index(TITLE_REFERENCE)}.txt"
    for mentions in (pinghu_nlp.extract(paths).mentions, read_tables(out)["mentions"]):
        titles = mentions[(mentions["doc_id"] == reference_page) & (mentions["label"] == "TITLE")]
        assert [None if pd.isna(v) else v for v in titles["refers_to"]] == [expected]


def test_rerun_skips_pages_already_done(tmp_path):
    run_batch(SEED_PAGES[:2], tmp_path)
    again = run_batch(SEED_PAGES, tmp_path)
    assert (again.processed, again.skipped) == (2, 2)
    entities = read_tables(tmp_path)["entities"].set_index("entity_id")
    assert entities.loc["PERSON:仲旭东", "n_docs"] == 4  # nothing counted twice


def test_a_renamed_page_is_still_recognised_as_done(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SEED_PAGES[0], folder / "renamed.txt")
    run_batch([SEED_PAGES[0]], tmp_path / "out")
    assert run_batch([folder], tmp_path / "out").skipped == 1


def test_crash_after_some_pages_then_rerun_gives_the_same_tables(tmp_path, monkeypatch):
    complete = tmp_path / "complete"
    run_batch(SEED_PAGES, complete)
    crashed = tmp_path / "crashed"
    calls = {"n": 0}
    real_write = batch._write_page

    def crash_on_third_page(*args):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("killed mid-run")
        real_write(*args)

    monkeypatch.setattr(batch, "_write_page", crash_on_third_page)
    with contextlib.suppress(KeyboardInterrupt):
        run_batch(SEED_PAGES, crashed)
    monkeypatch.setattr(batch, "_write_page", real_write)
    assert not list(crashed.glob("**/.*"))  # no half-written file left behind
    run_batch(SEED_PAGES, crashed)
    for name in ("mentions", "relations", "articles"):
        key = ["doc_id", "start", "end"]
        a = read_tables(complete)[name].sort_values(key).reset_index(drop=True)
        b = read_tables(crashed)[name].sort_values(key).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b)


def test_cli_parquet_output_is_queryable(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(SEED_PAGES[2]), "--out", str(out), "--quiet"]) == 0
    assert main(["extract", str(SEED_PAGES[2]), "--out", str(out), "--quiet"]) == 0
    assert "0 pages processed, 1 already done" in capsys.readouterr().err
    result = pinghu_nlp.query(out, "SELECT count(*) AS n FROM mentions WHERE text = '周军 波'")
    assert result["n"].tolist() == [1]


def test_two_processes_give_the_same_tables(seeds_result):
    result = pinghu_nlp.extract(SEED_PAGES, n_process=2)
    for name in ("mentions", "relations", "articles", "entities"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(seeds_result, name))
