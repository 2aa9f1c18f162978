"""A batch with bad pages: every good page is processed, every bad one is named with a reason."""

import shutil

import pytest
from conftest import SEEDS

import pinghu_nlp
from pinghu_nlp.cli import main
from pinghu_nlp.pages import PageError, read_page


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


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "xlsx"])
def test_cli_formats(tmp_path, fmt):
    out = tmp_path / fmt
    assert (
        main(
            [
                "extract",
                str(SEEDS / "002_ed8b4f82a5f7e9b1.txt"),
                "--out",
                str(out),
                "--format",
                fmt,
                "--quiet",
            ]
        )
        == 0
    )
    assert any(out.iterdir())


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
