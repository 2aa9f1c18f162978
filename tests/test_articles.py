"""Pages split into articles; bylines, datelines and the masthead date."""

import datetime as dt

import pytest

import pinghu_nlp
from pinghu_nlp.articles import masthead_date, parse_byline, split_articles
from pinghu_nlp.layout import BYLINE_ROLES, BYLINE_WORDS, is_byline_line, repair
from pinghu_nlp.link import title_kind


def test_seed_000_first_article_has_headline_and_byline(raw_pages):
    articles = split_articles(repair(raw_pages["000_4761a9b087fadb1d.txt"]).text)
    first = articles[0]
    assert first.headline.startswith("仲旭东在半年度全市经济形势分析会上强调")
    assert first.byline == "记者 胡佳英"
    assert first.dateline == "本报讯7月29日上午"


def test_seed_000_splits_into_its_eight_stories(raw_pages):
    articles = split_articles(repair(raw_pages["000_4761a9b087fadb1d.txt"]).text)
    assert len(articles) == 8
    assert articles[2].byline == "记者 杨昊玥; 通讯员 刘波 徐凯"
    assert all(a.headline for a in articles)


def test_photo_caption_ends_with_the_photographers(raw_pages):
    articles = split_articles(repair(raw_pages["002_ed8b4f82a5f7e9b1.txt"]).text)
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.headline == "万亩稻海"
    assert photo.byline == "摄影 王强 徐冰艳 张丹燕"


def test_commentary_byline_without_role(raw_pages):
    articles = split_articles(repair(raw_pages["001_525199ea1aea63ef.txt"]).text)
    assert any(a.byline == "言成声" for a in articles)


def test_masthead_date_of_seed_002(raw_pages):
    assert masthead_date(raw_pages["002_ed8b4f82a5f7e9b1.txt"]) == dt.date(2023, 9, 12)


def test_masthead_date_with_invisible_characters_and_colours():
    raw = "嘉兴日报社 中共平湖市委 联办\n\x1b[1m2023\u200b年9\xad月12日\x1b[0m◆星期二\n标题"
    assert masthead_date(raw) == dt.date(2023, 9, 12)


def test_page_without_masthead_has_no_date(raw_pages):
    assert masthead_date(raw_pages["000_4761a9b087fadb1d.txt"]) is None


def test_byline_name_split_by_layout_is_joined():
    (photo,) = parse_byline("■摄影 王 强 徐冰艳")
    assert photo.role == "摄影"
    assert [name for name, _ in photo.names] == ["王强", "徐冰艳"]


def test_byline_with_two_roles_on_one_line():
    bylines = parse_byline("记者 荣怡婷 通讯员 陈明远")
    assert [(b.role, [n for n, _ in b.names]) for b in bylines] == [
        ("记者", ["荣怡婷"]),
        ("通讯员", ["陈明远"]),
    ]


def test_page_without_structure_is_one_article():
    articles = split_articles("今天天气很好,我们去公园散步。\n公园里人很多。")
    assert len(articles) == 1
    assert (articles[0].start, articles[0].end) == (0, 23)


def test_page_of_furniture_only_has_no_article():
    assert split_articles(repair("平湖版\n\nJIAXING DAILY\n\n（下转2版）").text) == []


INLINE_BYLINES = """嘉兴日报社 中共平湖市委 联办
2024年3月15日◆星期五
农历甲辰年二月初六 总第5400期
市领导调研乡村振兴工作
本报讯（记者 陆佳怡 通讯员 沈建华）3月14日下午，市委副书记、市长王建峰带队赴广陈镇调研。
王建峰一行先后来到广陈镇龙萌村，实地察看农业产业项目建设情况。
当湖街道召开年度工作会议
本报讯(记者 张晓明)昨天上午，当湖街道召开2024年度工作会议。
"""


