"""General recognition mechanisms, each on sentences written for it (none is from the seeds)."""

import pytest

from pinghu_nlp import extract
from pinghu_nlp.recognise import find_entities
from pinghu_nlp.recognise.candidates import Candidate, crosses_line
from pinghu_nlp.recognise.finders import FINDERS
from pinghu_nlp.recognise.model import load_model
from pinghu_nlp.recognise.names import names_over_transliteration, transliterated_extent
from pinghu_nlp.recognise.places import bodies_over_their_places, split_place_chain
from pinghu_nlp.recognise.statistical import model_bodies, model_names_completing_rules


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


@pytest.mark.parametrize(
    "sentence, title, name",
    [
        ("省人大代表顾小平来到社区走访。", "省人大代表", "顾小平"),
        ("市政协委员陈红提交了一份提案。", "市政协委员", "陈红"),
        ("全国人大代表吴建英在会上发言。", "全国人大代表", "吴建英"),
        ("全国政协委员李国华建议。", "全国政协委员", "李国华"),
        ("嘉兴市人大代表孙国强参加视察。", "嘉兴市人大代表", "孙国强"),
    ],
)
def test_a_seat_held_by_a_named_person_is_a_title(sentence, title, name):
    found = entities(sentence)
    assert (title, "TITLE") in found
    assert (name, "PERSON") in found


@pytest.mark.parametrize("sentence", ["代表们认真审议了报告。", "市人大代表视察了工地。"])
def test_representatives_as_a_group_are_no_title(sentence):
    assert not any(label == "TITLE" for _, label in entities(sentence))


def test_a_representative_through_the_pipeline():
    assert ("省人大代表", "TITLE") in mentions("省人大代表顾小平来到社区走访。")


@pytest.mark.parametrize(
    "sentence, title, names",
    [
        ("县政协领导吴强、郑丽等参加活动。", "县政协领导", ["吴强", "郑丽"]),
        ("区人大领导钱明、孙芳等出席。", "区人大领导", ["钱明", "孙芳"]),
        ("镇领导许杰陪同调研。", "镇领导", ["许杰"]),
        ("市政府领导陈建、赵敏等出席会议。", "市政府领导", ["陈建", "赵敏"]),
    ],
)
def test_the_leaders_of_a_local_body_introduce_names(sentence, title, names):
    found = entities(sentence)
    assert found[0] == (title, "TITLE")
    assert [(name, "PERSON") for name in names] == found[1:]


@pytest.mark.parametrize("sentence", ["在市委领导下开展工作。", "县领导班子成员参加。"])
def test_leadership_without_names_is_no_title(sentence):
    assert not any(label == "TITLE" for _, label in entities(sentence))


def test_a_collective_title_closing_a_list_is_held_by_every_name():
    result = extract(["王刚、刘伟等县政协领导出席活动。"])
    holds = result.relations[result.relations["relation"] == "HOLDS_TITLE"]
    assert sorted(zip(holds["head"], holds["tail"], strict=True)) == [
        ("刘伟", "县政协领导"),
        ("王刚", "县政协领导"),
    ]


@pytest.mark.parametrize(
    "sentence, title, name",
    [
        ("华茂精密(嘉兴)有限公司总经理陈立介绍说。", "华茂精密(嘉兴)有限公司总经理", "陈立"),
        ("华茂精密（嘉兴）有限公司总经理陈立介绍说。", "华茂精密（嘉兴）有限公司总经理", "陈立"),
        ("在瑞丰电子(平湖)有限公司董事长沈伟陪同下参观。", "瑞丰电子(平湖)有限公司董事长", "沈伟"),
    ],
)
def test_a_company_with_its_region_in_brackets_qualifies_one_title(sentence, title, name):
    assert entities(sentence) == [(title, "TITLE"), (name, "PERSON")]


def test_a_company_title_through_the_pipeline():
    found = mentions("华茂精密（嘉兴）有限公司副总经理周文斌介绍说。")
    assert found == [("华茂精密（嘉兴）有限公司副总经理", "TITLE"), ("周文斌", "PERSON")]


@pytest.mark.parametrize(
    "sentence, title, name",
    [
        ("外卖骑手王磊每天跑40单。", "外卖骑手", "王磊"),
        ("网约车司机刘强告诉记者。", "网约车司机", "刘强"),
        ("出租车司机钱永刚拾金不昧。", "出租车司机", "钱永刚"),
        ("保洁员吴阿姨每天打扫楼道。", "保洁员", "吴阿姨"),
        ("环卫工人周国平一早就上了路。", "环卫工人", "周国平"),
        ("外卖小哥王磊送餐途中救人。", "外卖小哥", "王磊"),
    ],
)
def test_the_job_of_a_named_person_is_a_title(sentence, title, name):
    found = entities(sentence)
    assert (title, "TITLE") in found
    assert (name, "PERSON") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "外卖骑手们表示很满意。",
        "广大快递员积极参与。",
        "感谢外卖骑手的付出。",
        "一名网约车司机说。",
    ],
)
def test_workers_as_a_group_are_no_title(sentence):
    assert entities(sentence) == []


def test_a_job_through_the_pipeline():
    assert mentions("网约车司机刘强告诉记者。")[:2] == [("网约车司机", "TITLE"), ("刘强", "PERSON")]


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("家住东湖花园的王大爷说。", "东湖花园"),
        ("梅园新村的居民很满意。", "梅园新村"),
        ("金桂小区开展垃圾分类活动。", "金桂小区"),
        ("居住在翠湖苑的老人。", "翠湖苑"),
    ],
)
def test_a_residential_compound_is_a_place(sentence, place):
    assert (place, "LOC") in entities(sentence)


def test_a_compound_after_its_street_is_a_place_of_its_own():
    found = entities("当湖街道金桂小区居民。")
    assert found == [("当湖街道", "LOC"), ("金桂小区", "LOC")]


@pytest.mark.parametrize(
    "sentence",
    [
        "小区环境变好了。",
        "推进新村建设。",
        "打造花园式单位。",
        "建设美丽家园。",
        "老旧小区改造。",
        "人才公寓建成。",
        "建设花园城市。",
        "安置小区建设。",
    ],
)
def test_a_kind_of_compound_is_no_place(sentence):
    assert not any(label == "LOC" for _, label in mentions(sentence))


def test_a_compound_through_the_pipeline():
    assert ("金桂小区", "LOC") in mentions("金桂小区开展垃圾分类活动。")


@pytest.mark.parametrize(
    "text, names",
    [
        ("文广旅体局\n科技局", ["文广旅体局", "科技局"]),
        ("商务局\n发改局\n市场监管局", ["商务局", "发改局", "市场监管局"]),
        ("新仓镇\n独山港镇\n当湖街道", ["新仓镇", "独山港镇", "当湖街道"]),
    ],
)
def test_one_body_per_line_gives_one_span_per_line(text, names):
    found = find_entities(text)
    assert [text[c.start : c.end] for c in found] == names
    assert extract([text]).mentions["text"].tolist() == names


def test_a_name_never_runs_across_a_line_break():
    text = "文广旅体局\n科技局"
    across = Candidate(3, 9, "ORG", "model", priority=10)  # 体局\n科技局, as a model might
    assert split_place_chain(text, across) == []
    kept = Candidate(6, 9, "ORG", "model", priority=10)
    assert split_place_chain(text, kept) == [kept]


def test_a_known_name_broken_by_the_layout_may_hold_a_line_break():
    text = "独山港\n镇"
    assert not crosses_line(text, Candidate(0, 5, "LOC", "model"), known={"独山港镇"})
    assert crosses_line(text, Candidate(0, 5, "LOC", "model"))
    assert not crosses_line("98\n分", Candidate(0, 4, "QUANTITY", "figures"))


@pytest.mark.parametrize(
    "sentence, title, name",
    [
        ("嘉善县委副书记戚志强带队来平湖考察。", "嘉善县委副书记", "戚志强"),
        ("海盐县委书记王建华主持会议。", "海盐县委书记", "王建华"),
        ("区委常委、常务副区长胡立新作部署。", "常务副区长", "胡立新"),
        ("嘉善县人民政府县长助理方振宇陪同。", "嘉善县人民政府县长助理", "方振宇"),
    ],
)
def test_titles_of_counties_and_districts_as_of_cities(sentence, title, name):
    """Other county papers write 县委/区委 where this paper writes 市委: the same grammar holds."""
    found = [(sentence[c.start : c.end], c.label) for c in find_entities(sentence)]
    assert (title, "TITLE") in found and (name, "PERSON") in found
    assert not any(label == "ORG" for _, label in found)  # 嘉善县委 is inside the title


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("嘉兴市南湖区凤桥镇联丰村获评省级未来乡村。", ["嘉兴市", "南湖区", "凤桥镇", "联丰村"]),
        ("秀洲区王江泾镇是纺织重镇。", ["秀洲区", "王江泾镇"]),
        ("石桥村的村民走上了致富路。", ["石桥村"]),
    ],
)
def test_a_place_ending_inside_a_unit_name_and_districts_split_from_towns(sentence, places):
    """桥 in 凤桥镇 is part of the town's name; a district and its town are two places."""
    assert [t for t, label in entities(sentence) if label == "LOC"] == places


