"""The pipeline as one spaCy Language, and ``extract``: pages in, a :class:`Result` out."""

from __future__ import annotations

import atexit
import datetime as dt
import gc
import hashlib
import itertools
import logging
import math
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from . import articles as _articles  # noqa: F401  (registers pinghu_articles)
from . import events as _events  # noqa: F401  (registers pinghu_events)
from . import recognise as _recognise  # noqa: F401  (registers pinghu_entities)
from . import relate as _relate  # noqa: F401  (registers pinghu_relations)
from . import segment as _segment  # noqa: F401  (registers pinghu_nlp.PageTokenizer.v1)
from .extensions import PIPELINE_ORDER
from .link import EntityRegistry
from .pages import Page, PageError, find_pages, is_folder, page_from_text, page_parts, read_page
from .processes import die_with_parent

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from distributed import Client

    from .rows import PageDraft
    from .tables import Result

log = logging.getLogger("pinghu_nlp")

PIPE_NAMES = PIPELINE_ORDER
TOKENIZER = "pinghu_nlp.PageTokenizer.v1"
_MAX_PATH = 1024
_DATE_IN_NAME = re.compile(r"(20\d{2})[-_.]?([01]\d)[-_.]?([0-3]\d)")

PageInput = str | Path | Page | PageError

atexit.register(gc.freeze)
"""As the process ends, what is still alive is left out of the interpreter's last garbage
collections: they would walk and free spaCy's, pandas' and the pipeline's objects one by one,
a sixth of a second of every cold start (issue #14). Registered at import, so that the exit
handlers of what is imported later run first; only reference cycles still alive at exit are no
longer collected (their ``__del__`` is not run, as Python never promised at exit)."""
IssueDate = dt.date | str | Mapping[str, dt.date | str] | None


def load(
    simplify: bool = True, model: bool = True, config: Mapping[str, Mapping] | None = None
) -> Language:
    """The full pipeline: layout repair and words, articles, entities, relations, events.

    ``model=False`` leaves the statistical models out (rules and gazetteers only). ``config``:
    settings of components by name, e.g. ``{"pinghu_entities": {"ents_filter": {"@misc":
    "my_filter.v1"}}}`` for an overlap policy of your own. The result is a plain spaCy
    ``Language``: ``nlp.to_disk(path)`` saves it and ``spacy.load(path)`` reads it.
    """
    unknown = set(config or {}) - set(PIPE_NAMES)
    if unknown:
        raise ValueError(f"no component {sorted(unknown)} in the pipeline {list(PIPE_NAMES)}")
    tokenizer = {"@tokenizers": TOKENIZER, "simplify": simplify}
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": tokenizer}})
    for name in PIPE_NAMES:
        settings = {} if model or name != "pinghu_entities" else {"model": False, "tagger": False}
        nlp.add_pipe(name, config={**settings, **(config or {}).get(name, {})})
    return nlp


@lru_cache(maxsize=1)
def _shared_pipeline() -> Language:
    return load()


def read_inputs(inputs: Iterable[PageInput]) -> Iterator[Page | PageError]:
    """Pages from paths, folders and raw strings, in order; a bad one comes as its PageError.

    A page's ``doc_id`` is its file name (``doc-N`` for the N-th input given as text); a page
    whose file name an earlier page of the run already has gets its path instead, as given or
    walked (``b/page.txt`` after ``a/page.txt``), so ids are unique within a run.
    """
    sources: dict[str, str] = {}  # doc_id -> the source that has it
    for page in _read_inputs(inputs):
        if isinstance(page, Page) and sources.setdefault(page.doc_id, page.source) != page.source:
            page = replace(page, doc_id=page.source)
            sources.setdefault(page.doc_id, page.source)
        yield page


def _read_inputs(inputs: Iterable[PageInput]) -> Iterator[Page | PageError]:
    """:func:`read_inputs` before the ids are made unique."""
    for number, item in enumerate(inputs):
        if isinstance(item, Page | PageError):  # already read (a batch that filters pages)
            yield item
            continue
        if isinstance(item, str) and not _looks_like_path(item):
            try:
                yield page_from_text(item, f"doc-{number}")
            except PageError as error:
                yield error
            continue
        for path in find_pages([item]):
            if isinstance(path, PageError):
                yield path
                continue
            try:
                yield read_page(path)
            except PageError as error:
                yield error


