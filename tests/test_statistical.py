"""The statistical backbone (LAC) and how its names join the rules' (constructed sentences)."""

from __future__ import annotations

import pytest

import pinghu_nlp
from pinghu_nlp.recognise import find_entities
from pinghu_nlp.recognise.lac import lac_tagger, sentences
from pinghu_nlp.recognise.model import load_model
from pinghu_nlp.recognise.statistical import (
    model_bodies,
    model_spans,
    name_cues,
    ner_people_around,
    place_cues,
    plausible_name,
    stretches_to_read,
)


def entities(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in find_entities(text)]


def test_one_tag_per_character_and_batches_change_nothing():
    texts = ["韦嘉禾骑车经过桥边。", "俞秀芳笑得合不拢嘴。", "鲁迅和巴金的作品展出"]
    assert len({len(t) for t in texts}) == 1  # equal lengths: no padding inside the batch
    together = lac_tagger().tag(texts)
    assert [len(tags) for tags in together] == [len(t) for t in texts]
    assert together == [lac_tagger().tag([t])[0] for t in texts]
    assert together[0][:3] == ["PER-B", "PER-I", "PER-I"]


def test_sentences_cover_the_text_without_line_ends():
    text = "第一句话。第二句话！\n标题行\n" + "很长的一句，" * 40 + "完。"
    pieces = sentences(text)
    assert all("\n" not in text[s:e] for s, e in pieces)
    assert all(e - s <= 150 for s, e in pieces)
    assert "".join(text[s:e] for s, e in pieces) == text.replace("\n", "")


def test_a_name_cut_by_the_edge_of_what_was_read_is_left_out():
    text = "昨天下午韦嘉禾骑车经过桥边。"
    start = text.index("嘉")  # the piece starts inside the name
    names = lac_tagger().names(text, [(start, len(text))])
    assert all(text[s:e] != "嘉禾" for s, e, _ in names)
    assert ("韦嘉禾", "PERSON") in [(text[s:e], lab) for s, e, lab in lac_tagger().names(text)]


@pytest.mark.parametrize(
    "name, plausible",
    [
        ("丰子恺", True),
        ("蔡月娥", True),
        ("欧阳修远", True),  # a compound surname
        ("卡尔波夫", True),  # transliterated
        ("卜拉依诺夫", True),  # transliterated with 卜 and 依
        ("苗列娃", True),
        ("萧雨晴", True),  # 萧 as well as 肖
        ("克林顿", True),  # a name jieba's dictionary knows well
        ("托育园", False),  # a word jieba saw twice, tagged a name
        ("高新", False),  # a frequent word
        ("黄说", False),  # the model ended the name too late
        ("黄河", False),  # a frequent place word
    ],
)
def test_what_looks_like_a_name(name, plausible):
    assert plausible_name(name) is plausible


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("凌晨两点，韦嘉禾骑车经过桥边，发现有人落水。", ("韦嘉禾", "PERSON")),
        ("谈起这些年的变化，俞秀芳笑得合不拢嘴。", ("俞秀芳", "PERSON")),
        ("为了照顾瘫痪的婆婆，蔡月娥二十年如一日。", ("蔡月娥", "PERSON")),
        ("鲁迅、巴金等作家的作品陈列在展厅里。", ("巴金", "PERSON")),
        ("截至目前，冯建国已累计献血40次。", ("冯建国", "PERSON")),  # 冯|建国
        ("获得一等奖的是来自新仓镇的农民画家吕阿根。", ("吕阿根", "PERSON")),
        ("“这里的变化太大了！”今年78岁的俞阿根感慨道。", ("俞阿根", "PERSON")),  # 俞|阿根
        ("此后，柏朝霞一心扑在了蘑菇种植上。", ("柏朝霞", "PERSON")),  # 柏|朝霞
        ("塞尔维亚总统亚历山大·武契奇今天说。", ("亚历山大·武契奇", "PERSON")),
        ("博世、巴斯夫、蒂森克虏伯等外资企业纷纷追加投资。", ("蒂森克虏伯", "ORG")),
    ],
)
def test_names_no_rule_expects_come_from_the_model(sentence, expected):
    assert expected in entities(sentence)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("普惠托育服务走进社区，婴幼儿普惠托育还需多方参与。", "普惠托育"),  # LAC: ORG
        ("政民互通“连心桥”越架越宽。", "连心桥"),  # a whole quotation
        ("绿水青山就是金山银山。", "金山"),  # a saying
    ],
)
def test_model_bodies_need_jieba_to_agree(sentence, absent):
    assert absent not in [text for text, _ in entities(sentence)]


