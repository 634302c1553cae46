"""The workers part of the benchmark without a database: the API's CPU summed over its process
tree, and the tables of one worker against two."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.machine import CLOCK_TICKS
from bench.runner import Phase, Sample
from bench.services import ApiProcess
from bench.workers import (
    Cell,
    Tally,
    cell_table,
    memory_line,
    parse_stat,
    split_line,
    tree,
    tree_ms,
    tree_ticks,
)
from graph.server import Connection


def test_a_stat_line_gives_the_parent_and_all_four_cpu_times() -> None:
    # The command name may hold spaces and parentheses; after it: state, ppid, ..., fields 14-17
    # are utime, stime, cutime, cstime.
    text = "4242 (uvicorn (w) 1) S 4200 4242 4242 0 -1 4194304 10 0 0 0 7 3 11 2 20 0 1 0 9"
    assert parse_stat(text) == (4200, 7 + 3 + 11 + 2)


def test_the_tree_holds_the_descendants_without_the_excluded_ones() -> None:
    # 10: serve's master; 11, 12: its workers; 13: a worker's child; 14: the broker (the master's
    # child, in a session of its own) with a child 15; 20: some other process.
    parents = {1: 0, 10: 1, 11: 10, 12: 10, 13: 12, 14: 10, 15: 14, 20: 1}
    assert tree(10, parents, exclude={14}) == [10, 11, 12, 13]
    assert tree(10, parents) == [10, 11, 12, 14, 13, 15]
    assert tree(12, parents) == [12, 13]
    assert tree(99, parents) == []  # gone


def test_a_reaped_worker_s_time_stays_in_the_tree_through_its_parent() -> None:
    # Before: the master used 5 ticks, a worker 100. The worker uses 20 more and exits; the
    # master reaps it, and its cutime gains the worker's 120.
    before = {10: 5, 11: 100}
    after = {10: 5 + 120}
    assert tree_ms(before, after) == 20 * 1000 / CLOCK_TICKS


BURN = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", '''
import sys, time
while time.process_time() < 0.4:
    pass
print("burnt", flush=True)
time.sleep(60)
'''], stdout=sys.stdout)
time.sleep(60)
"""


def test_the_cpu_of_a_grandchild_counts_for_the_tree_and_not_for_its_root() -> None:
    root = subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE, text=True)
    try:
        before = tree_ticks(root.pid)
        assert root.stdout is not None
        assert root.stdout.readline().strip() == "burnt"
        time.sleep(0.1)
        after = tree_ticks(root.pid)
        assert len(after) == 2 and next(iter(after)) == root.pid  # the root first, then its child
        total = tree_ms(before, after)
        own = (after[root.pid] - before[root.pid]) * 1000 / CLOCK_TICKS
        assert total >= 350  # the grandchild's 0.4 s, at the clock tick's resolution
        assert own < 200  # the root only sleeps once it started its child
    finally:
        for pid in reversed(list(tree_ticks(root.pid))):
            subprocess.run(["kill", str(pid)], check=False)
        root.wait(timeout=10)


def _tally(latencies: list[float], elapsed_s: float, api_ms: float, broker: bool) -> Tally:
    tally = Tally()
    phase = Phase(1, elapsed_s, {"read": Sample(latencies_ms=latencies)})
    tally.add(phase, api_ms, neo4j_ms=len(latencies) * 2.0, broker_ms=1.0 if broker else None)
    return tally


