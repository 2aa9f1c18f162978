"""The recogniser's word lists, read from ``pinghu_nlp/data/lexicon/*.tsv``.

Each file holds one kind of fact, one fact a row, tab-separated, ``#`` opening a comment line;
``pinghu_nlp/data/lexicon/README.md`` describes the files and their columns. :func:`rows` reads
a file once (cached) and checks every row against the file's schema: a row with the wrong number
of fields, a value outside its column's choices, a word that is not Chinese where one must be, or
the same key twice raises :class:`LexiconError` naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

LEXICON = resources.files("pinghu_nlp") / "data" / "lexicon"
"""The folder of the lexicon's files."""

EMPTY = "-"
"""How a row writes an empty field (a TSV field cannot be left blank by accident)."""
SPACE = "<space>"
"""How a row writes a single space (list glue: 委员李明 张伟)."""

HAN_RANGE = "\u4e00-\u9fff"
"""The CJK Unified Ideographs block, for a regex character class: ``rf"[{HAN_RANGE}]"``."""
HAN = re.compile(f"[{HAN_RANGE}]")
"""One Chinese ideograph."""
NUMERALS = "一二三四五六七八九十"
"""The Chinese numerals of a month or a day (三月, 十二日), for a regex character class."""


def is_han(word: str) -> bool:
    """Whether every character of ``word`` is a Chinese ideograph (True for ``""``)."""
    return all("\u4e00" <= c <= "\u9fff" for c in word)


class LexiconError(ValueError):
    """A lexicon file that does not follow its schema; the message names the file and line."""


@dataclass(frozen=True)
class Column:
    """One column of a lexicon file: its name, and a check of its values."""

    name: str
    check: Callable[[str], bool] = bool
    """True for a valid value (``-`` has been turned into ``""`` before)."""
    meaning: str = "a value"
    """What the check wants, for the error message."""


def _choice(*values: str) -> Column:
    """A check that the value is one of ``values`` (``""`` for an empty field)."""
    allowed = frozenset(values)
    shown = ", ".join(v or EMPTY for v in values)
    return Column("", lambda v: v in allowed, f"one of {shown}")


def _column(name: str, like: Column) -> Column:
    return Column(name, like.check, like.meaning)


_WORD = Column("", lambda v: bool(v) and not v.isspace(), "a word")
_HAN_WORD = Column("", lambda v: bool(v) and is_han(v), "Chinese characters only")
_OPTIONAL_INTEGER = Column(
    "", lambda v: not v or bool(re.fullmatch(r"-?\d+", v)), "an integer or -"
)

