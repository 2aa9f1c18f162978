"""pinghu_nlp: Chinese local newspaper pages in, tables of people, titles and figures out.

>>> import pinghu_nlp
>>> result = pinghu_nlp.extract(["seeds/000_4761a9b087fadb1d.txt"])
>>> result.mentions.head()
"""

from .evaluate import evaluate
from .link import EntityRegistry
from .pages import PageError
from .pipeline import extract, load
from .tables import Result, query, render

__all__ = [
    "EntityRegistry",
    "PageError",
    "Result",
    "evaluate",
    "extract",
    "load",
    "query",
    "render",
]
__version__ = "0.1.0"