def _looks_like_path(item: str) -> bool:
    """The rule for a ``str`` input (a :class:`~pathlib.Path` is always a path): a path when it
    is one line, not blank, and names an existing file or folder, or when it has no whitespace
    and ends in ``.txt`` (a missing page, reported as such); anything else is page text. So
    ``""`` is an empty page, never the current folder."""
    if not item.strip() or "\n" in item or "\r" in item or len(item) >= _MAX_PATH:
        return False
    if item.endswith(".txt") and not any(c.isspace() for c in item):
        return True
    try:
        return Path(item).exists()
    except (OSError, ValueError):  # a name too long for the file system, a NUL: text
        return False


def issue_date_for(page: Page, given: IssueDate, printed: str | None) -> str | None:
    """The page's issue date: masthead, else the caller's, else a date in the file name."""
    if printed:
        return printed
    if isinstance(given, Mapping):
        given = given.get(page.doc_id) or given.get(page.source)
    if isinstance(given, dt.date):
        return given.isoformat()
    if isinstance(given, str):
        return dt.date.fromisoformat(given).isoformat()
    match = _DATE_IN_NAME.search(page.doc_id)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    return None


BATCH_SIZE = 8
"""Pages a worker process takes at a time when the page count is not known (a generator)."""
MAX_BATCH_SIZE = 16
"""The most pages a worker process takes at a time: every worker stays busy to the end."""
BATCHES_PER_PROCESS = 4


def batch_size_for(pages: int | None, n_process: int) -> int:
    """Pages per batch for ``n_process`` worker processes: about :data:`BATCHES_PER_PROCESS`
    batches each, so the pages split across every worker (spaCy deals batches out to the workers
    in turn; its default of 1,000 texts gives a run of a few hundred pages to one worker), at
    most :data:`MAX_BATCH_SIZE`; :data:`BATCH_SIZE` for one process or an unknown count.

    >>> batch_size_for(170, 2), batch_size_for(20, 2), batch_size_for(4, 2)
    (16, 3, 1)
    """
    if n_process == 1 or not pages:
        return BATCH_SIZE
    return max(1, min(MAX_BATCH_SIZE, math.ceil(pages / (n_process * BATCHES_PER_PROCESS))))


def _pipeline_and_batch_size(
    inputs: Iterable[PageInput], n_process: int, batch_size: int | None, nlp: Language | None
) -> tuple[Language, int]:
    """``nlp`` or the process's shared pipeline, and ``batch_size`` or :func:`batch_size_for`
    the pages in ``inputs``."""
    if batch_size is None:
        batch_size = batch_size_for(page_count(inputs), n_process)
    return nlp or _shared_pipeline(), batch_size


def page_count(inputs: Iterable[PageInput]) -> int | None:
    """How many pages ``inputs`` hold (folders walked), or None for inputs of unknown length."""
    if not isinstance(inputs, Sized):
        return None
    count = 0
    for item in inputs:
        is_path = isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item))
        if is_path and is_folder(Path(item)):
            count += sum(1 for _ in find_pages([item]))
        else:
            count += 1
    return count


def process(
    inputs: Iterable[PageInput],
    issue_date: IssueDate = None,
    n_process: int = 1,
    batch_size: int | None = None,
    nlp: Language | None = None,
    engine: str = "spacy",
    zoned: bool = False,
) -> Iterator[tuple[Page, Doc] | PageError]:
    """Run the pipeline (``nlp``, default :func:`load`'s) over pages, yielding ``(page, doc)``
    or the page's error.

    ``zoned=True`` (one process): the pages run in spaCy memory zones (see
    :data:`ZONE_TEXTS`), and a Doc is valid only until the next item is asked for: for a
    caller that reads each Doc and drops it, as :func:`drafts` does.

    ``engine="spacy"`` streams through ``nlp.pipe`` (``n_process`` worker processes, each
    given the raw text of ``batch_size`` pages at a time, by default :func:`batch_size_for` the
    pages given): the workers repair the layout, cut the words and run every component, the
    parent reads the pages and receives the Docs. ``engine="dask"`` maps the pages over a Dask
    bag on the active ``dask.distributed`` client, or on a ``LocalCluster`` started for the call
    if there is none (see :func:`dask_client`), and yields the pages in input order once all are
    done. A custom ``nlp`` goes to the Dask workers as its config and bytes.
    """
    if engine == "dask":
        yield from _process_with_dask(inputs, issue_date, nlp)
        return
    if engine != "spacy":
        raise ValueError(f"engine must be 'spacy' or 'dask', not {engine!r}")
    nlp, batch_size = _pipeline_and_batch_size(inputs, n_process, batch_size, nlp)

    def raw_texts() -> Iterator[str]:
        """The raw text of each page (part) for nlp.pipe, the part kept in ``sent`` in order:
        plain strings, so the tokenizer runs in the worker processes, not in this one (spaCy
        makes the Docs of ``as_tuples`` input before it sends them)."""
        for page in read_inputs(inputs):
            if isinstance(page, PageError):
                log.warning("%s", page)
                errors.append(page)
                continue
            for part in page_parts(page):
                sent.append(part)
                yield part.raw

    errors: list[PageError] = []
    sent: deque[Page] = deque()
    parts = PartNumbering()
    texts = raw_texts()
    zoned = zoned and n_process == 1
    while True:
        with nlp.memory_zone() if zoned else nullcontext():
            docs, doc = 0, None
            zone = itertools.islice(texts, ZONE_TEXTS) if zoned else texts
            for doc in nlp.pipe(zone, n_process=n_process, batch_size=batch_size):
                page = sent.popleft()  # nlp.pipe gives the Docs in the order of the texts
                while errors:
                    yield errors.pop(0)
                parts.label(page, doc, issue_date)
                yield page, doc
                docs += 1
            doc = None  # not to outlive its memory zone
        if not zoned or not docs:
            break
    yield from errors


