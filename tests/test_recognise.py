"""Entity recognition on seed sentences and on sentences the seeds do not contain."""

import pytest
import spacy

from pinghu_nlp.recognise import find_entities
from pinghu_nlp.recognise.figures import find_figures
from pinghu_nlp.recognise.model import names_ending_at
from pinghu_nlp.recognise.titles import decompose_title, find_titles


def entities(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in find_entities(text)]


def test_title_then_name():
    assert entities("市委书记仲旭东主持会议并讲话。") == [
        ("市委书记", "TITLE"),
        ("仲旭东", "PERSON"),
    ]


def test_chained_titles_are_separate_spans():
    found = entities("市委常委、市纪委书记、市监委主任崔加晶作述职评议。")
    assert found == [
        ("市委常委", "TITLE"),
        ("市纪委书记", "TITLE"),
        ("市监委主任", "TITLE"),
        ("崔加晶", "PERSON"),
    ]


def test_collective_title_and_list_of_names():
    found = entities("市领导周军波、吴金华、何健等出席。")
    assert found == [
        ("市领导", "TITLE"),
        ("周军波", "PERSON"),
        ("吴金华", "PERSON"),
        ("何健", "PERSON"),
    ]


@pytest.mark.parametrize(
    "sentence, title, name",
    [
        ("区委书记王明远在会上作动员讲话。", "区委书记", "王明远"),
        ("省政协副主席李建华一行来我市调研。", "省政协副主席", "李建华"),
        ("县长赵立新主持召开县政府常务会议。", "县长", "赵立新"),
        ("镇党委书记陈晓峰介绍了有关情况。", "镇党委书记", "陈晓峰"),
        ("集团总裁郑国庆出席签约仪式。", "集团总裁", "郑国庆"),
        ("常务副市长兼市发改局局长王磊介绍了情况。", "市发改局局长", "王磊"),
        ("浙江省人民政府副省长卢山一行来我市。", "浙江省人民政府副省长", "卢山"),
        ("东湖社区党委书记、居委会主任杨玲玲介绍。", "居委会主任", "杨玲玲"),
        ("平湖市人民医院院长钱国庆说。", "平湖市人民医院院长", "钱国庆"),
        ("泗泾村党总支书记周晓峰说。", "泗泾村党总支书记", "周晓峰"),
        ("泗泾村党委书记周晓峰说。", "泗泾村党委书记", "周晓峰"),
        ("市政府二级巡视员王国华参加活动。", "市政府二级巡视员", "王国华"),
        ("村党组织书记、村委会主任沈国强介绍。", "村党组织书记", "沈国强"),
    ],
)
def test_titles_and_names_never_seen_in_the_seeds(sentence, title, name):
    found = entities(sentence)
    assert (title, "TITLE") in found
    assert (name, "PERSON") in found


def test_long_qualifier_stays_in_the_title():
    titles = find_titles("市农业农村局农村合作经济指导服务中心主任夏竟舟介绍说。")
    assert [(t.start, t.end) for t in titles] == [(0, 20)]


def test_name_before_its_title():
    assert entities("深入学习习近平总书记重要讲话精神。")[:2] == [
        ("习近平", "PERSON"),
        ("总书记", "TITLE"),
    ]


def test_person_name_inside_a_doctrine_is_not_a_mention():
    assert ("习近平", "PERSON") not in entities("深入学习贯彻习近平新时代中国特色社会主义思想。")


def test_generic_title_without_a_name_is_not_a_mention():
    assert entities("深化落实书记领办项目。") == []


def test_job_role_before_a_named_person():
    found = entities("快递员张喜妹就将参与基层治理与她的工作结合起来。")
    assert found[:2] == [("快递员", "TITLE"), ("张喜妹", "PERSON")]


def test_administrative_chain_is_split_per_unit():
    found = entities("日前,在独山港镇全公亭社区,一辆载着爱心物资的车辆驶入。")
    assert ("独山港镇", "LOC") in found
    assert ("全公亭社区", "LOC") in found