def test_bodies_the_model_and_jieba_agree_on():
    text = "西门子、霍尼韦尔等企业落户。"
    found = {text[c.start : c.end] for c in model_bodies(text, model_spans(text))}
    assert {"西门子", "霍尼韦尔"} <= found


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("村委会主任才国庆说，今年村里新建了两座桥。", "才国庆", "村委会主任"),
        ("村党委书记仉建华说，今年要把路修到每家门口。", "仉建华", "村党委书记"),
    ],
)
def test_a_rare_surname_after_a_title_the_model_agrees_on(sentence, name, title):
    found = entities(sentence)
    assert (name, "PERSON") in found and (title, "TITLE") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "村委会主任介绍说，今年村里新建了两座桥。",
        "市委常委要示范带头，坚持问题导向。",
        "村委会主任笑着说，今年的收成不错。",
        "车间主任高兴地说，订单排到了明年。",
    ],
)
def test_no_rare_surname_name_without_the_model(sentence):
    assert [e for e in entities(sentence) if e[1] == "PERSON"] == []


@pytest.mark.parametrize(
    "sentence, reference",
    [
        ("说起这件事，他向王书记竖起了大拇指。", "王书记"),
        ("大家跟郑主任一起清理河道。", "郑主任"),
        ("村民和许书记聊起了收成。", "许书记"),
        ("“周老师，您辛苦了！”学生们说。", "周老师"),
    ],
)
def test_surname_and_title_after_prepositions_and_in_quotes(sentence, reference):
    assert (reference, "PERSON") in entities(sentence)


def test_a_reference_to_a_rare_surname_named_before_links_to_the_full_name():
    page = (
        "今日平湖\n曹桥街道推进共富工坊建设\n■记者 贝磊\n"
        "本报讯 昨天下午，街道党工委书记乜国良带队走访企业。"
        "在一家服装厂，车间主任向乜书记介绍了订单情况。\n"
    )
    mentions = pinghu_nlp.extract([page]).mentions
    people = mentions[mentions.label == "PERSON"]
    assert set(zip(people.text, people.name, strict=True)) == {
        ("贝磊", "贝磊"),
        ("乜国良", "乜国良"),
        ("乜书记", "乜国良"),
    }
    assert all(page[r.start : r.end] == r.text for r in mentions.itertuples())


def test_reading_around_cues_reads_a_fraction_of_a_page_and_every_name_found(raw_pages):
    from pinghu_nlp.layout import repair

    text = repair(next(iter(raw_pages.values()))).text
    stretches = stretches_to_read(text, name_cues(text))
    read = sum(e - s for s, e in stretches)
    assert 0 < read < 0.6 * len(text)
    found = find_entities(text, reads="cues")
    people = [c for c in found if c.label == "PERSON" and c.source == "lac"]
    assert all(any(s <= p.start and p.end <= e for s, e in stretches) for p in people)


def test_the_tagger_reads_the_whole_page_by_default():
    """A name no cue points at (a subject jieba does not know, no title, no speech verb)."""
    text = "事后，仇海生拿着锦旗来到派出所。"
    assert (3, 6, "PERSON") in model_spans(text)
    assert (3, 6, "PERSON") not in model_spans(text, reads="cues")
    assert ("仇海生", "PERSON") in entities(text)
    with pytest.raises(ValueError, match="reads must be one of page, cues"):
        model_spans(text, reads="all")


def test_every_candidate_is_kept_for_auditing(nlp):
    doc = nlp("今日平湖\n本报讯 昨天，村委会主任才国庆说，西门子等企业落户平湖。\n")
    candidates = doc._.candidates
    kept = {(c["start"], c["end"], c["label"]) for c in candidates if c["kept"]}
    assert kept == {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    assert {"after-title", "lac"} <= {c["source"] for c in candidates}
    assert any(not c["kept"] for c in candidates)  # 才国 (the model's) lost to 才国庆
    group = doc.spans["candidates"]  # the same candidates as spaCy spans, the finder as id_
    assert {(s.start_char, s.end_char, s.label_, s.id_) for s in group} == {
        (c["start"], c["end"], c["label"], c["source"]) for c in candidates
    }
    assert {(e.start_char, e.end_char, e.label_) for e in doc.ents} <= {
        (s.start_char, s.end_char, s.label_) for s in group
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("乍浦港区码头工人陆家明已经在这里干了二十多年。", [("陆家明", "PERSON")]),
        ("退役军人安置工作扎实推进。", []),
        ("村民代表大会表决通过。", []),
    ],
)
def test_a_name_after_a_word_for_a_kind_of_person_may_open_with_a_word(sentence, expected):
    assert [e for e in entities(sentence) if e[1] == "PERSON"] == expected


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("日方社长佐藤健一表示，将继续扩大投资。", "佐藤健一"),  # after a title
        ("村民笪旭东说，今年的桃子卖得特别好。", "笪旭东"),  # a rare surname before 说
        ("参赛的彼得罗娃说，她很喜欢这里。", "彼得罗娃"),  # a foreign name before 说
    ],
)
def test_a_model_name_of_another_shape_where_the_context_names_a_person(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence", ["他们一起回到了阿根廷说起往事。", "老师傅说，这叫做工匠精神。"]
)
def test_no_model_name_of_another_shape_that_is_a_word_or_place(sentence):
    people = [text for text, label in entities(sentence) if label == "PERSON"]
    assert "阿根廷" not in people and "工匠" not in people


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("今昔对比，陈嘉善感慨万分。", "陈嘉善"),  # jieba knows 嘉善, the rule took it alone
        ("小区居民俞金宽退休后，办起了老年书场。", "俞金宽"),  # the rule stopped at two
    ],
)
def test_the_model_completes_a_name_a_rule_cut_short(sentence, name):
    assert [text for text, label in entities(sentence) if label == "PERSON"] == [name]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("负责接待的卡尔先生对记者说，一切顺利。", "卡尔"),
        ("王先生告诉记者，房子已经修好了。", "王先生"),  # surname + 先生: one person
        ("家住附近的李女士说，路灯终于亮了。", "李女士"),
    ],
)
def test_a_name_before_sir_or_madam(sentence, name):
    assert (name, "PERSON") in entities(sentence)


