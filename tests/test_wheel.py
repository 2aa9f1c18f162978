"""What an install carries and loads: the wheel holds every file read at run time and, installed
outside the checkout, gives the same tables and loads saved pipelines through its entry points;
a cold load leaves pandas for later."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("wheel")
    source = tmp_path / "source"  # a copy: pip builds in the tree and leaves build/ behind
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("pinghu_nlp", "models"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    return next(tmp_path.glob("pinghu_nlp-*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The wheel installed into a folder of its own (the dependencies are this venv's)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, wheel],
        check=True,
        capture_output=True,
    )
    return target


def run_installed(installed: Path, code: str, cwd: Path) -> subprocess.CompletedProcess:
    """Python code run from ``cwd`` (not the checkout), the installed wheel first on the path."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_the_wheel_holds_the_model_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    model_files = {
        f"pinghu_nlp/models/{p.relative_to(ROOT / 'models').as_posix()}"
        for p in (ROOT / "models" / "ner").rglob("*")
        if p.is_file()
    }
    data_files = {
        f"pinghu_nlp/data/{p.relative_to(ROOT / 'pinghu_nlp' / 'data').as_posix()}"
        for p in (ROOT / "pinghu_nlp" / "data").rglob("*")
        if p.is_file()
    }
    assert model_files and model_files <= names
    assert data_files and data_files <= names
    assert "pinghu_nlp/recognise/lac.py" in names
    assert "pinghu_nlp/data/lexicon/holidays.tsv" in data_files  # the folders' files too


def test_installed_wheel_extracts_the_same_tables(installed, tmp_path, seeds_result):
    code = (
        "import sys, pinghu_nlp.cli as cli; print(cli.__file__); "
        f"sys.exit(cli.main(['extract', {str(ROOT / 'seeds')!r}, '--out', 'out', '--quiet']))"
    )
    done = run_installed(installed, code, tmp_path)
    assert done.stdout.startswith(str(installed))  # the wheel's code, not the checkout's
    mentions = pd.read_parquet(tmp_path / "out" / "mentions").sort_values(["doc_id", "start"])
    key = ["doc_id", "start", "end", "text", "label"]
    expected = seeds_result.mentions.sort_values(["doc_id", "start"])[key]
    assert len(mentions) == len(expected) > 500
    assert mentions[key].astype(str).values.tolist() == expected.astype(str).values.tolist()


def test_spacy_loads_a_saved_pipeline_without_importing_the_package(installed, nlp, tmp_path):
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    code = (
        "import sys, spacy; "
        f"nlp = spacy.load({str(saved)!r}); "
        "assert nlp.pipe_names[0] == 'pinghu_articles', nlp.pipe_names; "
        "doc = nlp('本报讯 昨天,市委书记仲旭东主持会议。'); "
        "print(sys.modules['pinghu_nlp'].__file__); "
        "print([(e.text, e.label_) for e in doc.ents])"
    )
    done = run_installed(installed, code, tmp_path)
    where, ents = done.stdout.splitlines()
    assert where.startswith(str(installed))
    assert "('仲旭东', 'PERSON')" in ents and "('市委书记', 'TITLE')" in ents


def test_loading_the_pipeline_leaves_pandas_for_the_tables():
    """``load()`` starts without pandas (~0.7 s of a cold start); ``extract`` brings it in."""
    code = (
        "import sys, pinghu_nlp; pinghu_nlp.load(); assert 'pandas' not in sys.modules; "
        "pinghu_nlp.Result; assert 'pandas' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_public_names_load_when_first_used():
    code = (
        "import sys, pinghu_nlp; assert 'spacy' not in sys.modules; "
        "from pinghu_nlp import extract, EntityRegistry, PageError; assert 'spacy' in sys.modules; "
        "assert callable(pinghu_nlp.evaluate) and 'load' in dir(pinghu_nlp)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_import_leaves_what_only_some_calls_need():
    """``import pinghu_nlp`` brings in neither spaCy (the public names load when first used),
    jieba's tagger (it reads jieba's dictionary at import), cn2an, DuckDB, openpyxl nor pandas;
    tagging a word brings in the tagger, and a figure's value cn2an."""
    code = (
        "import sys, pinghu_nlp; "
        "late = ('spacy', 'jieba.posseg', 'cn2an', 'duckdb', 'openpyxl', 'pandas', 'matplotlib'); "
        "assert not [m for m in late if m in sys.modules], [m for m in late if m in sys.modules]; "
        "from pinghu_nlp.segment import tag_of; assert tag_of('平湖') == 'ns'; "
        "assert 'jieba.posseg' in sys.modules and 'cn2an' not in sys.modules; "
        "from pinghu_nlp.values import parse_number; assert parse_number('三十五') == 35.0; "
        "assert 'cn2an' in sys.modules and 'duckdb' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
