"""Relations, coreference and the cross-page entity table."""

import pinghu_nlp
from pinghu_nlp.link import EntityRegistry


def relations_of(text: str, relation: str) -> list[tuple[str, str]]:
    result = pinghu_nlp.extract([text])
    rows = result.relations[result.relations.relation == relation]
    return list(zip(rows["head"], rows["tail"], strict=True))


def test_title_chain_gives_one_pair_per_title():
    pairs = relations_of("市委常委、市纪委书记、市监委主任崔加晶作述职。", "HOLDS_TITLE")
    assert pairs == [("崔加晶", "市委常委"), ("崔加晶", "市纪委书记"), ("崔加晶", "市监委主任")]


def test_collective_title_before_and_after_a_list():
    before = relations_of("市领导周军波、吴金华、何健等出席。", "HOLDS_TITLE")
    assert before == [("周军波", "市领导"), ("吴金华", "市领导"), ("何健", "市领导")]
    after = relations_of("会议由周军波主持,王立新、赵海东等市领导出席。", "HOLDS_TITLE")
    assert after == [("王立新", "市领导"), ("赵海东", "市领导")]


def test_byline_roles_hold_for_every_name():
    pairs = relations_of(
        "标题\n■记者 杨昊玥\n通讯员 刘波 徐凯\n本报讯 昨天,会议召开。", "HOLDS_TITLE"
    )
    assert pairs == [("杨昊玥", "记者"), ("刘波", "通讯员"), ("徐凯", "通讯员")]


def test_name_before_its_title():
    assert relations_of("学习习近平总书记重要讲话精神。", "HOLDS_TITLE") == [("习近平", "总书记")]


def test_title_alone_is_held_by_its_last_holder_in_the_article():
    text = "县委书记张明远主持会议。会上,县委书记强调,要抓好落实。"
    assert relations_of(text, "HOLDS_TITLE") == [("张明远", "县委书记"), ("张明远", "县委书记")]


def test_member_of_the_body_a_title_names():
    pairs = relations_of("城投集团党委专职副书记汤平栋介绍了情况。", "MEMBER_OF")
    assert pairs == [("汤平栋", "城投集团党委")]


def test_event_roles_with_the_articles_meeting():
    text = (
        "本报讯 7月29日上午,我市召开半年度经济形势分析会。"
        "市委书记仲旭东主持会议并讲话。市领导周军波、何健等出席。"
    )
    chaired = relations_of(text, "CHAIRED")
    attended = relations_of(text, "ATTENDED")
    assert chaired == [("仲旭东", "半年度经济形势分析会")]
    assert attended == [("周军波", "半年度经济形势分析会"), ("何健", "半年度经济形势分析会")]


def test_attendees_listed_with_their_titles():
    """Each name of the list has its own titles; all of them attended."""
    text = (
        "本报讯 11月20日上午,我市举行重大项目集中签约仪式。市委书记仲旭东，市委副书记、"
        "市长王建峰，市政协主席金秀英等出席签约仪式。"
    )
    attended = [head for head, _ in relations_of(text, "ATTENDED")]
    assert attended == ["仲旭东", "王建峰", "金秀英"]


def test_a_title_before_a_list_of_names_belongs_to_each():
    pairs = relations_of("副主任赵强、钱红、孙建国，秘书长王立新出席会议。", "HOLDS_TITLE")
    assert pairs == [
        ("赵强", "副主任"),
        ("钱红", "副主任"),
        ("孙建国", "副主任"),
        ("王立新", "秘书长"),
    ]


def test_appointments_give_the_office_to_the_person_named_before():
    text = "决定任命李华同志为平湖市人民政府副市长。王建峰同志任平湖市委副书记。"
    assert relations_of(text, "HOLDS_TITLE") == [
        ("李华", "平湖市人民政府副市长"),
        ("王建峰", "平湖市委副书记"),
    ]


