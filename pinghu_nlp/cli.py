"""The command line: ``pinghu-nlp extract`` for folders of pages, ``pinghu-nlp evaluate``.

Exit codes of ``extract``: 0 when at least one page was processed (bad pages are reported on
stderr and in the ``errors`` table), 1 when no page could be processed, 2 for a usage error
(checked before any page is read: a bad ``--issue-date``, an ``--out`` that is a file, bad SQL
for ``query``, a missing or empty ``--gold`` folder), reported in one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path

from tqdm import tqdm

from .batch import run_batch
from .pages import PageError, find_pages
from .pipeline import extract
from .tables import query

FORMATS = ("parquet", "csv", "xlsx", "jsonl")
_PAGES_PER_PROCESS = 8


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``pinghu-nlp`` script."""
    parser = argparse.ArgumentParser(prog="pinghu-nlp", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="tables from pages (files or folders of *.txt)")
    extract.add_argument("paths", nargs="+", help="page files or folders of pages")
    extract.add_argument("--out", required=True, type=Path, help="output folder")
    extract.add_argument("--format", choices=FORMATS, default="parquet")
    extract.add_argument("--issue-date", help="YYYY-MM-DD, for pages without a masthead date")
    extract.add_argument(
        "--n-process", type=int, default=0, help="worker processes (default: every core)"
    )
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    evaluate = commands.add_parser("evaluate", help="score predictions against gold files")
    evaluate.add_argument("--gold", required=True, type=Path, help="folder of gold <page>.json")
    evaluate.add_argument("--pred", type=Path, help="folder of predicted <page>.json")
    evaluate.add_argument(
        "--pages", type=Path, help="folder of pages to extract when --pred is not given"
    )
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    query = commands.add_parser("query", help="SQL over the Parquet tables in an output folder")
    query.add_argument("directory", type=Path, help="a folder written by extract --out")
    query.add_argument("sql", help="e.g. \"SELECT tail FROM relations WHERE head = '仲旭东'\"")
    args = parser.parse_args(argv)
    # bad pages are reported once, by this script: not again by the library's log warnings
    logging.getLogger("pinghu_nlp").addHandler(logging.NullHandler())
    problem = usage_problem(args)
    if problem:
        print(f"pinghu-nlp: error: {problem}", file=sys.stderr)
        return 2
    if args.command == "extract":
        return run_extract(args)
    if args.command == "query":
        return run_query(args)
    return run_evaluate(args)


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the command's arguments, before any work is done (None: nothing)."""
    if args.command == "extract":
        if args.issue_date:
            try:
                dt.date.fromisoformat(args.issue_date)
            except ValueError:
                return f"--issue-date {args.issue_date!r} is not a date (YYYY-MM-DD)"
        if args.out.exists() and not args.out.is_dir():
            return f"--out {args.out} is a file, not a folder"
        if args.n_process < 0:
            return f"--n-process {args.n_process} is negative"
    if args.command == "evaluate":
        if not args.gold.is_dir():
            return f"--gold {args.gold}: no such folder"
        if not any(args.gold.glob("*.json")):
            return f"--gold {args.gold}: no gold files (*.json) here"
    if args.command == "query" and not args.directory.is_dir():
        return f"{args.directory}: no such folder"
    return None


def run_query(args: argparse.Namespace) -> int:
    """Print the result of SQL over an output folder's Parquet tables (bad SQL: exit 2)."""
    import duckdb

    if not any(args.directory.glob("**/*.parquet")):
        print(f"pinghu-nlp: {args.directory}: no Parquet tables here", file=sys.stderr)
        return 1
    try:
        found = query(args.directory, args.sql)
    except duckdb.Error as error:
        message = " ".join(str(error).split())
        print(f"pinghu-nlp: error: bad SQL: {message}", file=sys.stderr)
        return 2
    print(found.to_string(index=False))
    return 0


def run_extract(args: argparse.Namespace) -> int:
    """Process pages and write the tables; report bad pages on stderr.

    Parquet output is written page by page and resumable (see ``batch.py``); the other formats
    are written from one in-memory result at the end.
    """
    paths = list(find_pages(args.paths))
    progress = tqdm(
        total=len(paths),
        unit="page",
        disable=args.quiet or not sys.stderr.isatty(),
        file=sys.stderr,
    )

    def report(item: object) -> None:
        progress.update(1)
        if isinstance(item, PageError):
            tqdm.write(f"pinghu-nlp: skipped {item}", file=sys.stderr)

    # every core, but no more processes than batches of pages (each one loads the pipeline)
    n_process = args.n_process or max(1, min(os.cpu_count() or 1, len(paths) // _PAGES_PER_PROCESS))
    options = {"issue_date": args.issue_date, "n_process": n_process, "progress": report}
    if args.format == "parquet":
        summary = run_batch(paths, args.out, **options)
        errors, done, mentions = summary.errors, summary.skipped, summary.mentions
        processed = summary.processed
    else:
        result = extract(paths, **options)
        processed, done, mentions = result.articles["doc_id"].nunique(), 0, len(result.mentions)
        errors = list(result.errors.itertuples(index=False, name=None))
        if processed and args.format == "xlsx":
            result.to_excel(args.out / "pinghu.xlsx")
        elif processed:
            getattr(result, f"to_{args.format}")(args.out)
    progress.close()
    failed = sum(1 for e in errors if e[2] == "error")
    decoded = sum(1 for e in errors if e[1].startswith("decoded as GB18030"))
    warned = len(errors) - failed - decoded
    print(
        f"pinghu-nlp: {processed} pages processed"
        + (f", {done} already done" if done else "")
        + f", {failed} failed"
        + (f", {decoded} decoded from GB18030" if decoded else "")
        + (f", {warned} other warnings" if warned else "")
        + f"; {mentions} mentions -> {args.out}",
        file=sys.stderr,
    )
    return 0 if processed or done else 1


def run_evaluate(args: argparse.Namespace) -> int:
    """Score predictions (or a fresh extraction of ``--pages``) against the gold files."""
    from .evaluate import evaluate, format_scores

    scores = evaluate(args.gold, pred=args.pred, pages=args.pages)
    if args.json:
        import json

        print(json.dumps(scores, ensure_ascii=False))
    else:
        print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
