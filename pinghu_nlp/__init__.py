"""pinghu_nlp: Chinese local newspaper pages in, tables of people, titles and figures out.

>>> import pinghu_nlp
>>> result = pinghu_nlp.extract(["seeds/000_4761a9b087fadb1d.txt"])
>>> result.mentions.head()
"""

from importlib import import_module

from .link import EntityRegistry
from .pages import PageError
from .pipeline import extract, load

_LAZY = {"evaluate": ".evaluate", "Result": ".tables", "query": ".tables", "render": ".tables"}
"""Names whose modules load pandas: imported when first used, so ``load()`` starts faster."""


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
