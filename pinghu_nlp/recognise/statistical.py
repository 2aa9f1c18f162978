"""Names the statistical tagger (LAC) finds, kept where a second signal makes them plausible.

The tagger reads every sentence of the page (or, set so, only around its name cues); its spans
become candidates below the rules' priorities, so the rules' spans win wherever they fire and the
model speaks where they are silent:

- PERSON: a span that looks like a name (a common surname and one or two more characters, not a
  dictionary word; or a transliterated foreign name), then the lists it continues and its repeats
  on the page, all at the model's priority.
- ORG, LOC: only where jieba agrees that the span is a name: it starts and ends on jieba's word
  boundaries and either ends like a body or place (…局, …公司, …镇) or is made of proper or unknown
  words (西门子, 霍尼韦尔), and is not a whole quotation (“连心桥”); alone, LAC takes phrases of
  this genre (普惠托育, 新时代) for bodies.
  Places are split per administrative unit like every other place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language

from .. import lexicon
from ..articles import COMMON_SURNAMES
from ..segment import is_guessed, is_han, page_words, tag_of, word_segmenter
from .candidates import Candidate
from .finders import FINDERS
from .lac import LacTagger, lac_tagger, sentences
from .names import (
    COMPOUND_SURNAMES,
    CUT_VERB_STARTS,
    DOTTED_NAME_PRIORITY,
    NAME_DOTS,
    NOT_IN_NAME,
    REFERENCE_HEADS,
    SPEECH_CUES,
    TOP_SURNAMES,
    TRANSLITERATION,
    function_word_opens,
    is_common_word,
    is_frequent_word,
    is_transliterated,
    japanese_name_length,
    names_in_lists,
    repeated_names,
    transliterated_extent,
)
from .phrases import (
    DEICTIC_STARTS,
    GENERIC_WORDS,
    LOCAL_PREFIX_CHARS,
    NAME_TAGS,
    PROPER_TAGS,
    UNIT_CHARS,
)
from .places import (
    ADMIN_UNITS,
    COMMON_PLACE_WORDS,
    LOC_ENDINGS,
    NAME_ENDINGS,
    RESIDENTIAL_ENDINGS,
    ROAD_ENDINGS,
    SAYINGS,
    gazetteer,
    known_name_at,
    makes_a_way,
    name_ends_at,
    names_a_compound,
    split_place_chain,
)

MODEL_PERSON_PRIORITY = FINDERS["lac"].priority
"""Above gazetteer places (吴|金华: the person wins), below a list of bodies before its class
(富瑞邦、高正等企业) and below every rule that finds a name."""
MODEL_BODY_PRIORITY = FINDERS["lac-body"].priority
"""Below every rule: a body or place the rules did not find at all."""

Span = tuple[int, int, str]


def model_spans(
    text: str,
    titles: list[Candidate] = (),
    reads: str = "page",
    lac: LacTagger | None = None,
) -> list[Span]:
    """The names LAC (``lac``, else the process's one) finds on the page: ``(start, end,
    label)``, no whitespace inside, no middle dot at either edge.

    ``reads`` (one of :data:`LAC_READS`): ``"page"``, every sentence (the default: the names no
    rule expects, 事后，仇海生拿着锦旗…, are found there); ``"cues"``, only the stretches around the
    words that may be or begin a name (:func:`name_cues`), on both sides of each title (its
    holder is named after it, or before it: 周恩来总理) and around places jieba knows: about a
    third of a page's characters, some 10% faster, a name in three hundred missed.
    """
    if reads not in LAC_READS:
        raise ValueError(f"reads must be one of {', '.join(LAC_READS)}, not {reads!r}")
    pieces = None
    if reads == "cues":
        around_titles = [(t.end, t.end + 1) for t in titles if t.end < len(text)]
        around_titles += [(t.start - 1, t.start) for t in titles if t.start > 0]
        cues = [(*cue, CONTEXT) for cue in name_cues(text) + around_titles]
        cues += [(*cue, PLACE_CONTEXT) for cue in place_cues(text)]
        pieces = stretches_to_read(text, sorted(cues))
    found = []
    for start, end, label in (lac or lac_tagger()).names(text, pieces):
        while end > start and text[end - 1] in NAME_DOTS:
            end -= 1  # 阿依古丽·|买买提: a name's dot belongs between its parts
        while start < end and text[start] in NAME_DOTS:
            start += 1
        if end > start and not any(c.isspace() for c in text[start:end]):
            found.append((start, end, label))
    return found


LAC_READS = ("page", "cues")
"""What LAC may read of a page: all of it, or the stretches around name cues."""
CONTEXT = 10
"""Characters LAC reads on either side of a name cue (within the sentence)."""
PLACE_CONTEXT = 4
"""Characters LAC reads on either side of a place jieba knows: its edges are local."""


def stretches_to_read(
    text: str, cues: list[tuple[int, int]] | list[tuple[int, int, int]]
) -> list[tuple[int, int]]:
    """The stretches of ``text`` around the (sorted) cues, merged, each inside one sentence; a
    cue ``(start, end, context)`` says how far to read around it (else :data:`CONTEXT`)."""
    stretches: list[tuple[int, int]] = []
    for sentence_start, sentence_end in sentences(text):
        first = bisect.bisect_left(cues, (sentence_start, sentence_start))
        for cue in cues[first:]:
            cue_start, cue_end = cue[0], cue[1]
            context = cue[2] if len(cue) > 2 else CONTEXT
            if cue_start >= sentence_end:
                break
            start = max(sentence_start, cue_start - context)
            end = min(sentence_end, cue_end + context)
            if stretches and stretches[-1][1] >= start:
                last_start, last_end = stretches.pop()
                start, end = min(start, last_start), max(end, last_end)
            stretches.append((start, end))
    return stretches


def place_cues(text: str) -> list[tuple[int, int]]:
    """The places jieba knows (``ns``: 达州, 布鲁塞尔) and the endings of venues (公园, 广场,
    花园: 莫奈花园, 人民广场, whose names jieba does not know), which LAC reads closely around."""
    words = page_words(text)
    known = [
        (start, start + len(word))
        for start, word in zip(words.starts, words.words, strict=True)
        if len(word) >= 2 and is_han(word) and tag_of(word) == "ns"
    ]
    venues = [(max(0, m.start() - 2), m.end()) for m in _VENUE_ENDING.finditer(text)]
    return sorted(known + venues)


_VENUE_ENDINGS = tuple(e for e in NAME_ENDINGS if len(e) >= 2 and e not in ADMIN_UNITS)
"""Endings of two characters or more, no administrative unit (纪念馆, 故居; not 县)."""
_NAMED_VENUE_ENDINGS = tuple(
    e for e in _VENUE_ENDINGS if e not in frozenset(lexicon.place_words("of-a-person"))
)
"""Endings that make a name before them a venue's or a body's, not a person (陈嘉庚|纪念馆);
not those that follow a person as something of theirs (王伟|大学毕业, 刘明|办公室)."""
_VENUE_ENDING = re.compile("|".join(e for e in _VENUE_ENDINGS if e in LOC_ENDINGS))
"""The places' among them, which LAC reads around (公园, 广场, 花园)."""


