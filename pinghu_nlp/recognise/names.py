"""Person names from the contexts a newspaper puts them in.

Names follow titles (``市委书记仲旭东``), continue lists (``周军波、吴金华、何健等``), precede
titles and speech verbs (``习近平总书记``, ``肖忠华说``), stand in bylines, and come back later
in the story bare (``仲旭东强调``). Surname + title (``张书记``) and ``老``/``小`` + surname
(``老沈``) refer to one person too. Whether a name has two or three characters is decided by
what follows it, with jieba's name tag as the tie-breaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from .. import lexicon
from ..articles import COMMON_SURNAMES
from ..layout import is_byline_role
from ..segment import (
    PageWords,
    is_frequent,
    is_guessed,
    is_han,
    is_loose,
    page_words,
    tag_of,
    word_segmenter,
)
from ..segment import word_tags as _word_tags
from .candidates import Candidate
from .finders import FINDERS
from .phrases import NAME_TAGS, is_noun_ending_in
from .places import gazetteer, known_name_at
from .titles import COLLECTIVE_NAME_GAPS, TITLE_HEAD, TITLE_NAME_GAPS

FOLLOWERS = lexicon.person_words("follower")
"""Words that commonly follow a person's name: the name ends where one of these begins."""

TOP_SURNAMES = lexicon.top_surnames()
"""The commonest surnames: the only ones trusted in ``张书记``/``老沈`` references."""

SPEECH_CUES = lexicon.person_words("speech-cue")
"""Verbs a person's name comes right before: what people say and do in the news."""
_NAME_CHAR = lexicon.HAN
NOT_IN_NAME = frozenset(lexicon.characters("not-in-name"))
"""Characters no name holds after its surname: function words, body endings, punctuation."""
REFERENCE_HEADS = lexicon.person_words("reference-head")
"""Words that make a surname a reference to one person: ``张书记``, ``王老师``."""
_REFERENCE_START = rf"(?:(?<![{lexicon.HAN_RANGE}])|(?<=[{lexicon.characters('reference-after')}]))"
_LIST_SEPARATORS = lexicon.list_glue("names")
_NAME_LENGTHS = (3, 2)
CUT_VERB_STARTS = frozenset(lexicon.characters("cut-verb-starts"))
"""First characters of verbs that follow names and rarely end one (主持, 出席, 讲话)."""


def is_common_word(piece: str) -> bool:
    """A dictionary word that is not a name (``单位``, ``小路``)."""
    tag = _word_tags().get(piece)
    return tag is not None and not tag.startswith("nr")


def is_frequent_word(piece: str) -> bool:
    """A frequent dictionary word that is not a name (``万分``, ``黄河``: :data:`FREQUENT`);
    rarer dictionary words are often names too (程志, 金正日), so the model decides."""
    return is_common_word(piece) and is_frequent(piece)


COMPOUND_SURNAMES = lexicon.compound_surnames()
"""Two-character surnames (欧阳, 诸葛): they open whole names."""


def name_at(text: str, start: int) -> int | None:
    """End of a person's name starting at ``start`` (two or three characters), or None.

    A compound surname (诸葛, 欧阳) takes one or two characters after it.
    """
    if text[start : start + 2] in COMPOUND_SURNAMES:
        return _compound_surname_name_at(text, start)
    if start >= len(text) or text[start] not in COMMON_SURNAMES:
        return None
    if function_word_opens(text, start):
        return None
    lengths = [n for n in _NAME_LENGTHS if _could_be_name(text[start : start + n], n)]
    if 3 not in lengths and _given_name_end_at(text, start):
        lengths.append(3)  # 林培中|说: 中 ends the given name, jieba keeps it from what follows
    if 2 in lengths and text[start + 2 : start + 3] in CUT_VERB_STARTS:
        return start + 2  # 戴振主(持): a verb cut by the page's layout, not a three-character name
    ending = [n for n in lengths if _ends_name(text, start + n)]
    tagged = _tagged_name_length(text, start)
    if tagged in ending or (not ending and tagged in lengths):
        return start + tagged
    return start + ending[0] if ending else None


def _given_name_end_at(text: str, start: int) -> bool:
    """Three characters at ``start`` whose last is one of ``given-name-ends`` (中: barred inside
    a name elsewhere, 会议中), ending a name where jieba ends a word there (林培中|说, not
    李明|中午)."""
    piece = text[start : start + 3]
    if len(piece) < 3 or piece[2] not in _GIVEN_NAME_ENDS:
        return False
    whole = not is_common_word(piece) and piece not in gazetteer()
    return whole and _could_be_name(piece[:2], 2) and page_words(text).breaks_at(start + 3)


_GIVEN_NAME_ENDS = frozenset(lexicon.characters("given-name-ends"))


def _compound_surname_name_at(text: str, start: int) -> int | None:
    """End of a name with a compound surname: 诸葛晓明, 欧阳红 (the longest that may end)."""
    for length in (4, 3):
        piece = text[start : start + length]
        if _could_be_name(piece, length) and _ends_name(text, start + length):
            return start + length
    return None


