"""Figures and dates by grammar: DATE, MONEY, PERCENT and QUANTITY spans.

A figure is a number (Arabic digits, or a Chinese numeral of ten or more) with its unit; a date
is a calendar expression, absolute (``2023年9月12日``), relative to the issue (``昨天下午``,
``今年前10个月``), a period (``上半年``, ``2022—2024年``), a holiday (``春节``, ``“八一”``) or a
time of day (``上午9时``). Hedges stay outside the span (``近200万元`` → ``200万元``) except
``多``/``余`` between number and unit (``9000多亩``), as ANNOTATION.md says. Ordinals and codes
(``第121期``, ``十四五``, ``3+3+3``) and small Chinese counts (``三张清单``) are not figures.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..segment import is_guessed, page_words, tag_of
from .candidates import WORK_TITLE, Candidate, resolve_overlaps
from .finders import FINDERS

FIGURES = FINDERS["figures"]


DIGITS = lexicon.characters("numeral-digits")
"""The Chinese digits, 〇 first: a digit's index is its value; values.py reads them too."""
ZERO = lexicon.characters("numeral-zero")
"""零, written for 〇 too."""
TWO = lexicon.characters("numeral-two")
"""两, written for 二 before a magnitude or a measure (两千, 两个百分点)."""
MAGNITUDES = lexicon.characters("numeral-magnitudes")
"""The numerals of a power of ten, 十 first; values.py reads them too."""
HEDGES = lexicon.characters("numeral-hedges")
"""The inner hedges between a number and its magnitude or unit (200多万, 百余名)."""
RANGE_MARKS = lexicon.characters("range-marks")
"""What joins the ends of a range (4到6, 1—8月); values.py reads them too."""
CHINESE_NUMERALS = DIGITS + ZERO + TWO + MAGNITUDES
"""Every character of a Chinese numeral, for a regex character class."""
_ONE_TO_NINE = DIGITS[1:]
_TEN = MAGNITUDES[0]
_TO = f"[{re.escape(RANGE_MARKS)}]"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CN = CHINESE_NUMERALS
_CHINESE = rf"[{_CN}]*[{MAGNITUDES}][{_CN}]*"
_NUMBER = rf"(?:{_ARABIC}[{MAGNITUDES}]{{0,2}}|{_CHINESE})"
AMOUNT = rf"{_NUMBER}(?:{_TO}{_NUMBER})?(?:[{HEDGES}]?[{MAGNITUDES}]{{1,2}}|[{HEDGES}])?"
"""A number or range with its magnitude and inner hedge: ``15.98万``, ``200多万``, ``4到6``."""
_GAP = r"\s?"  # a layout break between a figure and its unit: 98⏎分, 2.4 亿元

CURRENCIES = lexicon.longest_first(lexicon.units("currency"))
"""Currencies a MONEY figure ends with."""
MEASURE_WORDS = lexicon.longest_first(lexicon.units("measure"))
"""Units and measure words a QUANTITY ends with."""
_UNIT = "(?:" + "|".join(map(re.escape, MEASURE_WORDS)) + r")(?![A-Za-z])"
_CURRENCY = "(?:" + "|".join(CURRENCIES) + ")"