def name_cues(text: str) -> list[tuple[int, int]]:
    """Words that may be or begin a name, as jieba cut the page.

    A word jieba tags as a name (nr, nrfg, nrt: 王立新, 霍尼韦尔), a word it guessed (not in its
    dictionary) that opens with a surname (most names it does not know), or a lone surname
    before a lone character (邵|一|鸣) or, where jieba tags the surname a name or it is one of
    the commonest, before a two-character word (冯|建国, 俞|阿根); or one of the commonest
    glued to the next character before a lone one (金利|民).
    """
    words = page_words(text)
    cues = []
    pieces = words.words
    for index, word in enumerate(pieces):
        if _is_cue(word):
            start = words.starts[index]
            cues.append((start, start + len(word)))
        elif index + 1 < len(pieces) and (
            _surname_before(word, pieces[index + 1]) or _name_cut_after(word, pieces[index + 1])
        ):
            start = words.starts[index]
            cues.append((start, start + len(word) + len(pieces[index + 1])))
    return cues


@lru_cache(maxsize=200_000)
def _is_cue(word: str) -> bool:
    """A word jieba tags as a name or body, or guessed and opening with a surname, or a rare
    dictionary noun of three characters opening with one (朱梦魁, tagged ``n``)."""
    if len(word) < 2 or not is_han(word):
        return False
    if tag_of(word) in _CUE_TAGS or (word[0] in COMMON_SURNAMES and is_guessed(word)):
        return True
    rare = word_segmenter().FREQ.get(word, 0) < _KNOWN and tag_of(word) in _NOUN_TAGS
    return len(word) == 3 and word[0] in COMMON_SURNAMES and rare


