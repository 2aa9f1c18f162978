"""The statistical NER model (``models/ner``): PERSON, ORG and LOC on characters.

Trained by ``training/train.py`` on public corpora (see ``models/ner/README.md``). The pipeline
asks it where a place or body ending (…园, …局) has no name by the rules, to draw where that name
begins (新诚达智创园, 发改局); its PERSON spans are not used (the rules find names in context
more precisely). Rule spans win every overlap.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from ..segment import page_words, tagged_words
from .candidates import Candidate
from .finders import FINDERS
from .phrases import DEICTIC_STARTS, GENERIC_WORDS, NAME_TAGS, PROPER_TAGS, phrase_start
from .places import DESCRIPTIVE_WORDS, NAME_ENDINGS

_PACKAGED_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner"  # inside the wheel
_REPO_MODEL = Path(__file__).resolve().parents[2] / "models" / "ner"  # an editable checkout
MODEL_DIR = Path(
    os.environ.get("PINGHU_NLP_MODEL", _PACKAGED_MODEL if _PACKAGED_MODEL.exists() else _REPO_MODEL)
)
"""Where the model lives: ``pinghu_nlp/models/ner`` in an installed wheel, ``models/ner`` in the
repository, or ``$PINGHU_NLP_MODEL``."""


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_DIR)) -> Language:
    """The character-level spaCy NER pipeline, loaded once per process."""
    if not Path(path).exists():
        raise FileNotFoundError(
            f"NER model not found at {path}: run `python training/train.py` or set PINGHU_NLP_MODEL"
        )
    return spacy.load(path)


def names_ending_at(text: str, ends: list[int], nlp: Language | None = None) -> list[Candidate]:
    """Model spans (ORG, LOC) that end exactly at one of ``ends``, read from the clause before it.

    ``nlp`` is the NER pipeline (default: :func:`load_model`). The model reads at most
    ``_WINDOW`` characters, from the last break (punctuation, a line end) before the ending, and
    only where :func:`_worth_asking` says a name could pass.
    """
    nlp = nlp or load_model()
    asked = [end for end in sorted(set(ends)) if _worth_asking(text, end)]
    windows = [(phrase_start(text, max(0, end - _WINDOW), end), end) for end in asked]
    found = []
    for (start, end), doc in zip(windows, nlp.pipe(text[s:e] for s, e in windows), strict=True):
        for ent in doc.ents:
            if start + ent.end_char == end and ent.label_ != "PERSON" and _plausible(ent.text):
                found.append(FINDERS["model"].candidate(start + ent.start_char, end, ent.label_))
    return found


def _worth_asking(text: str, end: int) -> bool:
    """Whether a name the model draws before the ending at ``end`` could pass :func:`_plausible`.

    The words between the last break and the ending must hold a proper name or a word jieba
    does not know; three endings in four on the seed pages have none, and the model is not
    run on them.
    """
    ending = next((e for e in NAME_ENDINGS if text.endswith(e, 0, end)), "")
    name_end = end - len(ending)
    start = phrase_start(text, max(0, end - _WINDOW), name_end)
    words = page_words(text).tagged_between(start, name_end) if start < name_end else []
    return any(w.flag in PROPER_TAGS or w.flag == "x" or w.flag in NAME_TAGS for w in words)


def _plausible(text: str) -> bool:
    """Keep a model span only where a second signal agrees; the model only draws its left edge.

    It ends like a place or body (…园, …局, …公司) and its name part holds a proper name or a word
    jieba does not know; alone, the model tags ordinary words of this genre (清廉, 温暖) as names.
    """
    if len(text) < 2 or any(c.isspace() for c in text):
        return False
    ending = next((e for e in NAME_ENDINGS if text.endswith(e)), None)
    if ending is None or len(text) - len(ending) < 2:
        return False  # 纪委, 党委: a one-character name is a kind of body, not a named one
    words = tagged_words(text[: -len(ending)])
    if any(w.word in DESCRIPTIVE_WORDS for w in words):
        return False  # 调研老旧小区: a kind of compound, no name
    if words[0].word in GENERIC_WORDS or words[0].word.startswith(DEICTIC_STARTS):
        return False
    return any(w.flag in PROPER_TAGS or w.flag == "x" or w.flag in NAME_TAGS for w in words)


_WINDOW = 16
"""Characters before an ending the model reads to find where the name begins."""
