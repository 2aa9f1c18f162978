"""Layout repair: PDF-dump noise out, clean text in, with an exact map back to the raw page.

Every character of the clean text remembers the raw index it came from, so any span found in the
clean text is reported as ``raw[start:end]`` of the page as read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import lexicon

BYLINE_WORDS = resources.files("pinghu_nlp") / "data" / "bylines.tsv"
"""Byline roles and media-name endings, ``word<TAB>kind`` (the kinds are explained in the file)."""
_BYLINE_KINDS = (
    "reporter",
    "photographer",
    "credit",
    "photo",
    "media",
    "this-media",
    "agency",
    "closing",
)


def _byline_words() -> dict[str, tuple[str, ...]]:
    """The words of ``bylines.tsv`` by kind, each longest first; a malformed row fails loudly."""
    words: dict[str, set[str]] = {kind: set() for kind in _BYLINE_KINDS}
    for number, line in enumerate(BYLINE_WORDS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, kind = line.partition("\t")
        if kind not in words or not word or not lexicon.is_han(word):
            raise ValueError(f"bylines.tsv line {number}: expected a Han word, a tab and a kind")
        words[kind].add(word)
    return {kind: _longest_first(tuple(found)) for kind, found in words.items()}


def _longest_first(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({w for group in groups for w in group}, key=lambda w: (-len(w), w)))


_WORDS = _byline_words()
PHOTO_ROLES = _longest_first(_WORDS["photographer"], _WORDS["photo"])
"""Roles that credit pictures only (``摄影``, ``图``, ``摄影记者``)."""
BYLINE_ROLES = _longest_first(
    *(_WORDS[kind] for kind in ("reporter", "photographer", "credit", "photo"))
)
"""Byline roles, longest first (``摄影记者`` before ``摄影`` before ``摄``)."""
GLUED_ROLES = _longest_first(_WORDS["reporter"], _WORDS["photographer"])
"""Roles that may be printed glued to the name (``记者胡佳英``): people, not parts of the work."""
DATELINE_OPENERS = _longest_first(_WORDS["agency"], _WORDS["this-media"])
"""What opens a dateline before its place (新华社, 本报: 本报东京9月18日电)."""
MEDIA_ENDINGS = _WORDS["media"]
"""How a media name ends (``晚报``, ``电视台``): ``南湖晚报记者`` is one role, qualifier and all."""
BULLETS = "■●▲□◆◇★☆△▽○◎►▶"
"""Marks that may open a byline line (``■记者 胡佳英``, ``●文/摄 陆小雨``)."""
INVISIBLE_CHARS = (
    r"\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
)
"""Characters that print nothing, as the body of a regex class: soft hyphen, zero-width spaces
and joiners, word joiner, direction marks, byte-order mark, and the C0 and C1 controls but
tab and line breaks. The layout drops them, so ``仲\\u200b旭东`` reads as ``仲旭东``."""
ESCAPE_SEQUENCE = (
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"  # CSI: colours \x1b[31m, cursor moves
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)"  # OSC: window titles, links
    r"|\x1b[ -/]*[0-~]"  # any other escape: \x1b(B, \x1b7
)
"""Terminal escape sequences, dropped whole (``\\x1b[31m`` leaves no ``31m`` behind)."""
_INVISIBLE = re.compile(f"(?:{ESCAPE_SEQUENCE}|[{INVISIBLE_CHARS}])+")

_FURNITURE = re.compile(
    r"""^\s*(?:
        [\u4e00-\u9fff]{2,3}版 | JIAXING(?:\s*DAILY)?
      | [\u4e00-\u9fff]{2,4}发布\s*[\u4e00-\u9fff]{2,6}客户端 | [-—_=─━·•*\s]{3,}
      | 友\s*情\s*提\s*醒.* | 本报及所属新媒体.*
    )\s*$""",
    re.VERBOSE,
)
"""Whole lines of page furniture: edition name (平湖版, 海宁版: a county's name and 版 alone on
its line), the county's app (平湖发布 今平湖客户端), column rules, notices.

The masthead's publisher line and date stay: they name bodies and the issue date."""

_CONTINUATION = re.compile(r"■?\s*[（(]?\s*[下上]转\s*[A-Z]?\d+\s*版\s*[）)]?")
"""Continuation markers inside a line: ``■下转 C2版``, ``(下转2版)``."""

COMMON_SURNAMES = lexicon.common_surnames()
"""Common Chinese surnames (one character), for names in bylines and lists (surnames.tsv)."""
_NAME = "[" + "".join(sorted(COMMON_SURNAMES)) + "][\u4e00-\u9fff]{1,2}"
_NAME_LIST = re.compile(rf"{_NAME}(?:[ \u3000]+{_NAME}){{2,}}(?=[。，,；;）)]|\s*$)")
"""Three or more names separated by spaces (委员李明 张伟 刘洋): the spaces separate them."""
_STRUCTURAL_START = re.compile(rf"^\s*(?:[{BULLETS}]|本报讯|——)")
_GAP = "[ \t\u3000\xa0]"
"""A layout space, as the PDF dump leaves it inside a word (``记 者``, ``王 强``)."""


def _spaced(words: tuple[str, ...]) -> str:
    """A pattern for any of the words, a layout space allowed between their characters."""
    return "(?:" + "|".join(f"{_GAP}?".join(word) for word in words) + ")"


_ROLE_WORD = _spaced(BYLINE_ROLES)
BYLINE_ROLE = re.compile(
    rf"(?:[\u4e00-\u9fff]{{1,12}}?(?:{'|'.join(MEDIA_ENDINGS)}){_GAP}?)?"
    rf"{_ROLE_WORD}(?:{_GAP}?[/／]{_GAP}?{_ROLE_WORD})*"
)
"""A byline role as written: an optional media name (``南湖晚报记者``), roles joined by a slash
(``文/摄``), layout spaces inside (``记 者``)."""
_PHOTO_MARK = "摄"
"""Closes a photo credit after the names: ``王强 徐冰艳 摄``, ``（记者 王强 摄）``."""
_CLOSINGS = frozenset({_PHOTO_MARK, *_WORDS["closing"]})
"""What closes a byline after its names (``摄``, ``报道``): what the names did."""
_BYLINE_NAME = re.compile(
    rf"[{''.join(sorted(COMMON_SURNAMES))}]{_GAP}{{0,2}}[\u4e00-\u9fff]{{1,2}}"
    rf"(?<!{_PHOTO_MARK})(?=[\s:：、]|$|{_PHOTO_MARK}\s*$|{_spaced(GLUED_ROLES)})"
)
"""A name in a byline: a surname and one or two characters, perhaps split off (``王 强``), ended by
a space, the line's end or the next reporter's role glued on (``记者沈佳通讯员陆明``)."""
_SPACED_BYLINE_NAME = re.compile(r"(?<=[\s:：、])[\u4e00-\u9fff]{2,3}(?=[\s、]|$)")
"""A name set off by spaces in a byline, whatever its surname (``记者 贝磊``)."""
_GLUED_ROLE_END = re.compile(_spaced(GLUED_ROLES) + "$")
_BYLINE_OPENING = re.compile(rf"\s*[{BULLETS}]?\s*(?:{'|'.join(_WORDS['this-media'])})?")
"""What may open a byline before its first role: a bullet, the paper speaking of itself (本报)."""
_BYLINE_GLUE = re.compile(r"[\s:：、]*")
THIS_MEDIA = _WORDS["this-media"]
"""The paper speaking of itself before a role (本报记者)."""
_THIS_MEDIA = re.compile("|".join(THIS_MEDIA))
_BYLINE_MAX = 60
BRACKETED_BYLINE = rf"[（(]\s*((?:{BYLINE_ROLE.pattern})[^（()）\n]{{1,60}}?)\s*[）)]"
"""A byline in brackets, group 1 inside them: ``（记者 陆佳怡 通讯员 沈建华）``; its spaces stay."""
_BRACKETED_BYLINE = re.compile(BRACKETED_BYLINE)
CAPTION_BYLINE = (
    rf"[（(][^（()）\n]{{1,120}}?[。！？!?]\s*"
    rf"((?:{BYLINE_ROLE.pattern})[^（()）\n]{{1,60}}?)\s*[）)]"
)
"""A byline closing a caption in brackets, group 1 the byline: ``（图为…比赛中。记者 王强 摄）``."""


def byline_parts(line: str) -> list[tuple[str, int, int]] | None:
    """``(kind, start, end)`` of each role and name of a byline line, or None if it is not one.

    A byline line is short and made only of roles, each followed by its names (``南湖晚报记者
    吴佳 通讯员 钱一鸣 孙悦``, ``■文/摄 陆小雨``, ``记 者 方静``); kinds are ``role``, ``name``
    and ``mark`` (what closes the line after the names: the ``摄`` of a photo credit, which
    may then name no role, ``王强 徐冰艳 摄``; ``报道`` and the other ``closing`` words of
    ``bylines.tsv``; roles, ``记者 钟雯 文/摄``). A role written together with its name
    (``记者胡佳英``) is split, unless it is one character (``文静`` is a name). An ordinary
    sentence never reads as one.
    """
    if not line.strip() or len(line.strip()) > _BYLINE_MAX:
        return None
    parts: list[tuple[str, int, int]] = []
    position = _BYLINE_OPENING.match(line).end()
    while position < len(line):
        media = _THIS_MEDIA.match(line, position) if parts else None
        if media and BYLINE_ROLE.match(line, media.end()):
            position = media.end()  # 文/图 本报记者 沈雪晴: the paper again, before a role
        role = BYLINE_ROLE.match(line, position)
        if role and (_names_follow(line, role) or _role_follows(line, role)):
            parts.append(("role", *role.span()))
            position = role.end()
        elif role and parts and parts[-1][0] == "name" and _only_roles_from(line, position):
            parts.append(("mark", position, len(line.rstrip())))  # 记者 钟雯 文/摄, … 文 图
            position = len(line)
        elif name := _BYLINE_NAME.match(line, position) or _spaced_name(line, position, parts):
            parts.append(("name", *name.span()))
            position = name.end()
        elif line[position:].rstrip() in _CLOSINGS and parts and parts[-1][0] == "name":
            parts.append(("mark", position, len(line.rstrip())))  # … 摄, … 报道
            position = len(line)
        else:
            return None
        position = _BYLINE_GLUE.match(line, position).end()
    kinds = [kind for kind, _, _ in parts]
    if not kinds or (kinds[0] != "role" and kinds[-1] != "mark"):
        return None
    return parts


def _only_roles_from(line: str, position: int) -> bool:
    """Whether the rest of the line from ``position`` is roles only: what the names before did
    (``文/摄``, ``文 图``)."""
    while position < len(line.rstrip()):
        role = BYLINE_ROLE.match(line, position)
        if role is None:
            return False
        position = _BYLINE_GLUE.match(line, role.end()).end()
    return True


def _spaced_name(line: str, position: int, parts: list) -> re.Match[str] | None:
    """A name set off by spaces after a role or another name (a rare surname: ``记者 贝磊``),
    never a word of jieba's dictionary (``设计 方案``)."""
    name = _SPACED_BYLINE_NAME.match(line, position) if parts else None
    return name if name and not _is_dictionary_word(name.group()) else None


def _is_dictionary_word(word: str) -> bool:
    from .segment import is_guessed  # segment reads the layout: imported when first needed

    return not is_guessed(word)


def is_byline_line(line: str) -> bool:
    """Whether a line is a byline (see :func:`byline_parts`)."""
    return byline_parts(line) is not None


def is_byline_role(title: str) -> bool:
    """Whether a title is a byline role (``记者``, ``南湖晚报记者``, ``文/摄``)."""
    return bool(BYLINE_ROLE.fullmatch("".join(title.split())))


def _role_follows(line: str, role: re.Match[str]) -> bool:
    """Whether another role that names follow comes after this one, the paper perhaps between
    (``文/图 本报记者 沈雪晴``: one person credited with both)."""
    after = _BYLINE_GLUE.match(line, role.end()).end()
    if after == role.end():
        return False
    media = _THIS_MEDIA.match(line, after)
    following = BYLINE_ROLE.match(line, media.end() if media else after)
    return bool(following) and _names_follow(line, following)


def _names_follow(line: str, role: re.Match[str]) -> bool:
    """Whether a byline name follows a role: after a space or colon, or glued to a reporter's role
    (``记者胡佳英``, but ``设计师王明`` is no byline)."""
    after = _BYLINE_GLUE.match(line, role.end()).end()
    if after == role.end() and not _GLUED_ROLE_END.search(role.group()):
        return False
    spaced = after > role.end() and _spaced_name(line, after, [role])
    return bool(_BYLINE_NAME.match(line, after) or spaced)


_TERMINAL = set("。！？!?…；;”」』）)》：:")
_CLAUSE_PUNCT = set("，,、；;：:。")
"""A line with clause punctuation ending mid-sentence goes on in the next; headlines have none."""
_SPACES = " \t\u3000\xa0"
_SHORT_LINE = 20
_HEADING_MAX = 40


def is_cjk(char: str) -> bool:
    """A CJK ideograph, CJK punctuation or a full-width form."""
    code = ord(char)
    return (
        0x3000 <= code <= 0x303F
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x2010 <= code <= 0x201F  # dashes and curly quotes used in Chinese text
        or 0x20000 <= code <= 0x2FA1F
    )


@dataclass(frozen=True)
class CleanText:
    """Clean text and, for each of its characters, the index of the raw character it came from."""

    text: str
    raw_index: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean span ``[start, end)``; layout noise inside is kept."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside clean text of {len(self.text)}")
        return self.raw_index[start], self.raw_index[end - 1] + 1


