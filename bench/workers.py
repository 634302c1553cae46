"""One API worker against two (issue 11, "Every core"): the reads of the mix on
`youth-matrix serve --workers 1` and `--workers 2`, side by side on the same Neo4j.

Both APIs are started as production starts them (bench/services.py ApiProcess with `workers`):
the `serve` command, which for two workers starts the project's own NATS broker and runs
uvicorn's supervisor (the master) over two worker processes sharing the port. For each read of
bench/workload.py's mix and each concurrency, the same closed-loop generator (bench/runner.py)
drives the sides in turn, in short slices (the order rotating from slice to slice), as the peer
part does (bench/versus.py): machine noise falls on both alike, and the ratios of one run are
what it is about.

The API's CPU is that of its whole process tree, master and workers (a worker's time moves into
its parent's once it is reaped, so the tree's sum is consistent across a slice), without the
broker, which is counted apart (it runs in its own session but is the master's child).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import time
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench.http import LeanClient
from bench.machine import CLOCK_TICKS, NOISY_PERCENT, CpuMeter, cpu_ms, wait_until_quiet
from bench.report import Report
from bench.runner import Call, http_call, run_phase
from bench.services import ApiProcess, read_status_kb
from bench.versus import Tally
from bench.workload import Ids, Operation, build_mix
from graph.server import Connection

WARM_S = 2.0  # per read and side, at the highest concurrency, before any figure
# Each worker is a fresh interpreter that imports the app and builds its schema; on the busy
# 2-core machine two workers once were not ready within 60 s (usually they are in about 10).
START_S = 240.0


# -- the process tree ------------------------------------------------------------------------


def parse_stat(text: str) -> tuple[int, int]:
    """(parent pid, CPU ticks) from the text of /proc/<pid>/stat; the ticks are user + system
    time of the process and of its reaped children (utime, stime, cutime, cstime)."""
    fields = text.rsplit(")", 1)[1].split()  # the command name may hold spaces and parentheses
    return int(fields[1]), sum(int(v) for v in fields[11:15])


def read_processes() -> dict[int, tuple[int, int]]:
    """Every process of the machine: pid -> (parent pid, CPU ticks)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found[int(entry.name)] = parse_stat((entry / "stat").read_text())
            except (OSError, ValueError, IndexError):
                continue  # gone meanwhile
    return found


def tree(root: int, parents: Mapping[int, int], exclude: Collection[int] = ()) -> list[int]:
    """`root` and its descendants (by parent pid), root first, leaving out the excluded
    processes and theirs; empty when `root` is gone."""
    if root not in parents or root in exclude:
        return []
    children: dict[int, list[int]] = defaultdict(list)
    for pid, parent in parents.items():
        children[parent].append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop(0)
        found.append(pid)
        todo += sorted(child for child in children[pid] if child not in exclude)
    return found


def tree_ticks(root: int, exclude: Collection[int] = ()) -> dict[int, int]:
    """CPU ticks of each process of the tree, now."""
    processes = read_processes()
    parents = {pid: parent for pid, (parent, _) in processes.items()}
    return {pid: processes[pid][1] for pid in tree(root, parents, exclude)}


def tree_ms(before: Mapping[int, int], after: Mapping[int, int]) -> float:
    """CPU ms the tree used between two readings of tree_ticks. A process that ended between
    them was reaped by its parent in the tree, which now counts its time: the sums agree."""
    return (sum(after.values()) - sum(before.values())) * 1000 / CLOCK_TICKS


def by_process_ms(before: Mapping[int, int], after: Mapping[int, int]) -> dict[int, float]:
    """Each process's share of tree_ms (a process born between the readings from 0)."""
    return {pid: (ticks - before.get(pid, 0)) * 1000 / CLOCK_TICKS for pid, ticks in after.items()}


# -- the figures -----------------------------------------------------------------------------


@dataclass
class Cell:
    read: str
    concurrency: int
    sides: dict[int, Tally]  # by number of workers
    others_percent: float = 0.0  # CPU other processes used meanwhile (share of all cores)
    load_average: float = math.nan  # the machine's 1-minute load average at the cell's end


def _num(value: float, digits: int = 1) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


def _row(label: str, workers: int, t: Tally) -> str:
    return (
        f"{label:<14} {workers:>7} {t.done + t.sample.errors:>6} {t.sample.errors:>4} "
        f"{_num(t.rps):>7} {_num(t.p(50)):>7} {_num(t.p(95)):>7} {_num(t.p(99)):>7} "
        f"{_num(t.per_request(t.api_ms), 2):>7} {_num(t.per_request(t.neo4j_ms), 2):>8} "
        f"{_num(t.per_request(t.broker_ms), 2):>9}"
    )


