"""Page -> articles: headline, byline, dateline and body, found in the clean text's lines.

A story opens with headline lines (short, no clause punctuation), then byline lines
(``■记者 胡佳英``, ``南湖晚报记者 吴佳 通讯员 钱一鸣``, ``●文/摄 陆小雨``) and a body whose first
line may carry the dateline (``本报讯 7月29日上午,``); the byline may also stand in brackets after
本报讯 (``本报讯（记者 陆佳怡 通讯员 沈建华）``), and credits may close it (``插画 徐可``).
A photo opens with a caption headline and ends with its ``摄影`` byline. A page with none of this
is one article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from . import lexicon
from .extensions import doc_text, required
from .layout import (
    BRACKETED_BYLINE,
    BYLINE_ROLE,
    CAPTION_BYLINE,
    COMMON_SURNAMES,
    PHOTO_ROLES,
    byline_parts,
    is_byline_line,
    is_byline_role,
    visible_text,
)
from .processes import die_with_parent

Span = tuple[int, int]

_BRACKETED_BYLINE = re.compile(BRACKETED_BYLINE)
_CAPTION_BYLINE = re.compile(CAPTION_BYLINE)
_PEN_NAME_LINE = re.compile(rf"^■\s*[{lexicon.HAN_RANGE}]{{2,4}}$")
_PHOTO_CREDIT_LINE = re.compile(
    rf"^{BRACKETED_BYLINE}$|^(?:[{lexicon.HAN_RANGE}]{{2,3}}\s+){{1,4}}摄$"
)
"""A photo's credit on its own line: ``（记者 王强 摄）``, ``王强 徐冰艳 摄``."""
_BARE_PEN_NAME_LINE = re.compile(rf"^[{lexicon.HAN_RANGE}]{{2,3}}$")
_ANY_PEN_NAME = re.compile(rf"^\s*■?\s*([{lexicon.HAN_RANGE}]{{2,4}})\s*$")
_INLINE_BYLINE = re.compile(
    rf"本报讯\s*{BRACKETED_BYLINE}"
    rf"|(?:本报讯|[^\s，。：:]{{2,24}}电)\s*((?:{BYLINE_ROLE.pattern})[^，。：:（()）\n]{{1,40}}?)\s*报道"
)
"""A byline right after 本报讯 or a wire's dateline, in brackets (``本报讯（记者 陆佳怡 通讯员
沈建华）``) or closed by 报道 (``本报讯记者沈佳琪报道``, ``新华社杭州3月8日电记者陆一帆报道``)."""
_DATELINE = re.compile(
    r"^本报讯\s*(?:[（(][^（()）\n]{1,64}[）)])?\s*(?:(?:\d{1,2}月\d{1,2}日|"
    + "|".join(lexicon.date_words("dateline-day"))
    + ")(?:"
    + "|".join(lexicon.longest_first(lexicon.date_words("dateline-time")))
    + ")?)?"
)
_LEAD_OPENING = re.compile(r"(?:本报讯)?\s*")
"""What may come before a byline that opens the lead: ``本报讯 记者 左思 昨天，…``."""
_MASTHEAD_LINE = re.compile(
    rf"总第\s*\d+\s*期|农历\S+年|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*◆?\s*星期|联办$|^今日[{lexicon.HAN_RANGE}]{{2,3}}$"
)
"""A line of the masthead (issue number, dates, publishers, the paper's name: 今日平湖, 今日海盐):
never part of a headline."""
_MASTHEAD_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*◆?\s*星期")
_HEADLINE_MAX = 60
_PUNCT_IN_BODY = set("，,。；;！!？?")
_MAX_HEADLINE_LINES = 3


@dataclass
class Byline:
    """One role in a byline and the people it names, as clean-text spans."""

    role: str
    role_span: Span | None
    names: list[tuple[str, Span]] = field(default_factory=list)