ZONE_TEXTS = 32
"""Pages (parts) :func:`process` runs in one spaCy memory zone, with ``zoned=True``: when the
zone ends, the words and strings its Docs added to the vocabulary are freed, so a long run's
memory stays flat (every new word of every page would stay in the vocabulary otherwise). The
texts are still read one at a time, as ``nlp.pipe`` asks for them."""


def drafts(
    inputs: Iterable[PageInput],
    issue_date: IssueDate = None,
    n_process: int = 1,
    batch_size: int | None = None,
    nlp: Language | None = None,
    engine: str = "spacy",
) -> Iterator[tuple[Page, PageDraft] | PageError]:
    """Like :func:`process`, in input order, but each page (part) comes as the draft of its rows
    (:func:`~pinghu_nlp.assemble.page_draft`), ready for the registry
    (:func:`~pinghu_nlp.assemble.link_draft`), not as its Doc.

    With ``n_process`` > 1 (where processes can be forked) a pool of that many worker
    processes, each with the pipeline inherited from this one, does the whole page: it
    tokenizes, runs the components and makes the draft, ``batch_size`` pages at a time (by
    default :func:`batch_size_for` the pages given); this process reads the pages and receives
    drafts, small plain rows instead of Docs to decode. Otherwise the drafts are made here from
    :func:`process`'s Docs.
    """
    if n_process > 1 and engine == "spacy" and "fork" in multiprocessing.get_all_start_methods():
        yield from _drafts_in_workers(inputs, issue_date, n_process, batch_size, nlp)
        return
    from .assemble import page_draft

    for item in process(inputs, issue_date, n_process, batch_size, nlp, engine, zoned=True):
        yield item if isinstance(item, PageError) else (item[0], page_draft(item[1]))


TASKS_PER_PROCESS = 2
"""Batches given to each worker process ahead of the one it is on (the rest wait here)."""


def _drafts_in_workers(
    inputs: Iterable[PageInput],
    issue_date: IssueDate,
    n_process: int,
    batch_size: int | None,
    nlp: Language | None,
) -> Iterator[tuple[Page, PageDraft] | PageError]:
    """:func:`drafts` on a pool of forked workers: batches of pages go out as they are read, at
    most :data:`TASKS_PER_PROCESS` per worker at a time (memory stays flat), and come back in
    order; a page that cannot be read is yielded in its place. A worker's error is raised here."""
    # before the fork: every worker inherits the pipeline, loaded
    nlp, batch_size = _pipeline_and_batch_size(inputs, n_process, batch_size, nlp)
    context = multiprocessing.get_context("fork")
    window: deque[tuple[list[PageError | list[Page]], AsyncResult]] = deque()
    with context.Pool(n_process, _start_worker, (nlp, issue_date)) as pool:
        for batch in _batches(read_inputs(inputs), batch_size):
            pages = [item for item in batch if not isinstance(item, PageError)]
            window.append((batch, pool.apply_async(_draft_pages, (pages,))))
            if len(window) > TASKS_PER_PROCESS * n_process:
                yield from _in_order(*window.popleft())
        while window:
            yield from _in_order(*window.popleft())