def function_word_opens(text: str, start: int) -> bool:
    """A surname that is a function word or a verb here, before an ordinary word (和|乘客,
    都|称赞, 曾|高兴), or a verb before a place (来|平湖).

    The character alone is an adverb, preposition, conjunction, particle or verb to jieba, and
    the two characters after it make an ordinary word (not after a verb: 管|建国 is a name), or
    it makes a function word with the next one (由此, 向来), or the characters after it open with a
    modal verb (都|要|面对, 才|能) or a word that is a verb or a function word (相|衔接); a real
    name reads on (向东升, 于金山: 东升
    and 金山 are names to jieba).
    """
    if text[start : start + 1] in _PLACE_VERBS and known_name_at(text, start + 1):
        return True  # 来|平湖, 赴|嘉兴: a verb before a place, not a surname
    surname_tag = tag_of(text[start : start + 1])[:1]
    if surname_tag not in _NO_NAME_TAG_STARTS:
        return False
    following = text[start + 1 : start + 3]
    if following[:1] in _NICKNAME_PREFIXES and following[1:] in TOP_SURNAMES:
        return True  # 和|小李, 跟|老王: a function word before a nickname
    if surname_tag != "v" and is_common_word(following) and tag_of(following) != "nz":
        return True  # 和|乘客 (not 于|建华: jieba's other proper nouns are given names too)
    opening = text[start : start + 2]
    if tag_of(opening)[:1] in _FUNCTION_TAG_STARTS and is_common_word(opening):
        return True  # 由此|看到, 向来: the surname and the next character are a function word
    if text[start + 1 : start + 2] in MODAL_VERBS:
        return True  # 都|要|面对, 才|能
    if surname_tag == "d" and tag_of(text[start + 1 : start + 2]) == "d":
        return True  # 都|曾, 也|曾: two adverbs
    if surname_tag == "c" and is_frequent(following):
        return True  # 党员和|师生, which jieba's dictionary tags a name
    given = page_words(text).tagged_between(start + 1, min(len(text), start + 3))
    first = given[0] if given else None
    return (
        bool(first)
        and len(first.word) > 1
        and not is_guessed(first.word)
        and (
            first.flag[:1] in _NO_NAME_TAG_STARTS  # 相|衔接 (not 盛|跃道, a word jieba made up)
        )
    )


MODAL_VERBS = frozenset(lexicon.characters("modal-verbs"))
"""Modal verbs (要, 能, 会): after an adverb that is also a surname they make a phrase (都要)."""
_PLACE_VERBS = frozenset(lexicon.characters("prefix-glue"))
"""Verbs and prepositions that go before a place (来平湖, 赴省), some of them surnames too."""


_FUNCTION_TAG_STARTS = frozenset("dpcu")
_NO_NAME_TAG_STARTS = _FUNCTION_TAG_STARTS | {"v"}
_ORDINARY_TAG_STARTS = _NO_NAME_TAG_STARTS | {"a", "t"}
"""jieba tags (by first letter) of verbs, adverbs, prepositions, conjunctions and particles."""


def _could_be_name(piece: str, length: int) -> bool:
    return (
        len(piece) == length
        and all(_NAME_CHAR.match(c) for c in piece)
        and not any(c in NOT_IN_NAME for c in piece[1:])
        and not is_common_word(piece)
        and not _adverbial(piece)
        and not (length == 3 and _ordinary_word_opens(piece[:2]))
        and (length < 3 or piece not in gazetteer())  # 大使|阿根廷 (副市长金华 stays a name)
    )


def _ordinary_word_opens(piece: str) -> bool:
    """The surname and the next character are a common word that is no noun: a verb, adjective,
    adverb, function or time word (安全|性, 周二|晚; not 王国|维, 高明|亮, which jieba tags a
    name)."""
    return is_common_word(piece) and tag_of(piece)[:1] in _ORDINARY_TAG_STARTS


_ADVERBIAL_MARKS = frozenset(lexicon.characters("adverbial-marks"))


def _adverbial(piece: str) -> bool:
    """A word and the mark that makes it modify a verb: 高兴地(说), 笑着(说)."""
    return len(piece) == 3 and piece[2] in _ADVERBIAL_MARKS and is_common_word(piece[:2])


def _tagged_name_length(text: str, start: int) -> int | None:
    """Length of the name jieba tags (``nr``) at ``start``, if it tags one."""
    words = page_words(text)
    word_start, word = words.word_at(start)
    if word_start != start or is_loose(word):  # the page's cut may differ here: cut again
        tagged = words.tagged_between(start, min(len(text), start + 5))
        word = tagged[0].word if tagged and tagged[0].flag in NAME_TAGS else ""
    elif tag_of(word) not in NAME_TAGS:
        return None
    return len(word) if len(word) in _NAME_LENGTHS else None


def _ends_name(text: str, end: int) -> bool:
    """Whether a name may end at ``end``: punctuation, the end, or a common follower word."""
    if end >= len(text) or not _NAME_CHAR.match(text[end]):
        return True
    return text.startswith(FOLLOWERS, end) or text.startswith(REFERENCE_HEADS, end)


def _ends_word(text: str, end: int) -> bool:
    """Whether jieba's words of the page break at ``end`` (王书记|竖起, not 王|书记处)."""
    return page_words(text).breaks_at(end)


def names_after_titles(
    text: str, titles: Iterable[Candidate], model_starts: frozenset[int] = frozenset()
) -> list[Candidate]:
    """The name right after a title: ``市委书记仲旭东``, ``快递员张喜妹``, ``栏目统筹:黄金凤``.

    A rare surname (``村委会主任才国庆说``) is taken where a speech verb follows the three
    characters or the statistical model also begins a name there (``model_starts``); a name
    that is also an ordinary word where a speech verb follows it (``总工程师方圆介绍``).
    """
    found = []
    for title in titles:
        if closes_a_reference(text, title):
            continue  # 毛主席|纪念堂: the title is part of a surname reference
        gaps = TITLE_NAME_GAPS + (COLLECTIVE_NAME_GAPS if title.kind == "collective" else ())
        for gap in gaps:
            if text.startswith(gap, title.end):
                start = title.end + len(gap)
                end = name_at(text, start)
                if not end and function_word_opens(text, start):
                    end = surname_that_reads_as_a_word(text, start, start in model_starts)
                if not end and (start in model_starts or text.startswith(SPEECH_CUES, start + 3)):
                    end = _rare_surname_name_at(text, start)
                end = end or _transliterated_name_at(text, start)
                end = end or _word_name_before_speech(text, start)
                if not end and (length := japanese_name_length(text, start)):
                    end = start + length if _ends_name(text, start + length) else None
                end = _to_the_dot(text, start, end)
                if end:
                    found.append(FINDERS["after-title"].candidate(start, end, "PERSON"))
                    break
    return found


