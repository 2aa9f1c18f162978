"""The Result: tidy DataFrames of mentions, entities, relations, articles and errors, and export.

Every offset is into the raw page as read, so ``raw[start:end]`` is the row's text. The columns
are in :mod:`pinghu_nlp.schemas`, a page's rows come from :mod:`pinghu_nlp.rows` and
:mod:`pinghu_nlp.assemble`; here they become the :class:`Result`, its exports, SQL and display.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc

from .assemble import (
    ColumnRows,
    article_date,
    entity_frame,
    link_draft,
    page_draft,
    page_rows,
    resolve_title_references,
)
from .events import GIVEN_UP
from .extensions import doc_text
from .link import EntityRegistry
from .recognise.titles import decompose_title
from .rows import PageDraft, PageRows, article_id
from .schemas import (
    ARTICLE_COLUMNS,
    CAREER_COLUMNS,
    ENTITY_COLUMNS,
    ERROR_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    PAGE_TABLES,
    PRONOUN_COLUMNS,
    RELATION_COLUMNS,
    TITLE_HISTORY_COLUMNS,
    arrow_table,
    typed_frame,
)

__all__ = [  # the Result's own, then the names kept importable from here since the split
    "Result",
    "AtomicFile",
    "careers",
    "query",
    "render",
    "rows_result",
    "tabulate",
    "ARTICLE_COLUMNS",
    "CAREER_COLUMNS",
    "ENTITY_COLUMNS",
    "ERROR_COLUMNS",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "PAGE_TABLES",
    "PRONOUN_COLUMNS",
    "RELATION_COLUMNS",
    "TITLE_HISTORY_COLUMNS",
    "ColumnRows",
    "PageDraft",
    "PageRows",
    "arrow_table",
    "article_date",
    "article_id",
    "entity_frame",
    "link_draft",
    "page_draft",
    "page_rows",
    "resolve_title_references",
    "typed_frame",
]


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
