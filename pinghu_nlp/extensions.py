"""The attributes the pipeline adds to spaCy's Doc and Span (``doc._.articles``, ``span._.ref``).

Values are plain (str, int, list, dict) so that docs cross process boundaries with ``n_process``.
A stage that needs an attribute no earlier part of the pipeline set raises
:class:`MissingComponentError`, naming the component that sets it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES = {
    "doc_id": None,  # file name of the page, or doc-N for a string
    "raw": "",  # the page exactly as read
    "text": None,  # doc.text, kept: spaCy rebuilds doc.text from its tokens on every access
    "raw_index": None,  # raw offset of each character of doc.text
    "articles": None,  # list of Article.to_dict()
    "issue_date": None,  # ISO date from the masthead
    "relations": None,  # list of relation dicts (relate.py)
    "events": None,  # list of personnel-change dicts (events.py)
    "candidates": None,  # every span a finder proposed (clean offsets, source, priority, kept)
    "offset": 0,  # where doc._.raw starts in the page (a part of a long page, pages.page_parts)
    "article_base": 0,  # articles on the page's earlier parts: this part's numbers go on from it
}
SPAN_ATTRIBUTES = {
    "ref": None,  # canonical form (a name without layout spaces)
    "source": None,  # which finder proposed the span (an audit label: nothing reads it)
    "kind": None,  # what it is beyond its label: office, collective, surname… (Candidate.kind)
}


PIPELINE_ORDER = ("pinghu_articles", "pinghu_entities", "pinghu_relations", "pinghu_events")
"""The components of :func:`pinghu_nlp.load`, in the order each needs the ones before it."""


SET_BY = {
    "raw": "the page tokenizer (pinghu_nlp.PageTokenizer.v1)",
    "raw_index": "the page tokenizer (pinghu_nlp.PageTokenizer.v1)",
    "articles": "the pinghu_articles component",
}
"""Which part of the pipeline sets the attributes the later stages cannot do without."""


class MissingComponentError(ValueError):
    """A stage needs a Doc attribute that no earlier part of the pipeline set."""


def required(doc: Doc, name: str, needed_by: str) -> Any:
    """``doc._.<name>``, or a :class:`MissingComponentError` saying which component sets it."""
    value = getattr(doc._, name)
    if value is None:
        raise MissingComponentError(
            f"{needed_by} needs doc._.{name}, which {SET_BY.get(name, 'an earlier component')} "
            f"sets; it is missing from the pipeline or runs later (pipeline order: "
            f"{', '.join(PIPELINE_ORDER)}; pinghu_nlp.load() builds it)"
        )
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``, read from ``doc._.text`` where the tokenizer kept it (a 6,000-character page
    costs spaCy ~9 ms to rebuild from its tokens)."""
    return doc._.text if doc._.text is not None else doc.text


for _name, _default in DOC_ATTRIBUTES.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name, _default in SPAN_ATTRIBUTES.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