def surname_that_reads_as_a_word(text: str, start: int, model_begins: bool = False) -> int | None:
    """End of a three-character name whose surname is a function word or verb elsewhere (于, 和,
    向, 成), right after a title or a word for a person: 总经理于海峰|介绍, 村民和春林|说.

    The given name is too rare in jieba's dictionary to be an ordinary word, no word of
    time, number, place, direction or grammar (镇长于|本月, 书记向|大家, 老师和|同学), no
    reference to a surname (和|小李), and the name ends where jieba's words do. A given name
    that is a frequent word (建平) is taken where the statistical model begins a name there too
    (``model_begins``).
    """
    piece = text[start : start + 3]
    if piece[:1] not in COMMON_SURNAMES or not _could_be_name(piece, 3):
        return None
    given = piece[1:]
    tag = tag_of(given)
    if given[0] in _NICKNAME_PREFIXES or tag[:1] in _NOT_A_GIVEN_NAME_TAG_STARTS:
        return None
    if is_frequent(given) and not model_begins:
        return None  # 党员和|师生, which jieba's dictionary tags a name
    if not (_ends_name(text, start + 3) and page_words(text).breaks_at(start + 3)):
        return None
    return start + 3


_NOT_A_GIVEN_NAME_TAG_STARTS = frozenset("tmfrpcduqs")
"""jieba tags (first letter) of no given name: time, numeral, direction, pronoun, preposition,
conjunction, adverb, particle, measure word, place word."""


def _word_name_before_speech(text: str, start: int) -> int | None:
    """End of a two-character name that is an ordinary word too, after a title and right before
    a speech verb: 总工程师方圆|介绍, 主任高峰|说 (not 县长高度|重视: no speech verb follows)."""
    piece = text[start : start + 2]
    if len(piece) < 2 or piece[0] not in TOP_SURNAMES or not lexicon.is_han(piece):
        return None
    return start + 2 if text.startswith(SPEECH_CUES, start + 2) else None


JAPANESE_SURNAMES = lexicon.japanese_surnames()
"""Japanese family names (山田, 佐佐木), which open a name of one or two more characters."""


def japanese_name_length(text: str, start: int) -> int | None:
    """Length of a Japanese name at ``start``: a family name and two given characters (山田太郎,
    池田大作), or one where no Chinese character follows, or the family name alone where a name
    may end (总经理山本|说)."""
    for surname_length in (3, 2):
        if text[start : start + surname_length] not in JAPANESE_SURNAMES:
            continue
        given = start + surname_length
        if text.startswith(FOLLOWERS, given):
            return surname_length
        for length in (2, 1):
            piece = text[given : given + length]
            if len(piece) != length or not lexicon.is_han(piece):
                continue
            if any(c in NOT_IN_NAME for c in piece):
                continue  # (given names are often words: 大作, 重信)
            if length == 1 and _NAME_CHAR.match(text[given + 1 : given + 2] or " "):
                continue
            return surname_length + length
        return surname_length if _ends_name(text, given) else None
    return None


def closes_a_reference(text: str, title: Candidate) -> bool:
    """A reference head right after one of the commonest surnames: ``毛主席``, ``王书记``, a
    deputy's too: ``陈副县长``."""
    head = text[title.start : title.end]
    if head[:1] in _DEPUTY_MARKS:
        head = head[1:]
    surname = text[title.start - 1 : title.start]
    return head in REFERENCE_HEADS and surname in TOP_SURNAMES


def heads_a_reference(text: str, title: Candidate, references: set[tuple[int, int]]) -> bool:
    """An office right after a surname that, with it, is a surname reference found on the page
    (陈|副县长表示): the reference is the span, not the office; not after a surname that is a
    pronoun or an adverb here (任|副县长: appointed)."""
    surname = text[title.start - 1 : title.start]
    return (
        (title.start - 1, title.end) in references
        and closes_a_reference(text, title)
        and tag_of(surname)[:1] not in _NOT_SURNAME_TAG_STARTS
    )


_NOT_SURNAME_TAG_STARTS = _NO_NAME_TAG_STARTS | {"r"}


def _to_the_dot(text: str, start: int, end: int | None) -> int | None:
    """``end``, or the middle dot the transliteration characters from ``start`` run on to: a
    foreign name's first part (斯洛博丹·…), which :func:`names_across_dots` continues."""
    if not end:
        return end
    run = start
    while run < len(text) and text[run] in TRANSLITERATION:
        run += 1
    return run if end < run and text[run : run + 1] in NAME_DOTS else end


def _rare_surname_name_at(text: str, start: int) -> int | None:
    """End of a three-character name whose surname is rare (才国庆), right after a title.

    A name by :func:`_could_be_name` that ends at punctuation or a word that follows names, whose
    first character is no function character and whose first two are no dictionary word.
    """
    piece = text[start : start + 3]
    if not _could_be_name(piece, 3) or not _ends_name(text, start + 3):
        return None
    if piece[0] in NOT_IN_NAME or piece[0] in CUT_VERB_STARTS or is_common_word(piece[:2]):
        return None
    return start + 3