def _batches(
    pages: Iterable[Page | PageError], size: int
) -> Iterator[list[PageError | list[Page]]]:
    """``size`` pages at a time, each as its parts (:func:`~pinghu_nlp.pages.page_parts`), with
    the errors among them in their places."""
    batch: list[PageError | list[Page]] = []
    for page in pages:
        if isinstance(page, PageError):
            log.warning("%s", page)
            batch.append(page)
            continue
        batch.append(page_parts(page))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_order(
    batch: list[PageError | list[Page]], done: AsyncResult
) -> Iterator[tuple[Page, PageDraft] | PageError]:
    """A batch's errors and its pages' drafts, in the order of the batch."""
    drafts = iter(done.get())
    for item in batch:
        if isinstance(item, PageError):
            yield item
            continue
        yield from zip(item, next(drafts), strict=True)


_worker: tuple[Language, IssueDate] | None = None
"""A worker process's pipeline and issue date (:func:`_start_worker`)."""


def _start_worker(nlp: Language, issue_date: IssueDate) -> None:
    """Set up a worker of :func:`_drafts_in_workers`: it ends with its parent, and keeps the
    pipeline it inherited."""
    global _worker
    die_with_parent()
    _worker = (nlp, issue_date)


def _draft_pages(pages: list[list[Page]]) -> list[list[PageDraft]]:
    """In a worker: each page's parts through the pipeline, each Doc labelled and made into the
    draft of its rows (a pool task; the Docs stay here)."""
    from .assemble import page_draft

    assert _worker is not None, "not a worker started by _start_worker"
    nlp, issue_date = _worker
    out = []
    with nlp.memory_zone():  # the batch's words and strings leave the vocabulary with it
        docs = nlp.pipe(part.raw for parts in pages for part in parts)
        for parts in pages:
            numbering, page = PartNumbering(), []
            for part in parts:
                doc = next(docs)
                numbering.label(part, doc, issue_date)
                page.append(page_draft(doc))
            out.append(page)
        doc = docs = None  # not to outlive the zone
    return out


class PartNumbering:
    """Labels each processed Doc with its page's id and issue date, and a part of a long page
    with its offset and the number of articles on the page's earlier parts (docs come in order).
    """

    def __init__(self) -> None:
        self.articles = 0
        self.issue_date: str | None = None

    def label(self, page: Page, doc: Doc, issue_date: IssueDate) -> None:
        """Set ``doc._.doc_id``, ``issue_date``, ``offset`` and ``article_base``."""
        if page.part == 0:
            self.articles, self.issue_date = 0, doc._.issue_date  # the masthead is on part 0
        doc._.doc_id = page.doc_id
        doc._.issue_date = issue_date_for(page, issue_date, self.issue_date)
        doc._.offset = page.offset
        doc._.article_base = self.articles
        self.articles += len(doc._.articles or [])


def _process_with_dask(
    inputs: Iterable[PageInput], issue_date: IssueDate, nlp: Language | None
) -> Iterator[tuple[Page, Doc] | PageError]:
    """:func:`process` on Dask: each worker builds the pipeline once and returns serialised
    docs; the default pipeline is loaded there, a custom one rebuilt from what is shipped."""
    import dask
    import dask.bag

    items = [
        part
        for item in read_inputs(inputs)
        for part in (page_parts(item) if isinstance(item, Page) else [item])
    ]
    pages = [item for item in items if isinstance(item, Page)]
    shipped = (dask.delayed(_Shipped.of(nlp), pure=True),) if nlp is not None else ()
    nlp = nlp or _shared_pipeline()  # before the workers fork: they inherit it
    docs: Iterator[bytes] = iter(())
    if pages:
        bag = dask.bag.from_sequence([p.raw for p in pages], partition_size=2)
        with dask_client(bag.npartitions) as client:
            docs = iter(bag.map(_doc_bytes, *shipped).compute(scheduler=client))
    parts = PartNumbering()
    for item in items:
        if isinstance(item, PageError):
            yield item
            continue
        doc = Doc(nlp.vocab).from_bytes(next(docs))
        parts.label(item, doc, issue_date)
        yield item, doc


