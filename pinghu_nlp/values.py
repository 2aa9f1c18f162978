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
from functools import lru_cache

from . import lexicon
from .recognise.figures import (
    CHINESE_NUMERALS,
    CURRENCIES,
    DAY_WORDS,
    DIGITS,
    EARLY_LATE,
    HEDGES,
    MAGNITUDES,
    MEASURE_WORDS,
    MONTH_PART,
    NEGATIVE_SIGNS,
    SEASON_YEARS,
    SEASONS,
    SHIFTS,
    TWO,
    WEEK_WORDS,
    WEEKDAYS,
    ZERO,
)
from .recognise.figures import RANGE_MARKS as _RANGE_MARKS

CURRENCY_CODES = lexicon.currency_codes()
"""ISO 4217 codes of the currencies a MONEY span ends with."""
_UNITS = sorted(
    {*MEASURE_WORDS, *CURRENCIES, "个百分点", "百分点", "%", "％"}, key=len, reverse=True
)
_TO = re.escape(_RANGE_MARKS)
_NUMBER = rf"[\d.,]+[{MAGNITUDES}]*|[{CHINESE_NUMERALS}点]+"
_PARTS = re.compile(
    rf"(?P<low>{_NUMBER})(?:[{_TO}](?P<high>{_NUMBER}))?(?P<hedge>[{HEDGES}])?"
    rf"(?P<magnitude>[{MAGNITUDES}]*)"
)
_MAGNITUDE = re.compile(rf"(?<=\d)[{MAGNITUDES}]+$")
_HEDGES_BEFORE = lexicon.hedges("before")
_HEDGES_AFTER = lexicon.hedges("after")


@dataclass(frozen=True)
class FigureValue:
    """A figure in base units; ``value`` is the low end of a range, ``low``/``high`` its ends."""

    value: float | None
    unit: str
    approx: str | None = None
    low: float | None = None
    high: float | None = None


@lru_cache(maxsize=4096)
def _cn2an(text: str, mode: str) -> float | int:
    """``cn2an.cn2an``, imported with the first number read (it takes a sixth of a second)."""
    import cn2an

    return cn2an.cn2an(text, mode)


def parse_number(text: str) -> float | None:
    """``15.98万`` → 159800.0, ``三十五`` → 35.0, ``百`` → 100.0; None if not a number."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(_cn2an(text, "smart"))
    except (ValueError, KeyError):
        if text[0] in MAGNITUDES and len(text) < 4:  # 百余名, 千亿: an implied 一
            return parse_number(DIGITS[1] + text)
        return None


def figure_value(text: str, start: int, end: int, label: str) -> FigureValue:
    """The value of the MONEY, PERCENT or QUANTITY span ``text[start:end]``."""
    span = "".join(text[start:end].split())
    sign = next((s for s in NEGATIVE_SIGNS if span.startswith(s)), "")
    if sign:  # 零下3℃: the figure below zero
        value = figure_value(text, start + len(sign), end, label)
        low = None if value.value is None else -value.value  # the sign is written on the low end
        ranged = value.high is not None
        return FigureValue(low, value.unit, value.approx, low if ranged else None, value.high)
    before = "".join(text[max(0, start - 3) : start].split())
    approx = next((h for h in _HEDGES_BEFORE if before.endswith(h)), None)
    if span.startswith("百分之"):
        value = parse_number(span[3:])
        after = _hedge_after(text, end)
        return FigureValue(_scaled(value, 0.01), "%", approx or after, None, None)
    unit = next((u for u in _UNITS if span.endswith(u) and len(u) < len(span)), "")
    body = span[: len(span) - len(unit)]
    if unit:  # 500元到2000元: the unit written on both sides of the range
        body = re.sub(f"{re.escape(unit)}(?=[{_TO}])", "", body)
    parts = _PARTS.fullmatch(body.replace("%", "").replace("％", ""))
    if not parts:
        return FigureValue(None, unit, approx or _hedge_after(text, end))
    approx = approx or parts["hedge"] or _hedge_after(text, end)
    factor = parse_number(parts["magnitude"]) if parts["magnitude"] else 1.0
    low, high = parse_number(parts["low"]), parse_number(parts["high"] or "")
    shared = _MAGNITUDE.search(parts["high"] or "")  # 3—5亿元: 亿 belongs to both ends
    if shared and re.fullmatch(r"[\d.,]+", parts["low"]):
        low = _scaled(low, parse_number(shared.group()))
    low, high = _scaled(low, factor), _scaled(high, factor)
    if unit in ("%", "％"):
        low, high, unit = _scaled(low, 0.01), _scaled(high, 0.01), "%"
    elif unit.endswith("百分点"):
        unit = "pp"
    elif label == "MONEY" or unit in CURRENCY_CODES:
        unit = CURRENCY_CODES.get(unit, unit)
    ranged = parts["high"] is not None
    return FigureValue(low, unit, approx, low if ranged else None, high if ranged else None)


def _hedge_after(text: str, end: int) -> str | None:
    """The hedge right after a figure: ``30个左右`` → 左右."""
    return next((h for h in _HEDGES_AFTER if text.startswith(h, end)), None)


def _scaled(value: float | None, factor: float | None) -> float | None:
    """``value * factor``, rounded against float noise (23.9 * 0.01), None-safe."""
    if value is None or factor is None:
        return None
    return round(value * factor, 12)


@dataclass(frozen=True)
class DateValue:
    """A date expression as a calendar range and how fine it is.

    ``granularity`` is one of time-of-day, day, week, weekend, part-of-month, month, quarter,
    half-year, part-of-year, season, year, decade, century, range, holiday, unknown.
    ``weekend`` is the Saturday and Sunday of a week (``本周末``).
    """

    start: dt.date | None
    end: dt.date | None
    granularity: str


SPRING_FESTIVAL = {
    2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9),
    2006: (1, 29), 2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3),
    2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28),
    2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
    2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
    2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8),
}  # fmt: skip
"""First day of the lunar year (the Spring Festival), 2000–2035."""
_NUMERAL_HOLIDAY = re.compile("^(?:" + "|".join(lexicon.holiday_names("numeral")) + ")(?=.+节$)")
"""A holiday's date in numerals before its full name: 八一(建军节), 三八(妇女节)."""
_DAY_WORD = "|".join(DAY_WORDS)
_WEEK_ENDS = "".join(word[-1] for word in WEEK_WORDS)
"""The last characters of the week words (周, 星期, 礼拜), before a weekday."""
_CLOCK = r"\d{1,2}(?:[时点](?:\d{1,2}分|半)?|[:：]\d{2})"
_TIME_TAIL = re.compile(
    rf"(?:(?:{_DAY_WORD}|(?<![昨今明当]){EARLY_LATE})?{_CLOCK}(?:[{_TO}]{_CLOCK})?|{_DAY_WORD}"
    rf"|(?<=[日号]){EARLY_LATE}|(?<=[{_WEEK_ENDS}][{WEEKDAYS}天]){EARLY_LATE})$"
)
"""The time of day a date ends with: 上午9时, 夜间, 28日晚, 周五晚 (a weekday's 早/晚)."""


