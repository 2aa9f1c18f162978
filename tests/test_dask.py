"""The Dask engine gives the same tables as the serial path: on a client's 2-worker
LocalCluster, with a custom pipeline shipped to the workers, and with no client at all (a
cluster started for the call, from a script without a ``__main__`` guard)."""

import os
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from conftest import SEED_PAGES, SEEDS

import pinghu_nlp

distributed = pytest.importorskip("dask.distributed")
TABLES = ("mentions", "relations", "articles", "entities")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_dask_engine_equals_the_serial_path(client, seeds_result):
    result = pinghu_nlp.extract([*SEED_PAGES, "/no/such/page.txt"], engine="dask")
    assert len(client.scheduler_info()["workers"]) == 2
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(seeds_result, name))
    assert list(result.errors.reason) == ["no such file"]


def test_dask_workers_run_the_callers_pipeline(client, custom_nlp, custom_result):
    result = pinghu_nlp.extract(SEED_PAGES, nlp=custom_nlp, engine="dask")
    assert (result.mentions.text == "体育中心").sum() == 4  # the entity ruler ran on the workers
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(result, name), getattr(custom_result, name))


UNGUARDED = """
import sys
import pinghu_nlp
from dask.distributed import default_client

result = pinghu_nlp.extract(sorted(pinghu_nlp.pipeline.find_pages([{seeds!r}])), engine="dask")
try:
    default_client()
    print("a client was left behind")
except ValueError:
    pass
result.to_parquet({out!r})
"""


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_no_client_starts_a_cluster_even_without_a_main_guard(how, tmp_path, seeds_result):
    out = tmp_path / "out"
    script = textwrap.dedent(UNGUARDED.format(seeds=str(SEEDS), out=str(out)))
    path = tmp_path / "unguarded.py"
    path.write_text(script, encoding="utf-8")
    command = [sys.executable, str(path)] if how == "file" else [sys.executable, "-"]
    done = subprocess.run(
        command,
        input=None if how == "file" else script,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(SEEDS.parent)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "BrokenProcessPool" not in done.stderr and "left behind" not in done.stdout
    mentions = pd.read_parquet(out / "mentions.parquet")
    key = ["doc_id", "start", "end", "text", "label"]
    assert len(mentions) > 500
    assert mentions[key].astype(str).equals(seeds_result.mentions[key].astype(str))


def test_the_active_client_is_used_and_errors_pass_through(client):
    from pinghu_nlp.pipeline import dask_client

    with pytest.raises(ValueError, match="a page went wrong"), dask_client() as active:
        assert active is client
        raise ValueError("a page went wrong")
