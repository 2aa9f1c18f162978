"""Places and organisations by gazetteer and by the words they end in.

A gazetteer covers the names a local paper repeats (countries, provinces, the cities of the
region, Pinghu's towns and streets); everything else is found by its ending (``…镇``, ``…社区``,
``…有限公司``, ``…局``) with the name before it taken as the run of noun-like words there.
Administrative chains are split per unit (``独山港镇全公亭社区`` → ``独山港镇`` + ``全公亭社区``);
a company's region in brackets stays inside its name (``开拓药业(浙江)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from .. import lexicon
from ..layout import DATELINE_OPENERS, GLUED_ROLES
from ..segment import is_frequent, is_guessed, page_words, tag_of
from ..segment import word_tags as _word_tags
from .candidates import Candidate, on_one_line
from .finders import FINDERS
from .phrases import (
    DEICTIC_STARTS,
    GENERIC_WORDS,
    LOCAL_PREFIX_CHARS,
    NAME_TAGS,
    PROPER_TAGS,
    STOP_CHARS,
    UNIT_CHARS,
    noun_phrase,
    phrase_start,
)

ENDING = FINDERS["ending"]

GAZETTEER = resources.files("pinghu_nlp") / "data" / "gazetteer.tsv"
"""``name<TAB>LOC|ORG`` lines: places and bodies known by name (public knowledge, not page text)."""

RESIDENTIAL_ENDINGS = lexicon.endings("LOC", "residential")
"""Endings of residential compounds (梅园新村, 金桂小区): named only by a proper name before."""

LOC_ENDINGS = lexicon.endings("LOC")
"""Endings of place names."""
DESCRIPTIVE_WORDS = frozenset(lexicon.place_words("descriptive"))
"""Words that describe a kind of compound (美丽家园, 老旧小区), some tagged as names by jieba."""

ORG_ENDINGS = lexicon.endings("ORG")
"""Endings of organisation names."""

NAME_ENDINGS = tuple(sorted(set(LOC_ENDINGS) | set(ORG_ENDINGS), key=len, reverse=True))
"""Every place and body ending, longest first (经济技术开发区 before 区)."""
ADMIN_UNITS = lexicon.endings("LOC", "admin")
"""Administrative units: a chain of them is split per unit."""
_ADMIN_CHARS = frozenset(u for u in ADMIN_UNITS if len(u) == 1)
"""The administrative units of one character: 省, 市, 县, 区, 镇, 乡, 村."""

_ENDING_PATTERN = re.compile(
    "|".join(map(re.escape, sorted(set(LOC_ENDINGS + ORG_ENDINGS), key=len, reverse=True)))
)
_BRACKETED_REGION = re.compile(rf"[(（]([{lexicon.HAN_RANGE}]{{2,4}})[)）]")
_NAMES_GLUE = "".join(g for g in lexicon.list_glue("names") if g != " ")
_FOREIGN_COMPANY = re.compile(
    f"({'|'.join(lexicon.place_words('country'))})"
    rf"([{lexicon.HAN_RANGE}A-Za-z]{{2,6}}?)(?=[{_NAMES_GLUE}等])"
)
"""A country and a brand before the glue of a list of names
(a comma ends a clause: 法国|记者说，).
"""
_TITLE_HEADS = lexicon.longest_first(lexicon.title_words("office") + lexicon.title_words("role"))
_CHAIN_ENDINGS = sorted({e for e in LOC_ENDINGS if len(e) > 1} | _ADMIN_CHARS, key=len)
_PLACE_ENDING = re.compile("|".join(map(re.escape, reversed(_CHAIN_ENDINGS))))
_MIN_NAME = 2
_PLACE_NAME_GOES_ON = re.compile(
    rf"(?:(?![{lexicon.characters('place-name-stops')}])[{lexicon.HAN_RANGE}]){{0,6}}"
    rf"[{lexicon.characters('place-name-ends')}]"
)
_SHORT_BRAND = 4


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Known names and their labels: ``gazetteer.tsv``, China's administrative divisions
    (``lexicon/divisions.tsv``) and the world's countries (``lexicon/countries.tsv``)."""
    generated = lexicon.division_names() | lexicon.country_names()
    return dict.fromkeys(generated, "LOC") | _gazetteer_file()


@lru_cache(maxsize=1)
def _gazetteer_file() -> dict[str, str]:
    entries = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, label = line.split("\t")[:2]
            entries[name.strip()] = label.strip()
    return entries


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern[str]:
    return re.compile(lexicon.trie_pattern(gazetteer()))


@lru_cache(maxsize=1)
def _gazetteer_openings() -> frozenset[str]:
    """The first two characters of every name of the gazetteer (the whole of a shorter one)."""
    return frozenset(name[:2] for name in gazetteer())


def _gazetteer_matches(text: str) -> list[re.Match[str]]:
    """``_gazetteer_pattern().finditer(text)``, a quarter of the time: the pattern is tried only
    where a name can begin (the page's two characters there open one), and ``re`` tries its
    thousands of branches one by one wherever the first character opens a name."""
    openings = _gazetteer_openings()
    return matches_at(
        _gazetteer_pattern(),
        text,
        (i for i in range(len(text)) if text[i : i + 2] in openings or text[i] in openings),
    )


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches no empty string, where every match
    begins at one of ``starts`` (ascending; more do no harm): each match from where the one
    before it ended, the same matches, trying only those offsets."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            found.append(match)
            end = match.end()
    return found


def known_name_at(text: str, start: int) -> bool:
    """Whether a place or body of the gazetteer begins at ``start`` (当湖街道, 平湖)."""
    return _gazetteer_pattern().match(text, start) is not None


