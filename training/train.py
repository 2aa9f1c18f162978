"""Reproduce models/ner in one command: convert the corpora, train, copy the best model.

usage: python training/train.py [--corpora ../shared/corpora]
Needs the spaCy CLI (installed with the package); takes about 10 minutes on one CPU core of the
2-core machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "ner"
KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")
"""What the model needs at load time; the training output's other files are left behind."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    run = [sys.executable, str(ROOT / "training" / "convert.py"), "--corpora", str(args.corpora)]
    subprocess.run(run, check=True, cwd=ROOT)
    output = ROOT / "training" / "output"
    train = [sys.executable, "-m", "spacy", "train", "training/config.cfg", "--output", str(output)]
    subprocess.run(train, check=True, cwd=ROOT)
    best = output / "model-best"
    MODEL.mkdir(parents=True, exist_ok=True)
    for name in KEEP:  # replaced one by one: the model's README.md stays
        target = MODEL / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        source = best / name
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.exists():
            shutil.copy(source, target)
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    print(json.dumps(meta.get("performance", {}), indent=1))


if __name__ == "__main__":
    main()
