"""The lexicon's files: every one read and checked, and the facts that two stages share agree
(what the recogniser finds, the resolver and the relations know)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

import pinghu_nlp
from pinghu_nlp import layout, lexicon
from pinghu_nlp.recognise import names
from pinghu_nlp.recognise.figures import find_figures
from pinghu_nlp.recognise.titles import find_titles, is_collective_title
from pinghu_nlp.values import resolve_date

ISSUE = dt.date(2023, 9, 12)
MASTHEAD = "2023年9月12日◆星期二\n今日平湖\n\n"


def test_every_file_has_a_schema_and_loads():
    on_disk = {p.name for p in Path(str(lexicon.LEXICON)).glob("*.tsv")}
    assert on_disk == set(lexicon.SCHEMAS)
    lexicon.check_all()
    assert all(lexicon.rows(name) for name in lexicon.SCHEMAS)


def test_the_readme_describes_every_file():
    readme = (Path(str(lexicon.LEXICON)) / "README.md").read_text(encoding="utf-8")
    for name, schema in lexicon.SCHEMAS.items():
        assert f"`{name}`" in readme, name
        for column in schema.columns:
            assert f"`{column.name}`" in readme, (name, column.name)


def holiday_as_written(holiday: lexicon.Holiday) -> tuple[str, str]:
    """A sentence that writes the holiday the way the recogniser finds it, and the DATE text."""
    if holiday.form == "full":
        return f"今年{holiday.name}，我们在一起。", holiday.name
    if holiday.form == "cued":
        return f"{holiday.name}期间，我们在一起。", holiday.name
    return f"庆祝“{holiday.name}”，我们在一起。", holiday.name


@pytest.mark.parametrize("holiday", lexicon.holidays().values(), ids=lambda h: h.name)
def test_every_recognised_holiday_resolves(holiday):
    sentence, written = holiday_as_written(holiday)
    dates = [sentence[c.start : c.end] for c in find_figures(sentence) if c.label == "DATE"]
    assert written in dates
    value = resolve_date(written, ISSUE)
    assert value.granularity == "holiday"
    if holiday.rule == "lunar":  # no table of lunar days: a holiday without its day
        assert value.start is None
    else:
        assert value.start == value.end and value.start.year == ISSUE.year


def test_holidays_fall_on_their_days():
    days = {
        name: resolve_date(name, ISSUE).start
        for name in ("母亲节", "父亲节", "小年夜", "除夕", "春节", "元宵节", "清明节", "八一建军节")
    }
    assert days == {
        "母亲节": dt.date(2023, 5, 14),  # the second Sunday of May
        "父亲节": dt.date(2023, 6, 18),  # the third Sunday of June
        "小年夜": dt.date(2023, 1, 20),  # the day before 除夕
        "除夕": dt.date(2023, 1, 21),
        "春节": dt.date(2023, 1, 22),
        "元宵节": dt.date(2023, 2, 5),
        "清明节": dt.date(2023, 4, 5),
        "八一建军节": dt.date(2023, 8, 1),
    }
    assert resolve_date("母亲节", None).granularity == "holiday"


def test_no_date_the_recogniser_finds_among_holidays_is_unknown():
    text = "，".join(holiday_as_written(h)[0] for h in lexicon.holidays().values())
    dates = [text[c.start : c.end] for c in find_figures(text) if c.label == "DATE"]
    assert len(dates) >= len(lexicon.holidays())
    assert [d for d in dates if resolve_date(d, ISSUE).granularity == "unknown"] == []


def collective_forms() -> list[str]:
    """Every collective title the lexicon's parts make: 市领导 … 省人大常委会级领导."""
    part = lexicon.collective_parts
    bodies, levels = ("", *part("body")), ("", *part("level"))
    return ["".join(p) for p in itertools.product(part("place"), bodies, levels, part("head"))]


def test_every_collective_form_is_found_whole_as_collective():
    for form in collective_forms():
        text = f"王立新、赵海东等{form}出席。"
        titles = [(text[c.start : c.end], c.source) for c in find_titles(text)]
        assert (form, "collective") in titles, form
        assert is_collective_title(form)


def test_every_collective_form_the_recogniser_emits_is_one_the_relations_know():
    forms = collective_forms()
    pages = [MASTHEAD + f"会上，王立新、赵海东等{form}出席。" for form in forms]
    pages += [MASTHEAD + f"会上，{form}王立新、赵海东出席。" for form in forms]
    result = pinghu_nlp.extract(pages)
    titles = result.mentions[result.mentions["label"] == "TITLE"]
    assert set(titles["text"]) == set(forms)
    assert set(titles["source"]) == {"collective"}
    holds = result.relations[result.relations["relation"] == "HOLDS_TITLE"]
    held = holds.groupby(["doc_id", "tail"])["head"].agg(frozenset)
    assert len(held) == len(pages)
    assert set(held) == {frozenset({"王立新", "赵海东"})}
    assert set(held.index.get_level_values("tail")) == set(forms)


