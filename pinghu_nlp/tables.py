"""The Result: tidy DataFrames of mentions, entities, relations, articles and errors, and export.

Every offset is into the raw page as read, so ``raw[start:end]`` is the row's text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
from spacy.tokens import Doc

from .articles import Article, doc_articles
from .events import GIVEN_UP, KINDS
from .extensions import doc_text, required
from .layout import CleanText
from .link import EntityRegistry, canonical_names, pronoun_antecedents, title_kind
from .recognise import LABELS
from .recognise.titles import decompose_title
from .relate import article_of
from .values import figure_value, resolve_date

MENTION_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "label": pd.CategoricalDtype(LABELS),
    "entity_id": "string",
    "name": "string",
    "source": "string",
    "value": "float64",
    "value_high": "float64",
    "unit": "string",
    "approx": "string",
    "date_start": "datetime64[ns]",
    "date_end": "datetime64[ns]",
    "granularity": "string",
    "title_org": "string",
    "title_role": "string",
    "title_norm": "string",
    "refers_to": "string",
}
ENTITY_COLUMNS = {
    "entity_id": "string",
    "name": "string",
    "label": pd.CategoricalDtype(LABELS),
    "aliases": "object",
    "titles": "object",
    "n_mentions": "Int64",
    "n_articles": "Int64",
    "n_docs": "Int64",
    "first_date": "datetime64[ns]",
    "last_date": "datetime64[ns]",
}
RELATION_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "head_id": "string",
    "head": "string",
    "relation": "category",
    "tail_id": "string",
    "tail": "string",
    "start": "Int64",
    "end": "Int64",
    "date": "datetime64[ns]",
    "evidence": "string",
}
ARTICLE_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "kind": "category",
    "headline": "string",
    "byline": "string",
    "dateline": "string",
    "issue_date": "datetime64[ns]",
    "start": "Int64",
    "end": "Int64",
}
PRONOUN_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "entity_id": "string",
    "name": "string",
}
EVENT_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "kind": pd.CategoricalDtype(KINDS),
    "entity_id": "string",
    "person": "string",
    "title": "string",
    "title_norm": "string",
    "kept_title": "string",
    "body": "string",
    "verb": "string",
    "date": "datetime64[ns]",
    "evidence": "string",
    "start": "Int64",
    "end": "Int64",
}
CAREER_COLUMNS = {
    "entity_id": "string",
    "name": "string",
    "title": "string",
    "start": "datetime64[ns]",
    "start_by": "string",
    "end": "datetime64[ns]",
    "end_by": "string",
    "n_events": "Int64",
    "n_seen": "Int64",
}
ERROR_COLUMNS = {"source": "string", "reason": "string", "severity": "category"}
PAGE_TABLES = {
    "mentions": MENTION_COLUMNS,
    "relations": RELATION_COLUMNS,
    "articles": ARTICLE_COLUMNS,
    "pronouns": PRONOUN_COLUMNS,
    "events": EVENT_COLUMNS,
}
"""The tables whose rows come page by page (entities come from the registry)."""
TITLE_HISTORY_COLUMNS = {
    "title": "string",
    "entity_id": "string",
    "name": "string",
    "first_seen": "datetime64[ns]",
    "last_seen": "datetime64[ns]",
    "n_docs": "Int64",
    "start": "datetime64[ns]",
    "start_by": "string",
    "end": "datetime64[ns]",
    "end_by": "string",
}


def typed_frame(rows: list[dict], columns: dict) -> pd.DataFrame:
    """A DataFrame with exactly these columns, in this order, with these dtypes."""
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


@dataclass
class Result:
    """The tables of one extraction run, joined by ``doc_id``, ``article_id`` and ``entity_id``."""

    mentions: pd.DataFrame
    entities: pd.DataFrame
    relations: pd.DataFrame
    articles: pd.DataFrame
    errors: pd.DataFrame
    pronouns: pd.DataFrame
    events: pd.DataFrame
    registry: EntityRegistry = field(default_factory=EntityRegistry, repr=False)
    docs: list[Doc] = field(default_factory=list, repr=False)
    """The processed Docs, in page order, when ``extract(..., keep_docs=True)`` kept them
    (a long page's parts each a Doc); empty otherwise."""

    TABLES = ("mentions", "entities", "relations", "articles", "pronouns", "events", "errors")

    def title_history(self) -> pd.DataFrame:
        """One row per (normalised title, person): who held which title when (HOLDS_TITLE rows),
        with the tenure's start and end from :meth:`careers` (posts given or given up by an event
        but never seen held have a row too, with ``n_docs`` 0)."""
        holds = self.relations[self.relations["relation"] == "HOLDS_TITLE"].copy()
        holds["title"] = holds["tail"].map(lambda t: decompose_title(t)[2])
        dates = self.articles.drop_duplicates("doc_id").set_index("doc_id")["issue_date"]
        rows = []
        for (title, entity_id, name), group in holds.groupby(["title", "head_id", "head"]):
            seen = group["doc_id"].map(dates).dropna()
            rows.append(
                {
                    "title": title,
                    "entity_id": entity_id,
                    "name": name,
                    "first_seen": seen.min() if len(seen) else pd.NaT,
                    "last_seen": seen.max() if len(seen) else pd.NaT,
                    "n_docs": group["doc_id"].nunique(),
                }
            )
        seen = typed_frame(rows, TITLE_HISTORY_COLUMNS).drop(
            columns=["start", "start_by", "end", "end_by"]
        )
        tenure = self.careers().drop(columns=["n_events", "n_seen"])
        history = seen.merge(tenure, on=["title", "entity_id", "name"], how="outer")
        history["n_docs"] = history["n_docs"].fillna(0)
        return history[list(TITLE_HISTORY_COLUMNS)].astype(TITLE_HISTORY_COLUMNS)

    def careers(self) -> pd.DataFrame:
        """One row per person and normalised title: when the tenure started and ended, and how
        each end is known: ``event`` (an appointment, election, removal, resignation) or ``seen``
        (the first or last date the person was written holding it)."""
        return careers(self.events, self.relations)

    def duckdb(self, connection=None):
        """A DuckDB connection with every table registered as a view, for SQL over the result."""
        import duckdb

        connection = connection or duckdb.connect()
        for name in self.TABLES:
            connection.register(name, getattr(self, name))
        return connection

    def to_parquet(self, directory: str | Path) -> None:
        """One Parquet file per table in ``directory``."""
        self._write(directory, ".parquet", lambda df, path: df.to_parquet(path, index=False))

    def to_csv(self, directory: str | Path) -> None:
        """One UTF-8 CSV per table; list columns joined with ``|``."""
        self._write(directory, ".csv", lambda df, path: _flat(df).to_csv(path, index=False))

    def to_jsonl(self, directory: str | Path) -> None:
        """One JSON Lines file per table."""
        self._write(
            directory,
            ".jsonl",
            lambda df, path: df.to_json(
                path, orient="records", lines=True, force_ascii=False, date_format="iso"
            ),
        )

    def to_excel(self, path: str | Path) -> None:
        """One workbook, a sheet per table."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with AtomicFile(path) as temporary, pd.ExcelWriter(temporary, engine="openpyxl") as writer:
            for name in self.TABLES:
                _flat(getattr(self, name)).to_excel(writer, sheet_name=name, index=False)

    def _write(self, directory: str | Path, suffix: str, write) -> None:
        """Write each table to ``directory/<table><suffix>``, each file complete or absent."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name in self.TABLES:
            with AtomicFile(directory / f"{name}{suffix}") as temporary:
                write(getattr(self, name), temporary)


class AtomicFile:
    """A temporary file beside ``path`` that replaces it only when the block succeeds, with the
    permissions the umask gives a new file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> str:
        handle, self.temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=self.path.suffix
        )
        os.close(handle)
        return self.temporary

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            os.chmod(self.temporary, 0o666 & ~_umask())  # mkstemp's 0600 would ignore the umask
            os.replace(self.temporary, self.path)
        elif os.path.exists(self.temporary):
            os.remove(self.temporary)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet would run as a formula starts (OWASP, CSV injection)."""


def _umask() -> int:
    """The process's umask (read by setting it, then set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """List and dict cells as text, and text that would start a formula escaped with a leading
    ``'`` (``=HYPERLINK(…)`` is written ``'=HYPERLINK(…)``), for CSV and Excel."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(
                lambda v: "|".join(map(str, v)) if isinstance(v, list | tuple | set) else v
            )
        if frame[column].dtype == object or isinstance(frame[column].dtype, pd.StringDtype):
            frame[column] = frame[column].map(_no_formula, na_action="ignore")
    return frame