@dataclass
class Article:
    """One article of a page, in clean-text offsets."""

    number: int
    start: int
    end: int
    headline: str = ""
    headline_span: Span | None = None
    bylines: list[Byline] = field(default_factory=list)
    dateline: str = ""
    dateline_span: Span | None = None
    body_start: int = 0
    kind: str = "story"

    def to_dict(self) -> dict:
        """Plain values, as kept on ``doc._.articles`` (so docs cross process boundaries)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """The inverse of :meth:`to_dict`."""
        data = dict(data)
        data["bylines"] = [
            Byline(
                b["role"],
                tuple(b["role_span"]) if b["role_span"] else None,
                [(name, tuple(span)) for name, span in b["names"]],
            )
            for b in data["bylines"]
        ]
        for key in ("headline_span", "dateline_span"):
            data[key] = tuple(data[key]) if data[key] else None
        return cls(**data)

    @property
    def byline(self) -> str:
        """The byline as one line: ``记者 胡佳英; 通讯员 刘波 徐凯``."""
        return "; ".join(
            f"{b.role} {' '.join(n for n, _ in b.names)}".strip() for b in self.bylines
        )


@Language.component("pinghu_articles", assigns=["doc._.articles", "doc._.issue_date"])
def mark_articles(doc: Doc) -> Doc:
    """Pipeline stage: ``doc._.articles`` (as dicts) and the masthead's ``doc._.issue_date``."""
    die_with_parent()  # the first stage, so a worker of nlp.pipe(n_process=N) ends with the batch
    doc._.articles = [article.to_dict() for article in split_articles(doc_text(doc))]
    printed = masthead_date(doc._.raw)
    if printed:
        doc._.issue_date = printed.isoformat()
    return doc


def doc_articles(doc: Doc, needed_by: str = "this stage") -> list[Article]:
    """The articles the ``pinghu_articles`` stage stored on a Doc; a
    :class:`~pinghu_nlp.extensions.MissingComponentError` naming ``needed_by`` if it did not run."""
    return [Article.from_dict(a) for a in required(doc, "articles", needed_by)]


def masthead_date(raw: str) -> dt.date | None:
    """The issue date printed in the masthead (``2023年9月12日◆星期二``), if the page has one;
    invisible characters and escape sequences do not hide it."""
    match = _MASTHEAD_DATE.search(visible_text(raw[:400])[0])
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def parse_byline(line: str, offset: int = 0) -> list[Byline]:
    """Roles and names of a byline line; ``offset`` is where the line starts in the clean text.

    The grammar is :func:`layout.byline_parts`. ``role`` is the role as printed without layout
    spaces, media name and slashes kept (``南湖晚报记者``, ``文/摄``); its span covers the
    printed text (``记 者``). Every role, credits like ``文``, ``图`` and ``插画`` included, is a
    byline role (TITLE), its names PERSON. A line that is no byline gives no bylines.
    """
    bracketed = re.fullmatch(r"\s*[（(](.*)[）)]\s*", line)
    if bracketed:  # （记者 王强 摄）
        offset, line = offset + bracketed.start(1), bracketed.group(1)
    parts = byline_parts(line)
    if parts is None:
        pen_name = _ANY_PEN_NAME.match(line)
        if not pen_name or is_byline_role(pen_name.group(1)):  # ■记者 without a name
            return []
        start, end = pen_name.span(1)  # a commentary byline names its author alone: ■言成声
        return [Byline("", None, [(pen_name.group(1), (offset + start, offset + end))])]
    bylines: list[Byline] = []
    for kind, start, end in parts:
        written = "".join(line[start:end].split())
        if kind == "role":
            bylines.append(Byline(written, (offset + start, offset + end)))
        elif kind == "name":
            if not bylines:  # 王强 徐冰艳 摄: a photo credit, 摄 closes it
                bylines.append(Byline("摄", None))
            name = (written, (offset + start, offset + end))
            for stacked in reversed(bylines[:-1]):  # 文/图 记者 沈雪晴: she holds both roles
                if stacked.names:
                    break
                stacked.names.append(name)
            bylines[-1].names.append(name)
    return bylines


