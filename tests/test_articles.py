"""Pages split into articles; bylines, datelines and the masthead date."""

import datetime as dt

from pinghu_nlp.articles import masthead_date, parse_byline, split_articles
from pinghu_nlp.layout import repair


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
