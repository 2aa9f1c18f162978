"""The statistical NER model (``models/ner``): PERSON, ORG and LOC on characters.

Trained by ``training/train.py`` on public corpora (see ``models/ner/README.md``). It proposes
spans the rules do not cover (an unlisted company, a village named once); rule spans win overlaps.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import spacy

from ..articles import COMMON_SURNAMES
from ..segment import tag_of, tagged_words
from .candidates import Candidate
from .phrases import DEICTIC_STARTS, GENERIC_WORDS, NAME_TAGS, PROPER_TAGS
from .places import LOC_ENDINGS, ORG_ENDINGS

_REPO_MODEL = Path(__file__).resolve().parents[2] / "models" / "ner"
MODEL_DIR = Path(os.environ.get("PINGHU_NLP_MODEL", _REPO_MODEL))
"""Where the model lives: ``models/ner`` in the repository, or ``$PINGHU_NLP_MODEL``."""
_MAX_CHARS = 100_000


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_DIR)):
    """The character-level spaCy NER pipeline, loaded once per process."""
    if not Path(path).exists():
        raise FileNotFoundError(
            f"NER model not found at {path}: run `python training/train.py` or set PINGHU_NLP_MODEL"
        )
    return spacy.load(path)


def model_spans(text: str, path: str = str(MODEL_DIR)) -> list[Candidate]:
    """Model entities of a clean text as low-priority candidates."""
    nlp = load_model(path)
    found = []
    for offset in range(0, len(text), _MAX_CHARS):
        doc = nlp(text[offset : offset + _MAX_CHARS])
        for ent in doc.ents:
            if _plausible(ent.text, ent.label_):
                start = offset + ent.start_char
                found.append(Candidate(start, offset + ent.end_char, ent.label_, "model", 10))
    return found


def _plausible(text: str, label: str) -> bool:
    """Keep a model span only where a second signal agrees; the model only draws its edges.

    A person: a surname, two or three characters, and jieba's tagger also reads a name there.
    A place or body: it ends like one (…园, …局, …公司) and its name part is not only common
    words. Alone, the model tags ordinary words of this genre (清廉, 温暖) as names.
    """
    if len(text) < 2 or any(c.isspace() for c in text):
        return False
    if label == "PERSON":
        return len(text) <= 3 and text[0] in COMMON_SURNAMES and tag_of(text) in NAME_TAGS
    ending = next((e for e in _ENDINGS if text.endswith(e)), None)
    if ending is None or len(text) == len(ending):
        return False
    words = tagged_words(text[: -len(ending)])
    if words[0].word in GENERIC_WORDS or words[0].word.startswith(DEICTIC_STARTS):
        return False
    return any(w.flag in PROPER_TAGS or w.flag == "x" or w.flag in NAME_TAGS for w in words)


_ENDINGS = tuple(sorted(set(LOC_ENDINGS) | set(ORG_ENDINGS), key=len, reverse=True))
