"""Batch runs into an output folder: Parquet written page by page, resumable, memory flat.

``run_batch(paths, out)`` writes ``out/<table>/<page hash>.parquet`` for mentions, relations,
articles and pronouns as each page is done, keeps the entity registry in ``out/registry.json``,
and writes ``out/entities.parquet`` and ``out/errors.parquet`` at the end (the errors of every
run into ``out``, each once). Every file appears complete or not at all. Run it again on the
same folder and the pages already done (by content hash, whatever their file name) are skipped,
and so is a second copy of a page within one run; after a crash, the pages done since the
registry was last saved are simply done again. A long page (``pages.page_parts``) is written as
``<hash>.parquet`` and ``<hash>.<n>.parquet`` per table, and counts as done with its last part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from spacy.language import Language

from .assemble import entity_frame, link_draft
from .link import EntityRegistry
from .pages import Page, PageError
from .pipeline import IssueDate, PageInput, batch_size_for, drafts, page_count, read_inputs
from .schemas import ENTITY_COLUMNS, ERROR_COLUMNS, PAGE_TABLES, typed_frame
from .tables import AtomicFile

REGISTRY_FILE = "registry.json"
SAVE_EVERY = 20
"""Pages between two saves of the registry (the work a crash can cost)."""


@dataclass
class BatchSummary:
    """What a batch run did."""

    processed: int = 0
    skipped: int = 0
    mentions: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return sum(1 for e in self.errors if e[2] == "error")


def run_batch(
    inputs: Iterable[PageInput],
    out: str | Path,
    issue_date: IssueDate = None,
    n_process: int = 1,
    progress: Callable[[object], None] | None = None,
    nlp: Language | None = None,
    batch_size: int | None = None,
) -> BatchSummary:
    """Process pages into ``out`` (see the module docstring) and say what was done; ``nlp``: a
    pipeline of the caller's instead of :func:`~pinghu_nlp.load`'s; ``batch_size``: pages a
    worker process takes at a time (default :func:`~pinghu_nlp.pipeline.batch_size_for` the
    pages given)."""
    if batch_size is None:
        batch_size = batch_size_for(page_count(inputs), n_process)
    out = Path(out)
    registry_path = out / REGISTRY_FILE
    registry = EntityRegistry.load(registry_path) if registry_path.exists() else EntityRegistry()
    summary = BatchSummary()
    processed: set[str] = set()  # sources processed in this run

    def pending() -> Iterator[Page | PageError]:
        first_source: dict[str, str] = {}  # content hash -> the page of this run that has it
        for page in read_inputs(inputs):
            if isinstance(page, Page) and page.content_hash in first_source:
                reason = f"same text as {first_source[page.content_hash]}, counted once"
                summary.errors.append((page.source, reason, "warning"))
                summary.skipped += 1
                if progress:
                    progress(page)
                continue
            if isinstance(page, Page):
                first_source[page.content_hash] = page.source
            if isinstance(page, Page) and _done(out, registry, page.content_hash):
                summary.skipped += 1
                if progress:
                    progress(page)
                continue
            yield page

    options = {"issue_date": issue_date, "n_process": n_process, "batch_size": batch_size}
    for item in drafts(pending(), nlp=nlp, **options):
        if progress and (isinstance(item, PageError) or item[0].part == item[0].parts - 1):
            progress(item)  # once per page, however many parts
        if isinstance(item, PageError):
            summary.errors.append((item.source, item.reason, "error"))
            continue
        page, draft = item  # the page's rows, made by a worker with n_process > 1
        rows = link_draft(draft, registry)
        _write_page(out, page, rows)
        summary.mentions += len(rows.mentions)
        if page.part < page.parts - 1:
            continue  # a long page counts as done with its last part
        registry.pages.add(page.content_hash)
        processed.add(page.source)
        summary.processed += 1
        if page.warning:
            summary.errors.append((page.source, page.warning, "warning"))
        if summary.processed % SAVE_EVERY == 0:
            registry.save(registry_path)
    if not (summary.processed or summary.skipped):
        return summary  # nothing to show: write nothing
    registry.save(registry_path)
    with AtomicFile(out / "entities.parquet") as temporary:
        write_parquet(entity_frame(registry), temporary)
    errors = _all_errors(out / "errors.parquet", summary.errors, processed)
    with AtomicFile(out / "errors.parquet") as temporary:
        write_parquet(errors, temporary)
    return summary


def _all_errors(
    path: Path, errors: list[tuple[str, str, str]], processed: set[str]
) -> pd.DataFrame:
    """This run's errors after those of earlier runs into the same folder, each row once; an
    earlier error of a page this run processed is dropped (it is no longer one)."""
    frame = typed_frame([dict(zip(ERROR_COLUMNS, e, strict=True)) for e in errors], ERROR_COLUMNS)
    if not path.exists():
        return frame
    earlier = pd.read_parquet(path).astype(ERROR_COLUMNS)
    earlier = earlier[~(earlier["source"].isin(processed) & (earlier["severity"] == "error"))]
    both = pd.concat([earlier, frame], ignore_index=True).astype(ERROR_COLUMNS)
    return both.drop_duplicates(ignore_index=True)


def _done(out: Path, registry: EntityRegistry, content_hash: str) -> bool:
    """A page is done when the saved registry counts it and its parts are on disk."""
    return (
        content_hash in registry.pages and (out / "articles" / f"{content_hash}.parquet").exists()
    )


def _write_page(out: Path, page: Page, rows) -> None:
    """One Parquet part per table for a page (``<hash>.<n>.parquet`` for part n > 0 of a long
    page), each written whole or not at all."""
    name_part = f"{page.content_hash}.{page.part}" if page.part else page.content_hash
    for name, table in rows.arrow_tables().items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        with AtomicFile(folder / f"{name_part}.parquet") as temporary:
            write_parquet(table, temporary)


def write_parquet(data: pd.DataFrame | pa.Table, path: str | Path) -> None:
    """Write a table (an Arrow table, or a DataFrame without its index) as Parquet: every file
    of a batch is written here (a DataFrame as ``to_parquet`` writes it)."""
    if isinstance(data, pd.DataFrame):
        data = pa.Table.from_pandas(data, preserve_index=False)
    pq.write_table(data, path, compression="snappy")


def read_tables(out: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of a batch folder as DataFrames (the parts of each table concatenated), with
    the columns and dtypes of the in-memory :class:`~pinghu_nlp.tables.Result`'s."""
    out = Path(out)
    tables = {}
    for name, columns in PAGE_TABLES.items():
        parts = sorted((out / name).glob("*.parquet"))
        frames = [pd.read_parquet(p) for p in parts]
        both = pd.concat(frames, ignore_index=True) if frames else typed_frame([], columns)
        tables[name] = both.astype(columns)  # parts' categories differ: concat gives strings
    for name, columns in (("entities", ENTITY_COLUMNS), ("errors", ERROR_COLUMNS)):
        tables[name] = pd.read_parquet(out / f"{name}.parquet").astype(columns)
    return tables