def test_an_acting_head_is_one_title():
    assert ("代市长", "TITLE") in entities("市委副书记、代市长陈伟主持会议。")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("今日海盐", [("今日海盐", "ORG")]),
        ("据今日桐乡报道，", [("今日桐乡", "ORG")]),
        ("今日上午，市民来到海盐。", [("今日上午", "DATE"), ("海盐", "LOC")]),
        ("百步镇：小菜园里种出共富路", []),  # a way, not a road
    ],
)
def test_county_papers_and_ways(text, expected):
    """今日 + a county the gazetteer knows is that county's paper; 种出|共富路 names no road."""
    assert [e for e in entities(text) if e[0] != "百步镇"] == expected


def test_another_county_papers_masthead_is_no_headline():
    page = (
        "今日海盐\n2024年3月15日 星期五\n\n百步镇：小菜园里种出共富路\n■记者 范佳琪\n"
        "本报讯 昨天，村民骆阿姨笑着说，今年收成不错。\n"
    )
    headlines = [h for h in extract([page]).articles.headline if h]
    assert headlines == ["百步镇:小菜园里种出共富路"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("英国外交大臣詹姆斯·克莱弗利表示，双方将加强合作。", "詹姆斯·克莱弗利"),
        ("联合国秘书长安东尼奥·古特雷斯会见了代表团。", "安东尼奥·古特雷斯"),
        ("巴基斯坦外交部长比拉瓦尔·布托·扎尔达里说，会谈富有成果。", "比拉瓦尔·布托·扎尔达里"),
        ("德方总经理托马斯·施密特，华东区经理周海峰出席。", "托马斯·施密特"),
        ("新疆代表阿不都·黑力力在发言中说", "阿不都·黑力力"),
    ],
)
def test_a_foreign_name_continues_across_its_middle_dots(sentence, name):
    people = [text for text, label in entities(sentence) if label == "PERSON"]
    assert name in people
    assert not any(p != name and p in name for p in people)  # no part left on its own


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("总统纳瓦兹·谢里夫先生表示欢迎。", "纳瓦兹·谢里夫"),  # 先生 ends the name
        ("主教练安德鲁·汤姆森在赛后说", "安德鲁·汤姆森"),  # 在 ends it
    ],
)
def test_a_dotted_name_ends_before_ordinary_words(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "新建的停车场方便了商户和游客，也方便了周边居民。",  # 和 before 游客
        "厂里的职工都称赞这项新政策。",  # 都 before 称赞
        "老人曾高兴地对记者说，日子越过越好。",  # 曾 before 高兴
        "该公司企业主管人员分别被约谈。",  # 业主 inside 主管
    ],
)
def test_a_surname_that_is_a_function_word_here_opens_no_name(sentence):
    assert not any(label == "PERSON" for _, label in entities(sentence))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("省政协副主席向东升一行来我县调研。", "向东升"),
        ("副县长于金山主持会议。", "于金山"),
    ],
)
def test_a_function_character_surname_still_opens_a_name(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("市民诸葛晓明拨打了12345热线。", ["诸葛晓明"]),
        ("副县长欧阳红主持会议。", ["欧阳红"]),
        ("学生司马小虎、诸葛文强、王林参加了比赛。", ["司马小虎", "诸葛文强", "王林"]),
    ],
)
def test_a_compound_surname_opens_a_whole_name(sentence, names):
    assert [text for text, label in entities(sentence) if label == "PERSON"] == names


def test_a_compound_surname_inside_a_place_is_no_name():
    assert not any(label == "PERSON" for _, label in entities("东方明珠塔下游客如织。"))


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("位于曹桥街道的马厩村，今年引进了3个农文旅项目。", "马厩村"),
        ("新仓镇东方村的村民自发组织了巡河队。", "东方村"),
        ("独山港镇的红旗村，家家户户挂起了灯笼。", "红旗村"),
    ],
)
def test_a_village_named_by_an_ordinary_noun_after_its_town(sentence, place):
    assert (place, "LOC") in entities(sentence)


def test_a_kind_of_village_after_its_town_is_no_village():
    assert not any(text.endswith("村") for text, _ in entities("林埭镇的先进村评选结果出炉。"))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("新西兰总理阿德恩昨天抵达。", "阿德恩"),
        ("法国外交部长巴罗19日表示，双方将加强合作。", "巴罗"),
        ("阿尔巴尼亚总理纳诺在会见时说", "纳诺"),
    ],
)
def test_a_foreign_name_without_dots_after_a_title(sentence, name):
    assert (name, "PERSON") in entities(sentence)


def test_a_country_after_a_title_is_no_name():
    found = entities("驻华大使阿根廷馆举行招待会。") + entities("会见驻华大使阿根廷、智利代表。")
    assert not any(text == "阿根廷" and label == "PERSON" for text, label in found)


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            "本报讯记者王强报道：昨天，新仓镇举行农民丰收节。",
            [("记者", "TITLE"), ("王强", "PERSON")],
        ),
        (
            "本报讯 记者 沈佳 通讯员 陆明 报道 昨天，当湖街道举行活动。",
            [("记者", "TITLE"), ("沈佳", "PERSON"), ("通讯员", "TITLE"), ("陆明", "PERSON")],
        ),
        (
            "新华社杭州6月2日电记者方敏报道：全省夏粮收购工作全面展开。",
            [("记者", "TITLE"), ("方敏", "PERSON")],
        ),
    ],
)
def test_a_byline_closed_by_report_after_the_dateline(page, expected):
    found = mentions(page)
    assert all(item in found for item in expected)


def test_a_reporter_who_learned_something_is_no_byline():
    found = mentions("本报讯记者从市教育局获悉，今年全市新建学校3所。")
    assert not any(label in ("TITLE", "PERSON") for _, label in found)


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("桐乡市职业技术学校举行开学典礼。", "桐乡市职业技术学校"),
        ("当湖街道社区卫生服务中心为老人免费体检。", "当湖街道社区卫生服务中心"),
        ("平湖市市场监督管理局开展食品安全检查。", "平湖市市场监督管理局"),
        ("海盐县职业中等专业学校的学生获得一等奖。", "海盐县职业中等专业学校"),
    ],
)
def test_a_body_named_by_its_place_and_field(sentence, body):
    assert (body, "ORG") in entities(sentence)


@pytest.mark.parametrize(
    "sentence", ["这里是浙江省唯一经省政府批准的园区。", "形成平湖建设工作格局。"]
)
def test_no_body_from_a_place_and_ordinary_words(sentence):
    assert not any(label == "ORG" and len(text) > 3 for text, label in entities(sentence))


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("嘉兴市生态环境局平湖分局开展执法检查。", "嘉兴市生态环境局平湖分局"),
        ("县委党校的老师为学员授课。", "县委党校"),
        ("平湖中学分校今年招生600人。", "平湖中学分校"),
    ],
)
def test_branches_and_party_schools_are_bodies(sentence, body):
    assert (body, "ORG") in entities(sentence)


def test_the_city_centre_is_no_body():
    assert not any(label == "ORG" for _, label in entities("市中心的老街区迎来改造。"))


@pytest.mark.parametrize(
    "text",
    ["立讯精密、敏实集团等企业参加招聘会。", "活动很热闹。\n立讯精密、敏实集团等企业参加招聘会。"],
)
def test_a_list_of_companies_at_the_start_of_a_line_keeps_its_first_member(text):
    found = entities(text)
    assert ("立讯精密", "ORG") in found and ("敏实集团", "ORG") in found


@pytest.mark.parametrize(
    ("sentence", "members"),
    [
        ("吸引了拜耳、巴斯夫、杜邦等世界500强企业落户。", ["拜耳", "巴斯夫", "杜邦"]),
        ("阿里巴巴、京东、拼多多等电商平台开展了直播带货。", ["阿里巴巴", "京东", "拼多多"]),
    ],
)
def test_a_list_of_companies_before_a_class_a_few_words_away(sentence, members):
    assert [text for text, label in entities(sentence) if label == "ORG"] == members


@pytest.mark.parametrize(
    "sentence, company",
    [
        ("日本电产株式会社与平湖经济技术开发区签约。", "日本电产株式会社"),
        ("韩国晓星有限公司和本地企业开展合作。", "韩国晓星有限公司"),
    ],
)
def test_a_foreign_company_with_its_ending_keeps_its_country(sentence, company):
    found = entities(sentence)
    assert (company, "ORG") in found
    assert not any(label == "LOC" and text in company for text, label in found)


def test_speakers_of_an_interview_are_people():
    page = "记者：今年有哪些新举措？\n钟立新：重点推进三件事。\n记者：反映如何？\n钟立新：很满意。"
    assert [text for text, label in entities(page) if label == "PERSON"] == ["钟立新", "钟立新"]


def test_labels_of_a_notice_are_no_speakers():
    page = "金额：500元\n地址：平湖市当湖街道\n时间：上午9时"
    assert not any(label == "PERSON" for _, label in entities(page))


@pytest.mark.parametrize(
    "sentence, nickname",
    [("“老宋，你家的葡萄熟了没？”邻居问。", "老宋"), ("小张说，明天再来一趟。", "小张")],
)
def test_a_nickname_jieba_knows_as_a_word_called_or_speaking(sentence, nickname):
    assert (nickname, "PERSON") in entities(sentence)