def _no_formula(value: object) -> object:
    """A text cell that would start a formula, with ``'`` before it; anything else as it is."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def article_id(doc_id: str, number: int) -> str:
    """The id of an article: the page's id and the article's number on it."""
    return f"{doc_id}#{number}"


def _article_id(doc: Doc, number: int) -> str:
    """The id of a Doc's article ``number``, numbered on from the page's earlier parts for a part
    of a long page."""
    return article_id(doc._.doc_id, number + doc._.article_base)


def tabulate(
    docs: Iterable[Doc],
    errors: Iterable[tuple[str, str, str]] = (),
    registry: EntityRegistry | None = None,
) -> Result:
    """The Result of processed docs; ``registry`` (from earlier runs) is extended, not replaced.

    ``errors`` are ``(source, reason, severity)``: "error" for a page not processed, "warning"
    for one processed with a caveat (decoded from GB18030).
    """
    registry = registry if registry is not None else EntityRegistry()
    rows = PageRows()
    for doc in docs:
        rows.extend(page_rows(doc, registry))
    return rows_result(rows, errors, registry)


def rows_result(
    rows: PageRows | ColumnRows,
    errors: Iterable[tuple[str, str, str]],
    registry: EntityRegistry,
    docs: list[Doc] | None = None,
) -> Result:
    """The Result of pages already made into ``rows`` (their people in ``registry``, their
    title references resolved page by page): entities from the registry (see :func:`tabulate`)."""
    return Result(
        **rows.frames(),
        entities=entity_frame(registry),
        errors=typed_frame(
            [dict(zip(ERROR_COLUMNS, error, strict=True)) for error in errors], ERROR_COLUMNS
        ),
        registry=registry,
        docs=docs if docs is not None else [],
    )


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


def arrow_table(rows: list[dict], columns: dict) -> pa.Table:
    """Rows as :func:`typed_frame` would type them, as an Arrow table with the schema and pandas
    metadata ``pyarrow.Table.from_pandas(typed_frame(rows, columns), preserve_index=False)``
    gives (so ``pandas.read_parquet`` reads back the same DataFrame)."""
    schema, pandas_metadata = _arrow_schema(tuple(columns.items()))
    arrays, categories = [], {}
    for column, dtype in columns.items():
        values = [row.get(column) for row in rows]
        if dtype == "category" or isinstance(dtype, pd.CategoricalDtype):
            arrays.append(_category_array(values, dtype))
            categories[column] = len(arrays[-1].dictionary)
        else:
            arrays.append(_typed_array(values, dtype, schema.field(column).type))
    metadata = pandas_metadata
    if categories:  # the number of categories of each category column is the page's own
        described = json.loads(pandas_metadata)
        for entry in described["columns"]:
            if entry["name"] in categories:
                entry["metadata"]["num_categories"] = categories[entry["name"]]
                entry["numpy_type"] = str(_indices_type(categories[entry["name"]]))
        metadata = json.dumps(described).encode()
    fields = [
        pa.field(c, a.type) if isinstance(a.type, pa.DictionaryType) else schema.field(c)
        for c, a in zip(columns, arrays, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata={b"pandas": metadata}))


@cache
def _arrow_schema(columns: tuple[tuple[str, object], ...]) -> tuple[pa.Schema, bytes]:
    """The schema and pandas metadata ``from_pandas`` gives a typed frame of these columns."""
    empty = pa.Table.from_pandas(typed_frame([], dict(columns)), preserve_index=False)
    return empty.schema, empty.schema.metadata[b"pandas"]


def _indices_type(categories: int) -> pa.DataType:
    """The integer type pandas gives the codes of a categorical of this many categories."""
    for bits, kind in ((8, pa.int8()), (16, pa.int16()), (32, pa.int32())):
        if categories < 2 ** (bits - 1) - 1:
            return kind
    return pa.int64()


def _category_array(values: list, dtype) -> pa.DictionaryArray:
    """A category column: the dtype's categories, or the sorted values (pandas' ``category``)."""
    if isinstance(dtype, pd.CategoricalDtype):
        categories = list(dtype.categories)
    else:
        categories = sorted({v for v in values if v is not None and v == v})
    code = {c: i for i, c in enumerate(categories)}
    indices = pa.array([code.get(v) for v in values], _indices_type(len(categories)))
    return pa.DictionaryArray.from_arrays(indices, pa.array(categories, pa.large_string()))


def _typed_array(values: list, dtype, kind: pa.DataType) -> pa.Array:
    """A column of ``values`` as ``Series(values).astype(dtype)`` then Arrow would give it."""
    try:
        if kind == pa.timestamp("ns"):
            present = {type(v) for v in values if v is not None}
            if present <= {dt.date}:
                return pa.array(values, pa.date32()).cast(kind)
        else:
            return pa.array(values, kind, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    return pa.array(pd.Series(values, dtype=object).astype(dtype), kind, from_pandas=True)


def page_rows(doc: Doc, registry: EntityRegistry) -> PageRows:
    """A processed page's rows; its people and titles go into ``registry``, and its title
    references are resolved against it (:func:`resolve_title_references`). Batch and in-memory
    runs both call this (or its two halves, :func:`page_draft` in a worker process and
    :func:`link_draft` in the parent), page by page in input order, so their tables are the same."""
    return link_draft(page_draft(doc), registry)


@dataclass
class PageDraft:
    """A page's rows before the run-wide registry is asked: everything :func:`page_rows` makes
    from the Doc alone (text, offsets into the whole page, names, values, article ids), plain
    and picklable, so a worker process makes it and sends it instead of the Doc.

    ``rows`` has ``None`` for every entity id; ``kinds`` is the clash rule's title kind of each
    mention, in order; ``links`` says where each id goes, ``(table, row, column, mention)``; and
    ``titles``, ``(mention, normalised title)``, the posts the page says its people hold, in the
    order the registry learns them. :func:`link_draft` fills them in."""

    rows: PageRows
    issue_date: str | None = None
    kinds: list[str] = field(default_factory=list)
    links: list[tuple[str, int, str, int]] = field(default_factory=list)
    titles: list[tuple[int, str]] = field(default_factory=list)


def page_draft(doc: Doc) -> PageDraft:
    """The registry-free half of :func:`page_rows` (see :class:`PageDraft`)."""
    clean = CleanText(doc_text(doc), tuple(required(doc, "raw_index", "the tables")))
    articles = doc_articles(doc, "the tables")
    names = canonical_names(doc)
    draft = PageDraft(PageRows(), issue_date=doc._.issue_date)
    ids = _mention_rows(doc, clean, articles, names, draft)
    draft.rows.relations = _relation_rows(doc, clean, names, ids, draft)
    draft.rows.pronouns = _pronoun_rows(doc, clean, articles, names, ids, draft)
    draft.rows.events = _event_rows(doc, clean, names, ids, draft)
    draft.rows.articles = [_article_row(doc, clean, a) for a in articles]
    if doc._.offset:  # a part of a long page: offsets into the whole page
        for name in PAGE_TABLES:
            for row in getattr(draft.rows, name):
                row["start"] += doc._.offset
                row["end"] += doc._.offset
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


def _mention_rows(
    doc: Doc,
    clean: CleanText,
    articles: list[Article],
    names: dict[tuple[int, int], str],
    draft: PageDraft,
) -> dict[tuple[int, int], int]:
    """Add a page's mention rows (and their title kinds) to the draft and return the mention
    number of each mention span."""
    kinds = _title_kinds(clean.text, doc._.relations or [], names)
    date = doc._.issue_date
    ids: dict[tuple[int, int], int] = {}
    for ent in doc.ents:
        span = (ent.start_char, ent.end_char)
        start, end = clean.to_raw(*span)
        aid = _article_id(doc, article_of(articles, ent.start_char))
        name, text = names[span], doc._.raw[start:end]
        draft.kinds.append(kinds.get(name, "") if ent.label_ == "PERSON" else "")
        ids[span] = len(draft.rows.mentions)
        draft.rows.mentions.append(
            {
                "doc_id": doc._.doc_id,
                "article_id": aid,
                "start": start,
                "end": end,
                "text": text,
                "label": ent.label_,
                "entity_id": None,
                "name": name,
                "source": ent._.source,
                "issue_date": date,
                **_normalised(clean.text, ent.start_char, ent.end_char, ent.label_, date),
            }
        )
    return ids


def _pronoun_rows(
    doc: Doc, clean: CleanText, articles: list[Article], names: dict, ids: dict, draft: PageDraft
) -> list[dict]:
    """One row per 他/她 linked to the person it most likely refers to."""
    rows = []
    for start, end, person in pronoun_antecedents(doc):
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


def _relation_rows(doc, clean, names, ids, draft: PageDraft) -> list[dict]:
    """Rows of ``doc._.relations`` with names, raw offsets, date and evidence; where the entity
    ids go, and the titles held, into the draft."""
    rows = []
    dates = {a.number: article_date(a.dateline, doc._.issue_date) for a in doc_articles(doc)}
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
                draft.titles.append((ids[head], decompose_title(tail_name)[2]))
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


def _event_rows(doc: Doc, clean: CleanText, names: dict, ids: dict, draft: PageDraft) -> list[dict]:
    """Rows of ``doc._.events`` with the date, evidence and raw offsets; a post given (appointed,
    elected, acting) is a title the person holds (into the draft, for the registry)."""
    dates = {a.number: article_date(a.dateline, doc._.issue_date) for a in doc_articles(doc)}
    rows = []
    for event in doc._.events or []:
        person = tuple(event["person"])
        start, end = clean.to_raw(event["start"], event["end"])
        title_norm = decompose_title(event["title"])[2]
        if person in ids:
            draft.links.append(("events", len(rows), "entity_id", ids[person]))
            if event["kind"] in ("APPOINTED", "ELECTED", "ACTING"):
                draft.titles.append((ids[person], title_norm))
        rows.append(
            {
                "doc_id": doc._.doc_id,
                "article_id": _article_id(doc, event["article"]),
                "kind": event["kind"],
                "entity_id": None,
                "person": names.get(person, clean.text[slice(*person)]),
                "title": event["title"],
                "title_norm": title_norm,
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


def careers(events: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """:meth:`Result.careers` from an events and a relations table (a batch folder's too)."""
    marks = []  # (entity_id, name, title, date, side, how): side start/end/seen
    for row in events.itertuples():
        if row.kind == "NOMINATED":
            continue  # a candidacy, not a tenure
        side = "end" if row.kind in GIVEN_UP else "start"
        marks.append((row.entity_id, row.person, row.title_norm, row.date, side))
        if isinstance(row.kept_title, str) and row.kept_title:
            marks.append(
                (row.entity_id, row.person, decompose_title(row.kept_title)[2], row.date, "seen")
            )
    holds = relations[relations["relation"] == "HOLDS_TITLE"]
    for row in holds.itertuples():
        marks.append((row.head_id, row.head, decompose_title(row.tail)[2], row.date, "seen"))
    frame = pd.DataFrame(marks, columns=["entity_id", "name", "title", "date", "side"])
    rows = []
    for (entity_id, name, title), group in frame.groupby(
        ["entity_id", "name", "title"], dropna=False
    ):
        dated = group.dropna(subset=["date"])
        row = {"entity_id": entity_id, "name": name, "title": title}
        row.update(_career_end(dated[dated.side != "end"], "start", min))  # no start from an end
        row.update(_career_end(dated, "end", max))
        row["n_events"] = int((group.side != "seen").sum())
        row["n_seen"] = int((group.side == "seen").sum())
        rows.append(row)
    return typed_frame(rows, CAREER_COLUMNS).sort_values(["name", "start"], ignore_index=True)


def _career_end(marks: pd.DataFrame, side: str, pick) -> dict:
    """The date of one end of a tenure and ``event`` or ``seen`` (an event wins a tie)."""
    if marks.empty:
        return {side: pd.NaT, f"{side}_by": ""}
    date = pick(marks["date"])
    by_event = ((marks["date"] == date) & (marks["side"] == side)).any()
    return {side: date, f"{side}_by": "event" if by_event else "seen"}


def article_date(dateline: str, issue_date: str | None) -> dt.date | None:
    """When an article's events happened: its dateline's date (``本报讯7月29日上午``), else the
    issue date."""
    written = dateline.removeprefix("本报讯").strip()
    issue = dt.date.fromisoformat(issue_date) if issue_date else None
    resolved = resolve_date(written, issue).start if written else None
    return resolved or issue


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


def query(directory: str | Path, sql: str) -> pd.DataFrame:
    """Run SQL over the Parquet tables in ``directory`` (``to_parquet`` or a batch folder).

    >>> query("out", "SELECT tail, count(*) FROM relations WHERE head = '仲旭东' GROUP BY tail")
    """
    import duckdb

    connection = duckdb.connect()
    directory = Path(directory)
    for name in Result.TABLES:
        if (directory / f"{name}.parquet").exists():
            files = directory / f"{name}.parquet"
        elif any((directory / name).glob("*.parquet")):
            files = directory / name / "*.parquet"  # a batch folder: one part per page
        else:
            continue
        location = str(files).replace("'", "''")
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{location}')")
    return connection.execute(sql).df()


LABEL_COLOURS = {
    "PERSON": "#f6c177",
    "TITLE": "#eb6f92",
    "ORG": "#9ccfd8",
    "LOC": "#a3be8c",
    "DATE": "#c4a7e7",
    "MONEY": "#ebcb8b",
    "PERCENT": "#d08770",
    "QUANTITY": "#88c0d0",
}
"""Our labels' colours in displaCy."""


def render(doc: Doc, article: int | None = None, jupyter: bool | None = None) -> str:
    """HTML of a page (or one of its articles, by number) with entities highlighted (displaCy)."""
    from spacy import displacy

    start, end = 0, len(doc_text(doc))
    if article is not None:
        found = next(a for a in doc._.articles or [] if a["number"] == article)
        start, end = found["start"], found["end"]
    ents = [
        {"start": e.start_char - start, "end": e.end_char - start, "label": e.label_}
        for e in doc.ents
        if start <= e.start_char and e.end_char <= end
    ]
    page = {"text": doc_text(doc)[start:end], "ents": ents, "title": doc._.doc_id}
    options = {"colors": LABEL_COLOURS, "ents": list(LABEL_COLOURS)}
    return displacy.render(page, style="ent", manual=True, options=options, jupyter=jupyter)
