"""A page's rows, complete: the Doc-level linking and values around :mod:`pinghu_nlp.rows`'
plain rows (:func:`page_draft`, in a worker process or not), then the run's registry
(:func:`link_draft`: entity ids, titles held, title references), and the rows of many pages
collected as typed columns (:class:`ColumnRows`) with the registry's entities
(:func:`entity_frame`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from spacy.tokens import Doc

from .articles import doc_articles
from .extensions import doc_text, required
from .layout import CleanText
from .link import EntityRegistry, canonical_names, pronoun_antecedents, title_kind
from .recognise.titles import decompose_title
from .rows import PageDraft, PageRows, draft_rows
from .schemas import ENTITY_COLUMNS, PAGE_TABLES, typed_frame
from .values import figure_value, resolve_date


def page_rows(doc: Doc, registry: EntityRegistry) -> PageRows:
    """A processed page's rows; its people and titles go into ``registry``, and its title
    references are resolved against it (:func:`resolve_title_references`). Batch and in-memory
    runs both call this (or its two halves, :func:`page_draft` in a worker process and
    :func:`link_draft` in the parent), page by page in input order, so their tables are the same."""
    return link_draft(page_draft(doc), registry)


def page_draft(doc: Doc) -> PageDraft:
    """The registry-free half of :func:`page_rows` (see :class:`~pinghu_nlp.rows.PageDraft`):
    the page's canonical names, pronouns and article dates, its rows
    (:func:`~pinghu_nlp.rows.draft_rows`), then their values, title kinds and normalised titles."""
    clean = CleanText(doc_text(doc), tuple(required(doc, "raw_index", "the tables")))
    articles = doc_articles(doc, "the tables")
    names = canonical_names(doc)
    dates = {a.number: article_date(a.dateline, doc._.issue_date) for a in articles}
    draft = draft_rows(doc, clean, articles, names, pronoun_antecedents(doc), dates)
    kinds = _title_kinds(clean.text, doc._.relations or [], names)
    for ent, row in zip(doc.ents, draft.rows.mentions, strict=True):
        draft.kinds.append(kinds.get(row["name"], "") if ent.label_ == "PERSON" else "")
        row.update(
            _normalised(clean.text, ent.start_char, ent.end_char, ent.label_, draft.issue_date)
        )
    for row in draft.rows.events:
        row["title_norm"] = decompose_title(row["title"])[2]
    draft.titles = [(mention, decompose_title(title)[2]) for mention, title in draft.titles]
    return draft


def link_draft(draft: PageDraft, registry: EntityRegistry) -> PageRows:
    """The registry half of :func:`page_rows`: the draft's mentions counted in ``registry`` (in
    page order) and their ids filled in, its people's titles recorded, its title references
    resolved. Call it page by page in input order; the draft's rows are filled in place."""
    rows = draft.rows
    ids = []
    for row, kind in zip(rows.mentions, draft.kinds, strict=True):
        fields = (row[c] for c in ("label", "name", "text", "doc_id", "article_id"))
        row["entity_id"] = registry.add_mention(*fields, draft.issue_date, kind)
        ids.append(row["entity_id"])
    for table, number, column, mention in draft.links:
        getattr(rows, table)[number][column] = ids[mention]
    for mention, title in draft.titles:
        registry.add_title(ids[mention], title, draft.issue_date)
    resolve_title_references(rows.mentions, rows.relations, registry)
    return rows


def _title_kinds(text: str, relations: list[dict], names: dict) -> dict[str, str]:
    """Per person name on a page: press, office or no title (for the registry's clash rule)."""
    titles: dict[str, set[str]] = {}
    for relation in relations:
        if relation["relation"] == "HOLDS_TITLE":
            person = names.get(tuple(relation["head"]))
            titles.setdefault(person, set()).add("".join(text[slice(*relation["tail"])].split()))
    return {name: title_kind(found) for name, found in titles.items()}


def resolve_title_references(
    mentions: list[dict], relations: list[dict], registry: EntityRegistry
) -> None:
    """Fill ``refers_to`` of a page's TITLE mentions (the page's rows, after its titles went into
    ``registry``): a title that no one holds on the page refers to the person ``registry`` knows
    held it (normalised) around the issue date, else to its most mentioned holder. The registry
    then knows this page, the pages before it in the run (its earlier parts, for a long page) and
    earlier runs, never a later page: one streaming pass, as a batch can do it and resume it."""
    held = {(r["doc_id"], r["tail"]) for r in relations if r["relation"] == "HOLDS_TITLE"}
    for row in mentions:
        if row["label"] != "TITLE" or (row["doc_id"], "".join(row["text"].split())) in held:
            continue
        row["refers_to"] = registry.holder_of(row["title_norm"], row.pop("issue_date", None))
    for row in mentions:
        row.pop("issue_date", None)


