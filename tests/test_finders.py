"""The finder table (recognise/finders.py) and the overlap policy a config can replace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

import pinghu_nlp
from pinghu_nlp.recognise import PREFER_PRIORITY
from pinghu_nlp.recognise.candidates import LABELS, Candidate, resolve_overlaps
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


PEOPLE_ONLY = "test_finders.people_only.v1"


@spacy.registry.misc(PEOPLE_ONLY)
def make_people_only():
    """An overlap policy of a user's: people alone, settled as the default settles them."""

    def people_only(candidates: list[Candidate]) -> list[Candidate]:
        return resolve_overlaps([c for c in candidates if c.label == "PERSON"])

    return people_only


def _proposed(doc) -> set[tuple]:
    """The candidates that do not depend on what was kept (the character model is asked where a
    kept ending lacks its name; bodies repeat the kept ones)."""
    return {
        (s.start_char, s.end_char, s.label_, s.id_)
        for s in doc.spans["candidates"]
        if s.id_ != "model" and not (s.id_ == "repeat" and s.label_ != "PERSON")
    }


@pytest.fixture(scope="module")
def people_only_nlp():
    return pinghu_nlp.load(config={"pinghu_entities": {"ents_filter": {"@misc": PEOPLE_ONLY}}})


def test_the_default_policy_is_named_in_the_config(nlp):
    assert nlp.config["components"]["pinghu_entities"]["ents_filter"] == {"@misc": PREFER_PRIORITY}
    assert nlp.get_pipe("pinghu_entities").ents_filter is resolve_overlaps


def test_a_policy_of_the_users_chooses_doc_ents_and_leaves_the_candidates(
    people_only_nlp, seed_docs, raw_pages
):
    for default, text in zip(seed_docs, raw_pages.values(), strict=True):
        doc = people_only_nlp(text)
        assert doc.ents and {e.label_ for e in doc.ents} == {"PERSON"}
        assert {e.label_ for e in default.ents} > {"PERSON"}
        assert _proposed(doc) == _proposed(default)
        assert {s.label_ for s in doc.spans["candidates"]} >= {"ORG", "LOC", "TITLE", "DATE"}
        kept = {(c["start"], c["end"]) for c in doc._.candidates if c["kept"]}
        assert kept == {(e.start_char, e.end_char) for e in doc.ents}


def test_a_saved_pipeline_keeps_its_policy(tmp_path, raw_pages):
    config = {"pinghu_entities": {"ents_filter": {"@misc": PEOPLE_ONLY}}}
    nlp = pinghu_nlp.load(model=False, config=config)
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.config["components"]["pinghu_entities"]["ents_filter"] == {"@misc": PEOPLE_ONLY}
    text = next(iter(raw_pages.values()))
    ents = [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents]
    assert ents == [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    assert {label for *_, label in ents} == {"PERSON"}


def test_load_refuses_settings_for_a_component_it_does_not_have():
    with pytest.raises(ValueError, match="pinghu_entity"):
        pinghu_nlp.load(config={"pinghu_entity": {}})


def _page_reading(nlp, pages):
    """What the pipeline makes of the pages, the sources left out: the entities (with their
    kind), the relations and the canonical names."""
    from pinghu_nlp.link import canonical_names

    reading, sources = [], set()
    for text in pages:
        doc = nlp(text)
        ents = [(e.start_char, e.end_char, e.label_, e._.ref, e._.kind) for e in doc.ents]
        reading.append((ents, doc._.relations, sorted(canonical_names(doc).items())))
        sources |= {e._.source for e in doc.ents}
    return reading, sources


def test_the_source_is_an_audit_label_only(nlp, raw_pages, monkeypatch):
    """Renaming every finder's source changes no entity, relation or linked name (issue #12):
    what a later stage reads of a candidate is its declared ``kind`` and ``drawn_by``."""
    from pinghu_nlp.recognise import figures, places

    pages = [
        *raw_pages.values(),
        "王立新、赵海东等市领导出席。市委书记在会上强调，要抓落实。",
        "市委书记张建华主持会议。张书记指出，要抓落实。沈国良来了，老沈说：好。",
        "本报记者 钱一鸣 通讯员 王芳 李明",
    ]
    before, sources = _page_reading(nlp, pages)
    assert {"office", "collective", "byline", "lac"} <= sources  # the sites that once read them
    for name, spec in FINDERS.items():
        monkeypatch.setitem(FINDERS, name, spec._replace(source=f"renamed-{spec.source}"))
    monkeypatch.setattr(figures, "FIGURES", FINDERS["figures"])
    monkeypatch.setattr(places, "ENDING", FINDERS["ending"])
    after, renamed = _page_reading(nlp, pages)
    assert renamed <= {f"renamed-{s}" for s in sources} | {"event"}
    assert after == before


@pytest.mark.parametrize(
    ("finder", "kind", "drawn_by"),
    [
        ("office", "office", ""),
        ("role", "role", ""),
        ("collective", "collective", ""),
        ("byline", "byline", ""),
        ("surname-title", "surname", ""),
        ("known-reference", "surname", ""),
        ("nickname", "nickname", ""),
        ("lac", "", "lac"),
        ("lac-body", "", "lac"),
        ("model", "", "ner"),
        ("list", "", ""),
    ],
)
def test_a_finders_candidates_carry_its_kind_and_model(finder, kind, drawn_by):
    candidate = FINDERS[finder].candidate(0, 2, FINDERS[finder].labels[0])
    assert (candidate.kind, candidate.drawn_by) == (kind, drawn_by)
    assert candidate._replace(priority=99).kind == kind  # a derived priority keeps them


@pytest.fixture
def renamed_sources(monkeypatch):
    """Every finder's source renamed, for the test's duration."""
    from pinghu_nlp.recognise import figures, places

    for name, spec in FINDERS.items():
        monkeypatch.setitem(FINDERS, name, spec._replace(source=f"renamed-{spec.source}"))
    monkeypatch.setattr(figures, "FIGURES", FINDERS["figures"])
    monkeypatch.setattr(places, "ENDING", FINDERS["ending"])


def test_the_rules_read_the_kind_and_the_model_not_the_source(renamed_sources):
    from pinghu_nlp.recognise.names import names_before_collective
    from pinghu_nlp.recognise.places import repeated_bodies
    from pinghu_nlp.recognise.statistical import model_names_completing_rules
    from pinghu_nlp.recognise.titles import find_titles

    text = "王立新、赵海东等市领导出席。"
    names = names_before_collective(text, find_titles(text))
    assert [text[c.start : c.end] for c in names] == ["赵海东"]
    text = "平湖市华茂精密有限公司成立。华茂精密有限公司很大。"
    start, end = text.index("华茂"), text.index("公司") + 2
    assert repeated_bodies(text, [FINDERS["model"].candidate(start, end, "ORG")]) == []
    assert len(repeated_bodies(text, [FINDERS["ending"].candidate(start, end, "ORG")])) == 2
    text = "钱阿大、沈金来等老党员受到表彰"  # LAC's 沈金来 completes the list's 沈金
    rule, tagged = (
        FINDERS["list"].candidate(4, 6, "PERSON"),
        FINDERS["lac"].candidate(4, 7, "PERSON"),
    )
    assert model_names_completing_rules(text, [tagged], [rule]) == [tagged._replace(priority=66)]
    assert model_names_completing_rules(text, [rule._replace(end=7)], [rule]) == []  # no LAC's
    shorter = FINDERS["lac"].candidate(4, 6, "PERSON")  # LAC's own name is no rule's
    assert model_names_completing_rules(text, [tagged], [shorter]) == []
