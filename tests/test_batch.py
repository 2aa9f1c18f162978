"""Batch runs: Parquet page by page, skipping pages already done, equal to the in-memory result."""

import io
import shutil
from pathlib import Path

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


def kill_halfway(monkeypatch, chosen, nth: int) -> list[Path]:
    """Make the ``nth`` Parquet write to a path that is ``chosen`` write half its bytes, then
    die (inside the atomic write: its temporary file exists and is half full); the chosen paths
    written so far are returned in a list that grows."""
    real_write = batch.write_parquet
    writes = []

    def write_parquet(table, path):
        if chosen(Path(path)):
            writes.append(Path(path))
            if len(writes) == nth:
                whole = io.BytesIO()
                real_write(table, whole)
                Path(path).write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
                raise KeyboardInterrupt("killed mid-write")
        return real_write(table, path)

    monkeypatch.setattr(batch, "write_parquet", write_parquet)
    return writes


def test_a_crash_replacing_a_file_leaves_the_earlier_one_whole(tmp_path, monkeypatch):
    run_batch(SEED_PAGES[:2], tmp_path)
    earlier = (tmp_path / "entities.parquet").read_bytes()
    writes = kill_halfway(monkeypatch, lambda path: path.parent == tmp_path, nth=1)
    with pytest.raises(KeyboardInterrupt):
        run_batch(SEED_PAGES, tmp_path)  # killed rewriting entities.parquet at the end
    monkeypatch.undo()
    assert [p.name.startswith(".entities.parquet.") for p in writes] == [True]
    assert not list(tmp_path.glob("**/.*"))
    assert (tmp_path / "entities.parquet").read_bytes() == earlier
    assert set(pd.read_parquet(tmp_path / "entities.parquet")["n_docs"]) == {1, 2}


def test_a_crash_inside_a_write_leaves_no_half_file_and_a_rerun_gives_the_same_tables(
    tmp_path, monkeypatch
):
    complete = tmp_path / "complete"
    run_batch(SEED_PAGES, complete)
    crashed = tmp_path / "crashed"
    run_batch(SEED_PAGES[:2], crashed)  # the output of an earlier run
    before = {p.relative_to(crashed): p.read_bytes() for p in crashed.glob("**/*") if p.is_file()}
    writes = kill_halfway(monkeypatch, lambda path: path.parent.name == "relations", nth=2)
    with pytest.raises(KeyboardInterrupt):
        run_batch(SEED_PAGES, crashed)  # killed writing page 4's relations
    monkeypatch.undo()
    assert len(writes) == 2  # the failure was inside a write, after one had started
    assert not list(crashed.glob("**/.*"))  # the half-written temporary file is gone
    after = {p.relative_to(crashed): p for p in crashed.glob("**/*") if p.is_file()}
    assert {name: after[name].read_bytes() for name in before} == before  # earlier output intact
    relations = sorted(p.name for p in (crashed / "relations").glob("*"))
    assert len(relations) == 3  # pages 1-3 whole; page 4's part never appeared
    for name in relations:  # and each one that is there is whole
        pd.testing.assert_frame_equal(
            pd.read_parquet(crashed / "relations" / name),
            pd.read_parquet(complete / "relations" / name),
        )
    assert run_batch(SEED_PAGES, crashed).processed == 2  # the pages not done are done again
    ours, theirs = read_tables(crashed), read_tables(complete)
    for name in Result.TABLES:
        pd.testing.assert_frame_equal(_comparable(ours[name]), _comparable(theirs[name]), obj=name)


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


def test_workers_make_the_rows_and_the_tables_stay_the_same(tmp_path, monkeypatch, nlp):
    """With two processes the workers send each page's rows (a draft, no Doc) and the parent
    only links them: a 2-process batch equals the 1-process batch and extract(), 1 and 2
    processes, on every column, with a long page cut in parts and a bad page among them."""
    import multiprocessing

    from conftest import read_raw

    from pinghu_nlp import pages as pages_module
    from pinghu_nlp.rows import PageDraft

    monkeypatch.setattr(nlp, "max_length", 10_000)
    monkeypatch.setattr(pages_module, "MAX_PART_CHARS", 8_000)
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a_long.txt").write_text("\n\n".join(map(read_raw, SEED_PAGES)), encoding="utf-8")
    for number, text in enumerate([*EVENT_PAGES, "", TITLE_HOLDER, TITLE_REFERENCE]):
        (folder / f"b_{number}.txt").write_text(text, encoding="utf-8")
    for path in SEED_PAGES:
        shutil.copy(path, folder / f"c_{path.name}")
    pages = sorted(folder.glob("*.txt"))
    seen = []

    def report(item):
        if not isinstance(item, Exception):
            assert isinstance(item[1], PageDraft)
            seen.append(len(multiprocessing.active_children()))

    options = {"issue_date": "2023-10-09", "nlp": nlp}
    two = run_batch(pages, tmp_path / "two", n_process=2, batch_size=2, progress=report, **options)
    assert seen and set(seen) == {2}  # the pool's two workers made the drafts
    one = run_batch(pages, tmp_path / "one", **options)
    assert (two.processed, two.failed) == (one.processed, one.failed) == (10, 1)
    assert two.errors == one.errors
    assert len(read_tables(tmp_path / "two")["articles"].doc_id.unique()) == 10
    expected = {
        "one-process batch": read_tables(tmp_path / "one"),
        "extract()": vars(pinghu_nlp.extract(pages, **options)),
        "extract(n_process=2)": vars(pinghu_nlp.extract(pages, n_process=2, **options)),
    }
    ours = read_tables(tmp_path / "two")
    assert ours["mentions"]["refers_to"].notna().any()
    assert (ours["mentions"]["start"] > 8_000).any()  # rows of the long page's later parts
    for what, tables in expected.items():
        for name in Result.TABLES:
            assert len(ours[name]) == len(tables[name]) > 0, (what, name)
            pd.testing.assert_frame_equal(
                _comparable(ours[name]), _comparable(tables[name]), obj=f"{what}: {name}"
            )


def test_a_pages_arrow_tables_are_what_pandas_writes():
    import datetime as dt

    import pyarrow as pa

    from pinghu_nlp.schemas import PAGE_TABLES, arrow_table, typed_frame

    mentions = [
        {"doc_id": "a.txt", "start": 3, "end": 5, "text": "仲旭东", "label": "PERSON"},
        {"doc_id": "a.txt", "start": 9, "end": 12, "label": "MONEY", "value": 3.5, "unit": "元"},
        {"doc_id": "a.txt", "label": "DATE", "date_start": dt.date(2020, 7, 29), "value": None},
        {"doc_id": "a.txt", "label": "DATE", "date_start": None, "date_end": dt.date(2019, 1, 1)},
    ]
    relations = [
        {"doc_id": "a.txt", "relation": "HOLDS_TITLE", "date": dt.date(2020, 7, 29)},
        {"doc_id": "a.txt", "relation": "AT", "date": None, "start": None},
    ]
    articles = [{"doc_id": "a.txt", "kind": "news", "issue_date": "2020-07-29", "start": 0}]
    for rows, columns in (
        (mentions, PAGE_TABLES["mentions"]),
        (relations, PAGE_TABLES["relations"]),
        (articles, PAGE_TABLES["articles"]),
        ([], PAGE_TABLES["events"]),
    ):
        written = pa.Table.from_pandas(typed_frame(rows, columns), preserve_index=False)
        ours = arrow_table(rows, columns)
        assert ours.equals(written)
        assert ours.schema.metadata == written.schema.metadata