def test_surname_reference_resolves_to_the_person_named_before():
    result = pinghu_nlp.extract(["镇党委书记张明远带队检查。张书记要求,各村要压实责任。"])
    people = result.mentions[result.mentions.label == "PERSON"]
    assert list(zip(people.text, people.name, strict=True)) == [
        ("张明远", "张明远"),
        ("张书记", "张明远"),
    ]


def test_seed_entities_across_pages(seeds_result):
    entities = seeds_result.entities.set_index("entity_id")
    zhong = entities.loc["PERSON:仲旭东"]
    assert zhong["n_docs"] == 4
    assert "市委书记" in zhong["titles"]
    zhou = entities.loc["PERSON:周军波"]
    assert {"市委副书记", "市长"} <= set(zhou["titles"])
    assert not any(name.startswith("周军") and name != "周军波" for name in entities["name"])
    shen = entities.loc["PERSON:沈志凤"]
    assert "宣传部部长" in shen["titles"] and "宣传部长" not in shen["titles"]


def test_title_history_normalises_titles(seeds_result):
    history = seeds_result.title_history()
    shen = history[history["name"] == "沈志凤"]
    assert "宣传部部长" in set(shen["title"])
    assert "宣传部长" not in set(shen["title"])


def test_clash_rule_keeps_a_photographer_and_an_official_apart():
    result = pinghu_nlp.extract(
        ["标题\n■摄影 王强\n本报讯 昨天,活动举行。", "集团董事长王强出席签约仪式。"]
    )
    people = result.entities[result.entities.name == "王强"]
    assert sorted(people.entity_id) == ["PERSON:王强", "PERSON:王强#2"]


def test_a_new_batch_extends_an_earlier_registry(tmp_path):
    first = pinghu_nlp.extract(["市委书记仲旭东主持会议。"], issue_date="2023-09-01")
    first.registry.save(tmp_path / "registry.json")
    registry = EntityRegistry.load(tmp_path / "registry.json")
    second = pinghu_nlp.extract(
        ["市委书记仲旭东强调,要抓好落实。"], registry=registry, issue_date="2023-09-12"
    )
    zhong = second.entities.set_index("entity_id").loc["PERSON:仲旭东"]
    assert zhong["n_mentions"] == 2
    assert "市委书记" in zhong["titles"]
    assert str(zhong["first_date"].date()) == "2023-09-01"


def test_figure_of_names_what_a_figure_measures():
    pairs = relations_of(
        "项目占地面积约60亩,项目投资5000万美元,总建筑面积46205平方米。", "FIGURE_OF"
    )
    assert pairs == [
        ("60亩", "项目占地面积"),
        ("5000万美元", "项目投资"),
        ("46205平方米", "总建筑面积"),
    ]


def test_figure_of_a_share():
    pairs = relations_of("去年产值达到503亿元,占全市规上工业总产值的23.9%。", "FIGURE_OF")
    assert pairs == [("503亿元", "产值"), ("23.9%", "全市规上工业总产值")]


def test_pronoun_refers_to_the_last_person_named_in_the_article():
    result = pinghu_nlp.extract(["快递员张喜妹就将参与基层治理与她的工作结合起来,其他人也一样。"])
    assert list(zip(result.pronouns.text, result.pronouns.name, strict=True)) == [("她", "张喜妹")]


def test_event_relations_carry_the_dateline_date():
    text = (
        "标题\n■记者 胡佳英\n本报讯 7月29日上午,我市召开半年度经济形势分析会。"
        "市委书记仲旭东主持会议并讲话。"
    )
    result = pinghu_nlp.extract([text], issue_date="2022-07-30")
    chaired = result.relations[result.relations.relation == "CHAIRED"]
    assert list(chaired["date"].astype(str)) == ["2022-07-29"]


