"""Where a noun phrase begins: the shared left edge of titles, organisations and places."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..segment import is_han, page_words, tag_of
from ..segment import word_pair as make_pair

if TYPE_CHECKING:
    from jieba.posseg import pair

NOUN_TAGS = frozenset({"n", "nt", "ns", "nz", "j", "vn", "b", "ng", "nrt", "an", "s"})
"""jieba part-of-speech tags of words that may stand inside a name or a qualifier."""
NAME_TAGS = frozenset({"nr", "nrfg"})
"""jieba's tags for a person's name."""
PROPER_TAGS = frozenset({"nt", "ns", "nz", "nrt", "j"})
"""Tags of proper names: places, organisations, brands and abbreviations."""
BRAND_TAGS = NOUN_TAGS | {"v", "a", "nr", "nrfg", "vn", "ad", "d"}
"""Tags of words a company's name may be made of (开拓药业, 高正)."""
STOP_CHARS = frozenset(lexicon.characters("stop"))
"""Function characters that never stand inside a name or a qualifier."""
DEICTIC_STARTS = tuple(lexicon.characters("deictic-starts"))
"""A word opening with one of these points at a class or at the reader (我市, 各级): no name."""
UNIT_CHARS = tuple(lexicon.characters("body-ends"))
"""Last characters of the names of bodies (文明办, 商务局)."""
GENERIC_WORDS = frozenset(lexicon.place_words("generic"))
"""Words that open a phrase pointing at a whole class (全市, 有关): no name."""
_ORDINAL = re.compile(rf"^第[{lexicon.NUMERALS}\d]{{1,3}}$|^第?[{lexicon.NUMERALS}百\d]{{1,4}}届$")
"""An ordinal inside a body's name: 第一(人民医院), (市)十七届(人大常委会)."""
_COUNT_NUMERALS = (
    lexicon.NUMERALS + lexicon.characters("numeral-two") + lexicon.characters("vague-numerals")
)
_COUNT = re.compile(f"^[{_COUNT_NUMERALS}][{lexicon.characters('count-classifiers')}]")
BREAKS = frozenset('，,、。；;：:！？!?“”"《》()（）\n 【】·—')
"""Punctuation that ends any phrase."""


def is_noun_ending_in(word: str, ends: frozenset[str]) -> bool:
    """A noun of jieba's of two to four Chinese characters whose last is one of ``ends``: how the
    finders know job roles (收银员) and kinds of people (画家) by their ending."""
    return 2 <= len(word) <= 4 and word[-1] in ends and is_han(word) and tag_of(word) == "n"


def phrase_start(text: str, start: int, end: int, breaks: frozenset[str] = BREAKS) -> int:
    """Just after the last break in ``text[start:end]``, or ``start`` if there is none."""
    for index in range(end - 1, start - 1, -1):
        if text[index] in breaks:
            return index + 1
    return start


def noun_phrase(
    text: str,
    end: int,
    window: int = 16,
    max_words: int = 12,
    named_unit: bool = False,
    brand: bool = False,
    ordinals: bool = False,
) -> list[pair]:
    """The noun-like words (jieba word/flag pairs) that end at ``end``, in text order.

    ``named_unit``: what follows is a unit's ending (社区, 有限公司), so a short word jieba tags as
    a person's name is taken as the unit's name (全公亭社区). ``brand``: a company's name, whose
    words may be verbs or adjectives too (开拓药业). ``ordinals``: an ordinal inside a body's
    name goes on it (第一人民医院; always with ``named_unit``).
    """
    window_start = phrase_start(text, max(0, end - window), end)
    words = page_words(text).tagged_between(window_start, end)[-max_words:]
    kept: list[pair] = []
    for index in range(len(words) - 1, -1, -1):
        word_pair = words[index]
        word = word_pair.word
        if word_pair.flag == "l" and word.endswith(UNIT_CHARS):
            word_pair = make_pair(word, "n")  # 合作社: a set phrase of jieba's that names a body
        glued = len(word) == 2 and word[1] in LOCAL_PREFIX_CHARS and word[0] in _GLUE
        if glued and (kept or named_unit):
            kept.insert(0, make_pair(word[1], "n"))  # 兼|市发改局, 据|县气象台: the prefix glued on
            break
        joins = word == "和" and _joins_body_name(words, index, kept)  # 经济和信息化局
        joins = joins or (word in _BODY_LINKS and bool(kept))  # 医学院附属第二医院
        if not kept and index and word in UNIT_CHARS and words[index - 1].flag[:1] in "nv":
            kept.insert(0, make_pair(word, "n"))  # 人才|办: a body's ending jieba reads as a verb
            continue
        ordinal = (
            (named_unit or ordinals)
            and (kept or named_unit or word.endswith("届"))  # (附属)第二|医院
            and _ORDINAL.match(word)
        )
        joins = joins or _field_verb_of_unit(words, index, kept)  # (市场监管局)执法|大队
        if not (joins or ordinal) and (
            _COUNT.match(word) or not _may_stand_in_name(word_pair, kept, named_unit, brand)
        ):
            kept[:0] = _field_words_after_place(words[: index + 1]) if named_unit else []
            break  # 两大(国际产业园), 三个: a count is no part of a name either
        kept.insert(0, word_pair)
    return kept


