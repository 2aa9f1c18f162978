"""extract(): pages in, tables out, with raw offsets and clear errors for bad pages."""

import pandas as pd
from conftest import SEED_PAGES, SEEDS

import pinghu_nlp


def test_every_mention_is_the_raw_text_at_its_offsets(seeds_result, raw_pages):
    assert len(seeds_result.mentions) > 500
    for row in seeds_result.mentions.itertuples():
        assert raw_pages[row.doc_id][row.start : row.end] == row.text


def test_every_article_offset_is_inside_its_page(seeds_result, raw_pages):
    for row in seeds_result.articles.itertuples():
        assert 0 <= row.start < row.end <= len(raw_pages[row.doc_id])


def test_name_broken_by_layout_is_one_person(seeds_result):
    mentions = seeds_result.mentions
    broken = mentions[
        (mentions.doc_id == "002_ed8b4f82a5f7e9b1.txt") & (mentions.text == "周军 波")
    ]
    assert list(broken.label) == ["PERSON"]
    entity = seeds_result.entities.set_index("entity_id").loc[broken.entity_id.iloc[0]]
    assert entity["name"] == "周军波"


def test_doc_ids_are_file_names(seeds_result):
    assert set(seeds_result.articles.doc_id) == {p.name for p in SEED_PAGES}


def test_issue_date_from_masthead_and_from_caller(seeds_result):
    dates = seeds_result.articles.drop_duplicates("doc_id").set_index("doc_id").issue_date
    assert dates["002_ed8b4f82a5f7e9b1.txt"] == pd.Timestamp("2023-09-12")
    assert pd.isna(dates["000_4761a9b087fadb1d.txt"])
    given = pinghu_nlp.extract([SEEDS / "000_4761a9b087fadb1d.txt"], issue_date="2022-07-31")
    assert set(given.articles.issue_date) == {pd.Timestamp("2022-07-31")}


def test_raw_strings_get_doc_ids_in_order():
    result = pinghu_nlp.extract(
        ["市委书记仲旭东主持会议。", "记者 胡佳英\n本报讯 昨天,市长周军波出席。"]
    )
    assert sorted(set(result.mentions.doc_id)) == ["doc-0", "doc-1"]


def test_traditional_page_is_analysed_like_a_simplified_one():
    raw = "本報訊 平湖市委書記仲旭東主持會議。"
    result = pinghu_nlp.extract([raw])
    people = result.mentions[result.mentions.label == "PERSON"]
    assert list(people.text) == ["仲旭東"]
    assert list(people.name) == ["仲旭东"]
    assert raw[people.start.iloc[0] : people.end.iloc[0]] == "仲旭東"


def test_table_columns_and_dtypes(seeds_result):
    assert list(seeds_result.mentions.columns[:7]) == [
        "doc_id",
        "article_id",
        "start",
        "end",
        "text",
        "label",
        "entity_id",
    ]
    assert str(seeds_result.mentions.start.dtype) == "Int64"
    assert isinstance(seeds_result.mentions.label.dtype, pd.CategoricalDtype)
    assert list(seeds_result.relations.columns) == [
        "doc_id",
        "article_id",
        "head_id",
        "head",
        "relation",
        "tail_id",
        "tail",
        "start",
        "end",
        "date",
        "evidence",
    ]
    assert list(seeds_result.articles.columns) == [
        "doc_id",
        "article_id",
        "kind",
        "headline",
        "byline",
        "dateline",
        "issue_date",
        "start",
        "end",
    ]


def test_articles_join_mentions(seeds_result):
    joined = seeds_result.mentions.merge(seeds_result.articles, on=["doc_id", "article_id"])
    assert len(joined) == len(seeds_result.mentions)


def test_sql_over_the_result(seeds_result):
    rows = seeds_result.duckdb().execute(
        "SELECT DISTINCT tail FROM relations WHERE head = '周军波' AND relation = 'HOLDS_TITLE'"
    )
    assert {"市长", "市委副书记"} <= {tail for (tail,) in rows.fetchall()}


