"""Personnel changes (人事任免) as events: who was appointed, elected, removed, resigned.

The verbs and the shape of the sentence each opens are in ``data/event_verbs.tsv``:

- ``before``: ``会议决定任命李华同志为嘉兴市人民政府副市长``, ``任命陈立、赵敏为市人民法院审判员``
  (each name of the list), ``决定周强副县长为海盐县人民政府代理县长`` (ACTING; 副县长 is kept);
- ``object``: ``决定免去王强同志的平湖市财政局局长职务``;
- ``after``: ``会议接受张明同志辞去海盐县人民政府县长职务的请求``, ``赵刚当选为…``, ``…不再担任…``.

A title with 代理 makes the event ``ACTING``, a title then 候选人 ``NOMINATED``. The stage runs
after the relations: names the recogniser missed become PERSON mentions (source ``event``), and
a title given up (REMOVED, RESIGNED) loses its ``HOLDS_TITLE`` in that article.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import lexicon
from .articles import Article, doc_articles
from .extensions import doc_text
from .layout import COMMON_SURNAMES
from .recognise import split_at_boundaries
from .recognise.titles import decompose_title
from .relate import Relation, article_of, memberships
from .segment import is_han

EVENT_VERBS = resources.files("pinghu_nlp") / "data" / "event_verbs.tsv"
KINDS = ("APPOINTED", "ELECTED", "NOMINATED", "ACTING", "REMOVED", "RESIGNED", "RETIRED")
GIVEN_UP = frozenset({"REMOVED", "RESIGNED", "RETIRED"})
"""Kinds that end a tenure: the title is no longer held after the event."""
NOT_HELD = GIVEN_UP | {"NOMINATED"}
"""Kinds after which the person does not hold the title: given up, or only nominated for it."""

_CLAUSE = "，。；;！？!?\n"
_PERSON_GLUE = re.compile(f"[{''.join(g for g in lexicon.list_glue('names') if not g.isspace())}]")
_BODY = re.compile(
    rf"(?:[{lexicon.HAN_RANGE}]{{0,6}}?[{lexicon.characters('local-prefixes')}])?"
    rf"(?:第?[{lexicon.NUMERALS}\d]+届)?"
    + "(?:"
    + "|".join(lexicon.place_words("deciding-body"))
    + ")"
)
"""A deciding body: ``市十七届人大常委会``, ``县政协``, ``市委``."""
_TITLE_END = re.compile(f"(?:{'|'.join(lexicon.title_words('post-end'))})+.*$")
"""What closes the posts of a personnel change, and all after it: (免去…副市长)职务."""


@dataclass(frozen=True)
class Event:
    """One personnel change, in clean-text offsets; ``title`` is as written (no layout spaces)."""

    kind: str
    person: tuple[int, int]
    title: str
    title_span: tuple[int, int]
    body: str
    article: int
    verb: str
    start: int
    end: int
    kept_title: str = ""

    def to_dict(self) -> dict:
        """Plain values for ``doc._.events``."""
        return asdict(self)


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, list[tuple[str, str]]]:
    """``shape → [(verb, kind), …]``, longest verb first, from ``data/event_verbs.tsv``."""
    shapes: dict[str, list[tuple[str, str]]] = {}
    for line in EVENT_VERBS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            verb, kind, shape = line.split("\t")[:3]
            shapes.setdefault(shape.strip(), []).append((verb.strip(), kind.strip()))
    for verbs in shapes.values():
        verbs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return shapes


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[re.Pattern, dict[str, str]]]:
    """One pattern per shape, with the kind of each of its verbs."""
    found = {}
    for shape, verbs in event_verbs().items():
        alternatives = "|".join(re.escape(v) for v, _ in verbs)
        if shape == "before":
            pattern = (
                rf"(?P<verb>(?:{alternatives})+)[：:]?\s*(?P<people>[^{_CLAUSE}为]{{2,40}}?)为"
            )
        elif shape == "object":
            pattern = rf"(?P<verb>(?:{alternatives})+)(?P<people>[^{_CLAUSE}]{{2,60}}?)职务"
        else:
            pattern = rf"(?P<verb>{alternatives})"
        found[shape] = (re.compile(pattern), dict(verbs))
    return found


@Language.component(
    "pinghu_events",
    assigns=["doc._.events", "doc._.relations", "doc.ents", "token.ent_iob", "token.ent_type"],
    requires=["doc.ents", "doc._.articles", "doc._.relations"],
    retokenizes=True,
)
def mark_events(doc: Doc) -> Doc:
    """Pipeline stage: ``doc._.events``; missed names added as PERSON; titles given up or only
    nominated for unheld."""
    text, articles = doc_text(doc), doc_articles(doc, "pinghu_events")
    events = find_events(text, list(doc.ents), articles)
    doc = _add_people(doc, {e.person for e in events})
    given_up = {(e.article, e.person, _squash(e.title)) for e in events if e.kind in NOT_HELD}
    if given_up:
        doc._.relations = _without_given_up(text, doc._.relations or [], given_up)
    doc._.events = [e.to_dict() for e in events]
    return doc


def _without_given_up(text: str, relations: list[dict], given_up: set[tuple]) -> list[dict]:
    """The relations less each ``HOLDS_TITLE`` of a title given up, memberships redone."""

    def held(relation: dict) -> bool:
        title = _squash(text[slice(*relation["tail"])])
        return (relation["article"], tuple(relation["head"]), title) not in given_up

    holds = [r for r in relations if r["relation"] == "HOLDS_TITLE" and held(r)]
    others = [r for r in relations if r["relation"] not in ("HOLDS_TITLE", "MEMBER_OF")]
    members = memberships(text, [_relation(r) for r in holds])
    return holds + [m.to_dict() for m in members] + others


def _relation(row: dict) -> Relation:
    """A relation dict back as a :class:`Relation`."""
    tail = tuple(row["tail"]) if row["tail"] else None
    return Relation(row["relation"], tuple(row["head"]), tail, row["article"], row["tail_text"])


def find_events(text: str, ents: list[Span], articles: list[Article]) -> list[Event]:
    """The personnel changes of a page, in text order, once per person, title and kind."""
    found: dict[tuple, Event] = {}
    people = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    titles = [(e.start_char, e.end_char) for e in ents if e.label_ == "TITLE"]
    for shape, (pattern, kinds) in _patterns().items():
        for match in pattern.finditer(text):
            verb = _last_verb(match.group("verb"), kinds)
            if shape == "before":
                names = _people_in(text, match.start("people"), match.end("people"), people, titles)
                title_start = match.end()
                for more, at in _continued(text, title_start, people, titles):
                    _add_events(found, text, articles, more, at, match, verb, kinds[verb])
            elif shape == "object":
                names, title_start = _object_people(text, match, people, titles)
            else:
                names = _people_before(text, match.start(), people)
                title_start = match.end()
                if text[title_start : title_start + 1] == "为":
                    title_start += 1
            if names:
                kept_only = (
                    shape == "object"
                )  # 免去副市长李华同志的职务: the title kept is given up
                _add_events(
                    found, text, articles, names, title_start, match, verb, kinds[verb], kept_only
                )
    return sorted(found.values(), key=lambda e: (e.start, e.person))


def _add_events(
    found: dict[tuple, Event],
    text: str,
    articles: list[Article],
    names: list[tuple[tuple[int, int], str]],
    title_start: int,
    match: re.Match,
    verb: str,
    verb_kind: str,
    kept_only: bool = False,
) -> None:
    """An event per name and title written from ``title_start``, into ``found``."""
    titles_given = _titles_from(text, title_start)
    if not titles_given and kept_only:
        titles_given = _kept_titles(text, names, match.start())
        names = [(name, "") for name, _ in names]
    article = article_of(articles, match.start())
    body = _body(text, match.start(), articles, article)
    for title, span in titles_given:
        kind = _kind(verb_kind, title, text[span[1] : span[1] + 3])
        title = title.removesuffix("候选人")
        for name, kept in names:
            start = name[0] if name[0] > match.end() else min(name[0], match.start())
            end = max(span[1], match.end())
            event = Event(kind, name, title, span, body, article, verb, start, end, kept)
            found.setdefault((name, _squash(title), kind), event)


_NEXT_CLAUSE = re.compile(r"[，；;\n、]\s*([^，。；;：:！？!?\n为]{2,40}?)为")
_GLUE = re.compile(r"[，；;\n、。]")
"""A clause that goes on with the same verb: ``任命李华为副市长，王强为财政局局长``."""


def _continued(
    text: str, start: int, people: list[tuple[int, int]], titles: list[tuple[int, int]]
) -> list[tuple[list[tuple[tuple[int, int], str]], int]]:
    """The names and title starts of the clauses after ``start`` that go on with its verb."""
    found = []
    while (glue := _GLUE.search(text, start)) is not None and glue.group() != "。":
        match = _NEXT_CLAUSE.match(text, glue.start())
        names = _people_in(text, match.start(1), match.end(1), people, titles) if match else []
        if names:
            found.append((names, match.end()))
            start = match.end()
        elif glue.group() == "、":  # 副市长、市公安局局长: the next title, not the next clause
            start = glue.end()
        else:
            break
    return found


def _last_verb(chain: str, kinds: dict[str, str]) -> str:
    """The verb that decides the kind in a chain of them (``决定任命`` → 任命)."""
    for verb in sorted(kinds, key=len, reverse=True):
        if chain.endswith(verb):
            return verb
    return chain


def _kept_titles(
    text: str, names: list[tuple[tuple[int, int], str]], start: int
) -> list[tuple[str, tuple[int, int]]]:
    """The titles written beside the names, as the titles of the event."""
    found = []
    for _, kept in names:
        at = text.find(kept, start) if kept else -1
        if at != -1:
            found.append((kept, (at, at + len(kept))))
    return found


def _kind(kind: str, title: str, after: str) -> str:
    """``ACTING`` for a 代理 title, ``NOMINATED`` for a candidate, else the verb's kind."""
    if title.endswith("候选人") or after.startswith("候选人"):
        return "NOMINATED"
    if "代理" in title and kind in ("APPOINTED", "ELECTED"):
        return "ACTING"
    return kind


