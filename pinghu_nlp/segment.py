"""Word segmentation: the spaCy tokenizer that takes a raw page and gives a Doc of clean words.

The tokenizer runs the layout repair first, so ``nlp(raw_page)`` works and every Doc carries the
map from its characters back to the raw page (``doc._.raw_index``). Words come from jieba with the
package's user dictionary of local places and office titles; entity spans never depend on them
(the recogniser splits words at entity boundaries).
"""

from __future__ import annotations

import bisect
import hashlib
import io
import marshal
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from . import extensions  # noqa: F401  (registers doc._.raw and friends)
from .layout import repair
from .lexicon import is_han  # the one definition, for the finders too

if TYPE_CHECKING:
    import jieba
    import jieba.posseg


def _import_jieba():
    """jieba, imported without ``pkg_resources`` where nothing has imported that yet: jieba
    reads its own data files through it when it can (a fifth of a second to import, and
    deprecated), else opens the same files from its folder."""
    if "pkg_resources" in sys.modules or "jieba" in sys.modules:
        return import_module("jieba")
    sys.modules["pkg_resources"] = None  # so `import pkg_resources` raises ImportError
    try:
        return import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


jieba = _import_jieba()  # noqa: F811

USER_DICTIONARY = resources.files("pinghu_nlp") / "data" / "userdict.txt"
"""Local place names and office titles, one ``word frequency tag`` per line (jieba format)."""

jieba.setLogLevel(60)  # jieba prints its cache messages to stderr at import otherwise


@lru_cache(maxsize=1)
def cache_folder() -> Path:
    """Where jieba keeps its dictionary cache (a ``marshal`` file it loads and trusts): a private
    per-user folder, ``$XDG_CACHE_HOME/pinghu_nlp`` (default ``~/.cache/pinghu_nlp``), never
    the shared ``/tmp``; a fresh private temporary folder if that one is not ours alone."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pinghu_nlp"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
        if info.st_uid == getattr(os, "getuid", lambda: info.st_uid)() and not info.st_mode & 0o022:
            return folder
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="pinghu_nlp-jieba-"))


jieba.dt.tmp_dir = str(cache_folder())  # jieba's global tokenizer too, should anything use it


def word_segmenter(user_dictionary: str | Path = USER_DICTIONARY) -> jieba.Tokenizer:
    """A private jieba tokenizer with our user dictionary (the global one is left alone)."""
    return _word_segmenter(str(user_dictionary))


@lru_cache(maxsize=2)
def _word_segmenter(user_dictionary: str) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_folder())
    prepared = _prepared_dictionaries(user_dictionary)
    tokenizer.FREQ, tokenizer.total = prepared.frequencies, prepared.total
    tokenizer.user_word_tag_tab = dict(prepared.user_tags)
    tokenizer.initialized = True
    for word in prepared.force_split:  # as load_userdict does for a word of frequency 0
        jieba.finalseg.add_force_split(word)
    return tokenizer


@dataclass(frozen=True)
class PreparedDictionaries:
    """jieba's dictionaries with a user dictionary loaded: what :func:`_word_segmenter` and
    :func:`_posseg` would otherwise build from jieba's text files on every start."""

    frequencies: dict[str, int]
    """jieba's prefix dictionary (``Tokenizer.FREQ``) after ``load_userdict``."""
    total: int
    user_tags: dict[str, str]
    """The user dictionary's tags (``Tokenizer.user_word_tag_tab``)."""
    force_split: tuple[str, ...]
    """User words of frequency 0 (jieba's ``finalseg.add_force_split``)."""
    main_tags: dict[str, str]
    """The part-of-speech tags of jieba's main dictionary (``jieba.posseg.dt.word_tag_tab``)."""


_PREPARED_FORMAT = 1


