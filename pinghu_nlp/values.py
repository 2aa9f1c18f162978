"""Normalised values: figures as numbers in base units, dates as calendar ranges.

``figure_value`` turns ``5000万美元`` into 50,000,000 USD and keeps the hedge the text puts around
a figure (``近200万元`` → approx ``近``). ``resolve_date`` turns ``昨天`` in the 2023-09-12 issue
into 2023-09-11 and ``上半年`` into 2023-01-01..2023-06-30. Chinese numerals go through cn2an.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import cn2an

CURRENCY_CODES = {
    "元人民币": "CNY",
    "人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "英镑": "GBP",
    "韩元": "KRW",
    "卢布": "RUB",
}
_NUMBER = re.compile(
    r"(?P<number>\d+(?:\.\d+)?[十百千万亿]{0,2}|[零〇一二两三四五六七八九十百千万亿点]+)"
    r"(?:\s*[到至~～\-—–]\s*(?P<high>\d+(?:\.\d+)?[十百千万亿]{0,2}|[零〇一二两三四五六七八九十百千万亿]+))?"
    r"(?P<hedge>多|余)?"
)
_HEDGES_AFTER = ("以上", "左右", "以下", "上下", "余")
_APPROX_BEFORE = ("将近", "接近", "近", "约", "超过", "超", "逾", "大约", "突破")


@dataclass(frozen=True)
class FigureValue:
    """A figure in base units: ``value`` (low end of a range), ``high``, ``unit``, ``approx``."""

    value: float | None
    unit: str
    approx: str | None = None
    high: float | None = None


def parse_number(text: str) -> float | None:
    """``15.98万`` → 159800.0, ``三十五`` → 35.0, ``百`` → 100.0; None if not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        if text[0] in "十百千万亿":  # 百余名, 千亿: an implied 一
            return parse_number("一" + text)
        return None


def figure_value(text: str, start: int, end: int, label: str) -> FigureValue:
    """The value of the MONEY, PERCENT or QUANTITY span ``text[start:end]``."""
    span = "".join(text[start:end].split())
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    approx = next((h for h in _APPROX_BEFORE if before.endswith(h)), None)
    approx = approx or next((h for h in _HEDGES_AFTER if after.startswith(h)), None)
    if label == "PERCENT":
        return _percent(span, approx)
    match = _NUMBER.search(span)
    if not match:
        return FigureValue(None, span, approx)
    low, high = parse_number(match["number"]), parse_number(match["high"] or "")
    approx = approx or match["hedge"]
    unit = span[match.end() :]
    if label == "MONEY":
        code = CURRENCY_CODES.get(unit)
        if code is None:  # 万元, 亿美元: the magnitude sits before the currency
            magnitude = next((m for m in ("万", "亿", "千", "百") if unit.startswith(m)), "")
            factor = parse_number(magnitude) or 1.0
            code = CURRENCY_CODES.get(unit[len(magnitude) :], unit)
            low = low * factor if low is not None else None
            high = high * factor if high is not None else None
        unit = code
    return FigureValue(low, unit, approx, high)


def _percent(span: str, approx: str | None) -> FigureValue:
    """``23.9%`` → 0.239 (%); ``3个百分点`` → 3.0 (pp); ``百分之十`` → 0.1 (%)."""
    if span.startswith("百分之"):
        value = parse_number(span[3:])
        return FigureValue(value / 100 if value is not None else None, "%", approx)
    match = _NUMBER.search(span)
    value = parse_number(match["number"]) if match else None
    if "百分点" in span:
        return FigureValue(value, "pp", approx or (match["hedge"] if match else None))
    high = parse_number(match["high"] or "") if match else None
    return FigureValue(
        value / 100 if value is not None else None,
        "%",
        approx,
        high / 100 if high is not None else None,
    )


@dataclass(frozen=True)
class DateValue:
    """A date expression as a calendar range and how fine it is."""

    start: dt.date | None
    end: dt.date | None
    granularity: str


