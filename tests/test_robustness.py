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
def small_limits(monkeypatch, nlp):
    """A pipeline whose spaCy max_length, and a part size, are small, so that a 24,000-character
    page is long."""
    monkeypatch.setattr(nlp, "max_length", 10_000)
    monkeypatch.setattr(pages_module, "MAX_PART_CHARS", 8_000)
    return nlp


def test_a_page_longer_than_spacys_max_length_is_processed_in_parts(small_limits):
    raw = _long_page()
    seen = []
    pages = [raw, "市委书记仲旭东主持会议。"]
    result = pinghu_nlp.extract(pages, progress=seen.append, nlp=small_limits)
    assert len(seen) == 2  # progress once per page, not per part
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
    summary = run_batch([folder], out, n_process=2, nlp=small_limits)
    assert (summary.processed, summary.failed) == (2, 0)
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


def test_worker_processes_die_with_their_parent(tmp_path):
    """SIGKILL the command line mid-batch: its nlp.pipe workers end too."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(40):
        (folder / f"{number:02d}.txt").write_text(read_raw(SEED_PAGES[number % 4]) + str(number))
    command = [sys.executable, "-m", "pinghu_nlp.cli", "extract", str(folder), "--out"]
    parent = subprocess.Popen(
        [*command, str(tmp_path / "out"), "--n-process", "2", "--quiet"],
        cwd=os.getcwd(),
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.5)
        children = f"/proc/{parent.pid}/task/{parent.pid}/children"
        with open(children) as handle:
            workers = [int(pid) for pid in handle.read().split()]
        workers = [pid for pid in workers if _is_python(pid)]
    assert len(workers) >= 2, "the batch never started its workers"
    time.sleep(3)  # the workers have taken their first pages
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)]


def _is_python(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return b"python" in handle.read()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


PAGE = "平湖市委书记仲旭东主持会议，市领导周军波参加。\n"


def test_truncated_and_damaged_utf8_pages_are_kept_with_the_real_byte_offset(tmp_path):
    data = (PAGE * 40).encode("utf-8")
    truncated, damaged = data[:-2], data[:30] + b"\xff" + data[30:]
    pinghu_nlp_pages = pages_module
    page = pinghu_nlp_pages.page_from_bytes(truncated, "t.txt", "t.txt")
    assert page.encoding == "utf-8" and page.raw.endswith("\ufffd")
    assert page.warning == (
        f"invalid UTF-8 at byte {len(data) - 4}, each bad sequence read as U+FFFD"  # the 。 cut
    )
    page = pinghu_nlp_pages.page_from_bytes(damaged, "d.txt", "d.txt")
    assert page.raw == (PAGE * 40)[:10] + "\ufffd" + (PAGE * 40)[10:]
    assert page.warning.startswith("invalid UTF-8 at byte 30,")
    (tmp_path / "d.txt").write_bytes(damaged)
    result = pinghu_nlp.extract([tmp_path / "d.txt"])
    assert "仲旭东" in set(result.mentions.name)
    assert result.errors.severity.tolist() == ["warning"]


def test_bytes_neither_utf8_nor_gb18030_name_both_offsets():
    with pytest.raises(pinghu_nlp.PageError, match=r"not UTF-8 \(bad byte at 0\) or GB18030"):
        pages_module.page_from_bytes(b"\xff\xff\xff\xff" * 50, "x.txt", "x.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_pages_with_a_byte_order_mark_are_decoded(tmp_path, encoding):
    data = PAGE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "u.txt").write_bytes(data)
    result = pinghu_nlp.extract([tmp_path / "u.txt"])
    assert "仲旭东" in set(result.mentions.name)
    assert result.errors.reason.tolist() == [f"decoded as {encoding[:6].upper()}, not UTF-8"]


def test_text_and_paths_are_kept_apart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED_PAGES[0], tmp_path / "page.txt")
    result = pinghu_nlp.extract([""])  # never the current folder
    assert result.articles.empty
    assert result.errors[["source", "reason"]].values.tolist() == [
        ["doc-0", "empty page (no text)"]
    ]
    result = pinghu_nlp.extract(["市委书记仲旭东的讲话见 附件.txt", "missing.txt", "page.txt"])
    assert set(result.articles.doc_id) == {"doc-0", "page.txt"}
    assert result.errors[["source", "reason"]].values.tolist() == [["missing.txt", "no such file"]]


def test_doc_ids_are_unique_where_file_names_collide(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(f"{folder}：{PAGE}", encoding="utf-8")
    result = pinghu_nlp.extract([tmp_path])
    assert set(result.articles.doc_id) == {"page.txt", str(tmp_path / "b" / "page.txt")}
    assert result.entities.set_index("entity_id").loc["PERSON:仲旭东", "n_docs"] == 2
    assert result.articles.article_id.is_unique


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("pinghu-nlp: error: "), err
    return err


@pytest.mark.parametrize("issue_date", ["garbage", "2023-02-30"])
def test_a_bad_issue_date_is_a_usage_error(tmp_path, capsys, issue_date):
    args = ["extract", str(SEED_PAGES[0]), "--out", str(tmp_path / "o"), "--issue-date", issue_date]
    assert main(args) == 2
    assert "--issue-date" in _one_line_error(capsys)
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_out_pointing_at_a_file_is_a_usage_error(tmp_path, capsys, fmt):
    (tmp_path / "file").write_text("x")
    args = ["extract", str(SEED_PAGES[0]), "--out", str(tmp_path / "file"), "--format", fmt]
    assert main(args) == 2
    assert "is a file, not a folder" in _one_line_error(capsys)


def test_bad_sql_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(SEED_PAGES[2]), "--out", str(tmp_path), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["query", str(tmp_path), "SELEC nothing FROM mentions"]) == 2
    assert "bad SQL" in _one_line_error(capsys)


def test_evaluate_without_gold_is_a_usage_error(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(tmp_path / "missing")]) == 2
    assert "no such folder" in _one_line_error(capsys)
    assert main(["evaluate", "--gold", str(tmp_path)]) == 2
    assert "no gold files" in _one_line_error(capsys)
    from pinghu_nlp.evaluate import evaluate

    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path)


def test_figures_dev_without_gold_exits_2(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "figures_dev.py"
    done = subprocess.run(
        [sys.executable, str(script), "--shared", str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "no gold files" in done.stderr


def test_each_bad_page_is_reported_once_on_stderr(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    args = [
        "extract",
        str(SEED_PAGES[2]),
        str(tmp_path / "empty.txt"),
        "--out",
        str(tmp_path / "o"),
    ]
    assert main(args) == 0
    assert capsys.readouterr().err.count("empty.txt") == 1


def test_errors_accumulate_across_reruns(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "later.txt").write_bytes(b"")
    out = tmp_path / "out"
    run_batch([SEED_PAGES[2], tmp_path / "empty.txt"], out)
    run_batch([SEED_PAGES[2], tmp_path / "empty.txt", tmp_path / "later.txt"], out)
    errors = read_tables(out)["errors"]
    assert sorted(errors.source) == [str(tmp_path / "empty.txt"), str(tmp_path / "later.txt")]
    (tmp_path / "later.txt").write_text(PAGE, encoding="utf-8")  # fixed: no longer an error
    run_batch([tmp_path / "later.txt"], out)
    assert read_tables(out)["errors"].source.tolist() == [str(tmp_path / "empty.txt")]


def test_output_files_honour_the_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        run_batch([SEED_PAGES[2]], tmp_path / "out")
        pinghu_nlp.extract([PAGE]).to_csv(tmp_path / "csv")
    finally:
        os.umask(previous)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files and {oct(p.stat().st_mode & 0o777) for p in files} == {oct(0o640)}


def test_formula_cells_are_escaped_in_csv_and_excel(tmp_path):
    import openpyxl

    result = pinghu_nlp.extract(["平湖新闻\n本报讯 市委书记仲旭东主持会议。"])
    formulas = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]
    result.articles = pd.concat([result.articles] * len(formulas), ignore_index=True)
    result.articles["headline"] = formulas
    result.to_csv(tmp_path)
    result.to_excel(tmp_path / "t.xlsx")
    written = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False).headline.tolist()
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["articles"]
    column = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]  # headline
    expected = ["'" + f for f in formulas]
    assert written == expected
    assert column == expected
    assert pd.read_csv(tmp_path / "mentions.csv").text.tolist() == result.mentions.text.tolist()


def test_jieba_cache_is_private_and_never_in_tmp(tmp_path, monkeypatch):
    from pinghu_nlp import segment

    assert not str(segment.cache_folder()).startswith(("/tmp/", "/var/tmp/"))
    assert segment.word_segmenter().tmp_dir == str(segment.cache_folder())
    assert segment.cache_folder().stat().st_mode & 0o077 == 0
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment.cache_folder.cache_clear()
    try:
        assert segment.cache_folder() == tmp_path / "pinghu_nlp"
        os.chmod(tmp_path / "pinghu_nlp", 0o777)  # planted or shared: not trusted
        segment.cache_folder.cache_clear()
        fallback = segment.cache_folder()
        assert fallback != tmp_path / "pinghu_nlp"
        assert fallback.stat().st_mode & 0o077 == 0
    finally:
        segment.cache_folder.cache_clear()


def test_an_error_in_a_worker_is_raised_in_the_parent_and_ends_the_pool():
    """A component that fails on one page in a worker of the 2-process pool: the run raises
    that error, as the 1-process run does, and no worker is left."""
    import multiprocessing

    from spacy.language import Language

    name = "test_fails_on_a_marked_page"
    if name not in Language.factories:

        @Language.component(name)
        def fails_on_a_marked_page(doc):
            if "炸" in doc._.raw:
                raise RuntimeError("a component failed on this page")
            return doc

    nlp = pinghu_nlp.load(model=False)
    nlp.add_pipe(name)
    pages = ["市委书记仲旭东主持会议。", "炸", "他来了。"]
    for n_process in (1, 2):
        with pytest.raises(RuntimeError, match="a component failed"):
            pinghu_nlp.extract(pages, n_process=n_process, nlp=nlp)
    assert not multiprocessing.active_children()
