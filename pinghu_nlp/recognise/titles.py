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
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..layout import COMMON_SURNAMES
from ..segment import is_frequent, is_guessed, page_words
from .candidates import Candidate, on_one_line
from .finders import FINDERS
from .phrases import NAME_TAGS, PLACE_UNIT_CHARS, PROPER_TAGS, is_noun_ending_in, noun_phrase
from .places import company_region_start, zone_alias_start

if TYPE_CHECKING:
    from jieba.posseg import pair

OFFICE_HEADS = lexicon.longest_first(lexicon.title_words("office"))
"""Heads of official titles, longest first."""

ROLE_HEADS = lexicon.longest_first(lexicon.title_words("role"))
"""Job roles: a TITLE only right beside a person's name (``快递员张喜妹``, ``省人大代表顾小平``)."""

JOB_FIELDS = lexicon.longest_first(lexicon.title_words("field"))
"""The trade or field written before a job role or an office with no body before it: 外卖(骑手),
语文(老师), 项目(负责人)."""

REPRESENTATIVE_HEADS = lexicon.title_words("role", "seat")
"""A seat in a congress: the nation (``全国``) qualifies it like a place (``全国人大代表``)."""
_NATION = "全国"

BARE_HEADS = frozenset(lexicon.title_words("office", "bare"))
"""Heads that name no office without a qualifier: a title only beside a person's name."""

_ALL_HEADS = lexicon.longest_first(OFFICE_HEADS + ROLE_HEADS)
TITLE_CHAIN = frozenset(lexicon.characters("title-chain"))
"""What joins the titles one person holds: 市委常委、宣传部长, 执行董事兼总经理."""
HEADS = frozenset(_ALL_HEADS)
"""Every head of a title, office or role: a title that is one alone has no qualifier (教授)."""
_HEAD_PATTERN = re.compile("|".join(map(re.escape, _ALL_HEADS)))
_HEAD_AT_END = re.compile(f"(?:{_HEAD_PATTERN.pattern})$")
TITLE_HEAD = _HEAD_PATTERN
"""Any head of a title, longest first: ``TITLE_HEAD.match(text, i)`` reads the head at ``i``."""
"""Every head, longest first across offices and roles (主任医师 before 主任)."""
_COLLECTIVE = re.compile(
    f"[{''.join(lexicon.collective_parts('place'))}]"
    f"(?:{'|'.join(lexicon.longest_first(lexicon.collective_parts('body')))})?"
    f"(?:{'|'.join(lexicon.collective_parts('level'))})?"
    f"(?:{'|'.join(lexicon.longest_first(lexicon.collective_parts('head')))})"
    f"(?![{''.join(lexicon.collective_parts('not-after'))}])"
)
"""``市领导`` and the leaders of one local body (``县政协领导``), when they introduce names
(collective_titles.tsv)."""


TITLE_NAME_GAPS = ("", ":", "：")
"""What may stand between a title and its holder's name: nothing or a colon (栏目统筹:黄金凤)."""
COLLECTIVE_NAME_GAPS = lexicon.longest_first(lexicon.collective_parts("before-names"))
"""What may stand between a collective title and its names: 县领导|还有|王刚、周丽."""


def is_collective_title(text: str) -> bool:
    """Whether ``text`` is a whole collective title (``市领导``, ``县级领导``): the one test the
    recogniser (kind "collective") and the relations (a title its names share) both use."""
    return _COLLECTIVE.fullmatch(text) is not None


_NOT_A_HEAD_AFTER = re.compile(
    f"^(?:{'|'.join(lexicon.title_words('not-head-after'))}|职(?![务位]))"
)
"""What turns a head into part of a longer word: 委员会, 常委会, 书记领办 (not 副市长职务)."""
_ORG_ENDINGS = lexicon.title_words("qualifier-end")
"""Endings of a qualifier that names an organisation or a place."""
_PLACE_BODIES = "|".join(lexicon.place_words("place-body"))
_NAMED_PLACE_START = re.compile(
    rf"[{lexicon.HAN_RANGE}]{{2,3}}[{lexicon.characters('named-place-units')}](?:{_PLACE_BODIES})"
)
"""Or a named place's party or government body: 平湖市委(副书记), 嘉兴市政府(秘书长)."""
_UNIT_HEAD_CHARS = tuple(lexicon.characters("unit-head-starts"))
"""``宣传部长``: a head opening with one of these closes its organisation (宣传部)."""
_QUALIFIER_WINDOW = 24
_TENURE = frozenset(lexicon.title_words("tenure"))


