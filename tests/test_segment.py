"""The page's words are cut once and shared: every finder must see what a fresh cut would give."""

from __future__ import annotations

import random

import pytest

from pinghu_nlp.extensions import doc_text
from pinghu_nlp.layout import repair
from pinghu_nlp.recognise import split_at_boundaries
from pinghu_nlp.segment import page_words, tagged_words, word_segmenter


@pytest.fixture(scope="module")
def clean_pages(raw_pages) -> list[str]:
    return [repair(raw).text for raw in raw_pages.values()]


def test_page_words_cover_the_text_in_order(clean_pages):
    for text in clean_pages:
        words = page_words(text)
        assert "".join(words.words) == text
        assert all(
            words.text.startswith(w, s) for s, w in zip(words.starts, words.words, strict=True)
        )


def test_a_slice_ending_before_a_title_is_cut_as_on_its_own():
    """芦湾村|党委书记 on the page, but 芦湾|村党委 when the slice stops before 书记."""
    text = "新仓镇芦湾村党委书记肖忠华回忆道"
    end = text.index("书记")
    got = [(p.word, p.flag) for p in page_words(text).tagged_between(0, end)]
    assert got == [(p.word, p.flag) for p in tagged_words(text[:end])]
    assert ("村党委", "n") in got


def test_slices_of_seed_pages_match_a_fresh_cut(clean_pages):
    """Slices ending where the finders look (before endings and titles) across all seed pages."""
    rng = random.Random(7)
    checked = differing = 0
    for text in clean_pages:
        words = page_words(text)
        for _ in range(300):
            end = rng.randrange(20, len(text))
            start = end - rng.randrange(1, 16)
            got = [(p.word, p.flag) for p in words.tagged_between(start, end)]
            fresh = [(p.word, p.flag) for p in tagged_words(text[start:end])]
            checked += 1
            differing += got != fresh
    # the rest differ where jieba's best path depends on text beyond the slice (坚决贯彻|落实)
    assert differing / checked < 0.01, f"{differing} of {checked} slices cut differently"


def test_word_at_without_guesses_matches_jieba_without_hmm(clean_pages):
    checked = differing = 0
    for text in clean_pages:
        offset, words = 0, page_words(text)
        for word in word_segmenter().cut(text, HMM=False):
            if all("\u4e00" <= c <= "\u9fff" for c in word):
                checked += 1
                differing += words.word_at(offset + len(word) - 1, guessed=False) != (offset, word)
            offset += len(word)
    # the rest are words the HMM guessed that happen to be in the dictionary too (同题)
    assert differing / checked < 0.005, f"{differing} of {checked} words differ"


def test_the_tokenizer_keeps_the_text_it_cut(nlp, raw_pages):
    doc = nlp(next(iter(raw_pages.values())))
    assert doc._.text == doc.text == doc_text(doc)


def test_tokens_split_at_every_boundary(nlp):
    doc = nlp.make_doc("市委书记仲旭东主持会议")
    doc = split_at_boundaries(doc, {2, 4, 9})
    assert {t.idx for t in doc} >= {0, 2, 4, 9}
    assert [t.text for t in doc][:2] == ["市委", "书记"]
    assert doc.text == "市委书记仲旭东主持会议"


def test_words_and_spaces_agree_with_spacy(raw_pages):
    """The one-pass alignment gives spaCy's tokens on every seed page (and odd whitespace)."""
    from spacy.util import get_words_and_spaces

    from pinghu_nlp.layout import repair
    from pinghu_nlp.segment import segment, words_and_spaces

    texts = [repair(raw).text for raw in raw_pages.values()]
    texts += ["  两个空格 开头\n\n 结尾 ", "a  b\tc \u3000d", " "]
    for text in texts:
        pieces = list(segment(text))
        expected = get_words_and_spaces([p for p in pieces if not p.isspace()], text)
        assert words_and_spaces(pieces, text) == expected