def _normalised(text: str, start: int, end: int, label: str, issue_date: str | None) -> dict:
    """The value columns of a mention: figures, dates and title parts (empty for other labels)."""
    if label in ("MONEY", "PERCENT", "QUANTITY"):
        figure = figure_value(text, start, end, label)
        return {
            "value": figure.value,
            "value_high": figure.high,
            "unit": figure.unit,
            "approx": figure.approx,
        }
    if label == "DATE":
        issue = dt.date.fromisoformat(issue_date) if issue_date else None
        date = resolve_date(text[start:end], issue)
        return {
            "date_start": _timestamp(date.start),
            "date_end": _timestamp(date.end),
            "granularity": date.granularity,
        }
    if label == "TITLE":
        organisation, role, normalised = decompose_title("".join(text[start:end].split()))
        return {"title_org": organisation, "title_role": role, "title_norm": normalised}
    return {}


def _timestamp(day: dt.date | None) -> dt.date | None:
    """A date pandas can hold as a timestamp (1678–2261); None outside (14世纪)."""
    return day if day and pd.Timestamp.min.date() < day < pd.Timestamp.max.date() else None


def article_date(dateline: str, issue_date: str | None) -> dt.date | None:
    """When an article's events happened: its dateline's date (``本报讯7月29日上午``), else the
    issue date."""
    written = dateline.removeprefix("本报讯").strip()
    issue = dt.date.fromisoformat(issue_date) if issue_date else None
    resolved = resolve_date(written, issue).start if written else None
    return resolved or issue


class ColumnRows:
    """The rows of many pages, for ``extract()``, which adds each page's rows as it is done.

    The rows of the last :attr:`CHUNK_PAGES` pages are kept by column (a list per column of each
    table: a reference per cell, not a dict per row); then they become typed columns (numbers in
    arrays, text in Arrow strings: a fraction of Python's objects), so memory grows with the
    tables' own size, not with Python's rows. Title references come resolved from
    :func:`page_rows`, as in the batch.
    """

    CHUNK_PAGES = 50

    def __init__(self) -> None:
        self.columns = self._empty()
        self.chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in PAGE_TABLES}
        self.pages = 0

    @staticmethod
    def _empty() -> dict[str, dict[str, list]]:
        return {name: {c: [] for c in columns} for name, columns in PAGE_TABLES.items()}

    def add(self, rows: PageRows) -> None:
        """Append one page's rows (a column a row has no key for gets None); a text the page
        repeats (an article id, a name, the sentence of several relations) is kept once."""
        texts: dict[str, str] = {}
        for name, columns in self.columns.items():
            table = getattr(rows, name)
            for column, values in columns.items():
                cells = (row.get(column) for row in table)
                values.extend([texts.setdefault(v, v) if type(v) is str else v for v in cells])
        self.pages += 1
        if self.pages % self.CHUNK_PAGES == 0:
            self._to_chunks()

    def _to_chunks(self) -> None:
        """The rows kept as lists become typed columns (``category`` columns stay text: their
        categories come from the whole table at the end)."""
        for name, columns in PAGE_TABLES.items():
            lists = self.columns[name]
            data = {}
            for column, dtype in columns.items():
                values = pd.Series(lists.pop(column), dtype=object)
                data[column] = values if dtype == "category" else values.astype(dtype)
            self.chunks[name].append(pd.DataFrame(data, columns=list(columns)))
        self.columns = self._empty()

    def frames(self) -> dict[str, pd.DataFrame]:
        """Each table as a DataFrame with its columns and dtypes (as :meth:`PageRows.frames`)."""
        self._to_chunks()
        frames = {}
        for name, columns in PAGE_TABLES.items():
            chunks, self.chunks[name] = self.chunks[name], []
            frame = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
            frames[name] = frame.astype(columns)
        return frames


def entity_frame(registry: EntityRegistry) -> pd.DataFrame:
    rows = []
    for record in registry.records.values():
        dates = sorted(record.dates)
        rows.append(
            {
                "entity_id": record.entity_id,
                "name": record.name,
                "label": record.label,
                "aliases": sorted(record.aliases),
                "titles": sorted(record.titles),
                "n_mentions": record.n_mentions,
                "n_articles": len(record.articles),
                "n_docs": len(record.docs),
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
            }
        )
    return typed_frame(rows, ENTITY_COLUMNS)
