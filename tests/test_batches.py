"""Replications in batches of one pool: the same tables, byte for byte, whatever the
batch size, the worker count or the executor (model/experiment/batches.py)."""

from __future__ import annotations

import io
import math

import pytest

from model.config.scenario import load_scenario
from model.errors import UserError
from model.experiment import TABLES, batches, psa, run_scenario, run_scenarios
from tests.conftest import BUNDLED_FILES, SCENARIOS

SHORT = ["simulation.years=0.5", "simulation.warmup_years=0", "simulation.replications=3"]


def _bytes(frame) -> bytes:
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False)
    return buf.getvalue()


@pytest.fixture
def batch(request):
    batches.set_batch(request.param)
    yield request.param
    batches.set_batch(None)


@pytest.mark.parametrize("batch", [2], indirect=True)
def test_every_bundled_scenario_gives_the_same_tables_in_batches_of_one_pool(batch):
    scenarios = [load_scenario(f, SHORT) for f in BUNDLED_FILES]
    pooled = run_scenarios(scenarios, workers=2)
    assert batches.last_pool.batches == math.ceil(3 * len(scenarios) / batch)
    assert batches.last_pool.replications == 3 * len(scenarios)
    for sc, tables in zip(scenarios, pooled):
        alone = run_scenario(sc, workers=1)
        for name in TABLES:
            assert _bytes(tables[name]) == _bytes(alone[name]), (sc.name, name)


@pytest.mark.parametrize("batch", [1, 3], indirect=True)
def test_the_uncertainty_draws_give_the_same_tables_in_batches(batch):
    base = load_scenario(SCENARIOS / "baseline.yaml", SHORT)
    option = load_scenario(SCENARIOS / "six_plus_two.yaml", SHORT)
    serial = psa.run([base, option], 7, 4, 1, workers=1, plausible=None)
    pooled = psa.run([base, option], 7, 4, 1, workers=2, plausible=None)
    for name in (*TABLES, "draws"):
        assert _bytes(serial[name]) == _bytes(pooled[name]), name


def test_the_batch_size_follows_the_work_unless_set():
    # at least TASKS_PER_WORKER batches per worker
    assert batches.batch_size(16, 2, 480) == 2
    # at most MAX_AUTO_BATCH, and at least one
    assert batches.batch_size(10_000, 2, 480) == batches.MAX_AUTO_BATCH
    assert batches.batch_size(3, 2, 480) == 1
    # a batch's tables stay within BATCH_MEMORY_BYTES: 5,000 posts x 30 years
    huge = 5_000 * 30
    assert batches.batch_size(10_000, 2, huge) == max(
        1, int(batches.BATCH_MEMORY_BYTES // (huge * batches.BYTES_PER_POST_YEAR)))
    assert batches.batch_size(10_000, 2, huge) < batches.MAX_AUTO_BATCH
    assert batches.batch_size(16, 2, 480, requested=5) == 5
    for bad in (0, batches.MAX_BATCH + 1):
        with pytest.raises(UserError, match=r"^--batch .*1 to 4096$"):
            batches.set_batch(bad)


def test_batches_keep_the_items_order_and_send_each_text_once():
    items = [("a", "A", 0), ("a", "A", 1), ("b", "B", 0), ("b", "B", 1), ("a", "A", 2)]
    got = batches.batches(items, 2)
    assert got == [({"a": "A"}, [("a", 0), ("a", 1)]),
                   ({"b": "B"}, [("b", 0), ("b", 1)]),
                   ({"a": "A"}, [("a", 2)])]


def test_a_pool_reports_how_busy_its_workers_were():
    sc = load_scenario(SCENARIOS / "baseline.yaml",
                       ["simulation.years=1", "simulation.warmup_years=0",
                        "simulation.replications=8"])
    run_scenario(sc, workers=2)
    stats = batches.last_pool
    assert stats.workers == 2 and stats.replications == 8
    # busy time is measured inside the workers; it cannot exceed their wall time
    assert 0 < stats.busy_share <= 1.0


def test_the_command_lines_batch_changes_no_table_and_a_bad_one_is_one_line(tmp_path, capsys):
    import simulate
    args = ["run", "baseline", "--years", "0.5", "--warmup-years", "0",
            "--replications", "5", "--workers", "2", "--quiet"]
    try:
        assert simulate.main([*args, "--out", str(tmp_path / "a")]) == 0
        assert simulate.main([*args, "--batch", "2", "--out", str(tmp_path / "b")]) == 0
        assert batches.last_pool.batches == 3               # 5 replications, 2 a batch
    finally:
        batches.set_batch(None)
    for name in TABLES:
        assert (tmp_path / "a" / f"{name}.parquet").read_bytes() == \
            (tmp_path / "b" / f"{name}.parquet").read_bytes()
    capsys.readouterr()
    assert simulate.main([*args, "--batch", "5000", "--out", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: --batch 5000: must be a whole number from 1 to 4096"
    assert not (tmp_path / "c").exists()
    assert batches._requested is None