def _known_and_contextual(kind: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """The lexicon's words of ``kind`` with an offset, and those relative to the story instead."""
    offsets = lexicon.date_offsets(kind)
    known = {word: offset for word, offset in offsets.items() if offset is not None}
    return known, tuple(word for word, offset in offsets.items() if offset is None)


_RELATIVE_DAYS, _CONTEXT_DAYS = _known_and_contextual("relative-day")
"""Days relative to the story (the second part), not to the issue: not resolvable alone."""
_RELATIVE_YEARS, _CONTEXT_YEARS = _known_and_contextual("relative-year")
_RELATIVE_SEASONS = SEASON_YEARS
_CN_DIGITS = {c: str(i) for i, c in enumerate(DIGITS)} | {ZERO: "0"}
_CN_YEAR = re.compile(f"[{DIGITS}{ZERO}]{{4}}(?=年)")
_CN_MONTH_DAY = re.compile(f"[{lexicon.NUMERALS}]{{1,3}}(?=[月日号])")
_CN_DECADE = re.compile(f"([{DIGITS[1:]}]){MAGNITUDES[0]}(?=年代)")


def resolve_date(text: str, issue_date: dt.date | None) -> DateValue:
    """The calendar range of a DATE mention; relative dates need ``issue_date``."""
    core = _arabic("".join(text.split()).strip("“”"))
    timed = _TIME_TAIL.search(core)
    if timed and timed.start() > 0:
        core = core[: timed.start()]
    elif timed:  # 上午, 9时: a time of a day the text gives elsewhere
        return DateValue(None, None, "time-of-day")
    try:
        value = _resolve(core, issue_date)
    except (ValueError, OverflowError):  # a day the calendar does not have: 2月30日
        return DateValue(None, None, "unknown")
    if timed and value.granularity == "day":
        return DateValue(value.start, value.end, "time-of-day")
    return value


def _arabic(text: str) -> str:
    """Chinese numerals of a date as digits: ``二〇二三年九月十二日`` → ``2023年9月12日``."""
    text = _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group()), text)
    text = _CN_DECADE.sub(lambda m: _CN_DIGITS[m[1]] + "0", text)
    if text in lexicon.holidays() or text.startswith("农历"):
        return text
    return _CN_MONTH_DAY.sub(lambda m: str(int(_cn2an(m.group(), "smart"))), text)


