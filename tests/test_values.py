"""Normalised figures and dates, checked by hand against the seed pages."""

import datetime as dt

import pandas as pd
import pytest

import pinghu_nlp
from pinghu_nlp.values import DateValue, figure_value, parse_number, resolve_date

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
        ("投资200多万元建设", "200多万元", "MONEY", 2_000_000.0, "CNY", "多"),
        ("总投资1,000万元", "1,000万元", "MONEY", 10_000_000.0, "CNY", None),
        ("下降两个百分点", "两个百分点", "PERCENT", 2.0, "pp", None),
        ("吸引10余万人次参观", "10余万人次", "QUANTITY", 100_000.0, "人次", "余"),
        ("新增装机20万千瓦", "20万千瓦", "QUANTITY", 200_000.0, "千瓦", None),
        ("逾137家企业", "137家", "QUANTITY", 137.0, "家", "逾"),
    ],
)
def test_figure_values(sentence, figure, label, value, unit, approx):
    result = value_of(sentence, figure, label)
    assert result.value == pytest.approx(value)
    assert (result.unit, result.approx) == (unit, approx)


def test_range_keeps_both_ends():
    result = value_of("东北风4到6级", "4到6级", "QUANTITY")
    assert (result.value, result.low, result.high, result.unit) == (4.0, 4.0, 6.0, "级")


def test_magnitude_of_a_range_applies_to_both_ends():
    result = value_of("总投资3—5亿元", "3—5亿元", "MONEY")
    assert (result.low, result.high, result.unit) == (300_000_000.0, 500_000_000.0, "CNY")


def test_percent_range_as_fractions():
    result = value_of("涨幅在5%—10%之间", "5%—10%", "PERCENT")
    assert (result.low, result.high, result.unit) == (0.05, 0.1, "%")


def test_single_figure_has_no_range():
    result = value_of("项目投资5000万美元", "5000万美元", "MONEY")
    assert (result.low, result.high) == (None, None)


@pytest.mark.parametrize(
    "text, number",
    [("十万", 100_000), ("两千", 2000), ("1.2万", 12_000), ("三千五百", 3500), ("百", 100)],
)
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
        ("今天白天", "2023-09-12", "2023-09-12", "time-of-day"),
        ("明天早晨", "2023-09-13", "2023-09-13", "time-of-day"),
        ("本月", "2023-09-01", "2023-09-30", "month"),
        ("1—8月", "2023-01-01", "2023-08-31", "range"),
        ("9月底", "2023-09-21", "2023-09-30", "part-of-month"),
        ("12日上午", "2023-09-12", "2023-09-12", "time-of-day"),
        ("9月11日晚", "2023-09-11", "2023-09-11", "time-of-day"),
        ("周一下午", "2023-09-11", "2023-09-11", "time-of-day"),
        ("七一", "2023-07-01", "2023-07-01", "holiday"),
        ("“十一”", "2023-10-01", "2023-10-01", "holiday"),
        ("八一建军节", "2023-08-01", "2023-08-01", "holiday"),
        ("除夕", "2023-01-21", "2023-01-21", "holiday"),
        ("清明", "2023-04-05", "2023-04-05", "holiday"),
        ("上世纪80年代", "1980-01-01", "1989-12-31", "decade"),
        ("二〇二三年九月十二日", "2023-09-12", "2023-09-12", "day"),
        ("2021年度", "2021-01-01", "2021-12-31", "year"),
        ("9·12", "2023-09-12", "2023-09-12", "day"),
        ("八一", "2023-08-01", "2023-08-01", "holiday"),
        ("春节", "2023-01-22", "2023-01-22", "holiday"),
        ("今年9月11日至17日", "2023-09-11", "2023-09-17", "range"),
        ("明年11月", "2024-11-01", "2024-11-30", "month"),
        ("上周", "2023-09-04", "2023-09-10", "week"),
        ("明年夏季", "2024-06-01", "2024-08-31", "season"),
        ("21世纪", "2001-01-01", "2100-12-31", "century"),
    ],
)
def test_dates_resolve_against_the_issue_date(text, start, end, granularity):
    date = resolve_date(text, ISSUE)
    assert (str(date.start), str(date.end), date.granularity) == (start, end, granularity)


WEDNESDAY = dt.date(2023, 9, 13)  # a Wednesday: its week is Monday 11 to Sunday 17 September