# Dates.
_YEAR_NUMBER = r"(?:1[89]\d{2}|20\d{2})"
_YEAR = rf"(?:{_YEAR_NUMBER}|[{DIGITS}{ZERO}]{{4}})年"
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
_CN_MONTH = rf"(?:{_TEN}[{DIGITS[1:3]}]?|[{_ONE_TO_NINE}])"
_MONTH = rf"(?:{_MONTH_NUMBER}|{_CN_MONTH})月份?"
_DAY = (
    rf"(?:3[01]|[12]\d|0?[1-9]|{DIGITS[3]}{_TEN}{DIGITS[1]}?|{DIGITS[2]}{_TEN}[{_ONE_TO_NINE}]?"
    rf"|{_TEN}[{_ONE_TO_NINE}]?|[{_ONE_TO_NINE}])[日号]"
)
MONTH_PART = "(?:" + "|".join(lexicon.month_parts()) + ")"
"""A named part of a month (month_parts.tsv): 上旬, 月底, 7月初; values.py reads it too."""
DAY_WORDS = lexicon.date_words("day-part")
"""Times of day a date may end with (``周三夜间``, ``昨天下午``); values.py reads them too."""
_DAY_WORD = "(?:" + "|".join(DAY_WORDS) + ")"
WEEKDAYS = "".join(lexicon.date_words("weekday"))
"""The days of the week, Monday first, as written after 周/星期/礼拜 (星期天, 礼拜天 for 日)."""
WEEK_WORDS = lexicon.date_words("week")
"""Words for a week; each takes a weekday after it (``周三``, ``星期三``, ``礼拜天``)."""
SHIFTS = {word: offset or 0 for word, offset in lexicon.date_offsets("shift").items()}
"""Words before 周/星期/月 that place a week or month relative to the issue's (``上周三``)."""
_COLON_CLOCK = r"(?:[01]?\d|2[0-3])[:：][0-5]\d(?!\d)"
_CLOCK = rf"(?:\d{{1,2}}[时点](?:\d{{1,2}}分|半)?|{_COLON_CLOCK})"
_CLOCK_ALONE = r"(?:\d{1,2}时(?:\d{1,2}分|半)?|\d{1,2}点(?:\d{1,2}分|半))"
EARLY_LATE = f"[{lexicon.characters('early-late')}]"
"""A time of day in one character (28日晚, 早8时); values.py reads it too."""
_EARLY_LATE = f"{EARLY_LATE}(?![{lexicon.characters('early-late-words')}])"
"""A bare 早/晚 right after a day (``28日晚``, ``周五晚``), not 晚会, 早餐, 晚些."""
_DAY_PART = (
    rf"(?:{_DAY_WORD}{_CLOCK}?(?:{_TO}{_CLOCK})?|{EARLY_LATE}{_CLOCK}|{_CLOCK_ALONE}"
    rf"|(?<=[日号]){_EARLY_LATE})"
)
"""A time of the day: ``上午9时``, ``9时30分``; a bare 早/晚 right after a day (28日晚)."""
_DAYS = rf"{_DAY}(?:{_TO}(?:{_MONTH})?{_DAY})?"
_CALENDAR = rf"(?:(?:{_MONTH_NUMBER}(?:月份?)?{_TO})?{_MONTH}(?:{_DAYS}{_DAY_PART}?|{MONTH_PART})?)"
"""Months and days within a year: ``9月``, ``7月29日上午``, ``1—8月``, ``9月11日至17日``."""
_QUARTER = f"[{DIGITS[1:5]}1-4]"
"""A quarter's number: 第三季度, 3季度."""
_PERIOD = (
    "(?:"
    + "|".join(lexicon.longest_first(p for p in lexicon.periods() if len(p) > 1))
    + rf"|第?{_QUARTER}季度(?:末|初)?|前(?:\d{{1,2}}|[{lexicon.NUMERALS}{TWO}]{{1,2}})个月)"
)
"""A named part of a year (periods.tsv: 上半年, 年底, 春季), a quarter or the first months."""
_PERIOD_SUFFIX = "[" + "".join(p for p in lexicon.periods() if len(p) == 1) + "]"
"""A part of a year written right after it: 2023年底, 2021年度."""
_RELATIVE_YEAR = "(?:" + "|".join(lexicon.date_words("relative-year")) + ")"
_RELATIVE_DAY = "(?:" + "|".join(lexicon.date_words("relative-day")) + ")"
_SHIFT = "(?:" + "|".join(SHIFTS) + ")"
_DAY_COUNT = "|".join(lexicon.date_words("day-count"))
"""After a number and 日 a count of days, not a date: 3日内, 5日以上."""
SEASON_YEARS = {word: offset or 0 for word, offset in lexicon.date_offsets("season-year").items()}
"""Years in one character before a season's: 今(春), 去(冬), 明(夏); values.py reads them too."""
SEASONS = "".join(dict.fromkeys(p[0] for p, v in lexicon.periods().items() if v[2] == "season"))
"""The seasons in one character (春夏秋冬), from periods.tsv's 春季…冬季."""
_SHIFT_CHARS = "".join(word for word in SHIFTS if len(word) == 1)
_RANGE_WORDS = "".join(c for c in RANGE_MARKS if lexicon.is_han(c))
"""The ranges' marks in words (到, 至): a clause may break at them too."""
_LONG_WEEK_WORD = "|".join(word for word in WEEK_WORDS if len(word) > 1)
"""The week words a weekday follows bare (星期三, 礼拜天), not 周 (周一鸣 is a name)."""
"""The shifts a bare 周 takes (本周, 这周, 上周, 下周)."""
_WEEK_WORD = "(?:" + "|".join(WEEK_WORDS) + ")"
_BREAK = rf"(?=(?:{_DAY_WORD}|{EARLY_LATE}|\d|[{_RANGE_WORDS}、，,。;；)）]|$))"
_WEEKDAY = rf"(?:(?:{_SHIFT}{_WEEK_WORD}|{_LONG_WEEK_WORD})[{WEEKDAYS}天]|周[{WEEKDAYS}]{_BREAK})"
"""A weekday; a bare 周一 only before a time or a clause break (周一鸣, 周五星, 周三说: names)."""
_LAST_WEEKDAY = rf"(?:{_SHIFT}?{_WEEK_WORD}[{WEEKDAYS}天]|[{WEEKDAYS}天]{_BREAK})"
"""The end of a range of weekdays: 周一至周五, 上周一至周三, 周一至五."""
_WEEKEND = rf"{_SHIFT}周末"
"""本周末, 上个周末: a weekend placed by the issue's week. A bare 周末 is vague (not annotated)."""
_HABITUAL = re.compile(
    rf"每(?:逢|个)?{_WEEK_WORD}(?:末|[{WEEKDAYS}天](?:{_TO}{_WEEK_WORD}?[{WEEKDAYS}天])?)?"
    rf"(?:{_DAY_WORD}|{_EARLY_LATE})?"
)
"""A weekday or weekend that recurs (每周三下午, 每逢周末): a habit, not a date; no DATE inside."""
_HOLIDAY_NAME = "(?:" + "|".join(lexicon.longest_first(lexicon.holiday_names("full"))) + ")"
"""A holiday written in full: a DATE wherever it stands (holidays.tsv)."""
_CUED_HOLIDAY = "(?:" + "|".join(lexicon.longest_first(lexicon.holiday_names("cued"))) + ")"
"""A holiday's short name: a DATE only before a cue (国庆期间, 中秋佳节)."""
_HOLIDAY_CUE = "(?=" + "|".join(map(re.escape, lexicon.holiday_cues())) + ")"
"""What follows a short holiday name that is a DATE (holiday_cues.tsv): 国庆期间, 中秋佳节."""
_NUMERAL_HOLIDAY_CUE = "(?=" + "|".join(map(re.escape, lexicon.holiday_cues(numeral=True))) + ")"
_SHORT_HOLIDAY = "(?:" + "|".join(lexicon.holiday_names("numeral")) + ")"
_CELEBRATED = "(?:" + "|".join(h.name for h in lexicon.holidays().values() if h.celebrated) + ")"
"""A holiday in numerals that is a DATE right after 庆, 迎 or 过 (庆八一)."""
NUMERAL_DATES = (
    # 2023年9月12日上午, 2020年底, 2021年度, 2023年第三季度, 2023年1—8月, 二〇二三年九月
    rf"{_YEAR}(?:{_CALENDAR}|{_PERIOD_SUFFIX}|{_PERIOD})?",
    # 2022—2024年, 2022年至2024年
    rf"{_YEAR_NUMBER}年?{_TO}{_YEAR_NUMBER}年",
    # 2023-09-12, 2023.9.12
    rf"{_YEAR_NUMBER}([.\-/]){_MONTH_NUMBER}\1(?:3[01]|[12]\d|0?[1-9])(?!\d)",
    # 7月29日上午, 8月15日, 7月份, 9月底, 1—8月 (a Chinese month alone is too often no date)
    rf"(?:(?:{_MONTH_NUMBER}(?:月份?)?{_TO})?{_MONTH_NUMBER}月份?|{_CN_MONTH}月份)"
    rf"(?:{_DAYS}{_DAY_PART}?|{MONTH_PART})?",
    rf"{_CN_MONTH}月(?:{_DAYS}{_DAY_PART}?|{MONTH_PART})",
    # 12日上午 (a day of the current month), not a span of days (30日内)
    rf"(?:(?:3[01]|[12]\d|0?[1-9])日?{_TO})?(?:3[01]|[12]\d|0?[1-9])日(?!{_DAY_COUNT})"
    rf"{_DAY_PART}?",
    rf"{_CLOCK_ALONE}(?:{_TO}{_CLOCK})?",
    rf"{_COLON_CLOCK}{_TO}{_COLON_CLOCK}",  # 9:00—11:30 (a score, 3:2, has no minutes)
    rf"{_QUARTER}季度",
    rf"\d{{1,2}}世纪(?:\d0年代)?|(?:\d0|[{DIGITS[5:]}]{_TEN})年代",
    # “9·12”, “八一”, 八一前夕, 庆八一, 八一建军节
    rf"(?<=“)(?:\d{{1,2}}·\d{{1,2}}|{_SHORT_HOLIDAY})(?=”)",
    rf"{_SHORT_HOLIDAY}{_NUMERAL_HOLIDAY_CUE}",
    rf"(?<=[{lexicon.characters('celebrate-verbs')}]){_CELEBRATED}",
    rf"{_SHORT_HOLIDAY}{_HOLIDAY_NAME}",
)
"""Dates that begin with a numeral: tried only where a run of numerals begins."""
_LUNAR_DATE = (
    rf"农历(?:[{lexicon.characters('heavenly-stems')}][{lexicon.characters('earthly-branches')}]年)?"
    rf"[{lexicon.characters('lunar-months')}{lexicon.NUMERALS}]{{1,2}}月"
    rf"(?:初[{lexicon.NUMERALS}]|{_TEN}[{_ONE_TO_NINE}]|{DIGITS[2]}{_TEN}|廿[{_ONE_TO_NINE}]"
    rf"|{DIGITS[3]}{_TEN})?"
)
"""A date of the lunar calendar: 农历癸卯年正月初一, 农历八月十五, 农历腊月廿三."""
WORD_DATES = (
    # 今年, 去年底, 今年上半年, 今年前10个月, 今年5月25日, 明年夏季
    rf"{_RELATIVE_YEAR}(?:{_CALENDAR}|{_PERIOD}|[底初末])?",
    rf"{_RELATIVE_DAY}{_DAY_PART}?",
    rf"{_SHIFT}(?:月(?:{_DAYS}{_DAY_PART}?|{MONTH_PART})?|{_LONG_WEEK_WORD})|[{_SHIFT_CHARS}]周|[{''.join(SEASON_YEARS)}][{SEASONS}]",
    rf"{_WEEKDAY}(?:{_TO}{_LAST_WEEKDAY})?(?:{_DAY_PART}|{_EARLY_LATE})?",
    rf"{_WEEKEND}(?:{_DAY_WORD})?",
    rf"(?:{'|'.join(lexicon.periods_alone())}|第{_QUARTER}季度|前\d{{1,2}}个月)",
    rf"(?:{_DAY_WORD}{_CLOCK}?|{EARLY_LATE}{_CLOCK})(?:{_TO}{_CLOCK})?",
    rf"上世纪(?:\d0|[{DIGITS[5:]}]{_TEN})年代",
    _HOLIDAY_NAME,
    rf"{_CUED_HOLIDAY}{_HOLIDAY_CUE}",
    _LUNAR_DATE,
)
"""Dates that begin with a word: found by scanning the whole text."""
FIGURE_PATTERN = (
    rf"{AMOUNT}{_GAP}(?:(?P<MONEY>{_CURRENCY})|(?P<PERCENT>个?百分点)|(?P<QUANTITY>{_UNIT}))"
)
"""A number and what follows: a currency (MONEY), 个百分点 (PERCENT) or a unit (QUANTITY)."""
PERCENT_PATTERNS = (
    rf"{_ARABIC}[%％]?{_TO}{_ARABIC}[%％]|{_ARABIC}[%％]",
    rf"百分之[{DIGITS}{ZERO}{TWO}{MAGNITUDES[:2]}点\d.]+",
    rf"[{_ONE_TO_NINE}{TWO}]个?百分点",
)

