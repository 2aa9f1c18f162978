"""Layout repair: clean text for analysis, and an exact map back to the raw page."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pinghu_nlp.layout import repair, visible_text


def test_space_inside_a_name_is_removed_and_mapped_back():
    raw = "主持会议并讲话。市领导周军 波、吴金华等参加。"
    clean = repair(raw)
    start = clean.text.index("周军波")
    assert clean.to_raw(start, start + 3) == (raw.index("周军 波"), raw.index("周军 波") + 4)


def test_line_broken_mid_sentence_is_joined():
    raw = "当前,我市经济运行总体情况好于预\n\n期,但仍面临严峻复杂的外部形势。"
    assert "好于预期,但" in repair(raw).text


def test_headline_is_not_joined_to_the_byline():
    raw = "仲旭东在全市动员大会上强调\n\n记者 胡佳英\n\n本报讯 8月15日下午,我市召开大会。"
    lines = repair(raw).text.split("\n")
    assert lines[:2] == ["仲旭东在全市动员大会上强调", "记者 胡佳英"]


def test_page_furniture_is_dropped():
    raw = "\n\n平湖版\n\n平湖发布 今平湖客户端\n\nJIAXING DAILY\n\n标题\n\n■记者 胡佳英\n"
    assert repair(raw).text == "标题\n■记者 胡佳英"


def test_continuation_marker_is_dropped():
    raw = "宋怡玲指出,■下转 C2版"
    assert repair(raw).text == "宋怡玲指出,"


def test_spaces_between_latin_words_and_numbers_stay():
    assert repair("JIAXING DAILY 华为 Mate 60").text == "JIAXING DAILY 华为 Mate 60"


def test_space_between_a_figure_and_its_chinese_unit_is_removed():
    raw = "今年上半年工程已完成投资 2.4 亿元,完成率高达167%。"
    assert repair(raw).text == "今年上半年工程已完成投资2.4亿元,完成率高达167%。"


def test_spaces_in_a_short_heading_separate_its_parts():
    assert repair("嘉兴日报社 中共平湖市委 联办").text == "嘉兴日报社 中共平湖市委 联办"


def test_byline_keeps_spaces_between_names():
    assert repair("■摄影 王 强 徐冰艳 张丹燕").text == "■摄影 王 强 徐冰艳 张丹燕"


def test_traditional_script_is_simplified_without_moving_offsets():
    raw = "平湖市委書記仲旭東主持會議"
    clean = repair(raw)
    assert clean.text == "平湖市委书记仲旭东主持会议"
    assert clean.raw_index == tuple(range(len(raw)))


page_text = st.text(
    alphabet=st.sampled_from(
        list("平湖市委书记仲旭东周军波■记者,，。、 \n\r\t123abc《》“”下转C2版\u200b\xad\x01\x1b[m")
    ),
    max_size=200,
)


@given(page_text)
def test_offset_map_is_strictly_increasing(raw):
    index = repair(raw, simplify=False).raw_index
    assert all(a < b for a, b in zip(index, index[1:], strict=False))


@given(page_text)
def test_every_clean_character_comes_from_its_raw_character(raw):
    clean = repair(raw, simplify=False)
    for char, position in zip(clean.text, clean.raw_index, strict=True):
        source = raw[position]
        assert (
            char == source
            or (char == "\n" and source in "\r\n")
            or (char == " " and source.isspace())
        )


def test_spaces_between_three_or_more_names_are_kept():
    """委员李明 张伟 刘洋: a list of names, not a word the PDF broke (周军 波 is joined)."""
    clean = repair(
        "出席会议的还有：市人大常委会委员李明 张伟 刘洋 陈静。\n市长周军 波出席。\n"
    ).text
    assert "委员李明 张伟 刘洋 陈静。" in clean
    assert "周军波出席" in clean


def test_byline_with_spaces_inside_the_role_keeps_them():
    """``记 者 方静``: a byline line, so its spaces stay and it is not joined to the body."""
    raw = "老手艺焕发新活力\n■记 者 方静\n本报讯 近日，一场竹编技艺展示活动举行。"
    assert repair(raw).text.split("\n")[1] == "■记 者 方静"


def test_line_going_on_with_a_role_word_is_still_joined():
    """A sentence broken before ``文化…`` goes on: a role word at a line's start is no byline."""
    raw = "近年来，我市持续推进\n文化惠民工程，群众的精神文化生活日益丰富多彩。"
    assert "推进文化惠民工程" in repair(raw).text


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\xad\x00\x07\x0c\x7f\x85"
"""Invisible characters of each kind: zero-width, soft hyphen, BOM, C0 and C1 controls."""