def _resolve(core: str, issue: dt.date | None) -> DateValue:
    """Each form of date, most specific first."""
    year = issue.year if issue else None
    if match := re.fullmatch(rf"(\d{{4}})年?[{_TO}](\d{{4}})年", core):
        return DateValue(dt.date(int(match[1]), 1, 1), dt.date(int(match[2]), 12, 31), "range")
    if match := re.fullmatch(r"(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})", core):
        day = dt.date(int(match[1]), int(match[3]), int(match[4]))
        return DateValue(day, day, "day")
    if match := re.fullmatch(r"(\d{4})年(.*)", core):
        return _within_year(int(match[1]), match[2])
    head = next((h for h in (*_RELATIVE_YEARS, *_CONTEXT_YEARS) if core.startswith(h)), None)
    if head:
        shift = _RELATIVE_YEARS.get(head)
        target = year + shift if year is not None and shift is not None else None
        return _within_year(target, core[len(head) :])
    if core[:1] in _RELATIVE_SEASONS and len(core) == 2 and core[1:] in SEASONS:
        target = year + _RELATIVE_SEASONS[core[0]] if year is not None else None
        return _within_year(target, core[1:] + "季")
    if core in _RELATIVE_DAYS or core in _CONTEXT_DAYS:
        if issue is None or core in _CONTEXT_DAYS:
            return DateValue(None, None, "day")
        day = issue + dt.timedelta(days=_RELATIVE_DAYS[core])
        return DateValue(day, day, "day")
    for resolver in (_in_month, _in_week, _holiday, _era):
        value = resolver(core, issue)
        if value is not None:
            return value
    if (value := _within_year(year, core)).granularity != "unknown":
        return value  # 7月29日, 上半年, 三季度: in the issue's year
    return DateValue(None, None, "unknown")


_PERIODS = {"": ((1, 1), (12, 31), "year"), **lexicon.periods()}
"""Named parts of a year (periods.tsv; "" the whole year): (first day, last day, granularity)."""
_MONTHS = re.compile(
    r"(?:(?P<m1>\d{1,2})(?:月份?)?[" + _TO + r"])?(?P<month>\d{1,2})月份?"
    r"(?:(?P<day>\d{1,2})[日号](?:[" + _TO + r"](?:(?P<month2>\d{1,2})月)?(?P<day2>\d{1,2})[日号])?"
    rf"|(?P<part>{MONTH_PART}))?"
)