def _transliterated_name_at(text: str, start: int) -> int | None:
    """End of a foreign name spelled in transliteration characters (总理阿尔巴尼斯, 部长巴罗).

    The longest run of two to eight such characters that ends where a name may end and is
    neither an ordinary word nor a place or body (to jieba or the gazetteer: 阿根廷).
    """
    end = start
    while end < len(text) and end - start < _TRANSLITERATED_LIMIT and text[end] in TRANSLITERATION:
        end += 1
    for stop in range(end, start + 1, -1):
        piece = text[start:stop]
        if _ends_name(text, stop):
            ordinary = is_common_word(piece) or tag_of(piece) in _PLACE_TAGS
            ordinary = ordinary or piece in gazetteer()
            return None if ordinary else stop
    return None


_TRANSLITERATED_LIMIT = 8
_PLACE_TAGS = frozenset({"ns", "nt"})


_PERSON_NOUNS = re.compile("|".join(map(re.escape, lexicon.person_words("person-noun"))))
"""Who a named person is, written right before the name: 学生王欣怡, 种粮大户高建明."""


def names_after_person_nouns(text: str) -> list[Candidate]:
    """A name right after a word for a kind of person (学生王欣怡), listed or a noun of jieba's
    with a person's ending (画家, 名将: ``person-noun-ends``) before no frequent word (专家|陈述,
    which jieba's dictionary tags a name); the word is no title."""
    found = []
    words = page_words(text)
    ends = {match.end() for match in _PERSON_NOUNS.finditer(text)}
    ends |= {
        start + len(word)
        for start, word in zip(words.starts, words.words, strict=True)
        if _is_person_noun_by_ending(word) and not is_frequent(text[start + len(word) :][:2])
    }
    for noun_end in sorted(ends):
        if not words.breaks_at(noun_end):
            continue  # 企业主|管人员: the word ends inside another (企业|主管|人员)
        end = name_at(text, noun_end)
        if not end and function_word_opens(text, noun_end):
            end = surname_that_reads_as_a_word(text, noun_end)
        if end and not _common_word_opens(text[noun_end : noun_end + 2]):  # 军人|安置工作
            found.append(FINDERS["after-noun"].candidate(noun_end, end, "PERSON"))
    return found


@lru_cache(maxsize=50_000)
def _is_person_noun_by_ending(word: str) -> bool:
    return (
        is_noun_ending_in(word, _PERSON_NOUN_ENDS)
        and word not in _NOT_PEOPLE
        and not is_byline_role(word)  # 记者: a byline's role, a TITLE
    )


_PERSON_NOUN_ENDS = frozenset(lexicon.characters("person-noun-ends"))
_NOT_PEOPLE = frozenset(lexicon.person_words("not-person"))
"""Nouns with a person's ending that name no person (国家, 厂家)."""


def _common_word_opens(piece: str) -> bool:
    """A verb or a function word opens the text: 军人|安置工作, not 工人|陆家明."""
    return is_common_word(piece) and tag_of(piece)[:1] in _NO_NAME_TAG_STARTS


def names_before_titles(
    text: str, titles: Iterable[Candidate], model_starts: frozenset[int] = frozenset()
) -> list[Candidate]:
    """A name right before a title: one jieba tags (``习近平总书记``), or three characters no
    word cuts into that open a clause or where the statistical model begins a name
    (``model_starts``): ``郦文博教授``, ``大队陈家进大队长`` (jieba: 陈家|进)."""
    found = []
    for title in titles:
        for length in _NAME_LENGTHS:
            start = title.start - length
            piece = text[max(0, start) : title.start]
            if start < 0 or piece[0] not in COMMON_SURNAMES or not _could_be_name(piece, length):
                continue
            if not page_words(text).breaks_at(start):
                continue  # 俄|罗斯|总统, 感|谢参|议长: the name would begin inside a word
            tagged = _tagged_name_length(piece, 0) == length
            if tagged or (length == 3 and _untagged_name_at(text, start, model_starts)):
                found.append(FINDERS["before-title"].candidate(start, title.start, "PERSON"))
                break
    return found


def names_in_lists(text: str, names: Iterable[Candidate]) -> list[Candidate]:
    """Names that continue a list both ways from a known name: ``周军波、吴金华、何健等``."""
    found: list[Candidate] = []
    frontier = sorted(names)
    seen = {(c.start, c.end) for c in frontier}
    while frontier:
        name = frontier.pop()
        for span in (_next_in_list(text, name.end), _previous_in_list(text, name.start)):
            if span and span not in seen:
                candidate = FINDERS["list"].candidate(*span, "PERSON")
                seen.add(span)
                found.append(candidate)
                frontier.append(candidate)
    return found


def _next_in_list(text: str, end: int) -> tuple[int, int] | None:
    separator = next((s for s in _LIST_SEPARATORS if text.startswith(s, end)), None)
    if separator is None:
        return None
    start = end + len(separator)
    name_end = name_at(text, start) or _listed_name_at(text, start)
    if not name_end and function_word_opens(text, start):
        name_end = surname_that_reads_as_a_word(text, start)  # 王芳、于海峰等
    return (start, name_end) if name_end else None


