"""Where a noun phrase begins: the shared left edge of titles, organisations and places."""

from __future__ import annotations

from ..segment import pos_tagger

NOUN_TAGS = frozenset({"n", "nt", "ns", "nz", "j", "vn", "b", "ng", "nrt", "an", "l", "s", "nr"})
"""jieba part-of-speech tags of words that may stand inside a name or a qualifier."""
STOP_CHARS = frozenset("的了在和与及或等是为向对把被从由请让使将并也都还就我其该此这那各全")
"""Characters that never stand inside a qualifier: particles, prepositions, deictics."""
BREAKS = '，,、。；;：:！？!?“”"《》()（）\n 【】·—'
"""Punctuation that ends any phrase."""


def phrase_start(text: str, end: int, window: int = 16, max_words: int = 8) -> int:
    """Start of the run of noun-like words that ends at ``end`` (``end`` itself if none)."""
    window_start = max(0, end - window)
    piece = text[window_start:end]
    cut = max(piece.rfind(c) for c in BREAKS)
    window_start += cut + 1
    start = end
    words = list(pos_tagger().cut(text[window_start:end]))
    for pair in reversed(words[-max_words:] if len(words) > max_words else words):
        if any(c in STOP_CHARS for c in pair.word) or pair.flag not in NOUN_TAGS:
            break
        start -= len(pair.word)
    return start