def test_bylines_in_brackets_after_the_dateline_open_their_stories():
    """A format the seed pages do not use: ``本报讯（记者 X 通讯员 Y）``, story after story."""
    clean = repair(INLINE_BYLINES).text
    stories = [a for a in split_articles(clean) if a.bylines]
    assert [a.headline for a in stories] == ["市领导调研乡村振兴工作", "当湖街道召开年度工作会议"]
    assert [a.byline for a in stories] == ["记者 陆佳怡; 通讯员 沈建华", "记者 张晓明"]
    names = [clean[slice(*span)] for b in stories[0].bylines for _, span in b.names]
    assert names == ["陆佳怡", "沈建华"]
    assert stories[1].dateline == "本报讯(记者 张晓明)昨天上午"


def test_masthead_lines_are_never_a_headline(raw_pages):
    clean = repair(raw_pages["002_ed8b4f82a5f7e9b1.txt"]).text
    headlines = [a.headline for a in split_articles(clean)]
    assert not any("农历" in h or "总第" in h for h in headlines)
    assert "市委常委会会议暨市委主题教育领导小组第一次会议召开" in headlines[1]


def test_photo_credits_in_brackets_or_after_the_names():
    page = (
        "秋收时节稻谷香\n近日，在广陈镇山塘村的稻田里，农户们正抢收水稻。\n（记者 王强 摄）\n"
        "万亩稻海\n金色的稻田一望无际。\n王强 徐冰艳 摄\n"
        "东湖之畔书香浓\n本报讯（通讯员 李晓东）10月8日，平湖市图书馆新馆正式开放。\n"
    )
    clean = repair(page).text
    articles = split_articles(clean)
    assert [(a.kind, a.headline, a.byline) for a in articles] == [
        ("photo", "秋收时节稻谷香", "记者 王强"),
        ("photo", "万亩稻海", "摄 王强 徐冰艳"),
        ("story", "东湖之畔书香浓", "通讯员 李晓东"),
    ]
    assert parse_byline("（记者 王强 摄）", 0)[0].names == [("王强", (4, 6))]


@pytest.mark.parametrize(
    "page, roles, names",
    [
        ("图为村民在采摘杨梅。（通讯员 钱一鸣 摄）\n", ["通讯员"], ["钱一鸣"]),
        ("游客在景区拍照留念（本报记者李小舟摄）。\n", ["记者"], ["李小舟"]),
        (
            "志愿者为老人理发（记者 沈佳 通讯员 陆明 摄），现场秩序井然。\n",
            ["记者", "通讯员"],
            ["沈佳", "陆明"],
        ),
    ],
)
def test_a_credit_in_brackets_inside_a_line_of_the_story(page, roles, names):
    mentions = pinghu_nlp.extract([page]).mentions
    assert sorted(mentions.text[mentions.label == "TITLE"]) == sorted(roles)
    assert sorted(mentions.text[mentions.label == "PERSON"]) == sorted(names)


def test_brackets_that_hold_no_byline_give_no_credit():
    mentions = pinghu_nlp.extract(["活动现场（图为志愿者在服务）热闹非凡。\n"]).mentions
    assert not (mentions.label == "PERSON").any()


def roles_and_names(line: str) -> list[tuple[str, str, list[str]]]:
    """Each byline of a line as (role as written, role text at its span, names)."""
    return [
        (b.role, line[slice(*b.role_span)] if b.role_span else "", [n for n, _ in b.names])
        for b in parse_byline(line)
    ]