def _listed_name_at(text: str, start: int) -> int | None:
    """End of three characters at ``start`` that a list of names holds whatever the surname
    (朱晓燕、屈亚男、冒志刚。): set off by the list's glue or a clause's end on both sides, no
    dictionary word, known place or body."""
    piece = text[start : start + 3]
    if len(piece) < 3 or not lexicon.is_han(piece) or not _LISTED_NAME_END.match(text, start + 3):
        return None
    if is_common_word(piece) or is_common_word(piece[:2]) or is_common_word(piece[1:]):
        return None
    if piece[0] in _LIST_CUTS and name_at(text, start + 1) == start + 3:
        return None  # 的有|张伟、李娜: the list begins after 有
    if piece in gazetteer() or tag_of(piece) in _NOT_LISTED_TAGS or piece[-1] in NOT_IN_NAME:
        return None
    return start + 3


_LISTED_NAME_END = re.compile(r"[、，,。；;！？!?）)]|等|$")
_NOT_LISTED_TAGS = frozenset({"ns", "nt", "nz", "j"})


_LIST_CUTS = frozenset(lexicon.characters("list-cuts"))
"""Function characters a list may begin right after (有, 是, 和: 还有仝志伟、逄丽娟)."""


def _previous_in_list(text: str, start: int) -> tuple[int, int] | None:
    if text[start - 1 : start] != "、":
        return None
    end = start - 1
    for length in _NAME_LENGTHS:
        begin = end - length
        opens = begin == 0 or not _NAME_CHAR.match(text[begin - 1])
        opens = opens or text[begin - 1] in _LIST_CUTS  # 还有|仝志伟、逄丽娟
        if begin >= 0 and opens and end in (name_at(text, begin), _listed_name_at(text, begin)):
            return begin, end
    return None


def names_before_speech(text: str, model_starts: frozenset[int] = frozenset()) -> list[Candidate]:
    """A name right before a speech verb: one the jieba tagger calls ``nr`` (``肖忠华说``), or
    three characters it does not tag that open a clause or where the statistical model begins a
    name (``model_starts``), as before a title (``郁达远回答说``)."""
    found = []
    cue = "|".join(SPEECH_CUES)
    for match in re.finditer(rf"([{lexicon.HAN_RANGE}]{{2,3}})(?={cue})", text):
        window_start = max(0, match.start() - 4)
        offset = window_start
        tagged = False
        for pair in page_words(text).tagged_between(window_start, match.end()):
            end = offset + len(pair.word)
            is_name = pair.flag in NAME_TAGS and len(pair.word) in _NAME_LENGTHS
            is_name = is_name and pair.word not in REFERENCE_HEADS  # 阿姨: a surname goes first
            is_name = is_name and pair.word not in gazetteer()  # 阿根廷: jieba's nr
            is_name = is_name and not _ordinary_word_opens(pair.word[:2])  # 安全性: jieba's nr
            is_name = is_name and not _holds_no_name_char(pair.word)  # 石桥镇: jieba's nr
            if is_name and end == match.end() and pair.word[0] in COMMON_SURNAMES:
                found.append(FINDERS["speech"].candidate(offset, end, "PERSON"))
                tagged = True
            offset = end
        start = match.end() - 3
        if not tagged and start >= 0 and _untagged_name_at(text, start, model_starts):
            found.append(FINDERS["speech"].candidate(start, match.end(), "PERSON"))
    return found


def _word_as_given_name(word: str) -> bool:
    """A dictionary word that is a given name as often (建新, 海峰, 建国): no word of time,
    number, direction or grammar, and rare in jieba's dictionary or a place's name there."""
    tag = tag_of(word)
    if tag[:1] in _NOT_A_GIVEN_NAME_TAG_STARTS:
        return False
    return not is_frequent(word) or tag == "ns"  # 建国 (not 明白, which jieba tags a name)


def _holds_no_name_char(word: str) -> bool:
    """A character after the surname that no name holds (到石桥|镇, 白沙|村): a place's or
    body's ending, a function word; 中 may end a given name (林培中)."""
    return any(c in NOT_IN_NAME and c not in _GIVEN_NAME_ENDS for c in word[1:])


def _untagged_name_at(text: str, start: int, model_starts: frozenset[int]) -> bool:
    """Three characters at ``start`` that make a name jieba does not tag: a surname first that is
    no function word (和海林|同志), no two of them a word (全体|医生, 由于|院长), no numeral last
    (吴强两|厂长), on jieba's word edges (对鲍禾|来说), opening a clause, following the source
    of a report (据|施建明介绍) or where the statistical model begins a name (``model_starts``)."""
    piece = text[start : start + 3]
    if piece[:1] not in COMMON_SURNAMES or not _could_be_name(piece, 3):
        return False
    opens_clause = start == 0 or not _NAME_CHAR.match(text[start - 1])
    plain = opens_clause and piece[0] in TOP_SURNAMES and _word_as_given_name(piece[1:])
    verb_surname = tag_of(piece[0])[:1] in _NO_NAME_TAG_STARTS or function_word_opens(text, start)
    if verb_surname and not (plain and tag_of(piece[0])[:1] == "v"):
        return False  # (顾|建新说: 顾 a verb to jieba, a surname opening a clause before 说)
    after_source = text[start - 1 : start] in _SOURCE_BEFORE  # 据|施建明介绍 (jieba: 据施|建明)
    given_is_word = is_common_word(piece[1:]) and not after_source and not plain
    if is_common_word(piece[:2]) or given_is_word or tag_of(piece[2]) == "m":
        return False
    words = page_words(text)
    if not ((words.breaks_at(start) or after_source) and words.breaks_at(start + 3)):
        return False
    opens = start == 0 or not _NAME_CHAR.match(text[start - 1]) or after_source
    return opens or start in model_starts


