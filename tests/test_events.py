"""Personnel changes as dated events (constructed sentences), and careers() built from them."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEED_PAGES

import pinghu_nlp
from pinghu_nlp.batch import read_tables, run_batch
from pinghu_nlp.tables import careers

LEAD = "本报讯 9月11日，市十七届人大常委会第十二次会议召开。"
DATELINE_DAY = pd.Timestamp("2023-09-11")


def events_of(sentence: str, lead: str = LEAD) -> pinghu_nlp.Result:
    """The result of a masthead-less page: a dateline lead, then the sentence."""
    return pinghu_nlp.extract([lead + sentence], issue_date="2023-09-12")


def rows(result: pinghu_nlp.Result) -> list[tuple[str, str, str]]:
    return [(r.kind, r.person, r.title) for r in result.events.itertuples()]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "会议决定任命李华同志为嘉兴市人民政府副市长。",
            [("APPOINTED", "李华", "嘉兴市人民政府副市长")],
        ),
        ("任命孙伟同志为平湖市教育局局长。", [("APPOINTED", "孙伟", "平湖市教育局局长")]),
        ("会议决定任命郑红为市人民检察院检察员。", [("APPOINTED", "郑红", "市人民检察院检察员")]),
        (
            "任命陈立、赵敏为市人民法院审判员。",
            [("APPOINTED", "陈立", "市人民法院审判员"), ("APPOINTED", "赵敏", "市人民法院审判员")],
        ),
        (
            "任命刘洋、黄梅、许杰为市人民法院审判员。",
            [
                ("APPOINTED", "刘洋", "市人民法院审判员"),
                ("APPOINTED", "黄梅", "市人民法院审判员"),
                ("APPOINTED", "许杰", "市人民法院审判员"),
            ],
        ),
    ],
)
def test_appointments_each_name_of_a_list(sentence, expected):
    result = events_of(sentence)
    assert rows(result) == expected
    assert set(result.events.body) == {"市十七届人大常委会"}
    assert set(result.events.date) == {DATELINE_DAY}
    assert result.events.entity_id.notna().all()  # the names are mentions, with ids


@pytest.mark.parametrize(
    ("sentence", "person", "title"),
    [
        ("决定免去王强同志的平湖市财政局局长职务。", "王强", "平湖市财政局局长"),
        ("会议决定免去马军同志的市审计局局长职务。", "马军", "市审计局局长"),
        ("免去杨帆同志嘉兴市人民政府副市长职务。", "杨帆", "嘉兴市人民政府副市长"),
        ("会议决定免去副市长胡斌同志的职务。", "胡斌", "副市长"),
        ("王强不再担任平湖市财政局局长。", "王强", "平湖市财政局局长"),
        ("徐丽同志不再担任市卫生健康局局长。", "徐丽", "市卫生健康局局长"),
    ],
)
def test_removals(sentence, person, title):
    result = events_of(sentence)
    assert rows(result) == [("REMOVED", person, title)]
    assert result.events.date.iloc[0] == DATELINE_DAY
    assert result.events.body.iloc[0] == "市十七届人大常委会"


@pytest.mark.parametrize(
    ("sentence", "person", "title"),
    [
        ("会议接受张明同志辞去海盐县人民政府县长职务的请求。", "张明", "海盐县人民政府县长"),
        ("会议同意林峰辞去市人大常委会副主任职务。", "林峰", "市人大常委会副主任"),
        ("会议接受高伟同志辞去市发展和改革局局长职务的请求。", "高伟", "市发展和改革局局长"),
    ],
)
def test_resignations(sentence, person, title):
    result = events_of(sentence)
    assert rows(result) == [("RESIGNED", person, title)]
    assert result.events.body.iloc[0] == "市十七届人大常委会"


def test_a_title_given_up_is_not_held():
    result = events_of("免去杨帆同志嘉兴市人民政府副市长职务。会议决定免去副市长胡斌同志的职务。")
    holds = result.relations[result.relations.relation.isin(["HOLDS_TITLE", "MEMBER_OF"])]
    assert holds.empty
    assert set(result.events.kind) == {"REMOVED"}


@pytest.mark.parametrize(
    ("sentence", "person", "title", "kept"),
    [
        ("决定周强副县长为海盐县人民政府代理县长。", "周强", "海盐县人民政府代理县长", "副县长"),
        ("决定吴斌副市长为平湖市人民政府代理市长。", "吴斌", "平湖市人民政府代理市长", "副市长"),
        ("决定任命何军为市人民政府代理市长。", "何军", "市人民政府代理市长", ""),
    ],
)
def test_acting_keeps_the_earlier_title(sentence, person, title, kept):
    result = events_of(sentence)
    assert rows(result) == [("ACTING", person, title)]
    assert result.events.kept_title.iloc[0] == kept


@pytest.mark.parametrize(
    ("sentence", "kind", "person", "title"),
    [
        ("选举赵刚为市人大常委会主任。", "ELECTED", "赵刚", "市人大常委会主任"),
        ("大会选举钱军为市监察委员会主任。", "ELECTED", "钱军", "市监察委员会主任"),
        ("补选冯丽为市人大常委会委员。", "ELECTED", "冯丽", "市人大常委会委员"),
        ("孙丽当选为市政协主席。", "ELECTED", "孙丽", "市政协主席"),
        ("曹伟当选市人大常委会副主任。", "ELECTED", "曹伟", "市人大常委会副主任"),
        ("提名吴刚为平湖市人民政府市长候选人。", "NOMINATED", "吴刚", "平湖市人民政府市长"),
        ("会议提名唐静为市人民法院院长候选人。", "NOMINATED", "唐静", "市人民法院院长"),
    ],
)
def test_elections_and_nominations(sentence, kind, person, title):
    result = events_of(sentence)
    assert rows(result) == [(kind, person, title)]
    assert result.events.date.iloc[0] == DATELINE_DAY


def test_the_issue_date_without_a_dated_dateline_and_the_body_in_the_clause():
    result = events_of("市委决定任命李华同志为市委办公室主任。", lead="本报讯 ")
    assert rows(result) == [("APPOINTED", "李华", "市委办公室主任")]
    assert result.events.body.iloc[0] == "市委"
    assert result.events.date.iloc[0] == pd.Timestamp("2023-09-12")


def test_evidence_and_raw_offsets():
    raw = LEAD + "会议决定任命李华同志为嘉兴市人民政府副市长。"
    result = pinghu_nlp.extract([raw], issue_date="2023-09-12")
    row = result.events.iloc[0]
    assert row.evidence == "会议决定任命李华同志为嘉兴市人民政府副市长。"
    assert raw[row.start : row.end] == "决定任命李华同志为嘉兴市人民政府副市长"


def test_not_a_personnel_change():
    result = events_of("会议决定在全市开展为期三个月的专项行动。选举工作顺利进行。")
    assert result.events.empty


def test_careers_start_and_end_from_events_and_sightings():
    pages = [
        LEAD + "会议决定任命李华同志为嘉兴市人民政府副市长。",
        "本报讯 9月20日，嘉兴市人民政府副市长李华出席活动。",
        "本报讯 10月8日，市人大常委会召开会议。会议决定免去李华同志的嘉兴市人民政府副市长职务。",
    ]
    result = pinghu_nlp.extract(pages, issue_date="2023-10-09")
    career = result.careers().set_index(["name", "title"]).loc[("李华", "嘉兴市人民政府副市长")]
    assert career.start == pd.Timestamp("2023-09-11") and career.start_by == "event"
    assert career.end == pd.Timestamp("2023-10-08") and career.end_by == "event"
    seen = pinghu_nlp.extract(pages[1:2], issue_date="2023-10-09").careers().iloc[0]
    assert (seen.start_by, seen.end_by) == ("seen", "seen")


def test_nominations_are_not_tenures():
    assert events_of("提名吴刚为平湖市人民政府市长候选人。").careers().empty


def test_seeds_have_an_events_table(seeds_result):
    assert list(seeds_result.events.columns[:4]) == ["doc_id", "article_id", "kind", "entity_id"]
    assert len(SEED_PAGES) == 4


def test_events_are_exported_and_written_by_batches(tmp_path):
    page = tmp_path / "pages" / "2023-09-12.txt"
    page.parent.mkdir()
    page.write_text(LEAD + "任命陈立、赵敏为市人民法院审判员。", encoding="utf-8")
    result = pinghu_nlp.extract([page])
    result.to_parquet(tmp_path / "parquet")
    written = pd.read_parquet(tmp_path / "parquet" / "events.parquet")
    assert list(written.person) == ["陈立", "赵敏"]
    run_batch([page], tmp_path / "batch")
    events = read_tables(tmp_path / "batch")["events"]
    assert list(events.person) == ["陈立", "赵敏"]
    assert set(events.date) == {DATELINE_DAY}
    assert len(careers(events, read_tables(tmp_path / "batch")["relations"])) == 2


def test_clauses_that_go_on_with_the_same_verb():
    result = events_of(
        "会议决定任命李华为平湖市人民政府副市长，王强为平湖市财政局局长；"
        "刘洋、黄梅为市人民法院审判员。会议决定任命：孙伟为平湖市教育局局长；郑红为市人民检察院检察员。"
    )
    assert rows(result) == [
        ("APPOINTED", "李华", "平湖市人民政府副市长"),
        ("APPOINTED", "王强", "平湖市财政局局长"),
        ("APPOINTED", "刘洋", "市人民法院审判员"),
        ("APPOINTED", "黄梅", "市人民法院审判员"),
        ("APPOINTED", "孙伟", "平湖市教育局局长"),
        ("APPOINTED", "郑红", "市人民检察院检察员"),
    ]
    assert set(result.events.body) == {"市十七届人大常委会"}


def test_a_clause_after_an_appointment_that_is_not_one():
    result = events_of("会议决定任命李华为副市长，这为全市发展提供保障。")
    assert rows(result) == [("APPOINTED", "李华", "副市长")]


def test_a_post_given_is_a_title_of_the_entity():
    result = events_of("任命陈立、赵敏为市人民法院审判员。免去王强同志的平湖市财政局局长职务。")
    titles = result.entities.set_index("name").titles
    assert list(titles["陈立"]) == ["市人民法院审判员"]
    assert list(titles["王强"]) == []


def test_a_bare_name_before_the_verb_needs_tongzhi():
    assert events_of("成功当选为全国文明城市。顺利当选为村委会主任。").events.empty


def test_title_history_has_the_tenure():
    pages = [
        LEAD + "会议决定任命李华同志为嘉兴市人民政府副市长。",
        "本报讯 10月8日，会议决定免去李华同志的嘉兴市人民政府副市长职务。",
        "本报讯 市长王刚出席活动。",
    ]
    history = pinghu_nlp.extract(pages, issue_date="2023-10-09").title_history()
    li = history.set_index("name").loc["李华"]
    assert (li.start, li.start_by) == (pd.Timestamp("2023-09-11"), "event")
    assert (li.end, li.end_by) == (pd.Timestamp("2023-10-08"), "event")
    wang = history.set_index("name").loc["王刚"]
    assert (wang.n_docs, wang.start_by, wang.end_by) == (1, "seen", "seen")


def test_two_titles_and_a_clause_after_a_comma():
    result = events_of(
        "选举赵刚为市人大常委会主任、李明为市人大常委会副主任。"
        "任命郭华为嘉兴市人民政府副市长、市公安局局长，王强为平湖市财政局局长。"
    )
    assert rows(result) == [
        ("ELECTED", "赵刚", "市人大常委会主任"),
        ("ELECTED", "李明", "市人大常委会副主任"),
        ("APPOINTED", "郭华", "嘉兴市人民政府副市长"),
        ("APPOINTED", "郭华", "市公安局局长"),
        ("APPOINTED", "王强", "平湖市财政局局长"),
    ]


@pytest.mark.parametrize(
    "page, person, title",
    [
        ("钱伟同志任县司法局局长。", "钱伟", "县司法局局长"),
        ("范丽同志担任县妇联主席。", "范丽", "县妇联主席"),
    ],
)
def test_an_appointment_written_as_tongzhi_ren(page, person, title):
    events = pinghu_nlp.extract([page]).events
    assert list(zip(events["kind"], events["person"], events["title"], strict=True)) == [
        ("APPOINTED", person, title)
    ]