def test_query_command_over_an_output_folder(seeds_result, tmp_path, capsys):
    from pinghu_nlp.cli import main

    seeds_result.to_parquet(tmp_path)
    sql = "SELECT count(*) AS n FROM mentions WHERE label = 'PERSON'"
    assert main(["query", str(tmp_path), sql]) == 0
    expected = int((seeds_result.mentions.label == "PERSON").sum())
    assert capsys.readouterr().out.split() == ["n", str(expected)]


def test_render_highlights_one_article(nlp, raw_pages):
    doc = nlp(raw_pages["000_4761a9b087fadb1d.txt"])
    html = pinghu_nlp.render(doc, article=0, jupyter=False)
    assert "仲旭东" in html and "PERSON" in html and "TITLE" in html
    assert "李雨婷" not in html  # the second article's reporter is not shown


def test_extract_drops_each_doc_unless_asked_to_keep_them(seeds_result):
    assert seeds_result.docs == []  # each page's Doc went once its rows were made
    kept = pinghu_nlp.extract(SEED_PAGES, keep_docs=True)
    assert [doc._.doc_id for doc in kept.docs] == [path.name for path in SEED_PAGES]
    assert "仲旭东" in [ent.text for ent in kept.docs[0].ents if ent.label_ == "PERSON"]
    assert "仲旭东" in pinghu_nlp.render(kept.docs[0])
    for name in pinghu_nlp.Result.TABLES:
        pd.testing.assert_frame_equal(getattr(kept, name), getattr(seeds_result, name))


def test_streamed_tables_are_those_of_all_docs_tabulated_at_the_end(monkeypatch):
    """extract() makes each page's rows as it is done, typed columns every few pages; the
    tables are the ones the earlier extract() made from every Doc at the end (a long page in
    parts, a bad page, a registry carried over from an earlier batch included)."""
    from pinghu_nlp.assemble import ColumnRows

    monkeypatch.setattr(ColumnRows, "CHUNK_PAGES", 2)  # rows of 2 pages at a time to columns
    import copy

    from conftest import read_raw

    from pinghu_nlp.pages import MAX_PART_CHARS
    from pinghu_nlp.pipeline import process
    from pinghu_nlp.tables import tabulate

    page = read_raw(SEED_PAGES[0])
    long_page = page * (MAX_PART_CHARS // len(page) + 2)  # processed in two parts
    inputs = [*SEED_PAGES[1:], long_page, "", "市委书记仲旭东出席。"]
    earlier = pinghu_nlp.extract(SEED_PAGES[:1])
    streamed = pinghu_nlp.extract(inputs, registry=copy.deepcopy(earlier.registry))
    items = list(process(inputs))
    docs = [item[1] for item in items if isinstance(item, tuple)]
    assert len(docs) == len(inputs)  # the long page in two parts, the empty one not processed
    errors = [(e.source, e.reason, "error") for e in items if not isinstance(e, tuple)]
    whole = tabulate(docs, errors, registry=copy.deepcopy(earlier.registry))
    assert len(streamed.mentions) > 1000 and streamed.errors["reason"].tolist() == [
        "empty page (no text)"
    ]
    for name in pinghu_nlp.Result.TABLES:
        pd.testing.assert_frame_equal(getattr(streamed, name), getattr(whole, name))


def test_a_surname_reference_links_to_the_person_holding_that_title():
    page = (
        "镇党委书记朱国平、镇长朱丽来到村里。朱书记询问了发展情况，朱镇长说，要把好事办好。"
        "村民向朱书记反映了修路的问题。"
    )
    people = pinghu_nlp.extract([page]).mentions.query("label == 'PERSON'")
    assert dict(zip(people["text"], people["name"], strict=True)) == {
        "朱国平": "朱国平",
        "朱丽": "朱丽",
        "朱书记": "朱国平",  # the 朱 who holds 书记, though 朱丽 was named last
        "朱镇长": "朱丽",
    }