_SOURCE_BEFORE = frozenset(lexicon.characters("source-before"))


TRANSLITERATION = frozenset(lexicon.characters("transliteration"))
"""Characters that spell foreign names in Chinese (马克·乌尔里希, 施文德)."""
DOTTED_NAME_PRIORITY = FINDERS["dotted"].priority
_SPELLED = "[" + "".join(sorted(TRANSLITERATION)) + "]"
_DOTTED_NAME = re.compile(rf"{_SPELLED}{{1,6}}(?:[·•]{_SPELLED}{{2,6}}){{1,2}}")


def names_with_dots(text: str) -> list[Candidate]:
    """Foreign names written with a middle dot, spelled in transliteration characters."""
    return [
        FINDERS["dotted"].candidate(m.start(), m.end(), "PERSON")
        for m in _DOTTED_NAME.finditer(text)
    ]


def names_across_dots(text: str, people: Iterable[Candidate]) -> list[Candidate]:
    """Names continued across a middle dot: ``马克·乌尔里希``, ``比拉瓦尔·布托·扎尔达里``.

    A name found next to a ``·`` is one part of a foreign name: each part on the far side of a dot
    is taken word by jieba's word while the words are not ordinary ones (an ordinary word of two
    characters or more, or a function word or verb, ends the name: ``·谢里夫|先生``, ``·汗|说``).
    """
    words = page_words(text)
    found = []
    for person in people:
        if person.label != "PERSON":
            continue
        start, end = person.start, person.end
        while text[end : end + 1] in NAME_DOTS and (part := _part_after(words, end + 1)):
            end += 1 + part
        while text[start - 1 : start] in NAME_DOTS and (part := _part_before(words, start - 1)):
            start -= 1 + part
        if (start, end) != (person.start, person.end):
            priority = max(person.priority, DOTTED_NAME_PRIORITY) + 1  # beats the part it grew from
            found.append(FINDERS["dotted"].candidate(start, end, "PERSON", priority=priority))
    return found


_NOT_ENDING_A_PART = NOT_IN_NAME | frozenset(lexicon.characters("not-in-model-name"))
"""What a foreign name's part never ends in: function characters, speech verbs (说, 及, 也)."""
NAME_DOTS = frozenset("·•")
"""The middle dots between the parts of a foreign name (斯洛博丹·米洛舍维奇)."""
_PART_LIMIT = 8
_NOT_IN_PART_TAGS = frozenset({"v", "vn", "p", "c", "u", "uj", "ul", "d", "r", "y", "m"})


def _part_after(words: PageWords, offset: int) -> int:
    """Length of the name part that starts at ``offset`` (0 if none): a lone transliteration
    character jieba reads as a verb or adverb goes on a part spelled so far (·费尔南|达); a word
    jieba guessed that ends in a character no name ends in ends the part before it (·马斯|说)."""
    length, part = 0, ""
    index, position = _word_index(words, offset), offset
    while index < len(words.words) and words.starts[index] == position:
        word = words.words[index]
        spelled_on = _spelled(part) and word in TRANSLITERATION
        if not (_in_name_part(word) or spelled_on) or length + len(word) > _PART_LIMIT:
            break
        if len(word) > 1 and word[-1] in _NOT_ENDING_A_PART and is_guessed(word):
            return length + len(word) - 1
        part += word
        length += len(word)
        position += len(word)
        index += 1
    return length


def _part_before(words: PageWords, offset: int) -> int:
    """Length of the name part that ends at ``offset`` (0 if none)."""
    length = 0
    index = _word_index(words, offset) - 1
    while index >= 0 and words.starts[index] + len(words.words[index]) == offset - length:
        word = words.words[index]
        if not _in_name_part(word) or length + len(word) > _PART_LIMIT:
            break
        length += len(word)
        index -= 1
    return length


def _word_index(words: PageWords, offset: int) -> int:
    """Index of the first word that starts at or after ``offset``."""
    return bisect.bisect_left(words.starts, offset)


@lru_cache(maxsize=50_000)
def _in_name_part(word: str) -> bool:
    """A Han word that can be (a piece of) a foreign name's part."""
    if not is_han(word):
        return False
    if len(word) == 1:
        return tag_of(word) not in _NOT_IN_PART_TAGS
    return not is_common_word(word)


def names_jieba_guessed(text: str) -> list[Candidate]:
    """Three-character names jieba's HMM made up and tagged ``nr``, with a common surname.

    Words jieba guessed (not in its dictionary) are nearly always names when it also tags them
    as one (传承人朱雪良现场展示); a place or body right before (浙江欧迪恩传动) or quotes
    around (“欧迪恩”) mark a brand instead. Every other finder outranks this one.
    """
    words = page_words(text)
    found = []
    for index, word in enumerate(words.words):
        if len(word) != 3 or word[0] not in TOP_SURNAMES or not is_guessed(word):
            continue
        if tag_of(word) not in NAME_TAGS or word[2] in NOT_IN_NAME:
            continue  # 陈丽为(县教育局局长): jieba glued the preposition on
        before = words.words[index - 1] if index else ""
        after = words.words[index + 1] if index + 1 < len(words.words) else ""
        if tag_of(before) in ("ns", "nt") or (before.endswith("“") and after.startswith("”")):
            continue
        start = words.starts[index]
        found.append(FINDERS["jieba"].candidate(start, start + 3, "PERSON"))
    return found


_MOU_WORDS = lexicon.characters("mou-words")
"""After 某 they make a determiner, no anonymised name: 某些, 某种, 某地."""