@on_one_line(gazetteer)
def find_known_names(text: str) -> list[Candidate]:
    """Gazetteer matches, longest first, as LOC or ORG, and the county papers (今日海盐)."""
    table = gazetteer()
    found = [
        FINDERS["gazetteer"].candidate(m.start(), m.end(), table[m.group()])
        for m in _gazetteer_matches(text)
        if not text.startswith(SAYINGS, m.start()) and not _division_inside_a_word(text, m)
    ]
    found += [  # above the date 今日 (figures): 今日海盐 is the paper, not "today"
        FINDERS["county-paper"].candidate(m.start(), m.end(), "ORG")
        for m in _county_paper_pattern().finditer(text)
    ]
    found += [  # a masthead alone on its line: 今日安吉, a county the gazetteer does not know
        FINDERS["county-paper"].candidate(*m.span("paper"), "ORG")
        for m in _MASTHEAD.finditer(text)
        if tag_of(m.group("county"))[:1] in _MASTHEAD_NAME_TAGS
    ]
    return found


def _division_inside_a_word(text: str, match: re.Match) -> bool:
    """A division's or a country's name (from ``divisions.tsv`` or ``countries.tsv``, not
    hand-listed) that begins inside a word of jieba's dictionary: 沿|海城市, 探|索县(域),
    增|加纳(税)."""
    if match.group() in _gazetteer_file():
        return False
    words = page_words(text)
    if words.breaks_at(match.start()):
        first = words.tagged_between(match.start(), match.start() + 1)
        function_word = bool(first) and first[0].flag[:1] in _FUNCTION_TAG_STARTS
        return function_word and not words.breaks_at(match.end())  # 村里|和|县里: no 和县
    _, word = words.word_at(match.start())
    return not is_guessed(word)


_FUNCTION_TAG_STARTS = frozenset("cp")
"""jieba tags (first letter) of a conjunction or preposition: one opening a division's name that
ends inside the next word is that word, not the name (村里|和|县里)."""


_MASTHEAD = re.compile(
    rf"^[ \t　]*(?P<paper>今日(?P<county>[{lexicon.HAN_RANGE}]{{2,3}}))[ \t　]*$", re.MULTILINE
)
_MASTHEAD_NAME_TAGS = frozenset("nj")
"""jieba's tags (their first letter) of what may follow 今日 in a masthead: nouns and names
(安吉 is ``nr`` to jieba, 桐乡 ``ns``), not a time word (今日立冬) or a verb."""


@lru_cache(maxsize=1)
def _county_paper_pattern() -> re.Pattern[str]:
    """今日 + a county or city the gazetteer knows (平湖市, 海盐县): that county's paper."""
    table = gazetteer()
    counties = [
        name
        for name, label in table.items()
        if label == "LOC"
        and any(table.get(name + unit) == "LOC" for unit in lexicon.characters("county-units"))
    ]
    return re.compile("今日(?:" + "|".join(map(re.escape, counties)) + ")")


SAYINGS = lexicon.place_words("saying")
"""Fixed sayings that open with a place's name: 绿水青山就是金山银山."""


@on_one_line(gazetteer)
def bodies_over_their_places(
    text: str, bodies: Iterable[Candidate], candidates: Iterable[Candidate]
) -> list[Candidate]:
    """The statistical ``bodies`` that end like a body and hold places found by the rules
    (浙江|人民出版社, 嘉兴市|第一医院), raised one above those places: the place qualifies the
    body and is part of its name (ANNOTATION.md: 浙江工业大学平湖新材料研究院 is one ORG). A body
    a rule found overlapping it (…公司党支部) keeps the rule's edges."""
    candidates = list(candidates)
    raised = []
    for body in bodies:
        if body.label != "ORG" or not _ends_like_a_body(text[body.start : body.end]):
            continue
        overlapping = [c for c in candidates if c.start < body.end and body.start < c.end]
        inside = [c.priority for c in overlapping if c.label == "LOC" and _within(c, body)]
        rival = any(c.label == "ORG" and c.priority > body.priority for c in overlapping)
        if inside and not rival:
            raised.append(body._replace(priority=max(inside) + 1))
    return raised


def _ends_like_a_body(name: str) -> bool:
    return name.endswith(ORG_ENDINGS) or name.endswith(UNIT_CHARS)


def _within(inner: Candidate, outer: Candidate) -> bool:
    """Strictly inside: ``inner`` is shorter and within ``outer``'s edges."""
    shorter = inner.end - inner.start < outer.end - outer.start
    return shorter and outer.start <= inner.start and inner.end <= outer.end


def find_by_ending(text: str) -> list[Candidate]:
    """Places and organisations found by their ending and the name before it."""
    found = []
    places: dict[int, int] = {}  # end -> start of the places found so far
    for match in _ENDING_PATTERN.finditer(text):
        ending, end = match.group(), match.end()
        label = "ORG" if ending in ORG_ENDINGS else "LOC"
        if ending in _GENERIC_ORG_ENDINGS and match.start() in places:
            found.append(ENDING.candidate(places[match.start()], end, label))
            continue  # 红菱村|党总支, 西塘镇|党委: the body of the unit just named
        if label == "LOC" and len(ending) == 1 and text.startswith(ADMIN_UNITS, end):
            continue  # 凤桥|镇, 石桥|村: the ending is inside the name of the unit that follows
        unit = _unit_word(text, match.start(), end)
        if unit is None:
            continue
        if unit[0] < match.start():  # the ending closes a word jieba knows: 科技局, 发改局
            known = _body_of_known_word(text, unit, ending, label)
            if known is not None:
                found.extend(known)
                continue
        words = noun_phrase(text, match.start(), window=14, named_unit=True)
        while (
            words
            and (
                words[0].flag in _ACTION_TAGS
                or (
                    len(words) > 1
                    and len(words[0].word) > 1  # 明|湖景区: one character is part of the name
                    and words[1].flag in PROPER_TAGS
                    and not _is_proper(words[:1])
                )
            )
        ):
            words = words[1:]  # 落户(平湖经开区), 监测(建国路隧道): no part of the name
        words_start = match.start() - sum(len(w.word) for w in words)
        start = _bracket_start(text, words_start)
        if start == match.start() and len(ending) > 1:
            start -= len(_local_prefix(text, start))  # 如市人武部: the prefix jieba glued to 如
        name = text[start : match.start()]
        if len(name) < (1 if len(ending) > 1 else _MIN_NAME):
            continue
        if _starts_inside_verb(text, start):
            continue  # 种出|共富路: a name never begins inside the verb before it
        if name.startswith(_STATIONED):
            continue
        named = _is_proper(words) or _has_unknown_word(words) or name in gazetteer()
        named = named or start < words_start  # 中德(平湖)国际产业合作园: a region in brackets
        # 市博物馆: the city's one (a venue, not 镇街道)
        named = named or (name in _LOCAL_PREFIXES and len(ending) > 1 and ending not in ADMIN_UNITS)
        named = named or _village_in_a_chain(text, start, ending, words)
        if ending in RESIDENTIAL_ENDINGS:
            named = names_a_compound(name, words)
        generic = label == "LOC" or (
            ending in _GENERIC_ORG_ENDINGS and not name.startswith(_LOCAL_PREFIXES)
        )
        if generic and named and _only_frequent_abbreviations(words):
            named = False  # 研发|中心, 环保|中心: abbreviations of fields, not of names (中共)
        if generic and not named:
            continue  # 职工服务驿站, 部门党委: a kind of place or body, not a named one
        if ending in _OFFICE_ENDINGS and not _starts_with_place(name):
            continue  # 专班办公室: an office is named by the body or place it serves
        pieces = split_place_chain(text, ENDING.candidate(start, end, label))
        places.update(
            (c.end, c.start) for c in pieces if c.label == "LOC" and ending in _LOCAL_UNITS
        )  # a village's or a town's (the cities' and counties' are place-body: 平湖市委)
        found.extend(pieces)
    return found


