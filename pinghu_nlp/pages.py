"""Reading pages: files and folders in, page records or a clear error naming the file out."""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .lexicon import is_han

_FALLBACK_ENCODING = "gb18030"
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_BAD_SEQUENCES = 3
_MAX_BAD_SHARE = 0.001
"""A page that is not valid UTF-8 is still read as UTF-8 (bad bytes as U+FFFD) when it has at
most this many bad sequences, or this share of its bytes: a truncated or damaged UTF-8 file,
not a page in another encoding (where nearly every Chinese character is a bad sequence)."""
_MIN_CJK_SHARE = 0.2
"""A page decoded as GB18030 must be at least this share CJK, or it is taken for binary noise."""


class PageError(Exception):
    """A page that cannot be read, with the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


MAX_PART_CHARS = 100_000
"""A page longer than this is processed in parts of at most this many characters (see
:func:`page_parts`), far below spaCy's ``max_length``; time and memory stay linear in its size."""
_PART_BREAKS = ("\n\n", "\r\n\r\n", "\n", "\r", "。", "！", "？", "；", " ", "\u3000")
"""Where a part may end, best first: a blank line (between articles), a line break (between
paragraphs), the end of a sentence, a space."""


@dataclass(frozen=True)
class Page:
    """One page as read: its id, where it came from, the raw text and how it was decoded.

    A part of a long page (:func:`page_parts`) has its slice of the text in ``raw``, where that
    slice starts in ``offset``, its number in ``part`` of ``parts``, and the whole page's hash.
    """

    doc_id: str
    source: str
    raw: str
    encoding: str = "utf-8"
    offset: int = 0
    part: int = 0
    parts: int = 1
    page_hash: str | None = None
    note: str = ""
    """What went wrong in decoding, if anything (bad bytes read as U+FFFD)."""

    @property
    def warning(self) -> str | None:
        """The caveat of a page processed anyway: damaged bytes, or not UTF-8 (None: none)."""
        if self.note:
            return self.note
        if self.encoding not in ("utf-8", "str"):
            return f"decoded as {self.encoding.upper()}, not UTF-8"
        return None

    @property
    def content_hash(self) -> str:
        """SHA-1 of the page's raw text (the whole page's, for a part), the key for skipping
        pages already processed."""
        return self.page_hash or hashlib.sha1(self.raw.encode("utf-8")).hexdigest()


def page_parts(page: Page, limit: int | None = None) -> list[Page]:
    """The page as parts of at most ``limit`` (:data:`MAX_PART_CHARS`) characters, each ending
    at the last blank line, else line break, else sentence end or space in its second half (a
    page with none of these is cut at ``limit``); a page that fits is its own single part.
    Offsets stay exact: a part's row at ``start`` is ``page.raw[part.offset + start]``."""
    raw, limit = page.raw, limit or MAX_PART_CHARS
    if len(raw) <= limit:
        return [page]
    cuts = [0]
    while len(raw) - cuts[-1] > limit:
        cuts.append(_part_end(raw, cuts[-1], cuts[-1] + limit))
    cuts.append(len(raw))
    whole = page.content_hash
    return [
        replace(page, raw=raw[a:b], offset=a, part=n, parts=len(cuts) - 1, page_hash=whole)
        for n, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False))
    ]