_DAY_PARTS = r"(?:上午|下午|中午|晚上|晚间|早上|早晨|凌晨|傍晚|夜里|夜间|白天|深夜|午后)"
_RELATIVE_DAYS = {
    "前天": -2,
    "昨天": -1,
    "昨日": -1,
    "今天": 0,
    "今日": 0,
    "当天": 0,
    "当日": 0,
    "明天": 1,
    "明日": 1,
    "次日": 1,
    "后天": 2,
}
_RELATIVE_YEARS = {"前年": -2, "去年": -1, "今年": 0, "本年": 0, "当年": 0, "明年": 1, "后年": 2}
_HOLIDAYS = {"元旦": (1, 1), "五一": (5, 1), "劳动节": (5, 1), "六一": (6, 1), "儿童节": (6, 1)}
_HOLIDAYS |= {"七一": (7, 1), "建党节": (7, 1), "八一": (8, 1), "建军节": (8, 1)}
_HOLIDAYS |= {"十一": (10, 1), "国庆": (10, 1), "国庆节": (10, 1), "教师节": (9, 10)}
_HOLIDAYS |= {"妇女节": (3, 8), "三八": (3, 8), "青年节": (5, 4), "护士节": (5, 12)}
SPRING_FESTIVAL = {
    2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25),
    2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17),
    2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}  # fmt: skip
"""First day of the lunar year, from the Chinese calendar (the lunar holidays need it)."""
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def resolve_date(text: str, issue_date: dt.date | None) -> DateValue:
    """The calendar range of a DATE mention; relative dates need ``issue_date``."""
    text = "".join(text.split())
    core = re.sub(rf"{_DAY_PARTS}(?:\d{{1,2}}(?:时|点)(?:\d{{1,2}}分|半)?)?$", "", text)
    day_part = core != text
    core = re.sub(r"^\d{1,2}(?:时|点)(?:\d{1,2}分|半)?$", "", core)
    if not core:  # 上午, 上午9时: a time of the issue's day
        return DateValue(issue_date, issue_date, "time-of-day")
    for resolver in (_absolute, _relative_year, _relative_day, _holiday, _century):
        try:
            value = resolver(core, issue_date)
        except ValueError:  # a day the calendar does not have (2月30日, 0世纪)
            return DateValue(None, None, "unknown")
        if value is not None:
            if day_part and value.granularity == "day":
                return DateValue(value.start, value.end, "time-of-day")
            return value
    return DateValue(None, None, "unknown")


_YEAR_FORM = re.compile(
    r"^(?P<year>\d{4})年?(?:[\-—–~～至到](?P<year2>\d{4})年)?"
    r"(?P<rest>.*)$"
)
_MONTH_DAY = re.compile(
    r"^(?P<month>\d{1,2})月份?(?:(?P<day>\d{1,2})日(?:至(?P<day2>\d{1,2})日)?)?$"
)


def _absolute(core: str, issue: dt.date | None) -> DateValue | None:
    """``2023年9月12日``, ``2022-2026年``, ``2020年底``, ``7月29日`` (the issue's year)."""
    match = _YEAR_FORM.match(core)
    if match and (match["rest"] or core.endswith("年") or match["year2"]):
        year = int(match["year"])
        if match["year2"]:
            return DateValue(dt.date(year, 1, 1), dt.date(int(match["year2"]), 12, 31), "range")
        return _within_year(year, match["rest"], issue)
    if _MONTH_DAY.match(core):
        return _within_year(issue.year if issue else None, core, issue)
    dotted = re.match(r"^(\d{1,2})·(\d{1,2})$", core)  # 9·12
    if dotted:
        return _within_year(issue.year if issue else None, f"{dotted[1]}月{dotted[2]}日", issue)
    return None