_RUN = re.compile(rf"\d+|[{_CN}]+")
_NOT_AFTER = re.compile(r"(?:[\dA-Za-z.第+＋]|\d,)\Z")
_NOT_AFTER_CHINESE = re.compile(rf"[\dA-Za-z.第+＋{_CN}数几]\Z")
"""A figure does not start inside a number, a code, an ordinal (第9, 3+3+3) or 数十."""
_RANK = {"MONEY": 3, "PERCENT": 3, "DATE": 2, "QUANTITY": 1}
"""Which label wins where the grammars overlap (currencies and % over plain units), among the
figures alone: the ones kept all take the finder's priority (``FINDERS["figures"]``)."""
_AT_NUMERALS = [
    *[("DATE", re.compile(p)) for p in NUMERAL_DATES],
    *[("PERCENT", re.compile(p)) for p in PERCENT_PATTERNS],
    ("", re.compile(FIGURE_PATTERN)),  # labelled by the group that matched
]
_CUES = set(lexicon.characters("numeral-cues") + RANGE_MARKS)
"""What follows a numeral that may open a date or a percent; other numerals are only figures.

``八一``/``五一``/``三八`` (a run ending as a numeral holiday ends) are tried as holidays too."""
_HOLIDAY_ENDS = frozenset(name[-1] for name in lexicon.holiday_names("numeral"))
"""How the holidays in numerals end (八一, 三八: 一, 八)."""
_SCANNED = [re.compile(p) for p in WORD_DATES]
_YEAR_ONLY = re.compile(rf"{_YEAR_NUMBER}(?:{_TO}{_YEAR_NUMBER})?年")
_CONGRESS = re.compile("|".join(lexicon.place_words("congress")))
"""A congress's meeting after its number (十九届三中全会): the number is no QUANTITY."""
_CHINESE_START = re.compile(rf"[{_CN}]+")
_BIG_NUMERAL = re.compile(f"[{MAGNITUDES}]")
_QUOTED_NAME = re.compile(r"“[^“”\s，,。；;、]{1,8}\Z")