def _titles_from(text: str, start: int) -> list[tuple[str, tuple[int, int]]]:
    """The titles written from ``start`` to the end of the clause, split at ``、``."""
    end = min([i for i in (text.find(c, start) for c in _CLAUSE) if i != -1] or [len(text)])
    clause = _TITLE_END.sub("", text[start:end])
    found, offset = [], start
    for piece in clause.split("、"):
        if "为" in piece:  # 主任、李明为副主任: the next clause
            break
        title = _squash(piece)
        if _is_title(title.removesuffix("候选人")):
            found.append((title, (offset, offset + len(piece))))
        offset += len(piece) + 1
    return found


def _is_title(title: str) -> bool:
    """A post a person can be given: a known head (副市长, 主任) or an office ending in 员."""
    if not 2 <= len(title) <= 30:
        return False
    organisation, role, _ = decompose_title(title)
    return role != title or title.endswith(("员", "代表", "长"))


def _people_in(
    text: str, start: int, end: int, people: list[tuple[int, int]], titles: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], str]]:
    """The names listed in ``text[start:end]``, each with a title written beside it."""
    found = []
    for item_start, item_end in _items(text, start, end):
        name = _name_in(text, item_start, item_end, people, titles)
        if name is None:
            return []  # one item that is not a person: not a list of people
        kept = "".join(
            _squash(text[a:b])
            for a, b in titles
            if item_start <= a and b <= item_end and (a, b) != name
        )
        found.append((name, kept))
    return found


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a list between ``start`` and ``end``, split at 、和与及."""
    items, left = [], start
    for glue in _PERSON_GLUE.finditer(text, start, end):
        items.append((left, glue.start()))
        left = glue.end()
    items.append((left, end))
    return [(a, b) for a, b in items if b > a]


def _name_in(
    text: str, start: int, end: int, people: list[tuple[int, int]], titles: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The person named in one item of a list: a PERSON mention, else a bare name (陈立同志)."""
    for span in people:
        if start <= span[0] and span[1] <= end:
            return span
    for a, b in titles:  # 周强副县长, 副县长周强: the title is not the name
        if start <= a and b <= end:
            if a == start:
                start = b
            elif b == end:
                end = a
    piece = text[start:end]
    bare = piece.removesuffix("同志").strip()
    if 2 <= len(bare) <= 3 and bare[0] in COMMON_SURNAMES and is_han(bare):
        return (start, start + len(bare))
    return None