def repair(raw: str, simplify: bool = True) -> CleanText:
    """Clean a page: drop furniture and breaks inside words, unify script; keep the offset map."""
    raw, visible_index = visible_text(raw)
    kept: list[int] = []
    lines = _lines(raw)
    for number, (line_start, line_end) in enumerate(lines):
        line = raw[line_start:line_end]
        if _FURNITURE.match(line) or not line.strip():
            continue
        _keep_line(line, line_start, raw, kept)
        while kept and raw[kept[-1]] in _SPACES:
            kept.pop()
        if kept and line_end < len(raw) and not _continues(raw, lines, number):
            kept.append(line_end)
    while kept and raw[kept[-1]] in "\r\n":
        kept.pop()
    text = "".join(map(raw.__getitem__, kept))
    text = _TO_NORMALISE.sub(lambda char: _NORMAL_CHARS[char.group()], text)
    text = _FULL_WIDTH_DECIMAL.sub(".", text)
    text = _NAME_DOT.sub("·", text)
    if simplify:
        text = to_simplified(text)
    if visible_index:
        return CleanText(text, tuple(map(visible_index.__getitem__, kept)))
    return CleanText(text, tuple(kept))


_RUNS = re.compile(r"\s+|\S+")
"""A line as runs of whitespace and of other characters (``str.isspace`` is ``\\s``)."""


