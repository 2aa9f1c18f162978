"""Places and organisations by gazetteer and by the words they end in.

A gazetteer covers the names a local paper repeats (countries, provinces, the cities of the
region, Pinghu's towns and streets); everything else is found by its ending (``…镇``, ``…社区``,
``…有限公司``, ``…局``) with the name before it taken as the run of noun-like words there.
Administrative chains are split per unit (``独山港镇全公亭社区``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .candidates import Candidate
from .phrases import phrase_start

GAZETTEER = resources.files("pinghu_nlp") / "data" / "gazetteer.tsv"
"""``name<TAB>LOC|ORG`` lines: places and bodies known by name (public knowledge, not page text)."""

LOC_ENDINGS = tuple(
    sorted(
        [
            "省",
            "市",
            "县",
            "区",
            "镇",
            "乡",
            "村",
            "街道",
            "社区",
            "大道",
            "路",
            "街",
            "巷",
            "桥",
            "大桥",
            "公园",
            "景区",
            "广场",
            "园区",
            "开发区",
            "度假区",
            "新区",
            "港区",
            "湿地",
            "隧道",
            "码头",
            "车站",
            "机场",
            "体育馆",
            "博物馆",
            "纪念馆",
            "图书馆",
            "文化馆",
            "美术馆",
            "展览馆",
            "会展中心",
            "剧院",
            "小镇",
            "科技城",
            "产业园",
            "创业园",
            "工业园",
            "合作园",
            "智创园",
            "科创园",
            "岛",
            "湾",
            "山",
            "湖",
            "江",
            "河",
            "港",
            "浜",
            "塘",
            "街区",
        ],
        key=len,
        reverse=True,
    )
)
"""Endings of place names, longest first."""

ORG_ENDINGS = tuple(
    sorted(
        [
            "有限公司",
            "股份有限公司",
            "公司",
            "集团",
            "委员会",
            "管委会",
            "党委",
            "党工委",
            "党组",
            "党支部",
            "支部",
            "总支",
            "局",
            "厅",
            "委",
            "办",
            "部",
            "署",
            "大学",
            "学院",
            "学校",
            "中学",
            "小学",
            "幼儿园",
            "医院",
            "卫生院",
            "研究院",
            "研究所",
            "实验室",
            "银行",
            "支行",
            "分行",
            "协会",
            "商会",
            "学会",
            "联合会",
            "总工会",
            "工会",
            "妇联",
            "团委",
            "报社",
            "电视台",
            "传媒中心",
            "法院",
            "检察院",
            "派出所",
            "合作社",
            "基金会",
            "促进会",
            "俱乐部",
            "事务所",
            "指挥部",
            "领导小组",
            "中心组",
            "部队",
            "支队",
            "大队",
            "中队",
            "军分区",
            "武装部",
            "政府",
        ],
        key=len,
        reverse=True,
    )
)
"""Endings of organisation names, longest first."""

_ENDING_PATTERN = re.compile(
    "|".join(re.escape(e) for e in sorted(LOC_ENDINGS + ORG_ENDINGS, key=len, reverse=True))
)
_ONE_CHAR_PLACE_ENDINGS = set("省市县区镇乡村街路桥岛湾山湖江河港浜塘")
_WEAK_ORG_ENDINGS = {"局", "厅", "委", "办", "部", "署", "政府", "支部", "党委", "党组"}
"""Endings that also close common nouns (``全部``, ``结构``); they need a name-like word before."""
_BRACKETED_REGION = re.compile(r"[(（][\u4e00-\u9fff]{2,4}[)）]")
_MIN_NAME = 2


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Known names and their labels."""
    entries = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, label = line.split("\t")[:2]
            entries[name.strip()] = label.strip()
    return entries


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern[str]:
    names = sorted(gazetteer(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def find_known_names(text: str) -> list[Candidate]:
    """Gazetteer matches, longest first, as LOC or ORG."""
    table = gazetteer()
    return [
        Candidate(m.start(), m.end(), table[m.group()], "gazetteer", priority=20)
        for m in _gazetteer_pattern().finditer(text)
    ]


def find_by_ending(text: str) -> list[Candidate]:
    """Places and organisations found by their ending and the noun phrase before it."""
    found = []
    for match in _ENDING_PATTERN.finditer(text):
        ending, end = match.group(), match.end()
        if _continues_word(text, end, ending):
            continue
        start = phrase_start(text, match.start(), window=14)
        start = _bracket_start(text, start)
        if match.start() - start < (1 if ending in _ONE_CHAR_PLACE_ENDINGS else 1):
            continue
        if ending in _WEAK_ORG_ENDINGS and match.start() - start < _MIN_NAME:
            continue
        label = "ORG" if ending in ORG_ENDINGS and ending not in LOC_ENDINGS else "LOC"
        found.append(Candidate(start, end, label, "ending", priority=15))
    return found


def _continues_word(text: str, end: int, ending: str) -> bool:
    """A one-character ending that is really the start of a longer word (``市场``, ``区域``)."""
    if len(ending) > 1 or end >= len(text):
        return False
    return text[end - 1 : end + 1] in _COMMON_WORDS_FROM_ENDINGS


_COMMON_WORDS_FROM_ENDINGS = set(
    [
        "市场",
        "市民",
        "市级",
        "区域",
        "区别",
        "县域",
        "镇级",
        "村民",
        "村级",
        "村集",
        "路径",
        "路线",
        "街头",
        "桥梁",
        "山水",
        "湖畔",
        "江南",
        "河道",
        "港口",
        "局面",
        "局势",
        "部署",
        "部门",
        "部分",
        "委托",
        "办法",
        "办理",
        "办公",
        "办事",
        "厅局",
        "省级",
        "省内",
        "市内",
        "区内",
        "山区",
        "湾区",
        "部队",
        "委员",
    ]
)


def _bracket_start(text: str, start: int) -> int:
    """Extend a name left over a bracketed region inside it: ``开拓药业(浙江)有限公司``."""
    before = text[max(0, start - 6) : start]
    match = _BRACKETED_REGION.search(before)
    if match and match.end() == len(before):
        name_start = phrase_start(text, start - len(before) + match.start(), window=10)
        if name_start < start - len(before) + match.start():
            return name_start
    return start
