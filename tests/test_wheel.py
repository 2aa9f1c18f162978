"""What an install carries and loads: the wheel holds every file read at run time; a cold load
leaves pandas for later."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_holds_the_model_and_the_data(tmp_path):
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
    wheel = next(tmp_path.glob("pinghu_nlp-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    model_files = {
        f"pinghu_nlp/models/{p.relative_to(ROOT / 'models').as_posix()}"
        for p in (ROOT / "models" / "ner").rglob("*")
        if p.is_file()
    }
    data_files = {
        f"pinghu_nlp/data/{p.name}" for p in (ROOT / "pinghu_nlp" / "data").iterdir() if p.is_file()
    }
    assert model_files and model_files <= names
    assert data_files and data_files <= names
    assert "pinghu_nlp/recognise/lac.py" in names


def test_loading_the_pipeline_leaves_pandas_for_the_tables():
    """``load()`` starts without pandas (~0.7 s of a cold start); ``extract`` brings it in."""
    code = (
        "import sys, pinghu_nlp; pinghu_nlp.load(); assert 'pandas' not in sys.modules; "
        "pinghu_nlp.Result; assert 'pandas' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