@lru_cache(maxsize=200_000)
def _surname_before(word: str, following: str) -> bool:
    """A lone surname before a lone character, or before a two-character word where jieba tags
    the surname a name or it is one of the commonest (俞|阿根, 田|晚霞)."""
    if word not in COMMON_SURNAMES or not is_han(following):
        return False
    strong = tag_of(word) in NAME_TAGS or word in TOP_SURNAMES
    short = len(following) == 1 or (len(following) == 2 and strong)
    return short and tag_of(following) not in _FUNCTION


@lru_cache(maxsize=200_000)
def _name_cut_after(word: str, following: str) -> bool:
    """A surname jieba glued to the next character, then one character alone (金利|民, 钱塘|生):
    a three-character name cut in two."""
    return (
        len(word) == 2
        and word[0] in TOP_SURNAMES
        and len(following) == 1
        and is_han(word + following)
        and tag_of(following) not in _FUNCTION
        and tag_of(following)[:1] != "v"
    )


_CUE_TAGS = NAME_TAGS | {"nrt", "nt"}
_NOUN_TAGS = frozenset({"n", "nz"})
_FUNCTION = frozenset({"uj", "ul", "p", "c", "d", "u", "y", "r"})
"""jieba's tags of function words, which do not continue a name (张|的)."""


def model_people(
    text: str,
    spans: list[Span],
    titles: Iterable[Candidate] = (),
    ner: Language | None = None,
) -> list[Candidate]:
    """The model's plausible PERSON spans, the lists they continue and their repeats.

    A span of any other shape (阿德恩, 山田浩, 施泰因迈尔, 佘振东) is kept where the context names
    a person too (it follows a title or comes before a speech verb, and is no ordinary word or
    place), or where the character NER model ``ner``, reading the sentence on its own, draws
    the same PERSON span: two models trained apart agreeing on both edges. A name of one or two
    characters that ``ner`` draws longer, to a plausible name of three (罗毅|刚, 王|天然), is
    taken as ``ner`` draws it.
    """
    title_ends = {t.end for t in titles}
    drawn = _lone_surnames_joined(
        text, [(start, end) for start, end, label in spans if label == "PERSON"]
    )
    people = [_grown_foreign_name(text, *span) for span in drawn]
    undecided = [
        name
        for span, name in zip(drawn, people, strict=True)
        if not (plausible_name(text[span[0] : span[1]]) and _on_word_edges(text, *span))
        and not _named_by_context(text, *span, title_ends)
        and not _named_by_context(text, *name, title_ends)
    ]
    short = [(start, end) for start, end in people if _may_run_on(text, start, end)]
    asked = undecided + short
    by_ner = ner_people_around(text, asked, ner) if ner and asked else set()
    agreed = {span for span in undecided if span in by_ner}
    longer = _drawn_longer(text, short, by_ner)
    people = [longer.get(span, span) for span in people]
    agreed |= {longer[span] for span in undecided if span in longer}
    undecided = [longer.get(span, span) for span in undecided]
    drawn_longer = set(longer.values())
    found = [
        FINDERS["lac"]
        .candidate(start, end, "PERSON", priority=_person_priority(text[start:end]))
        ._replace(drawn_by="ner" if (start, end) in drawn_longer else "lac")
        for start, end in people
        if ((start, end) not in undecided or (start, end) in agreed)
        and not function_word_opens(text, start)
        and not _cuts_a_name_of_jiebas(text, end)
        and not _inside_a_doubled_word(text, start)
        and text[start:end] not in gazetteer()  # 布隆迪: a country
        and not text.startswith(_NAMED_VENUE_ENDINGS, end)  # 陈嘉庚纪念馆, 邵逸夫基金会
    ]  # a name the NER model drew longer completes no rule's name (检察长李刚|作报告)
    around = names_in_lists(text, found)
    around += repeated_names(text, found + around)
    return found + [c._replace(priority=MODEL_PERSON_PRIORITY) for c in around]