def test_sirs_and_madams_as_a_group_are_no_one():
    assert entities("先生们、女士们，欢迎光临。") == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("退休以后，禤建民每天都到社区图书馆帮忙。", "禤建民"),  # a surname outside the list
        ("在村里，果德明是出了名的热心肠。", "果德明"),
        ("那年夏天，琼斯带着女儿来到中国。", "琼斯"),  # a short foreign name, no cue
    ],
)
def test_a_name_of_no_known_shape_both_models_draw_alike(sentence, name):
    with_ner = find_entities(sentence, (), load_model())
    assert (name, "PERSON") in [(sentence[c.start : c.end], c.label) for c in with_ner]
    assert (name, "PERSON") not in entities(sentence)  # LAC alone is not enough for this shape


def test_the_two_models_must_agree_on_both_edges():
    sentence = "那年夏天，琼斯带着女儿来到中国。"
    wider, exact = (5, 8), (5, 7)  # 琼斯带, 琼斯
    drawn = ner_people_around(sentence, [wider, exact], load_model())
    assert {span for span in (wider, exact) if span in drawn} == {exact}


def test_a_rare_dictionary_word_of_three_characters_opening_with_a_surname_is_a_cue():
    text = "采访中，王德槟谈到了村里的变化。"  # jieba's dictionary has 王德槟 as a noun
    assert (4, 7) in name_cues(text)
    assert ("王德槟", "PERSON") in entities(text)


def test_the_tagger_reads_before_a_title_too():
    text = "那一年，周恩来总理来到这里视察。"  # jieba's dictionary tags 周恩来 a time word
    titles = [c for c in find_entities(text) if c.label == "TITLE"]
    assert (4, 7, "PERSON") in model_spans(text, titles, reads="cues")
    assert (4, 7, "PERSON") not in model_spans(text, reads="cues")
    found = find_entities(text, (), load_model())
    assert ("周恩来", "PERSON") in [(text[c.start : c.end], c.label) for c in found]


def test_the_tagger_reads_around_the_places_jieba_knows():
    text = "去年，他从达州来到平湖打工。"  # 达州: in no gazetteer of the project
    assert (5, 7) in place_cues(text)
    assert ("达州", "LOC") in entities(text)


def test_a_body_with_no_ending_is_not_made_of_place_words_alone():
    text = "在执法领域、执法案件等多维度的合作"  # jieba guesses 多维度 a place
    assert model_bodies(text, [(11, 14, "ORG")]) == []


def test_lac_tags_a_sentence_as_it_tags_it_alone_whatever_else_is_in_the_batch():
    sentence = "县委书记仲旭东来到新仓镇调研。"
    others = [
        "在场的人都说好。",
        "今年以来，全县新增市场主体三千多户，同比增长百分之十二。",
        "好。",
    ]
    alone = lac_tagger().tag([sentence])[0]
    assert lac_tagger().tag([*others, sentence])[-1] == alone
    assert lac_tagger().tag([sentence, *others])[0] == alone


def test_tags_read_back_from_a_batch_are_the_tags_of_each_sentence_alone(raw_pages):
    from pinghu_nlp.layout import repair
    from pinghu_nlp.recognise.lac import LacTagger

    class CountingSession:  # the encoder's calls, counted
        def __init__(self, session):
            self.session, self.calls = session, 0

        def run(self, *args):
            self.calls += 1
            return self.session.run(*args)

    pages = [repair(raw).text for raw in raw_pages.values()]
    alone, batched = LacTagger(), LacTagger()
    for tagger in (alone, batched):
        tagger.session = CountingSession(tagger.session)
    expected = [alone.names(page) for page in pages]
    batched.prefetch(pages)
    calls = batched.session.calls
    assert [batched.names(page) for page in pages] == expected
    assert batched.session.calls == calls < alone.session.calls  # read back, fewer batches


def test_the_recognizer_gives_the_same_entities_in_a_stream(nlp, raw_pages):
    pages = list(raw_pages.values())
    one_by_one = [[(e.start_char, e.end_char, e.label_) for e in nlp(p).ents] for p in pages]
    streamed = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(pages, batch_size=4)
    ]
    assert streamed == one_by_one