def split_articles(text: str) -> list[Article]:
    """Split a page's clean text into articles (at least one, unless the page has no text)."""
    lines = _line_spans(text)
    if not lines:  # only page furniture: nothing to split
        return []
    kinds = [_line_kind(text[s:e]) for s, e in lines]
    for i, kind in enumerate(kinds):
        if kind == "short" and _is_bare_pen_name(text, lines, kinds, i):
            kinds[i] = "byline"
    starts: list[tuple[int, str]] = []  # (first line of the article, kind)
    i = 0
    while i < len(lines):
        opens_story = (
            text.startswith("本报讯", lines[i][0])
            or (
                kinds[i] == "body"
                and i > 0
                and kinds[i - 1] == "short"
                and _lead_byline(text, lines[i])
            )
        ) and (i == 0 or kinds[i - 1] != "byline")
        if kinds[i] != "byline" and not opens_story:
            i += 1
            continue
        first_byline = i
        i += 1
        while i < len(lines) and kinds[i] == "byline":
            i += 1
        head = first_byline
        photo = not opens_story and all(
            _is_photo_byline(text[s:e]) for s, e in lines[first_byline:i]
        )
        if photo and head > 0 and kinds[head - 1] == "body":
            head -= 1  # the caption comes before the photographer's byline
        elif not opens_story and _closes_story(kinds, first_byline, i):
            continue  # 插画 徐可 责任编辑 黎明 after the body: the story's own credits
        while head > 0 and kinds[head - 1] == "short" and first_byline - head < _MAX_HEADLINE_LINES:
            head -= 1
        if not starts or head > starts[-1][0]:
            starts.append((head, "photo" if photo else "story"))
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, "story"))
    articles = []
    for number, (first, kind) in enumerate(starts):
        last = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        article = _build_article(text, lines[first:last], kinds[first:last], number, kind)
        articles.append(article)
    return articles


def _build_article(
    text: str, lines: list[Span], kinds: list[str], number: int, kind: str
) -> Article:
    """Headline, bylines, dateline and body start of one article's lines."""
    article = Article(number=number, start=lines[0][0], end=lines[-1][1], kind=kind)
    article.body_start = article.start
    headline = [span for span, k in zip(lines, kinds, strict=False) if k == "short"]
    index = 0
    while index < len(lines) and kinds[index] == "short":
        index += 1
    if kind == "photo":
        headline = lines[:index] if index else []
    else:
        headline = headline[: min(index, _MAX_HEADLINE_LINES)] if index else []
    inline = _INLINE_BYLINE.match(text, lines[index][0]) if index < len(lines) else None
    inline_group = (inline.lastindex or 1) if inline else 1
    if inline and not is_byline_line(inline.group(inline_group)):
        inline = None  # （图为…）: brackets that open with a role word but are no byline
    leads = index < len(lines) and kinds[index] == "body" and not inline
    lead = _lead_byline(text, lines[index]) if leads else None
    if headline and (inline or lead or any(k == "byline" for k in kinds)):
        article.headline = " ".join(text[s:e] for s, e in headline)
        article.headline_span = (headline[0][0], headline[-1][1])
    for (s, e), k in zip(lines, kinds, strict=False):
        if k == "byline":
            article.bylines.extend(parse_byline(text[s:e], s))
    if inline:
        article.bylines.extend(parse_byline(inline.group(inline_group), inline.start(inline_group)))
    elif lead:
        article.bylines.extend(parse_byline(text[slice(*lead)], lead[0]))
    body = [(s, e) for (s, e), k in zip(lines, kinds, strict=False) if k == "body"]
    for s, e in body:
        article.bylines.extend(_bracketed_credits(text, s, e, inline))
    if body:
        article.body_start = body[0][0]
        dateline = _DATELINE.match(text[body[0][0] : body[0][1]])
        if dateline:
            article.dateline = dateline.group()
            article.dateline_span = (body[0][0], body[0][0] + dateline.end())
    return article