def _object_people(
    text: str, match: re.Match, people: list[tuple[int, int]], titles: list[tuple[int, int]]
) -> tuple[list[tuple[tuple[int, int], str]], int]:
    """The people of ``免去王强同志的…职务`` and where their titles begin."""
    start, end = match.start("people"), match.end("people")
    region = text[start:end]
    for marker in ("同志的", "同志", "的"):
        cut = region.find(marker)
        if cut > 0:
            return _people_in(text, start, start + cut, people, titles), start + cut + len(marker)
    first = next((p for p in people if p[0] == start), None)
    if first is not None:
        return [(first, "")], first[1]
    return [], end


def _people_before(
    text: str, verb_start: int, people: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], str]]:
    """The name (or list of names) right before a verb: ``张明同志辞去``, ``赵刚当选``."""
    end = verb_start
    end -= len("等") if text[:end].endswith("等") else 0
    comrade = text[:end].endswith("同志")
    end -= len("同志") if comrade else 0
    names = []
    current = next((p for p in people if p[1] == end), None)
    if current is None and comrade:
        for size in (2, 3):  # 接受张明同志辞去: the shortest name with a surname
            piece = text[end - size : end]
            if len(piece) == size and piece[0] in COMMON_SURNAMES and is_han(piece):
                current = (end - size, end)
                break
    while current is not None:
        names.insert(0, (current, ""))
        glue_end = current[0]
        if glue_end < 1 or not _PERSON_GLUE.fullmatch(text[glue_end - 1]):
            break
        current = next((p for p in people if p[1] == glue_end - 1), None)
    return names


