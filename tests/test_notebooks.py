"""The analyst notebooks run from top to bottom without an error and show what they are for."""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

FOLDER = Path(__file__).resolve().parent.parent / "notebooks"
SHOWS = {
    # notebook: (a rich output it must display, texts its outputs must contain)
    "01_quickstart.ipynb": (
        "text/html",
        ["PERSON:仲旭东", "HOLDS_TITLE", "市委副书记、市长周军波", '<mark class="entity"'],
    ),
    "02_officials.ipynb": ("image/png", ["PERSON:", "副市长"]),
    "03_careers.ipynb": ("image/png", ["邵文斌", "县财政局局长", "APPOINTED", "REMOVED"]),
}


def test_every_notebook_has_its_expectations_here():
    assert sorted(p.name for p in FOLDER.glob("*.ipynb")) == sorted(SHOWS)


@pytest.mark.parametrize("name", sorted(SHOWS), ids=[Path(n).stem for n in sorted(SHOWS)])
def test_notebook_executes_and_shows_its_results(name):
    notebook = nbformat.read(FOLDER / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(FOLDER)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in notebook.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    rich, texts = SHOWS[name]
    assert any(rich in o.get("data", {}) for o in outputs)
    shown = "\n".join(
        str(value) for o in outputs for value in [*o.get("data", {}).values(), o.get("text", "")]
    )
    missing = [text for text in texts if text not in shown]
    assert not missing, f"{name} no longer shows {missing}"
