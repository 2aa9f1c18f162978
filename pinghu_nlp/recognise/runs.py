"""Names written back to back, with nothing between them: ``委员：吴刚吴敏华沈洁…``.

Lists of members (名单, 委员：…), photo credits and run-together lists before 等 often carry no
separator, or lose it on the way out of a PDF. A stretch of text between punctuation that holds
two names found back to back is read as such a run and split, from one found name or edge of
the stretch to another, into pieces that are each a name: a name found before (by a rule or the
statistical tagger), a surname with one or two characters, or a name with a middle dot. Of the
splits that cover the run, the one whose pieces are likeliest wins (found names first, then
three-character names of the commonest surnames); a run no split covers is left alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .. import lexicon
from ..articles import COMMON_SURNAMES
from .candidates import Candidate
from .finders import FINDERS
from .names import COMPOUND_SURNAMES, NAME_DOTS, TOP_SURNAMES, is_frequent_word

RUN_PRIORITY = FINDERS["run"].priority
"""Above every rule that reads one name from its context (after a title: 70): inside a run the
neighbours decide the edges. Bylines (90) stay above."""

_STOPS = frozenset(lexicon.characters("run-stops"))
"""Characters no run of names crosses (等, 和, 的)."""
_STRETCH = re.compile(rf"(?:(?![{''.join(_STOPS)}])[{lexicon.HAN_RANGE}·•])+")
_DOTTED = re.compile(rf"[{lexicon.HAN_RANGE}]{{1,6}}(?:[·•][{lexicon.HAN_RANGE}]{{1,6}}){{1,2}}")

# The cost of each kind of piece: a split of lower total cost is likelier.
_FOUND_COST = 0.7
"""A little likelier than an unfound name of the same shape: the tagger splits runs poorly."""
_THREE_CHARACTERS_COST = 1.0
_TWO_CHARACTERS_COST = 1.2
_LESS_COMMON_SURNAME_COST = 0.3
_ENDS_IN_SURNAME_COST = 0.3
"""A name rarely ends in one of the commonest surnames (张震张|万年: the 张 opens the next)."""
_DOTTED_COST = 1.0
_DOTTED_LONG_PART_COST = 0.5
"""Per character of a dotted name's first part beyond two, and its last beyond three: the
parts of a run's dotted name do not swallow its neighbours (沈建国|阿卜杜拉·买买提)."""
_DOTTED_PARTS = re.compile(r"[·•]")


def names_in_runs(
    text: str, people: Iterable[Candidate], tagged: Iterable[tuple[int, int]]
) -> list[Candidate]:
    """The names of every run on the page, given the ``people`` the rules found so far and the
    PERSON spans the statistical tagger drew (``tagged``); a tagged span that overlaps a name the
    rules read from its context (after a title, in a list…) is not taken (巴尼|斯今天 against
    总理阿尔巴尼斯).

    A stretch is a run where two trusted names in it stand back to back, or where the whole
    stretch splits into three names or more, two of them names found and at least half of them
    touching one.
    """
    people = [(c.start, c.end, c.priority) for c in people if c.label == "PERSON"]
    firm = [(s, e) for s, e, priority in people if priority >= _FIRM_PRIORITY]
    found = {(s, e) for s, e, _ in people} | {
        (s, e) for s, e in tagged if not any(a < e and s < b and (a, b) != (s, e) for a, b in firm)
    }
    stretches = _stretches(text)
    starts = [start for start, _ in stretches]
    touching: dict[int, list[tuple[int, int]]] = {}
    for span in sorted(found):
        index = bisect.bisect_right(starts, span[0]) - 1
        if index >= 0 and span[0] < stretches[index][1]:
            touching.setdefault(index, []).append(span)
    names: list[Candidate] = []
    for index, spans in touching.items():
        start, end = stretches[index]
        inside = {(s, e) for s, e in spans if e <= end and _trusted(text[s:e])}
        if _back_to_back(inside):
            names += _split_runs(text, start, end, inside)
        elif len(spans) >= 2:
            names += _whole_stretch(text, start, end, inside, spans)
    return names


def _whole_stretch(
    text: str,
    start: int,
    end: int,
    inside: set[tuple[int, int]],
    touching: list[tuple[int, int]],
) -> list[Candidate]:
    """The names of a stretch that splits whole into names, two of them found and at least
    half of them touching one found."""
    split = _best_split(text, start, end, inside, {end})
    if split is None or split[0] != end - start or len(split[2]) < _FEWEST_PIECES:
        return []
    pieces = split[2]
    overlapping = [p for p in pieces if any(s < p[1] and p[0] < e for s, e in touching)]
    if len(set(touching).intersection(pieces)) >= 2 and 2 * len(overlapping) >= len(pieces):
        return [FINDERS["run"].candidate(s, e, "PERSON") for s, e in pieces]
    return []