def _village_in_a_chain(text: str, start: int, ending: str, words) -> bool:
    """A village or community right after its town or street, named by an ordinary noun:
    曹桥街道的马厩村, 新仓镇东方村 (a kind of village, 示范村, is no noun)."""
    if ending not in _CHAIN_MEMBERS or sum(len(w.word) for w in words) != 2:
        return False
    before = text[max(0, start - 3) : start].removesuffix("的")
    return before.endswith(_CHAIN_HEADS) and all(w.flag in _PLAIN_NOUN_TAGS for w in words)


_CHAIN_MEMBERS = lexicon.place_words("village-unit")
_CHAIN_HEADS = lexicon.place_words("town-unit")
_LOCAL_UNITS = frozenset(_CHAIN_MEMBERS) | frozenset(_CHAIN_HEADS)
_SPLIT_TOWN_UNITS = frozenset(lexicon.characters("split-town-units"))
"""A unit after a known place written without its own: 上海|金山区, 杭州|西湖区."""
_PLAIN_NOUN_TAGS = frozenset({"n", "nz", "s", "ns", "nr"})


def _starts_inside_verb(text: str, start: int) -> bool:
    """Whether ``start`` falls inside a verb of the page's words (种|出 in 种出共富路)."""
    word_start, word = page_words(text).word_at(start)
    return word_start < start and tag_of(word)[:1] == "v"


def _body_of_known_word(
    text: str, unit: tuple[int, str], ending: str, label: str
) -> list[Candidate] | None:
    """The body a dictionary word ending like one makes, [] if none, None to read the phrase.

    A common word (科技局 as jieba knows it) is a body only after a local prefix (市科技局); a
    body jieba knows by its short name (发改局, 市场监管局, 交警大队) takes the bodies it belongs
    to and the place before it (市公安局交警大队, 平湖市发改局).
    """
    start, word = unit
    end = start + len(word)
    tag = _word_tags().get(word, "nz")
    if tag not in _PROPER_OR_UNKNOWN or word in COMMON_PLACE_WORDS:
        prefix = _local_prefix(text, start)
        if label == "LOC" and prefix and not page_words(text).breaks_at(start - len(prefix)):
            prefix = ""  # 南京市|鼓楼区: the unit of the place before, no prefix of this one
        listed = label == "ORG" and text.endswith(_BODY_LIST_BEFORE, 0, start)
        if tag[:1] not in _COMMON_NOUN_TAG_STARTS or word in COMMON_PLACE_WORDS:
            return []
        if not (prefix or listed):
            body = label == "ORG" and len(word) >= _FIELD_BODY_MIN  # 技术学校, not 格局
            if body and word[0] in LOCAL_PREFIX_CHARS and ending not in _GENERIC_ORG_ENDINGS:
                # 市委党校: the body names its place (市中心 is the city's centre)
                place = _qualifying_place(text, start)
                return [ENDING.candidate(start - len(place), end, label)]
            if label == "LOC" and _prefixed_venue(word, ending):
                return [ENDING.candidate(start, end, label)]  # 市图书馆, one word of jieba's
            placed = _place_and_field_before(text, start) if body else start
            return [ENDING.candidate(placed, end, label)] if placed < start else []
        return [ENDING.candidate(start - len(prefix), end, label)]
    if label == "ORG" and tag == "nt":
        parents = _parent_bodies_start(text, start)
        place = _qualifying_place(text, parents)
        if place or parents < start or ending not in _GENERIC_ORG_ENDINGS:  # not 党委政府
            return [ENDING.candidate(parents - len(place), end, label)]
        return []
    return None


_FIELD_BODY_MIN = 3


def _prefixed_venue(word: str, ending: str) -> bool:
    """A word of jieba's that is a local prefix and a venue's whole name (市图书馆, 县体育馆):
    the county's or the city's venue, as after a prefix written apart (市|博物馆)."""
    venue = word[1:]
    return (
        word[0] in LOCAL_PREFIX_CHARS
        and len(ending) > 1  # not 市|场: a venue's ending of two characters or more
        and venue.endswith(ending)
        and venue in _word_tags()
    )


_COMMON_NOUN_TAG_STARTS = frozenset("nl")
"""jieba's tags (first letter) of a common word that names a body after a local prefix: nouns and
set phrases (县|老年大学)."""


def _place_and_field_before(text: str, start: int) -> int:
    """Where a place and its body's field words before ``start`` begin (桐乡市|职业|技术学校,
    当湖街道|社区卫生|服务中心), or ``start`` where no place opens them (a field is words of
    two characters or more: not 浙江省唯一经|省政府)."""
    words = noun_phrase(text, start, window=14, named_unit=True)
    fields = words[1:]
    if words and words[0].flag == "ns" and all(len(w.word) >= 2 for w in fields):
        return start - sum(len(w.word) for w in words)
    return start


