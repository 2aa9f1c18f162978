"""Writing a generated lexicon file: its comment header, then one row a line."""

from __future__ import annotations

from pathlib import Path


def write_generated(out: Path, header: list[str], rows: list[str], what: str) -> None:
    """Write ``header`` (comment lines) and ``rows`` to ``out`` and say how many ``what``."""
    out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} {what}")
