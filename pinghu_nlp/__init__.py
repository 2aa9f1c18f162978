"""pinghu_nlp: Chinese local newspaper pages in, tables of people, titles and figures out.

>>> import pinghu_nlp
>>> result = pinghu_nlp.extract(["seeds/000_4761a9b087fadb1d.txt"])
>>> result.mentions.head()
"""

from importlib import import_module

_LAZY = {
    "EntityRegistry": ".link",
    "PageError": ".pages",
    "extract": ".pipeline",
    "load": ".pipeline",
    "evaluate": ".evaluate",
    "Result": ".tables",
    "query": ".tables",
    "render": ".tables",
}
"""Every public name, imported from its module when first used (as SPEC 1 lazy loading does):
``import pinghu_nlp`` loads neither spaCy nor pandas; ``load()`` and ``extract()`` do."""


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # evaluate: the function, over the submodule of its name
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