def byline_rows(raw: str) -> list[tuple[str, str]]:
    """The PERSON and TITLE mentions the full pipeline finds in a page, checked against the raw."""
    mentions = pinghu_nlp.extract([raw]).mentions
    rows = mentions[mentions.label.isin(["PERSON", "TITLE"])]
    for row in rows.itertuples():
        assert raw[row.start : row.end] == row.text
    return [(row.label, row.text) for row in rows.itertuples()]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "南湖晚报记者 吴佳 通讯员 钱一鸣 孙悦 摄影记者 周航",
            [
                ("南湖晚报记者", "南湖晚报记者", ["吴佳"]),
                ("通讯员", "通讯员", ["钱一鸣", "孙悦"]),
                ("摄影记者", "摄影记者", ["周航"]),
            ],
        ),
        (
            "■嘉兴日报记者 沈雨桐 实习生 何思远",
            [("嘉兴日报记者", "嘉兴日报记者", ["沈雨桐"]), ("实习生", "实习生", ["何思远"])],
        ),
        (
            "浙江广播电视台记者 蒋一帆 金华 通讯员 俞晓",
            [
                ("浙江广播电视台记者", "浙江广播电视台记者", ["蒋一帆", "金华"]),
                ("通讯员", "通讯员", ["俞晓"]),
            ],
        ),
        (
            "平湖市融媒体中心记者 曹敏 见习记者 邱立",
            [
                ("平湖市融媒体中心记者", "平湖市融媒体中心记者", ["曹敏"]),
                ("见习记者", "见习记者", ["邱立"]),
            ],
        ),
    ],
)
def test_byline_with_a_media_name_and_several_roles(line, expected):
    """The media name before a role is its qualifier: one TITLE, ``南湖晚报记者``."""
    assert roles_and_names(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("■文/摄 陆小雨", [("文/摄", "文/摄", ["陆小雨"])]),
        ("文/图 王强", [("文/图", "文/图", ["王强"])]),
        ("文 吴佳 图 周航", [("文", "文", ["吴佳"]), ("图", "图", ["周航"])]),
        ("●图/文 方晓 严冬", [("图/文", "图/文", ["方晓", "严冬"])]),
        ("▲文：柏青 摄：韦一", [("文", "文", ["柏青"]), ("摄", "摄", ["韦一"])]),
        ("□文字 潘悦 图片 蒋涛", [("文字", "文字", ["潘悦"]), ("图片", "图片", ["蒋涛"])]),
    ],
)
def test_text_and_picture_credits_after_a_bullet(line, expected):
    """``文``, ``图``, ``文/摄`` are byline roles (TITLE), like ``记者`` and ``摄影``."""
    assert roles_and_names(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("插画 徐可", [("插画", "插画", ["徐可"])]),
        ("插图 严文 制图 祝晓", [("插图", "插图", ["严文"]), ("制图", "制图", ["祝晓"])]),
        (
            "责任编辑：黎明 设计：林可 校对：杭一凡",
            [
                ("责任编辑", "责任编辑", ["黎明"]),
                ("设计", "设计", ["林可"]),
                ("校对", "校对", ["杭一凡"]),
            ],
        ),
        (
            "■视频 卢航 航拍 田磊 编辑 江小舟",
            [("视频", "视频", ["卢航"]), ("航拍", "航拍", ["田磊"]), ("编辑", "编辑", ["江小舟"])],
        ),
        ("摄影 彭越", [("摄影", "摄影", ["彭越"])]),
    ],
)
def test_other_credit_roles(line, expected):
    assert roles_and_names(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("■记 者 方静", [("记者", "记 者", ["方静"])]),
        ("通 讯 员 钱一鸣", [("通讯员", "通 讯 员", ["钱一鸣"])]),
        (
            "见 习记者 钟灵 摄 影 郑 强",
            [("见习记者", "见 习记者", ["钟灵"]), ("摄影", "摄 影", ["郑强"])],
        ),
        ("南湖晚报 记者 吴佳", [("南湖晚报记者", "南湖晚报 记者", ["吴佳"])]),
    ],
)
def test_layout_space_inside_the_role(line, expected):
    """The role's span is the text as printed, space and all; ``role`` is its clean form."""
    assert roles_and_names(line) == expected


