"""A processed page as plain row dicts: offsets into the raw page, names, article ids, evidence.

Row building only reads what it is given. The canonical names, the pronouns' antecedents and the
articles' dates come from the caller (:func:`pinghu_nlp.assemble.page_draft`), which also fills
in the value columns and normalised titles; entity ids are left ``None`` and where each goes is
noted in the draft for the registry (:func:`pinghu_nlp.assemble.link_draft`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
from spacy.tokens import Doc

from .articles import Article
from .layout import CleanText
from .relate import article_of
from .schemas import PAGE_TABLES, arrow_table, typed_frame

Span = tuple[int, int]
"""Clean-text offsets of a span, as the pipeline's annotations give them."""


@dataclass
class PageRows:
    """The rows one or more pages add to the per-mention tables."""

    mentions: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    pronouns: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    def extend(self, other: PageRows) -> None:
        for name in PAGE_TABLES:
            getattr(self, name).extend(getattr(other, name))

    def frames(self) -> dict[str, pd.DataFrame]:
        """Each table as a DataFrame with its columns and dtypes."""
        return {name: typed_frame(getattr(self, name), PAGE_TABLES[name]) for name in PAGE_TABLES}

    def arrow_tables(self) -> dict[str, pa.Table]:
        """Each table as the Arrow table ``pyarrow.Table.from_pandas`` makes of its
        :meth:`frames` DataFrame (columns, types and pandas metadata), built from the rows
        directly: a batch writes a page's tables in a fraction of pandas' time."""
        return {name: arrow_table(getattr(self, name), PAGE_TABLES[name]) for name in PAGE_TABLES}


@dataclass
class PageDraft:
    """A page's rows before the run-wide registry is asked: everything made from the Doc alone
    (text, offsets into the whole page, names, values, article ids), plain and picklable, so a
    worker process makes it and sends it instead of the Doc.

    ``rows`` has ``None`` for every entity id; ``kinds`` is the clash rule's title kind of each
    mention, in order; ``links`` says where each id goes, ``(table, row, column, mention)``; and
    ``titles``, ``(mention, normalised title)``, the posts the page says its people hold, in the
    order the registry learns them. :func:`draft_rows` fills ``rows`` and ``links`` and notes the
    ``titles`` as written; :func:`~pinghu_nlp.assemble.page_draft` adds ``kinds``, the values and
    the normalised titles; :func:`~pinghu_nlp.assemble.link_draft` fills in the ids."""

    rows: PageRows
    issue_date: str | None = None
    kinds: list[str] = field(default_factory=list)
    links: list[tuple[str, int, str, int]] = field(default_factory=list)
    titles: list[tuple[int, str]] = field(default_factory=list)


def article_id(doc_id: str, number: int) -> str:
    """The id of an article: the page's id and the article's number on it."""
    return f"{doc_id}#{number}"


def _article_id(doc: Doc, number: int) -> str:
    """The id of a Doc's article ``number``, numbered on from the page's earlier parts for a part
    of a long page."""
    return article_id(doc._.doc_id, number + doc._.article_base)


def draft_rows(
    doc: Doc,
    clean: CleanText,
    articles: list[Article],
    names: dict[Span, str],
    antecedents: list[tuple[int, int, Span]],
    dates: dict[int, dt.date | None],
) -> PageDraft:
    """A page's rows (no value columns, no title kinds, titles as written: see
    :class:`PageDraft`) from its Doc, clean text, articles, canonical name of each mention span,
    pronouns ``(start, end, person span)`` and each article's date (by article number)."""
    draft = PageDraft(PageRows(), issue_date=doc._.issue_date)
    ids = _mention_rows(doc, clean, articles, names, draft)
    draft.rows.relations = _relation_rows(doc, clean, names, ids, dates, draft)
    draft.rows.pronouns = _pronoun_rows(doc, clean, articles, names, ids, antecedents, draft)
    draft.rows.events = _event_rows(doc, clean, names, ids, dates, draft)
    draft.rows.articles = [_article_row(doc, clean, a) for a in articles]
    if doc._.offset:  # a part of a long page: offsets into the whole page
        for name in PAGE_TABLES:
            for row in getattr(draft.rows, name):
                row["start"] += doc._.offset
                row["end"] += doc._.offset
    return draft