def test_company_with_region_in_brackets():
    assert ("开拓药业(浙江)", "ORG") in entities(
        "7月30日上午,开拓药业(浙江)产业化基地奠基仪式举行。"
    )


def test_foreign_companies_after_their_country():
    found = entities("先后引进了德国巴斯夫、日本三菱、韩国三星等新材料企业。")
    assert ("巴斯夫", "ORG") in found
    assert ("德国", "LOC") in found


def test_body_with_local_prefix():
    assert ("市科技局", "ORG") in entities("本期创新学堂由市科技局、团市委共同举办。")


def test_common_nouns_with_place_endings_are_not_places():
    assert [label for _, label in entities("推动城市更新,形成工作格局,优化文体设施布局。")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工程自2022年9月启动建设", [("2022年9月", "DATE")]),
        ("7月29日上午,我市召开", [("7月29日上午", "DATE")]),
        ("项目总投资5000万美元", [("5000万美元", "MONEY")]),
        ("投资近200万元,在杉青港村", [("200万元", "MONEY")]),
        ("占全市规上工业总产值的23.9%", [("23.9%", "PERCENT")]),
        ("集聚人才15.98万人", [("15.98万人", "QUANTITY")]),
        ("流转土地9000多亩", [("9000多亩", "QUANTITY")]),
        ("风力4到6级", [("4到6级", "QUANTITY")]),
        ("2022—2024年连续三年", [("2022—2024年", "DATE")]),
        ("今年前10个月,全市", [("今年前10个月", "DATE")]),
        ("第121期创新学堂举行", []),
        ("紧盯三张清单", []),
        ("近年来,平湖坚持", []),
    ],
)
def test_figures_and_dates(text, expected):
    assert [(text[c.start : c.end], c.label) for c in find_figures(text)] == expected


def test_title_decomposition_normalises_department_heads():
    assert decompose_title("宣传部长") == ("宣传部", "部长", "宣传部部长")
    assert decompose_title("宣传部部长")[2] == "宣传部部长"
    assert decompose_title("市纪委书记") == ("市纪委", "书记", "市纪委书记")


def test_every_label_is_found_on_the_seeds(seeds_result):
    assert set(seeds_result.mentions.label) == {
        "PERSON",
        "TITLE",
        "ORG",
        "LOC",
        "DATE",
        "MONEY",
        "PERCENT",
        "QUANTITY",
    }


def test_entities_align_with_words(nlp, raw_pages):
    doc = nlp(raw_pages["002_ed8b4f82a5f7e9b1.txt"])
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    assert all(e.start_char in starts and e.end_char in ends for e in doc.ents)
    assert len(doc.ents) > 100


def test_companies_named_by_brand_and_industry():
    found = entities("其中包括独山能源、长城汽车等一批百亿级项目,独山能源三期项目得以开建。")
    assert [t for t, label in found if label == "ORG"] == ["独山能源", "长城汽车", "独山能源"]


def test_an_industry_is_not_a_company():
    assert [label for _, label in entities("平湖新材料产业发展迅速。")] == ["LOC"]


def test_quoted_name_of_a_bay():
    assert ("壹号湾", "LOC") in entities('会议指出,"壹号湾"的建设凝聚着各方力量。')


def test_body_hosted_by_a_community():
    found = entities("我市计划打造像东湖社区启萌托育园这样的社区托育点。")
    assert ("东湖社区", "LOC") in found and ("启萌托育园", "ORG") in found


@pytest.mark.parametrize(
    "sentence, name", [("会上,张建国强调要抓好落实。", "张建国"), ("李明华出席并致辞。", "李明华")]
)
def test_name_before_what_people_do_in_the_news(sentence, name):
    assert entities(sentence) == [(name, "PERSON")]


def test_stationed_troops_are_a_description_not_a_body():
    assert entities("为驻平部队官兵、退役军人和其他优抚对象服务。") == []