def test_registries_of_two_runs_merge():
    first = pinghu_nlp.extract(["市委书记仲旭东主持会议。"], issue_date="2023-09-01")
    second = pinghu_nlp.extract(["市长周军波出席。市委书记仲旭东讲话。"], issue_date="2023-09-12")
    merged = first.registry.update(second.registry)
    zhong = merged.records["PERSON:仲旭东"]
    assert zhong.n_mentions == 2
    assert zhong.titles["市委书记"] == ["2023-09-01", "2023-09-12"]
    assert merged.entity_for("PERSON", "周军波") == "PERSON:周军波"


def test_the_relations_and_the_links_read_the_kind_not_the_source():
    """A span's ``source`` is an audit label: a byline role shares its names, a collective title
    closes a list, a surname reference links, by the span's ``kind`` (issue #12)."""
    import spacy
    from spacy.tokens import Doc

    from pinghu_nlp.link import canonical_names
    from pinghu_nlp.relate import title_holders

    words = ["记者", " ", "钱一鸣", "，", "王芳", "。", "张建华", "、", "沈国良", "等", "领导"]
    words += ["。", "张书记", "说"]
    doc = Doc(spacy.blank("xx").vocab, words=words, spaces=[False] * len(words))
    doc._.articles = []
    labels = {0: "TITLE", 2: "PERSON", 4: "PERSON", 6: "PERSON", 8: "PERSON", 10: "TITLE"}
    labels[12] = "PERSON"
    kinds = {0: "byline", 10: "collective", 12: "surname"}
    doc.ents = [
        doc.char_span(doc[i].idx, doc[i].idx + len(doc[i]), label=lab) for i, lab in labels.items()
    ]
    for ent in doc.ents:
        ent._.source = "anything"
        ent._.kind = kinds.get(ent.start, "")
    text = doc.text
    holds = {
        (text[slice(*r.head)], text[slice(*r.tail)])
        for r in title_holders(text, list(doc.ents), [])
    }
    assert holds == {("钱一鸣", "记者"), ("王芳", "记者"), ("张建华", "领导"), ("沈国良", "领导")}
    assert canonical_names(doc)[(text.index("张书记"), text.index("张书记") + 3)] == "张建华"


def test_a_title_and_its_holder_with_the_space_a_short_line_keeps():
    relations = pinghu_nlp.extract(["标题\n县委副书记 沈建华\n正文第一段，会议召开。"]).relations
    held = relations[relations.relation == "HOLDS_TITLE"]
    assert list(zip(held["head"], held["tail"], strict=True)) == [("沈建华", "县委副书记")]


def test_a_title_after_a_name_and_a_space_in_a_list_of_guests():
    """嘉宾：陈海燕 平湖市文化馆馆长: a short line keeps the space; the title is the name's."""
    result = pinghu_nlp.extract(["今日平湖\n主持人：陆晓雯\n嘉宾：陈海燕 平湖市文化馆馆长\n"])
    holds = result.relations[result.relations.relation == "HOLDS_TITLE"]
    assert ("陈海燕", "平湖市文化馆馆长") in set(zip(holds["head"], holds["tail"], strict=True))


def test_a_byline_role_after_a_name_and_a_space_is_not_that_names():
    result = pinghu_nlp.extract(["今日平湖\n记者 王强 通讯员 李明\n昨天，县里召开会议。\n"])
    holds = result.relations[result.relations.relation == "HOLDS_TITLE"]
    pairs = set(zip(holds["head"], holds["tail"], strict=True))
    assert pairs == {("王强", "记者"), ("李明", "通讯员")}


def test_the_office_a_person_is_appointed_as_is_theirs():
    page = "本报讯 会议决定：\n任命王刚为县交通运输局局长；\n免去李明的县卫生健康局局长职务。\n"
    holds = pinghu_nlp.extract([page]).relations.query("relation == 'HOLDS_TITLE'")
    assert set(zip(holds["head"], holds["tail"], strict=True)) == {("王刚", "县交通运输局局长")}