def _keep_line(line: str, line_start: int, raw: str, kept: list[int]) -> None:
    """Add the raw indices a line keeps to ``kept``, a run of characters at a time: every
    character outside continuation markers, and of a run of spaces at most one, the first that
    separates words (spaces between two CJK characters or a CJK character and a digit are PDF
    artefacts) or sits in a byline, a spaced heading or a list of names; none right after a
    kept space or line break."""
    markers = [m.span() for m in _CONTINUATION.finditer(line)]
    spaced = is_byline_line(line) or _is_spaced_heading(line)
    bylines = [m.span() for m in _BRACKETED_BYLINE.finditer(line) if is_byline_line(m.group(1))]
    bylines += [m.span() for m in _NAME_LIST.finditer(line)]
    drop = {i for start, end in markers for i in range(start, end)} if markers else ()
    for run in _RUNS.finditer(line):
        start, end = run.span()
        if not line[start].isspace():
            if drop:
                kept.extend(line_start + i for i in range(start, end) if i not in drop)
            else:
                kept.extend(range(line_start + start, line_start + end))
            continue
        if not kept or raw[kept[-1]].isspace():
            continue  # a space after a kept space or line break is never kept
        separates = spaced or not _inside_word(line, start)
        for offset in range(start, end):
            if offset in drop:
                continue
            if separates or any(lo < offset < hi for lo, hi in bylines):
                kept.append(line_start + offset)
                break