@on_one_line()
def find_titles(text: str) -> list[Candidate]:
    """TITLE candidates of ``kind`` "office", "role" or "collective"."""
    found = []
    for head, head_start, head_end in sorted(_heads(text), key=lambda h: h[1]):
        by_ending = _is_role_by_ending(head)
        if not by_ending and _NOT_A_HEAD_AFTER.match(text[head_end : head_end + 2]):
            continue
        if head in ROLE_HEADS and _inside_a_dictionary_word(text, head_end):
            continue  # 老师|傅: the role ends inside a word of jieba's dictionary (老师傅)
        start = qualifier_start(text, head_start, head)
        if head in REPRESENTATIVE_HEADS and text.endswith(_NATION, 0, start):
            start -= len(_NATION)
        if start == head_start:  # no body before it: the trade or field (外卖骑手, 项目负责人)
            start -= len(next((f for f in JOB_FIELDS if text.endswith(f, 0, start)), ""))
        qualifier = text[start:head_start]
        stands_alone = (
            head not in ROLE_HEADS
            and not by_ending
            and (
                qualifier.startswith(PLACE_UNIT_CHARS)  # 市委书记, 镇长: a local office
                or bool(_NAMED_PLACE_START.match(qualifier))
                or (not qualifier and head not in BARE_HEADS)
            )
        )
        found.append(
            FINDERS["office" if stands_alone else "role"].candidate(start, head_end, "TITLE")
        )
    for match in _COLLECTIVE.finditer(text):
        found.append(FINDERS["collective"].candidate(match.start(), match.end(), "TITLE"))
    return _longest_per_head(found)


def _inside_a_dictionary_word(text: str, offset: int) -> bool:
    """Whether a word of the page that jieba's dictionary knows runs across ``offset``."""
    words = page_words(text)
    if words.breaks_at(offset):
        return False
    _, word = words.word_at(offset - 1)
    return not is_guessed(word)


def _heads(text: str) -> list[tuple[str, int, int]]:
    """``(head, start, end)`` of the heads of the lists, and of the job roles no list holds."""
    heads = _outermost_heads(text)
    taken = {offset for _, start, end in heads for offset in range(start, end)}
    return heads + [
        (word, start, start + len(word))
        for start, word in roles_by_ending(text)
        if start not in taken and start + len(word) - 1 not in taken
    ]


def _outermost_heads(text: str) -> list[tuple[str, int, int]]:
    """The longest head at each offset, less those inside another and, of two that overlap,
    the earlier: a title ends with its head (党总支|书记, not 党总|支书|记)."""
    found = [  # every head at every offset, tried only where a head can begin
        (m.group(), i, m.end())
        for i, char in enumerate(text)
        if char in _HEAD_OPENINGS and (m := _HEAD_PATTERN.match(text, i))
    ]
    kept: list[tuple[str, int, int]] = []
    for head in found:
        if kept and head[2] <= kept[-1][2]:
            continue  # inside the head before it: 市长 in 副市长
        if kept and head[1] < kept[-1][2]:
            kept.pop()  # overlaps the head before it, and ends later
        kept.append(head)
    return kept


_HEAD_OPENINGS = frozenset(head[0] for head in _ALL_HEADS)


def roles_by_ending(text: str) -> list[tuple[int, str]]:
    """``(start, word)`` of job roles known by their last character (收银员, 理发师, 外交官):
    nouns of jieba's on the page ending in one of ``role-ends`` (characters.tsv), that are no
    kind of person or group (person_words.tsv ``person-noun``: 党员; ``not-role``: 技术人员) and
    come before no frequent word (the name a role needs cannot follow). Like any role, a TITLE
    only right beside a name."""
    words = page_words(text)
    return [
        (start, word)
        for start, word in zip(words.starts, words.words, strict=True)
        if _is_role_by_ending(word) and not is_frequent(text[start + len(word) :][:2])
    ]


@lru_cache(maxsize=50_000)
def _is_role_by_ending(word: str) -> bool:
    return (
        is_noun_ending_in(word, _ROLE_ENDS)
        and word not in _NOT_ROLES
        and not word.endswith(_NOT_ROLE_ENDS)
    )


_ROLE_ENDS = frozenset(lexicon.characters("role-ends"))
_NOT_ROLES = frozenset(_ALL_HEADS)
_NOT_ROLE_ENDS = lexicon.person_words("person-noun") + lexicon.person_words("not-role")
"""Kinds of people (党员: 老党员) and groups (人员: 技术人员), no job role."""


def qualifier_start(text: str, head_start: int, head: str = "") -> int:
    """Where the organisational qualifier before a head begins (``head_start`` if none)."""
    words = _without_holder(noun_phrase(text, head_start, window=_QUALIFIER_WINDOW, ordinals=True))
    while words and words[0].word in _TENURE:
        words = words[1:]  # 现任|市人大常委会副主任: when it is held, no part of the title
    start = head_start - sum(len(w.word) for w in words)
    named = words and words[0].flag in PROPER_TAGS  # 华信纳米联合创始人, 城投集团党委专职副书记
    # 宣传部长: the head's first character closes the organisation (宣传部)
    closed = head.lstrip("副").startswith(_UNIT_HEAD_CHARS) and head.endswith("长")
    if not (named or closed):
        while start < head_start and not text[start:head_start].endswith(_ORG_ENDINGS):
            start += 1
        start = company_region_start(text, start)  # 华茂精密(嘉兴)有限公司总经理: one qualifier
    return zone_alias_start(text, start) if start < head_start else start  # 经开区（高新区）党工委


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
    head = _HEAD_AT_END.search(title)
    role = head.group() if head else title  # 记者, 市领导: all role
    organisation = title[: len(title) - len(role)]
    core = role.lstrip("副")
    closes_body = core.endswith("长") and core.startswith(_UNIT_HEAD_CHARS)
    if organisation and closes_body and not organisation.endswith(core[0]):
        organisation += core[0]  # 宣传 + 部长: the head's first character closes the body
    return organisation, role, organisation + role
