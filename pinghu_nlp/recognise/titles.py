"""Officials' titles as a grammar: an organisational qualifier plus a head (``市纪委`` + ``书记``).

Heads come from a list of office words; the qualifier is the run of noun-like words just before
the head (``市农业农村局农村合作经济指导服务中心`` + ``主任``), cut at punctuation and at verbs,
so titles never seen before (``区委书记``, ``省政协副主席``, ``集团总裁``) are found too.
Titles chained with ``、`` come out as separate spans.

Each candidate says whether it can stand alone (``office``: ``市委书记在会上强调``) or is a
title only beside a person's name (``role``: ``书记``, ``快递员``, ``各级党委书记``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..layout import COMMON_SURNAMES
from .candidates import Candidate, on_one_line
from .finders import FINDERS
from .phrases import NAME_TAGS, PLACE_UNIT_CHARS, PROPER_TAGS, noun_phrase
from .places import company_region_start

if TYPE_CHECKING:
    from jieba.posseg import pair

OFFICE_HEADS = lexicon.longest_first(lexicon.title_words("office"))
"""Heads of official titles, longest first."""

ROLE_HEADS = lexicon.longest_first(lexicon.title_words("role"))
"""Job roles: a TITLE only right beside a person's name (``快递员张喜妹``, ``省人大代表顾小平``)."""

JOB_FIELDS = lexicon.longest_first(lexicon.title_words("field"))
"""The trade or field written before a job role: 外卖(骑手), 网约车(司机), 语文(老师)."""

REPRESENTATIVE_HEADS = lexicon.title_words("role", "seat")
"""A seat in a congress: the nation (``全国``) qualifies it like a place (``全国人大代表``)."""
_NATION = "全国"

BARE_HEADS = frozenset(lexicon.title_words("office", "bare"))
"""Heads that name no office without a qualifier: a title only beside a person's name."""

_ALL_HEADS = lexicon.longest_first(OFFICE_HEADS + ROLE_HEADS)
_HEAD_PATTERN = re.compile("|".join(map(re.escape, _ALL_HEADS)))
"""Every head, longest first across offices and roles (主任医师 before 主任)."""
_COLLECTIVE = re.compile(
    f"[{''.join(lexicon.collective_parts('place'))}]"
    f"(?:{'|'.join(lexicon.longest_first(lexicon.collective_parts('body')))})?"
    f"(?:{'|'.join(lexicon.collective_parts('level'))})?"
    f"(?:{'|'.join(lexicon.collective_parts('head'))})"
    f"(?![{''.join(lexicon.collective_parts('not-after'))}])"
)
"""``市领导`` and the leaders of one local body (``县政协领导``), when they introduce names
(collective_titles.tsv)."""


def is_collective_title(text: str) -> bool:
    """Whether ``text`` is a whole collective title (``市领导``, ``县级领导``): the one test the
    recogniser (source "collective") and the relations (a title its names share) both use."""
    return _COLLECTIVE.fullmatch(text) is not None


_NOT_A_HEAD_AFTER = re.compile(
    f"^(?:{'|'.join(lexicon.title_words('not-head-after'))}|职(?![务位]))"
)
"""What turns a head into part of a longer word: 委员会, 常委会, 书记领办 (not 副市长职务)."""
_ORG_ENDINGS = lexicon.title_words("qualifier-end")
"""Endings of a qualifier that names an organisation or a place."""
_PLACE_BODIES = "|".join(lexicon.place_words("place-body"))
_NAMED_PLACE_START = re.compile(rf"[{lexicon.HAN_RANGE}]{{2,3}}[省市县区](?:{_PLACE_BODIES})")
"""Or a named place's party or government body: 平湖市委(副书记), 嘉兴市政府(秘书长)."""
_UNIT_HEAD_CHARS = tuple(lexicon.characters("unit-head-starts"))
"""``宣传部长``: a head opening with one of these closes its organisation (宣传部)."""
_QUALIFIER_WINDOW = 24