def test_role_glued_to_the_name_is_split_only_for_a_reporter():
    """``记者胡佳英`` lost its space; ``设计师王明`` is a word and a name, not a byline."""
    assert roles_and_names("摄影记者周航") == [("摄影记者", "摄影记者", ["周航"])]
    assert roles_and_names("南湖晚报记者吴佳") == [("南湖晚报记者", "南湖晚报记者", ["吴佳"])]
    assert not is_byline_line("设计师王明")
    assert not is_byline_line("编辑部全体")
    assert parse_byline("■记者") == []


@pytest.mark.parametrize(
    "line",
    [
        "编辑部全体同仁向广大读者致以新春的祝福。",
        "设计方案已于上月通过专家评审，项目将于明年开工建设。",
        "文化礼堂里 歌声阵阵",
        "图为市民在湖畔散步",
        "记者从市发改局获悉，今年我市共有18个项目入选省重点。",
        "编辑 出版 发行",
    ],
)
def test_ordinary_sentence_is_no_byline(line):
    assert not is_byline_line(line)


BYLINE_PAGE = """南湖晚报社 联办
湖畔书屋开门迎客
南湖晚报记者 吴佳 通讯员 钱一鸣 孙悦 摄影记者 周航
本报讯 昨天上午，位于东湖边的湖畔书屋正式对外开放，市民可免费借阅图书。
书屋面积约300平方米，藏书一万余册。
编辑部的同志们也来到现场，为市民推荐新书。
乡村小路串起美丽风景
■文/摄 陆小雨
金秋时节，走进新埭镇，一条条乡村小路干净整洁。
设计新颖的路灯点缀其间，成为村里的新风景。
老手艺焕发新活力
■记 者 方静
通 讯 员 钱一鸣
本报讯 近日，一场传统竹编技艺展示活动在当湖街道举行。
插画 徐可 责任编辑 黎明
"""


def test_bylines_of_a_page_become_person_and_title_mentions():
    """Through the whole pipeline: every role is a TITLE, every name a PERSON, as printed."""
    rows = byline_rows(BYLINE_PAGE)
    for row in [
        ("TITLE", "南湖晚报记者"),
        ("PERSON", "吴佳"),
        ("TITLE", "通讯员"),
        ("PERSON", "钱一鸣"),
        ("PERSON", "孙悦"),
        ("TITLE", "摄影记者"),
        ("PERSON", "周航"),
        ("TITLE", "文/摄"),
        ("PERSON", "陆小雨"),
        ("TITLE", "记 者"),
        ("PERSON", "方静"),
        ("TITLE", "通 讯 员"),
        ("TITLE", "插画"),
        ("PERSON", "徐可"),
        ("TITLE", "责任编辑"),
        ("PERSON", "黎明"),
    ]:
        assert row in rows
    assert not any("编辑部" in text or text.startswith("设计") for _, text in rows)


def test_bylines_of_a_page_open_their_stories():
    """Credits after the last body line (``插画 徐可 责任编辑 黎明``) belong to the story above."""
    articles = split_articles(repair(BYLINE_PAGE).text)
    stories = [(a.headline, a.byline) for a in articles if a.bylines]
    assert stories == [
        ("湖畔书屋开门迎客", "南湖晚报记者 吴佳; 通讯员 钱一鸣 孙悦; 摄影记者 周航"),
        ("乡村小路串起美丽风景", "文/摄 陆小雨"),
        ("老手艺焕发新活力", "记者 方静; 通讯员 钱一鸣; 插画 徐可; 责任编辑 黎明"),
    ]