@lru_cache(maxsize=2)
def _prepared_dictionaries(user_dictionary: str) -> PreparedDictionaries:
    """The dictionaries for ``user_dictionary``, from a ``marshal`` file in :func:`cache_folder`
    (read in one piece: a third of the time ``jieba.Tokenizer.initialize`` takes to read its
    own cache, and the tags without parsing ``dict.txt`` again), else built as jieba builds
    them and saved there. The file is named and checked by what it was built from: jieba's
    version and main dictionary, the user dictionary's bytes, the Python version."""
    key = _dictionary_key(user_dictionary)
    path = cache_folder() / f"pinghu_nlp.dictionaries.{key[:20]}.marshal"
    try:
        saved_key, *fields = marshal.loads(path.read_bytes())
        if saved_key == key:
            return PreparedDictionaries(*fields)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing or unreadable: built again below
    prepared = _build_dictionaries(user_dictionary)
    _save_dictionaries(path, key, prepared)
    return prepared


def _dictionary_key(user_dictionary: str) -> str:
    main = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME).stat()
    digest = hashlib.sha1(Path(user_dictionary).read_bytes())
    parts = (_PREPARED_FORMAT, jieba.__version__, main.st_size, main.st_mtime_ns, sys.version)
    digest.update(repr(parts).encode())
    return digest.hexdigest()


def _build_dictionaries(user_dictionary: str) -> PreparedDictionaries:
    """The dictionaries as jieba builds them: ``initialize``, ``load_userdict``, and the tags
    ``jieba.posseg`` reads at import."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_folder())
    tokenizer.initialize()
    before = set(jieba.finalseg.Force_Split_Words)
    tokenizer.load_userdict(user_dictionary)
    force_split = tuple(sorted(set(jieba.finalseg.Force_Split_Words) - before))
    main_tags = import_module("jieba.posseg").dt.word_tag_tab
    return PreparedDictionaries(
        tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab, force_split, main_tags
    )


def _save_dictionaries(path: Path, key: str, prepared: PreparedDictionaries) -> None:
    """Write the prepared dictionaries (their words shared by both tables: a smaller file,
    read faster), replacing the file only when done; a folder that cannot be written to is
    left alone (they are built again next time)."""
    words = {word: word for word in prepared.frequencies}
    tags = {words.get(word, word): tag for word, tag in prepared.main_tags.items()}
    data = (key, prepared.frequencies, prepared.total, prepared.user_tags)
    data += (prepared.force_split, tags)
    try:
        handle, partial = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            marshal.dump(data, file)
        os.replace(partial, path)
    except OSError:
        pass


def pos_tagger(user_dictionary: str | Path = USER_DICTIONARY) -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger over :func:`word_segmenter`, knowing our words' tags."""
    return _pos_tagger(str(user_dictionary))


@lru_cache(maxsize=2)
def _pos_tagger(user_dictionary: str) -> jieba.posseg.POSTokenizer:
    posseg = _posseg()
    segmenter = word_segmenter(user_dictionary)
    if segmenter.dictionary == posseg.dt.tokenizer.dictionary:
        # the same main dictionary as jieba's own tagger, which read its tags at import:
        # copied, not read again (that takes as long as importing jieba.posseg)
        tagger = _tagger_class().__new__(_tagger_class())
        tagger.tokenizer, tagger.word_tag_tab = segmenter, dict(posseg.dt.word_tag_tab)
    else:
        tagger = _tagger_class()(segmenter)
    for line in Path(user_dictionary).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            tagger.word_tag_tab[parts[0]] = parts[2]
    return tagger


@lru_cache(maxsize=1)
def _tagger_class() -> type:
    """jieba's tagger with its HMM's Viterbi search done faster (:func:`_hmm_viterbi`): the
    same tags, a third of the time, for the words jieba guessed (one cut each, in :func:`tag_of`).
    """
    posseg = _posseg()

    class Tagger(posseg.POSTokenizer):
        def _POSTokenizer__cut(self, sentence):  # jieba's own __cut, with the faster search
            tab, start, trans, emit = (
                posseg.char_state_tab_P,
                posseg.start_P,
                posseg.trans_P,
                posseg.emit_P,
            )
            pos_list = _hmm_viterbi(sentence, tab, start, trans, emit)
            begin, nexti = 0, 0
            for i, char in enumerate(sentence):
                pos = pos_list[i][0]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    yield posseg.pair(sentence[begin : i + 1], pos_list[i][1])
                    nexti = i + 1
                elif pos == "S":
                    yield posseg.pair(char, pos_list[i][1])
                    nexti = i + 1
            if nexti < len(sentence):
                yield posseg.pair(sentence[nexti:], pos_list[nexti][1])

    return Tagger


