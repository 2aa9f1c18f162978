"""The pipeline is a plain spaCy pipeline: declared components, a registered tokenizer, and a
``to_disk``/``spacy.load`` round trip that gives the same Docs; a missing component is named."""

from __future__ import annotations

import pandas as pd
import pytest
import spacy
from conftest import SEED_PAGES, SEEDS

import pinghu_nlp
from pinghu_nlp.extensions import MissingComponentError
from pinghu_nlp.pipeline import PIPE_NAMES, TOKENIZER

ROOT = SEEDS.parent
DOC_ATTRIBUTES = ("raw", "text", "raw_index", "articles", "relations", "events", "candidates")


def doc_view(doc) -> dict:
    """What a Doc carries for the tables: words, entities with their attributes, annotations."""
    return {
        "words": [t.text for t in doc],
        "ents": [(e.start_char, e.end_char, e.label_, e._.ref, e._.source) for e in doc.ents],
        **{name: getattr(doc._, name) for name in DOC_ATTRIBUTES},
    }


@pytest.fixture(scope="module")
def saved(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("pipeline")
    nlp.to_disk(path)
    return path


def test_the_config_names_the_page_tokenizer_and_no_local_path(nlp):
    assert nlp.config["nlp"]["tokenizer"] == {
        "@tokenizers": TOKENIZER,
        "simplify": True,
        "user_dictionary": None,
    }
    assert nlp.pipe_names == list(PIPE_NAMES)
    assert str(ROOT) not in nlp.config.to_str()  # the NER model is saved, not pointed at


def test_every_component_declares_what_it_sets_and_needs(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    summary = analysis["summary"]
    assert set(summary) == set(PIPE_NAMES)
    assert all(summary[name]["assigns"] for name in PIPE_NAMES)
    assert "doc._.articles" in summary["pinghu_articles"]["assigns"]
    assert "doc.ents" in summary["pinghu_entities"]["assigns"]
    assert summary["pinghu_entities"]["retokenizes"] and summary["pinghu_events"]["retokenizes"]
    assert {"doc.ents", "doc._.articles"} <= set(summary["pinghu_relations"]["requires"])
    assert analysis["problems"] == {name: [] for name in PIPE_NAMES}


def test_saved_pipeline_loads_with_the_same_docs(nlp, saved, raw_pages):
    assert (saved / "pinghu_entities" / "ner" / "config.cfg").exists()  # the model travels
    assert (saved / "tokenizer" / "cfg").exists()
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER
    for raw in raw_pages.values():
        expected, got = doc_view(nlp(raw)), doc_view(loaded(raw))
        assert len(expected["ents"]) > 20
        assert got == expected


def test_pipeline_bytes_round_trip(nlp, raw_pages):
    config = nlp.config
    rebuilt = spacy.util.load_model_from_config(config).from_bytes(nlp.to_bytes())
    raw = raw_pages["002_ed8b4f82a5f7e9b1.txt"]
    assert doc_view(rebuilt(raw)) == doc_view(nlp(raw))


def test_tokenizer_settings_and_own_dictionary_are_saved(tmp_path):
    own = tmp_path / "mine.txt"
    own.write_text("旭东主持 100 n\n", encoding="utf-8")
    nlp = spacy.blank(
        "zh",
        config={
            "nlp": {
                "tokenizer": {
                    "@tokenizers": TOKENIZER,
                    "simplify": False,
                    "user_dictionary": str(own),
                }
            }
        },
    )
    raw = "平湖市委書記仲旭东主持會議。"
    words = [t.text for t in nlp(raw)]
    assert "旭东主持" in words and "書記" in "".join(words)  # own word, traditional kept
    nlp.to_disk(tmp_path / "saved")
    data = nlp.to_bytes()
    own.unlink()  # the saved pipeline and its bytes carry their copies
    loaded = spacy.load(tmp_path / "saved")
    assert [t.text for t in loaded(raw)] == words
    rebuilt = spacy.blank("zh", config=nlp.config).from_bytes(data)
    assert [t.text for t in rebuilt(raw)] == words


def test_rules_only_pipeline_saves_without_the_models(tmp_path):
    rules = pinghu_nlp.load(model=False)
    rules.to_disk(tmp_path)
    assert not (tmp_path / "pinghu_entities" / "ner").exists()
    loaded = spacy.load(tmp_path)
    recognizer = loaded.get_pipe("pinghu_entities")
    assert recognizer.ner is None and recognizer.lac is None
    raw = "本报讯 昨天,市委书记仲旭东主持会议。"
    assert doc_view(loaded(raw)) == doc_view(rules(raw))


def test_a_missing_component_is_named_not_a_type_error(raw_pages):
    nlp = pinghu_nlp.load(model=False)
    nlp.remove_pipe("pinghu_articles")
    raw = raw_pages["000_4761a9b087fadb1d.txt"]
    with pytest.raises(MissingComponentError, match="pinghu_entities needs doc._.articles"):
        nlp(raw)
    with pytest.raises(MissingComponentError, match="the pinghu_articles component"):
        pinghu_nlp.extract([raw], nlp=nlp)
    assert not issubclass(MissingComponentError, TypeError)
    assert issubclass(MissingComponentError, ValueError)


def test_tables_without_the_events_stage_have_no_events():
    page = "本报讯 9月11日，市十七届人大常委会第十二次会议召开。任命孙伟同志为平湖市教育局局长。"
    full = pinghu_nlp.extract([page])
    nlp = pinghu_nlp.load()
    nlp.remove_pipe("pinghu_events")
    result = pinghu_nlp.extract([page], nlp=nlp)
    assert list(full.events.kind) == ["APPOINTED"] and result.events.empty
    assert list(result.events.columns) == list(full.events.columns)
    pd.testing.assert_frame_equal(result.articles, full.articles)
    assert "孙伟" in set(result.mentions.text)


MENTION_KEY = ["doc_id", "article_id", "start", "end", "text", "label"]


def test_extract_honours_a_custom_pipeline(custom_result, seeds_result):
    mentions = custom_result.mentions
    added = mentions[mentions.text == "体育中心"]
    assert len(added) == 4 and set(added.label) == {"ORG"}
    assert not (seeds_result.mentions.text == "体育中心").any()
    pd.testing.assert_frame_equal(
        mentions.drop(added.index)[MENTION_KEY].reset_index(drop=True),
        seeds_result.mentions[MENTION_KEY],
    )
    for name in ("articles", "events"):
        pd.testing.assert_frame_equal(getattr(custom_result, name), getattr(seeds_result, name))
    assert "体育中心" in set(custom_result.entities.name)


def test_custom_pipeline_on_two_processes_equals_serial(custom_nlp, custom_result):
    result = pinghu_nlp.extract(SEED_PAGES, nlp=custom_nlp, n_process=2)
    for name in ("mentions", "relations", "articles", "events", "entities"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(custom_result, name))


def test_what_the_tagger_reads_is_a_saved_setting(tmp_path):
    """LAC reads every sentence by default; ``tagger_reads = "cues"`` (faster) reads around the
    name cues only and misses a name no cue points at; the setting is saved with the pipeline."""
    text = "事后，仇海生拿着锦旗来到派出所。"
    names = lambda nlp: [(e.text, e.label_) for e in nlp(text).ents]  # noqa: E731
    assert ("仇海生", "PERSON") in names(pinghu_nlp.load())
    cues = pinghu_nlp.load(config={"pinghu_entities": {"tagger_reads": "cues"}})
    assert ("仇海生", "PERSON") not in names(cues)
    cues.to_disk(tmp_path / "cues")
    reloaded = spacy.load(tmp_path / "cues")
    assert reloaded.get_pipe("pinghu_entities").tagger_reads == "cues"
    assert names(reloaded) == names(cues)
    with pytest.raises(ValueError, match="pinghu_entities: tagger_reads must be one of page, cues"):
        pinghu_nlp.load(config={"pinghu_entities": {"tagger_reads": "everything"}})
