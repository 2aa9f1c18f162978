"""General recognition mechanisms, each on sentences written for it (none is from the seeds)."""

import pytest

from pinghu_nlp import extract
from pinghu_nlp.recognise import find_entities


def entities(text: str) -> list[tuple[str, str]]:
    """``(text, label)`` of every entity the rules find."""
    return [(text[c.start : c.end], c.label) for c in find_entities(text)]


def mentions(text: str) -> list[tuple[str, str]]:
    """``(text, label)`` of every mention the whole pipeline reports."""
    table = extract([text]).mentions
    return list(zip(table["text"], table["label"], strict=True))


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("会议同意吴丽萍辞去海宁市人民政府副市长职务。", "海宁市人民政府副市长"),
        ("会议决定免去张敏嘉善县人民政府副县长职务。", "嘉善县人民政府副县长"),
        ("任命钱伟桐乡市人民政府副市长。", "桐乡市人民政府副市长"),
    ],
)
def test_a_government_title_given_or_taken_is_one_span(sentence, title):
    found = entities(sentence)
    assert (title, "TITLE") in found
    assert not any(label == "ORG" for _, label in found)  # the government is inside the title
    assert not any("职务" in text for text, _ in found)


def test_a_resignation_through_the_pipeline():
    found = mentions("会议同意吴丽萍辞去海宁市人民政府副市长职务。")
    assert found == [("吴丽萍", "PERSON"), ("海宁市人民政府副市长", "TITLE")]