_MIN_FLOAT = -3.14e100  # jieba's score of a character a state never emits
_MIN_INF = float("-inf")


def _hmm_viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> list:
    """The route of ``jieba.posseg.viterbi``, found the same way, to the same floating-point
    sums, but following only the transitions the model has (about 20 of 256 states), not every
    pair of states: a pair it lacks scores minus infinity, which wins only where every pair does
    (then jieba's ``max`` takes the greatest previous state, as here)."""
    all_states = trans_p.keys()
    best = {
        y: start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT) for y in states.get(obs[0], all_states)
    }
    mem_path = [dict.fromkeys(best, "")]
    for t in range(1, len(obs)):
        previous = [x for x in best if len(trans_p[x]) > 0]
        if not previous:  # jieba's own search fails here: let it
            return _posseg().viterbi(obs, states, start_p, trans_p, emit_p)[1]
        expected = {y for x in previous for y in trans_p[x]}
        now = set(states.get(obs[t], all_states)) & expected or expected
        emits = {y: emit_p[y].get(obs[t], _MIN_FLOAT) for y in now}
        scored: dict = {}
        for y0 in previous:
            score = best[y0]
            for y, step in trans_p[y0].items():
                emit = emits.get(y)
                if emit is not None:
                    candidate = (score + step + emit, y0)
                    known = scored.get(y)
                    if known is None or candidate > known:
                        scored[y] = candidate
        fallback = (_MIN_INF, max(previous))  # every pair minus infinity
        path, best = {}, {}
        for y in now:
            prob, state = scored.get(y, fallback)
            if prob == _MIN_INF:
                prob, state = fallback
            best[y], path[y] = prob, state
        mem_path.append(path)
    prob, state = max((best[y], y) for y in mem_path[-1])
    route = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = mem_path[i][state]
    return route


@lru_cache(maxsize=1)
def _posseg():
    """jieba's part-of-speech module, imported when a word is first tagged. Its import parses
    jieba's main dictionary for the tags (half a second): unless something imported it before,
    it is imported without, and given the tags of the prepared dictionaries instead (the same
    table, read faster: see :func:`_prepared_dictionaries`)."""
    if "jieba.posseg" not in sys.modules:
        tags = _prepared_dictionaries(str(USER_DICTIONARY)).main_tags
        jieba.dt.get_dict_file = lambda: io.BytesIO()  # what its import reads the tags from
        try:
            posseg = import_module("jieba.posseg")
        finally:
            del jieba.dt.get_dict_file
        posseg.dt.word_tag_tab = tags
    return import_module("jieba.posseg")


def word_pair(word: str, flag: str) -> jieba.posseg.pair:
    """A tagged word, as jieba's tagger gives them."""
    return _posseg().pair(word, flag)


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's dictionary of words and their part-of-speech tags (words it does not know are
    absent), the user dictionary's included."""
    return pos_tagger().word_tag_tab


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
    pair = _posseg().pair
    return [pair(word, tag_of(word)) for word in segment(text)]


def segment(text: str, user_dictionary: str | Path = USER_DICTIONARY) -> Iterator[str]:
    """Words of ``text``, whitespace included as its own pieces."""
    return word_segmenter(user_dictionary).cut(text, HMM=True)


