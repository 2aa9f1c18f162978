"""A batch with bad pages: every good page is processed, every bad one is named with a reason."""

import shutil

import pandas as pd
import pytest
from conftest import SEEDS

import pinghu_nlp
from pinghu_nlp.batch import read_tables
from pinghu_nlp.cli import main
from pinghu_nlp.pages import PageError, read_page
from pinghu_nlp.tables import Result


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    pages = folder / "pages"
    pages.mkdir()
    shutil.copy(SEEDS / "000_4761a9b087fadb1d.txt", pages)
    shutil.copy(SEEDS / "003_55991727a0a6c360.txt", pages)
    text = (SEEDS / "001_525199ea1aea63ef.txt").read_text(encoding="utf-8")
    (folder / "gbk_page.txt").write_bytes(text.encode("gb18030"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def inputs(batch):
    return [
        batch / "pages",
        batch / "gbk_page.txt",
        batch / "binary.txt",
        batch / "empty.txt",
        batch / "missing.txt",
    ]


def test_good_pages_are_processed_and_bad_ones_reported(batch):
    result = pinghu_nlp.extract(inputs(batch))
    assert set(result.articles.doc_id) == {
        "000_4761a9b087fadb1d.txt",
        "003_55991727a0a6c360.txt",
        "gbk_page.txt",
    }
    errors = result.errors.set_index("source")
    assert errors.loc[str(batch / "binary.txt"), "reason"].startswith("binary")
    assert errors.loc[str(batch / "empty.txt"), "reason"] == "empty page (no text)"
    assert errors.loc[str(batch / "missing.txt"), "reason"] == "no such file"
    assert errors.loc[str(batch / "gbk_page.txt"), "severity"] == "warning"


def test_gb18030_page_is_decoded_not_rejected(batch):
    page = read_page(batch / "gbk_page.txt")
    assert page.encoding == "gb18030"
    assert "仲旭东" in page.raw


def test_page_error_names_the_file(batch):
    with pytest.raises(PageError, match="binary.txt: binary file"):
        read_page(batch / "binary.txt")


def test_cli_writes_complete_tables_and_reports_bad_pages(batch, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", *map(str, inputs(batch)), "--out", str(out), "--format", "csv"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "articles.csv",
        "entities.csv",
        "errors.csv",
        "events.csv",
        "mentions.csv",
        "pronouns.csv",
        "relations.csv",
    ]
    stderr = capsys.readouterr().err
    assert "missing.txt: no such file" in stderr
    assert "3 pages processed, 3 failed, 1 decoded from GB18030" in stderr


def test_cli_exit_code_is_1_when_no_page_succeeds(batch, tmp_path):
    code = main(["extract", str(batch / "empty.txt"), "--out", str(tmp_path / "none")])
    assert code == 1
    assert not (tmp_path / "none").exists()


def read_output(out, fmt: str) -> dict[str, pd.DataFrame]:
    """The tables the command line wrote in ``fmt``, read back."""
    if fmt == "parquet":
        return read_tables(out)
    if fmt == "xlsx":
        return pd.read_excel(out / "pinghu.xlsx", sheet_name=None)
    return {p.stem: pd.read_json(p, lines=True) for p in out.glob("*.jsonl") if p.stat().st_size}


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "xlsx"])
def test_cli_formats_hold_the_tables(tmp_path, fmt):
    page, out = SEEDS / "002_ed8b4f82a5f7e9b1.txt", tmp_path / fmt
    assert main(["extract", str(page), "--out", str(out), "--format", fmt, "--quiet"]) == 0
    expected = pinghu_nlp.extract(page)
    tables = read_output(out, fmt)
    non_empty = [name for name in Result.TABLES if len(getattr(expected, name))]
    assert sorted(name for name in tables if len(tables[name])) == sorted(non_empty)
    for name in non_empty:
        assert len(tables[name]) == len(getattr(expected, name)), name
    columns = ["start", "end", "text", "label", "entity_id"]
    written = tables["mentions"][columns].astype(str)
    assert written.values.tolist() == expected.mentions[columns].astype(str).values.tolist()


def test_odd_strings_do_not_break_a_batch():
    odd = [
        "■■■",
        "《》",
        "记者",
        "市委书记",
        "1234567890" * 100,
        "平湖版\n\nJIAXING DAILY\n\n",
        "（下转2版）",
        "x" * 5000 + ".txt",
        "公元前221年,14世纪,2月30日",
    ]
    result = pinghu_nlp.extract(odd, issue_date="2023-09-12")
    assert result.errors.empty
    for row in result.mentions.itertuples():
        assert odd[int(row.doc_id[4:])][row.start : row.end] == row.text


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\xad", "\x01", "\x7f", "\x85"]


def _rows(result, number: int):
    return result.mentions[result.mentions.doc_id == f"doc-{number}"]


def test_invisible_characters_inside_names_lose_no_person():
    """``仲\\u200b旭东`` is PERSON 仲旭东, ``吴\\u200b金华`` no LOC 金华; raw offsets exact."""
    pages = [
        f"市委书记仲{char}旭东主持会议，市领导周军波、吴{char}金华、宋怡玲、钱一鸣参加。"
        for char in INVISIBLE
    ]
    result = pinghu_nlp.extract(pages)
    for number, (char, raw) in enumerate(zip(INVISIBLE, pages, strict=True)):
        rows = _rows(result, number)
        person = rows[rows.label == "PERSON"]
        people = dict(zip(person.name, person.text, strict=True))
        assert people == {
            "仲旭东": f"仲{char}旭东",
            "周军波": "周军波",
            "吴金华": f"吴{char}金华",
            "宋怡玲": "宋怡玲",
            "钱一鸣": "钱一鸣",
        }, repr(char)
        assert "LOC" not in set(rows.label)
        for row in rows.itertuples():
            assert raw[row.start : row.end] == row.text


def test_soft_hyphens_in_a_list_of_names_and_a_byline():
    raw = (
        "老手艺焕发新活力\n■记\xad者 方\xad静\n"
        "本报讯 出席会议的还有：市人大常委会委员李\xad明 张\xad伟 刘洋 陈静。"
    )
    rows = pinghu_nlp.extract([raw]).mentions
    people = set(rows.name[rows.label == "PERSON"])
    assert {"方静", "李明", "张伟", "刘洋", "陈静"} <= people
    for row in rows.itertuples():
        assert raw[row.start : row.end] == row.text


def test_ansi_colour_codes_around_a_date_are_no_quantity():
    raw = "本报讯 \x1b[1;31m2023年9月12日\x1b[0m上午，市委书记\x1b[32m仲旭东\x1b[0m主持会议。"
    rows = pinghu_nlp.extract([raw]).mentions
    assert set(rows.label) == {"DATE", "TITLE", "PERSON"}
    date = rows[rows.label == "DATE"].iloc[0]
    assert date.text.startswith("2023年9月12日")
    assert date.start == raw.index("2023")
    assert str(date.date_start)[:10] == "2023-09-12"
    assert rows[rows.label == "PERSON"].text.tolist() == ["仲旭东"]
    for row in rows.itertuples():
        assert raw[row.start : row.end] == row.text