@pytest.mark.parametrize("sentence", ["这头小牛，长得真壮实。", "墙上有个小孔，透着光。"])
def test_a_word_that_looks_like_a_nickname_is_no_person(sentence):
    assert not any(label == "PERSON" for _, label in entities(sentence))


@pytest.mark.parametrize(
    ("sentence", "body", "place"),
    [
        ("这本书由浙江人民出版社出版。", "浙江人民出版社", "浙江"),
        ("嘉兴市第一医院的专家为村民义诊。", "嘉兴市第一医院", "嘉兴市"),
        ("浙江队和江苏队在决赛中相遇。", "江苏队", "江苏"),
    ],
)
def test_a_body_the_tagger_finds_takes_the_place_that_qualifies_it(sentence, body, place):
    found = [
        (sentence[c.start : c.end], c.label) for c in find_entities(sentence, (), load_model())
    ]
    assert (body, "ORG") in found
    assert (place, "LOC") not in found


def test_a_rule_body_keeps_its_edges_against_the_taggers_shorter_one():
    text = "南河头街区公司党支部开展主题党日活动。"
    bodies = [Candidate(0, 7, "ORG", "lac", 8)]  # 南河头街区公司
    rules = [Candidate(0, 5, "LOC", "ending", 20), Candidate(0, 10, "ORG", "ending", 20)]
    assert bodies_over_their_places(text, bodies, rules) == []
    assert bodies_over_their_places(text, bodies, rules[:1]) == [bodies[0]._replace(priority=21)]


@pytest.mark.parametrize(
    "sentence", ["省残联负责人来平湖调研。", "市农业农村局副局长赴嘉兴参加培训。"]
)
def test_a_verb_before_a_place_is_no_name_after_a_title(sentence):
    assert not any(label == "PERSON" for _, label in entities(sentence))


def test_the_tagger_does_not_complete_a_name_the_layout_cut_before_a_verb():
    text = "常务副市长沈振主本期创新学堂由市委组织部主办"  # 沈振 主(持), the 持 on the next line
    rule = FINDERS["after-title"].candidate(5, 7, "PERSON")
    tagged = FINDERS["lac"].candidate(5, 8, "PERSON")
    assert model_names_completing_rules(text, [tagged], [rule]) == []
    text = "钱阿大、沈金来等老党员受到表彰"  # 沈金|来: 来 read as a verb, but the name goes on
    rule, tagged = (
        FINDERS["list"].candidate(4, 6, "PERSON"),
        FINDERS["lac"].candidate(4, 7, "PERSON"),
    )
    assert model_names_completing_rules(text, [tagged], [rule]) == [tagged._replace(priority=66)]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("热烈庆祝中国共产党成立一百周年。", "中国共产党"),
        ("最高人民法院发布了典型案例。", "最高人民法院"),
        ("联合国粮农组织官员来平湖考察。", "联合国"),
    ],
)
def test_the_central_bodies_are_known_by_name(sentence, body):
    assert (body, "ORG") in entities(sentence)


def test_a_team_named_by_its_place_is_a_body():
    sentence = "比赛中，浙江队和四川队打成平手。"
    found = [
        (sentence[c.start : c.end], c.label) for c in find_entities(sentence, (), load_model())
    ]
    assert ("浙江队", "ORG") in found and ("四川队", "ORG") in found


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("本期嘉宾是平湖市第一人民医院主任医师蒋卫东。", "平湖市第一人民医院主任医师"),
        ("市中医院主治医师顾敏为居民讲解健康知识。", "市中医院主治医师"),
        ("浙江大学副教授林晓东介绍了研究成果。", "浙江大学副教授"),
    ],
)
def test_professional_titles_with_their_body(sentence, title):
    assert (title, "TITLE") in entities(sentence)


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("以及凯美福精密机械(嘉兴)有限公司等5家企业参加。", "凯美福精密机械(嘉兴)有限公司"),
        (
            "活动吸引了以及宝利德精密检测仪器(平湖)有限公司等企业。",
            "宝利德精密检测仪器(平湖)有限公司",
        ),
    ],
)
def test_a_company_with_its_region_in_brackets_keeps_its_brand_and_ending(sentence, company):
    assert (company, "ORG") in entities(sentence)


@pytest.mark.parametrize(
    ("sentence", "title", "name"),
    [
        ("德国总理朔尔茨、法国总统马克龙等出席了会议。", "法国总统", "马克龙"),
        ("英国首相约翰逊和日本首相岸田等人通了电话。", "英国首相", "约翰逊"),
    ],
)
def test_a_countrys_office_and_its_holder_are_no_foreign_company(sentence, title, name):
    found = entities(sentence)
    assert (title, "TITLE") in found and (name, "PERSON") in found
    assert not any(label == "ORG" for _, label in found)


@pytest.mark.parametrize(
    ("sentence", "town", "village"),
    [
        ("在天荒坪镇余村，他详细了解了情况。", "天荒坪镇", "余村"),
        ("随后来到洲泉镇东村走访农户。", "洲泉镇", "东村"),
    ],
)
def test_a_village_named_by_one_character_is_split_from_its_town(sentence, town, village):
    found = entities(sentence)
    assert (town, "LOC") in found and (village, "LOC") in found


@pytest.mark.parametrize(
    ("page", "paper"),
    [("今日安吉\n本报讯 县委书记调研。", "今日安吉"), ("  今日德清  \n第3版", "今日德清")],
)
def test_a_masthead_alone_on_its_line_is_the_county_paper(page, paper):
    assert (paper, "ORG") in entities(page)


def test_today_and_a_solar_term_on_a_line_is_no_paper():
    assert ("今日", "DATE") in entities("今日立冬\n天气转冷。")


@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("每位村长都要走进农户，听真心话。", "都要"),  # an adverb before a modal verb
        ("各村书记都要带头落实。", "都要"),
        ("镇领导由此看到了产业转型的希望。", "由此"),  # a function word of two characters
        ("学校为新生设计了和高中课程相衔接的教学内容。", "相衔接"),  # a verb before a verb word
        ("几位村干部才能说清楚。", "才能"),
    ],
)
def test_a_surname_that_opens_a_phrase_is_no_name(sentence, phrase):
    found = entities(sentence)
    assert not any(label == "PERSON" for _, label in found), found
    assert phrase in sentence


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("副县长向东升主持会议并讲话。", "向东升"),
        ("讲解员于金山说，这座桥已有三百年历史。", "于金山"),
        ("副市长于建华说，项目年底完工。", "于建华"),  # 建华: a proper noun to jieba, a name
        ("社区主任都文杰介绍说，加装电梯已完成一半。", "都文杰"),
    ],
)
def test_a_surname_that_is_also_a_function_word_still_opens_a_name(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, role, name",
    [
        ("超市收银员陈美玲说，最近来买菜的人多了。", "收银员", "陈美玲"),
        ("村里的保管员沈国平每天清点仓库。", "保管员", "沈国平"),
        ("飞行员刘建华驾驶直升机完成了救援。", "飞行员", "刘建华"),
        ("园艺师陈海平正在修剪树枝。", "园艺师", "陈海平"),
    ],
)
def test_a_job_role_known_by_its_ending_is_a_title_beside_its_holder(sentence, role, name):
    found = entities(sentence)
    assert (role, "TITLE") in found and (name, "PERSON") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "凝聚了技术人员智慧的新产品上市。",  # 人员: a group, and 智慧 no name
        "老党员钱一鸣带头捐款。",  # 党员: a status, no role (the name is still found)
    ],
)
def test_a_group_or_a_status_with_a_roles_ending_is_no_title(sentence):
    assert not any(label == "TITLE" for _, label in entities(sentence))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("举重名将钱晓峰为家乡争光。", "钱晓峰"),
        ("青年画家钱一鸣的作品在市博物馆展出。", "钱一鸣"),
        ("民谣歌手沈小雨在音乐节上演唱。", "沈小雨"),
    ],
)
def test_a_name_after_a_word_with_a_persons_ending(sentence, name):
    found = entities(sentence)
    assert (name, "PERSON") in found
    assert not any(label == "TITLE" for _, label in found)  # a kind of person, not a job


@pytest.mark.parametrize(
    "sentence",
    ["要兼顾国家利益与群众利益。", "各方专家陈述己见，观点切中时弊。"],
)
def test_a_word_with_a_persons_ending_before_no_name(sentence):
    assert not any(label == "PERSON" for _, label in entities(sentence))