def _inside_a_doubled_word(text: str, start: int) -> bool:
    """A name opening with the character before it doubled: a word like 许许多多 or 常常, no
    name (许|许多多)."""
    return start > 0 and text[start - 1] == text[start]


def _cuts_a_name_of_jiebas(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` stops inside a longer name of jieba's that a place's or
    body's ending follows: a venue named after the person (李叔|同纪念馆)."""
    words = page_words(text)
    if words.breaks_at(end):
        return False
    word_start, word = words.word_at(end - 1)
    word_end = word_start + len(word)
    runs_on = tag_of(word) in NAME_TAGS and word_end > end and len(word) <= 4
    return runs_on and text.startswith(_VENUE_ENDINGS, word_end)


def _grown_foreign_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The edges of the foreign name a transliterated span of LAC's is part of (奥尔特|加); what
    the span alone would not make plausible (LAC's 卡拉|奇) the grown one does not either."""
    if not is_transliterated(text[start:end]):
        return start, end
    return transliterated_extent(text, start, end)


def _lone_surnames_joined(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """LAC's lone surname right before its two-character name, joined into one plausible name
    (盛|李豪: the given name opens with a surname too), and two pieces of one transliterated name
    (斯捷|潘诺夫)."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(people):
        if joined and joined[-1][1] == start and is_transliterated(text[joined[-1][0] : end]):
            joined[-1] = (joined[-1][0], end)
            continue
        if joined and joined[-1][1] == start and joined[-1][1] - joined[-1][0] == 1:
            name = text[joined[-1][0] : end]
            if end - start == 2 and name[0] in COMMON_SURNAMES and plausible_name(name):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def ner_people_around(
    text: str, spans: list[tuple[int, int]], ner: Language
) -> set[tuple[int, int]]:
    """The PERSON spans ``ner`` draws reading each of ``spans`` with ``CONTEXT`` characters on
    either side, within its sentence."""
    bounds = sentences(text)
    starts = [start for start, _ in bounds]
    windows: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        sentence_start, sentence_end = bounds[bisect.bisect_right(starts, start) - 1]
        window = (max(sentence_start, start - CONTEXT), min(sentence_end, end + CONTEXT))
        if windows and window[0] <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
        else:
            windows.append(window)
    drawn = set()
    for (offset, _), doc in zip(windows, ner.pipe(text[s:e] for s, e in windows), strict=True):
        drawn |= {
            (offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ == "PERSON"
        }
    return drawn


def _may_run_on(text: str, start: int, end: int) -> bool:
    """Whether LAC's name of one or two characters may end too early: it opens with a surname
    and a character that may stand in a name follows."""
    following = text[end : end + 1]
    return (
        end - start <= 2
        and text[start] in COMMON_SURNAMES
        and is_han(following)
        and following not in _NOT_IN_GIVEN_NAME
        and following not in NOT_IN_NAME
    )


def _drawn_longer(
    text: str, short: list[tuple[int, int]], drawn: set[tuple[int, int]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """The ``short`` names the NER model draws from the same start to a plausible name of three
    characters on jieba's word edges."""
    longer = {}
    for start, end in short:
        span = (start, start + 3)
        name = text[start : start + 3]
        if span in drawn and plausible_name(name) and page_words(text).breaks_at(start + 3):
            longer[(start, end)] = span
    return longer


def model_names_completing_rules(
    text: str, model_found: Iterable[Candidate], people: Iterable[Candidate]
) -> list[Candidate]:
    """The model's names that complete a rule's name cut one character short (沈金|来 where 来
    reads as a verb, 陈|嘉善 where jieba knows 嘉善), or a foreign name a rule's name begins
    (秘书长|玛丽亚|·费尔南达, 部长|斯捷潘|诺夫): they take the rule's priority, plus one."""
    by_span: dict[tuple[int, int], int] = {}
    for person in people:
        if person.label == "PERSON" and person.drawn_by != "lac" and person.kind != "byline":
            # a rule's name; a byline's is read whole by its grammar (记者王强|摄)
            span = (person.start, person.end)
            by_span[span] = max(by_span.get(span, 0), person.priority)
    found = []
    for name in model_found:
        if name.drawn_by != "lac":
            continue  # only LAC's own names (not the lists and repeats they seed)
        if is_transliterated(text[name.start : name.end]):
            begun = [p for (s, e), p in by_span.items() if s == name.start and e < name.end]
            found.extend([name._replace(priority=max(begun) + 1)] if begun else [])
            continue
        if name.end - name.start != 3:
            continue
        for span in ((name.start, name.end - 1), (name.start + 1, name.end)):
            if span == (name.start, name.end - 1) and text[span[1]] in CUT_VERB_STARTS:
                continue  # 戴振|主(持): the rule cut a verb the layout broke, not the name
            if span == (name.start, name.end - 1) and text[span[1]] in _FUNCTION_CHARS:
                continue  # 议长罗金|也表示: a function character after the name
            if span == (name.start, name.end - 1) and _travels_to_a_place(text, span[1]):
                continue  # 王纲|来我县, 李明|来平湖: a verb of travel before where to
            if span in by_span:
                found.append(name._replace(priority=by_span[span] + 1))
    return found


def _travels_to_a_place(text: str, offset: int) -> bool:
    """A verb of travel (``travel-verbs``: 来, 赴, 到…) at ``offset`` before a place, a local
    prefix or a pronoun (来我县, 赴京, 来平湖)."""
    if text[offset] not in _TRAVEL_VERBS or offset + 1 >= len(text):
        return False
    following = page_words(text).word_at(offset + 1)[1]
    after = text[offset + 1]
    return (
        tag_of(following) in ("ns", "r")
        or after in _TRAVEL_TARGETS
        or known_name_at(text, offset + 1)
    )


_FUNCTION_CHARS = NOT_IN_NAME - frozenset(lexicon.characters("given-name-ends"))
"""Characters that end no name a rule cut one short (也, 及; not 中: 林培中)."""
_TRAVEL_VERBS = frozenset(lexicon.characters("travel-verbs"))
_TRAVEL_TARGETS = frozenset("".join(DEICTIC_STARTS) + "".join(LOCAL_PREFIX_CHARS))
"""What a place after a verb of travel may open with: 我(县), 本(市), 市(里)."""


def _named_by_context(text: str, start: int, end: int, title_ends: set[int]) -> bool:
    """After a title, before a speech verb or a word that follows a name (默克尔总理, 卡尔先生),
    and neither an ordinary word nor a place."""
    name = text[start:end]
    if not 2 <= len(name) <= _CONTEXT_NAME_LIMIT or not is_han(name):
        return False
    if is_common_word(name) or name in gazetteer():
        return False
    return start in title_ends or text.startswith(SPEECH_CUES + REFERENCE_HEADS, end)


_CONTEXT_NAME_LIMIT = 8


def _person_priority(name: str) -> int:
    """A foreign name with a middle dot, read whole by the model, beats the dotted-name rule,
    which stops at the first character it does not know as a transliteration (铁木|尔·达瓦)."""
    return DOTTED_NAME_PRIORITY + 1 if "·" in name else MODEL_PERSON_PRIORITY


def model_bodies(text: str, spans: list[Span]) -> list[Candidate]:
    """The model's ORG and LOC spans that jieba's words confirm, places split per unit."""
    found = []
    for start, end, label in spans:
        if label in ("ORG", "LOC") and _confirmed_body(text, start, end, label):
            candidate = FINDERS["lac-body"].candidate(start, end, label)
            found.extend(split_place_chain(text, candidate) if label == "LOC" else [candidate])
    return found


def plausible_name(name: str) -> bool:
    """A Chinese name (surname + one or two characters, not a dictionary word), a Japanese one
    (family name + one or two characters) or a transliterated one."""
    if len(name) >= 3 and all(c in TRANSLITERATION or c in NAME_DOTS for c in name):
        return True
    parts = name.replace("•", "·").split("·")
    if len(parts) > 1 and all(part and is_han(part) for part in parts):
        return True  # a foreign name with a middle dot: 亚历山大·武契奇
    if len(name) >= 3 and tag_of(name) in _FOREIGN_NAME_TAGS and _known_word(name):
        return True  # a name jieba's dictionary knows: 克林顿, 威尔逊
    if japanese_name_length(name, 0) == len(name):
        return True  # 池田大作, 山田太郎
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]
    given = name[len(surname) :]
    return (
        (surname in COMMON_SURNAMES or surname in COMPOUND_SURNAMES)
        and 1 <= len(given) <= 2
        and is_han(name)
        and not any(c in _NOT_IN_GIVEN_NAME for c in given)
        and not is_frequent_word(name)
    )


_FOREIGN_NAME_TAGS = frozenset({"nr", "nrfg", "nrt"})
_KNOWN = 50


def _known_word(word: str) -> bool:
    """A word jieba has seen often enough to trust its tag (克林顿 295, not 托育园 2)."""
    return word_segmenter().FREQ.get(word, 0) >= _KNOWN


_NOT_IN_GIVEN_NAME = frozenset(lexicon.characters("not-in-model-name"))
"""Characters the model's names never hold: LAC ends a name too late at them (黄说)."""


def _on_word_edges(text: str, start: int, end: int) -> bool:
    """A two-character name must not cut through a word of jieba's (望女成凤, 鲁|美人), but for a
    function character jieba glued to it before a place or body (许丽|为|县卫健局局长; not
    康有|为, 阿比|让)."""
    words = page_words(text)
    if end - start > 2:
        return True
    word_start, word = words.word_at(end - 1)
    glued = word_start == start and len(word) == 3 and word[2] in NOT_IN_NAME  # 许丽|为
    after = end + 1
    glued = glued and (text[after : after + 1] in LOCAL_PREFIX_CHARS or known_name_at(text, after))
    return words.breaks_at(start) and (words.breaks_at(end) or glued)


_OPENING_QUOTES = frozenset("“\"'‘「")
_CLOSING_QUOTES = frozenset("”\"'’」")


def _confirmed_body(text: str, start: int, end: int, label: str) -> bool:
    """Whether jieba's words agree that ``text[start:end]`` names one body or place (a body
    with no ending is not made of place words alone: 多维度, which jieba guessed a place)."""
    name = text[start:end]
    if len(name) < 2 or not is_han(name) or name in GENERIC_WORDS or name in COMMON_PLACE_WORDS:
        return False  # 高速公路, 城市: a word for a kind of place or body
    if name.startswith(DEICTIC_STARTS) or name.startswith("全") or text.startswith(SAYINGS, start):
        return False
    if label == "LOC" and name.endswith(ROAD_ENDINGS) and makes_a_way(text, start):
        return False  # 种出|共富路: a way
    if text[start - 1 : start] in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES:
        return False  # a whole quotation is a figure of speech or a brand: “连心桥”, “幸福村”
    words = page_words(text)
    if not (words.breaks_at(start) and name_ends_at(text, end)):
        return False  # LAC cut through one of jieba's words: 普惠|托|育 (not 花园|里)
    ending = next((e for e in NAME_ENDINGS if name.endswith(e)), "")
    if not ending and label == "ORG" and name.endswith(UNIT_CHARS) and text[end : end + 1] != "\n":
        ending = name[-1]  # 中国队, 研究所 (not 全公亭社⏎: 社区 may go on after the line)
    tagged = words.tagged_between(start, end - len(ending))
    if len(ending) == 1 and ending not in ADMIN_UNITS and len(name) < _SHORTEST_BY_ENDING:
        return False  # 运|河, 小|桥: a word, not a name and its ending
    if tagged and all(w.flag == "m" for w in tagged):
        return False  # 千村示范、万村整治: a count of places, no name
    if ending in RESIDENTIAL_ENDINGS and not names_a_compound(name[: -len(ending)], tagged):
        return False  # 人才公寓, 安置小区: a kind of compound, as the ending finder judges
    if ending and len(name) > len(ending):
        return (
            any(_is_name_word(w) for w in tagged)
            or (len(tagged) == 1 and _names_by_itself(tagged[0].word))
            or (ending in ADMIN_UNITS and len(tagged) > 1 and all(len(w.word) == 1 for w in tagged))
        )  # the last: a village or town in characters jieba makes no word of (泥|汊|镇)
    if label == "ORG" and all(w.flag == "ns" for w in tagged):
        return False
    if label == "ORG" and _chinese_name_to_jieba(name, tagged):
        return False  # 高允|连独立办厂: a person's name, no body without an ending
    if len(tagged) == 1 and tagged[0].flag in NAME_TAGS and _chinese_name(name):
        return False  # 王国维(故居): jieba's person, no place (贝鲁特, also nr, stays a place)
    if label == "ORG" and len(name) >= _SHORTEST_BRAND and _made_up_by_jieba(tagged):
        inside_quotes = text[start - 1 : start] in _OPENING_QUOTES  # “崇军环保崇军|基金”
        return not inside_quotes  # 中|嘉华|宸, 华|睿|新材: a brand jieba has no words for
    return bool(tagged) and all(_is_name_word(w) for w in tagged)


_SHORTEST_BRAND = 4
_NOT_OPENING_A_BRAND = frozenset("pcudr")
"""jieba tags (first letter) of what opens no brand: prepositions, conjunctions, particles,
adverbs, pronouns."""


def _made_up_by_jieba(tagged) -> bool:
    """Words jieba makes of a brand: lone characters, proper names and words it guessed, none of
    them a common word, at least one a name or a guess (not 新|时代, 普惠|托育)."""
    if len(tagged) < 2 or tagged[0].flag[:1] in _NOT_OPENING_A_BRAND:
        return False  # 同|国际货币基金组织: a preposition opens no brand
    if any(w.flag == "ns" for w in tagged):
        return False  # 平湖市|全公亭社: a place inside, the rules' part
    ordinary = (len(w.word) > 1 and not is_guessed(w.word) and not _is_name_word(w) for w in tagged)
    named = (_is_name_word(w) or is_guessed(w.word) for w in tagged)
    return not any(ordinary) and any(named)


def _names_by_itself(word: str) -> bool:
    """A word that can name a place or body before its ending (枫叶|公园), not one character or
    a word for a kind of place or body (大|公司, 社区|党委, 城市|公园)."""
    return len(word) > 1 and word not in COMMON_PLACE_WORDS and word not in ADMIN_UNITS


def _chinese_name_to_jieba(name: str, tagged) -> bool:
    """A name jieba tags a person's, of a common surname and one or two characters, not
    transliterated (高允; not 欧佩克 or 摩托罗拉, brands jieba tags names too)."""
    return (
        bool(tagged)
        and all(w.flag.startswith("nr") for w in tagged)
        and len(name) in (2, 3)
        and name[0] in TOP_SURNAMES
        and not is_transliterated(name)
    )


def _chinese_name(name: str) -> bool:
    """A common surname and one or two characters, no dictionary word (王国维, not 贝鲁特)."""
    return (
        len(name) == 3
        and name[0] in TOP_SURNAMES
        and not is_transliterated(name)
        and plausible_name(name)
    )


_SHORTEST_BY_ENDING = 3
"""A place named before a one-character ending that is no administrative unit (盐平|塘) has two
characters or more before it."""


def _is_name_word(word) -> bool:
    return word.flag in PROPER_TAGS or word.flag in NAME_TAGS
