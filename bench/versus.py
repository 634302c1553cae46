"""The project against the peer (the Neo4j GraphQL Library) and the raw-Cypher floor, read by read.

For each read of bench/peer_reads.py and each concurrency, the same closed-loop generator
(bench/runner.py) drives the three sides in turn, in short slices (the order rotating from slice
to slice), until each has had its share of the time: noise on a shared machine falls on all three
alike, and the ratios of one run are what the targets are about. Only one side runs at a time, so
the CPU the API process (uvicorn, or node for the peer) and Neo4j use during a slice is that
side's; divided by its requests it is the CPU per request.

Before measuring, every read's answers (every variant of its variables) must be equal on the
project and the peer after bench/peer_reads.py's normalisation: a benchmark of different answers
means nothing, so a mismatch ends the run.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import RoutingControl

from bench.http import LeanClient
from bench.machine import NOISY_PERCENT, CpuMeter, cpu_ms, wait_until_quiet
from bench.peer_reads import PeerRead
from bench.report import Report, percentile
from bench.runner import (
    Call,
    Outcome,
    Phase,
    Sample,
    Tokens,
    cypher_call,
    http_call,
    run_phase,
)
from bench.workload import Cypher, Operation
from core.settings import get_settings
from graph.driver import Query, open_database
from graph.scope import SUBTREE
from graph.server import Connection

SIDES = ("project", "peer", "floor")

# The targets (issue 13), as ratios from one interleaved run.
THROUGHPUT_X = 1.5  # project req/s >= 1.5 x the peer's
NEO4J_CPU_X = 1.1  # project Neo4j CPU per request <= 1.1 x the peer's
FLOOR_P95_X, FLOOR_P95_MS = 1.3, 5.0  # project p95 <= 1.3 x the floor's + 5 ms
SCALE_P95_X = 2.0  # scale-10 p95 <= 2 x scale-1 p95


class PeerMismatch(RuntimeError):
    """The project and the peer answered a read differently: nothing is measured."""


@dataclass
class Tally:
    """One side of one read at one concurrency, over all its slices."""

    sample: Sample = field(default_factory=Sample)
    elapsed_s: float = 0.0
    api_ms: float = 0.0  # CPU of the API: uvicorn (project), node (peer), or a process tree
    neo4j_ms: float = 0.0
    broker_ms: float | None = None  # None: no broker

    def add(
        self, phase: Phase, api_ms: float, neo4j_ms: float, broker_ms: float | None = None
    ) -> None:
        for sample in phase.samples.values():
            self.sample.latencies_ms += sample.latencies_ms
            self.sample.trips += sample.trips
            self.sample.errors += sample.errors
            self.sample.first_error = self.sample.first_error or sample.first_error
        self.elapsed_s += phase.elapsed_s
        self.api_ms += api_ms
        self.neo4j_ms += neo4j_ms
        if broker_ms is not None:
            self.broker_ms = (self.broker_ms or 0.0) + broker_ms

    def merge(self, other: Tally) -> None:
        phase = Phase(0, other.elapsed_s, {"": other.sample})
        self.add(phase, other.api_ms, other.neo4j_ms, other.broker_ms)

    @property
    def done(self) -> int:
        return len(self.sample.latencies_ms)

    @property
    def rps(self) -> float:
        return self.done / self.elapsed_s if self.elapsed_s else math.nan

    def p(self, q: float) -> float:
        return percentile(self.sample.latencies_ms, q)

    def per_request(self, ms: float | None) -> float:
        return ms / self.done if ms is not None and self.done else math.nan

    @property
    def api_per_request(self) -> float:
        return self.per_request(self.api_ms)

    @property
    def neo4j_per_request(self) -> float:
        return self.per_request(self.neo4j_ms)

    @property
    def trips(self) -> float:
        trips = self.sample.trips
        return sum(trips) / len(trips) if trips else math.nan


@dataclass
class Cell:
    read: str
    concurrency: int
    sides: dict[str, Tally] = field(default_factory=lambda: {side: Tally() for side in SIDES})
    others_percent: float = 0.0  # CPU other processes used meanwhile (share of all cores)


# -- calls -----------------------------------------------------------------------------------


def peer_call(http: LeanClient, statements: int) -> Call:
    """A GraphQL POST to the peer; it runs one Cypher statement per root field."""

    async def call(op: Operation, nth: int) -> Outcome:
        response = await http.post("/graphql", json={"query": op.document, **_vars(op, nth)})
        if response.status_code != 200:
            return Outcome(error=f"HTTP {response.status_code}: {response.text[:200]}")
        body: dict[str, Any] = response.json()
        if body.get("errors"):
            return Outcome(statements, f"errors: {body['errors'][0]}")
        return Outcome(statements)

    return call


def _vars(op: Operation, nth: int) -> dict[str, Any]:
    return {"variables": op.variables(nth)}


async def _data(http: LeanClient, op: Operation, nth: int, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post(
        "/graphql", json={"query": op.document, **_vars(op, nth)}, headers=headers
    )
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        side = "project" if token else "peer"
        raise PeerMismatch(
            f"{op.name}: the {side} failed (HTTP {response.status_code}): {response.text[:500]}"
        )
    return body["data"]


async def check_equal(
    reads: Iterable[PeerRead], api: LeanClient, peer: LeanClient, tokens: Tokens
) -> int:
    """Every variant of every read, on both servers: equal after normalisation, or PeerMismatch.
    Returns the number of answers compared."""
    compared = 0
    for read in reads:
        for nth in range(read.variants):
            ours = read.project_shape(await _data(api, read.project, nth, tokens.of(read.project)))
            theirs = read.peer_shape(await _data(peer, read.peer, nth, None))
            if ours != theirs:
                raise PeerMismatch(
                    f"{read.name} (call {nth}, variables {read.project.variables(nth)}): the "
                    f"project and the peer answer differently\n  project: "
                    f"{json.dumps(ours, ensure_ascii=False)[:1500]}\n  peer:    "
                    f"{json.dumps(theirs, ensure_ascii=False)[:1500]}"
                )
            compared += 1
    return compared


# -- PROFILE ---------------------------------------------------------------------------------


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(child) for child in plan.get("children", []))


class ProfiledCypher(Cypher):
    """The floor's reads under PROFILE: each statement's total db hits, by query name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.db_hits: dict[str, int] = {}

    async def read(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        records, summary, _ = await self.driver.execute_query(
            f"PROFILE {query.text}", params, database_=self.database, routing_=RoutingControl.READ
        )
        self.db_hits[query.name] = self.db_hits.get(query.name, 0) + _db_hits(summary.profile or {})
        return [record.data() for record in records]


async def _peer_profile(http: LeanClient, op: Operation) -> list[dict[str, Any]]:
    """The peer's statements for the read, each with its text and total db hits (server.js runs
    them under PROFILE when asked by the header)."""
    response = await http.post(
        "/graphql", json={"query": op.document, **_vars(op, 0)}, headers={"x-bench-profile": "1"}
    )
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise RuntimeError(f"{op.name}: the peer's PROFILE failed: {response.text[:500]}")
    statements: list[dict[str, Any]] = (body.get("extensions") or {}).get("cypher", [])
    # The library asks the server's version once per process: not a statement of the read.
    return [s for s in statements if "dbms.components()" not in s["query"]]


async def profile_statements(
    reads: Iterable[PeerRead], cypher: ProfiledCypher, peer: LeanClient, cypher_log: Path
) -> list[str]:
    """PROFILE of every statement of each read, first call: the project's (run by the floor) and
    the peer's. The peer's statement texts go to `cypher_log`."""
    lines = [
        "PROFILE, first call of each read: total db hits of the project's statements (run by the "
        f"floor) and of the peer's (their text: {cypher_log})"
    ]
    texts = []
    for read in reads:
        cypher.db_hits.clear()
        if read.project.floor is not None:
            await read.project.floor(cypher, 0)
        # a town's subtree is read once per caller and kept (graph/scope.py): not the read's
        scope = cypher.db_hits.pop(SUBTREE.name, None)
        ours = dict(cypher.db_hits)
        theirs = await _peer_profile(peer, read.peer)
        peer_hits = sum(int(s["dbHits"]) for s in theirs)
        lines.append(
            f"  {read.name:<12} project {sum(ours.values()):>9,} db hits in {len(ours)} "
            f"statements | peer {peer_hits:>9,} in {len(theirs)}"
        )
        lines += [f"    project {name:<40} {hits:>10,}" for name, hits in ours.items()]
        if scope is not None:
            lines.append(f"    (and {scope:,} to read the caller's scope, kept for 30 s)")
        texts += [f"-- {read.name}: {s['dbHits']:,} db hits\n{s['query']}\n" for s in theirs]
    cypher_log.parent.mkdir(parents=True, exist_ok=True)
    cypher_log.write_text("\n".join(texts), encoding="utf-8")
    return lines


# -- the interleaved run ---------------------------------------------------------------------


async def measure_peer(
    reads: list[PeerRead],
    api: LeanClient,
    peer: LeanClient,
    pids: dict[str, int | None],
    connection: Connection,
    tokens: Tokens,
    concurrencies: list[int],
    seconds: float,
    slice_s: float,
    max_requests: int,
    quiet_wait: float,
    cypher_log: Path,
    report: Report,
) -> list[Cell]:
    compared = await check_equal(reads, api, peer, tokens)
    report(
        "",
        f"peer check: {compared} answers of {len(reads)} reads equal on the project and the peer "
        "(ids, names, titles, counts; personal fields left out)",
    )
    driver = open_database(connection, get_settings()).driver  # as the API's own driver
    try:
        profiled = ProfiledCypher(driver, connection.database)
        report(*await profile_statements(reads, profiled, peer, cypher_log))
        cypher = Cypher(driver, connection.database)
        calls: dict[str, Call] = {
            "project": http_call(api, tokens),
            "floor": cypher_call(cypher),
        }
        api_pid = {"project": pids.get("API"), "peer": pids.get("peer"), "floor": None}
        neo4j_pid = pids.get("Neo4j")
        cells = []
        for read in reads:
            ops = {"project": read.project, "peer": read.peer, "floor": read.project}
            side_calls = {**calls, "peer": peer_call(peer, read.statements)}
            # Warm: Neo4j plans each statement on first use, node compiles hot code, the API
            # builds its schema lazily; none of that belongs in the figures.
            for side in SIDES:
                await run_phase([ops[side]], side_calls[side], max(concurrencies), 1.0, 10_000)
            for concurrency in concurrencies:
                cell = Cell(read.name, concurrency)
                await wait_until_quiet(pids, NOISY_PERCENT, quiet_wait)
                slices = max(1, math.ceil(seconds / slice_s))
                with CpuMeter(pids) as meter:
                    for k in range(slices):
                        for side in SIDES[k % 3 :] + SIDES[: k % 3]:
                            api0, neo0 = cpu_ms(api_pid[side]), cpu_ms(neo4j_pid)
                            phase = await run_phase(
                                [ops[side]], side_calls[side], concurrency, slice_s, max_requests
                            )
                            cell.sides[side].add(
                                phase, cpu_ms(api_pid[side]) - api0, cpu_ms(neo4j_pid) - neo0
                            )
                cell.others_percent = meter.share.others
                cells.append(cell)
        return cells
    finally:
        await driver.close()


# -- the report ------------------------------------------------------------------------------


def _num(value: float, digits: int = 1) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def _ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


def cell_table(cells: list[Cell], scale: int, seconds: float, slice_s: float) -> list[str]:
    lines: list[str] = []
    for concurrency in dict.fromkeys(cell.concurrency for cell in cells):
        lines += [
            "",
            f"-- project vs peer vs floor, scale {scale}, concurrency {concurrency}: interleaved "
            f"slices of {slice_s:g} s, {seconds:g} s per side; latencies in ms; CPU in ms per "
            "request (API: uvicorn or node)",
            f"{'read':<12} {'side':<8} {'reqs':>6} {'errs':>4} {'req/s':>7} {'p50':>7} "
            f"{'p95':>7} {'p99':>7} {'trips':>5} {'API ms':>7} {'Neo4j ms':>8}",
        ]
        for cell in (c for c in cells if c.concurrency == concurrency):
            for i, side in enumerate(SIDES):
                t = cell.sides[side]
                lines.append(
                    f"{cell.read if i == 0 else '':<12} {side:<8} {t.done + t.sample.errors:>6} "
                    f"{t.sample.errors:>4} {_num(t.rps):>7} {_num(t.p(50)):>7} "
                    f"{_num(t.p(95)):>7} {_num(t.p(99)):>7} {_num(t.trips):>5} "
                    f"{_num(t.api_per_request, 2):>7} {_num(t.neo4j_per_request, 2):>8}"
                )
            ours, peer, floor = (cell.sides[side] for side in SIDES)
            lines.append(
                f"{'':<12} project/peer: req/s {_num(_ratio(ours.rps, peer.rps), 2)}x, API CPU "
                f"{_num(_ratio(ours.api_per_request, peer.api_per_request), 2)}x, Neo4j CPU "
                f"{_num(_ratio(ours.neo4j_per_request, peer.neo4j_per_request), 2)}x, p95 "
                f"{_num(_ratio(ours.p(95), peer.p(95)), 2)}x; project/floor: req/s "
                f"{_num(_ratio(ours.rps, floor.rps), 2)}x, p95 "
                f"{_num(_ratio(ours.p(95), floor.p(95)), 2)}x"
            )
            for side in SIDES:
                if cell.sides[side].sample.first_error:
                    lines.append(
                        f"  {side} {cell.read}: {cell.sides[side].sample.errors} failed, first: "
                        f"{cell.sides[side].sample.first_error}"
                    )
            if cell.others_percent > NOISY_PERCENT:
                lines.append(
                    f"  WARNING: other processes used {cell.others_percent:.0f}% of the CPU "
                    f"during {cell.read} at c{concurrency}"
                )
    return lines


def _line(label: str, shown: str, ok: bool | None) -> str:
    verdict = "n/a" if ok is None else ("PASS" if ok else "MISS")
    return f"  {label:<58} {shown:>22}  {verdict}"


def _check(value: float, limit: float) -> bool | None:
    return None if math.isnan(value) or math.isnan(limit) else value <= limit


def target_lines(cells: list[Cell], scale: int) -> list[str]:
    lines = [f"peer targets at scale {scale} (issue 13; ratios of this run):"]
    for cell in cells:
        ours, peer, floor = (cell.sides[side] for side in SIDES)
        at = f"{cell.read} c{cell.concurrency}:"
        speed = _ratio(ours.rps, peer.rps)
        lines.append(
            _line(
                f"{at} throughput >= {THROUGHPUT_X:g}x peer",
                f"{_num(speed, 2)}x",
                None if math.isnan(speed) else speed >= THROUGHPUT_X,
            )
        )
        api = _ratio(ours.api_per_request, peer.api_per_request)
        lines.append(_line(f"{at} API CPU/request <= peer", f"{_num(api, 2)}x", _check(api, 1.0)))
        neo = _ratio(ours.neo4j_per_request, peer.neo4j_per_request)
        lines.append(
            _line(
                f"{at} Neo4j CPU/request <= {NEO4J_CPU_X:g}x peer",
                f"{_num(neo, 2)}x",
                _check(neo, NEO4J_CPU_X),
            )
        )
        limit = FLOOR_P95_X * floor.p(95) + FLOOR_P95_MS
        lines.append(
            _line(
                f"{at} p95 <= {FLOOR_P95_X:g}x floor + {FLOOR_P95_MS:g} ms",
                f"{_num(ours.p(95))} / {_num(limit)} ms",
                _check(ours.p(95), limit),
            )
        )
    return lines


def scale_lines(by_scale: dict[int, list[Cell]]) -> list[str]:
    """Scale 10 against scale 1, read by read: the project's p95 may at most double."""
    if 1 not in by_scale or 10 not in by_scale:
        return []
    base = {(c.read, c.concurrency): c.sides["project"].p(95) for c in by_scale[1]}
    lines = [f"peer targets across scales: the project's scale-10 p95 <= {SCALE_P95_X:g}x scale 1"]
    for cell in by_scale[10]:
        before = base.get((cell.read, cell.concurrency), math.nan)
        after = cell.sides["project"].p(95)
        lines.append(
            _line(
                f"{cell.read} c{cell.concurrency}: p95 scale 10 <= {SCALE_P95_X:g}x scale 1",
                f"{_num(after)} / {_num(SCALE_P95_X * before)} ms",
                _check(after, SCALE_P95_X * before),
            )
        )
    return lines
