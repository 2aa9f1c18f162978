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
from pinghu_nlp.tables import Result

EVENT_PAGES = [
    "本报讯 9月11日，市人大常委会召开会议。会议决定任命李华同志为嘉兴市人民政府副市长。",
    "本报讯 9月20日，嘉兴市人民政府副市长李华出席活动。",
    "本报讯 10月8日，会议决定免去李华同志的嘉兴市人民政府副市长职务。",
]


def test_batch_tables_equal_the_in_memory_result(tmp_path):
    pages = list(SEED_PAGES)
    for number, text in enumerate([*EVENT_PAGES, ""]):  # personnel changes, and a bad page
        pages.append(tmp_path / f"extra_{number}.txt")
        pages[-1].write_text(text, encoding="utf-8")
    summary = run_batch(pages, tmp_path / "out", issue_date="2023-10-09")
    assert (summary.processed, summary.skipped, summary.failed) == (7, 0, 1)
    tables = read_tables(tmp_path / "out")
    in_memory = pinghu_nlp.extract(pages, issue_date="2023-10-09")
    assert in_memory.mentions["refers_to"].notna().any()  # the column compared is not all null
    for name in Result.TABLES:
        ours, theirs = tables[name], getattr(in_memory, name)
        assert len(ours) == len(theirs) > 0, name  # empty tables would compare equal
        pd.testing.assert_frame_equal(_comparable(ours), _comparable(theirs), obj=name)


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """A table in a canonical row order, list cells (arrays after Parquet) as tuples."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(
                lambda v: tuple(v) if not isinstance(v, str) and hasattr(v, "__len__") else v
            )
    order = frame.astype(str).sort_values(list(frame.columns)).index
    return frame.loc[order].reset_index(drop=True)


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