def surname_references(text: str) -> list[Candidate]:
    """One person by surname: ``张书记``, ``王老师``, ``老沈``, ``小李``, ``张某`` (anonymised)."""
    found = []
    surnames = "".join(sorted(TOP_SURNAMES))
    heads = "|".join(REFERENCE_HEADS)
    deputy = f"[{_DEPUTY_MARKS}]?"
    words = page_words(text)
    for match in re.finditer(rf"{_REFERENCE_START}[{surnames}]{deputy}(?:{heads})", text):
        if not words.breaks_at(match.start()) and not is_guessed(words.word_at(match.start())[1]):
            continue  # 工程|总投资: the surname ends a word of jieba's dictionary
        if end := _reference_end(text, match):
            found.append(FINDERS["surname-title"].candidate(match.start(), end, "PERSON"))
    for match in re.finditer(rf"[{_NICKNAME_PREFIXES}][{surnames}]", text):
        plain = not is_common_word(match.group()) and _ends_name(text, match.end())
        if (
            plain
            or _addressed_or_speaking(text, match.start(), match.end())
            or (_nickname_before_a_verb(text, match.start(), match.end()))
        ):
            found.append(FINDERS["nickname"].candidate(match.start(), match.end(), "PERSON"))
    for match in re.finditer(rf"[{surnames}]某某?(?![{_MOU_WORDS}])", text):
        found.append(FINDERS["anonymised"].candidate(match.start(), match.end(), "PERSON"))
    return found


def _nickname_before_a_verb(text: str, start: int, end: int) -> bool:
    """老/小 + surname as a word of the page before a verb, an adverb, a pronoun or a time word
    (老宋|是, 小张|每天, 老沈|今年), though jieba's dictionary has it as a rare word (老宋: the
    Song, 48): not a frequent one (小康, 小龙) nor inside a longer word (小龙虾)."""
    if word_segmenter().FREQ.get(text[start:end], 0) >= _NICKNAME_WORD_LIMIT:
        return False
    words = page_words(text)
    if not (words.breaks_at(start) and words.breaks_at(end)) or end >= len(text):
        return False
    following = words.word_at(end)[1]
    return tag_of(following)[:1] in _NO_NAME_TAG_STARTS | {"r", "t"}


_DEPUTY_MARKS = lexicon.characters("deputy-marks")
"""副: between a surname and a head, one deputy (陈副县长)."""
_NICKNAME_PREFIXES = lexicon.characters("nickname-prefixes")
"""老 and 小, which make a nickname with a surname (老沈, 小李)."""
_NICKNAME_WORD_LIMIT = 500
"""jieba's count from which 老/小 + surname is an ordinary word (小康 735), not a nickname (小张
302, 老马 270)."""


def names_as_speakers(text: str) -> list[Candidate]:
    """Speakers' names opening the lines of an interview: ``钟立新：我们将…`` after ``记者：…``.

    A page needs two lines or more opened by a speaker and a colon; a speaker is a name by
    :func:`name_at` (a common surname, no dictionary word: not 金额：).
    """
    labels = list(_SPEAKER_LABEL.finditer(text))
    if len(labels) < 2:
        return []
    found = []
    for label in labels:
        start, end = label.span(1)
        if name_at(text, start) == end:
            found.append(FINDERS["speaker"].candidate(start, end, "PERSON"))
    return found


_SPEAKER_LABEL = re.compile(r"^[ \t　]*([\u4e00-\u9fff]{2,4})[：:]", re.MULTILINE)


def _addressed_or_speaking(text: str, start: int, end: int) -> bool:
    """A nickname jieba also knows as a word (老宋, 小张) used of a person: called at the start
    of a quotation or line (“老宋，…), or before a speech verb (小张说)."""
    called = (start == 0 or text[start - 1] in _CALL_OPENINGS) and text[end : end + 1] in "，,！!"
    return called or text.startswith(SPEECH_CUES, end)


_CALL_OPENINGS = frozenset('“"‘「\n')


def references_to_known(text: str, people: Iterable[Candidate]) -> list[Candidate]:
    """Surname + title of a person named on the page, whatever the surname (乜国良 … 乜书记).

    They outrank a name read after a title (主任|向乜|书记 is 主任 向 乜书记), since the page has
    already named the person the reference points to.
    """
    surnames = {text[c.start] for c in people if c.end - c.start >= 2}
    if not surnames:
        return []
    heads = "|".join(REFERENCE_HEADS)
    pattern = rf"{_REFERENCE_START}[{''.join(sorted(surnames))}](?:{heads})"
    return [
        FINDERS["known-reference"].candidate(m.start(), end, "PERSON")
        for m in re.finditer(pattern, text)
        if (end := _reference_end(text, m))
    ]


def _reference_end(text: str, match: re.Match[str]) -> int | None:
    """Where a surname + title reference ends: at the longest title head after the surname
    (江总书记, not 江总|书记; 李主任委员), if a name may end there or jieba's words break, and
    no name of jieba's runs on past it (李叔同)."""
    title = TITLE_HEAD.match(text, match.start() + 1)
    end = max(match.end(), title.end() if title else 0)
    word_start, word = page_words(text).word_at(end - 1)
    if word_start + len(word) > end and tag_of(word) in NAME_TAGS:
        return None  # 李叔|同: jieba's name runs on (李叔同纪念馆)
    return end if _ends_name(text, end) or _ends_word(text, end) else None