@dataclass(frozen=True)
class PageWords:
    """A page's words, cut once: the tokenizer and every finder read the same segmentation."""

    text: str
    starts: tuple[int, ...]
    """Offset of each word in ``text`` (whitespace pieces included)."""
    words: tuple[str, ...]

    def breaks_at(self, offset: int) -> bool:
        """Whether a word of the page starts at ``offset`` (the text's edges count as breaks)."""
        if offset <= 0 or offset >= len(self.text):
            return True
        return self.word_at(offset)[0] == offset

    def word_at(self, offset: int, guessed: bool = True) -> tuple[int, str]:
        """``(start, word)`` of the word that holds the character at ``offset``.

        ``guessed=False``: as jieba cuts without its HMM, where a word it guessed (not in the
        dictionary) stays single characters (独山港|区|原, not 独山港|区原).
        """
        index = bisect.bisect_right(self.starts, offset) - 1
        start, word = self.starts[index], self.words[index]
        if not guessed and is_guessed(word) and is_han(word):
            return offset, self.text[offset]
        return start, word

    def tagged_between(self, start: int, end: int) -> list[jieba.posseg.pair]:
        """Tagged words of ``text[start:end]``, as a fresh cut of that slice would give them.

        The page's words are reused; only a word an edge cuts through is cut again, with the
        single characters and guessed words (not in jieba's dictionary) next to it: their
        boundaries depend on what surrounds them (芦湾村|党委书记 on the page, but 芦湾|村党委
        when the slice ends before 书记).
        """
        if start >= end:
            return []
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_left(self.starts, end)  # words from ``last`` on start at or after end
        head, tail = first, last  # words[head:tail] are reused as they are
        if self.starts[first] < start:  # the start cuts a word
            head = first + 1
            while head < tail and is_loose(self.words[head]):
                head += 1
        if self.starts[last - 1] + len(self.words[last - 1]) > end:  # the end cuts a word
            tail = last - 1
            while tail > head and is_loose(self.words[tail - 1]):
                tail -= 1
        if head >= tail:
            return tagged_words(self.text[start:end])
        pair = _posseg().pair
        kept = [pair(w, tag_of(w)) for w in self.words[head:tail]]
        before = tagged_words(self.text[start : self.starts[head]]) if head > first else []
        after = tagged_words(self.text[self.starts[tail] : end]) if tail < last else []
        return before + kept + after


FREQUENT = 300
"""jieba's count above which a word is an ordinary one, not a name, whatever its tag: its
dictionary tags 智慧 and 陈述 as names (1,581 and 763), rare names fall below (王震 38)."""


def is_frequent(word: str) -> bool:
    """Whether jieba's dictionary counts ``word`` at least :data:`FREQUENT` times."""
    return word_segmenter().FREQ.get(word, 0) >= FREQUENT


def is_guessed(word: str) -> bool:
    """A word jieba's HMM made up (not in the dictionary, not whitespace or punctuation)."""
    return len(word) > 1 and not word_segmenter().FREQ.get(word)


def is_loose(word: str) -> bool:
    """A single character or a guessed word: jieba may group it differently in another slice."""
    return len(word) == 1 or is_guessed(word)


@lru_cache(maxsize=64)
def page_words(text: str) -> PageWords:
    """The words of a page's clean text, cached: the tokenizer cuts it, the finders reuse it."""
    words = tuple(segment(text))
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word)
    return PageWords(text, tuple(starts), words)


