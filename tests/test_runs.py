"""Names written back to back with nothing between them (constructed sentences)."""

from __future__ import annotations

import pytest

from pinghu_nlp.recognise import find_entities
from pinghu_nlp.recognise.candidates import Candidate
from pinghu_nlp.recognise.model import load_model
from pinghu_nlp.recognise.runs import names_in_runs


def people(text: str) -> list[str]:
    return [
        text[c.start : c.end] for c in find_entities(text, (), load_model()) if c.label == "PERSON"
    ]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("评审组成员：吴刚吴敏华沈洁沈一鸣陆平", ["吴刚", "吴敏华", "沈洁", "沈一鸣", "陆平"]),
        ("理事会成员：张军张丽张文华张小龙钱江", ["张军", "张丽", "张文华", "张小龙", "钱江"]),
        ("志愿服务队队员：顾平顾晓东朱敏朱海波（女）", ["顾平", "顾晓东", "朱敏", "朱海波"]),
        ("金国良沈秋萍王伟三人获得“最美志愿者”称号。", ["金国良", "沈秋萍", "王伟"]),
    ],
)
def test_a_list_of_names_without_separators_is_split_into_names(sentence, names):
    assert people(sentence) == names


def test_the_split_follows_the_names_found_and_the_surnames():
    text = "委员：吴刚吴敏华沈洁沈一鸣陆平"
    # the tagger's 沈一鸣陆平 is no piece: five characters, two names run together
    tagged = [(3, 5), (5, 8), (8, 10), (10, 15)]
    names = names_in_runs(text, [], tagged)
    assert [text[c.start : c.end] for c in names] == ["吴刚", "吴敏华", "沈洁", "沈一鸣", "陆平"]
    assert {c.source for c in names} == {"run"}


def test_a_run_ends_where_its_names_do():
    text = "获奖者沈秋萍王伟陆平感慨万分"  # 感慨万分 is no name: the run stops after 陆平
    names = names_in_runs(text, [], [(3, 6), (6, 8), (8, 10)])
    assert [text[c.start : c.end] for c in names] == ["沈秋萍", "王伟", "陆平"]


def test_two_names_back_to_back_are_no_run():
    text = "比赛中常昊胜张文东"  # a result, not a list: 常昊胜 is no name
    assert names_in_runs(text, [], [(3, 5), (6, 9), (5, 6)]) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("回想起当年，沈建国感慨万分。", "沈建国"),  # 沈建|国感慨|万分 splits, but is no list
        ("德国总理默克尔今天抵达北京。", "默克尔"),
    ],
)
def test_one_name_in_ordinary_words_is_no_run(sentence, name):
    assert people(sentence) == [name]


def test_a_name_the_rules_read_is_not_cut_by_the_taggers_pieces():
    text = "澳大利亚总理阿尔巴尼斯今天抵达北京"
    after_title = Candidate(6, 11, "PERSON", "after-title", 70)
    assert names_in_runs(text, [after_title], [(8, 10), (10, 13)]) == []