def _part_end(raw: str, start: int, end: int) -> int:
    """Where a part that starts at ``start`` ends, at most at ``end`` (see :func:`page_parts`)."""
    for mark in _PART_BREAKS:
        found = raw.rfind(mark, start + (end - start) // 2, end)
        if found != -1:
            cut = found + len(mark)
            break
    else:
        cut = end
    return cut - 1 if raw[cut - 1] == "\r" and raw.startswith("\n", cut) else cut  # keep \r\n


def find_pages(paths: Iterable[str | Path]) -> Iterator[Path | PageError]:
    """Each path as given, folders walked (sorted, links followed) for ``*.txt``; missing paths
    still yielded (reported when read). What a walk cannot take comes as a :class:`PageError`:
    a folder that cannot be listed, a dangling link, a link back to a folder already walked."""
    walked: set[tuple[int, int]] = set()
    for path in map(Path, paths):
        if is_folder(path):
            yield from _walk(path, walked)
        else:
            yield path


def _walk(folder: Path, walked: set[tuple[int, int]]) -> Iterator[Path | PageError]:
    """The ``*.txt`` files under ``folder``, in name order, each folder walked once."""
    try:
        identity = (folder.stat().st_dev, folder.stat().st_ino)
        if identity in walked:
            yield PageError(str(folder), "link to a folder already walked (a loop), skipped")
            return
        walked.add(identity)
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield PageError(str(folder), f"folder cannot be listed ({error.strerror})")
        return
    for entry in entries:
        path = Path(entry.path)
        if is_folder(path):
            yield from _walk(path, walked)
        elif entry.name.endswith(".txt"):
            yield path  # a dangling or looping link is reported when it is read


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (False for a name the file system rejects)."""
    try:
        return path.is_dir()
    except OSError:  # a name the file system rejects: reported when it is read
        return False


def read_page(path: str | Path) -> Page:
    """Read one page file: UTF-8, else GB18030; raise :class:`PageError` for anything unusable."""
    path = Path(path)
    try:
        if path.is_dir():
            raise PageError(str(path), "is a directory, not a page")
        data = path.read_bytes()
    except FileNotFoundError as error:
        reason = (
            "dangling link (its target does not exist)" if path.is_symlink() else "no such file"
        )
        raise PageError(str(path), reason) from error
    except OSError as error:
        raise PageError(str(path), f"cannot be read ({error.strerror})") from error
    return page_from_bytes(data, doc_id=path.name, source=str(path))


def page_from_bytes(data: bytes, doc_id: str, source: str) -> Page:
    """Decode page bytes the way :func:`read_page` does: UTF-16 or UTF-32 after a byte-order
    mark, else UTF-8 (a few bad bytes, a truncated end: kept, each bad sequence read as U+FFFD,
    with a warning naming the first bad byte), else GB18030."""
    note = ""
    encoding = next((name for bom, name in _BYTE_ORDER_MARKS if data.startswith(bom)), None)
    if encoding:
        raw, note = _decode_kept(data, encoding)
    elif b"\x00" in data:
        raise PageError(source, "binary file (contains NUL bytes), not a text page")
    else:
        try:
            raw, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as error:
            (raw, note), encoding = _decode_kept(data, "utf-8"), "utf-8"
            if raw.count("\ufffd") > max(_MAX_BAD_SEQUENCES, len(data) * _MAX_BAD_SHARE):
                raw, encoding, note = _decode_fallback(data, source, error.start), "gb18030", ""
    # The scorer and users read files with newline="": keep \r\n as it is.
    if not raw.strip():
        raise PageError(source, "empty page (no text)")
    return Page(doc_id=doc_id, source=source, raw=raw, encoding=encoding, note=note)


def _decode_kept(data: bytes, encoding: str) -> tuple[str, str]:
    """The text, bad sequences as U+FFFD, and a note naming the first bad byte ("" if none)."""
    try:
        return data.decode(encoding), ""
    except UnicodeDecodeError as error:
        raw = data.decode(encoding, errors="replace")
        more = raw.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd") - 1
        return raw, (
            f"invalid {encoding.upper()} at byte {error.start}"
            + (f" and {more} more places" if more > 0 else "")
            + ", each bad sequence read as U+FFFD"
        )


def page_from_text(text: str, doc_id: str) -> Page:
    """A page given as a string (``extract`` on raw strings)."""
    if not text.strip():
        raise PageError(doc_id, "empty page (no text)")
    return Page(doc_id=doc_id, source=doc_id, raw=text, encoding="str")


def _decode_fallback(data: bytes, source: str, utf8_error: int) -> str:
    """GB18030 text, or a :class:`PageError` when the bytes are not Chinese text at all."""
    try:
        raw = data.decode(_FALLBACK_ENCODING)
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 (bad byte at {utf8_error}) or GB18030 (bad byte at {error.start})"
        raise PageError(source, reason) from error
    letters = [c for c in raw if not c.isspace() and c.isprintable()]
    cjk = sum(is_han(c) for c in letters)
    if len(letters) < len(raw.strip()) * 0.9 or cjk < _MIN_CJK_SHARE * max(len(letters), 1):
        raise PageError(source, "binary or unknown encoding (neither UTF-8 nor GB18030 Chinese)")
    return raw
