"""Linking: one canonical name per person mention, and one entity per person across pages.

In an article, a surname reference (``张书记``, ``老沈``) is the one person of that surname who
holds a title with that head (``王书记``: 镇党委书记王建平, though 镇长王丽 was named after him),
else the last person named before it with that surname; otherwise it stays as written.

Across pages, mentions with the same canonical name and label are one entity (``PERSON:仲旭东``),
with one exception, the clash rule: a name seen only with press roles on a page (记者, 通讯员,
摄影) and the same name holding an office elsewhere (书记, 董事长) are two people
(``PERSON:王强`` and ``PERSON:王强#2``). A page where the name has no title joins the entity of
that name with the most mentions. The registry can be saved and extended by later batches.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from . import lexicon
from .articles import doc_articles
from .extensions import doc_text
from .layout import is_byline_role
from .relate import article_of

_SURNAME_REFERENCES = {"surname", "nickname"}
"""The kinds of PERSON mention that refer to a person named before (``span._.kind``)."""


def canonical_names(doc: Doc) -> dict[tuple[int, int], str]:
    """Canonical name of every entity mention of a page, by its clean-text span.

    A surname + title reference (王书记) is the person of that surname in the article who holds a
    title with that head (镇党委书记王建平, not 镇长王丽), else the last one named before it.
    """
    articles = doc_articles(doc, "the tables")
    text = doc_text(doc)
    names: dict[tuple[int, int], str] = {}
    last_by_surname: dict[tuple[int, str], str] = {}
    titles_held = _titles_held(doc, text)
    for ent in doc.ents:
        name = ent._.ref or "".join(ent.text.split())
        if ent.label_ == "PERSON":
            article = article_of(articles, ent.start_char)
            if ent._.kind in _SURNAME_REFERENCES:
                surname = (
                    name[1]
                    if name[0] in _NICKNAME_PREFIXES and ent._.kind == "nickname"
                    else name[0]
                )
                head = name[1:] if ent._.kind == "surname" else ""  # 老王: no title to match
                holder = _holder_of_head(head, surname, titles_held.get(article, {}))
                name = holder or last_by_surname.get((article, surname), name)
            elif len(name) >= 2:
                last_by_surname[(article, name[0])] = name
        names[(ent.start_char, ent.end_char)] = name
    return names


def _titles_held(doc: Doc, text: str) -> dict[int, dict[str, set[str]]]:
    """Per article, each holder's name and the titles it holds (HOLDS_TITLE, layout spaces out)."""
    held: dict[int, dict[str, set[str]]] = {}
    for relation in doc._.relations or ():
        if relation["relation"] != "HOLDS_TITLE" or relation["tail"] is None:
            continue
        (head_start, head_end), (tail_start, tail_end) = relation["head"], relation["tail"]
        name = "".join(text[head_start:head_end].split())
        title = "".join(text[tail_start:tail_end].split())
        held.setdefault(relation["article"], {}).setdefault(name, set()).add(title)
    return held


def _holder_of_head(head: str, surname: str, held: dict[str, set[str]]) -> str | None:
    """The one holder of that surname whose title ends with ``head`` (书记), if only one does."""
    holders = [
        name
        for name, titles in held.items()
        if name[:1] == surname and len(name) >= 2 and any(t.endswith(head) for t in titles)
    ]
    return holders[0] if head and len(holders) == 1 else None


_NICKNAME_PREFIXES = lexicon.characters("nickname-prefixes")
_PRONOUN = re.compile(
    f"(?<![{lexicon.characters('not-pronoun-before')}])[{lexicon.characters('pronouns')}]"
    f"(?![{lexicon.characters('not-pronoun-after')}])"
)
"""他 and 她 as a person (not 其他, 他们, 他人, 他乡)."""


def pronoun_antecedents(doc: Doc) -> list[tuple[int, int, tuple[int, int]]]:
    """``(start, end, person span)`` for each 他/她 whose article named a person before it."""
    articles = doc_articles(doc, "the tables")
    people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    found = []
    for match in _PRONOUN.finditer(doc_text(doc)):
        if any(s <= match.start() < e for s, e in taken):
            continue
        article = article_of(articles, match.start())
        before = [
            p for p in people if p[1] <= match.start() and article_of(articles, p[0]) == article
        ]
        if before:
            found.append((match.start(), match.end(), before[-1]))
    return found


def entity_key(label: str, name: str, number: int = 1) -> str:
    """The id of an entity: label and canonical name, numbered from the second of a name on."""
    return f"{label}:{name}" if number == 1 else f"{label}:{name}#{number}"


def title_kind(titles: set[str]) -> str:
    """``press`` for byline roles only, ``office`` when any other title, ``""`` for none."""
    if not titles:
        return ""
    return "press" if all(is_byline_role(t) for t in titles) else "office"


