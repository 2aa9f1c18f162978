"""Figures and dates by grammar: DATE, MONEY, PERCENT and QUANTITY spans.

A figure is a number (Arabic digits, or a Chinese numeral of ten or more) with its unit; a date
is a calendar expression, absolute (``2023年9月12日``), relative to the issue
(``昨天下午``, ``今年前10个月``), a period (``上半年``, ``2022—2024年``) or a holiday (``春节``).
Hedges stay outside the span (``近200万元`` → ``200万元``) except ``多``/``余`` between number
and unit (``9000多亩``), as ANNOTATION.md says.
"""

from __future__ import annotations

import re

from .candidates import Candidate, resolve_overlaps

_DIGITS = r"\d+(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]*[十百千万亿][零〇一二两三四五六七八九十百千万亿]*"
_MAGNITUDE = r"(?:[十百千万亿]{1,2})?"
NUMBER = rf"(?:{_DIGITS}{_MAGNITUDE}|{_CHINESE})"
"""A number: ``15.98万``, ``5000``, ``三十五`` (a Chinese numeral must hold 十/百/千/万/亿)."""
_RANGE = rf"{NUMBER}(?:[到至~～\-—–]{NUMBER})?"
_INNER_HEDGE = r"(?:多|余)?"

CURRENCIES = r"(?:元人民币|美元|欧元|日元|港元|港币|英镑|韩元|卢布|人民币|元)"
MEASURE_WORDS = sorted(
    """
    平方公里 平方千米 平方米 立方米 公顷 亩 公里 千米 米 厘米 毫米 吨 千克 公斤 克 千瓦时 千瓦
    兆瓦 瓦 万千瓦 度 个月 个 家 人次 人 名 位 项 次 场 轮 件 台 套 辆 座 栋 幢 间 户 所 批 条 张
    份 种 类 起 年 天 小时 分钟 秒 周年 周岁 周 岁 倍 ℃ 级 分 碗 床 棵 株 只 头 篇 部 本 册 支 队 组
    处 段 层 楼 根 块 片 车 趟 班 列 艘 架 标箱 标准箱 箱 包 袋 杯 瓶 餐 单 笔 宗 例 颗 枚 盏
    """.split(),
    key=len,
    reverse=True,
)
"""Units and measure words a QUANTITY ends with, longest first."""
_UNIT = "(?:" + "|".join(map(re.escape, MEASURE_WORDS)) + ")"

_TIME_OF_DAY = r"(?:上午|下午|中午|晚上|晚间|早上|早晨|凌晨|傍晚|夜里|夜间|白天|深夜|午后)"
_CLOCK = r"(?:\d{1,2}(?:时|点)(?:\d{1,2}分|半)?)"
_DAY_PART = rf"(?:{_TIME_OF_DAY}{_CLOCK}?|{_CLOCK})"
_YEAR = r"(?:1[89]\d{2}|20\d{2})年"
_MONTH = r"(?:1[0-2]|0?[1-9])月份?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])日"
_RELATIVE_YEAR = r"(?:今年|去年|明年|前年|后年|当年|同年|本年)"
_RELATIVE_DAY = r"(?:昨天|今天|明天|前天|后天|昨日|今日|明日|当天|当日|次日)"
_PERIOD = (
    r"(?:上半年|下半年|年初|年底|年末|年中|年度|全年|第?[一二三四1-4]季度|前三季度|"
    r"前\d{1,2}个月|[春夏秋冬]季|[一二三四五六七八九十]+月份?)"
)
_HOLIDAY_CONTEXT = r"(?=期间|前夕|假期|黄金周|长假|小长假|节|当天|前后|建军节|建党节|”)"
_HOLIDAY = (
    r"(?:春节|元旦|除夕|七夕|劳动节|儿童节|妇女节|建军节|建党节|教师节|护士节|青年节|"
    r"(?:清明|端午|中秋|国庆|重阳|元宵)节|"
    rf"(?:清明|端午|中秋|国庆|重阳|元宵){_HOLIDAY_CONTEXT}|"
    rf"(?<=“)(?:[五六七八]一|十一){_HOLIDAY_CONTEXT}|(?:[五六七八]一|十一)(?=期间|前夕|建军节|建党节))"
)