def repeated_names(text: str, names: Iterable[Candidate]) -> list[Candidate]:
    """Every other occurrence of a full name already found on the page."""
    known = {text[c.start : c.end] for c in names if c.end - c.start >= 2}
    found = []
    for name in sorted(known, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if len(name) >= max(_NAME_LENGTHS) or _ends_name(text, match.end()):
                found.append(FINDERS["repeat"].candidate(match.start(), match.end(), "PERSON"))
    return found


def names_before_collective(text: str, titles: Iterable[Candidate]) -> list[Candidate]:
    """The names a collective title closes: ``王立新、赵海东等市领导``."""
    found = []
    for title in titles:
        if title.kind != "collective" or text[title.start - 1 : title.start] != "等":
            continue
        end = title.start - 1
        for length in _NAME_LENGTHS:
            start = end - length
            if start >= 0 and name_at(text, start) == end:
                found.append(FINDERS["list"].candidate(start, end, "PERSON"))
                break
    return found


_NAME_JOINERS = frozenset(lexicon.characters("name-joiners"))
"""Dashes that join the parts of a double-barrelled foreign name (施特劳斯—卡恩)."""


def names_over_transliteration(text: str, people: Iterable[Candidate]) -> list[Candidate]:
    """Foreign names found cut short, grown over the transliteration characters beside them:
    ``斯库|拉托夫``, ``奥尔特|加``, ``(内)塔尼亚胡`` (see :func:`transliterated_extent`).

    Only a name spelled in transliteration characters grows; it beats the part it grew from.
    """
    found = []
    for person in people:
        if person.label != "PERSON" or not is_transliterated(text[person.start : person.end]):
            continue
        start, end = transliterated_extent(text, person.start, person.end)
        if (start, end) != (person.start, person.end):
            priority = person.priority + 1
            found.append(FINDERS["dotted"].candidate(start, end, "PERSON", priority=priority))
    return found


def is_transliterated(name: str) -> bool:
    """Two characters or more, all of them transliteration characters (or a middle dot)."""
    return len(name) >= 2 and all(c in TRANSLITERATION or c in NAME_DOTS for c in name)


def transliterated_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The edges of the foreign name ``text[start:end]`` is part of.

    Each edge first goes to the end of the jieba word it cuts through, then on over jieba's
    words while they are spelled in transliteration characters and could be a piece of a name
    (:func:`_in_name_part`: no ordinary word of two characters or more, no lone function word
    or verb such as 和, 在, 的, 加 as a verb) and no place or body begins there (新西兰|阿德恩);
    a dash (``name-joiners``) is crossed to a part of two characters or more (施特劳斯—卡恩).
    The name stays within :data:`_TRANSLITERATED_LIMIT` characters a part.
    """
    words = page_words(text)
    end = _grown_right(text, words, start, end)
    start = _grown_left(text, words, start, end)
    return start, end


def _spelled(piece: str) -> bool:
    return bool(piece) and all(c in TRANSLITERATION for c in piece)


def _grown_right(text: str, words: PageWords, start: int, end: int) -> int:
    if not words.breaks_at(end) and end < len(text):
        word_start, word = words.word_at(end)
        word_end = word_start + len(word)
        if _spelled(text[end:word_end]) and not is_common_word(word):
            end = word_end
    while end < len(text):
        if text[end] in _NAME_JOINERS:
            part = _spelled_words_after(text, words, end + 1)
            if part - (end + 1) < 2:
                break
            end = part
            continue
        grown = _spelled_words_after(text, words, end, limit=_part_length(text[start:end][::-1]))
        if grown == end:
            break
        end = grown
    return end


def _grown_left(text: str, words: PageWords, start: int, end: int) -> int:
    if not words.breaks_at(start) and start > 0:
        word_start, word = words.word_at(start)
        if _spelled(text[word_start:start]) and not is_common_word(word):
            start = word_start
    while start > 0:
        if text[start - 1] in _NAME_JOINERS:
            part = _spelled_words_before(text, words, start - 1)
            if start - 1 - part < 2:
                break
            start = part
            continue
        grown = _spelled_words_before(text, words, start, limit=_part_length(text[start:end]))
        if grown == start:
            break
        start = grown
    return start


def _part_length(name: str) -> int:
    """Characters of the name's first part (before its first dot or dash)."""
    length = 0
    for c in name:
        if c in NAME_DOTS or c in _NAME_JOINERS:
            break
        length += 1
    return length


def _spelled_words_after(text: str, words: PageWords, offset: int, limit: int = 0) -> int:
    """Where the transliterated words of the page from ``offset`` end (``offset`` if none)."""
    position = offset
    index = _word_index(words, offset)
    while index < len(words.words) and words.starts[index] == position:
        word = words.words[index]
        if not _name_piece_at(text, position, word) or limit + len(word) > _TRANSLITERATED_LIMIT:
            break
        limit += len(word)
        position += len(word)
        index += 1
    return position


def _spelled_words_before(text: str, words: PageWords, offset: int, limit: int = 0) -> int:
    """Where the transliterated words of the page that end at ``offset`` begin."""
    position = offset
    index = _word_index(words, offset) - 1
    while index >= 0 and words.starts[index] + len(words.words[index]) == position:
        word = words.words[index]
        if not _name_piece_at(text, words.starts[index], word):
            break
        if limit + len(word) > _TRANSLITERATED_LIMIT:
            break
        limit += len(word)
        position -= len(word)
        index -= 1
    return position


def _name_piece_at(text: str, start: int, word: str) -> bool:
    """A word at ``start`` that may be a piece of a transliterated name: spelled in
    transliteration characters, a possible name part, and no place or body (to jieba or the
    gazetteer) beginning there."""
    if not _spelled(word) or not _in_name_part(word):
        return False
    return tag_of(word) not in _PLACE_TAGS and not known_name_at(text, start)
