"""Officials' titles as a grammar: an organisational qualifier plus a head (``市纪委`` + ``书记``).

Heads come from a list of office words; the qualifier is the run of noun-like words just before
the head (``市农业农村局农村合作经济指导服务中心`` + ``主任``), cut at punctuation and at verbs,
so titles never seen before (``区委书记``, ``省政协副主席``, ``集团总裁``) are found too.
Titles chained with ``、`` come out as separate spans.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .phrases import phrase_start

_OFFICE_HEADS = """
总书记 书记 副书记 专职副书记 常务副书记 党组书记 党委书记 常委 委员 主任委员 副主任委员
市长 副市长 常务副市长 县长 副县长 区长 副区长 镇长 副镇长 乡长 副乡长 省长 副省长 村长
主任 副主任 常务副主任 主席 副主席 常务副主席 部长 副部长 局长 副局长 厅长 副厅长 处长 副处长
科长 副科长 所长 副所长 站长 副站长 院长 副院长 校长 副校长 园长 馆长 队长 副队长 社长 副社长
行长 副行长 会长 副会长 理事长 副理事长 秘书长 副秘书长 董事长 副董事长 董事 总经理 副总经理
经理 总裁 副总裁 总监 创始人 联合创始人 负责人 主管 主编 总编辑 组长 副组长 检察长 副检察长
庭长 审判长 政委 司令员 参谋长 大使 总领事 总工程师 首席执行官 首席战略官 首席技术官 首席财务官
首席运营官 首席科学家 网格长 片长 楼长 支部书记 总指挥 副总指挥 指挥长 召集人 主任科员 调研员
"""
_JOB_HEADS = """
快递员 外卖员 骑手 网格员 环卫工人 保洁员 护士 医生 教师 老师 民警 辅警 法官 检察官 律师 会计
工程师 技术员 讲解员 调解员 驾驶员 司机 厨师 村医 社工 志愿者 指导员 辅导员 教练 教授 研究员
"""
OFFICE_HEADS = tuple(sorted(set(_OFFICE_HEADS.split()), key=len, reverse=True))
"""Heads of official titles, longest first."""
JOB_HEADS = tuple(sorted(set(_JOB_HEADS.split()), key=len, reverse=True))
"""Job roles: a TITLE only right before a person's name (``快递员张喜妹``)."""

_HEAD_PATTERN = re.compile("|".join(map(re.escape, OFFICE_HEADS + JOB_HEADS)))
_COLLECTIVE = re.compile(r"市领导|县领导|区领导|镇领导|省领导|市级领导")
_NOT_A_HEAD_AFTER = re.compile(r"^(?:会|处|局|办|部|组|团|室|制|职|们|队伍|班子|领办|论)")
"""Characters that turn a head into part of a longer word: 委员会, 主任科 etc."""
_ADMIN_PREFIX = set("市省县区镇乡村州盟旗")
_QUALIFIER_WINDOW = 24
_ORG_ENDINGS = (
    "委",
    "会",
    "部",
    "局",
    "办",
    "厅",
    "院",
    "所",
    "处",
    "科",
    "队",
    "站",
    "中心",
    "集团",
    "公司",
    "组",
    "支部",
    "党委",
    "党组",
    "银行",
    "支行",
    "大学",
    "学校",
    "学院",
    "医院",
    "政府",
    "街道",
    "社区",
    "村",
    "镇",
    "乡",
    "市",
    "省",
    "县",
    "区",
    "驿站",
    "法院",
    "检察院",
    "工会",
    "政协",
    "人大",
    "联",
    "协",
)
_GENERIC_QUALIFIERS = ("各级", "全市", "各", "全体", "有关", "相关", "基层", "历任", "广大")


def find_titles(text: str) -> list[Candidate]:
    """TITLE candidates (``source`` "title" for offices, "job" for roles that need a name)."""
    found = []
    for match in _HEAD_PATTERN.finditer(text):
        head_start, head_end = match.span()
        if _NOT_A_HEAD_AFTER.match(text[head_end : head_end + 2]):
            continue
        start = qualifier_start(text, head_start, match.group())
        source = "job" if match.group() in JOB_HEADS else "title"
        if start == head_start and source == "title" and match.group() in _BARE_WORDS:
            source = "bare"  # 书记, 主任 alone: a title only next to a name
        generic = next((g for g in _GENERIC_QUALIFIERS if text.startswith(g, start)), None)
        if generic or text[max(0, start - 2) : start].endswith(_GENERIC_QUALIFIERS):
            start += len(generic or "")
            source = "generic"  # 各级党委书记: a class of people, a title only next to a name
        found.append(Candidate(start, head_end, "TITLE", source, priority=60))
    for match in _COLLECTIVE.finditer(text):
        found.append(Candidate(match.start(), match.end(), "TITLE", "collective", priority=60))
    return _merge_adjacent_heads(text, found)


_BARE_WORDS = {
    "书记",
    "副书记",
    "主任",
    "副主任",
    "主席",
    "副主席",
    "部长",
    "副部长",
    "局长",
    "副局长",
    "院长",
    "校长",
    "所长",
    "站长",
    "经理",
    "会长",
    "董事",
    "委员",
    "常委",
    "组长",
    "队长",
    "社长",
    "行长",
    "负责人",
    "主管",
    "主编",
    "处长",
    "科长",
    "馆长",
    "园长",
    "总监",
    "召集人",
    "董事长",
    "总经理",
    "副总经理",
    "副董事长",
    "理事长",
    "秘书长",
}
"""Heads that say nothing of the office without a qualifier or a name beside them."""


def qualifier_start(text: str, head_start: int, head: str = "") -> int:
    """Where the organisational qualifier before a head begins (``head_start`` if none)."""
    start = phrase_start(text, head_start, window=_QUALIFIER_WINDOW)
    if head.lstrip("副").startswith(_UNIT_HEAD_CHARS) and head.endswith("长"):
        return start  # 宣传部长: the head's first character closes the organisation (宣传部)
    return _trim_qualifier(text, start, head_start)


_UNIT_HEAD_CHARS = tuple("部局院所站处科社行校馆园队厅会组")


def _trim_qualifier(text: str, start: int, head_start: int) -> int:
    """Keep only a qualifier that ends like an organisation or a place (``…局``, ``市``)."""
    while start < head_start:
        qualifier = text[start:head_start]
        if qualifier.endswith(_ORG_ENDINGS) or qualifier in _ADMIN_PREFIX:
            return start
        if qualifier.endswith(("常委", "党委书记")):
            return start
        start += 1
    return head_start


def _merge_adjacent_heads(text: str, found: list[Candidate]) -> list[Candidate]:
    """``副书记`` inside ``市委副书记`` and the like: keep the longest span per head position."""
    found.sort(key=lambda c: (c.end, c.start))
    kept: list[Candidate] = []
    for candidate in found:
        if kept and kept[-1].end == candidate.end:
            if candidate.start < kept[-1].start:
                kept[-1] = candidate
            continue
        if kept and candidate.start < kept[-1].end:
            # a head inside the previous title's qualifier cannot start a new one (主任 in 主任委员)
            if candidate.end > kept[-1].end and candidate.start >= kept[-1].start:
                kept[-1] = candidate._replace(start=kept[-1].start)
            continue
        kept.append(candidate)
    return kept