def _ratio_line(counts: list[int], sides: Mapping[int, Tally]) -> list[str]:
    base = sides[counts[0]]
    lines = []
    for n in counts[1:]:
        t = sides[n]
        lines.append(
            f"{'':<14} {n}/{counts[0]}: req/s {_num(ratio(t.rps, base.rps), 2)}x, p50 "
            f"{_num(ratio(t.p(50), base.p(50)), 2)}x, p95 {_num(ratio(t.p(95), base.p(95)), 2)}x"
            f", p99 {_num(ratio(t.p(99), base.p(99)), 2)}x, API CPU/request "
            f"{_num(ratio(t.per_request(t.api_ms), base.per_request(base.api_ms)), 2)}x, "
            f"Neo4j CPU/request "
            f"{_num(ratio(t.per_request(t.neo4j_ms), base.per_request(base.neo4j_ms)), 2)}x"
        )
    return lines


def cell_table(
    cells: list[Cell], counts: list[int], scale: int, seconds: float, slice_s: float
) -> list[str]:
    """Per concurrency: each read on each side, the ratios to the first side, and all reads
    together (their requests over their time, as if run one after the other)."""
    lines: list[str] = []
    for concurrency in dict.fromkeys(cell.concurrency for cell in cells):
        at = [c for c in cells if c.concurrency == concurrency]
        loads = [c.load_average for c in at if not math.isnan(c.load_average)]
        load = f"{min(loads):.2f}-{max(loads):.2f}" if loads else "?"
        lines += [
            "",
            f"-- workers, scale {scale}, concurrency {concurrency}: `youth-matrix serve --workers "
            f"N`, interleaved slices of {slice_s:g} s, {seconds:g} s per side; latencies in ms; "
            "CPU in ms per request (API: the master and its workers together; broker: NATS); "
            f"load average (1 min) {load}",
            f"{'read':<14} {'workers':>7} {'reqs':>6} {'errs':>4} {'req/s':>7} {'p50':>7} "
            f"{'p95':>7} {'p99':>7} {'API ms':>7} {'Neo4j ms':>8} {'broker ms':>9}",
        ]
        total = {n: Tally() for n in counts}
        for cell in at:
            for i, n in enumerate(counts):
                lines.append(_row(cell.read if i == 0 else "", n, cell.sides[n]))
                total[n].merge(cell.sides[n])
            lines += _ratio_line(counts, cell.sides)
        if len(at) > 1:
            for i, n in enumerate(counts):
                lines.append(_row("all reads" if i == 0 else "", n, total[n]))
            lines += _ratio_line(counts, total)
        for cell in at:
            for n in counts:
                if cell.sides[n].sample.first_error:
                    lines.append(
                        f"  {n} worker(s) {cell.read}: {cell.sides[n].sample.errors} failed, "
                        f"first: {cell.sides[n].sample.first_error}"
                    )
            if cell.others_percent > NOISY_PERCENT:
                lines.append(
                    f"  WARNING: other processes used {cell.others_percent:.0f}% of the CPU "
                    f"during {cell.read} at c{concurrency}"
                )
    return lines


def memory_line(workers: int, rss_mb: Mapping[str, float], broker_mb: float | None) -> str:
    """A side's peak RSS: each process's (VmHWM), and their sum (shared pages count in each)."""
    total = sum(rss_mb.values())
    parts = " + ".join(f"{name} {mb:.0f}" for name, mb in rss_mb.items())
    line = f"  {workers} worker(s): {total:.0f} MB"
    if len(rss_mb) > 1:
        line += f" ({parts})"
    if broker_mb is not None:
        line += f"; broker {broker_mb:.0f} MB"
    return line


def split_line(workers: int, ms: Mapping[str, float]) -> str:
    """How a side's API CPU fell on its processes over the whole part."""
    total = sum(ms.values())
    if len(ms) == 1:
        return f"  {workers} worker(s): {total / 1000:.1f} s of CPU, one process"
    shares = ", ".join(f"{name} {100 * v / total:.0f}%" for name, v in ms.items() if total)
    return f"  {workers} worker(s): {total / 1000:.1f} s of CPU: {shares}"


# -- the run ---------------------------------------------------------------------------------


@dataclass
class Side:
    """One API: `serve --workers N` and what was measured of it as a whole."""

    workers: int
    api: ApiProcess
    cpu_ms: dict[int, float] = field(default_factory=lambda: defaultdict(float))  # by pid

    @property
    def broker_pid(self) -> int | None:
        broker = self.api.broker
        return broker.pid() if broker is not None else None

    def ticks(self) -> dict[int, int]:
        broker = self.broker_pid
        return tree_ticks(self.api.pid, () if broker is None else (broker,))

    names: dict[int, str] = field(default_factory=dict)  # by pid, as first seen

    def name(self, pid: int) -> str:
        """master (uvicorn's supervisor), worker 1, 2, ... or a helper by its command."""
        if pid not in self.names:
            if self.workers == 1:
                name = "serve" if pid == self.api.pid else f"process {pid}"
            elif pid == self.api.pid:
                name = "master"
            elif "resource_tracker" in _command(pid):
                name = "resource tracker"  # multiprocessing's, started with the workers
            else:
                name = f"worker {sum(n.startswith('worker') for n in self.names.values()) + 1}"
            self.names[pid] = name
        return self.names[pid]

    def rss_mb(self) -> dict[str, float]:
        """Each API process's peak RSS (VmHWM), now."""
        peaks = {self.name(pid): read_status_kb(pid, "VmHWM") for pid in self.ticks()}
        return {name: kb / 1024 for name, kb in peaks.items() if kb is not None}

    def broker_rss_mb(self) -> float | None:
        pid = self.broker_pid
        kb = read_status_kb(pid, "VmHWM") if pid is not None else None
        return None if kb is None else kb / 1024


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _pids(sides: list[Side], neo4j_pid: int | None) -> dict[str, int | None]:
    """Every process of the benchmark, for the share of the CPU the rest of the machine used."""
    pids: dict[str, int | None] = {"Neo4j": neo4j_pid, "bench": os.getpid()}
    for side in sides:
        for pid in side.ticks():
            pids[f"{side.workers}w {side.name(pid)}"] = pid
        pids[f"{side.workers}w broker"] = side.broker_pid
    return pids