DATE_PATTERNS = (
    # 2023年9月12日上午, 1937年11月5日, 2022年9月, 2020年底, 2021年度
    rf"{_YEAR}(?:{_MONTH}(?:{_DAY}(?:至{_DAY})?)?{_DAY_PART}?|[度底初末]|{_PERIOD})?",
    # 2022-2026年, 2022—2024年
    r"(?:1[89]\d{2}|20\d{2})[\-—–~～至到](?:1[89]\d{2}|20\d{2})年",
    # 今年, 今年上半年, 今年前10个月, 今年5月25日, 明年夏季, 今年9月11日至17日
    rf"{_RELATIVE_YEAR}(?:{_MONTH}(?:{_DAY}(?:至{_DAY})?)?{_DAY_PART}?|{_PERIOD})?",
    # 7月29日上午, 8月15日, 7月份, 9月11日至17日
    rf"{_MONTH}(?:{_DAY}(?:至{_DAY})?)?{_DAY_PART}?",
    # 昨天下午, 今天白天, 明天早晨
    rf"{_RELATIVE_DAY}{_DAY_PART}?",
    # 本月, 上周, 今夏
    r"(?:本|上|下)(?:月|周|个月|季度)|今[春夏秋冬]|去[春夏秋冬]|明[春夏秋冬]",
    # 上半年, 三季度, 年底 (without a year)
    r"(?:上半年|下半年|第?[一二三四]季度|前三季度|年初|年底|年末)",
    rf"{_DAY_PART}",
    r"\d{1,2}世纪(?:\d{2}年代)?",
    r"(?<=“)\d{1,2}·\d{1,2}(?=”)",
    _HOLIDAY,
)
MONEY_PATTERN = rf"{_RANGE}{_INNER_HEDGE}{CURRENCIES}"
PERCENT_PATTERNS = (
    rf"{_DIGITS}(?:[到至~～\-—–]{_DIGITS})?[%％]",
    r"百分之[零〇一二两三四五六七八九十百点\d.]+",
    rf"{_RANGE}{_INNER_HEDGE}个百分点",
)
QUANTITY_PATTERN = rf"{_RANGE}{_INNER_HEDGE}{_UNIT}(?!党代会|全会|代表大会)"

_LABELLED = (
    [("DATE", p) for p in DATE_PATTERNS]
    + [("PERCENT", p) for p in PERCENT_PATTERNS]
    + [("MONEY", MONEY_PATTERN), ("QUANTITY", QUANTITY_PATTERN)]
)
_COMPILED = [(label, re.compile(p)) for label, p in _LABELLED]
_PRIORITY = {"DATE": 50, "PERCENT": 52, "MONEY": 52, "QUANTITY": 50}

_BAD_BEFORE = re.compile(r"[\dA-Za-z.第＋+零〇一二两三四五六七八九十百千]$")
_BAD_AFTER = re.compile(r"^[\dA-Za-z]")
_YEAR_AS_QUANTITY = re.compile(r"^(?:1[89]\d{2}|20\d{2})年$")
_NOT_DATES = ("近年", "日前", "近日", "目前", "当前", "此前", "年度")
"""Words the date grammar would otherwise catch but ANNOTATION.md leaves out."""


def find_figures(text: str) -> list[Candidate]:
    """DATE, MONEY, PERCENT and QUANTITY spans of a clean text, flat and sorted."""
    found = []
    for start, char in enumerate(text):
        if char not in _STARTS:
            continue
        for label, end in _matches_at(text, start):
            found.append(Candidate(start, end, label, "figures", priority=_PRIORITY[label]))
    return resolve_overlaps(found)


_STARTS = set(
    "0123456789零〇一二两三四五六七八九十百千万亿今去明前后当同本昨次上下中晚早凌傍夜白深午年"
    "第全春夏秋冬元清端国重除七劳儿妇建教护青"
)
"""Characters a figure or a date can begin with: other positions are not tried."""


def _matches_at(text: str, start: int) -> list[tuple[str, int]]:
    """Each label's longest match that starts at ``start`` and passes the boundary checks."""
    if start and _BAD_BEFORE.search(text[start - 1]):
        return []
    results: dict[str, int] = {}
    for label, pattern in _COMPILED:
        match = pattern.match(text, start)
        if not match or match.end() == start:
            continue
        end = match.end()
        span = text[start:end]
        cut_number = span[-1].isdigit() and _BAD_AFTER.match(text[end : end + 1])
        if cut_number or span in _NOT_DATES:
            continue
        if label == "QUANTITY" and _YEAR_AS_QUANTITY.match(span):
            continue  # 2023年 is a date
        if end > results.get(label, start):
            results[label] = end
    return list(results.items())
