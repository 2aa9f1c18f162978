"""Issue 13: no page breaks a batch, nothing is dropped in silence, outputs are safe to open."""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest
from conftest import SEED_PAGES, read_raw

import pinghu_nlp
from pinghu_nlp import pages as pages_module
from pinghu_nlp.batch import read_tables, run_batch
from pinghu_nlp.cli import main
from pinghu_nlp.pages import Page, find_pages, page_parts
from pinghu_nlp.pipeline import _shared_pipeline


def _long_page() -> str:
    """The four seed pages as one page (blank lines between), about 24,000 characters."""
    return "\n\n".join(read_raw(path) for path in SEED_PAGES)


def test_parts_tile_the_page_and_end_at_breaks():
    raw = _long_page() + "\r\n" + "平湖" * 3000
    parts = page_parts(Page("p", "p", raw), limit=5000)
    assert "".join(p.raw for p in parts) == raw
    assert all(len(p.raw) <= 5000 for p in parts)
    assert [p.offset for p in parts] == [
        sum(len(q.raw) for q in parts[:n]) for n in range(len(parts))
    ]
    assert {p.content_hash for p in parts} == {Page("p", "p", raw).content_hash}
    assert [(p.part, p.parts) for p in parts] == [(n, len(parts)) for n in range(len(parts))]
    for part in parts[:-1]:
        assert part.raw.endswith(("\n", "。", "！", "？", "；", " ")) or part.raw.endswith("平湖")
        assert not (part.raw.endswith("\r") and raw[part.offset + len(part.raw)] == "\n")
    blank_line_cuts = [p for p in parts[:-1] if p.raw.endswith("\n\n")]
    assert blank_line_cuts  # between the seed pages' articles first


def test_a_text_without_breaks_is_cut_at_the_limit():
    parts = page_parts(Page("p", "p", "平湖" * 6000), limit=5000)
    assert [len(p.raw) for p in parts] == [5000, 5000, 2000]


@pytest.fixture
def small_limits(monkeypatch):
    """spaCy's max_length and the part size made small, so a 24,000-character page is long."""
    nlp = _shared_pipeline()
    monkeypatch.setattr(nlp, "max_length", 10_000)
    monkeypatch.setattr(pages_module, "MAX_PART_CHARS", 8_000)


def test_a_page_longer_than_spacys_max_length_is_processed_in_parts(small_limits):
    raw = _long_page()
    result = pinghu_nlp.extract([raw, "市委书记仲旭东主持会议。"])
    assert result.errors.empty
    assert set(result.articles.doc_id) == {"doc-0", "doc-1"}
    page = result.mentions[result.mentions.doc_id == "doc-0"]
    assert len(page) > 700
    for row in page.itertuples():
        assert raw[row.start : row.end] == row.text
    for row in result.articles[result.articles.doc_id == "doc-0"].itertuples():
        assert 0 <= row.start < row.end <= len(raw)
    assert result.articles.article_id.is_unique
    people = set(page.name[page.label == "PERSON"])
    separate = pinghu_nlp.extract(SEED_PAGES).mentions
    assert len(people & set(separate.name[separate.label == "PERSON"])) >= 0.95 * len(people)


def test_a_long_page_in_a_two_process_batch(small_limits, tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "long.txt").write_text(_long_page(), encoding="utf-8")
    shutil.copy(SEED_PAGES[0], folder)
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--out", str(out), "--n-process", "2", "--quiet"]) == 0
    assert "2 pages processed, 0 failed" in capsys.readouterr().err
    tables = read_tables(out)
    assert set(tables["articles"].doc_id) == {"long.txt", SEED_PAGES[0].name}
    raw = _long_page()
    long = tables["mentions"][tables["mentions"].doc_id == "long.txt"]
    assert all(raw[r.start : r.end] == r.text for r in long.itertuples())
    assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == 0
    assert "0 pages processed, 2 already done" in capsys.readouterr().err


def test_an_identical_copy_is_counted_once_with_two_processes(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for path in SEED_PAGES[:3]:
        shutil.copy(path, folder)
    shutil.copy(SEED_PAGES[0], folder / "copy.txt")
    summary = run_batch([folder], tmp_path / "out", n_process=2)
    assert (summary.processed, summary.skipped) == (3, 1)
    assert [e[1] for e in summary.errors] == [
        f"same text as {folder / SEED_PAGES[0].name}, counted once"
    ]
    tables = read_tables(tmp_path / "out")
    assert tables["entities"].n_mentions.sum() == len(tables["mentions"])
    assert tables["articles"].doc_id.nunique() == 3


def test_folders_walk_reports_loops_dangling_links_and_unlistable_folders(tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "locked").mkdir()
    shutil.copy(SEED_PAGES[0], folder / "sub" / "a.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(pages_module.os, "scandir", scandir)
    found = list(find_pages([folder]))
    assert [p for p in found if isinstance(p, os.PathLike)] == [
        folder / "dangling.txt",
        folder / "self.txt",
        folder / "sub" / "a.txt",
    ]
    errors = {e.source: e.reason for e in found if isinstance(e, pinghu_nlp.PageError)}
    assert errors == {
        str(folder / "locked"): "folder cannot be listed (Permission denied)",
        str(folder / "sub" / "loop"): "link to a folder already walked (a loop), skipped",
    }
    result = pinghu_nlp.extract([folder])
    reasons = dict(zip(result.errors.source, result.errors.reason, strict=True))
    assert reasons[str(folder / "dangling.txt")] == "dangling link (its target does not exist)"
    assert reasons[str(folder / "self.txt")].startswith("cannot be read (Too many levels")
    assert reasons[str(folder / "locked")] == "folder cannot be listed (Permission denied)"
    assert set(result.articles.doc_id) == {"a.txt"}
    assert (result.errors.severity == "error").sum() == 4
    assert isinstance(result.errors, pd.DataFrame)
