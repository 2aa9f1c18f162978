"""Reading pages: files and folders in, page records or a clear error naming the file out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .lexicon import is_han

_FALLBACK_ENCODING = "gb18030"
_MIN_CJK_SHARE = 0.2
"""A page decoded as GB18030 must be at least this share CJK, or it is taken for binary noise."""


class PageError(Exception):
    """A page that cannot be read, with the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Page:
    """One page as read: its id, where it came from, the raw text and how it was decoded."""

    doc_id: str
    source: str
    raw: str
    encoding: str = "utf-8"

    @property
    def content_hash(self) -> str:
        """SHA-1 of the raw text, the key for skipping pages already processed."""
        return hashlib.sha1(self.raw.encode("utf-8")).hexdigest()


def find_pages(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path as given, folders walked (sorted) for ``*.txt``; missing paths still yielded."""
    for path in map(Path, paths):
        if _is_folder(path):
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def _is_folder(path: Path) -> bool:
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
        raise PageError(str(path), "no such file") from error
    except OSError as error:
        raise PageError(str(path), f"cannot be read ({error.strerror})") from error
    return page_from_bytes(data, doc_id=path.name, source=str(path))


def page_from_bytes(data: bytes, doc_id: str, source: str) -> Page:
    """Decode page bytes the way :func:`read_page` does."""
    if b"\x00" in data:
        raise PageError(source, "binary file (contains NUL bytes), not a text page")
    try:
        raw, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        raw, encoding = _decode_fallback(data, source), _FALLBACK_ENCODING
    # The scorer and users read files with newline="": keep \r\n as it is.
    if not raw.strip():
        raise PageError(source, "empty page (no text)")
    return Page(doc_id=doc_id, source=source, raw=raw, encoding=encoding)


def page_from_text(text: str, doc_id: str) -> Page:
    """A page given as a string (``extract`` on raw strings)."""
    if not text.strip():
        raise PageError(doc_id, "empty page (no text)")
    return Page(doc_id=doc_id, source=doc_id, raw=text, encoding="str")


def _decode_fallback(data: bytes, source: str) -> str:
    """GB18030 text, or a :class:`PageError` when the bytes are not Chinese text at all."""
    try:
        raw = data.decode(_FALLBACK_ENCODING)
    except UnicodeDecodeError as error:
        raise PageError(source, f"not UTF-8 or GB18030 text (bad byte at {error.start})") from error
    letters = [c for c in raw if not c.isspace() and c.isprintable()]
    cjk = sum(is_han(c) for c in letters)
    if len(letters) < len(raw.strip()) * 0.9 or cjk < _MIN_CJK_SHARE * max(len(letters), 1):
        raise PageError(source, "binary or unknown encoding (neither UTF-8 nor GB18030 Chinese)")
    return raw