def find_figures(text: str) -> list[Candidate]:
    """DATE, MONEY, PERCENT and QUANTITY spans of a clean text, flat and sorted."""
    found = [(m.start(), m.end(), "DATE") for p in _SCANNED for m in p.finditer(text)]
    found += [(start, end, "DATE") for start, end in _weekdays_before_a_verb(text)]
    for run in _RUN.finditer(text):
        start = run.start()
        digit = text[start].isdigit()
        if start and (_NOT_AFTER if digit else _NOT_AFTER_CHINESE).search(
            text, max(0, start - 2), start
        ):
            continue
        if not digit and _inside_a_word(text, start):
            continue  # 红十字会, 千岛湖: a numeral inside a word jieba knows
        cued = text[run.end() : run.end() + 1] in _CUES or run.group()[-1] in _HOLIDAY_ENDS
        for label, pattern in _AT_NUMERALS if cued else _AT_NUMERALS[-1:]:
            match = pattern.match(text, start)
            if match:
                found.append((start, match.end(), label or match.lastgroup or "QUANTITY"))
    titles = [m.span() for m in WORK_TITLE.finditer(text)]
    habits = [m.span() for m in _HABITUAL.finditer(text)]
    candidates = [
        FIGURES.candidate(start, end, label, priority=_RANK[label])
        for start, end, label in found
        if _is_figure(text, start, end, label)
        and not any(a < start and end < b for a, b in titles)
        and not (label == "DATE" and any(a <= start < b for a, b in habits))
    ]
    kept = [_with_sign(text, c) for c in _ranges_joined(text, resolve_overlaps(candidates))]
    return [c._replace(priority=FIGURES.priority) for c in kept]