def _is_proper(words) -> bool:
    """Whether a name's words include a proper name (a place, a brand, an abbreviation)."""
    return any(
        (w.flag in PROPER_TAGS or (w.flag in NAME_TAGS and w.word not in _word_tags()))
        and w.word not in COMMON_PLACE_WORDS
        for w in words
    ) or any(_famous_person(w) for w in words)


def _famous_person(word) -> bool:
    """A person's full name in jieba's dictionary (李叔同, 徐志摩): a venue named after them."""
    return word.flag in NAME_TAGS and len(word.word) == 3 and word.word[0] in _SURNAMES


def _only_frequent_abbreviations(words) -> bool:
    """Whether the name's only proper words are frequent abbreviations of jieba's (``j``: 研发,
    环保), which name fields, not bodies."""
    proper = [w for w in words if w.flag in PROPER_TAGS]
    return bool(proper) and all(w.flag == "j" and is_frequent(w.word) for w in proper)


def names_a_compound(name: str, words) -> bool:
    """Whether a residential compound's name is a proper one: 金桂(小区), not 老旧(小区).

    A word tagged as a name counts (梅园, 翠湖: jieba tags many compounds' names so); a word
    jieba does not know does not (老旧), nor any that describes a kind of compound.
    """
    if any(w.word in DESCRIPTIVE_WORDS for w in words):
        return False
    return name in gazetteer() or any(
        w.flag in _PROPER_OR_UNKNOWN and w.word not in COMMON_PLACE_WORDS for w in words
    )


def _has_unknown_word(words) -> bool:
    """A word of the name jieba's dictionary does not know (石龙, 芦湾): likely a proper name."""
    return any(len(w.word) >= _MIN_NAME and is_guessed(w.word) for w in words)


def _unit_word(text: str, ending_start: int, end: int) -> tuple[int, str] | None:
    """``(start, word)`` of jieba's word that holds an ending's last character, if it ends there.

    None when the ending runs on into a longer word (部+件, 区+域, 办+成), but not into a
    locative jieba glued to its last character (园|区内, 花园里: the word without it).
    """
    word_start, word = page_words(text).word_at(end - 1, guessed=False)
    if _locative_glued(word_start, word, end):
        return (word_start, word[:-1])  # 产业园|区内, 花园|里: jieba glued a locative on
    glued = word_start == end - 1 and len(word) > 1 and word[:1] in _LOCAL_UNITS
    if glued and gazetteer().get(word) == "ORG":
        return (word_start, word[:1])  # 西塘|镇党委: a town's body glued to its unit
    return (word_start, word) if word_start + len(word) == end else None


def name_ends_at(text: str, end: int) -> bool:
    """Whether a name may end at ``end``: a word of the page ends there, or one that goes on
    only by a locative jieba glued to the name's last character (花园里, 区内)."""
    words = page_words(text)
    if words.breaks_at(end):
        return True
    word_start, word = words.word_at(end - 1)
    return _locative_glued(word_start, word, end)


def _locative_glued(word_start: int, word: str, end: int) -> bool:
    return word_start + len(word) == end + 1 and len(word) >= 2 and word[-1] in _LOCATIVES


_LOCATIVES = frozenset(lexicon.characters("locatives"))


_PROPER_OR_UNKNOWN = PROPER_TAGS | NAME_TAGS
_ACTION_TAGS = frozenset({"v", "vn", "vd"})
_GENERIC_ORG_ENDINGS = frozenset(lexicon.endings("ORG", "generic"))
"""Endings that also close descriptions (部门党委, 党建联盟); a body's name must say whose."""
_STATIONED = "驻"
"""驻平部队, 驻村工作组: bodies described by where they are stationed, not named."""
_LOCAL_PREFIXES = (*lexicon.place_words("local-prefix"), *sorted(LOCAL_PREFIX_CHARS))


_OFFICE_ENDINGS = frozenset(lexicon.place_words("office"))


def _starts_with_place(name: str) -> bool:
    """Whether a name opens with a local prefix (市, 省…) or a known place or body (当湖街道)."""
    return name.startswith(_LOCAL_PREFIXES) or known_name_at(name, 0)


_BODY_LIST_BEFORE = tuple(f"{unit}、" for unit in lexicon.characters("listed-body-ends"))
"""A body listed after another one: 商务局、发改局、政法委 (政法委 alone is a common word)."""


def _parent_bodies_start(text: str, start: int) -> int:
    """Where the bodies a sub-unit belongs to begin: 市(公安局)交警大队 → 公安局's start.

    A body opening with a local prefix (市政府 after 市委) is a body of its own, not a sub-unit.
    """
    if text[start : start + 1] in _LOCAL_PREFIXES:
        return start
    words = page_words(text)
    while start > 0:
        word_start, word = words.word_at(start - 1)
        if word_start + len(word) != start or _word_tags().get(word) != "nt":
            break
        start = word_start
    return start


def _qualifying_place(text: str, start: int) -> str:
    """The known place (平湖市, 嘉兴) or local prefix (市, 省) written right before ``start``."""
    term = _TERM.search(text, max(0, start - 6), start)
    if term:  # 市十七届(人大常委会): the place comes before the body's term
        place = _qualifying_place(text, term.start())
        return place + term.group() if place else ""
    known = _place_before().search(text, max(0, start - _LONGEST_PLACE), start)
    return known.group() if known else _local_prefix(text, start)


_LONGEST_PLACE = 12


@lru_cache(maxsize=1)
def _place_before() -> re.Pattern[str]:
    """Known places (LOC in the gazetteer), longest first, matched where a span ends."""
    places = (n for n, label in gazetteer().items() if label == "LOC")
    return re.compile(f"(?:{lexicon.trie_pattern(places)})$")


_TERM = re.compile(rf"第?[{lexicon.NUMERALS}百\d]{{1,4}}届$")


def _local_prefix(text: str, start: int) -> str:
    """The local prefix (市, 省, 中央…) written right before ``start``, or ``""``."""
    return next((p for p in _LOCAL_PREFIXES if text.endswith(p, 0, start)), "")


