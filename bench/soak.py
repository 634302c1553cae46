"""`python -m bench --soak SECONDS` (or `python -m bench.soak --seconds N`): a soak run, not a
test. Loads rencheng into the bench Neo4j instance, serves the API with uvicorn (as a
deployment would), and runs 16 clients for N seconds over a read mix with some writes
(createAppeal, about one request in 20). It reports the errors (target 0), the p95 of the first
and of the last minute and their ratio (target <= 1.2), and the API's memory (RSS) at the end of
the first minute and at the end (target: growth <= 10%). The appeals it wrote are deleted at
the end.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from app.auth import mint_token
from bench.services import RESULTS, ApiProcess, BenchNeo4j
from core.ids import to_global_id
from core.principal import Role
from core.settings import get_settings
from graph.datasets import clear_database, load_dataset, loaded_dataset
from graph.driver import Query, open_database
from graph.migrations import migrate
from graph.server import Connection

WINDOW = 60.0  # the first and the last minute (shorter runs: a fifth of the run each)

READS = {
    "org_tree": """query($id: ID!) { node(id: $id) { ... on Organization { name
        children(first: 20) { totalCount nodes { name children(first: 20) { nodes { name } } } }
        } } }""",
    "open_appeals": """{ appeals(first: 50, filter: {status: [OPEN, MATCHED]}) {
        totalCount nodes { title statusLabel createdAt raisedBy { name grid { name } } } } }""",
    "district_overview": "{ overview { townCommittees gridBranches cadres chatGroups } }",
    "town_overview": """query($id: ID) { overview(orgId: $id) { communityBranches gridBranches
        cadres } }""",
    "grids": """{ grids(first: 20) { totalCount nodes { name youthCount
        youth(filter: {inDifficulty: true}) { totalCount } } } }""",
}
WRITE = """mutation($y: ID!, $t: String!) {
  createAppeal(input: {youthId: $y, title: $t, category: CARE}) { key } }"""
CLEAN = Query(
    "soak_clean",
    "MATCH (a:Appeal) WHERE a.title STARTS WITH 'soak-' DETACH DELETE a RETURN count(*) AS n",
)
TOWNS = [f"RC-T{n:02d}" for n in range(1, 16)]
YOUTH = Query("soak_youth", "MATCH (y:Youth) RETURN y.id AS id ORDER BY y.id LIMIT 200")


@dataclass
class Sample:
    at: float  # seconds since the start
    op: str
    ms: float
    ok: bool
    detail: str = ""


@dataclass
class Soak:
    samples: list[Sample] = field(default_factory=list)
    rss: list[tuple[float, float]] = field(default_factory=list)  # (at, MB)


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20)[18]


async def _client(
    http: httpx.AsyncClient, token: str, youth: list[str], soak: Soak, t0: float, until: float,
    seed: int,
) -> None:  # fmt: skip
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    n = 0
    while time.monotonic() < until:
        n += 1
        variables: dict[str, Any]
        if rng.random() < 0.05:
            op, query = "write", WRITE
            variables = {"y": to_global_id("Youth", rng.choice(youth)),
                         "t": f"soak-{seed}-{n}"}  # fmt: skip
        else:
            op = rng.choice(list(READS))
            query = READS[op]
            town = to_global_id("Organization", rng.choice(TOWNS))
            variables = {"id": town} if "$id" in query else {}
        started = time.monotonic()
        try:
            response = await http.post(
                "/graphql", json={"query": query, "variables": variables}, headers=headers
            )
            body = response.json()
            ok = response.status_code == 200 and not body.get("errors")
            detail = "" if ok else f"{response.status_code} {str(body.get('errors'))[:200]}"
        except (httpx.HTTPError, ValueError) as exc:
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        ended = time.monotonic()
        soak.samples.append(Sample(started - t0, op, (ended - started) * 1000, ok, detail))


async def _memory(api: ApiProcess, soak: Soak, t0: float, until: float) -> None:
    while time.monotonic() < until:
        rss = api.rss_mb()
        if rss is not None:
            soak.rss.append((time.monotonic() - t0, rss))
        await asyncio.sleep(1.0)  # a sampling period, not a wait for a state


async def _prepare(connection: Connection) -> list[str]:
    settings = get_settings()
    db = open_database(connection, settings)
    try:
        setup = db.for_setup(settings)
        await migrate(setup)
        if await loaded_dataset(db) != ("rencheng", 1, True):
            await clear_database(setup)
            await load_dataset(setup, "rencheng")
        await db.write(CLEAN)
        return [row["id"] for row in await db.read(YOUTH)]
    finally:
        await db.close()


async def _clean(connection: Connection) -> int:
    db = open_database(connection, get_settings())
    try:
        return int((await db.write(CLEAN))[0]["n"])
    finally:
        await db.close()


async def _drive(api: ApiProcess, youth: list[str], seconds: float, clients: int) -> Soak:
    soak = Soak()
    token = mint_token(
        get_settings().model_copy(update={"jwt_secret": api.jwt_secret}),
        account="soak", role=Role.DISTRICT_ADMIN, org_id="RC",
    )  # fmt: skip
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=api.base_url, timeout=30.0, limits=limits) as http:
        t0 = time.monotonic()
        until = t0 + seconds
        await asyncio.gather(
            _memory(api, soak, t0, until),
            *(_client(http, token, youth, soak, t0, until, seed) for seed in range(clients)),
        )
    return soak


def report(soak: Soak, seconds: float, clients: int) -> list[str]:
    window = min(WINDOW, seconds / 5)
    first = [s.ms for s in soak.samples if s.at < window]
    last = [s.ms for s in soak.samples if s.at >= seconds - window]
    errors = [s for s in soak.samples if not s.ok]
    p95_first, p95_last = _p95(first), _p95(last)
    rss_first = next((mb for at, mb in soak.rss if at >= window), None)
    rss_last = soak.rss[-1][1] if soak.rss else None
    lines = [
        f"soak: {clients} clients, {seconds:.0f} s, {len(soak.samples)} requests "
        f"({len(soak.samples) / seconds:.1f}/s), "
        f"{sum(s.op == 'write' for s in soak.samples)} writes",
        f"errors: {len(errors)} (target 0)"
        + (f": {Counter(e.detail[:80] for e in errors).most_common(3)}" if errors else ""),
        f"p95 first {window:.0f} s: {p95_first:.0f} ms, last {window:.0f} s: {p95_last:.0f} ms, "
        f"drift {p95_last / p95_first:.2f}x (target <= 1.2x)",
    ]
    if rss_first and rss_last:
        lines.append(
            f"API memory: {rss_first:.0f} MB after {window:.0f} s, {rss_last:.0f} MB at the end, "
            f"growth {100 * (rss_last / rss_first - 1):+.1f}% (target <= 10%)"
        )
    by_op = sorted({s.op for s in soak.samples})
    for op in by_op:
        values = [s.ms for s in soak.samples if s.op == op]
        lines.append(f"  {op:<18} n={len(values):>6}  p50 {statistics.median(values):6.0f} ms"
                     f"  p95 {_p95(values):6.0f} ms")  # fmt: skip
    return lines


def run(seconds: float, clients: int = 16, out: Path | None = None) -> int:
    settings = get_settings()
    neo4j = BenchNeo4j(settings)
    connection = neo4j.start()
    youth = asyncio.run(_prepare(connection))
    api = ApiProcess(connection, secrets.token_urlsafe(32), RESULTS / "soak-api.log")
    api.start()
    try:
        soak = asyncio.run(_drive(api, youth, seconds, clients))
    finally:
        api.stop()
    removed = asyncio.run(_clean(connection))
    lines = [*report(soak, seconds, clients), f"(removed {removed} soak appeals)"]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    target = out or RESULTS / "soak.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)
    return 0 if not [s for s in soak.samples if not s.ok] else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__)
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    return run(args.seconds, args.clients, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