@pytest.mark.parametrize("char", ZERO_WIDTH)
def test_invisible_character_inside_a_name_is_dropped_and_mapped_back(char):
    raw = f"市委书记仲{char}旭东主持会议"
    clean = repair(raw)
    assert clean.text == "市委书记仲旭东主持会议"
    start = clean.text.index("仲旭东")
    assert clean.to_raw(start, start + 3) == (4, 8)
    assert raw[4:8] == f"仲{char}旭东"


def test_invisible_characters_leave_the_offset_map_exact():
    raw = "\ufeff主持会议。市领导吴\u200b金华、宋\u200c\u200d怡玲参加。\r\n"
    clean = repair(raw)
    assert clean.text == "主持会议。市领导吴金华、宋怡玲参加。"
    assert all(raw[i] == c for c, i in zip(clean.text, clean.raw_index, strict=True))
    assert clean.raw_index[clean.text.index("金")] == raw.index("金")


def test_soft_hyphen_in_a_list_of_names_keeps_the_list():
    """李\xad明 张伟 刘洋: still a list of names, so its spaces stay."""
    raw = "出席会议的还有：市人大常委会委员李\xad明 张\xad伟 刘洋 陈静。"
    clean = repair(raw)
    assert "委员李明 张伟 刘洋 陈静。" in clean.text
    start = clean.text.index("李明")
    assert clean.to_raw(start, start + 2) == (raw.index("李"), raw.index("明") + 1)


def test_invisible_characters_do_not_hide_a_byline():
    raw = "老手艺焕发新活力\n■记\u200b者 方\u2060静\n本报讯 近日，一场竹编技艺展示活动举行。"
    assert repair(raw).text.split("\n")[1] == "■记者 方静"


def test_ansi_colour_codes_are_dropped_whole():
    raw = "本报讯 \x1b[1;31m2023年9月12日\x1b[0m上午，全市大会召开。"
    clean = repair(raw)
    assert clean.text == repair("本报讯 2023年9月12日上午，全市大会召开。").text
    assert "31m" not in clean.text
    start = clean.text.index("2023")
    assert clean.to_raw(start, start + 10) == (raw.index("2023"), raw.index("日") + 1)


def test_other_escape_sequences_are_dropped_whole():
    raw = "\x1b]0;标题\x07平湖\x1b[2K市\x1b(B委"
    assert repair(raw).text == "平湖市委"


def test_a_line_of_only_invisible_characters_is_an_empty_line():
    raw = "标题\n\u200b\x1b[0m\x0c\n■记者 胡佳英"
    assert repair(raw).text == "标题\n■记者 胡佳英"


def test_visible_text_maps_each_character_left_to_raw():
    assert visible_text("平湖") == ("平湖", None)
    assert visible_text("平\u200b湖\x1b[0m。") == ("平湖。", [0, 2, 7])


names_text = st.text(alphabet=st.sampled_from(list("平湖市委书记仲旭东■记者，。、 \n\t12")))


@given(names_text, st.lists(st.tuples(st.integers(0, 200), st.sampled_from(ZERO_WIDTH))))
def test_inserted_invisible_characters_change_nothing_but_the_map(raw, inserts):
    noisy = list(raw)
    for position, char in sorted(inserts, reverse=True):
        noisy.insert(min(position, len(noisy)), char)
    noisy = "".join(noisy)
    plain, clean = repair(raw, simplify=False), repair(noisy, simplify=False)
    assert clean.text == plain.text
    assert [noisy[i] for i in clean.raw_index] == [raw[i] for i in plain.raw_index]


def test_another_countys_edition_name_and_app_line_are_furniture():
    clean = repair("桐乡版\n标题\n桐乡发布 今桐乡客户端\n正文第一行。\n新版教材发放\n").text
    assert clean == "标题\n正文第一行。\n新版教材发放"
