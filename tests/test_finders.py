"""The finder table (recognise/finders.py) and the overlap policy a config can replace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pinghu_nlp.recognise.candidates import LABELS
from pinghu_nlp.recognise.finders import FINDERS, finder_table

README = Path(__file__).resolve().parent.parent / "README.md"
RECOGNISE = Path(__file__).resolve().parent.parent / "pinghu_nlp" / "recognise"


@pytest.fixture(scope="module")
def seed_docs(nlp, raw_pages):
    return [nlp(text) for text in raw_pages.values()]


def test_every_candidate_on_the_seeds_comes_from_a_declared_finder(seed_docs):
    declared = {(spec.source, label) for spec in FINDERS.values() for label in spec.labels}
    seen = {(span.id_, span.label_) for doc in seed_docs for span in doc.spans["candidates"]}
    assert seen, "no candidates on the seeds"
    assert seen <= declared, sorted(seen - declared)


def test_every_candidate_priority_is_declared_or_derived(seed_docs):
    """A finder's priority, or one above a declared one (a name grown from a rule's)."""
    declared = {spec.priority for spec in FINDERS.values()}
    for doc in seed_docs:
        for candidate in doc._.candidates:
            priority = candidate["priority"]
            assert priority in declared or priority - 1 in declared, candidate  # derived: + 1


def test_the_table_is_well_formed():
    assert all(set(spec.labels) <= set(LABELS) for spec in FINDERS.values())
    priorities = [spec.priority for spec in FINDERS.values()]
    assert priorities == sorted(priorities, reverse=True), "FINDERS is listed highest first"


def test_the_readme_shows_the_finder_table():
    assert finder_table() in README.read_text(encoding="utf-8")


def test_no_priority_literal_left_in_the_finder_modules():
    literal = re.compile(r"Candidate\([^)]*,\s*(?:priority=)?\d+\s*[,)]|priority=\d")
    for path in RECOGNISE.glob("*.py"):
        if path.name in ("finders.py", "candidates.py"):
            continue
        assert not literal.search(path.read_text(encoding="utf-8")), path.name


def test_the_recognisers_docstring_cites_declared_priorities():
    import pinghu_nlp.recognise as recognise

    declared = {spec.priority for spec in FINDERS.values()}
    cited = {int(n) for n in re.findall(r"\b(\d{1,2})\b", recognise.__doc__.split("Nothing")[0])}
    cited -= {1, 2, 3, 4}  # the list's own numbering
    assert cited and cited <= declared, sorted(cited - declared)
