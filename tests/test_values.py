"""Normalised figures and dates, checked by hand against the seed pages."""

import datetime as dt

import pandas as pd
import pytest

from pinghu_nlp.values import figure_value, parse_number, resolve_date

ISSUE = dt.date(2023, 9, 12)  # the masthead date of seed 002


def value_of(sentence: str, figure: str, label: str):
    start = sentence.index(figure)
    return figure_value(sentence, start, start + len(figure), label)


@pytest.mark.parametrize(
    "sentence, figure, label, value, unit, approx",
    [
        ("项目总投资5000万美元", "5000万美元", "MONEY", 50_000_000.0, "USD", None),
        ("投资近200万元,在杉青港村", "200万元", "MONEY", 2_000_000.0, "CNY", "近"),
        ("今年上半年工程已完成投资2.4亿元", "2.4亿元", "MONEY", 240_000_000.0, "CNY", None),
        ("超20亿元", "20亿元", "MONEY", 2_000_000_000.0, "CNY", "超"),
        ("占全市规上工业总产值的23.9%", "23.9%", "PERCENT", 0.239, "%", None),
        ("同比提高3个百分点", "3个百分点", "PERCENT", 3.0, "pp", None),
        ("增长百分之十", "百分之十", "PERCENT", 0.1, "%", None),
        ("全市人才资源总量达15.98万人", "15.98万人", "QUANTITY", 159_800.0, "人", None),
        ("流转土地9000多亩", "9000多亩", "QUANTITY", 9000.0, "亩", "多"),
        ("引进项目30个左右", "30个", "QUANTITY", 30.0, "个", "左右"),
        ("扎根基层三十五年", "三十五年", "QUANTITY", 35.0, "年", None),
        ("百余名施工人员", "百余名", "QUANTITY", 100.0, "名", "余"),
        ("最高气温31℃", "31℃", "QUANTITY", 31.0, "℃", None),
    ],
)
def test_figure_values(sentence, figure, label, value, unit, approx):
    result = value_of(sentence, figure, label)
    assert result.value == pytest.approx(value)
    assert (result.unit, result.approx) == (unit, approx)


def test_range_keeps_both_ends():
    result = value_of("东北风4到6级", "4到6级", "QUANTITY")
    assert (result.value, result.high, result.unit) == (4.0, 6.0, "级")


@pytest.mark.parametrize("text, number", [("十万", 100_000), ("两千", 2000), ("1.2万", 12_000)])
def test_chinese_numerals(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "text, start, end, granularity",
    [
        ("昨天", "2023-09-11", "2023-09-11", "day"),
        ("昨天下午", "2023-09-11", "2023-09-11", "time-of-day"),
        ("今年", "2023-01-01", "2023-12-31", "year"),
        ("去年", "2022-01-01", "2022-12-31", "year"),
        ("7月29日上午", "2023-07-29", "2023-07-29", "time-of-day"),
        ("上半年", "2023-01-01", "2023-06-30", "half-year"),
        ("今年前10个月", "2023-01-01", "2023-10-31", "range"),
        ("三季度", "2023-07-01", "2023-09-30", "quarter"),
        ("2022—2024年", "2022-01-01", "2024-12-31", "range"),
        ("2020年底", "2020-10-01", "2020-12-31", "part-of-year"),
        ("9·12", "2023-09-12", "2023-09-12", "day"),
        ("八一", "2023-08-01", "2023-08-01", "holiday"),
        ("春节", "2023-01-22", "2023-01-22", "holiday"),
        ("今年9月11日至17日", "2023-09-11", "2023-09-17", "range"),
        ("明年11月", "2024-11-01", "2024-11-30", "month"),
    ],
)
def test_dates_resolve_against_the_issue_date(text, start, end, granularity):
    date = resolve_date(text, ISSUE)
    assert (str(date.start), str(date.end), date.granularity) == (start, end, granularity)


def test_relative_date_without_issue_date_stays_unresolved():
    date = resolve_date("昨天", None)
    assert (date.start, date.end) == (None, None)
    assert resolve_date("2009年", None).start == dt.date(2009, 1, 1)


def test_seed_002_mentions_carry_values(seeds_result):
    mentions = seeds_result.mentions
    page = mentions[mentions.doc_id == "002_ed8b4f82a5f7e9b1.txt"].set_index("text")
    assert page.loc["2.4 亿元", "value"] == pytest.approx(240_000_000.0)
    assert page.loc["2.4 亿元", "unit"] == "CNY"
    yesterday = page[page.index == "昨天"].iloc[0]
    assert yesterday["date_start"] == pd.Timestamp("2023-09-11")
    assert str(mentions["value"].dtype) == "float64"
    assert str(mentions["date_start"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize("text", ["2月30日", "0世纪", "13月"])
def test_impossible_dates_stay_unresolved(text):
    date = resolve_date(text, ISSUE)
    assert (date.start, date.end) == (None, None)