def _within_year(year: int | None, rest: str) -> DateValue:
    """A period of one year: the whole year, months, days, a half, a quarter, its start or end."""
    if rest in _PERIODS:
        (m1, d1), (m2, d2), granularity = _PERIODS[rest]
        if year is None:
            return DateValue(None, None, granularity)
        return DateValue(dt.date(year, m1, d1), dt.date(year, m2, d2), granularity)
    if quarter := re.fullmatch(f"第?([{DIGITS[1:5]}1-4])季度", rest):
        q = DIGITS[1:5].find(quarter[1]) + 1 or int(quarter[1])
        if year is None:
            return DateValue(None, None, "quarter")
        return DateValue(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
    if first := re.fullmatch(rf"前(\d{{1,2}}|[{lexicon.NUMERALS}{TWO}]{{1,2}})个月", rest):
        months = int(_cn2an(first[1], "smart"))
        if year is None or not 1 <= months <= 12:
            return DateValue(None, None, "range")
        return DateValue(dt.date(year, 1, 1), _month_end(year, months), "range")
    match = _MONTHS.fullmatch(rest)
    if not match:
        return DateValue(None, None, "unknown")
    ranged = match["m1"] or match["day2"]
    granularity = "range" if ranged else "part-of-month" if match["part"] else "month"
    granularity = "day" if match["day"] and not ranged else granularity
    if year is None:
        return DateValue(None, None, granularity)
    month = int(match["month"])
    first_month = int(match["m1"] or month)
    if match["day"]:
        start = dt.date(year, month, int(match["day"]))
        end = dt.date(year, int(match["month2"] or month), int(match["day2"] or match["day"]))
        return DateValue(start, end, granularity)
    if match["part"]:
        first_day, last_day = lexicon.month_parts()[match["part"]]
        end = dt.date(year, month, last_day) if last_day else _month_end(year, month)
        return DateValue(dt.date(year, month, first_day), end, "part-of-month")
    return DateValue(dt.date(year, first_month, 1), _month_end(year, month), granularity)


def _in_month(core: str, issue: dt.date | None) -> DateValue | None:
    """``12日`` (the issue's month), ``本月``, ``上月底``."""
    if days := re.fullmatch(rf"(?:(\d{{1,2}})日?[{_TO}])?(\d{{1,2}})日", core):
        granularity = "range" if days[1] else "day"
        if issue is None:
            return DateValue(None, None, granularity)
        first = issue.replace(day=int(days[1] or days[2]))
        return DateValue(first, issue.replace(day=int(days[2])), granularity)
    if shift := re.fullmatch(rf"({'|'.join(SHIFTS)})月(.*)", core):
        if issue is None:
            return DateValue(None, None, "range" if shift[2] else "month")
        step = SHIFTS[shift[1]]
        year, month = divmod(issue.year * 12 + issue.month - 1 + step, 12)
        return _within_year(year, f"{month + 1}月{shift[2]}")
    return None


_WEEK_WORD = "(?:" + "|".join(WEEK_WORDS) + ")"
_WEEK = re.compile(
    rf"(?P<shift>{'|'.join(SHIFTS)})?{_WEEK_WORD}"
    rf"(?:(?P<weekend>末)|(?P<first>[{WEEKDAYS}天])(?:[{_TO}]{_WEEK_WORD}?(?P<last>[{WEEKDAYS}天]))?)?"
)
"""本周, 上个星期, 周三, 礼拜天, 下周末, 周一至周五, 上周一至三."""


def _in_week(core: str, issue: dt.date | None) -> DateValue | None:
    """``本周``, ``上周三``, ``星期二``, ``周一至周五``, ``本周末``: days of a week (Monday first).

    A weekday without 本/上/下 is that day of the issue's week (``周五`` in a Wednesday issue is
    the coming Friday, ``周一`` the Monday past); a weekend is its Saturday and Sunday.
    """
    match = _WEEK.fullmatch(core)
    if not match:
        return None
    whole = match["first"] is None and match["weekend"] is None
    granularity = (
        "weekend" if match["weekend"] else "week" if whole else "range" if match["last"] else "day"
    )
    if issue is None:
        return DateValue(None, None, granularity)
    step = SHIFTS.get(match["shift"] or "", 0)
    monday = issue - dt.timedelta(days=issue.weekday()) + dt.timedelta(weeks=step)
    if whole:
        first, last = 0, 6
    elif match["weekend"]:
        first, last = 5, 6
    else:
        first = WEEKDAYS.find(match["first"].replace("天", "日"))
        last = WEEKDAYS.find((match["last"] or match["first"]).replace("天", "日"))
    return DateValue(
        monday + dt.timedelta(days=first), monday + dt.timedelta(days=last), granularity
    )


def _holiday(core: str, issue: dt.date | None) -> DateValue | None:
    """Holidays in the issue's year (holidays.tsv): ``八一`` → Aug 1, ``春节`` from the lunar
    table, ``母亲节`` the second Sunday of May; a lunar day without a table has no dates."""
    holiday = lexicon.holidays().get(_NUMERAL_HOLIDAY.sub("", core))
    if holiday is None:
        return None
    if issue is None or holiday.rule == "lunar":
        return DateValue(None, None, "holiday")  # no table of the lunar days here
    if holiday.rule == "lunar-new-year":
        if issue.year not in SPRING_FESTIVAL:
            return DateValue(None, None, "holiday")
        new_year = dt.date(issue.year, *SPRING_FESTIVAL[issue.year])
        day = new_year + dt.timedelta(days=int(holiday.value))
    elif holiday.rule == "solar-term":  # 清明: April 4 or 5 (21st-century formula)
        y = issue.year % 100
        day = dt.date(issue.year, 4, int(y * 0.2422 + 4.81) - y // 4)
    elif holiday.rule == "nth-weekday":  # 05-2-7: the second Sunday of May
        month, nth, weekday = map(int, holiday.value.split("-"))
        first = dt.date(issue.year, month, 1)
        day = first + dt.timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        month, day_of_month = map(int, holiday.value.split("-"))
        day = dt.date(issue.year, month, day_of_month)
    return DateValue(day, day, "holiday")


def _era(core: str, issue: dt.date | None) -> DateValue | None:
    """``21世纪``, ``上世纪80年代``, ``9·12`` (a day of the issue's year)."""
    if match := re.fullmatch(r"(\d{1,2})·(\d{1,2})", core):
        if issue is None:
            return DateValue(None, None, "day")
        day = dt.date(issue.year, int(match[1]), int(match[2]))
        return DateValue(day, day, "day")
    if match := re.fullmatch(r"(\d{1,2})世纪", core):
        century = int(match[1])
        if century < 1:
            raise ValueError(core)
        first, last = dt.date(century * 100 - 99, 1, 1), dt.date(century * 100, 12, 31)
        return DateValue(first, last, "century")
    if match := re.fullmatch(r"(?:上世纪|(\d{2})世纪)?(\d)0年代", core):
        century = int(match[1] or 20)
        first = (century - 1) * 100 + int(match[2]) * 10
        return DateValue(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade")
    return None


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])