def _ranges_joined(text: str, figures: list[Candidate]) -> list[Candidate]:
    """Two figures of one label joined by a range mark are one range (500元到2000元, 3℃至5℃),
    as ANNOTATION.md writes a range: one span."""
    joined: list[Candidate] = []
    for figure in figures:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == figure.label != "DATE"
            and text[last.end : figure.start] in _RANGE_JOINS
        ):
            joined[-1] = last._replace(end=figure.end)
            continue
        joined.append(figure)
    return joined


_RANGE_JOINS = frozenset(RANGE_MARKS)
NEGATIVE_SIGNS = lexicon.hedges("sign")
"""Words before a number that make it negative, inside the figure (零下3℃)."""


def _with_sign(text: str, figure: Candidate) -> Candidate:
    """A QUANTITY taking the sign written before it: 零下3℃."""
    sign = next((s for s in NEGATIVE_SIGNS if text.endswith(s, 0, figure.start)), "")
    if figure.label != "QUANTITY" or not sign:
        return figure
    return figure._replace(start=figure.start - len(sign))


def _weekdays_before_a_verb(text: str) -> list[tuple[int, int]]:
    """A bare weekday that is a word of its own after 到/至 (…到周四) or before a word of jieba's
    that is an adverb or a preposition (周五|将, 周日|在家) or a longer verb (周二|举行), not
    before a speech verb (周三|说) or a one-character verb (周一|鸣: 周一鸣 is a name)."""
    words = page_words(text)
    found = []
    for match in _BARE_WEEKDAY.finditer(text):
        start, end = match.span()
        if not (words.breaks_at(start) and words.breaks_at(end)) or end >= len(text):
            continue
        following = words.word_at(end)[1]
        tag = tag_of(following)[:1]
        before = not is_guessed(following) and not text.startswith(_SPEECH, end)
        before = before and (tag in "dp" or (len(following) > 1 and tag in "vr"))
        if before or text[start - 1 : start] in _RANGE_CHARS:
            found.append((start, end))
    return found