def test_the_commonest_surnames_are_among_the_common_ones():
    top, common = lexicon.top_surnames(), lexicon.common_surnames()
    assert top and top < common
    assert all(len(s) == 1 for s in common)
    assert all(len(s) == 2 for s in lexicon.compound_surnames())
    assert common == layout.COMMON_SURNAMES
    assert top == names.TOP_SURNAMES


def test_every_currency_has_a_code():
    assert set(lexicon.currency_codes()) == set(lexicon.units("currency"))
    assert lexicon.currency_codes()["美元"] == "USD"


def test_the_two_list_glues_nest():
    assert set(lexicon.list_glue("names")) < set(lexicon.list_glue())
    assert " " in lexicon.list_glue("names")  # written <space> in the file


def test_relative_words_of_the_recogniser_resolve():
    for word in lexicon.date_words("relative-day"):
        value = resolve_date(word, ISSUE)
        assert value.granularity == "day", word
        offset = lexicon.date_offsets("relative-day")[word]
        expected = None if offset is None else ISSUE + dt.timedelta(days=offset)
        assert value.start == expected, word


SCHEMA = lexicon.SCHEMAS["holidays.tsv"]


@pytest.mark.parametrize(
    "row, problem",
    [
        ("春节\tfull\tlunar-new-year\t0", "4 tab-separated fields, expected 5"),
        ("春节\tfull\tlunar-new-year\t0\t-\textra", "6 tab-separated fields"),
        ("春节\tsometimes\tlunar-new-year\t0\t-", "column form is 'sometimes', expected one of"),
        ("Spring\tfull\tlunar-new-year\t0\t-", "column name is 'Spring', expected Chinese"),
        ("春节\tfull\tfixed\t13-40\t-", "value '13-40' does not fit rule fixed"),
        ("春节 \tfull\tlunar-new-year\t0\t-", "column name"),
    ],
)
def test_a_malformed_row_names_its_file_and_line(tmp_path, row, problem):
    path = tmp_path / "holidays.tsv"
    path.write_text("# a comment\n元旦\tfull\tfixed\t01-01\t-\n\n" + row + "\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=problem) as error:
        lexicon.read_table(path, SCHEMA)
    assert str(error.value).startswith(f"{path}:4: ")


def test_the_same_fact_twice_is_an_error(tmp_path):
    path = tmp_path / "surnames.tsv"
    path.write_text("王\ttop\n李\ttop\n王\tcommon\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"surnames.tsv:3: 王 again \(first on line 1\)"):
        lexicon.read_table(path, lexicon.SCHEMAS["surnames.tsv"])


def test_a_good_file_reads_with_its_empty_fields_and_spaces(tmp_path):
    path = tmp_path / "list_glue.tsv"
    path.write_text("、\tnames\n<space>\tnames\n，\tshared\n", encoding="utf-8")
    rows = lexicon.read_table(path, lexicon.SCHEMAS["list_glue.tsv"])
    assert [r["glue"] for r in rows] == ["、", " ", "，"]
    holiday = tmp_path / "holidays.tsv"
    holiday.write_text("七夕\tfull\tlunar\t-\t-\n", encoding="utf-8")
    (row,) = lexicon.read_table(holiday, SCHEMA)
    assert row == {"name": "七夕", "form": "full", "rule": "lunar", "value": "", "flags": ""}


def test_an_unknown_file_or_character_set_is_an_error():
    with pytest.raises(lexicon.LexiconError, match="no lexicon file 'nothing.tsv'"):
        lexicon.rows("nothing.tsv")
    with pytest.raises(lexicon.LexiconError, match="no character set 'nothing'"):
        lexicon.characters("nothing")


@pytest.mark.parametrize("part", lexicon.month_parts())
def test_every_month_part_is_found_and_resolves_to_its_days(part):
    sentence = f"今年2月{part}，我们在一起。"
    dates = [sentence[c.start : c.end] for c in find_figures(sentence) if c.label == "DATE"]
    assert f"今年2月{part}" in dates
    first, last = lexicon.month_parts()[part]
    value = resolve_date(f"2024年2月{part}", ISSUE)
    assert value.granularity == "part-of-month"
    assert (value.start, value.end) == (dt.date(2024, 2, first), dt.date(2024, 2, last or 29))


@pytest.mark.parametrize("period", lexicon.periods_alone())
def test_a_period_flagged_alone_is_a_date_of_the_issues_year(period):
    sentence = f"{period}，我们在一起。"
    dates = [sentence[c.start : c.end] for c in find_figures(sentence) if c.label == "DATE"]
    assert period in dates
    assert resolve_date(period, ISSUE).start.year == ISSUE.year


@pytest.mark.parametrize("year", lexicon.date_offsets("season-year"))
def test_a_season_after_a_one_character_year_resolves(year):
    offset = lexicon.date_offsets("season-year")[year]
    sentence = f"{year}春，我们在一起。"
    dates = [sentence[c.start : c.end] for c in find_figures(sentence) if c.label == "DATE"]
    assert f"{year}春" in dates
    value = resolve_date(f"{year}春", ISSUE)
    assert value.granularity == "season" and value.start == dt.date(ISSUE.year + offset, 3, 1)