def test_byline_words_are_listed_once_with_a_known_kind():
    """``data/bylines.tsv``: each word once, every row ``word<TAB>kind``."""
    rows = [
        line.split("\t")
        for line in BYLINE_WORDS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    words = [row[0] for row in rows]
    assert all(len(row) == 2 for row in rows)
    assert len(words) == len(set(words))
    assert {"记者", "通讯员", "文", "插画", "摄影"} <= set(BYLINE_ROLES)


def test_people_credited_only_in_bylines_are_press():
    """Any byline role, qualified or credit, counts as a press role in the entity table."""
    assert title_kind({"南湖晚报记者", "文/摄", "插画", "记 者"}) == "press"
    assert title_kind({"记者", "副市长"}) == "office"


def test_qualified_reporter_roles():
    assert roles_and_names("特约通讯员 朱丽 首席摄影记者 项前") == [
        ("特约通讯员", "特约通讯员", ["朱丽"]),
        ("首席摄影记者", "首席摄影记者", ["项前"]),
    ]


def test_stacked_byline_roles_are_both_held_by_the_names_after_them():
    result = pinghu_nlp.extract(["海盐举办灯会\n◎文/图 本报记者 朱晓晴\n元宵节当晚，灯会开幕。"])
    held = result.relations[result.relations.relation == "HOLDS_TITLE"]
    assert sorted(zip(held["head"], held["tail"], strict=True)) == [
        ("朱晓晴", "文/图"),
        ("朱晓晴", "记者"),
    ]
    authored = result.relations[result.relations.relation == "AUTHORED"]
    assert list(authored["head"]) == ["朱晓晴"]  # once, though she holds two roles


def test_a_byline_closing_a_caption_in_brackets():
    result = pinghu_nlp.extract(["标题\n正文。\n（图为运动员钱立在比赛中。记者 严斌 摄）\n"])
    people = result.mentions.query("label == 'PERSON'")
    assert list(people["text"]) == ["钱立", "严斌"]  # 严斌, not 严斌摄
    held = result.relations.query("relation == 'HOLDS_TITLE'")
    assert list(zip(held["head"], held["tail"], strict=True)) == [("严斌", "记者")]


@pytest.mark.parametrize(
    "page, role, name",
    [
        ("本报讯（全媒体记者 朱凯琳）11月19日，县委召开会议。\n", "全媒体记者", "朱凯琳"),
        ("本报讯（融媒体记者 沈一鸣）昨天，镇里召开会议。\n", "融媒体记者", "沈一鸣"),
        ("今日嘉善\n责任编辑：沈佳 版式设计：陆敏\n县里召开会议\n", "版式设计", "陆敏"),
    ],
)
def test_roles_of_county_papers_bylines(page, role, name):
    mentions = pinghu_nlp.extract([page]).mentions
    found = list(zip(mentions.text, mentions.label, strict=True))
    assert (role, "TITLE") in found and (name, "PERSON") in found


@pytest.mark.parametrize(
    "page, bylines",
    [
        ("广陈镇举办西瓜节\n本报讯 记者 钟晓 昨天，广陈镇举办西瓜节。\n", "记者 钟晓"),
        (
            "曹桥街道开展防汛演练\n通讯员 陆敏 记者 方一舟 本周二，曹桥街道开展防汛演练。\n",
            "通讯员 陆敏; 记者 方一舟",
        ),
        (
            "林埭镇表彰好家风\n见习记者 孔令宇 日前，林埭镇表彰了十户好家风家庭。\n",
            "见习记者 孔令宇",
        ),
        (
            "独山港镇举办招聘会\n本报讯 实习生 林可 记者 许文博\n昨天，独山港镇举办招聘会。\n",
            "实习生 林可; 记者 许文博",
        ),
    ],
)
def test_a_byline_opening_the_lead_line(page, bylines):
    """The byline on the lead's own line, set off by spaces, before the first sentence."""
    (article,) = split_articles(page)
    assert article.byline == bylines
    assert article.headline == page.split("\n")[0]
    names = [page[slice(*span)] for b in article.bylines for _, span in b.names]
    assert names == [n for part in bylines.split("; ") for n in part.split()[1:]]


def test_a_lead_line_without_a_byline_keeps_its_text():
    page = "新埭镇召开会议\n记者从新埭镇获悉，本周三将召开会议。\n市委书记 仲旭东 出席。\n"
    assert [a.byline for a in split_articles(page)] == [""]