def _bracketed_credits(
    text: str, start: int, end: int, inline: re.Match[str] | None
) -> list[Byline]:
    """The bylines in brackets inside a line of the body (``…采摘杨梅。（通讯员 钱一鸣 摄）``,
    ``（本报记者 李明 摄）``, one closing a caption: ``（图为…。记者 王强 摄）``), besides the one
    that opens the story (``inline``)."""
    found = []
    matches = [*_BRACKETED_BYLINE.finditer(text, start, end)]
    matches += _CAPTION_BYLINE.finditer(text, start, end)  # （图为…。记者 王强 摄）
    for match in matches:
        if inline and match.start() < inline.end() and inline.start() < match.end():
            continue
        if is_byline_line(match.group(1)):
            found.extend(parse_byline(match.group(1), match.start(1)))
    return found


def _lead_byline(text: str, line: Span) -> Span | None:
    """The byline that opens a line of lead text, set off by a space (``记者 左思 昨天，…``,
    ``本报讯 通讯员 高敏 记者 左思 本周三，…``) or filling the line after 本报讯: the longest
    run of the line's space-separated pieces that reads as a byline of roles and names."""
    start = _LEAD_OPENING.match(text, line[0], line[1]).end()
    if not BYLINE_ROLE.match(text, start, line[1]):
        return None
    rest = text[start : line[1]].rstrip()
    gaps = [m.start() for m in re.finditer(r"\s+", rest)] + [len(rest)]  # 本报讯 记者 X⏎
    for gap in reversed(gaps):
        parts = byline_parts(text[start : start + gap])
        if parts and parts[0][0] == "role" and parts[-1][0] != "role":
            return (start, start + gap)
    return None


def _line_spans(text: str) -> list[Span]:
    """``(start, end)`` of each non-empty line of the clean text."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _line_kind(line: str) -> str:
    """``byline``, ``masthead``, ``short`` (headline-like) or ``body``."""
    stripped = line.strip()
    if _MASTHEAD_LINE.search(stripped):
        return "masthead"
    if is_byline_line(stripped) or _PEN_NAME_LINE.match(stripped):
        return "byline"
    if _PHOTO_CREDIT_LINE.match(stripped) and parse_byline(stripped):
        return "byline"
    short = len(stripped) <= _HEADLINE_MAX and not any(c in _PUNCT_IN_BODY for c in stripped[:-1])
    if short and stripped[-1] not in "。！？!?" and not stripped.startswith("本报讯"):
        return "short"
    return "body"


def _is_bare_pen_name(text: str, lines: list[Span], kinds: list[str], index: int) -> bool:
    """A commentary byline without ``■`` (``言成声``): a name line between headline and body."""
    line = text[slice(*lines[index])].strip()
    return (
        bool(_BARE_PEN_NAME_LINE.match(line))
        and line[0] in COMMON_SURNAMES
        and 0 < index < len(lines) - 1
        and kinds[index - 1] == "short"
        and kinds[index + 1] == "body"
    )


def _closes_story(kinds: list[str], first: int, after: int) -> bool:
    """Byline lines ``first`` to ``after`` follow a body and no body follows them: they credit
    the story above (``插画 徐可``, ``责任编辑 黎明``) rather than open one."""
    return (
        first > 0 and kinds[first - 1] == "body" and (after == len(kinds) or kinds[after] != "body")
    )


def _is_photo_byline(line: str) -> bool:
    """A byline that only credits photographers, or a photo credit (``（记者 王强 摄）``)."""
    if line.strip().rstrip("）)").rstrip().endswith("摄"):
        return True
    bylines = parse_byline(line)
    return bool(bylines) and all(b.role in PHOTO_ROLES for b in bylines)