def _within_year(year: int | None, rest: str, issue: dt.date | None) -> DateValue | None:
    """A period of one year: the whole year, a month, a day, a half, a quarter, its start or end."""
    if year is None:
        return DateValue(None, None, "day" if "日" in rest else "month")
    if rest in ("", "度", "全年"):
        return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    month_day = _MONTH_DAY.match(rest)
    if month_day:
        month = int(month_day["month"])
        if month_day["day"]:
            last = int(month_day["day2"] or month_day["day"])
            start = dt.date(year, month, int(month_day["day"]))
            return DateValue(
                start, dt.date(year, month, last), "day" if last == start.day else "range"
            )
        return DateValue(dt.date(year, month, 1), _month_end(year, month), "month")
    periods = {
        "上半年": ((1, 1), (6, 30), "half-year"),
        "下半年": ((7, 1), (12, 31), "half-year"),
        "年初": ((1, 1), (3, 31), "part-of-year"),
        "初": ((1, 1), (3, 31), "part-of-year"),
        "年中": ((5, 1), (8, 31), "part-of-year"),
        "年底": ((10, 1), (12, 31), "part-of-year"),
        "底": ((10, 1), (12, 31), "part-of-year"),
        "年末": ((10, 1), (12, 31), "part-of-year"),
        "末": ((10, 1), (12, 31), "part-of-year"),
    }
    if rest in periods:
        (m1, d1), (m2, d2), granularity = periods[rest]
        return DateValue(dt.date(year, m1, d1), dt.date(year, m2, d2), granularity)
    quarter = re.match(r"^(?:第)?([一二三四1-4])季度$", rest)
    if quarter:
        q = _QUARTERS[quarter.group(1)]
        return DateValue(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
    if rest == "前三季度":
        return DateValue(dt.date(year, 1, 1), dt.date(year, 9, 30), "range")
    first_months = re.match(r"^前(\d{1,2})个月$", rest)
    if first_months:
        months = int(first_months.group(1))
        return DateValue(dt.date(year, 1, 1), _month_end(year, months), "range")
    season = {"春季": (3, 5), "夏季": (6, 8), "秋季": (9, 11), "冬季": (12, 12), "夏": (6, 8)}
    season |= {"春": (3, 5), "秋": (9, 11)}
    if rest in season:
        first, last = season[rest]
        return DateValue(dt.date(year, first, 1), _month_end(year, last), "season")
    return None


def _relative_year(core: str, issue: dt.date | None) -> DateValue | None:
    """``今年``, ``去年``, ``今年上半年``, ``今年前10个月``, ``明年11月``, ``今夏``."""
    head = next((h for h in _RELATIVE_YEARS if core.startswith(h)), None)
    rest = core[len(head) :] if head else ""
    if head is None and re.match(r"^[今去明][春夏秋冬]$", core):
        head, rest = {"今": "今年", "去": "去年", "明": "明年"}[core[0]], core[1]
    if head is None:
        year_less = re.match(
            r"^(?:上半年|下半年|第?[一二三四]季度|前三季度|前\d{1,2}个月|年初|年底|年末)$", core
        )
        if not year_less:
            return None
        head, rest = "今年", core
    if issue is None:  # the kind of period is known, not where it lies
        shape = _within_year(_ANY_YEAR, rest, None)
        return DateValue(None, None, shape.granularity if shape else "unknown")
    return _within_year(issue.year + _RELATIVE_YEARS[head], rest, issue)


_ANY_YEAR = 2000


def _relative_day(core: str, issue: dt.date | None) -> DateValue | None:
    """``昨天``, ``今天``, ``明天``; ``本月``, ``上月``, ``本周``."""
    if core in _RELATIVE_DAYS:
        if issue is None:
            return DateValue(None, None, "day")
        day = issue + dt.timedelta(days=_RELATIVE_DAYS[core])
        return DateValue(day, day, "day")
    if core in ("本月", "上月", "下月"):
        if issue is None:
            return DateValue(None, None, "month")
        shift = {"本月": 0, "上月": -1, "下月": 1}[core]
        year, month = divmod(issue.year * 12 + issue.month - 1 + shift, 12)
        return DateValue(dt.date(year, month + 1, 1), _month_end(year, month + 1), "month")
    if core in ("本周", "上周", "下周"):
        if issue is None:
            return DateValue(None, None, "week")
        monday = issue - dt.timedelta(days=issue.weekday())
        monday += dt.timedelta(weeks={"本周": 0, "上周": -1, "下周": 1}[core])
        return DateValue(monday, monday + dt.timedelta(days=6), "week")
    return None


def _holiday(core: str, issue: dt.date | None) -> DateValue | None:
    """Fixed holidays (``八一`` → Aug 1) and the Spring Festival, in the issue's year."""
    name = core.strip("“”")
    if name not in _HOLIDAYS and name != "春节":
        return None
    if issue is None:
        return DateValue(None, None, "holiday")
    if name == "春节":
        if issue.year not in SPRING_FESTIVAL:
            return DateValue(None, None, "holiday")
        day = dt.date(issue.year, *SPRING_FESTIVAL[issue.year])
        return DateValue(day, day, "holiday")
    day = dt.date(issue.year, *_HOLIDAYS[name])
    return DateValue(day, day, "holiday")


def _century(core: str, issue: dt.date | None) -> DateValue | None:
    """``21世纪`` → 2001-01-01..2100-12-31."""
    match = re.match(r"^(\d{1,2})世纪$", core)
    if not match:
        return None
    century = int(match.group(1))
    return DateValue(dt.date(century * 100 - 99, 1, 1), dt.date(century * 100, 12, 31), "century")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