@pytest.mark.parametrize(
    "sentence, reference",
    [
        ("匆匆来到李大娘家，李大娘说药酒管用。", "李大娘"),
        ("收银的沈小姐看我们着急，赶紧帮忙。", "沈小姐"),
        ("安馆长介绍，图书馆的开放式管理很受欢迎。", "安馆长"),
    ],
)
def test_a_surname_and_a_courtesy_or_office_word_is_one_person(sentence, reference):
    assert (reference, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("据介绍，沈国良院士将来平湖讲学。", "沈国良", "院士"),
        ("县交警大队陈家进大队长说，将进一步整治。", "陈家进", "大队长"),  # jieba: 陈家|进
        ("当天，钱国华总经理带队参观。", "钱国华", "总经理"),
    ],
)
def test_a_name_right_before_a_title_without_qualifier(sentence, name, title):
    found = entities(sentence)
    assert (name, "PERSON") in found and (title, "TITLE") in found


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("全体医生参加培训。", "全体"),  # a word
        ("由于院长不在，会议推迟。", "由于"),
        ("两家企业的负责人沈刚、吴强两厂长联名倡议。", "强两"),  # 两: the holders counted
        ("沈刚、吴强两县长联名倡议。", "强两"),  # 两 opens no given name's end (not-in-name)
        ("我们感谢参议长的邀请。", "谢参"),  # 感谢 cut through
        ("他说，和海林同志的那次谈话让人难忘。", "和海林"),  # 和: a conjunction
        ("英国伯明翰市长到访。", "伯明翰"),  # a local office: its place goes first
    ],
)
def test_no_name_is_read_into_the_words_before_a_title(sentence, words):
    found = entities(sentence)
    assert not any(label == "PERSON" and words in text for text, label in found), found


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("日资企业总经理田中一郎介绍了公司的发展。", "田中一郎"),  # after a title
        ("株式会社社长松原重信一行来平湖考察。", "松原重信"),  # 重信: a word to jieba
        ("总经理山本说，订单增加了。", "山本"),  # the family name alone before a speech verb
    ],
)
def test_a_japanese_name_after_a_title(sentence, name):
    assert (name, "PERSON") in entities(sentence)


def test_a_japanese_family_name_that_ends_a_place_name_stays_a_place():
    found = entities("石川县代表团来访。")
    assert ("石川县", "LOC") in found
    assert not any(label == "PERSON" for _, label in found)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("会上，钱小龙介绍了村里的经验。", "钱小龙"),
        ("沈志成回答说，工程年底前完工。", "沈志成"),  # jieba does not tag it a name
    ],
)
def test_a_name_jieba_does_not_tag_before_a_speech_verb(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "他向记者介绍，今年产量翻番。",
        "相关专家认为，这一做法值得推广。",
        "工作人员介绍说，展览持续一周。",
    ],
)
def test_words_before_a_speech_verb_are_no_name(sentence):
    assert not any(label == "PERSON" for _, label in entities(sentence))


def test_a_name_before_a_speech_verb_ends_on_a_word_edge():
    found = entities("对于王伟来说，这是一次机会。")  # 来说: 王伟来 would end inside a word
    assert ("王伟来", "PERSON") not in found


def test_a_surname_reference_takes_no_holder_after_its_title():
    found = entities("游客们参观了毛主席纪念堂。")
    assert ("纪念堂", "PERSON") not in found


def test_a_role_inside_a_longer_word_is_no_title():
    found = entities("活动中，老师傅传授绝活，新职工学技术。")
    assert not any(label in ("TITLE", "PERSON") for _, label in found), found


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("科创走廊地处苏浙毗邻的地带。", ["苏", "浙"]),  # a pair before a word of relations
        ("两地将推进沪杭合作。", ["沪", "杭"]),
        ("研讨会在京举行。", ["京"]),  # after a verb of stay, glued by jieba
        ("外商代表团访华期间到我市考察。", ["华"]),
    ],
)
def test_a_place_written_as_one_character(sentence, places):
    found = entities(sentence)
    assert [text for text, label in found if label == "LOC" and len(text) == 1] == places


@pytest.mark.parametrize(
    "sentence", ["来日方长，他在中间坐着。", "他在湖边散步。", "这是一个平台经济的时代。"]
)
def test_a_character_that_could_abbreviate_a_place_in_an_ordinary_word(sentence):
    assert not any(label == "LOC" and len(text) == 1 for text, label in entities(sentence))


@pytest.mark.parametrize(
    "sentence, nickname",
    [
        ("“老宋是我们村的热心人。”村民们说。", "老宋"),  # 老宋: a rare word to jieba
        ("小张每天早上六点就到岗。", "小张"),
    ],
)
def test_a_nickname_before_a_verb(sentence, nickname):
    assert (nickname, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence", ["小康路上一个都不能少。", "小龙虾节开幕。", "他就想赚点小钱。"]
)
def test_an_ordinary_word_of_lao_or_xiao_and_a_surname_is_no_nickname(sentence):
    assert not any(label == "PERSON" for _, label in entities(sentence))


def test_a_bodys_one_character_ending_closes_a_titles_qualifier():
    found = entities("市人才办主任沈丽芳介绍了人才新政。")  # jieba: 人才|办 (a verb)
    assert ("市人才办主任", "TITLE") in found and ("沈丽芳", "PERSON") in found


def test_a_verb_and_a_kind_of_compound_are_no_place():
    found = entities("市长带队到当湖街道调研老旧小区改造工作。")
    assert not any(label == "LOC" and "老旧" in text for text, label in found), found


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("嘉兴南湖区七星街道的村民说", ["嘉兴", "南湖区", "七星街道"]),  # a known city, unit-less
        ("杭州西湖区的游客", ["杭州", "西湖区"]),
        ("嘉兴经开区的企业", ["嘉兴经开区"]),  # a zone: one place
    ],
)
def test_a_city_written_without_its_unit_opens_a_chain(sentence, places):
    assert [text for text, label in entities(sentence) if label == "LOC"] == places


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("浙江大学医学院附属第二医院专家来到县里义诊。", "浙江大学医学院附属第二医院"),
        ("市第二医院的医生", "市第二医院"),  # an ordinal right before the ending
    ],
)
def test_a_body_that_belongs_to_another_is_one_name(sentence, body):
    assert (body, "ORG") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("在施工现场，项目负责人俞卫东正指挥工人浇筑混凝土。", "项目负责人"),
        ("公司销售经理王芳介绍了新产品。", "销售经理"),
    ],
)
def test_a_field_before_an_office_without_a_body(sentence, title):
    assert (title, "TITLE") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, titles",
    [
        ("市政府党组成员、副市长徐强出席会议。", ["市政府党组成员", "副市长"]),
        ("市发改局一级主任科员沈佳明介绍了项目进展。", ["市发改局一级主任科员"]),
        ("公司执行董事兼总经理邹建华说，产值有望翻番。", ["公司执行董事", "总经理"]),  # 兼
    ],
)
def test_civil_service_ranks_party_group_seats_and_titles_joined_by_jian(sentence, titles):
    assert [text for text, label in entities(sentence) if label == "TITLE"] == titles


def test_both_titles_joined_by_jian_are_held():
    relations = extract(["公司执行董事兼总经理邹建华说，产值有望翻番。"]).relations
    held = relations[relations.relation == "HOLDS_TITLE"]
    assert sorted(held["tail"]) == ["公司执行董事", "总经理"]
    assert set(held["head"]) == {"邹建华"}


@pytest.mark.parametrize(
    "sentence, reference",
    [("沈总经理高瞻远瞩地提出了发展思路。", "沈总经理"), ("李主任委员在会上说", "李主任委员")],
)
def test_a_surname_reference_takes_the_longest_title_head(sentence, reference):
    assert (reference, "PERSON") in entities(sentence)  # not 江总|书记


@pytest.mark.parametrize(
    "sentence, title, name",
    [
        ("市卫健委新闻发言人韩雪梅通报了疫苗接种情况。", "市卫健委新闻发言人", "韩雪梅"),
        ("街道党工委秘书冯晓丽做了会议记录。", "街道党工委秘书", "冯晓丽"),
        ("电机厂副厂长龚建中介绍，新生产线下月投产。", "电机厂副厂长", "龚建中"),
        ("老支书严根宝至今还保留着那本笔记。", "支书", "严根宝"),
        ("区团委干事孟佳怡带来了志愿服务项目。", "区团委干事", "孟佳怡"),
        ("营长倪海涛带领官兵投入抢险。", "营长", "倪海涛"),
    ],
)
def test_spokespeople_secretaries_and_unit_heads_are_offices(sentence, title, name):
    found = entities(sentence)
    assert (title, "TITLE") in found and (name, "PERSON") in found


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("县市场监管局稽查大队大队长施伟国带队检查。", "县市场监管局稽查大队大队长"),
        ("市疾控中心检验科科长陆敏华介绍了检测流程。", "市疾控中心检验科科长"),
        ("区综合行政执法局执法中队中队长庞建军说。", "区综合行政执法局执法中队中队长"),
    ],
)
def test_a_units_field_verb_stays_inside_the_titles_qualifier(sentence, title):
    assert [text for text, label in entities(sentence) if label == "TITLE"] == [title]


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("社区党总支书记杭美芳说。", "社区党总支书记"),
        ("镇党委书记、人大主席章立新出席。", "镇党委书记"),
    ],
)
def test_a_head_inside_a_longer_one_gives_way_to_the_head_that_ends_the_title(sentence, title):
    assert (title, "TITLE") in entities(sentence)  # not 党总|支书|记


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("考察团先后到诸暨、嵊州和新昌学习经验。", ["诸暨", "嵊州", "新昌"]),  # counties nearby
        ("这批货物从烟台港运往湛江，再转运三亚。", ["湛江", "三亚"]),  # cities anywhere
        ("她在四川省凉山彝族自治州昭觉县支教三年。", ["四川省", "凉山彝族自治州", "昭觉县"]),
        ("结对帮扶的贵州省独山县来了一批农产品。", ["贵州省", "独山县"]),
    ],
)
def test_chinas_provinces_cities_and_counties_are_places(sentence, places):
    found = [text for text, label in entities(sentence) if label == "LOC"]
    assert all(place in found for place in places), found


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("作为沿海城市，我们要抓住机遇。", "海城市"),  # 沿海|城市, not 海城市
        ("积极探索县域发展的新路子。", "索县"),  # 探索|县域
        ("公安干警连夜排查，朝阳产业加快集聚。", "公安"),  # a county's short form, a word here
        ("独山能源的二期项目开工。", "独山"),  # a county far away: only 独山县 is that place
    ],
)
def test_a_divisions_name_inside_a_word_or_an_ordinary_short_form_is_no_place(sentence, word):
    assert (word, "LOC") not in entities(sentence)


