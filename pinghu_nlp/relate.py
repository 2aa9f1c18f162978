"""Relations between mentions: who holds which title, who wrote which article.

``HOLDS_TITLE`` links a person to a title when the text puts them together: the title right
before the name (``市委书记仲旭东``), a chain of titles before one name
(``市委常委、市纪委书记、市监委主任崔加晶``), ``市领导`` before a list of names or after one
(``…毛捷等市领导``), a byline role and its names, or a name then a comma and its title
(``周军波，市长``). A title standing alone refers to the last person in the article who held
the same title. ``AUTHORED`` links each byline name to its article.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .articles import Article

_LIST_GLUE = ("、", "和", "与", "及", " ", "，", ",")
_COLLECTIVE_TITLES = ("市领导", "县领导", "区领导", "镇领导", "省领导", "市级领导")


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


@Language.component("pinghu_relations")
def mark_relations(doc: Doc) -> Doc:
    """Pipeline stage: ``doc._.relations`` from the entities and the articles."""
    articles = [Article.from_dict(a) for a in doc._.articles or []]
    relations = title_holders(doc, articles) + authors(articles)
    doc._.relations = [r.to_dict() for r in relations]
    return doc


def article_of(articles: list[Article], position: int) -> int:
    """Number of the article that contains a clean-text position (0 if none)."""
    return next((a.number for a in articles if a.start <= position < a.end), 0)


def title_holders(doc: Doc, articles: list[Article]) -> list[Relation]:
    """``HOLDS_TITLE`` relations of a page, each person → title once per place in the text."""
    ents = list(doc.ents)
    relations: list[Relation] = []
    last_holder: dict[tuple[int, str], tuple[int, int]] = {}
    for index, title in enumerate(ents):
        if title.label_ != "TITLE":
            continue
        holders = _holders_of(doc.text, ents, index)
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
        names = _list_from(text, ents, following)
        if title.text in _COLLECTIVE_TITLES or title._.source == "byline":
            return names
        return names[:1]
    if title.text in _COLLECTIVE_TITLES and text[title.start_char - 1 : title.start_char] == "等":
        return _list_before(text, ents, index)
    previous = ents[index - 1] if index else None
    if previous is not None and previous.label_ == "PERSON":
        gap = text[previous.end_char : title.start_char]
        if gap in ("", "，", ","):  # 习近平总书记; 周军波，市长
            return [(previous.start_char, previous.end_char)]
    return []


def _chain_end(text: str, ents: list[Span], index: int) -> int | None:
    """Index of the entity right after a title or after the chain of titles it starts."""
    current = index
    while current + 1 < len(ents):
        gap = text[ents[current].end_char : ents[current + 1].start_char]
        if gap in ("", ":", "：") or (ents[current]._.source == "byline" and gap.isspace()):
            return current + 1
        if gap == "、" and ents[current + 1].label_ == "TITLE":
            current += 1
            continue
        return None
    return None


def _list_from(text: str, ents: list[Span], first: int) -> list[tuple[int, int]]:
    """A name and the names listed after it (``周军波、吴金华、何健``)."""
    names = [(ents[first].start_char, ents[first].end_char)]
    current = first
    while current + 1 < len(ents) and ents[current + 1].label_ == "PERSON":
        gap = text[ents[current].end_char : ents[current + 1].start_char]
        if gap not in _LIST_GLUE:
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
        for byline in article.bylines
        for _, span in byline.names
    ]
