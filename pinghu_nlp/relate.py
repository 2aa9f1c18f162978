"""Relations between mentions: who holds which title, who did what at which event, who wrote.

- ``HOLDS_TITLE`` person → title, when the text puts them together: the title right before the
  name (``市委书记仲旭东``), a chain of titles before one name
  (``市委常委、市纪委书记、市监委主任崔加晶``), ``市领导`` before a list of names or after one
  (``…毛捷等市领导``), a byline role and its names, a name then its title (``习近平总书记``,
  ``周军波，市长``). A title standing alone is held by the last person in the article who held it.
- ``MEMBER_OF`` person → the organisation named in a title held
  (``城投集团党委专职副书记`` → 城投集团党委).
- ``CHAIRED``, ``ATTENDED``, ``SPOKE_AT`` person → the article's event (``主持会议``, ``出席``,
  ``强调``), the event being the meeting or activity the article reports.
- ``LOCATED_IN`` place or organisation → the place written right before it (``独山港镇全公亭社区``).
- ``FIGURE_OF`` figure → what it measures, when its clause names it (``项目投资5000万美元`` →
  投资, ``占全市规上工业总产值的23.9%`` → 全市规上工业总产值).
- ``AUTHORED`` byline name → article.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import lexicon
from .articles import Article, doc_articles
from .extensions import doc_text
from .layout import THIS_MEDIA
from .recognise.phrases import noun_phrase
from .recognise.titles import (
    COLLECTIVE_NAME_GAPS,
    TITLE_CHAIN,
    TITLE_NAME_GAPS,
    decompose_title,
    is_collective_title,
)

_LIST_GLUE = lexicon.list_glue()
"""What joins the names a collective title or a byline role shares (list_glue.tsv)."""
_APPOINTED_AS = frozenset(lexicon.relation_words("appointed-as"))
"""What stands between a person and the office given to them: 李华同志为平湖市人民政府副市长."""
_NAME_LIST_GLUE = lexicon.list_glue("names")
"""What joins the names after one title: a comma may open the next clause (主任张三，李四说)."""


@dataclass(frozen=True)
class Relation:
    """A relation between two clean-text spans; ``tail_text`` names a tail that is not a span."""

    relation: str
    head: tuple[int, int]
    tail: tuple[int, int] | None
    article: int
    tail_text: str = ""

    def to_dict(self) -> dict:
        """Plain values for ``doc._.relations``."""
        return asdict(self)


@Language.component(
    "pinghu_relations", assigns=["doc._.relations"], requires=["doc.ents", "doc._.articles"]
)
def mark_relations(doc: Doc) -> Doc:
    """Pipeline stage: ``doc._.relations`` from the entities and the articles."""
    articles = doc_articles(doc, "pinghu_relations")
    text, ents = doc_text(doc), list(doc.ents)
    holds = title_holders(text, ents, articles)
    relations = holds + memberships(text, holds) + event_roles(text, ents, articles)
    relations += locations(ents, articles) + figures_of(text, ents, articles) + authors(articles)
    doc._.relations = [r.to_dict() for r in relations]
    return doc


def article_of(articles: list[Article], position: int) -> int:
    """Number of the article that contains a clean-text position (0 if none)."""
    return next((a.number for a in articles if a.start <= position < a.end), 0)


def title_holders(text: str, ents: list[Span], articles: list[Article]) -> list[Relation]:
    """``HOLDS_TITLE`` relations of a page, each person → title once per place in the text."""
    relations: list[Relation] = []
    last_holder: dict[tuple[int, str], tuple[int, int]] = {}
    for index, title in enumerate(ents):
        if title.label_ != "TITLE":
            continue
        holders = _holders_of(text, ents, index)
        article = article_of(articles, title.start_char)
        key = (article, "".join(title.text.split()))
        if not holders and key in last_holder:
            holders = [last_holder[key]]
        for holder in holders:
            relations.append(
                Relation("HOLDS_TITLE", holder, (title.start_char, title.end_char), article)
            )
            last_holder[key] = holder
    return relations


def _holders_of(text: str, ents: list[Span], index: int) -> list[tuple[int, int]]:
    """The people a title belongs to, by its neighbours in the text."""
    title = ents[index]
    following = _chain_end(text, ents, index)
    if following is not None and ents[following].label_ == "PERSON":
        # 副主任赵强、钱红、孙建国: a title before a list belongs to every name of it
        shared = _is_collective(title) or title._.kind == "byline"
        return _list_from(text, ents, following, _LIST_GLUE if shared else _NAME_LIST_GLUE)
    if _is_collective(title) and text[title.start_char - 1 : title.start_char] == "等":
        return _list_before(text, ents, index)
    previous = ents[index - 1] if index else None
    if previous is not None and previous.label_ == "PERSON":
        gap = text[previous.end_char : title.start_char]
        spaced = gap == " " and title._.kind != "byline"  # a list's 陈海燕 平湖市文化馆馆长
        if gap in ("", "，", ",") or gap in _APPOINTED_AS or spaced:  # 习近平总书记; 周军波，市长
            return [(previous.start_char, previous.end_char)]
    return []


_TITLE_NAME_GAPS = (*TITLE_NAME_GAPS, " ")
"""What may stand between a title and its holder's name: nothing, a colon, or the one space a
short line keeps (a caption's 市委书记 仲旭东)."""


def _chain_end(text: str, ents: list[Span], index: int) -> int | None:
    """Index of the entity right after a title or after the chain of titles it starts."""
    current = index
    while current + 1 < len(ents):
        gap = text[ents[current].end_char : ents[current + 1].start_char]
        if (gap == "" or gap in TITLE_CHAIN) and ents[current + 1].label_ == "TITLE":
            current += 1  # 市委常委、宣传部长…; 联合创始人首席战略官…
            continue
        if _stacked_byline_roles(gap, ents[current], ents[current + 1]):
            current += 1  # 文/图 本报记者 沈雪晴: one person credited with both
            continue
        if gap in _TITLE_NAME_GAPS or (ents[current]._.kind == "byline" and gap.isspace()):
            return current + 1
        if _is_collective(ents[current]) and gap in COLLECTIVE_NAME_GAPS:
            return current + 1  # 县领导还有王刚、周丽
        return None
    return None


def _stacked_byline_roles(gap: str, role: Span, following: Span) -> bool:
    """Two byline roles one after the other, spaces and the paper's name between them."""
    return (
        role._.kind == "byline"
        and following._.kind == "byline"
        and following.label_ == "TITLE"
        and (not gap.strip() or gap.strip() in THIS_MEDIA)
        and gap[:1].isspace()
    )


def _list_from(
    text: str, ents: list[Span], first: int, glue: tuple[str, ...] = _LIST_GLUE
) -> list[tuple[int, int]]:
    """A name and the names listed after it (``周军波、吴金华、何健``), joined by ``glue``."""
    names = [(ents[first].start_char, ents[first].end_char)]
    current = first
    while current + 1 < len(ents) and ents[current + 1].label_ == "PERSON":
        gap = text[ents[current].end_char : ents[current + 1].start_char]
        if gap not in glue:
            break
        current += 1
        names.append((ents[current].start_char, ents[current].end_char))
    return names


def _list_before(text: str, ents: list[Span], index: int) -> list[tuple[int, int]]:
    """The names listed before ``等`` and a collective title (``周军波、何健等市领导``)."""
    names: list[tuple[int, int]] = []
    current = index - 1
    end = ents[index].start_char - 1
    while current >= 0 and ents[current].label_ == "PERSON":
        if text[ents[current].end_char : end] not in ("", *_LIST_GLUE):
            break
        names.insert(0, (ents[current].start_char, ents[current].end_char))
        end = ents[current].start_char
        current -= 1
    return names


def authors(articles: list[Article]) -> list[Relation]:
    """``AUTHORED``: every name in an article's bylines wrote (or photographed) it."""
    return [
        Relation("AUTHORED", span, None, article.number, tail_text=article.headline)
        for article in articles
        for span in dict.fromkeys(span for byline in article.bylines for _, span in byline.names)
    ]


def _is_collective(title: Span) -> bool:
    """A title shared by the names listed with it: ``市领导``, ``县政协领导``."""
    return title._.kind == "collective" or is_collective_title(title.text)


def memberships(text: str, holds: list[Relation]) -> list[Relation]:
    """``MEMBER_OF``: the organisation part of each title a person holds, when it names one."""
    found = {}
    for relation in holds:
        title = "".join(text[slice(*relation.tail)].split())
        organisation, _, _ = decompose_title(title)
        if len(organisation) >= 2 and not is_collective_title(organisation):
            key = (text[slice(*relation.head)], organisation)  # once per person and body
            found.setdefault(
                key, Relation("MEMBER_OF", relation.head, None, relation.article, organisation)
            )
    return list(found.values())


_EVENT_WORDS = "(?:" + "|".join(lexicon.relation_words("event-noun")) + ")"
"""How the name of an event ends: …推进会, …活动, …仪式."""
_HOLDS_BEFORE = "|".join(lexicon.relation_words("event-verb-before"))
_HOLDS_AFTER = "|".join(lexicon.relation_words("event-verb-after"))
_EVENT_PATTERNS = (
    re.compile(rf"在([^，。,；;：:\n“”]{{2,40}}?{_EVENT_WORDS})上"),
    re.compile(rf"(?:{_HOLDS_BEFORE})了?([^，。,；;：:\n]{{2,50}}?{_EVENT_WORDS})(?=[，。,；;]|$)"),
    re.compile(rf"([^，。,；;：:\n]{{2,50}}?{_EVENT_WORDS})(?:{_HOLDS_AFTER})"),
)
_EVENT_LEAD = re.compile(
    f"^(?:{'|'.join(lexicon.relation_words('event-lead'))})?"
    f"(?:{'|'.join(lexicon.relation_words('event-lead-verb'))})?"
)
"""What opens an event's name as found and is no part of it: (我市召开)…推进会."""
_EVENT_VERBS = lexicon.relation_words("role-verb")
"""A name then one of these verbs: a role at the article's event (主持 → CHAIRED)."""
_VERB_REACH = 12
"""How far after a name (or the list it ends) its verb may stand: ``周军波主持会议``."""


def article_event(text: str, article: Article) -> str:
    """The meeting or activity an article reports, from its headline or first paragraph."""
    places = [article.headline, text[article.body_start : article.body_start + 300]]
    for piece in places:
        for pattern in _EVENT_PATTERNS:
            match = pattern.search(piece or "")
            if match:
                return _EVENT_LEAD.sub("", match.group(1))
    return ""


def event_roles(text: str, ents: list[Span], articles: list[Article]) -> list[Relation]:
    """``CHAIRED``/``ATTENDED``/``SPOKE_AT``: a name (or a list of names) then the verb.

    A list may give each name its titles: ``市委书记仲旭东，市委副书记、市长王建峰…等出席``.
    """
    events = {a.number: article_event(text, a) for a in articles}
    found: dict[tuple, Relation] = {}
    listed: set[int] = set()
    for index, ent in enumerate(ents):
        if ent.label_ != "PERSON" or index in listed:
            continue
        members = [index]
        while (following := _next_attendee(text, ents, members[-1])) is not None:
            members.append(following)
        listed.update(members)
        names = [(ents[i].start_char, ents[i].end_char) for i in members]
        after = text[names[-1][1] : names[-1][1] + _VERB_REACH].split("。")[0]
        article = article_of(articles, ent.start_char)
        if not events.get(article):
            continue
        for verb, relation in _EVENT_VERBS.items():
            if verb in after:
                for name in names:
                    key = (relation, text[slice(*name)], article)
                    found.setdefault(key, Relation(relation, name, None, article, events[article]))
    return list(found.values())


def _next_attendee(text: str, ents: list[Span], current: int) -> int | None:
    """Index of the next name in a list of people, past the titles written before it."""
    following = current + 1
    if (
        following >= len(ents)
        or text[ents[current].end_char : ents[following].start_char] not in _LIST_GLUE
    ):
        return None
    while following < len(ents) and ents[following].label_ == "TITLE":
        if following + 1 >= len(ents):
            return None
        gap = text[ents[following].end_char : ents[following + 1].start_char]
        if gap != "" and gap not in TITLE_CHAIN:
            return None
        following += 1
    return following if ents[following].label_ == "PERSON" else None


def locations(ents: list[Span], articles: list[Article]) -> list[Relation]:
    """``LOCATED_IN``: a place or organisation written right after a place (独山港镇全公亭社区)."""
    found = []
    for before, after in zip(ents, ents[1:], strict=False):
        adjacent = before.end_char == after.start_char
        if adjacent and before.label_ == "LOC" and after.label_ in ("LOC", "ORG"):
            article = article_of(articles, after.start_char)
            found.append(
                Relation(
                    "LOCATED_IN",
                    (after.start_char, after.end_char),
                    (before.start_char, before.end_char),
                    article,
                )
            )
    return found


_FIGURE_LABELS = ("MONEY", "QUANTITY", "PERCENT")
_LINKING_WORDS = re.compile("(?:" + "|".join(lexicon.relation_words("figure-link")) + ")+$")
"""Words between a figure and what it measures: 产值同比增长(23.9%)."""
_SHARE_OF = re.compile(r"占([^，。,；;占]{2,30}?)的?$")


def figures_of(text: str, ents: list[Span], articles: list[Article]) -> list[Relation]:
    """``FIGURE_OF``: the attribute a figure measures, from the words right before it."""
    found = []
    for ent in ents:
        if ent.label_ not in _FIGURE_LABELS:
            continue
        clause_start = max(text.rfind(c, 0, ent.start_char) for c in "，,。；;！？!?\n") + 1
        clause = text[clause_start : ent.start_char]
        share = _SHARE_OF.search(clause) if ent.label_ == "PERCENT" else None
        if share:
            attribute = share.group(1)
        else:
            end = clause_start + len(_LINKING_WORDS.sub("", clause))
            words = noun_phrase(text, end, window=10, max_words=3)
            attribute = "".join(w.word for w in words)
        if len(attribute) >= 2:
            article = article_of(articles, ent.start_char)
            found.append(
                Relation("FIGURE_OF", (ent.start_char, ent.end_char), None, article, attribute)
            )
    return found
