"""Person names from the contexts a newspaper puts them in.

Names follow titles (``市委书记仲旭东``), continue lists (``周军波、吴金华、何健等``), precede
speech verbs (``肖忠华说``), stand in bylines, and come back later in the story bare
(``仲旭东强调``). Surname + title (``张书记``) and ``老``/``小`` + surname (``老沈``) refer to one
person too. The length of a name (two or three characters) is decided by what follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..articles import COMMON_SURNAMES
from ..segment import pos_tagger
from .candidates import Candidate

_FOLLOWERS = tuple(
    [
        "主持",
        "出席",
        "参加",
        "指出",
        "强调",
        "表示",
        "说",
        "介绍",
        "讲话",
        "等",
        "和",
        "与",
        "及",
        "同",
        "在",
        "到",
        "来",
        "走进",
        "来到",
        "一行",
        "同志",
        "带队",
        "调研",
        "率队",
        "率",
        "作",
        "对",
        "为",
        "向",
        "是",
        "就",
        "也",
        "还",
        "又",
        "代表",
        "宣读",
        "部署",
        "致辞",
        "要求",
        "希望",
        "分别",
        "先后",
        "一同",
        "陪同",
        "会见",
        "前往",
        "深入",
        "实地",
        "督查",
        "检查",
        "察看",
        "看望",
        "慰问",
        "听取",
        "见证",
        "揭牌",
        "颁奖",
        "接受",
        "的",
        "认为",
        "告诉",
        "坦言",
        "笑着",
        "感慨",
        "回忆",
        "现场",
        "首先",
        "随后",
        "最后",
        "一起",
        "共同",
        "充分",
        "肯定",
        "主动",
        "带头",
        "亲自",
        "专门",
        "同时",
        "当天",
        "昨天",
        "今天",
        "上午",
        "下午",
        "晚上",
        "参观",
        "出访",
        "会谈",
        "座谈",
        "交流",
        "详细",
        "逐一",
        "仔细",
        "认真",
        "边",
        "已",
        "将",
        "曾",
        "正",
        "都",
        "则",
        "被",
        "把",
        "从",
        "给",
        "让",
        "叫",
        "以",
        "领衔",
        "牵头",
        "担任",
        "当选",
        "任",
        "获",
        "获得",
        "荣获",
        "家",
        "所",
        "负责",
        "通报",
        "宣布",
        "发布",
        "作出",
        "提出",
        "给出",
        "解读",
        "答复",
        "回应",
        "点评",
        "总结",
    ]
)
"""Words that commonly follow a person's name: the name ends where one of these begins."""
_SPEECH_CUES = ("说", "表示", "介绍", "告诉记者", "坦言", "感慨", "笑着说", "认为", "回忆")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NOT_IN_NAME = set(
    "的了在和与及或等是为向对把被从由请让使将并也都还就我你他她它们这那其之以于上下中内外年月日时"
    "市省县区镇村乡街道委会局部办厅院所处科队站、，。；：！？"
)
_TITLE_WORDS_AFTER_SURNAME = (
    "书记",
    "主任",
    "部长",
    "局长",
    "市长",
    "县长",
    "镇长",
    "区长",
    "院长",
    "校长",
    "所长",
    "站长",
    "经理",
    "总",
    "董",
    "老师",
    "师傅",
    "医生",
    "主席",
    "会长",
    "队长",
    "组长",
    "科长",
    "处长",
    "村长",
    "阿姨",
    "大姐",
    "大爷",
    "大妈",
)
_NAME_START = r"(?:(?<![\u4e00-\u9fff])|(?<=[向对和与跟给让请是问找]))"
"""Where a surname reference may begin: after a non-Chinese character or a preposition."""
_LIST_SEPARATORS = ("、", "和", "与", "及", " ")
_MAX_NAME = 3