COMMON_PLACE_WORDS = frozenset(lexicon.place_words("common"))
_SURNAMES = lexicon.common_surnames()
"""Dictionary words that look like places or bodies (or name a kind of body) but name none."""


@on_one_line(gazetteer)
def split_place_chain(text: str, candidate: Candidate) -> list[Candidate]:
    """A chain of places as one span per unit.

    ``独山港镇全公亭社区``, ``浙江省平湖市``, ``九龙山旅游度假区外蒲山景区``, and a known town
    before its community (``新仓安桥社区``).
    """
    if candidate.label == "ORG":
        return _split_body_after_place(text, candidate)
    pieces, start = [], candidate.start
    leading_unit = next((u for u in ADMIN_UNITS if text.startswith(u, start)), "")
    bare_ending = text[start + len(leading_unit) : candidate.end] in LOC_ENDINGS  # 市|博物馆
    if leading_unit and candidate.end - start > len(leading_unit) + _MIN_NAME and not bare_ending:
        start += len(leading_unit)  # 街道西林社区: the unit belongs to the place before
    for match in _PLACE_ENDING.finditer(text, candidate.start, candidate.end):
        rest = text[match.end() : candidate.end]
        named = match.end() - start > len(match.group())
        place_follows = rest.endswith(LOC_ENDINGS) and not rest.startswith(LOC_ENDINGS)
        one_character_village = len(rest) == _MIN_NAME and rest not in COMMON_PLACE_WORDS
        if named and (len(rest) > _MIN_NAME or one_character_village) and place_follows:
            pieces.append(candidate._replace(start=start, end=match.end()))
            start = match.end()
    pieces.append(candidate._replace(start=start))
    return [part for piece in pieces for part in _split_leading_town(text, piece)]


def _split_leading_town(text: str, piece: Candidate) -> list[Candidate]:
    """A known place written without its unit before the next unit of the chain: 新仓|安桥社区,
    上海|金山区, 嘉兴|南湖区 (in 嘉兴南湖区七星街道 too)."""
    start = piece.start
    town = next(
        (g for g in _towns().get(text[start : start + 1], ()) if text.startswith(g, start)), None
    )
    rest = text[start + len(town or "") : piece.end]
    name = rest[:-1]
    unit_follows = rest.endswith(_CHAIN_MEMBERS) or (
        rest[-1:] in _SPLIT_TOWN_UNITS  # 上海|金山区, 杭州|西湖区 (not 嘉兴|经开区)
        and (name in gazetteer() or (len(name) > 1 and tag_of(name) == "ns"))
    )
    if town and unit_follows and piece.end - start - len(town) > _MIN_NAME:
        split = start + len(town)
        return [piece._replace(end=split), piece._replace(start=split)]
    return [piece]


@lru_cache(maxsize=1)
def _towns() -> dict[str, list[str]]:
    """Gazetteer places that may open a chain without their unit (新仓安桥社区), by their first
    character, longest first."""
    towns: dict[str, list[str]] = {}
    for name in sorted(
        (n for n, label in gazetteer().items() if label == "LOC"), key=len, reverse=True
    ):
        towns.setdefault(name[0], []).append(name)
    return towns


def _bracket_start(text: str, start: int) -> int:
    """Extend a name left over a bracketed region inside it: ``华芯(嘉兴)智能装备有限公司``."""
    before = text[max(0, start - 6) : start]
    match = _BRACKETED_REGION.search(before)
    if match and match.end() == len(before):
        bracket = start - len(before) + match.start()
        if text.endswith(LOC_ENDINGS, 0, bracket):
            return start  # 平湖经济技术开发区(钟埭街道)党工委: a place's other name, no company
        opening = phrase_start(text, 0, bracket, _BREAKS_BEFORE_LIST)
        deictic = text.startswith(DEICTIC_STARTS, opening)  # 我市, 本市, 全市
        opening += 2 if deictic or text[opening : opening + 2] in GENERIC_WORDS else 0
        while opening < bracket and text[opening] in STOP_CHARS:
            opening += 1  # 在|中德(平湖): a preposition opens the clause, not the name
        if 0 < bracket - opening <= _SHORT_BRAND:
            return opening  # 中德(平湖)产业园: a short name from the start of its clause
        words = noun_phrase(text, bracket, window=8, brand=True)
        if words:
            return bracket - sum(len(w.word) for w in words)
    return start


def company_region_start(text: str, start: int) -> int:
    """Where a company's name begins when a known region in brackets ends right before ``start``.

    ``华茂精密(嘉兴)|有限公司`` → the start of 华茂精密; ``start`` itself when no such bracket.
    """
    match = _BRACKETED_REGION.search(text, max(0, start - 6), start)
    if match is None or match.end() != start or match.group(1) not in gazetteer():
        return start
    return _bracket_start(text, start)


def zone_alias_start(text: str, start: int) -> int:
    """Where a place begins that is written with another name in brackets right before ``start``:
    ``经开区（高新区）|党工委``, ``嘉兴港区（乍浦镇）|党工委`` → the start of the first place;
    ``start`` itself when there is none."""
    match = _BRACKETED_PLACE.search(text, max(0, start - 10), start)
    if match is None or match.end() != start or not text.endswith(LOC_ENDINGS, 0, match.start()):
        return start
    words = noun_phrase(text, match.start(), window=12, named_unit=True)
    return match.start() - sum(len(w.word) for w in words) if words else start


_BRACKETED_PLACE = re.compile(
    rf"[(（]([{lexicon.HAN_RANGE}]{{2,8}}(?:{'|'.join(lexicon.longest_first(LOC_ENDINGS))}))[)）]"
)


_BRAND_WINDOW = 12
"""Characters before the bracket a company's brand and field may take (尼得科精密检测设备)."""


