"""The candidate span every finder returns, in clean-text offsets, and how overlaps are settled."""

from __future__ import annotations

import re
from typing import NamedTuple

LABELS = ("PERSON", "TITLE", "ORG", "LOC", "DATE", "MONEY", "PERCENT", "QUANTITY")
"""The labels of ANNOTATION.md."""
WORK_TITLE = re.compile(r"《[^《》\n]{0,120}》")
"""A work's title in 《》: nothing inside it is annotated."""


class Candidate(NamedTuple):
    """A labelled span of the clean text proposed by one finder.

    ``priority`` settles overlaps (higher wins, then longer); ``ref`` is a clean canonical form
    where the finder knows it (a name joined across a layout break).
    """

    start: int
    end: int
    label: str
    source: str
    priority: int = 0
    ref: str | None = None


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """A flat, sorted selection: higher priority first, then longer, then earlier."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    for candidate in ranked:
        span = range(candidate.start, candidate.end)
        if candidate.end > candidate.start and not taken.intersection(span):
            chosen.append(candidate)
            taken.update(span)
    return sorted(chosen)