def test_the_table_shows_each_side_and_the_ratio_of_two_workers_to_one() -> None:
    cells = [
        Cell(
            "org_tree",
            16,
            {
                1: _tally([10.0] * 100, 10.0, api_ms=1000.0, broker=False),
                2: _tally([5.0] * 150, 10.0, api_ms=1800.0, broker=True),
            },
            load_average=3.5,
        ),
        Cell(
            "appeals",
            16,
            {
                1: _tally([20.0] * 50, 10.0, api_ms=500.0, broker=False),
                2: _tally([20.0] * 50, 10.0, api_ms=600.0, broker=True),
            },
            load_average=4.25,
        ),
    ]
    lines = cell_table(cells, [1, 2], scale=1, seconds=10, slice_s=1)
    assert "load average (1 min) 3.50-4.25" in lines[1]
    rows = {line.split()[0]: line for line in lines if line.startswith(("org_tree", "appeals"))}
    # org_tree, one worker: 100 requests, 0 errors, 10 req/s, p50/p95/p99 10 ms, API 10 ms per
    # request, Neo4j 2 ms, no broker.
    assert rows["org_tree"].split() == [
        "org_tree", "1", "100", "0", "10.0", "10.0", "10.0", "10.0", "10.00", "2.00", "-",
    ]  # fmt: skip
    two = lines[lines.index(rows["org_tree"]) + 1].split()
    assert two == ["2", "150", "0", "15.0", "5.0", "5.0", "5.0", "12.00", "2.00", "0.01"]
    ratio = lines[lines.index(rows["org_tree"]) + 2]
    assert ratio.split(":", 1)[0].strip() == "2/1"
    assert "req/s 1.50x" in ratio and "p95 0.50x" in ratio and "API CPU/request 1.20x" in ratio
    # All reads: 150 requests in 20 s against 200 in 20 s; API CPU 1500 ms / 150 against
    # 2400 ms / 200.
    total = next(i for i, line in enumerate(lines) if line.startswith("all reads"))
    assert lines[total].split()[2:6] == ["1", "150", "0", "7.5"]
    assert lines[total + 1].split()[:4] == ["2", "200", "0", "10.0"]
    assert "req/s 1.33x" in lines[total + 2] and "API CPU/request 1.20x" in lines[total + 2]


def test_failures_and_a_busy_machine_are_told() -> None:
    failed = Tally()
    failed.add(Phase(1, 1.0, {"read": Sample(errors=3, first_error="HTTP 502: bad")}), 0.0, 0.0)
    cell = Cell(
        "grid_detail", 1, {1: _tally([1.0], 1.0, 1.0, False), 2: failed}, others_percent=40.0
    )
    lines = cell_table([cell], [1, 2], scale=1, seconds=1, slice_s=1)
    assert "  2 worker(s) grid_detail: 3 failed, first: HTTP 502: bad" in lines
    assert any("other processes used 40% of the CPU during grid_detail at c1" in x for x in lines)
    assert not any(line.startswith("all reads") for line in lines)  # one read: no total


def test_memory_and_cpu_split_lines() -> None:
    assert memory_line(1, {"worker 7": 120.4}, None) == "  1 worker(s): 120 MB"
    assert (
        memory_line(2, {"master": 60.0, "worker 8": 118.0, "worker 9": 121.0}, 14.6)
        == "  2 worker(s): 299 MB (master 60 + worker 8 118 + worker 9 121); broker 15 MB"
    )
    assert split_line(1, {"serve": 2500.0}) == "  1 worker(s): 2.5 s of CPU, one process"
    assert (
        split_line(2, {"master": 100.0, "worker 8": 600.0, "worker 9": 300.0})
        == "  2 worker(s): 1.0 s of CPU: master 10%, worker 8 60%, worker 9 30%"
    )


def test_an_api_with_several_workers_has_serve_s_broker_in_its_own_state_folder() -> None:
    connection = Connection("bolt://127.0.0.1:1", "neo4j", "x", "neo4j")
    two = ApiProcess(connection, "s", Path("/tmp/log"), workers=2, state_dir=Path("/tmp/api2"))
    assert two.broker is not None and two.broker.home == Path("/tmp/api2/nats-dev")
    one = ApiProcess(connection, "s", Path("/tmp/log"), workers=1, state_dir=Path("/tmp/api1"))
    assert one.broker is None
    assert ApiProcess(connection, "s", Path("/tmp/log")).broker is None
