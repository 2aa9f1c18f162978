"""Several worker processes: the raw text goes to the workers, every worker gets pages, and the
tables are those of one process."""

import os

import pandas as pd
from conftest import SEED_PAGES, read_raw
from spacy.language import Language

import pinghu_nlp
from pinghu_nlp.pages import MAX_PART_CHARS
from pinghu_nlp.pipeline import batch_size_for, page_count, process


@Language.component("test_where_processed")
def where_processed(doc):
    doc.user_data["processed_in"] = os.getpid()
    return doc


class WhereTokenized:
    """The pipeline's tokenizer, noting in each Doc the process that ran it."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text):
        doc = self.tokenizer(text)
        doc.user_data["tokenized_in"] = os.getpid()
        return doc


def test_two_processes_give_the_tables_of_one():
    page = read_raw(SEED_PAGES[0])
    long_page = page * (MAX_PART_CHARS // len(page) + 2)  # in two parts
    texts = [read_raw(path) for path in SEED_PAGES[1:]]
    inputs = [*SEED_PAGES, long_page, "", "市委书记仲旭东出席。", *texts, "missing.txt"]
    one = pinghu_nlp.extract(inputs, n_process=1)
    two = pinghu_nlp.extract(inputs, n_process=2)
    assert len(one.mentions) > 2000 and len(one.errors) == 2
    for name in pinghu_nlp.Result.TABLES:
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name))


def test_the_workers_repair_and_cut_the_pages_and_both_get_some():
    nlp = pinghu_nlp.load()
    nlp.tokenizer = WhereTokenized(nlp.tokenizer)
    nlp.add_pipe("test_where_processed", last=True)
    texts = [read_raw(path) for path in SEED_PAGES] * 2
    done = [doc for _, doc in process(texts, n_process=2, nlp=nlp)]
    tokenized = [doc.user_data["tokenized_in"] for doc in done]
    assert tokenized == [doc.user_data["processed_in"] for doc in done]
    assert os.getpid() not in tokenized and len(set(tokenized)) == 2
    assert [doc._.doc_id for doc in done] == [f"doc-{n}" for n in range(len(texts))]
    assert "仲旭东" in {ent.text for ent in done[0].ents}


def test_batch_size_splits_the_pages_across_the_workers():
    assert batch_size_for(170, 1) == batch_size_for(None, 2) == 8  # as before
    for pages in (2, 5, 8, 40, 170, 2000):
        size = batch_size_for(pages, 2)
        assert 1 <= size <= 16 and -(-pages // size) >= 2  # at least one batch a worker
    assert batch_size_for(170, 2) < 1000 / 2  # spaCy's default would give one worker all
    assert page_count([SEED_PAGES[0].parent, "a page given as text\n"]) == len(SEED_PAGES) + 1
    assert page_count(iter(SEED_PAGES)) is None  # a generator: not counted