def words_and_spaces(pieces: Iterable[str], text: str) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags for a Doc of ``text``, from pieces that tile it.

    The same tokens as spaCy's ``get_words_and_spaces`` (one space after a word is its
    ``whitespace_``, other whitespace a token of its own), in one pass: spaCy's copies the rest of
    the text for every word, quadratic on a long page.
    """
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for word in pieces:
        if word.isspace():
            continue
        start = text.index(word, position)
        if start > position:
            words.append(text[position:start])
            spaces.append(False)
        words.append(word)
        position = start + len(word)
        spaced = text.startswith(" ", position)
        spaces.append(spaced)
        position += spaced
    if position < len(text):
        words.append(text[position:])
        spaces.append(False)
    return words, spaces


class PageTokenizer:
    """Raw page text in, a Doc of the repaired text's words out.

    Registered as ``pinghu_nlp.PageTokenizer.v1`` (settings ``simplify`` and ``user_dictionary``,
    a path or null for the package's); ``to_disk`` saves the settings and a user dictionary of
    the caller's own, so a saved pipeline loads anywhere.
    """

    def __init__(
        self, vocab: Vocab, user_dictionary: str | Path = USER_DICTIONARY, simplify: bool = True
    ) -> None:
        self.vocab = vocab
        self.simplify = simplify
        self.user_dictionary = str(user_dictionary)
        if Path(self.user_dictionary).exists():  # else from_disk brings the saved copy
            self._warm_up()

    def _warm_up(self) -> None:
        """Load jieba's dictionaries now, not on the first page."""
        word_segmenter(self.user_dictionary)
        pos_tagger()

    def __call__(self, raw: str) -> Doc:
        clean = repair(raw, simplify=self.simplify)
        if self.user_dictionary == str(USER_DICTIONARY):
            cut = page_words(clean.text).words
        else:
            cut = tuple(segment(clean.text, self.user_dictionary))
        words, spaces = words_and_spaces(cut, clean.text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.raw = raw
        doc._.text = clean.text
        doc._.raw_index = list(clean.raw_index)
        return doc

    @property
    def _own_dictionary(self) -> bool:
        return self.user_dictionary != str(USER_DICTIONARY)

    def _settings(self) -> dict:
        return {"simplify": self.simplify, "user_dictionary": self._own_dictionary}

    def to_disk(self, path: str | Path, **kwargs) -> None:
        """``cfg`` (the settings) and, if it is not the package's, the user dictionary."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self._settings())
        if self._own_dictionary:
            shutil.copyfile(self.user_dictionary, path / _DICTIONARY_FILE)

    def from_disk(self, path: str | Path, **kwargs) -> PageTokenizer:
        """The settings and user dictionary :meth:`to_disk` saved."""
        path = Path(path)
        settings = srsly.read_json(path / "cfg")
        self.simplify = settings["simplify"]
        own = path / _DICTIONARY_FILE
        self.user_dictionary = str(own if settings["user_dictionary"] else USER_DICTIONARY)
        self._warm_up()
        return self

    def to_bytes(self, **kwargs) -> bytes:
        """The settings and the user dictionary's text, as :meth:`to_disk` saves them."""
        own = Path(self.user_dictionary).read_bytes() if self._own_dictionary else None
        return srsly.msgpack_dumps({"cfg": self._settings(), "user_dictionary": own})

    def from_bytes(self, data: bytes, **kwargs) -> PageTokenizer:
        """What :meth:`to_bytes` gave; a user dictionary of its own goes to a cache file."""
        message = srsly.msgpack_loads(data)
        self.simplify = message["cfg"]["simplify"]
        self.user_dictionary = str(USER_DICTIONARY)
        if message["cfg"]["user_dictionary"]:
            self.user_dictionary = str(_cached_file(message["user_dictionary"]))
        self._warm_up()
        return self


_DICTIONARY_FILE = "userdict.txt"


def _cached_file(content: bytes) -> Path:
    """A file holding ``content``, named by its hash in the temporary folder (jieba reads paths)."""
    path = Path(tempfile.gettempdir()) / f"pinghu_nlp-{hashlib.sha1(content).hexdigest()}.txt"
    if not path.exists():
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(content)
        partial.replace(path)
    return path


@spacy.registry.tokenizers("pinghu_nlp.PageTokenizer.v1")
def create_page_tokenizer(
    simplify: bool = True, user_dictionary: str | None = None
) -> Callable[[Language], PageTokenizer]:
    """The page tokenizer for ``[nlp.tokenizer]``: traditional characters simplified or kept;
    ``user_dictionary``: a jieba user dictionary replacing the package's (null: the package's)."""

    def make(nlp: Language) -> PageTokenizer:
        return PageTokenizer(nlp.vocab, user_dictionary or USER_DICTIONARY, simplify)

    return make