@pytest.mark.parametrize(
    "sentence, cut, name",
    [
        ("外方经理斯坦尼斯拉夫说，", "斯坦", "斯坦尼斯拉夫"),  # over the next word
        ("球队的后卫奥尔特加射门得分。", "奥尔特", "奥尔特加"),  # to the end of jieba's word
        ("埃及总理马卡里奥会见记者。", "卡里奥", "马卡里奥"),  # leftwards, not over 总理
        ("前锋巴蒂斯图塔的进球", "巴蒂", "巴蒂斯图塔"),
        ("部长施特劳斯—卡恩表示，", "施特劳斯", "施特劳斯—卡恩"),  # across a joining dash
    ],
)
def test_a_foreign_name_cut_short_grows_over_transliteration(sentence, cut, name):
    start = sentence.index(cut)
    grown = names_over_transliteration(
        sentence, [FINDERS["lac"].candidate(start, start + len(cut), "PERSON")]
    )
    assert [sentence[c.start : c.end] for c in grown] == [name]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("克林顿多次表示，", "克林顿"),  # 多次: a dictionary word across the edge
        ("克林顿和叶利钦会谈。", "克林顿"),  # 和: a function word
        ("阿拉法特在加沙会见记者。", "阿拉法特"),  # 在
        ("总统科尔巴黎之行结束。", "科尔"),  # a place after it
        ("访问以色列内塔尼亚胡表示", "内塔尼亚胡"),  # a place before it
        ("罗纳尔多的传球", "罗纳尔多"),  # 的
        ("马拉多纳加盟球队", "马拉多纳"),  # 加盟: a verb
    ],
)
def test_a_foreign_name_does_not_swallow_ordinary_words(sentence, name):
    start = sentence.index(name)
    assert transliterated_extent(sentence, start, start + len(name)) == (
        start,
        start + len(name),
    )


def test_a_chinese_name_does_not_grow():
    sentence = "王立新多次表示，"
    person = FINDERS["after-title"].candidate(0, 3, "PERSON")
    assert names_over_transliteration(sentence, [person]) == []


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("外方经理斯坦尼斯拉夫说，", "斯坦尼斯拉夫"),
        ("法国部长施特劳斯—卡恩表示，", "施特劳斯—卡恩"),
    ],
)
def test_a_grown_foreign_name_is_the_entity(sentence, name):
    found = entities(sentence)
    assert (name, "PERSON") in found
    assert [text for text, label in found if label == "PERSON"] == [name]


@pytest.mark.parametrize(
    "sentence", ["湖北有些干部作风不实。", "这些年轻干部成长很快。", "加强企业内部管理。"]
)
def test_an_ordinary_word_that_ends_like_a_body_is_no_body(sentence):
    assert not [text for text, label in entities(sentence) if label == "ORG"]


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("新华社布鲁塞尔3月5日电 欧盟今天发表声明。", ["布鲁塞尔"]),
        ("本报湖州十二月一日讯 今年全市粮食丰收。", ["湖州"]),
        ("中新社浙江舟山7月8日电 开渔节今天举行。", ["浙江", "舟山"]),
    ],
)
def test_the_place_of_a_dateline(sentence, places):
    found = [text for text, label in entities(sentence) if label == "LOC"]
    assert found[: len(places)] == places


def test_a_reporter_in_a_dateline_is_no_place():
    assert not [t for t, label in entities("新华社记者9月3日电 会议今天开幕。") if label == "LOC"]


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("秀洲高新技术产业园区内新落户企业15家。", "秀洲高新技术产业园区"),  # 园|区内
        ("新埭镇上的农贸市场改造完成。", "新埭镇"),  # 镇|上
    ],
)
def test_a_place_ending_with_a_locative_glued_on_ends_the_name(sentence, place):
    assert (place, "LOC") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("周末的新市古镇游人如织。", "新市古镇"),
        ("芦墟老街完成了立面改造。", "芦墟老街"),
        ("钱清轻纺城与柯桥商贸城相距不远。", "柯桥商贸城"),
    ],
)
def test_old_towns_old_streets_and_trade_cities_are_places(sentence, place):
    assert (place, "LOC") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, nickname", [("老钱前年搬进了新居。", "老钱"), ("小吴上午就赶到了现场。", "小吴")]
)
def test_a_nickname_before_a_time_word(sentence, nickname):
    assert (nickname, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "line, titles, names",
    [
        ("记者 严佳 通讯员 孔晓东 文/摄", ["记者", "通讯员"], ["严佳", "孔晓东"]),
        ("本报记者 邱宇航 报道", ["记者"], ["邱宇航"]),
        ("本报记者 报道", [], []),  # no name: no byline
    ],
)
def test_a_byline_closed_by_what_its_names_did(line, titles, names):
    found = mentions(line)
    assert [t for t, label in found if label == "TITLE"] == titles
    assert [t for t, label in found if label == "PERSON"] == names


@pytest.mark.parametrize(
    "sentence, name",
    [("这套方案由汪利民团队完成。", "汪利民"), ("该工艺由钱塘生课题组研发。", "钱塘生")],
)
def test_a_name_jieba_cut_after_its_first_given_character(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, bodies",
    [
        ("县卫健局联合县供销社开展义诊。", ["县卫健局", "县供销社"]),  # an action between bodies
        ("海盐二中与县新华书店共建书香校园。", ["海盐二中", "县新华书店"]),
    ],
)
def test_bodies_joined_by_an_action_verb_and_schools_by_their_number(sentence, bodies):
    assert [text for text, label in entities(sentence) if label == "ORG"] == bodies


def test_a_numeral_and_zhong_before_xin_is_no_school():
    assert not [t for t, label in entities("嘉兴一中心城区道路改造。") if label == "ORG"]


def test_a_development_zones_field_words_stay_in_the_title():
    found = entities("长三角生态绿色一体化发展示范区执委会主任马春雷讲话。")
    assert ("长三角生态绿色一体化发展示范区执委会主任", "TITLE") in found


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("市委常委、组织部部长孙建来我县调研。", "孙建"),  # 来 + where to, not 孙建来
        ("副县长吴平赴沪招商。", "吴平"),
    ],
)
def test_a_verb_of_travel_before_a_place_ends_the_name(sentence, name):
    people = [text for text, label in entities(sentence) if label == "PERSON"]
    assert people == [name]


def test_the_weather_station_is_a_body():
    assert ("县气象台", "ORG") in entities("据县气象台预报，本周后期有降雨。")


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("受表彰的还有仝建国、逄晓梅、隗志强。", ["仝建国", "逄晓梅", "隗志强"]),  # rare surnames
        ("射击运动员盛李豪载誉归来。", ["盛李豪"]),  # 盛|李豪: a given name opening with a surname
    ],
)
def test_rare_surnames_in_a_list_and_a_given_name_that_opens_with_a_surname(sentence, names):
    assert [text for text, label in entities(sentence) if label == "PERSON"] == names


def test_full_width_figures_keep_their_decimal_point_and_percent_sign():
    raw = "全县实现产值１５６．７亿元，增长１２．３％。"
    table = extract([raw]).mentions
    assert list(zip(table["text"], table["label"], strict=True)) == [
        ("１５６．７亿元", "MONEY"),
        ("１２．３％", "PERCENT"),
    ]
    assert list(table["value"]) == [15_670_000_000, 0.123]
    spans = zip(table.start, table.end, table.text, strict=True)
    assert all(raw[start:end] == text for start, end, text in spans)


@pytest.mark.parametrize(
    "sentence, name", [("约翰．史密斯说，", "约翰．史密斯"), ("玛丽・居里的故事", "玛丽・居里")]
)
def test_a_full_width_stop_or_katakana_dot_inside_a_foreign_name(sentence, name):
    assert (name, "PERSON") in mentions(sentence)


@pytest.mark.parametrize(
    "sentence, road",
    [("申嘉湖高速嘉兴段完成改造。", "申嘉湖高速"), ("沪杭铁路曾穿城而过。", "沪杭铁路")],
)
def test_a_pair_of_abbreviations_and_the_road_they_name_is_one_place(sentence, road):
    assert (road, "LOC") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("周末的梵高花园里游人不少。", "梵高花园"),  # a name jieba does not know before 花园
        ("新年音乐会在人民广场举行。", "人民广场"),
    ],
)
def test_lac_reads_around_the_ending_of_a_venue(sentence, place):
    assert (place, "LOC") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, water",
    [
        ("沿着嘉善塘一路向北。", "嘉善塘"),
        ("新仓河的水变清了。", "新仓河"),
        ("两岸人家枕着盐嘉塘。", "盐嘉塘"),
    ],
)
def test_a_waterway_named_before_tang_or_he(sentence, water):
    assert (water, "LOC") in entities(sentence)