@on_one_line(gazetteer)
def find_bracketed_companies(text: str) -> list[Candidate]:
    """A name followed by its region in brackets is a company: ``开拓药业(浙江)``."""
    found = []
    for match in _BRACKETED_REGION.finditer(text):
        if match.group(1) not in gazetteer() or _PLACE_NAME_GOES_ON.match(text, match.end()):
            continue  # 中德(平湖)产业合作园: the bracket sits inside a place's name
        if text.endswith(LOC_ENDINGS, 0, match.start()):
            continue  # 平湖经济技术开发区(钟埭街道): a place and the other name it goes by
        words = noun_phrase(text, match.start(), window=_BRAND_WINDOW, brand=True)
        start = match.start() - sum(len(w.word) for w in words)
        suffix = next((x for x in _COMPANY_SUFFIXES if text.startswith(x, match.end())), "")
        if match.start() - start >= _MIN_NAME:  # with the company's ending after the bracket
            end = match.end() + len(suffix)
            found.append(FINDERS["bracketed"].candidate(start, end, "ORG"))
    return found


_HAMLET = re.compile(
    f"[{''.join(sorted(lexicon.common_surnames()))}]家[{lexicon.characters('hamlet-ends')}]"
)


@on_one_line(gazetteer)
def find_hamlets(text: str) -> list[Candidate]:
    """A hamlet named by a family and the water or ground it lies by: ``王家浜``, ``周家兜``,
    ``李家埭`` (a village's ending after it makes the village: 沈家浜村), where jieba's words end
    with it (not 王家|宅子, 陈家|港口) and the family is not jieba's place (张家港)."""
    words = page_words(text)
    return [
        FINDERS["hamlet"].candidate(m.start(), m.end(), "LOC")
        for m in _HAMLET.finditer(text)
        if words.breaks_at(m.start())
        and words.breaks_at(m.end())
        and not text.startswith(LOC_ENDINGS, m.end())  # 沈家浜村: the village's, by its ending
        and m.group() not in gazetteer()
    ]


@on_one_line(gazetteer)
def find_foreign_companies(text: str) -> list[Candidate]:
    """A country then a brand in a list: ``德国巴斯夫、日本三菱、韩国三星等``."""
    found = []
    for match in _FOREIGN_COMPANY.finditer(text):
        name = match.group(2)
        if name.startswith(_TITLE_HEADS):
            continue  # 法国总统马克龙: a country's office and its holder, not a company
        if name.endswith(ORG_ENDINGS):
            continue  # 日本电产株式会社: a whole company, country and all, read by its ending
        words = page_words(text).tagged_between(*match.span(2))
        if any(w.flag[:1] in _NOT_IN_A_BRAND for w in words):
            continue  # 日本|的访问和…, 美国|是有利的: a clause, no brand
        if _word_tags().get(name, "nz") in _PROPER_OR_UNKNOWN:
            found.append(FINDERS["foreign"].candidate(*match.span(1), "LOC"))
            found.append(FINDERS["foreign"].candidate(*match.span(2), "ORG"))
    return found


_NOT_IN_A_BRAND = frozenset("vrupdcy")
"""jieba tags (first letter) of words no brand is made of: verbs, pronouns, particles,
prepositions, adverbs, conjunctions, modal particles."""
_PLACE_CLASSES = lexicon.place_words("class-place")
_LIST_CLASSES = lexicon.longest_first(_PLACE_CLASSES + lexicon.place_words("class-body"))
_LIST_OF_NAMES = re.compile(
    rf"((?:[{lexicon.HAN_RANGE}A-Za-z]{{2,6}}(?:[(（][^()（）]{{1,8}}[)）])?、)+[{lexicon.HAN_RANGE}A-Za-z]{{2,6}}"
    rf"(?:[(（][^()（）]{{1,8}}[)）])?)等(?:[\d{lexicon.NUMERALS}百]+(?:个|家|所))?(?:一批)?"
    rf"[{lexicon.HAN_RANGE}\d]{{0,8}}?({'|'.join(_LIST_CLASSES)})"
)
"""A list of names before 等 and its class, a few words apart (等世界500强企业)."""
_ITEM = re.compile(rf"[{lexicon.HAN_RANGE}A-Za-z]{{2,6}}")


@on_one_line(gazetteer)
def find_list_members(text: str) -> list[Candidate]:
    """Names listed before the class they belong to: ``芦湾、双红等7个村``, ``高正、纳狮等企业``."""
    found = []
    for match in _LIST_OF_NAMES.finditer(text):
        if not page_words(text).breaks_at(match.end(2)):
            continue  # 等10名|村民: the class is a word's first character, no class
        label = "LOC" if match.group(2) in _PLACE_CLASSES else "ORG"
        first = match.start(1)
        cut = max(text.rfind(c, first, first + 6) for c in _FUNCTION_CHARS)
        cut = max(cut, _after_a_clause_word(text, first, text.find("、", first)) - 1)
        items = list(_ITEM.finditer(text, cut + 1 if cut != -1 else first, match.end(1)))
        names = [i for i in items if i.start() == 0 or text[i.start() - 1] not in "(（"]
        unknown = [n for n in names if _word_tags().get(n.group(), "nz") in _PROPER_OR_UNKNOWN]
        opens = cut != -1 or first == 0 or text[first - 1] in _BREAKS_BEFORE_LIST
        if opens and len(unknown) * 2 >= len(names):  # mostly names, not ordinary words
            found.extend(FINDERS["body-list"].candidate(n.start(), n.end(), label) for n in names)
    return found


def _after_a_clause_word(text: str, start: int, end: int) -> int:
    """Where the first item of a list begins after the verbs and function words of the clause
    jieba reads before it (要|重视|纺织、煤炭等行业: the item is 纺织), or 0 if none."""
    words = page_words(text).tagged_between(start, end)
    offset, after = start, 0
    for word in words[:-1]:
        offset += len(word.word)
        if word.flag[:1] in _NOT_IN_A_BRAND and end - offset >= _MIN_NAME:
            after = offset  # not 吸引了拜|耳、巴斯夫: jieba's cut leaves no name
    return after


_FUNCTION_CHARS = lexicon.characters("list-cuts")
"""Function characters a list of names before its class begins after (包括高正、纳狮等企业)."""
_BREAKS_BEFORE_LIST = frozenset('，,、。；;：:“”"()（）\n ——')


_COMPANY_SUFFIXES = lexicon.longest_first(lexicon.endings("ORG", "company"))