def name_at(text: str, start: int, require_follower: bool = True) -> int | None:
    """End of a person's name starting at ``start`` (two or three characters), or None."""
    if start >= len(text) or text[start] not in COMMON_SURNAMES:
        return None
    for length in (_MAX_NAME, 2):
        end = start + length
        piece = text[start:end]
        if len(piece) < length or not all(_NAME_CHAR.match(c) for c in piece):
            continue
        if any(c in _NOT_IN_NAME for c in piece[1:]):
            continue
        if not require_follower or _ends_name(text, end):
            return end
    return None


def _ends_name(text: str, end: int) -> bool:
    """Whether a name may end at ``end``: punctuation, the end, or a common follower word."""
    if end >= len(text) or not _NAME_CHAR.match(text[end]):
        return True
    return text.startswith(_FOLLOWERS, end) or text.startswith(_TITLE_WORDS_AFTER_SURNAME, end)


def names_after_titles(text: str, titles: Iterable[Candidate]) -> list[Candidate]:
    """The name right after a title: ``市委书记仲旭东``, ``快递员张喜妹``."""
    found = []
    for title in titles:
        end = name_at(text, title.end)
        if end:
            found.append(Candidate(title.end, end, "PERSON", "after-title", priority=70))
    return found


def names_in_lists(text: str, names: Iterable[Candidate]) -> list[Candidate]:
    """Names that continue a list from a known name: ``周军波、吴金华、何健等``."""
    found: list[Candidate] = []
    frontier = sorted(names)
    seen = {(c.start, c.end) for c in frontier}
    while frontier:
        name = frontier.pop()
        separator = next((s for s in _LIST_SEPARATORS if text.startswith(s, name.end)), None)
        if separator is None:
            continue
        start = name.end + len(separator)
        end = name_at(text, start)
        if end and (start, end) not in seen:
            candidate = Candidate(start, end, "PERSON", "list", priority=65)
            seen.add((start, end))
            found.append(candidate)
            frontier.append(candidate)
    return found


def names_before_speech(text: str) -> list[Candidate]:
    """A name the jieba tagger calls ``nr`` right before a speech verb: ``肖忠华说``."""
    found = []
    cue = "|".join(_SPEECH_CUES)
    for match in re.finditer(rf"([\u4e00-\u9fff]{{2,3}})(?={cue})", text):
        window_start = max(0, match.start() - 4)
        offset = window_start
        for pair in pos_tagger().cut(text[window_start : match.end()]):
            end = offset + len(pair.word)
            is_name = pair.flag == "nr" and len(pair.word) in (2, 3)
            if is_name and end == match.end() and pair.word[0] in COMMON_SURNAMES:
                found.append(Candidate(offset, end, "PERSON", "speech", priority=40))
            offset = end
    return found


def surname_references(text: str) -> list[Candidate]:
    """One person by surname: ``张书记``, ``王老师``, ``老沈``, ``小李``."""
    found = []
    heads = "|".join(_TITLE_WORDS_AFTER_SURNAME[:-4])
    surnames = "".join(COMMON_SURNAMES)
    for match in re.finditer(rf"{_NAME_START}([{surnames}])(?:{heads})", text):
        if _ends_name(text, match.end()) or not _NAME_CHAR.match(
            text[match.end() : match.end() + 1]
        ):
            found.append(Candidate(match.start(), match.end(), "PERSON", "surname-title", 45))
    for match in re.finditer(rf"[老小]([{surnames}])", text):
        before = text[match.start() - 1 : match.start()]
        if (not before or not _NAME_CHAR.match(before) or before in "的和与") and _ends_name(
            text, match.end()
        ):
            found.append(Candidate(match.start(), match.end(), "PERSON", "nickname", 35))
    return found


def repeated_names(text: str, names: Iterable[Candidate]) -> list[Candidate]:
    """Every other occurrence of a full name already found on the page."""
    known = {text[c.start : c.end] for c in names if c.end - c.start >= 2}
    found = []
    for name in sorted(known, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if len(name) >= _MAX_NAME or _ends_name(text, match.end()):
                found.append(Candidate(match.start(), match.end(), "PERSON", "repeat", priority=30))
    return found