def _mention_rows(
    doc: Doc,
    clean: CleanText,
    articles: list[Article],
    names: dict[Span, str],
    draft: PageDraft,
) -> dict[Span, int]:
    """Add a page's mention rows to the draft, one per ``doc.ents`` in order, and return the
    mention number of each mention span."""
    ids: dict[Span, int] = {}
    for ent in doc.ents:
        span = (ent.start_char, ent.end_char)
        start, end = clean.to_raw(*span)
        ids[span] = len(draft.rows.mentions)
        draft.rows.mentions.append(
            {
                "doc_id": doc._.doc_id,
                "article_id": _article_id(doc, article_of(articles, ent.start_char)),
                "start": start,
                "end": end,
                "text": doc._.raw[start:end],
                "label": ent.label_,
                "entity_id": None,
                "name": names[span],
                "source": ent._.source,
                "issue_date": doc._.issue_date,  # for the title references; then dropped
            }
        )
    return ids


def _pronoun_rows(
    doc: Doc,
    clean: CleanText,
    articles: list[Article],
    names: dict,
    ids: dict,
    antecedents: list[tuple[int, int, Span]],
    draft: PageDraft,
) -> list[dict]:
    """One row per 他/她 linked to the person it most likely refers to."""
    rows = []
    for start, end, person in antecedents:
        raw_start, raw_end = clean.to_raw(start, end)
        draft.links.append(("pronouns", len(rows), "entity_id", ids[person]))
        rows.append(
            {
                "doc_id": doc._.doc_id,
                "article_id": _article_id(doc, article_of(articles, start)),
                "start": raw_start,
                "end": raw_end,
                "text": doc._.raw[raw_start:raw_end],
                "entity_id": None,
                "name": names[person],
            }
        )
    return rows


def _relation_rows(doc, clean, names, ids, dates, draft: PageDraft) -> list[dict]:
    """Rows of ``doc._.relations`` with names, raw offsets, date and evidence; where the entity
    ids go, and the titles held (as written), into the draft."""
    rows = []
    for relation in doc._.relations or []:
        head = tuple(relation["head"])
        tail = tuple(relation["tail"]) if relation["tail"] else None
        aid = _article_id(doc, relation["article"])
        if tail:
            tail_name, tail_id = "".join(clean.text[slice(*tail)].split()), None
            if tail in ids:
                draft.links.append(("relations", len(rows), "tail_id", ids[tail]))
        else:
            tail_name, tail_id = relation["tail_text"], aid
        lo = min(head[0], tail[0]) if tail else head[0]
        hi = max(head[1], tail[1]) if tail else head[1]
        start, end = clean.to_raw(lo, hi)
        if head in ids:
            draft.links.append(("relations", len(rows), "head_id", ids[head]))
            if relation["relation"] == "HOLDS_TITLE":
                draft.titles.append((ids[head], tail_name))
        rows.append(
            {
                "doc_id": doc._.doc_id,
                "article_id": aid,
                "head_id": None,
                "head": names.get(head, clean.text[slice(*head)]),
                "relation": relation["relation"],
                "tail_id": tail_id,
                "tail": tail_name,
                "start": start,
                "end": end,
                "date": dates.get(relation["article"]),
                "evidence": _sentence(clean.text, lo, hi),
            }
        )
    return rows


def _event_rows(doc, clean, names, ids, dates, draft: PageDraft) -> list[dict]:
    """Rows of ``doc._.events`` with the date, evidence and raw offsets (``title_norm`` left for
    the caller); a post given (appointed, elected, acting) is a title the person holds (into the
    draft, as written, for the registry)."""
    rows = []
    for event in doc._.events or []:
        person = tuple(event["person"])
        start, end = clean.to_raw(event["start"], event["end"])
        if person in ids:
            draft.links.append(("events", len(rows), "entity_id", ids[person]))
            if event["kind"] in ("APPOINTED", "ELECTED", "ACTING"):
                draft.titles.append((ids[person], event["title"]))
        rows.append(
            {
                "doc_id": doc._.doc_id,
                "article_id": _article_id(doc, event["article"]),
                "kind": event["kind"],
                "entity_id": None,
                "person": names.get(person, clean.text[slice(*person)]),
                "title": event["title"],
                "title_norm": None,
                "kept_title": event["kept_title"],
                "body": event["body"],
                "verb": event["verb"],
                "date": dates.get(event["article"]),
                "evidence": _sentence(clean.text, event["start"], event["end"]),
                "start": start,
                "end": end,
            }
        )
    return rows


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a clean-text span."""
    left = max(text.rfind(c, 0, start) for c in "。！？!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in "。！？!?\n") if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def _article_row(doc: Doc, clean: CleanText, article: Article) -> dict:
    start, end = clean.to_raw(article.start, article.end)
    return {
        "doc_id": doc._.doc_id,
        "article_id": _article_id(doc, article.number),
        "kind": article.kind,
        "headline": article.headline,
        "byline": article.byline,
        "dateline": article.dateline,
        "issue_date": doc._.issue_date,
        "start": start,
        "end": end,
    }