@pytest.mark.parametrize(
    "sentence", ["他们在池塘边钓鱼。", "全县河道整治完成。", "运河文化源远流长。"]
)
def test_a_word_ending_in_tang_or_he_is_no_waterway(sentence):
    assert not entities(sentence)


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("区老年大学今年新开了摄影班。", "区老年大学"),  # a set phrase of jieba's after 区
        ("市妇幼保健院开展义诊。", "市妇幼保健院"),
        ("海宁市金穗家庭农场种了三百亩水稻。", "海宁市金穗家庭农场"),
    ],
)
def test_schools_for_the_elderly_maternity_hospitals_and_family_farms(sentence, body):
    assert (body, "ORG") in entities(sentence)


def test_a_name_the_ner_model_draws_longer_does_not_override_the_rule_after_a_title():
    found = entities("县人民法院院长陈刚作工作报告。")
    assert ("陈刚", "PERSON") in found and ("陈刚作", "PERSON") not in found


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("据钱国庆介绍，今年的订单已经排满。", "钱国庆"),
        ("经柏建明介绍，两家企业达成合作。", "柏建明"),
    ],
)
def test_a_name_between_the_source_of_a_report_and_its_speech_verb(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence", ["据市统计局介绍，数据有变化。", "据有关部门介绍，工程已完工。"]
)
def test_a_body_as_the_source_of_a_report_is_no_name(sentence):
    assert not [t for t, label in entities(sentence) if label == "PERSON"]


@pytest.mark.parametrize(
    "sentence, title",
    [
        (
            "独山港经济开发区（独山港镇）党工委副书记许强讲话。",
            "独山港经济开发区（独山港镇）党工委副书记",
        ),
        ("高新区（城南街道）管委会主任季红出席。", "高新区（城南街道）管委会主任"),
    ],
)
def test_a_zone_and_the_other_name_it_goes_by_qualify_one_title(sentence, title):
    assert (title, "TITLE") in entities(sentence)


@pytest.mark.parametrize("sentence", ["企业新建了研发中心。", "园区设立了环保中心。"])
def test_a_frequent_abbreviation_before_a_generic_ending_names_no_body(sentence):
    assert not [t for t, label in entities(sentence) if label == "ORG"]


def test_a_named_bodys_research_centre_stays_one_body():
    assert ("浙江工业大学研发中心", "ORG") in entities("浙江工业大学研发中心落户平湖。")


def test_a_name_jieba_knows_as_a_persons_is_no_place_of_lacs():
    found = entities("王国维故居、徐志摩故居游人如织。")
    assert ("王国维", "LOC") not in found and ("王国维故居", "LOC") in found


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("这批茶叶出口到卢旺达和肯尼亚。", "卢旺达"),  # 卢: also a surname
        ("安哥拉客商来平湖考察。", "安哥拉"),
        ("企业在马达加斯加建了分厂。", "马达加斯加"),
    ],
)
def test_the_worlds_countries_are_places(sentence, country):
    assert (country, "LOC") in entities(sentence)


def test_a_countrys_name_inside_a_word_is_no_place():
    assert not entities("企业要依法增加纳税额。")  # 增加|纳税, not 加纳


@pytest.mark.parametrize(
    "sentence, name",
    [("研究院副院长高远表示，项目进展顺利。", "高远"), ("厂长石磊介绍，新线已投产。", "石磊")],
)
def test_a_name_that_is_an_ordinary_word_after_a_title_and_before_a_speech_verb(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize("sentence", ["书记高度重视这项工作。", "主任高兴地说，成绩来之不易。"])
def test_an_ordinary_word_after_a_title_without_a_speech_verb_is_no_name(sentence):
    assert not [t for t, label in entities(sentence) if label == "PERSON"]


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("金星村村委会组织村民修路。", "金星村村委会"),
        ("南河社区居委会的工作人员上门走访。", "南河社区居委会"),
        ("县科协和县侨联联合举办讲座。", "县科协"),
        ("海宁农商行发放了首笔贷款。", "海宁农商行"),
    ],
)
def test_village_committees_mass_organisations_and_rural_banks(sentence, body):
    assert (body, "ORG") in entities(sentence)


def test_a_rural_banks_party_secretary_is_one_title():
    assert ("桐乡农商行党委书记", "TITLE") in entities("桐乡农商行党委书记沈强致辞。")


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("王强、陈丽等区四套班子领导出席。", "区四套班子领导"),
        ("镇领导班子成员沈斌、吴芳参加。", "镇领导班子成员"),
    ],
)
def test_the_leaders_of_the_four_bodies_and_a_leading_group_are_collective_titles(sentence, title):
    assert [text for text, label in entities(sentence) if label == "TITLE"] == [title]


@pytest.mark.parametrize(
    "sentence, name",
    [("党委书记许振中说，任务很重。", "许振中"), ("副镇长钱建中带队检查。", "钱建中")],
)
def test_a_given_name_ending_in_zhong(sentence, name):
    assert (name, "PERSON") in entities(sentence)


def test_zhong_that_opens_a_word_after_a_name_is_no_part_of_it():
    found = entities("主任李明中午赶到现场。")
    assert ("李明", "PERSON") in found and ("中午", "DATE") in found


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("优秀学员：许佳琪、冒一鸣、郇志强。", ["许佳琪", "冒一鸣", "郇志强"]),  # rare surnames
        ("还有沈立、臧海涛和亓文博等。", ["沈立", "臧海涛", "亓文博"]),
    ],
)
def test_a_list_of_names_holds_three_characters_whatever_their_surname(sentence, names):
    assert [text for text, label in entities(sentence) if label == "PERSON"] == names


def test_a_list_of_people_does_not_take_a_working_group():
    found = entities("沈国强、工作组、宣讲团参加活动。")
    assert [t for t, label in found if label == "PERSON"] == ["沈国强"]


@pytest.mark.parametrize(
    "sentence, venue",
    [
        ("学生们参观了鲁迅纪念馆和丰子恺故居。", "丰子恺故居"),
        ("茅盾纪念馆今天开放。", "茅盾纪念馆"),
    ],
)
def test_a_venue_named_after_a_person_jieba_knows(sentence, venue):
    assert (venue, "LOC") in entities(sentence)


def test_a_collective_title_with_words_before_its_names():
    relations = extract(["参加调研的区领导还有顾强、蒋丽。"]).relations
    held = relations[relations.relation == "HOLDS_TITLE"]
    assert sorted(zip(held["head"], held["tail"], strict=True)) == [
        ("蒋丽", "区领导"),
        ("顾强", "区领导"),
    ]


def test_a_collective_title_before_an_ordinary_word_is_none():
    assert not entities("县领导有关工作已作安排。")


@pytest.mark.parametrize(
    "sentence, title",
    [("现任县政协副主席的吴平出席。", "县政协副主席"), ("时任镇党委书记钱海说。", "镇党委书记")],
)
def test_words_of_tenure_are_no_part_of_a_title(sentence, title):
    assert [text for text, label in entities(sentence) if label == "TITLE"] == [title]


def test_a_preposition_jieba_glued_to_a_name_is_no_part_of_it():
    found = entities("决定任命许丽为县卫健局局长。")
    assert ("许丽", "PERSON") in found and ("县卫健局局长", "TITLE") in found


def test_a_dotted_name_lac_ends_at_its_dot_is_read_whole():
    assert ("古丽娜·买买提", "PERSON") in entities("学生古丽娜·买买提在平湖完成了学业。")


@pytest.mark.parametrize("sentence", ["“千村示范、万村整治”工程深入推进。", "开展百村联动行动。"])
def test_a_count_of_villages_is_no_village(sentence):
    assert not [t for t, label in entities(sentence) if label == "LOC"]