@on_one_line()
def find_titles(text: str) -> list[Candidate]:
    """TITLE candidates, ``source`` "office", "role" or "collective"."""
    found = []
    for match in _HEAD_PATTERN.finditer(text):
        head, (head_start, head_end) = match.group(), match.span()
        if _NOT_A_HEAD_AFTER.match(text[head_end : head_end + 2]):
            continue
        start = qualifier_start(text, head_start, head)
        if head in REPRESENTATIVE_HEADS and text.endswith(_NATION, 0, start):
            start -= len(_NATION)
        if head in ROLE_HEADS and start == head_start:
            start -= len(next((f for f in JOB_FIELDS if text.endswith(f, 0, start)), ""))
        qualifier = text[start:head_start]
        stands_alone = head not in ROLE_HEADS and (
            qualifier.startswith(PLACE_UNIT_CHARS)  # 市委书记, 镇长: a local office
            or bool(_NAMED_PLACE_START.match(qualifier))
            or (not qualifier and head not in BARE_HEADS)
        )
        found.append(
            FINDERS["office" if stands_alone else "role"].candidate(start, head_end, "TITLE")
        )
    for match in _COLLECTIVE.finditer(text):
        found.append(FINDERS["collective"].candidate(match.start(), match.end(), "TITLE"))
    return _longest_per_head(found)


def qualifier_start(text: str, head_start: int, head: str = "") -> int:
    """Where the organisational qualifier before a head begins (``head_start`` if none)."""
    words = _without_holder(noun_phrase(text, head_start, window=_QUALIFIER_WINDOW, ordinals=True))
    start = head_start - sum(len(w.word) for w in words)
    if words and words[0].flag in PROPER_TAGS:
        return start  # a named body: 华信纳米联合创始人, 城投集团党委专职副书记
    if head.lstrip("副").startswith(_UNIT_HEAD_CHARS) and head.endswith("长"):
        return start  # 宣传部长: the head's first character closes the organisation (宣传部)
    while start < head_start and not text[start:head_start].endswith(_ORG_ENDINGS):
        start += 1
    return company_region_start(text, start)  # 华茂精密(嘉兴)有限公司总经理: one qualifier


def _without_holder(words: list[pair]) -> list[pair]:
    """The qualifier's words after the holder's name before a place: 免去(张敏)嘉善县人民政府…

    A person's name (a surname and one or two characters, tagged a name) right before a place is
    the person the title is given to or taken from; it and the words before it are no part of
    the title (任命钱伟桐乡市人民政府副市长).
    """
    for index, word in enumerate(words):
        if word.flag != "ns":
            continue
        name_start = index
        while name_start > 0 and words[name_start - 1].flag in NAME_TAGS:
            name_start -= 1
        name = "".join(w.word for w in words[name_start:index])
        if name[:1] in COMMON_SURNAMES and 2 <= len(name) <= _LONGEST_NAME:
            return words[index:]
    return words


_LONGEST_NAME = 3


def _longest_per_head(found: list[Candidate]) -> list[Candidate]:
    """One title per head: ``副书记`` inside ``市委副书记`` and ``主任`` in ``主任委员`` merge."""
    found.sort(key=lambda c: (c.end, c.start))
    kept: list[Candidate] = []
    for candidate in found:
        if kept and kept[-1].end == candidate.end:
            if candidate.start < kept[-1].start:
                kept[-1] = candidate
            continue
        if kept and candidate.start < kept[-1].end:
            if candidate.end > kept[-1].end and candidate.start >= kept[-1].start:
                kept[-1] = candidate._replace(start=kept[-1].start)
            continue
        kept.append(candidate)
    return kept


def decompose_title(title: str) -> tuple[str, str, str]:
    """``(organisation, role, normalised)`` of a title written without layout spaces.

    ``市纪委书记`` → (市纪委, 书记, 市纪委书记); ``宣传部长`` → (宣传部, 部长, 宣传部部长), so that
    ``宣传部长`` and ``宣传部部长`` normalise to the same title.
    """
    role = next((h for h in _ALL_HEADS if title.endswith(h)), title)  # 记者, 市领导: all role
    organisation = title[: len(title) - len(role)]
    core = role.lstrip("副")
    closes_body = core.endswith("长") and core.startswith(_UNIT_HEAD_CHARS)
    if organisation and closes_body and not organisation.endswith(core[0]):
        organisation += core[0]  # 宣传 + 部长: the head's first character closes the body
    return organisation, role, organisation + role