def visible_text(raw: str) -> tuple[str, list[int] | None]:
    """The page without invisible characters and escape sequences (see :data:`INVISIBLE_CHARS`),
    and the raw index of each character left (None when nothing was dropped)."""
    if not _INVISIBLE.search(raw):
        return raw, None
    parts: list[str] = []
    index: list[int] = []
    position = 0
    for match in _INVISIBLE.finditer(raw):
        parts.append(raw[position : match.start()])
        index.extend(range(position, match.start()))
        position = match.end()
    parts.append(raw[position:])
    index.extend(range(position, len(raw)))
    return "".join(parts), index


def _lines(raw: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line, without its line break (``\\n``, ``\\r\\n`` or ``\\r``)."""
    spans = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", raw):
        body = match.group().rstrip("\r\n")
        if match.start() == len(raw) and not body:
            break
        spans.append((match.start(), match.start() + len(body)))
    return spans


def _is_spaced_heading(line: str) -> bool:
    """A short line without clause punctuation whose spaces separate items (a masthead's
    publishers, a headline's parts): its spaces stay."""
    stripped = line.strip()
    return len(stripped) <= _HEADING_MAX and not any(c in _CLAUSE_PUNCT for c in stripped)


def _inside_word(line: str, offset: int) -> bool:
    """Whether the whitespace at ``offset`` sits between two CJK characters (a PDF artefact)."""
    left = line[:offset].rstrip()
    right = line[offset:].lstrip()
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    if is_cjk(a) and is_cjk(b):
        return True
    # a figure split from its Chinese unit or context: 投资 2.4 亿元
    return (is_cjk(a) and b.isdigit()) or (a.isdigit() and is_cjk(b))


def _continues(raw: str, lines: list[tuple[int, int]], number: int) -> bool:
    """Whether line ``number`` was broken mid-sentence and goes on in the next non-empty line."""
    line = raw[slice(*lines[number])].strip()
    if not line or is_byline_line(line) or _FURNITURE.match(line):
        return False
    following = next(
        (
            raw[slice(*span)].strip()
            for span in lines[number + 1 :]
            if raw[slice(*span)].strip() and not _FURNITURE.match(raw[slice(*span)])
        ),
        "",
    )
    if not following or _STRUCTURAL_START.match(following) or is_byline_line(following):
        return False
    if len(following) < _SHORT_LINE and not any(c in _CLAUSE_PUNCT for c in following):
        return False  # a short line without punctuation is a headline, not the sentence's end
    line = _CONTINUATION.sub("", line).rstrip()
    if not line or line[-1] in _TERMINAL or not is_cjk(line[-1]):
        return False
    return any(c in _CLAUSE_PUNCT for c in line)


def _normal_char(char: str) -> str:
    """Full-width ASCII letters, digits and the percent sign as ASCII, a line break as ``\\n``, a
    tab or wide space as a space; everything else unchanged."""
    if "\uff10" <= char <= "\uff5a" or char == "\uff05":
        folded = unicodedata.normalize("NFKC", char)
        return folded if len(folded) == 1 else char
    if char in "\t\u3000\xa0":
        return " "
    return "\n" if char == "\r" else char


_TO_NORMALISE = re.compile("[\r\t\u3000\xa0\uff05\uff10-\uff5a]")
_NORMAL_CHARS = {
    c: _normal_char(c) for c in "\r\t\u3000\xa0\uff05" + "".join(map(chr, range(0xFF10, 0xFF5B)))
}
""":func:`_normal_char` of each character it changes (or may change)."""
_FULL_WIDTH_DECIMAL = re.compile("(?<=[0-9])\uff0e(?=[0-9])")
"""A full-width full stop between digits is a decimal point (１５６．７亿元)."""
_NAME_DOT = re.compile(f"(?<=[{lexicon.HAN_RANGE}])[\uff0e\u30fb](?=[{lexicon.HAN_RANGE}])")
"""A full-width full stop or a katakana middle dot between Chinese characters is the middle dot
of a foreign name (约翰．史密斯, 约翰・史密斯: 约翰·史密斯)."""


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional script as simplified, character for character, so offsets do not move."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    convert = _converter().convert
    return "".join(c if len(s := convert(c)) != 1 else s for c in text)
