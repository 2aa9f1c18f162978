"""The recogniser's finders as one declared table: what each proposes and at which priority.

:data:`FINDERS` maps a finder's name to its :class:`FinderSpec`: the ``source`` its candidates
carry (``span.id_`` in ``doc.spans["candidates"]``, ``span._.source`` on ``doc.ents``), the
labels it proposes, its ``priority`` and what it reads. The priority is what the overlap policy
(``ents_filter`` of the ``pinghu_entities`` component, by default
:func:`~pinghu_nlp.recognise.candidates.resolve_overlaps`: higher priority wins, then the longer
span) reads; every finder module takes its candidates' priority from here. A few priorities are
derived from these where a finder must beat or follow another (a name grown from a rule's name:
that rule's priority + 1); the descriptions say where.

The source is an audit label only: what a later stage reads of a candidate is declared here,
its ``kind`` (an office, a role, a collective title, a byline, a surname reference …) and the
model that ``drawn_by`` its edges (see :class:`~pinghu_nlp.recognise.candidates.Candidate`), so
renaming a source changes no result.

Two finders may share a source where one finder module proposes both (``list`` for people and
for bodies; ``repeat``; ``gazetteer``; ``surname-title``; ``lac``): the name is what is unique.
The README's finder table is :func:`finder_table` (a test keeps them equal).
"""

from __future__ import annotations

from typing import NamedTuple

from .candidates import Candidate


class FinderSpec(NamedTuple):
    """One finder: the ``source`` of its candidates, their ``labels``, ``priority`` and what the
    finder reads (``description``); the ``kind`` and ``drawn_by`` its candidates carry."""

    source: str
    labels: tuple[str, ...]
    priority: int
    description: str
    kind: str = ""
    drawn_by: str = ""

    def candidate(
        self, start: int, end: int, label: str, ref: str | None = None, priority: int | None = None
    ) -> Candidate:
        """A candidate of this finder (its source, kind, drawn_by and priority, unless
        ``priority`` is given: a derived one)."""
        priority = self.priority if priority is None else priority
        return Candidate(start, end, label, self.source, priority, ref, self.kind, self.drawn_by)


_PERSON = ("PERSON",)
_BODY = ("ORG", "LOC")
_FIGURES = ("DATE", "MONEY", "PERCENT", "QUANTITY")