def test_bureau_with_a_local_prefix_glued_to_the_verb_before():
    assert ("市人武部", "ORG") in entities("如市人武部充分发挥在双拥工作中的作用。")


def test_the_model_draws_the_left_edge_of_an_unknown_park():
    """景兴智造园: no rule knows the name; the model draws where it begins."""
    text = "走进景兴智造园，"
    end = text.index("园") + 1
    found = names_ending_at(text, [end])
    assert [(text[c.start : c.end], c.label) for c in found] == [("景兴智造园", "LOC")]


class StandInModel:
    """A character model that tags exactly the given spans and records what it was asked."""

    def __init__(self, *spans: tuple[str, str]) -> None:
        self.nlp = spacy.blank("zh")
        ruler = self.nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": label, "pattern": text} for text, label in spans])
        self.asked: list[str] = []

    def pipe(self, texts):
        texts = list(texts)
        self.asked += texts
        return self.nlp.pipe(texts)


def test_the_model_is_not_asked_where_no_name_could_pass():
    """基层党委: only common words before the ending, so the model is not run at all."""
    model = StandInModel(("基层党委", "ORG"))
    text = "各级基层党委要落实责任。"
    assert names_ending_at(text, [text.index("党委") + 2], nlp=model) == []
    assert model.asked == []
    text = "昨天,新诚达智创园举行开园仪式。"
    assert names_ending_at(text, [text.index("园") + 1], nlp=model) == []
    assert model.asked == ["新诚达智创园"]  # a name could pass here: asked


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("纪委监委推动整改。", ("纪委", "ORG"), False),  # a kind of body, not a named one
        ("昨天,新诚达智创园举行开园仪式。", ("智创园", "LOC"), False),  # no park's name alone
        ("昨天,新诚达智创园举行开园仪式。", ("新诚达智创园", "LOC"), True),
    ],
)
def test_a_model_span_needs_a_name_of_two_characters_or_more(text, span, kept):
    """The model only draws the left edge: a span it tags is kept only if it is a name."""
    end = text.index(span[0]) + len(span[0])
    found = names_ending_at(text, [end], nlp=StandInModel(span))
    assert [(text[c.start : c.end], c.label) for c in found] == ([span] if kept else [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "市政府办公室、市农业农村局、市发改局等部门负责人参加。",
            [("市政府办公室", "ORG"), ("市农业农村局", "ORG"), ("市发改局", "ORG")],
        ),
        (
            "近日，平湖市发改局会同市经信局召开座谈会。",
            [("平湖市发改局", "ORG"), ("市经信局", "ORG")],
        ),
        ("市场监管局、市卫健局联合开展检查。", [("市场监管局", "ORG"), ("市卫健局", "ORG")]),
        ("林埭镇徐家埭村，实地察看。", [("林埭镇", "LOC"), ("徐家埭村", "LOC")]),
        ("签约落户平湖经济技术开发区。", [("平湖经济技术开发区", "LOC")]),
        ("日本电产株式会社投资的精密电机项目", [("日本电产株式会社", "ORG")]),
        (
            "中国科学院院士张伟等专家出席活动。",
            [("中国科学院院士", "TITLE"), ("张伟", "PERSON")],
        ),
        ("家住雅山社区的居民陈阿姨说。", [("雅山社区", "LOC"), ("陈阿姨", "PERSON")]),
        ("代表性传承人朱雪良现场展示了雕刻技艺。", [("朱雪良", "PERSON")]),
        ("在浙江欧迪恩传动科技股份有限公司，", [("浙江欧迪恩传动科技股份有限公司", "ORG")]),
        ("9月28日晚，文化节开幕。", [("9月28日晚", "DATE")]),
        ("9月28日晚会上", [("9月28日", "DATE")]),
        ("市公安局交警大队在全市开展行动。", [("市公安局交警大队", "ORG")]),
        ("平湖市第一人民医院组织培训。", [("平湖市第一人民医院", "ORG")]),
        ("市委市政府高度重视。", [("市委", "ORG"), ("市政府", "ORG")]),
        (
            "交警大队大队长吴海峰说。",
            [("交警大队大队长", "TITLE"), ("吴海峰", "PERSON")],
        ),
        ("犯罪嫌疑人李某某被依法刑事拘留。", [("李某某", "PERSON")]),
        ("要提高某些方面的能力。", []),
        ("中国石化平湖石油分公司", [("中国石化平湖石油分公司", "ORG")]),
        ("市十七届人大常委会召开会议。", [("市十七届人大常委会", "ORG")]),
        ("中共平湖市第十五届委员会", [("中共平湖市第十五届委员会", "ORG")]),
        ("德国专家马克·乌尔里希为企业把脉。", [("德国", "LOC"), ("马克·乌尔里希", "PERSON")]),
        ("品质·平湖，活力·新仓", [("平湖", "LOC"), ("新仓", "LOC")]),
        ("据市统计局副局长沈斌介绍，", [("市统计局副局长", "TITLE"), ("沈斌", "PERSON")]),
        ("在胜利路与人民路交叉口", [("胜利路", "LOC"), ("人民路", "LOC")]),
        ("走出一条新路，修好路，走好路。", []),
        ("绿水青山就是金山银山。", []),
        ("高三学生王欣怡在全国青少年科技创新大赛中获奖。", [("王欣怡", "PERSON")]),
        ("召开退役军人安置工作会议。", []),
        ("关注今日平湖微信公众号", [("今日平湖", "ORG")]),
        ("市慈善总会、市红十字会联合开展募捐。", [("市慈善总会", "ORG"), ("市红十字会", "ORG")]),
        ("平湖海关、景兴纸业联合走访。", [("平湖海关", "ORG"), ("景兴纸业", "ORG")]),
        ("仪式在市博物馆举行，镇街道要勇挑重担。", [("市博物馆", "LOC")]),
        (
            "来到钟埭村北庄浜，新仓镇的金星路旁",
            [("钟埭村", "LOC"), ("北庄浜", "LOC"), ("新仓镇", "LOC"), ("金星路", "LOC")],
        ),
        ("与上海金山区联合执法", [("上海", "LOC"), ("金山区", "LOC")]),
        ("县委理论学习中心组举行学习会。", [("县委理论学习中心组", "ORG")]),
        ("民政局、政法委作了发言。", [("民政局", "ORG"), ("政法委", "ORG")]),
        ("政法委要加强领导。", []),
        ("嘉善城投、海盐交投联合发债。", [("嘉善城投", "ORG"), ("海盐交投", "ORG")]),
        ("次:明湖景区公司党支部以", [("明湖景区公司党支部", "ORG")]),
        (
            "我市华芯(嘉兴)智能装备有限公司等5家企业",
            [("华芯(嘉兴)智能装备有限公司", "ORG"), ("5家", "QUANTITY")],
        ),
        ("在中德（平湖）国际产业合作园，", [("中德（平湖）国际产业合作园", "LOC")]),
        (
            "平湖经济技术开发区（钟埭街道）党工委书记刘永华",  # the zone and its other name qualify
            [("平湖经济技术开发区（钟埭街道）党工委书记", "TITLE"), ("刘永华", "PERSON")],
        ),
    ],
)
def test_bodies_places_and_people_of_pages_never_seen(sentence, expected):
    """Constructed in this paper's style; none of these names is on the seed pages."""
    assert entities(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("省发改委领导来平调研。", "PERSON"),
        ("工作专班办公室公布了名单。", "ORG"),
        ("新就业群体是党委政府义不容辞的责任。", "ORG"),
    ],
)
def test_what_only_looks_like_a_name_or_a_body(sentence, label):
    """来平 (come to Pinghu), an office named by no body, 党委政府 (party and government)."""
    assert [text for text, found in entities(sentence) if found == label] == []