@on_one_line(gazetteer)
def repeated_bodies(text: str, found: list[Candidate]) -> list[Candidate]:
    """Other occurrences of organisations and places already found on the page.

    A company is found by its short name too: ``开拓药业(浙江)`` → ``开拓药业``.
    """
    forms: dict[str, str] = {}
    for candidate in found:
        if candidate.label not in ("ORG", "LOC") or candidate.drawn_by == "ner":
            continue  # the character model's left edge is its guess: no repeats of it
        name = text[candidate.start : candidate.end]
        short = _BRACKETED_REGION.sub("", name)
        for suffix in _COMPANY_SUFFIXES:
            if candidate.label == "ORG" and short.endswith(suffix) and len(short) > len(suffix) + 1:
                short = short[: -len(suffix)]
                break
        for form in {name, short}:
            if len(form) >= _MIN_NAME + 1 or _word_tags().get(form, "nz") in _PROPER_OR_UNKNOWN:
                forms.setdefault(form, candidate.label)
    if not forms:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    return [
        FINDERS["body-repeat"].candidate(m.start(), m.end(), forms[m.group()])
        for m in pattern.finditer(text)
        if _unit_word(text, m.start(), m.end()) is not None
    ]


def unclaimed_endings(text: str, chosen: list[Candidate]) -> list[int]:
    """Ends of place and body endings that no chosen span covers (a name the rules missed)."""
    covered = set()
    for candidate in chosen:
        covered.update(range(candidate.start, candidate.end))
    return [
        m.end()
        for m in _ENDING_PATTERN.finditer(text)
        if m.start() not in covered
        and m.start() - 1 not in covered
        and m.group() not in _ADMIN_CHARS  # 我市, 全区: the rules already judged these
        and lexicon.HAN.fullmatch(text[m.start() - 1 : m.start()]) is not None
        and _unit_word(text, m.start(), m.end()) is not None
        and not _ordinary_word_ending(text, m)
    ]


def _ordinary_word_ending(text: str, ending: re.Match) -> bool:
    """An ending that closes an ordinary word of jieba's, which the rules judged no body: 干部,
    全部, 内部 (河南有些干部 is no body)."""
    unit = _unit_word(text, ending.start(), ending.end())
    if unit is None or unit[0] >= ending.start():
        return False
    label = "ORG" if ending.group() in ORG_ENDINGS else "LOC"
    return _body_of_known_word(text, unit, ending.group(), label) == []


_COMMUNITY_UNIT = re.compile("|".join(lexicon.place_words("host-unit")))


def _split_body_after_place(text: str, candidate: Candidate) -> list[Candidate]:
    """``东湖社区启萌托育园`` → the community, then the body it hosts (平湖市…联盟 stays whole)."""
    for match in _COMMUNITY_UNIT.finditer(text, candidate.start + _MIN_NAME, candidate.end):
        rest = candidate.end - match.end()
        if rest > _MIN_NAME and not text.startswith(ORG_ENDINGS, match.end()):
            place = candidate._replace(end=match.end(), label="LOC")
            return [*split_place_chain(text, place), candidate._replace(start=match.end())]
    return [candidate]


INDUSTRY_WORDS = lexicon.longest_first(lexicon.place_words("industry"))
"""Words a company's name ends with after its brand: 独山能源, 长城汽车, 湛新树脂."""
_FIELD_WORDS = lexicon.place_words("industry-field")
"""After an industry word they make a field, not a company: 汽车产业, 能源企业."""
_BRAND_COMPANY = re.compile(f"({'|'.join(INDUSTRY_WORDS)})(?!{'|'.join(_FIELD_WORDS)})")
_QUOTED_PLACE = re.compile(
    rf"[“\"]([{lexicon.HAN_RANGE}]{{1,4}}[{lexicon.characters('quoted-place-ends')}])[”\"]"
)


@on_one_line(gazetteer)
def find_brand_companies(text: str) -> list[Candidate]:
    """A brand jieba does not know (or knows as a name) before an industry word: 长城汽车."""
    found = []
    for match in _BRAND_COMPANY.finditer(text):
        words = noun_phrase(text, match.start(), window=6, max_words=2, brand=True)
        brand = "".join(w.word for w in words)
        known = all(_word_tags().get(w.word, "nz") in _PROPER_OR_UNKNOWN for w in words)
        if words and known and len(brand) >= _MIN_NAME and brand not in gazetteer():
            start = match.start() - len(brand)
            found.append(FINDERS["brand"].candidate(start, match.end(), "ORG"))
    return found


_ROAD_AFTER = "|".join(
    [f"(?<=[{lexicon.characters('road-after-chars')}])"]
    + [f"(?<={word})" for word in lexicon.place_words("road-before")]
)
_ROAD = re.compile(
    f"(?:{_ROAD_AFTER})"
    rf"([{lexicon.HAN_RANGE}]{{2}}(?:{'|'.join(lexicon.place_words('road-ending'))}))"
    r"(?=[、，,。；;\n]|" + "|".join(lexicon.place_words("road-after")) + r"|\d+号|$)"
)
"""A road named with common words, where roads are written: 在胜利路与人民路交叉口."""


@on_one_line(gazetteer)
def find_roads(text: str) -> list[Candidate]:
    """Roads and streets whose names are ordinary words (胜利路, 解放西路, 人民大道)."""
    return [
        FINDERS["road"].candidate(m.start(1), m.end(1), "LOC")
        for m in _ROAD.finditer(text)
        if not m.group(1).startswith(DEICTIC_STARTS) and m.group(1)[:2] not in _NOT_ROADS
    ]


_NOT_ROADS = frozenset(lexicon.place_words("not-road"))
"""Words before 路 that make a way, not a road: 走好路, 蹚出致富路."""
ROAD_ENDINGS = tuple(lexicon.place_words("road-ending"))
_WAY_COMPLEMENTS = tuple(lexicon.characters("way-complements"))


def makes_a_way(text: str, start: int) -> bool:
    """Whether a road's name at ``start`` follows a verb that makes it a way (种出|共富路,
    走上|致富路): a ``not-road`` word, or a verb ending in a ``way-complements`` character."""
    if not start:
        return False
    word_start, word = page_words(text).word_at(start - 1)
    before = text[word_start:start]
    return before in _NOT_ROADS or (
        len(before) >= 2 and before.endswith(_WAY_COMPLEMENTS) and tag_of(before)[:1] == "v"
    )