@dataclass
class EntityRecord:
    """What the registry knows of one entity across pages."""

    entity_id: str
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    titles: dict[str, list[str | None]] = field(default_factory=dict)  # title -> [first, last]
    n_mentions: int = 0
    docs: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)
    kind: str = ""  # press or office once a title is seen (the clash rule)


class EntityRegistry:
    """Entities across all pages of one or more runs; merge a new batch with :meth:`update`."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}
        self.pages: set[str] = set()  # content hashes of the pages already counted
        self._by_name: dict[tuple[str, str], list[str]] | None = None

    def entity_for(self, label: str, name: str, kind: str = "") -> str:
        """The id of the entity a name belongs to on a page where its titles are of ``kind``."""
        same_name = [self.records[i] for i in self._ids_by_name().get((label, name), [])]
        fitting = [r for r in same_name if r.kind in ("", kind)] if kind else same_name
        if fitting:
            record = max(fitting, key=lambda r: r.n_mentions)
            record.kind = record.kind or kind
            return record.entity_id
        entity_id = entity_key(label, name, len(same_name) + 1)
        self.records[entity_id] = EntityRecord(entity_id, name, label, kind=kind)
        self._ids_by_name().setdefault((label, name), []).append(entity_id)
        return entity_id

    def _ids_by_name(self) -> dict[tuple[str, str], list[str]]:
        """Entity ids by (label, name), built once and kept up to date (a hot path)."""
        if self._by_name is None:  # after load() or update()
            self._by_name = {}
            for record in self.records.values():
                self._by_name.setdefault((record.label, record.name), []).append(record.entity_id)
        return self._by_name

    def add_mention(
        self,
        label: str,
        name: str,
        alias: str,
        doc_id: str,
        article_id: str,
        date: str | None,
        kind: str = "",
    ) -> str:
        """Count one mention and return its entity id (``kind`` as in :meth:`entity_for`)."""
        record = self.records[self.entity_for(label, name, kind)]
        record.aliases.add(alias)
        record.n_mentions += 1
        record.docs.add(doc_id)
        record.articles.add(article_id)
        if date:
            record.dates.append(date)
        return record.entity_id

    def holder_of(self, title: str, date: str | None) -> str | None:
        """Who held ``title`` (normalised) at ``date``: seen with it then, else most mentioned."""
        holders = [r for r in self.records.values() if title in r.titles]
        if date:
            current = [r for r in holders if _seen_around(r.titles[title], date)]
            holders = current or holders
        return max(holders, key=lambda r: r.n_mentions).entity_id if holders else None

    def add_title(self, entity_id: str, title: str, date: str | None) -> None:
        """Record that an entity held a title, seen at ``date`` (ISO) if known."""
        record = self.records[entity_id]
        first, last = record.titles.get(title, [None, None])
        if date:
            first = min(filter(None, [first, date]))
            last = max(filter(None, [last, date]))
        record.titles[title] = [first, last]

    def update(self, other: EntityRegistry) -> EntityRegistry:
        """Merge another registry into this one (same ids merge) and return self."""
        self.pages |= other.pages
        for entity_id, theirs in other.records.items():
            ours = self.records.setdefault(
                entity_id, EntityRecord(entity_id, theirs.name, theirs.label, kind=theirs.kind)
            )
            ours.aliases |= theirs.aliases
            ours.n_mentions += theirs.n_mentions
            ours.docs |= theirs.docs
            ours.articles |= theirs.articles
            ours.dates += theirs.dates
            for title, (first, last) in theirs.titles.items():
                for date in (first, last):
                    self.add_title(entity_id, title, date)
        self._by_name = None
        return self

    def save(self, path: str | Path) -> None:
        """Write the registry as JSON (sets as sorted lists), replacing the file only when done."""
        records = [
            {
                **vars(r),
                "aliases": sorted(r.aliases),
                "docs": sorted(r.docs),
                "articles": sorted(r.articles),
            }
            for r in self.records.values()
        ]
        data = {"pages": sorted(self.pages), "entities": records}
        path = Path(path)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: str | Path) -> EntityRegistry:
        """Read a registry written by :meth:`save`."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        registry = cls()
        registry.pages = set(data["pages"])
        for item in data["entities"]:
            for key in ("aliases", "docs", "articles"):
                item[key] = set(item[key])
            registry.records[item["entity_id"]] = EntityRecord(**item)
        return registry


def _seen_around(first_last: list[str | None], date: str) -> bool:
    """Whether ``date`` lies within the first and last dates a title was seen."""
    first, last = first_last
    return bool(first and last) and first <= date <= last