def _body(text: str, position: int, articles: list[Article], article: int) -> str:
    """The body that decided: named in the clause before the verb, else in the article's lead."""
    clause_start = max(text.rfind(c, 0, position) for c in "。！？!?\n") + 1
    found = list(_BODY.finditer(text, clause_start, position))
    if found:
        return found[-1].group()
    current = next((a for a in articles if a.number == article), None)
    if current is None:
        return ""
    lead = (current.headline or "") + "\n" + text[current.body_start : current.body_start + 200]
    match = _BODY.search(lead)
    return match.group() if match else ""


def _add_people(doc: Doc, spans: set[tuple[int, int]]) -> Doc:
    """The names an event found that no mention covers become PERSON mentions (source event);
    the Doc returned may be a new one (see :func:`split_at_boundaries`)."""
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    new = sorted(s for s in spans if not any(a < s[1] and s[0] < b for a, b in taken))
    if not new:
        return doc
    doc = split_at_boundaries(doc, {i for span in new for i in span})
    added = []
    for start, end in new:
        span = doc.char_span(start, end, label="PERSON")
        if span is not None:
            span._.source = "event"
            added.append(span)
    doc.ents = sorted([*doc.ents, *added], key=lambda s: s.start)
    return doc


def _squash(title: str) -> str:
    return "".join(title.split())