@pytest.mark.parametrize(
    "sentence, reference",
    [("环卫工人徐阿姨每天清扫街道。", "徐阿姨"), ("老党员志愿者周大爷讲起了往事。", "周大爷")],
)
def test_a_surname_reference_after_a_word_for_a_kind_of_person(sentence, reference):
    assert (reference, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("在会上，秘书长玛丽亚·费尔南达致辞。", "玛丽亚·费尔南达"),  # ·费尔南|达: 达 a verb
        ("记者会上，发言人胡安·卡马特指出，两国关系良好。", "胡安·卡马特"),
        ("内务部长斯捷潘诺夫表示，政府将继续改革。", "斯捷潘诺夫"),  # LAC: 斯捷|潘诺夫
        ("副总理库兹坚科当天会见了代表团。", "库兹坚科"),
        ("外长热尔曼·佩雷斯会见了代表团一行。", "热尔曼·佩雷斯"),
    ],
)
def test_a_foreign_name_after_a_title_is_read_whole(sentence, name):
    """The title's holder is the whole foreign name the tagger found, across its dot and over
    transliteration characters jieba reads as verbs, not the first part the title rule reads."""
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("社区党委组织党员志愿者开展环境整治。", "社区党委"),  # a kind of body, named by none
        ("近年来，不少大公司纷纷来我县投资建厂。", "大公司"),
        ("乡亲们在这片土地上走上致富路。", "致富路"),  # a way, not a road
        ("村里铺就了一条幸福路。", "幸福路"),
    ],
)
def test_a_kind_of_body_or_a_way_is_no_name(sentence, absent):
    assert absent not in [text for text, _ in entities(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("周末，市民纷纷来到枫叶公园赏秋。", ("枫叶公园", "LOC")),  # a word naming a venue
        ("东方社区党委书记沈丽萍介绍说。", ("沈丽萍", "PERSON")),
        ("沿着胜利路一直往前走就到了。", ("胜利路", "LOC")),
    ],
)
def test_names_beside_kinds_and_ways_stay(sentence, expected):
    assert expected in entities(sentence)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("时光在流逝，我们还错过了许许多多。", "许多多"),  # LAC: 许|许多多
        ("游客们来来往往，热闹非凡。", "来往往"),
    ],
)
def test_no_name_inside_a_doubled_word(sentence, absent):
    assert absent not in [text for text, _ in entities(sentence)]


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("副县长周三上午来到园区调研。", "周三上"),  # 周三: a time word opens it
        ("镇长周五下午表示，工程将如期完工。", "周五下"),
        ("大家都曾为这件事操心。", "都曾"),  # two adverbs
        ("当天，镇领导和师生代表座谈交流。", "和师生"),  # 和 before a frequent word
        ("这批产品对安全性要求很高。", "安全性"),  # 安全: an adjective, though jieba says nr
        ("我和村主任商量过，决定先修路。", "商量过"),  # a word and its aspect mark
    ],
)
def test_no_name_opens_with_an_ordinary_word(sentence, absent):
    assert absent not in [text for text, _ in entities(sentence)]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("主任高明亮说，今年任务很重。", "高明亮"),  # 高明 is a name to jieba
        ("市长王国维表示，要抓好落实。", "王国维"),  # 王国: a noun
        ("副镇长于建华说，这条路明年通车。", "于建华"),
        ("县长向东升表示，要加快进度。", "向东升"),
        ("议长罗金也表示，议会将继续讨论。", "罗金"),  # not 罗金也
        ("高级研究员莉娜·卡斯马斯说，前景广阔。", "莉娜·卡斯马斯"),  # not …说
    ],
)
def test_names_beside_ordinary_words_keep_their_edges(sentence, name):
    assert (name, "PERSON") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, reference",
    [
        ("针对这些问题，陈副县长表示，要加快整改。", "陈副县长"),
        ("会后，吴副镇长带队察看了现场。", "吴副镇长"),
        ("沈副主任详细介绍了项目进展。", "沈副主任"),  # not LAC's 沈副主
    ],
)
def test_a_deputy_by_surname_is_one_person(sentence, reference):
    """Surname + 副 + a reference head is one person's reference, not an office."""
    assert (reference, "PERSON") in entities(sentence)
    assert reference[1:] not in [text for text, _ in entities(sentence)]


def test_a_deputy_reference_links_to_the_deputy_named_before():
    page = "本报讯 副县长陈立新主持会议。会上，陈副县长强调要抓好落实。"
    mentions = extract([page]).mentions
    assert mentions.loc[mentions.text == "陈副县长", "name"].tolist() == ["陈立新"]


def test_an_appointment_is_no_deputy_reference():
    assert ("副县长", "TITLE") in entities("会议决定：\n任副县长。")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("红菱村党总支组织党员开展志愿服务。", [("红菱村党总支", "ORG")]),
        ("嘉善县西塘镇党委召开专题会议。", [("嘉善县", "LOC"), ("西塘镇党委", "ORG")]),
        ("西塘镇政府召开专题会议。", [("西塘镇政府", "ORG")]),  # jieba: 西塘|镇政府
        ("长兴县吕山乡胥仓村党支部开展主题党日活动。", [("长兴县", "LOC"), ("吕山乡", "LOC")]),
    ],
)
def test_the_body_of_a_unit_just_named(sentence, expected):
    """A generic body's ending (党委, 党总支, 党支部) right after a place the rules name makes
    that unit's body, one ORG with it; the chain before it stays split per unit."""
    found = [e for e in entities(sentence) if e[1] in ("ORG", "LOC")]
    assert found[: len(expected)] == expected
    assert found[-1][1] == "ORG"


def test_a_generic_body_with_no_place_stays_unnamed():
    assert entities("部门党委要履行主体责任。") == []


@pytest.mark.parametrize(
    "sentence, expected, absent",
    [
        ("陈嘉庚纪念馆每年接待游客数十万人次。", ("陈嘉庚纪念馆", "LOC"), "陈嘉庚"),
        ("此外，邵逸夫基金会另捐款1000万元。", ("邵逸夫基金会", "ORG"), "邵逸夫"),
        ("希望随着布隆迪国内形势的稳定，两国合作更加紧密。", ("布隆迪", "LOC"), None),
        ("女儿陈晨大学毕业后回到平湖工作。", ("陈晨", "PERSON"), None),  # a stage of life
        ("第二天，他来到刘明宇办公室汇报工作。", ("刘明宇", "PERSON"), None),  # his room
    ],
)
def test_a_name_before_a_venue_or_a_known_place_is_no_person(sentence, expected, absent):
    found = entities(sentence)
    assert expected in found
    assert absent is None or (absent, "PERSON") not in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("担负拆迁任务的南京市鼓楼区成立了专门班子。", [("南京市", "LOC"), ("鼓楼区", "LOC")]),
        ("嘉兴市南湖区召开会议。", [("嘉兴市", "LOC"), ("南湖区", "LOC")]),
        ("市博物馆迎来了参观高峰。", [("市博物馆", "LOC")]),  # 市: a prefix of its own
        ("队伍从北岸的泥汊镇出发。", [("泥汊镇", "LOC")]),  # jieba: 泥|汊|镇
    ],
)
def test_places_keep_their_own_units(sentence, expected):
    """A city's unit is no local prefix of the district after it (南京市|鼓楼区); a town named in
    characters jieba makes no word of is a place where the tagger says so."""
    assert [e for e in entities(sentence) if e[1] == "LOC"] == expected


@pytest.mark.parametrize("sentence", ["这个小镇环境优美。", "全县各村都开展了活动。"])
def test_a_kind_of_town_or_village_is_no_place(sentence):
    assert [e for e in entities(sentence) if e[1] == "LOC"] == []


@pytest.mark.parametrize(
    "sentence, brand",
    [
        ("近年来，华睿新材与多家高校开展合作。", "华睿新材"),  # jieba: 华|睿|新材 (guessed)
        ("今年上半年，景兴纸业实现营收30亿元。", "景兴纸业"),
    ],
)
def test_a_brand_jieba_has_no_words_for_is_a_company(sentence, brand):
    """LAC's company of four characters or more that jieba cuts into lone characters, proper
    names and guesses, no common word among them."""
    assert (brand, "ORG") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("我们迈入了新时代。", "新时代"),  # 新|时代: a common word
        ("发展普惠托育服务。", "普惠托育"),
        ("实施“崇德向善惠民”工程。", "崇德向善"),  # part of a quoted name
    ],
)
def test_a_phrase_is_no_brand(sentence, absent):
    assert absent not in [text for text, _ in entities(sentence)]


@pytest.mark.parametrize(
    "body",
    ["县卫生健康局", "县市场监督管理局", "县人力资源和社会保障局", "嘉兴市医疗保障局"],
)
def test_departments_by_their_full_names(body):
    """The full names of the departments every county has (the user dictionary): jieba cuts
    them into ordinary words (卫生|健康|局, 市场|监督|管理局) without it."""
    assert entities(f"{body}开展专项行动。") == [(body, "ORG")]
    assert (f"{body}副局长", "TITLE") in entities(f"{body}副局长王明说。")


def test_the_party_committee_for_new_organisations_qualifies_a_title():
    found = entities("县委组织部部务委员、县委两新工委书记邹红介绍。")
    assert ("县委两新工委书记", "TITLE") in found and ("邹红", "PERSON") in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("县供销合作社社长张建国介绍。", ("县供销合作社社长", "TITLE")),  # jieba: 合作社 l
        ("徐家埭村股份经济合作社董事长张建国介绍。", ("徐家埭村股份经济合作社董事长", "TITLE")),
        ("县供销合作社开展活动。", ("县供销合作社", "ORG")),
    ],
)
def test_a_cooperative_qualifies_its_head(sentence, expected):
    assert expected in entities(sentence)


def test_the_places_before_a_hosted_body_are_split_per_unit():
    found = entities("平湖市林埭镇徐家埭村股份经济合作社组织村民开展活动。")
    assert [e for e in found if e[1] == "LOC"][:2] == [("平湖市", "LOC"), ("林埭镇", "LOC")]


def test_the_youth_league_committee_of_any_level():
    assert ("团县委", "ORG") in entities("活动由团县委、县教育局主办。")
    assert ("团区委书记", "TITLE") in entities("团区委书记王芳出席。")


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("乘客们在杭州东站候车。", ("杭州东站", "LOC")),  # a railway station
        ("新建的平湖高铁站即将投用。", ("平湖高铁站", "LOC")),
        ("沿着平廊公路一路向东。", ("平廊公路", "LOC")),
    ],
)
def test_stations_and_roads_by_their_endings(sentence, expected):
    assert expected in entities(sentence)


@pytest.mark.parametrize("sentence", ["高速公路上车辆川流不息。", "乡村公路四通八达。"])
def test_a_kind_of_road_is_no_place(sentence):
    assert [e for e in entities(sentence) if e[1] == "LOC"] == []