@contextmanager
def dask_client(tasks: int = 0) -> Iterator[Client]:
    """The active ``dask.distributed`` client, else one on a ``LocalCluster`` for the call.

    The cluster has one single-threaded worker per core (no more than ``tasks``); its workers are
    forked where the platform can fork, so a script without an ``if __name__ == "__main__"``
    guard works (spawned workers would re-run it).
    """
    try:
        import distributed
    except ImportError as error:
        raise ImportError(
            "engine='dask' needs dask.distributed: pip install 'pinghu-nlp[dask]'"
        ) from error
    try:
        active = distributed.default_client()
    except ValueError:  # no client: start one below
        active = None
    if active is not None:
        yield active
        return
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = max(1, min(cores or 1, tasks or cores or 1))
    log.info("no Dask client: starting a LocalCluster of %d workers for this call", workers)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    import dask

    with (
        dask.config.set({"distributed.worker.multiprocessing-method": method}),
        distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        yield client


@dataclass(frozen=True)
class _Shipped:
    """A pipeline as the Dask workers receive it: its config, its bytes and their digest."""

    config: str
    data: bytes
    digest: str

    @classmethod
    def of(cls, nlp: Language) -> _Shipped:
        config, data = nlp.config.to_str(), nlp.to_bytes()
        return cls(config, data, hashlib.sha1(config.encode() + data).hexdigest())

    def pipeline(self) -> Language:
        """The pipeline, built once per worker process (kept by digest)."""
        if self.digest not in _BUILT:
            _BUILT.clear()
            config = Config().from_str(self.config)
            _BUILT[self.digest] = spacy.util.load_model_from_config(config).from_bytes(self.data)
        return _BUILT[self.digest]


_BUILT: dict[str, Language] = {}


def _doc_bytes(raw: str, shipped: _Shipped | None = None) -> bytes:
    """A page processed by this process's pipeline (the shipped one, else the default),
    serialised (a Dask task)."""
    nlp = shipped.pipeline() if shipped is not None else _shared_pipeline()
    return nlp(raw).to_bytes()


def extract(
    inputs: Iterable[PageInput] | PageInput,
    issue_date: IssueDate = None,
    n_process: int = 1,
    engine: str = "spacy",
    registry: EntityRegistry | None = None,
    progress: Callable[[tuple[Page, PageDraft] | PageError], None] | None = None,
    nlp: Language | None = None,
    keep_docs: bool = False,
    batch_size: int | None = None,
) -> Result:
    """Tables for pages given as paths, folders or raw strings.

    ``issue_date`` (a date, an ISO string, or a mapping from file name to date) is used where
    the page has no masthead date. Pages that cannot be read are listed in ``result.errors``.
    Pass the ``registry`` of an earlier result to link this batch's people to it; ``progress``
    is called with each page's outcome as it is done: its error, or its (last) part and the
    draft of its rows (:class:`~pinghu_nlp.rows.PageDraft`). ``nlp``: a pipeline of the
    caller's (from :func:`load`, changed, or ``spacy.load`` of a saved one), used by every engine.
    ``engine="dask"`` spreads the pages over Dask workers (see :func:`process`); the tables are
    the same as the serial ones. With ``n_process`` worker processes, each takes ``batch_size``
    pages at a time (by default :func:`batch_size_for` the pages given) and makes their rows
    (see :func:`drafts`; with ``keep_docs=True`` they send their Docs instead, through
    ``nlp.pipe``, see :func:`process`).

    Each page becomes rows as soon as it is done and its Doc is dropped, so memory stays flat
    however many pages there are; ``keep_docs=True`` keeps the Docs too, in ``result.docs``
    (about 1.5 MB a page), for :func:`~pinghu_nlp.render` or your own spaCy code.
    """
    from .assemble import ColumnRows, link_draft, page_draft  # pandas, with the tables
    from .tables import rows_result

    if isinstance(inputs, str | Path):
        inputs = [inputs]
    registry = registry if registry is not None else EntityRegistry()
    rows, docs, errors = ColumnRows(), [], []
    options = {"issue_date": issue_date, "n_process": n_process, "batch_size": batch_size}
    if keep_docs:  # the Docs come here, and the drafts are made from them
        items = (
            item if isinstance(item, PageError) else (item[0], page_draft(item[1]), item[1])
            for item in process(inputs, nlp=nlp, engine=engine, **options)
        )
    else:  # with n_process > 1, the workers make the drafts
        items = drafts(inputs, nlp=nlp, engine=engine, **options)
    for item in items:
        if progress and (isinstance(item, PageError) or item[0].part == item[0].parts - 1):
            progress(item[:2] if isinstance(item, tuple) else item)  # once per page
        if isinstance(item, PageError):
            errors.append((item.source, item.reason, "error"))
            continue
        page, draft, *doc = item
        rows.add(link_draft(draft, registry))
        docs.extend(doc)
        if page.warning and page.part == page.parts - 1:
            errors.append((page.source, page.warning, "warning"))
    return rows_result(rows, errors, registry, docs=docs if keep_docs else None)
