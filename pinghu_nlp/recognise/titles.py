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

from jieba.posseg import pair

from ..layout import COMMON_SURNAMES
from .candidates import Candidate, on_one_line
from .phrases import NAME_TAGS, PLACE_UNIT_CHARS, PROPER_TAGS, noun_phrase
from .places import company_region_start

OFFICE_HEADS = tuple(
    sorted(
        set(
            """
            总书记 书记 副书记 专职副书记 常务副书记 常委 委员 主任委员
            副主任委员 市长 副市长 常务副市长 县长 副县长 区长 副区长 镇长 副镇长 乡长 副乡长 省长
            副省长 村长 主任 副主任 常务副主任 主席 副主席 常务副主席 部长 副部长 局长 副局长 厅长
            副厅长 处长 副处长 科长 副科长 所长 副所长 站长 副站长 院长 副院长 校长 副校长 园长 馆长
            队长 副队长 社长 副社长 行长 副行长 会长 副会长 理事长 副理事长 秘书长 副秘书长 董事长
            副董事长 董事 总经理 副总经理 经理 总裁 副总裁 总监 创始人 联合创始人 负责人 主管 主编
            总编辑 组长 副组长 检察长 副检察长 庭长 审判长 政委 司令员 参谋长 大使 总领事 总工程师
            首席执行官 首席战略官 首席技术官 首席财务官 首席运营官 首席科学家 网格长 总指挥 副总指挥
            指挥长 召集人 调研员 总理 副总理 国务委员 大队长 副大队长 中队长 副中队长
            支队长 副支队长 教导员 巡视员 一级巡视员 二级巡视员 一级调研员 二级调研员 三级调研员
            四级调研员 常务副县长 常务副区长 常务副镇长 常务副省长 市长助理 县长助理 区长助理
            镇长助理 总经理助理 代市长 代县长 代区长 代镇长 代乡长 代理市长 代理县长 代理区长
            """.split()
        ),
        key=len,
        reverse=True,
    )
)
"""Heads of official titles, longest first."""

ROLE_HEADS = tuple(
    sorted(
        set(
            """
            快递员 外卖员 骑手 网格员 环卫工人 保洁员 护士 医生 教师 老师 民警 辅警 法官 检察官 律师
            会计 工程师 技术员 讲解员 调解员 驾驶员 司机 厨师 村医 社工 指导员 辅导员 教练 教授
            研究员 副研究员 院士 副教授 博士生导师 统筹 栏目统筹 责任编辑 编辑 校对 美编 主持人
            河长 湖长 林长 田长 楼道长 人大代表 党代表 政协委员 外卖小哥 快递小哥
            """.split()
        ),
        key=len,
        reverse=True,
    )
)
"""Job roles: a TITLE only right beside a person's name (``快递员张喜妹``, ``省人大代表顾小平``)."""

JOB_FIELDS = tuple(
    sorted(
        """
        外卖 网约车 出租车 公交车 公交 货车 快递 环卫 物业 家政 全科 家庭 乡村 幼儿园 语文 数学 英语
        体育 音乐 美术 急诊 儿科 社区
        """.split(),
        key=len,
        reverse=True,
    )
)
"""The trade or field written before a job role: 外卖(骑手), 网约车(司机), 语文(老师)."""

REPRESENTATIVE_HEADS = ("人大代表", "党代表", "政协委员")
"""A seat in a congress: the nation (``全国``) qualifies it like a place (``全国人大代表``)."""
_NATION = "全国"

BARE_HEADS = frozenset(
    """
    书记 副书记 主任 副主任 主席 副主席 部长 副部长 局长 副局长 院长 校长 所长 站长 经理 会长 董事
    委员 常委 组长 队长 社长 行长 负责人 主管 主编 处长 科长 馆长 园长 总监 召集人 董事长 总经理
    副总经理 副董事长 理事长 秘书长 创始人 联合创始人 总书记
    """.split()
)
"""Heads that name no office without a qualifier: a title only beside a person's name."""

_HEAD_PATTERN = re.compile("|".join(map(re.escape, OFFICE_HEADS + ROLE_HEADS)))
_COLLECTIVE = re.compile(
    r"[市县区镇乡省](?:委|政府|人大|人大常委会|政协|党委|党工委)?级?领导(?![小干班])"
)
"""``市领导`` and the leaders of one local body (``县政协领导``), when they introduce names."""
_NOT_A_HEAD_AFTER = re.compile(r"^(?:会|处|局|办|部|组|团|室|制|职(?![务位])|们|队伍|班子|领办|论)")
"""What turns a head into part of a longer word: 委员会, 常委会, 书记领办 (not 副市长职务)."""
_ORG_ENDINGS = tuple(
    """
    委 会 部 局 办 厅 院 所 处 科 队 站 中心 集团 公司 组 支部 总支 党委 党组 银行 支行
    大学 学校 学院 医院 政府 街道 社区 村 镇 乡 市 省 县 区 驿站 法院 检察院 工会 政协
    人大 联 协 常委 栏目 组织
    """.split()
)
"""Endings of a qualifier that names an organisation or a place."""
_NAMED_PLACE_START = re.compile(
    r"[\u4e00-\u9fff]{2,3}[省市县区](?:委|政府|人民政府|人大|政协|纪委)"
)
"""Or a named place's party or government body: 平湖市委(副书记), 嘉兴市政府(秘书长)."""
_UNIT_HEAD_CHARS = tuple("部局院所站处科社行校馆园队厅会组")
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
            Candidate(start, head_end, "TITLE", "office" if stands_alone else "role", priority=60)
        )
    for match in _COLLECTIVE.finditer(text):
        found.append(Candidate(match.start(), match.end(), "TITLE", "collective", priority=60))
    return _longest_per_head(found)


def qualifier_start(text: str, head_start: int, head: str = "") -> int:
    """Where the organisational qualifier before a head begins (``head_start`` if none)."""
    words = _without_holder(noun_phrase(text, head_start, window=_QUALIFIER_WINDOW))
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


_ALL_HEADS = tuple(sorted(OFFICE_HEADS + ROLE_HEADS, key=len, reverse=True))


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