@pytest.mark.parametrize(
    "sentence", ["领导到镇里走访农户。", "村里和县里都很支持。", "这件事市里和区里都知道。"]
)
def test_the_town_or_the_county_spoken_of_is_no_place(sentence):
    """镇里, 村里, 县里: the town or village the story is in, named by no name (和县 is a county,
    but not across 和|县里)."""
    assert entities(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("瑞士记者对我们说，这里风景很美。", [("瑞士", "LOC")]),
        (
            "这对德国是有利的，法国的态度和意大利一样。",
            [("德国", "LOC"), ("法国", "LOC"), ("意大利", "LOC")],
        ),
        (
            "开发区引进了德国博世、美国霍尼韦尔等企业。",
            [("德国", "LOC"), ("博世", "ORG"), ("美国", "LOC"), ("霍尼韦尔", "ORG")],
        ),
    ],
)
def test_a_country_before_a_clause_is_no_company(sentence, expected):
    """A country and a brand are read only before the glue of a list (、, 和, 等), never before
    a comma that ends a clause, and never from verbs or particles."""
    assert sorted(entities(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    "sentence", ["要扶持丝绸、茶叶等行业发展。", "我们要发展粮食、蔬菜等产业。"]
)
def test_a_clause_before_a_list_of_trades_names_no_body(sentence):
    assert [e for e in entities(sentence) if e[1] == "ORG"] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("街道主任于振华表示，整治工作月底完成。", [("街道主任", "TITLE"), ("于振华", "PERSON")]),
        ("董事长和秀林说，公司明年扩产。", [("董事长", "TITLE"), ("和秀林", "PERSON")]),
        (
            "参赛的有李婷、周敏、于冬梅等人。",
            [("李婷", "PERSON"), ("周敏", "PERSON"), ("于冬梅", "PERSON")],
        ),
        ("种粮大户和春芳告诉记者，今年亩产提高了。", [("和春芳", "PERSON")]),
    ],
)
def test_a_surname_that_is_also_a_function_word_after_a_title_or_in_a_list(sentence, expected):
    """于, 和: a preposition or conjunction elsewhere, a surname where a rare given name follows
    a title, a word for a person or a list's glue."""
    found = [e for e in entities(sentence) if e[1] in ("PERSON", "TITLE")]
    assert found == expected


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("局长于近日召开会议。", "于近日"),
        ("主任向大家介绍了情况。", "向大家"),
        ("教师和学生一起参加活动。", "和学生"),
        ("干部和群众说，路修好了。", "和群众"),
        ("村民和小王一起去了。", "和小王"),
        ("获奖的有陈静、吴昊。", "有陈静"),
    ],
)
def test_a_function_word_before_an_ordinary_word_or_a_name_is_no_surname(sentence, absent):
    assert absent not in [text for text, _ in entities(sentence)]


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("本月20日，林埭镇将举办草莓节。", "本月20日"),
        ("上月8日至10日，展销会在新仓镇举行。", "上月8日至10日"),
        ("下个月5日上午，项目将正式开工。", "下个月5日上午"),
    ],
)
def test_a_day_of_this_or_last_month_is_one_date(sentence, date):
    """As 今年5月25日 is one DATE, so is a day of a month placed from the issue (本月20日)."""
    assert [t for t, label in entities(sentence) if label == "DATE"] == [date]


def test_a_day_of_last_month_resolves_from_the_issue_date():
    page = "2024年3月6日◆星期三\n上月8日至10日，展销会在新仓镇举行。\n"
    dates = extract([page]).mentions.query("text == '上月8日至10日'")
    assert [str(d.date()) for d in (*dates.date_start, *dates.date_end)] == [
        "2024-02-08",
        "2024-02-10",
    ]


@pytest.mark.parametrize(
    "sentence, venue",
    [
        ("市民走进市图书馆参加读书会。", "市图书馆"),
        ("县体育中心将承办省运会比赛。", "县体育中心"),
        ("比赛在县体育馆举行。", "县体育馆"),
    ],
)
def test_a_county_venue_is_a_place(sentence, venue):
    """A venue of the city or county is a LOC (ANNOTATION.md: 市博物馆), whether jieba keeps
    the prefix apart (市|博物馆) or in one word (市图书馆)."""
    assert (venue, "LOC") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("广陈消防救援站的指战员赶到现场。", "广陈消防救援站"),
        ("林埭消防站开展演练。", "林埭消防站"),
    ],
)
def test_a_fire_station_is_a_body(sentence, body):
    assert (body, "ORG") in entities(sentence)


@pytest.mark.parametrize(
    "text, word",
    [("嘉兴多云16℃，海盐多云转晴。", "多云"), ("海宁多云转小雨，桐乡多云。", "多云")],
)
def test_the_weather_names_no_body(text, word):
    """A weather word the model reads as a body (a forecast's table) is none."""
    start = text.index(word)
    assert model_bodies(text, [(start, start + len(word), "ORG")]) == []


def test_a_name_jieba_tags_a_persons_is_no_body_without_an_ending():
    """The model's ORG over a common surname and a given name (陈允 in 陈允连办厂) is no body;
    a brand jieba also tags a name (摩托罗拉) stays one."""
    text = "整整7年，陈允连独立办水泥厂的条件才具备。摩托罗拉对中国投资。"
    brand = text.index("摩托罗拉")
    assert model_bodies(text, [(5, 7, "ORG")]) == []
    assert len(model_bodies(text, [(brand, brand + 4, "ORG")])) == 1


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "副市长陈刚到石桥镇、白沙镇调研。",
            [("副市长", "TITLE"), ("陈刚", "PERSON"), ("石桥镇", "LOC"), ("白沙镇", "LOC")],
        ),
        (
            "县委书记于建平到东湖村调研。",
            [("县委书记", "TITLE"), ("于建平", "PERSON"), ("东湖村", "LOC")],
        ),
    ],
)
def test_a_town_after_a_verb_of_travel_is_no_person(sentence, expected):
    """jieba tags 石桥镇 a name before 调研; a name holds no place's ending."""
    assert entities(sentence) == expected


@pytest.mark.parametrize(
    "sentence", ["水利工程总投资3200万元。", "该工程总造价约1.5亿元，工程总长8公里。"]
)
def test_a_surname_inside_a_word_makes_no_reference(sentence):
    """工程|总投资: 程总 would be 程 + 总 (a manager), but 程 ends the word 工程."""
    assert not [e for e in entities(sentence) if e[1] == "PERSON"]


@pytest.mark.parametrize(
    "sentence, figure",
    [("义诊持续了4个小时。", "4个小时"), ("审批时间压缩到5个工作日。", "5个工作日")],
)
def test_hours_and_working_days_counted_with_a_measure_word(sentence, figure):
    assert (figure, "QUANTITY") in entities(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "新庄村被评为省级美丽乡村示范村、市级卫生村。",
        "该镇获评国家级生态镇。",
        "病人被转到市级医院。",
    ],
)
def test_the_places_of_an_honour_are_none(sentence):
    """ANNOTATION.md leaves out honours: a village or town named by the honour conferred at a
    level (省级…示范村) is no place."""
    places = [text for text, label in entities(sentence) if label in ("LOC", "ORG")]
    assert places == (["新庄村"] if sentence.startswith("新庄村") else [])


def test_a_known_place_after_a_level_stays_a_place():
    assert ("平湖经济技术开发区", "LOC") in entities("这里是国家级平湖经济技术开发区。")


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("高桥镇镇长陆建华介绍了情况。", "高桥镇镇长"),
        ("向荣村党支部书记钱海说，村里变化很大。", "向荣村党支部书记"),
    ],
)
def test_a_place_jieba_tags_a_name_qualifies_a_title(sentence, title):
    """jieba tags some towns and villages as people (高桥镇, 向荣村): by its unit the word is a
    place, the title's qualifier."""
    assert (title, "TITLE") in entities(sentence)


@pytest.mark.parametrize(
    "sentence, hamlet",
    [
        ("老人一辈子住在钱家浜，门前就是小河。", "钱家浜"),
        ("徐家兜的村民自发组织巡河。", "徐家兜"),
        ("从沈家埭出发，半小时就到镇上。", "沈家埭"),
    ],
)
def test_a_hamlet_named_by_a_family_is_a_place(sentence, hamlet):
    """王家浜, 周家兜: a family and the water or ground the hamlet lies by, never a person."""
    found = entities(sentence)
    assert (hamlet, "LOC") in found
    assert not [text for text, label in found if label == "PERSON"]


def test_a_hamlets_village_keeps_its_ending():
    assert entities("钱家浜村召开村民大会。") == [("钱家浜村", "LOC")]


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("顾建新说，当时水流很急。", ["顾建新"]),
        ("蒋建新介绍，合作社今年扩种了200亩。", ["蒋建新"]),
        ("褚建国、宓春燕等8名村民参加了培训。", ["褚建国", "宓春燕"]),
    ],
)
def test_a_given_name_that_is_a_word_after_a_common_surname(sentence, names):
    """建新, 建国: words of jieba's that are given names as often; a common surname opening the
    clause before a speech verb (顾 a verb to jieba), or a list before its class (村民: no place's
    class)."""
    assert [text for text, label in entities(sentence) if label == "PERSON"] == names
