"""The tables' columns and dtypes, and rows typed by them: a pandas DataFrame or an Arrow table.

Every other tables module reads its columns from here; nothing here knows a Doc or the registry.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache

import pandas as pd
import pyarrow as pa

from .events import KINDS
from .recognise import LABELS

MENTION_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "label": pd.CategoricalDtype(LABELS),
    "entity_id": "string",
    "name": "string",
    "source": "string",
    "value": "float64",
    "value_high": "float64",
    "unit": "string",
    "approx": "string",
    "date_start": "datetime64[ns]",
    "date_end": "datetime64[ns]",
    "granularity": "string",
    "title_org": "string",
    "title_role": "string",
    "title_norm": "string",
    "refers_to": "string",
}
ENTITY_COLUMNS = {
    "entity_id": "string",
    "name": "string",
    "label": pd.CategoricalDtype(LABELS),
    "aliases": "object",
    "titles": "object",
    "n_mentions": "Int64",
    "n_articles": "Int64",
    "n_docs": "Int64",
    "first_date": "datetime64[ns]",
    "last_date": "datetime64[ns]",
}
RELATION_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "head_id": "string",
    "head": "string",
    "relation": "category",
    "tail_id": "string",
    "tail": "string",
    "start": "Int64",
    "end": "Int64",
    "date": "datetime64[ns]",
    "evidence": "string",
}
ARTICLE_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "kind": "category",
    "headline": "string",
    "byline": "string",
    "dateline": "string",
    "issue_date": "datetime64[ns]",
    "start": "Int64",
    "end": "Int64",
}
PRONOUN_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "entity_id": "string",
    "name": "string",
}
EVENT_COLUMNS = {
    "doc_id": "string",
    "article_id": "string",
    "kind": pd.CategoricalDtype(KINDS),
    "entity_id": "string",
    "person": "string",
    "title": "string",
    "title_norm": "string",
    "kept_title": "string",
    "body": "string",
    "verb": "string",
    "date": "datetime64[ns]",
    "evidence": "string",
    "start": "Int64",
    "end": "Int64",
}
CAREER_COLUMNS = {
    "entity_id": "string",
    "name": "string",
    "title": "string",
    "start": "datetime64[ns]",
    "start_by": "string",
    "end": "datetime64[ns]",
    "end_by": "string",
    "n_events": "Int64",
    "n_seen": "Int64",
}
ERROR_COLUMNS = {"source": "string", "reason": "string", "severity": "category"}
PAGE_TABLES = {
    "mentions": MENTION_COLUMNS,
    "relations": RELATION_COLUMNS,
    "articles": ARTICLE_COLUMNS,
    "pronouns": PRONOUN_COLUMNS,
    "events": EVENT_COLUMNS,
}
"""The tables whose rows come page by page (entities come from the registry)."""
TITLE_HISTORY_COLUMNS = {
    "title": "string",
    "entity_id": "string",
    "name": "string",
    "first_seen": "datetime64[ns]",
    "last_seen": "datetime64[ns]",
    "n_docs": "Int64",
    "start": "datetime64[ns]",
    "start_by": "string",
    "end": "datetime64[ns]",
    "end_by": "string",
}


def typed_frame(rows: list[dict], columns: dict) -> pd.DataFrame:
    """A DataFrame with exactly these columns, in this order, with these dtypes."""
    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype(columns)


def arrow_table(rows: list[dict], columns: dict) -> pa.Table:
    """Rows as :func:`typed_frame` would type them, as an Arrow table with the schema and pandas
    metadata ``pyarrow.Table.from_pandas(typed_frame(rows, columns), preserve_index=False)``
    gives (so ``pandas.read_parquet`` reads back the same DataFrame)."""
    schema, pandas_metadata = _arrow_schema(tuple(columns.items()))
    arrays, categories = [], {}
    for column, dtype in columns.items():
        values = [row.get(column) for row in rows]
        if dtype == "category" or isinstance(dtype, pd.CategoricalDtype):
            arrays.append(_category_array(values, dtype))
            categories[column] = len(arrays[-1].dictionary)
        else:
            arrays.append(_typed_array(values, dtype, schema.field(column).type))
    metadata = pandas_metadata
    if categories:  # the number of categories of each category column is the page's own
        described = json.loads(pandas_metadata)
        for entry in described["columns"]:
            if entry["name"] in categories:
                entry["metadata"]["num_categories"] = categories[entry["name"]]
                entry["numpy_type"] = str(_indices_type(categories[entry["name"]]))
        metadata = json.dumps(described).encode()
    fields = [
        pa.field(c, a.type) if isinstance(a.type, pa.DictionaryType) else schema.field(c)
        for c, a in zip(columns, arrays, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata={b"pandas": metadata}))


@cache
def _arrow_schema(columns: tuple[tuple[str, object], ...]) -> tuple[pa.Schema, bytes]:
    """The schema and pandas metadata ``from_pandas`` gives a typed frame of these columns."""
    empty = pa.Table.from_pandas(typed_frame([], dict(columns)), preserve_index=False)
    return empty.schema, empty.schema.metadata[b"pandas"]


def _indices_type(categories: int) -> pa.DataType:
    """The integer type pandas gives the codes of a categorical of this many categories."""
    for bits, kind in ((8, pa.int8()), (16, pa.int16()), (32, pa.int32())):
        if categories < 2 ** (bits - 1) - 1:
            return kind
    return pa.int64()


def _category_array(values: list, dtype) -> pa.DictionaryArray:
    """A category column: the dtype's categories, or the sorted values (pandas' ``category``)."""
    if isinstance(dtype, pd.CategoricalDtype):
        categories = list(dtype.categories)
    else:
        categories = sorted({v for v in values if v is not None and v == v})
    code = {c: i for i, c in enumerate(categories)}
    indices = pa.array([code.get(v) for v in values], _indices_type(len(categories)))
    return pa.DictionaryArray.from_arrays(indices, pa.array(categories, pa.large_string()))


def _typed_array(values: list, dtype, kind: pa.DataType) -> pa.Array:
    """A column of ``values`` as ``Series(values).astype(dtype)`` then Arrow would give it."""
    try:
        if kind == pa.timestamp("ns"):
            present = {type(v) for v in values if v is not None}
            if present <= {dt.date}:
                return pa.array(values, pa.date32()).cast(kind)
        else:
            return pa.array(values, kind, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    return pa.array(pd.Series(values, dtype=object).astype(dtype), kind, from_pandas=True)
