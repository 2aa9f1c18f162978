"""Word segmentation: the spaCy tokenizer that takes a raw page and gives a Doc of clean words.

The tokenizer runs the layout repair first, so ``nlp(raw_page)`` works and every Doc carries the
map from its characters back to the raw page (``doc._.raw_index``). Words come from jieba with the
package's user dictionary of local places and office titles; entity spans never depend on them
(the recogniser splits words at entity boundaries).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jieba
import jieba.posseg
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces
from spacy.vocab import Vocab

from . import extensions  # noqa: F401  (registers doc._.raw and friends)
from .layout import repair

USER_DICTIONARY = resources.files("pinghu_nlp") / "data" / "userdict.txt"
"""Local place names and office titles, one ``word frequency tag`` per line (jieba format)."""

jieba.setLogLevel(60)  # jieba prints its cache messages to stderr at import otherwise


@lru_cache(maxsize=2)
def word_segmenter(user_dictionary: str = str(USER_DICTIONARY)) -> jieba.Tokenizer:
    """A private jieba tokenizer with our user dictionary (the global one is left alone)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(user_dictionary)
    return tokenizer


@lru_cache(maxsize=2)
def pos_tagger(user_dictionary: str = str(USER_DICTIONARY)) -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger over :func:`word_segmenter`, knowing our words' tags."""
    tagger = jieba.posseg.POSTokenizer(word_segmenter(user_dictionary))
    for line in Path(user_dictionary).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            tagger.word_tag_tab[parts[0]] = parts[2]
    return tagger


@lru_cache(maxsize=100_000)
def tag_of(word: str) -> str:
    """A word's part-of-speech tag: the dictionary's, else jieba's tagger's guess (``nr``…)."""
    known = pos_tagger().word_tag_tab.get(word)
    if known:
        return known
    guesses = list(pos_tagger().cut(word))
    return guesses[0].flag if len(guesses) == 1 else "x"


def tagged_words(text: str) -> list[jieba.posseg.pair]:
    """jieba's words of ``text`` with their tags.

    Cheaper than ``jieba.posseg.cut``: words come from the segmenter, and only words missing from
    the dictionary go through the tagger's HMM, one word at a time, cached.
    """
    return [jieba.posseg.pair(word, tag_of(word)) for word in segment(text)]


def segment(text: str, user_dictionary: str = str(USER_DICTIONARY)) -> Iterator[str]:
    """Words of ``text``, whitespace included as its own pieces."""
    return word_segmenter(user_dictionary).cut(text, HMM=True)


class PageTokenizer:
    """Raw page text in, a Doc of the repaired text's words out."""

    def __init__(
        self, vocab: Vocab, user_dictionary: str | Path = USER_DICTIONARY, simplify: bool = True
    ) -> None:
        self.vocab = vocab
        self.user_dictionary = str(user_dictionary)
        self.simplify = simplify

    def __call__(self, raw: str) -> Doc:
        clean = repair(raw, simplify=self.simplify)
        words, spaces = get_words_and_spaces(
            [w for w in segment(clean.text, self.user_dictionary) if not w.isspace()], clean.text
        )
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.raw = raw
        doc._.raw_index = list(clean.raw_index)
        return doc

    def to_disk(self, path: str | Path, **kwargs) -> None:
        """Nothing to save: the user dictionary ships with the package."""

    def from_disk(self, path: str | Path, **kwargs) -> PageTokenizer:
        """Nothing to load: see :meth:`to_disk`."""
        return self