@pytest.mark.parametrize(
    "text, start, end, granularity",
    [
        ("周三", "2023-09-13", "2023-09-13", "day"),
        ("周五", "2023-09-15", "2023-09-15", "day"),  # of the issue's week: the coming Friday
        ("周一", "2023-09-11", "2023-09-11", "day"),  # of the issue's week: the Monday past
        ("本周五", "2023-09-15", "2023-09-15", "day"),
        ("这周三", "2023-09-13", "2023-09-13", "day"),
        ("下周一", "2023-09-18", "2023-09-18", "day"),
        ("上周三", "2023-09-06", "2023-09-06", "day"),
        ("上个星期五", "2023-09-08", "2023-09-08", "day"),
        ("星期三", "2023-09-13", "2023-09-13", "day"),
        ("星期天", "2023-09-17", "2023-09-17", "day"),
        ("礼拜天", "2023-09-17", "2023-09-17", "day"),
        ("下礼拜二", "2023-09-19", "2023-09-19", "day"),
        ("周三夜间", "2023-09-13", "2023-09-13", "time-of-day"),
        ("周日上午", "2023-09-17", "2023-09-17", "time-of-day"),
        ("周五深夜", "2023-09-15", "2023-09-15", "time-of-day"),
        ("上周五晚", "2023-09-08", "2023-09-08", "time-of-day"),
        ("周日上午9时", "2023-09-17", "2023-09-17", "time-of-day"),
        ("本周末", "2023-09-16", "2023-09-17", "weekend"),
        ("这个周末", "2023-09-16", "2023-09-17", "weekend"),
        ("上周末", "2023-09-09", "2023-09-10", "weekend"),
        ("上个周末", "2023-09-09", "2023-09-10", "weekend"),
        ("下周末", "2023-09-23", "2023-09-24", "weekend"),
        ("本周末上午", "2023-09-16", "2023-09-17", "weekend"),
        ("本周", "2023-09-11", "2023-09-17", "week"),
        ("这个星期", "2023-09-11", "2023-09-17", "week"),
        ("下周", "2023-09-18", "2023-09-24", "week"),
        ("周一至周五", "2023-09-11", "2023-09-15", "range"),
        ("周一至五", "2023-09-11", "2023-09-15", "range"),
        ("上周一至周三", "2023-09-04", "2023-09-06", "range"),
        ("下周六至周日", "2023-09-23", "2023-09-24", "range"),
    ],
)
def test_weekdays_resolve_in_the_issue_week(text, start, end, granularity):
    date = resolve_date(text, WEDNESDAY)
    assert (str(date.start), str(date.end), date.granularity) == (start, end, granularity)


def test_weekday_and_weekend_without_issue_date_keep_granularity():
    assert resolve_date("上周三", None) == DateValue(None, None, "day")
    assert resolve_date("本周末", None) == DateValue(None, None, "weekend")
    assert resolve_date("周三夜间", None) == DateValue(None, None, "time-of-day")


def test_a_sunday_issue_keeps_its_own_week():
    sunday = dt.date(2023, 9, 17)
    assert resolve_date("周一", sunday) == DateValue(
        dt.date(2023, 9, 11), dt.date(2023, 9, 11), "day"
    )
    assert resolve_date("本周末", sunday).start == dt.date(2023, 9, 16)


def test_weekdays_through_the_pipeline():
    text = (
        "本报讯 本周五上午，市委书记周军波将出席开幕式。上周末，市民周五星说，"
        "每周三下午有志愿服务，场馆周一至周五开放，下周一夜间有雷阵雨。"
    )
    mentions = pinghu_nlp.extract([text], issue_date="2023-09-13").mentions
    dates = mentions[mentions.label == "DATE"]
    got = [
        (row.text, str(row.date_start.date()), str(row.date_end.date()), row.granularity)
        for row in dates.itertuples()
    ]
    assert got == [
        ("本周五上午", "2023-09-15", "2023-09-15", "time-of-day"),
        ("上周末", "2023-09-09", "2023-09-10", "weekend"),
        ("周一至周五", "2023-09-11", "2023-09-15", "range"),
        ("下周一夜间", "2023-09-18", "2023-09-18", "time-of-day"),
    ]
    assert not any("周五星" in t or "周军波" in t for t in dates.text)


@pytest.mark.parametrize("text", ["昨天", "今年", "上半年", "八一", "7月29日上午", "本月"])
def test_relative_date_without_issue_date_stays_unresolved(text):
    date = resolve_date(text, None)
    assert (date.start, date.end) == (None, None)


def test_absolute_date_without_issue_date_resolves():
    assert resolve_date("2009年", None) == resolve_date("2009年", ISSUE)
    assert resolve_date("2009年", None).start == dt.date(2009, 1, 1)


@pytest.mark.parametrize("text", ["当天", "次日", "当年"])
def test_story_relative_dates_are_not_resolved_from_the_issue(text):
    assert resolve_date(text, ISSUE).start is None


def test_spring_festival_from_the_table():
    assert resolve_date("春节", dt.date(2024, 3, 1)).start == dt.date(2024, 2, 10)


def test_spring_festival_outside_the_table_stays_unresolved():
    assert resolve_date("春节", dt.date(1990, 3, 1)) == DateValue(None, None, "holiday")


def test_granularities_are_the_documented_ones():
    texts = ["昨天", "今年", "上半年", "三季度", "7月", "2022—2024年", "八一", "上午", "农历七月"]
    allowed = {"day", "month", "quarter", "half-year", "year", "time-of-day", "range"}
    allowed |= {"holiday", "unknown"}
    assert {resolve_date(t, ISSUE).granularity for t in texts} <= allowed


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