_MONTH_DAY = Column(
    "", lambda v: bool(re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", v)), "MM-DD"
)


@dataclass(frozen=True)
class Schema:
    """The columns of a lexicon file; rows are unique by the ``key`` columns."""

    columns: tuple[Column, ...]
    key: tuple[str, ...]
    check: Callable[[dict[str, str]], str | None] = lambda row: None
    """A check of the whole row: what is wrong with it, or None."""


_HOLIDAY_VALUES = {
    "fixed": r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",
    "lunar-new-year": r"-?\d{1,2}",
    "solar-term": r"qingming",
    "nth-weekday": r"(0[1-9]|1[0-2])-[1-5]-[1-7]",
    "lunar": r"",
}


def _check_holiday(rule: str, value: str) -> str | None:
    """What is wrong with a holiday's value for its rule, or None."""
    if re.fullmatch(_HOLIDAY_VALUES[rule], value):
        return None
    return f"value {value or EMPTY!r} does not fit rule {rule}"


SCHEMAS: dict[str, Schema] = {
    "surnames.tsv": Schema(
        (
            _column("surname", _HAN_WORD),
            _column("frequency", _choice("top", "common", "japanese")),
        ),
        ("surname",),
    ),
    "holidays.tsv": Schema(
        (
            _column("name", _HAN_WORD),
            _column("form", _choice("full", "cued", "numeral")),
            _column(
                "rule", _choice("fixed", "lunar-new-year", "solar-term", "nth-weekday", "lunar")
            ),
            Column("value", lambda v: True, "the rule's value"),
            _column("flags", _choice("", "celebrated")),
        ),
        ("name",),
        lambda row: _check_holiday(row["rule"], row["value"]),
    ),
    "holiday_cues.tsv": Schema(
        (_column("cue", _WORD), _column("after", _choice("all", "names"))),
        ("cue",),
    ),
    "date_words.tsv": Schema(
        (
            _column("word", _HAN_WORD),
            _column(
                "kind",
                _choice(
                    "day-part",
                    "week",
                    "shift",
                    "relative-day",
                    "relative-year",
                    "weekday",
                    "day-count",
                    "season-year",
                    "dateline-day",
                    "dateline-time",
                ),
            ),
            _column("offset", _OPTIONAL_INTEGER),
        ),
        ("word", "kind"),
    ),
    "units.tsv": Schema(
        (
            _column("unit", _WORD),
            _column("kind", _choice("currency", "measure")),
            Column("code", lambda v: not v or bool(re.fullmatch(r"[A-Z]{3}", v)), "ISO 4217 or -"),
        ),
        ("unit", "kind"),
    ),
    "collective_titles.tsv": Schema(
        (
            _column("part", _choice("place", "body", "level", "head", "not-after", "before-names")),
            _column("word", _HAN_WORD),
        ),
        ("part", "word"),
    ),
    "title_words.tsv": Schema(
        (
            _column("word", _HAN_WORD),
            _column(
                "kind",
                _choice(
                    "office",
                    "role",
                    "field",
                    "qualifier-end",
                    "not-head-after",
                    "post-end",
                    "tenure",
                ),
            ),
            _column("flags", _choice("", "bare", "seat")),
        ),
        ("word", "kind"),
    ),
    "person_words.tsv": Schema(
        (
            _column("word", _HAN_WORD),
            _column(
                "kind",
                _choice(
                    "follower",
                    "speech-cue",
                    "reference-head",
                    "person-noun",
                    "not-person",
                    "not-role",
                    "doctrine",
                ),
            ),
        ),
        ("word", "kind"),
    ),
    "characters.tsv": Schema(
        (_column("set", _WORD), _column("characters", _WORD)),
        ("set",),
        lambda row: (
            "a character twice" if len(set(row["characters"])) != len(row["characters"]) else None
        ),
    ),
    "divisions.tsv": Schema(
        (
            _column("adcode", Column("", lambda v: bool(re.fullmatch(r"\d{6}", v)), "6 digits")),
            _column("name", _HAN_WORD),
            _column("level", _choice("province", "city", "county")),
            _column("short", _HAN_WORD),
            _column("short-kind", _choice("place", "full-only", "")),
        ),
        ("name",),
    ),
    "countries.tsv": Schema(
        (
            _column("alpha-2", Column("", lambda v: bool(re.fullmatch(r"[A-Z]{2}", v)), "XX")),
            _column("name", _HAN_WORD),
        ),
        ("name",),
    ),
    "endings.tsv": Schema(
        (
            _column("ending", _HAN_WORD),
            _column("label", _choice("LOC", "ORG")),
            _column("flags", _choice("", "residential", "admin", "generic", "company")),
        ),
        ("ending", "label"),
    ),
    "place_words.tsv": Schema(
        (
            _column("word", _HAN_WORD),
            _column(
                "kind",
                _choice(
                    "abbreviation",
                    "body-link",
                    "pair-after",
                    "saying",
                    "descriptive",
                    "common",
                    "industry",
                    "not-road",
                    "country",
                    "generic",
                    "class-place",
                    "class-body",
                    "industry-field",
                    "road-after",
                    "road-before",
                    "doctrine",
                    "congress",
                    "deciding-body",
                    "place-body",
                    "field-verb",
                    "pair-road",
                    "village-unit",
                    "town-unit",
                    "host-unit",
                    "local-prefix",
                    "office",
                    "road-ending",
                    "of-a-person",
                    "honour-level",
                ),
            ),
        ),
        ("word", "kind"),
    ),
    "relation_words.tsv": Schema(
        (
            _column("word", _HAN_WORD),
            _column(
                "kind",
                _choice(
                    "role-verb",
                    "event-noun",
                    "appointed-as",
                    "figure-link",
                    "event-verb-before",
                    "event-verb-after",
                    "event-lead",
                    "event-lead-verb",
                ),
            ),
            _column("relation", _choice("", "CHAIRED", "ATTENDED", "SPOKE_AT")),
        ),
        ("word", "kind"),
        lambda row: (
            None
            if (row["kind"] == "role-verb") == bool(row["relation"])
            else "a role-verb names its relation, no other kind does"
        ),
    ),
    "periods.tsv": Schema(
        (
            _column("period", _HAN_WORD),
            _column("first", _MONTH_DAY),
            _column("last", _MONTH_DAY),
            _column("granularity", _choice("year", "half-year", "part-of-year", "range", "season")),
            _column("flags", _choice("", "alone")),
        ),
        ("period",),
    ),
    "month_parts.tsv": Schema(
        (
            _column("part", _HAN_WORD),
            Column("first", lambda v: v.isdigit() and 1 <= int(v) <= 31, "a day, 1-31"),
            Column(
                "last", lambda v: v == "end" or (v.isdigit() and 1 <= int(v) <= 31), "a day or end"
            ),
        ),
        ("part",),
    ),
    "hedges.tsv": Schema(
        (_column("hedge", _HAN_WORD), _column("position", _choice("before", "after", "sign"))),
        ("hedge",),
    ),
    "list_glue.tsv": Schema(
        (Column("glue", bool, "a word or <space>"), _column("joins", _choice("names", "shared"))),
        ("glue",),
    ),
}
"""Every lexicon file and its columns."""


def read_table(path: Path | Traversable, schema: Schema) -> tuple[dict[str, str], ...]:
    """The rows of a lexicon file as dicts by column name, checked against ``schema``.

    ``-`` stands for an empty field and ``<space>`` for a space. Raises :class:`LexiconError`
    naming the file and line of the first row that breaks the schema.
    """
    names = [c.name for c in schema.columns]
    found: list[dict[str, str]] = []
    keys: dict[tuple[str, ...], int] = {}
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{path}:{number}"
        if len(fields) != len(names):
            raise LexiconError(
                f"{where}: {len(fields)} tab-separated fields, expected {len(names)} "
                f"({', '.join(names)}): {line!r}"
            )
        row = {}
        for column, field in zip(schema.columns, fields, strict=True):
            value = {EMPTY: "", SPACE: " "}.get(field, field)
            if value != field.strip() and field not in (EMPTY, SPACE):
                raise LexiconError(f"{where}: column {column.name} has spaces around {field!r}")
            if not column.check(value):
                raise LexiconError(
                    f"{where}: column {column.name} is {field!r}, expected {column.meaning}"
                )
            row[column.name] = value
        if problem := schema.check(row):
            raise LexiconError(f"{where}: {problem}: {line!r}")
        key = tuple(row[k] for k in schema.key)
        if key in keys:
            raise LexiconError(f"{where}: {'/'.join(key)} again (first on line {keys[key]})")
        keys[key] = number
        found.append(row)
    return tuple(found)


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The checked rows of the lexicon file ``name`` (``"surnames.tsv"``), in file order."""
    if name not in SCHEMAS:
        raise LexiconError(f"no lexicon file {name!r}; known: {', '.join(sorted(SCHEMAS))}")
    return read_table(LEXICON / name, SCHEMAS[name])


def words(name: str, column: str, **where: str) -> tuple[str, ...]:
    """The ``column`` of the rows of ``name`` whose fields equal ``where``, in file order."""
    return tuple(row[column] for row in rows(name) if _matches(row, where))


def _matches(row: dict[str, str], where: dict[str, str]) -> bool:
    return all(row[k] == v for k, v in where.items())


def longest_first(items: Iterable[str]) -> tuple[str, ...]:
    """``items`` longest first, file order among equals (for regex alternations and prefixes)."""
    return tuple(sorted(items, key=len, reverse=True))


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest where several match: the words as a trie
    (高新区|高新技术 → 高新(?:区|技术)), which ``re`` scans far faster than a flat alternation
    of thousands of words."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches)) + ")"
    if ends_here:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def check_all() -> None:
    """Read every lexicon file, raising :class:`LexiconError` at the first bad row."""
    for name in SCHEMAS:
        rows(name)


# The lists the finders use, by what they hold.


@lru_cache(maxsize=1)
def division_names() -> frozenset[str]:
    """China's provinces, cities and counties by full name (安吉县) and by the short forms that
    name them alone (安吉, 大连; not 公安, 独山: see ``divisions.tsv``)."""
    found = set()
    for row in rows("divisions.tsv"):
        found.add(row["name"])
        if row["short-kind"] == "place":
            found.add(row["short"])
    return frozenset(found)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The world's countries and territories by their Chinese names (卢旺达, 伊朗伊斯兰共和国)."""
    return frozenset(words("countries.tsv", "name"))


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """One-character surnames common enough to open a name in a list or a byline."""
    return frozenset(s for s in words("surnames.tsv", "surname") if len(s) == 1)


@lru_cache(maxsize=1)
def top_surnames() -> frozenset[str]:
    """The commonest one-character surnames: the only ones trusted in ``张书记``, ``老沈``."""
    return frozenset(s for s in words("surnames.tsv", "surname", frequency="top") if len(s) == 1)


@lru_cache(maxsize=1)
def compound_surnames() -> frozenset[str]:
    """Two-character Chinese surnames: ``欧阳``, ``诸葛``."""
    chinese = words("surnames.tsv", "surname", frequency="top")
    chinese += words("surnames.tsv", "surname", frequency="common")
    return frozenset(s for s in chinese if len(s) == 2)


@lru_cache(maxsize=1)
def japanese_surnames() -> frozenset[str]:
    """Japanese family names of two or three characters: ``山田``, ``佐佐木``."""
    return frozenset(words("surnames.tsv", "surname", frequency="japanese"))


def characters(name: str) -> str:
    """The characters of the set ``name`` in ``characters.tsv``, in file order."""
    found = words("characters.tsv", "characters", set=name)
    if not found:
        raise LexiconError(f"{LEXICON / 'characters.tsv'}: no character set {name!r}")
    return found[0]


def date_words(kind: str) -> tuple[str, ...]:
    """The date words of one kind (``day-part``, ``shift``…), in file order."""
    return words("date_words.tsv", "word", kind=kind)


def date_offsets(kind: str) -> dict[str, int | None]:
    """Date words of one kind and their offset from the issue (None: relative to the story)."""
    return {
        row["word"]: int(row["offset"]) if row["offset"] else None
        for row in rows("date_words.tsv")
        if row["kind"] == kind
    }


@dataclass(frozen=True)
class Holiday:
    """A holiday's name as written and how its day is found (see the lexicon's README)."""

    name: str
    form: str
    rule: str
    value: str
    celebrated: bool


@lru_cache(maxsize=1)
def holidays() -> dict[str, Holiday]:
    """Every holiday by its name as written (``春节``, ``国庆``, ``八一``)."""
    return {
        row["name"]: Holiday(
            row["name"], row["form"], row["rule"], row["value"], row["flags"] == "celebrated"
        )
        for row in rows("holidays.tsv")
    }


def holiday_names(form: str) -> tuple[str, ...]:
    """Names of the holidays written in one form (``full``, ``cued``, ``numeral``)."""
    return tuple(h.name for h in holidays().values() if h.form == form)


def holiday_cues(numeral: bool = False) -> tuple[str, ...]:
    """Cues after a holiday's short name; ``numeral``: only those a numeral name takes too."""
    return tuple(
        row["cue"] for row in rows("holiday_cues.tsv") if not numeral or row["after"] == "all"
    )


def units(kind: str) -> tuple[str, ...]:
    """Currencies (``currency``) or measure words (``measure``), in file order."""
    return words("units.tsv", "unit", kind=kind)


@lru_cache(maxsize=1)
def currency_codes() -> dict[str, str]:
    """ISO 4217 code of each currency word (``美元`` → USD)."""
    return {
        row["unit"]: row["code"]
        for row in rows("units.tsv")
        if row["kind"] == "currency" and row["code"]
    }


def collective_parts(part: str) -> tuple[str, ...]:
    """The words of one part of a collective title (``place``, ``body``, ``head``…)."""
    return words("collective_titles.tsv", "word", part=part)


def title_words(kind: str, flags: str | None = None) -> tuple[str, ...]:
    """Words of titles of one kind (``office``, ``role``, ``field``…), optionally with a flag."""
    where = {"kind": kind} if flags is None else {"kind": kind, "flags": flags}
    return words("title_words.tsv", "word", **where)


def person_words(kind: str) -> tuple[str, ...]:
    """Words around a person's name of one kind (``follower``, ``speech-cue``…), file order."""
    return words("person_words.tsv", "word", kind=kind)


def endings(label: str, flags: str | None = None) -> tuple[str, ...]:
    """Place (``LOC``) or body (``ORG``) endings, optionally only those with a flag."""
    where = {"label": label} if flags is None else {"label": label, "flags": flags}
    return words("endings.tsv", "ending", **where)


def place_words(kind: str) -> tuple[str, ...]:
    """Words around the names of places and bodies of one kind (``industry``…), file order."""
    return words("place_words.tsv", "word", kind=kind)


def relation_words(kind: str) -> dict[str, str]:
    """Words the relations read of one kind (``role-verb``…), file order, with their relation."""
    return {
        row["word"]: row["relation"] for row in rows("relation_words.tsv") if row["kind"] == kind
    }


@lru_cache(maxsize=1)
def periods() -> dict[str, tuple[tuple[int, int], tuple[int, int], str]]:
    """Named parts of a year: ``(first (month, day), last (month, day), granularity)``."""
    return {
        row["period"]: (
            tuple(map(int, row["first"].split("-"))),
            tuple(map(int, row["last"].split("-"))),
            row["granularity"],
        )
        for row in rows("periods.tsv")
    }


def periods_alone() -> tuple[str, ...]:
    """The named parts of a year that are a date of the issue's year written alone (上半年)."""
    return words("periods.tsv", "period", flags="alone")


@lru_cache(maxsize=1)
def month_parts() -> dict[str, tuple[int, int | None]]:
    """Named parts of a month (``上旬``, ``底``): first and last day (None: the month's last)."""
    return {
        row["part"]: (int(row["first"]), None if row["last"] == "end" else int(row["last"]))
        for row in rows("month_parts.tsv")
    }


def hedges(position: str) -> tuple[str, ...]:
    """Hedges written ``before`` or ``after`` a figure, in the order they are tried."""
    return words("hedges.tsv", "hedge", position=position)


def list_glue(joins: str | None = None) -> tuple[str, ...]:
    """What joins the items of a list: all of it, or only the glue that joins ``names``."""
    where = {} if joins is None else {"joins": joins}
    return words("list_glue.tsv", "glue", **where)