_BARE_WEEKDAY = re.compile(rf"周[{WEEKDAYS}]")
_RANGE_CHARS = frozenset(_RANGE_WORDS)
_SPEECH = lexicon.person_words("speech-cue")


def _inside_a_word(text: str, start: int) -> bool:
    """Whether ``start`` falls inside a dictionary word of three characters or more."""
    word_start, word = page_words(text).word_at(start)
    return word_start < start and len(word) >= 3 and not is_guessed(word)


def _is_figure(text: str, start: int, end: int, label: str) -> bool:
    """Whether a grammar match is a figure the annotation keeps."""
    span = text[start:end]
    if _NOT_AFTER.search(text, max(0, start - 2), start):
        return False
    if label == "DATE":
        return True
    if label == "QUANTITY" and (_YEAR_ONLY.fullmatch(span) or _CONGRESS.match(text, end)):
        return False  # 2023年 is a date; 十五次党代会 is an ordinal
    number = _CHINESE_START.match(span)
    # Chinese numerals: not 十分, 百年大计, 千家万户; 百余名 and 十年 are figures
    if number and label != "PERCENT":
        rest = span[number.end() :]
        bare = _BIG_NUMERAL.fullmatch(number.group())
        if rest.startswith("分") or (bare and number.group() != _TEN and rest[:1] not in HEDGES):
            return False
    # a figure closing a short quoted name is part of that name: “平湖12条”
    return not (text.startswith("”", end) and _QUOTED_NAME.search(text, max(0, start - 9), start))