_FIRM_PRIORITY = FINDERS["before-title"].priority
"""Names the rules read from their context (before a title and above: after one, in a list)."""
_FEWEST_PIECES = 3
"""Fewer names than this make no run: two found back to back are found already, and two pieces
are often a name and a word (沈明胜|陆建东, 诗圣|杜甫; 沈建|林感慨 where none is found)."""


def _back_to_back(spans: Iterable[tuple[int, int]]) -> bool:
    """Whether one of the ``spans`` ends where another begins."""
    spans = list(spans)
    ends = {end for _, end in spans}
    return any(start in ends for start, _ in spans)


def _trusted(name: str) -> bool:
    """Names found before that may be pieces: two or three characters, or four with a compound
    surname (欧阳明华); longer ones and dotted ones are often several run together (吴刚吴敏华)."""
    if any(c in NAME_DOTS for c in name):
        return False
    return 2 <= len(name) <= 3 or (len(name) == 4 and name[:2] in COMPOUND_SURNAMES)


def _stretches(text: str) -> list[tuple[int, int]]:
    """Spans of Han characters and dots, cut at the characters no run crosses."""
    return [m.span() for m in _STRETCH.finditer(text) if m.end() - m.start() >= 4]


def _split_runs(text: str, start: int, end: int, found: set[tuple[int, int]]) -> list[Candidate]:
    """The best-covering run in ``text[start:end]``, then the runs left and right of it."""
    starts = sorted({start} | {s for s, _ in found})
    ends = {end} | {e for _, e in found}
    best: tuple[int, float, list[tuple[int, int]]] | None = None
    for run_start in starts:
        split = _best_split(text, run_start, end, found, ends)
        if split and (best is None or (split[0], -split[1]) > (best[0], -best[1])):
            best = split
    if best is None:
        return []
    pieces = best[2]
    left, right = pieces[0][0], pieces[-1][1]
    names = []
    if sum(piece in found for piece in pieces) >= 2 and len(pieces) >= _FEWEST_PIECES:
        names = [FINDERS["run"].candidate(s, e, "PERSON") for s, e in pieces]
    for side_start, side_end in ((start, left), (right, end)):
        side = {f for f in found if side_start <= f[0] and f[1] <= side_end}
        if side_end - side_start >= 4 and _back_to_back(side):
            names += _split_runs(text, side_start, side_end, side)
    return names


def _best_split(
    text: str, start: int, end: int, found: set[tuple[int, int]], ends: set[int]
) -> tuple[int, float, list[tuple[int, int]]] | None:
    """The split of ``text[start:q]`` into names reaching farthest to a ``q`` in ``ends``, then
    cheapest: ``(q - start, cost, pieces)``, or None where no piece fits at ``start``."""
    cost: dict[int, float] = {start: 0.0}
    back: dict[int, int] = {}
    for i in range(start, end):
        if i not in cost:
            continue
        for j, piece_cost in _pieces_at(text, i, end, found):
            if cost[i] + piece_cost < cost.get(j, float("inf")):
                cost[j] = cost[i] + piece_cost
                back[j] = i
    reached = [q for q in cost if q in ends and q > start]
    if not reached:
        return None
    q = max(reached)
    pieces = []
    i = q
    while i != start:
        pieces.append((back[i], i))
        i = back[i]
    return q - start, cost[q], pieces[::-1]


def _pieces_at(
    text: str, i: int, end: int, found: set[tuple[int, int]]
) -> Iterable[tuple[int, float]]:
    """``(piece end, cost)`` of every name that may start at ``i`` and end by ``end``."""
    for s, e in found:
        if s == i:
            yield e, _FOUND_COST
    dotted = _DOTTED.match(text, i, end)
    if dotted:
        first_dot = min(p for p in range(i, dotted.end()) if text[p] in NAME_DOTS)
        for j in range(first_dot + 2, dotted.end() + 1):
            if text[j - 1] not in NAME_DOTS:
                parts = _DOTTED_PARTS.split(text[i:j])
                long_parts = max(0, len(parts[0]) - 2) + max(0, len(parts[-1]) - 3)
                yield j, _DOTTED_COST + _DOTTED_LONG_PART_COST * long_parts
    surname = text[i : i + 2] if text[i : i + 2] in COMPOUND_SURNAMES else text[i]
    if surname not in COMMON_SURNAMES and surname not in COMPOUND_SURNAMES:
        return
    base = 0.0 if surname in TOP_SURNAMES or len(surname) == 2 else _LESS_COMMON_SURNAME_COST
    for given, length_cost in ((2, _THREE_CHARACTERS_COST), (1, _TWO_CHARACTERS_COST)):
        j = i + len(surname) + given
        name = text[i:j]
        given_name = name[len(surname) :]
        if j > end or any(c in NAME_DOTS or c == surname for c in given_name):
            continue
        if is_frequent_word(name):
            continue  # 万分, 全能: a word, unless a name found
        ends_in_surname = _ENDS_IN_SURNAME_COST if name[-1] in TOP_SURNAMES else 0.0
        yield j, base + length_cost + ends_in_surname