FINDERS: dict[str, FinderSpec] = {
    "byline": FinderSpec(
        "byline",
        ("PERSON", "TITLE"),
        90,
        "an article's byline: its role and names (articles.py)",
        kind="byline",
    ),
    "run": FinderSpec(
        "run", _PERSON, 75, "names written back to back (runs.py): the neighbours decide the edges"
    ),
    "known-reference": FinderSpec(
        "surname-title",
        _PERSON,
        72,
        "surname + title of a person the page names (乜国良 … 乜书记)",
        kind="surname",
    ),
    "after-title": FinderSpec("after-title", _PERSON, 70, "a name after a title (市长仲旭东)"),
    "list": FinderSpec(
        "list",
        _PERSON,
        65,
        "the other names of a list holding a name, and a list before 等 + a collective title; "
        "those LAC's names seed take lac's priority",
    ),
    "office": FinderSpec(
        "office", ("TITLE",), 60, "a title standing alone (an office)", kind="office"
    ),
    "role": FinderSpec(
        "role", ("TITLE",), 60, "a title kept only beside its holder's name", kind="role"
    ),
    "collective": FinderSpec(
        "collective", ("TITLE",), 60, "a title its names share (市领导)", kind="collective"
    ),
    "before-title": FinderSpec("before-title", _PERSON, 55, "a name before a bare title head"),
    "county-paper": FinderSpec(
        "gazetteer", ("ORG",), 55, "the county papers (今日海盐), above the date 今日"
    ),
    "figures": FinderSpec(
        "figures", _FIGURES, 50, "figures and dates (figures.py; MONEY, PERCENT > DATE > QUANTITY)"
    ),
    "dotted": FinderSpec(
        "dotted",
        _PERSON,
        45,
        "a name with a middle dot; one grown from a name (across a dot, or over transliteration "
        "characters: 斯坦 to 斯坦尼斯拉夫): its priority + 1",
    ),
    "surname-title": FinderSpec(
        "surname-title", _PERSON, 45, "surname + title (张书记)", kind="surname"
    ),
    "speech": FinderSpec("speech", _PERSON, 40, "a name before a speech verb"),
    "after-noun": FinderSpec("after-noun", _PERSON, 40, "a name after a word for a kind of person"),
    "speaker": FinderSpec("speaker", _PERSON, 40, "a speaker's name before a colon"),
    "nickname": FinderSpec(
        "nickname", _PERSON, 35, "老 or 小 + surname (老沈, 小李)", kind="nickname"
    ),
    "anonymised": FinderSpec("anonymised", _PERSON, 35, "surname + 某 (张某)"),
    "repeat": FinderSpec(
        "repeat", _PERSON, 30, "a name repeated on the page; those LAC's names seed: lac's priority"
    ),
    "hamlet": FinderSpec(
        "hamlet", ("LOC",), 25, "a hamlet by a family and its water or ground (王家浜, 周家兜)"
    ),
    "dateline": FinderSpec(
        "dateline",
        ("LOC",),
        24,
        "a dateline's place: 北京 in 新华社北京3月12日电, 东京 in 本报东京9月18日电",
    ),
    "abbreviation-road": FinderSpec(
        "abbreviation", ("LOC",), 24, "places as one character and the road they name: 沪杭高速"
    ),
    "foreign": FinderSpec("foreign", _BODY, 23, "a foreign company and its country"),
    "body-list": FinderSpec("list", _BODY, 22, "the bodies of a list before their class (…等企业)"),
    "abbreviation": FinderSpec(
        "abbreviation", ("LOC",), 22, "a place as one character: 沪浙毗邻, 中美关系, 访华, 在京"
    ),
    "lac": FinderSpec(
        "lac",
        _PERSON,
        21,
        "LAC's names (statistical.py); dotted + 1 with a middle dot, a rule's + 1 where it "
        "completes that rule's name",
        drawn_by="lac",
    ),
    "school": FinderSpec("school", ("ORG",), 21, "a school by its place and number (嘉兴一中)"),
    "gazetteer": FinderSpec("gazetteer", _BODY, 20, "the gazetteer's places and bodies"),
    "ending": FinderSpec("ending", _BODY, 20, "a name before a place or body ending (…镇, …局)"),
    "bracketed": FinderSpec("bracketed", ("ORG",), 20, "a company with its region in brackets"),
    "road": FinderSpec("road", ("LOC",), 20, "roads and streets"),
    "brand": FinderSpec("brand", ("ORG",), 18, "a company named by its brand"),
    "quoted": FinderSpec("quoted", ("LOC",), 18, "a place in quotes"),
    "jieba": FinderSpec("jieba", _PERSON, 15, "a three-character name jieba guessed"),
    "model": FinderSpec(
        "model",
        _BODY,
        10,
        "the character NER model's name for an ending the rules left bare",
        drawn_by="ner",
    ),
    "lac-body": FinderSpec(
        "lac",
        _BODY,
        8,
        "LAC's bodies and places that jieba confirms; a body holding places: the highest + 1",
        drawn_by="lac",
    ),
    "body-repeat": FinderSpec("repeat", _BODY, 5, "the page's repeats of kept bodies and places"),
}
"""Every finder of the recogniser, highest priority first."""


def finder_table() -> str:
    """:data:`FINDERS` as a Markdown table (the README's)."""
    lines = ["| finder | source | labels | priority | reads |", "|---|---|---|---|---|"]
    lines += [
        f"| {name} | {spec.source} | {', '.join(spec.labels)} | {spec.priority} | "
        f"{spec.description} |"
        for name, spec in FINDERS.items()
    ]
    return "\n".join(lines)
