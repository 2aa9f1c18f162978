"""Shared fixtures: the seed pages and one extraction over all of them (run once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import pinghu_nlp

settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")  # speed is measured in benchmarks/, never in a test's deadline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_PAGES = sorted(SEEDS.glob("*.txt"))


def read_raw(path: Path) -> str:
    """A page exactly as the library and the scorer read it."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="session")
def nlp():
    return pinghu_nlp.load()


@pytest.fixture(scope="session")
def seeds_result():
    return pinghu_nlp.extract(SEED_PAGES)


@pytest.fixture(scope="session")
def custom_nlp():
    """The pipeline extended as a user would: an entity ruler after the last stage."""
    nlp = pinghu_nlp.load()
    ruler = nlp.add_pipe("entity_ruler", after="pinghu_events")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"TEXT": "体育中心"}]}])
    return nlp


@pytest.fixture(scope="session")
def custom_result(custom_nlp):
    return pinghu_nlp.extract(SEED_PAGES, nlp=custom_nlp)


@pytest.fixture(scope="session")
def raw_pages() -> dict[str, str]:
    return {path.name: read_raw(path) for path in SEED_PAGES}