PLACE_ABBREVIATIONS = lexicon.place_words("abbreviation")
"""One character for a province, city or country: 沪, 浙, 京, 中, 美."""
_ABBREVIATION_CLASS = "".join(PLACE_ABBREVIATIONS)
_ABBREVIATION_PAIR = re.compile(
    f"[{_ABBREVIATION_CLASS}]{{2,3}}"
    f"(?={'|'.join(lexicon.longest_first(lexicon.place_words('pair-after')))})"
)
_ABBREVIATION_ROAD = re.compile(
    f"[{_ABBREVIATION_CLASS}]{{2,3}}(?:{'|'.join(lexicon.longest_first(lexicon.place_words('pair-road')))})"
)
"""A pair of abbreviations and the road, railway or bridge they name: 沪杭高速, 杭甬铁路."""
_NOT_TRAVEL_TAGS = frozenset({"t", "i"})
"""Tags of a verb and an abbreviation that make no travel: 来日 (days to come), 来日方长."""
_AFTER_TRAVEL = re.compile(f"(?<=[{lexicon.characters('travel-verbs')}])[{_ABBREVIATION_CLASS}]")


@on_one_line(gazetteer)
def find_place_abbreviations(text: str) -> list[Candidate]:
    """Places written as one character: each of a pair before a word of relations (沪浙毗邻,
    中美关系: 沪, 浙), a pair with the road it names (沪杭高速, one LOC), or one after a verb of
    travel or stay (访华, 在京举行, 赴沪) that is a word of its own or makes one with the verb,
    not the start of a longer word (在|中国, 来日方长)."""
    words = page_words(text)
    found = [
        FINDERS["abbreviation"].candidate(offset, offset + 1, "LOC")
        for match in _ABBREVIATION_PAIR.finditer(text)
        if words.breaks_at(match.start())
        for offset in range(match.start(), match.end())
    ]
    found += [
        FINDERS["abbreviation-road"].candidate(*match.span(), "LOC")
        for match in _ABBREVIATION_ROAD.finditer(text)
        if words.breaks_at(match.start())
    ]
    for match in _AFTER_TRAVEL.finditer(text):
        offset = match.start()
        word_start, word = words.word_at(offset)
        alone = word_start == offset and len(word) == 1 and words.breaks_at(offset - 1)
        with_verb = word_start == offset - 1 and (
            (len(word) == 2 and tag_of(word) not in _NOT_TRAVEL_TAGS)
            or tag_of(word[2:]).startswith("v")  # 在京|举行, not 来日方长
        )
        if alone or with_verb:
            found.append(FINDERS["abbreviation"].candidate(offset, offset + 1, "LOC"))
    return found


@on_one_line(gazetteer)
def find_numbered_schools(text: str) -> list[Candidate]:
    """A school named by its place and number: 嘉兴一中, 平湖二中, 当湖三小 (not 一中心)."""
    numbers = [m.start() for m in _SCHOOL_NUMBER.finditer(text)]  # where the place must end
    longest = _longest_place()
    starts = sorted({s for n in numbers for s in range(max(0, n - longest), n)})
    return [
        FINDERS["school"].candidate(*m.span(), "ORG")
        for m in matches_at(_numbered_school(), text, starts)
    ]


_SCHOOL_LEVELS = lexicon.characters("school-levels")
"""After a place and a numeral, a school's short name: 嘉兴一中, 平湖二小."""
_SCHOOL_NUMBER = re.compile(f"(?=[{lexicon.NUMERALS}]{{1,2}}[{_SCHOOL_LEVELS}])")


@lru_cache(maxsize=1)
def _longest_place() -> int:
    return max((len(n) for n, label in gazetteer().items() if label == "LOC"), default=0)


@lru_cache(maxsize=1)
def _numbered_school() -> re.Pattern[str]:
    places = (n for n, label in gazetteer().items() if label == "LOC")
    return re.compile(
        f"(?:{lexicon.trie_pattern(places)})[{lexicon.NUMERALS}]{{1,2}}[{_SCHOOL_LEVELS}]"
        f"(?![{lexicon.characters('school-number-stops')}])"
    )


def find_dateline_places(text: str) -> list[Candidate]:
    """The place of a dateline, between the agency and the date of the dispatch (新华社|北京|5月
    24日电, 本报|巴黎|6月29日电, 本报|嘉兴|3月2日讯), split per unit like every place."""
    found = []
    for match in _DATELINE.finditer(text):
        start, end = match.span("place")
        if any(role in match.group("place") for role in GLUED_ROLES):
            continue  # 新华社记者6月1日电: a reporter, no place
        known = _known_places_in_a_row(text, start, end)
        spans = known or [
            (piece.start, piece.end)
            for piece in split_place_chain(text, FINDERS["dateline"].candidate(start, end, "LOC"))
        ]
        found += [FINDERS["dateline"].candidate(s, e, "LOC") for s, e in spans]
    return found


def _known_places_in_a_row(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The gazetteer's places that make up ``text[start:end]`` one after another (浙江|平湖),
    or [] where they do not."""
    spans = []
    while start < end:
        match = _gazetteer_pattern().match(text, start, end)
        if match is None or gazetteer()[match.group()] != "LOC":
            return []
        spans.append(match.span())
        start = match.end()
    return spans


_DATELINE_NUMBER = f"(?:\\d{{1,2}}|[{lexicon.NUMERALS}]{{1,3}})"
_DATELINE = re.compile(
    f"(?:{'|'.join(DATELINE_OPENERS)})(?P<place>[{lexicon.HAN_RANGE}]{{2,8}}?)"
    f"{_DATELINE_NUMBER}月{_DATELINE_NUMBER}日(?:电|讯)"
)


@on_one_line(gazetteer)
def find_quoted_places(text: str) -> list[Candidate]:
    """A short quoted name of a bay, lake or island: "壹号湾"."""
    return [FINDERS["quoted"].candidate(*m.span(1), "LOC") for m in _QUOTED_PLACE.finditer(text)]