async def _measure(
    sides: list[Side],
    mix: list[Operation],
    token: str,
    neo4j_pid: int | None,
    concurrencies: list[int],
    seconds: float,
    slice_s: float,
    max_requests: int,
    quiet_wait: float,
) -> list[Cell]:
    clients = {side.workers: LeanClient(side.api.base_url) for side in sides}
    try:
        calls: dict[int, Call] = {n: http_call(http, token) for n, http in clients.items()}
        # Warm: Neo4j plans each statement on first use, each worker builds its schema lazily;
        # with the highest concurrency every worker gets connections.
        for op in mix:
            for side in sides:
                await run_phase([op], calls[side.workers], max(concurrencies), WARM_S, 100_000)
        cells = []
        for op in mix:
            for concurrency in concurrencies:
                cell = Cell(op.name, concurrency, {side.workers: Tally() for side in sides})
                pids = _pids(sides, neo4j_pid)
                await wait_until_quiet(pids, NOISY_PERCENT, quiet_wait)
                with CpuMeter(pids) as meter:
                    for k in range(max(1, math.ceil(seconds / slice_s))):
                        for side in sides[k % len(sides) :] + sides[: k % len(sides)]:
                            broker = side.broker_pid
                            api0, neo0, bro0 = side.ticks(), cpu_ms(neo4j_pid), cpu_ms(broker)
                            phase = await run_phase(
                                [op], calls[side.workers], concurrency, slice_s, max_requests
                            )
                            api1, neo1, bro1 = side.ticks(), cpu_ms(neo4j_pid), cpu_ms(broker)
                            for pid, ms in by_process_ms(api0, api1).items():
                                side.cpu_ms[pid] += ms
                            cell.sides[side.workers].add(
                                phase,
                                tree_ms(api0, api1),
                                neo1 - neo0,
                                None if broker is None else bro1 - bro0,
                            )
                cell.others_percent = meter.share.others
                cell.load_average = os.getloadavg()[0]
                cells.append(cell)
        return cells
    finally:
        for http in clients.values():
            await http.aclose()


def run_workers(
    connection: Connection,
    neo4j_pid: int | None,
    ids: Ids,
    token: str,
    jwt_secret: str,
    state_dir: Path,
    log_dir: Path,
    scale: int,
    args: argparse.Namespace,
    report: Report,
) -> list[Cell]:
    """Starts `serve --workers N` for each N of args.workers, measures the mix's reads on them
    interleaved, reports, and stops them."""
    counts: list[int] = args.workers
    sides = [
        Side(
            n,
            ApiProcess(
                connection,
                jwt_secret,
                log_dir / f"api-scale{scale}-workers{n}.log",
                workers=n,
                state_dir=state_dir.resolve() / f"bench-api-workers{n}",
            ),
        )
        for n in counts
    ]
    load_before = os.getloadavg()
    try:
        for side in sides:
            started = time.monotonic()
            side.api.start(timeout=START_S)
            report(f"{side.workers} worker(s) ready in {time.monotonic() - started:.0f} s")
        cells = asyncio.run(
            _measure(
                sides, build_mix(ids), token, neo4j_pid, args.concurrency, args.seconds,
                args.slice, args.max_requests, args.quiet_wait,
            )
        )  # fmt: skip
        memory = [memory_line(side.workers, side.rss_mb(), side.broker_rss_mb()) for side in sides]
    finally:
        for side in sides:
            side.api.stop()
    load_after = os.getloadavg()
    report(
        *cell_table(cells, counts, scale, args.seconds, args.slice),
        "",
        "load average (1, 5, 15 min): "
        f"{' '.join(f'{v:.2f}' for v in load_before)} before the workers part, "
        f"{' '.join(f'{v:.2f}' for v in load_after)} after ({os.cpu_count()} cores)",
        "API CPU by process over the whole part:",
        *(
            split_line(side.workers, {side.name(pid): ms for pid, ms in side.cpu_ms.items()})
            for side in sides
        ),
        "peak RSS (VmHWM of each process, summed; pages shared between processes count in each):",
        *memory,
    )
    return cells
