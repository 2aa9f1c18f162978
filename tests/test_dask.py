"""The Dask engine gives the same tables as the serial path, on a 2-worker LocalCluster."""

import pandas as pd
import pytest
from conftest import SEED_PAGES

import pinghu_nlp

distributed = pytest.importorskip("dask.distributed")


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
    for name in ("mentions", "relations", "articles", "entities"):
        pd.testing.assert_frame_equal(getattr(result, name), getattr(seeds_result, name))
    assert list(result.errors.reason) == ["no such file"]
