"""The candidate span every finder returns, in clean-text offsets, and how overlaps are settled."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container
from typing import NamedTuple

LABELS = ("PERSON", "TITLE", "ORG", "LOC", "DATE", "MONEY", "PERCENT", "QUANTITY")
"""The labels of ANNOTATION.md."""
WORK_TITLE = re.compile(r"《[^《》\n]{0,120}》")
"""A work's title in 《》: nothing inside it is annotated."""
LINE_BOUND_LABELS = frozenset({"ORG", "LOC", "TITLE"})
"""Labels of names, which never run across a line break of the clean text."""


class Candidate(NamedTuple):
    """A labelled span of the clean text proposed by one finder.

    ``source`` names the finder, for auditing only: nothing downstream reads it. ``priority``
    settles overlaps (higher wins, then longer); ``ref`` is a clean canonical form where the
    finder knows it (a name joined across a layout break). What the later stages read of a
    candidate is declared by its finder (:class:`~pinghu_nlp.recognise.finders.FinderSpec`):

    - ``kind``, what the span is beyond its label: a TITLE ``"office"`` (it stands alone:
      ``市委书记在会上强调``), ``"role"`` (a title only beside its holder's name: ``书记``),
      ``"collective"`` (the names listed with it share it: ``市领导``) or ``"byline"`` (a
      byline's role, shared by the names after it, spaces between); a PERSON ``"surname"``
      (surname + title: ``张书记``) or ``"nickname"`` (老 or 小 + surname: ``老沈``), a reference to
      the last person named with that surname; ``""`` otherwise;
    - ``drawn_by``, the statistical model that drew the span's edges: ``"lac"`` (LAC),
      ``"ner"`` (the character NER model), ``""`` for a rule's span.
    """

    start: int
    end: int
    label: str
    source: str
    priority: int = 0
    ref: str | None = None
    kind: str = ""
    drawn_by: str = ""


AUDIT_FIELDS = ("start", "end", "label", "source", "priority", "ref")
"""The fields of a candidate ``doc._.candidates`` lists (with ``kept``)."""


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


def crosses_line(text: str, candidate: Candidate, known: Container[str] = ()) -> bool:
    """Whether a name (ORG, LOC, TITLE) runs across a line break of the clean text.

    The layout stage joins the lines of a broken sentence, so a break left in the clean text
    separates items (``文广旅体局\n科技局``: one body per line); only a name known whole
    (``known``, with the break taken out) may hold one.
    """
    span = text[candidate.start : candidate.end]
    return (
        candidate.label in LINE_BOUND_LABELS
        and "\n" in span
        and span.replace("\n", "") not in known
    )


Finder = Callable[..., list[Candidate]]


def on_one_line(known: Callable[[], Container[str]] = frozenset) -> Callable[[Finder], Finder]:
    """Decorator: a finder ``f(text, ...)`` whose names never run across a line break.

    ``known`` gives the names that may (the gazetteer's, broken by the layout).
    """

    def decorate(finder: Finder) -> Finder:
        @functools.wraps(finder)
        def one_line(text: str, *args, **kwargs) -> list[Candidate]:
            names = known()
            return [c for c in finder(text, *args, **kwargs) if not crosses_line(text, c, names)]

        return one_line

    return decorate