def _field_verb_of_unit(words: list[pair], index: int, kept: list[pair]) -> bool:
    """Whether the word at ``index``, a verb or a set phrase, names the field of a unit among
    the words ``kept`` after it, inside a body or a place's office: 市场监管局|执法|大队,
    区|生态环境|分局, 镇|综合|行政|执法|队, 长三角|…|一体化|发展|示范区. Nouns may stand between it
    and the body or place before it."""
    word = words[index]
    if word.flag not in _FIELD_VERB_TAGS or not 2 <= len(word.word) <= 4 or not kept:
        return False
    if word.flag == "v" and word.word not in _FIELD_VERBS:
        return False  # 县农业农村局|联合|县供销社: an action between two bodies
    if not any(w.word.endswith(UNIT_CHARS + PLACE_UNIT_CHARS) for w in kept):
        return False
    for before in reversed(words[:index]):
        if before.flag in ("nt", "ns") or before.word.endswith(UNIT_CHARS + PLACE_UNIT_CHARS):
            return True
        if before.flag not in NOUN_TAGS | _FIELD_VERB_TAGS or before.word in GENERIC_WORDS:
            return False
    return False


_FIELD_VERB_TAGS = frozenset({"v", "vn", "l"})
_FIELD_VERBS = frozenset(lexicon.place_words("field-verb"))


def _field_words_after_place(words: list[pair]) -> list[pair]:
    """The place and the words of a body's field after it, ending ``words`` (平湖市|市场|监督|
    管理局, 平湖市|职业|中等专业|学校): a field's verb or idiom stands in a body's name only
    where a place opens it."""
    for index in range(len(words) - 1, -1, -1):
        flag = words[index].flag
        if flag == "ns" and index < len(words) - 1:
            return words[index:]
        if flag not in _FIELD_TAGS:
            return []
    return []


_BODY_ENDINGS = frozenset(lexicon.endings("ORG"))
_NAME_ENDINGS = tuple(lexicon.endings("ORG") + lexicon.endings("LOC"))
"""Endings of bodies' names (农商行, 居委会), which a bound morpheme may open."""
_FIELD_TAGS = frozenset({"n", "vn", "l", "nz"})
"""Tags of the words of a body's field (市场|监督, 职业|中等专业, 经济|和|信息化)."""
_BODY_LINKS = frozenset(lexicon.place_words("body-link"))
"""Words that join a body to the one it belongs to inside a name (附属)."""


def _may_stand_in_name(word_pair: pair, kept: list[pair], named_unit: bool, brand: bool) -> bool:
    """Whether a word may stand in a name or a qualifier, before the words ``kept`` after it."""
    word, flag = word_pair.word, word_pair.flag
    if word in GENERIC_WORDS or word.startswith(DEICTIC_STARTS):
        return False
    ends_as_unit = word.endswith(UNIT_CHARS + PLACE_UNIT_CHARS)
    place_as_name = flag in NAME_TAGS and len(word) == 3 and ends_as_unit  # 向阳镇, 和平村
    if any(c in STOP_CHARS for c in word) and (flag != "nt" or len(word) < 4) and not place_as_name:
        return False  # 暨, 和…; a body jieba knows may hold one (文化和广电旅游体育局)
    if flag in NOUN_TAGS or (brand and flag in BRAND_TAGS):
        return True
    unknown = flag == "x" and len(word) >= 2 and is_han(word)
    # a place jieba does not know, by its unit: 泗泾村(党总支), 泗泾(村党委)
    unit_follows = word.endswith(PLACE_UNIT_CHARS) or bool(
        kept and kept[0].word.startswith(PLACE_UNIT_CHARS)
    )
    # jieba tags many unknown proper names as person names: 全公亭(社区), 文明办, 石桥镇(镇长)
    if flag in NAME_TAGS and len(word) <= 3 and (kept or named_unit or ends_as_unit):
        return True
    if unknown and (named_unit or unit_follows):
        return True
    if flag in ("zg", "ng") and is_han(word):  # bound morphemes: 徐家埭(村), 村(党总支)
        ending = bool(kept) and word + kept[0].word in _BODY_ENDINGS  # 农|商行: jieba cut it
        return (
            named_unit or unit_follows or ending or (bool(kept) and word.endswith(PLACE_UNIT_CHARS))
        )
    return flag == "a" and len(word) == 1 and bool(kept)  # 新(材料)


PLACE_UNIT_CHARS = tuple(u for u in lexicon.endings("LOC", "admin") if len(u) == 1)
"""Last characters of administrative places (泗泾村), first of their bodies (村党委)."""
LOCAL_PREFIX_CHARS = frozenset(lexicon.characters("local-prefixes"))
"""One-character local prefixes of bodies and offices: 市(发改局), 省(政协), 镇(党委)."""
_GLUE = STOP_CHARS | frozenset(lexicon.characters("prefix-glue"))
"""Characters jieba glues a local prefix to (兼市, 如市, 赴省)."""


def _joins_body_name(words: list[pair], index: int, kept: list[pair]) -> bool:
    """Whether 和 at ``index`` joins two fields inside one body's name (经济和信息化局).

    The words after it must not be a whole body already (市委和市政府), the word before must be
    a field (a common noun of two characters or more).
    """
    if not kept or kept[0].flag in PROPER_TAGS - {"nz"} or index == 0:
        return False
    before = words[index - 1]
    if before.word.endswith(_NAME_ENDINGS):
        return False  # 鲁迅纪念馆|和|丰子恺故居: two names, 和 between them
    return before.flag in _FIELD_TAGS and len(before.word) >= 2
