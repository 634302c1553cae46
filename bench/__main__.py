"""`python -m bench`: load rencheng at each scale into the bench Neo4j, serve the API with uvicorn,
drive the mix of reads over HTTP and as raw Cypher, time the feature reads one at a time, compare
the nested reads with the peer (the Neo4j GraphQL Library on Apollo Server), compare one API
worker with two, and report the figures against the targets."""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import secrets
import signal
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from app.auth import mint_token
from bench.features import (
    FeatureIds,
    build_features,
    query_fields,
    run_features,
    sample_feature_ids,
)
from bench.http import LeanClient
from bench.machine import NOISY_PERCENT, CpuMeter, CpuShare, wait_until_quiet
from bench.peer_reads import build_peer_reads
from bench.report import (
    Report,
    ScaleResult,
    feature_table,
    phase_table,
    query_table,
    target_lines,
)
from bench.runner import Call, Phase, Tokens, cypher_call, http_call, run_phase
from bench.services import RESULTS, ApiProcess, BenchNeo4j, PeerProcess
from bench.versus import Cell, cell_table, measure_peer, scale_lines
from bench.versus import target_lines as peer_target_lines
from bench.workers import run_workers
from bench.workload import Cypher, Ids, build_mix, sample_ids
from core.principal import Role
from core.settings import Settings, get_settings
from graph.datasets import clear_database, dataset_counts, load_dataset, loaded_dataset
from graph.driver import Query, open_database
from graph.migrations import migrate
from graph.server import Connection

VERSION = Query("bench_version", "CALL dbms.components() YIELD versions RETURN versions[0] AS v")
APOC_VERSION = Query("bench_apoc", "RETURN apoc.version() AS v")


PARTS = ("mix", "features", "peer", "workers")


def _int_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _parts(text: str) -> list[str]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in parts if part not in PARTS]
    if unknown or not parts:
        raise argparse.ArgumentTypeError(f"parts are among {', '.join(PARTS)}, not {text!r}")
    return parts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0, help="per phase (default 15)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the bench database when it holds the whole dataset at the scale already",
    )
    parser.add_argument("--scales", type=_int_list, default=[1, 10], help="default 1,10")
    parser.add_argument("--concurrency", type=_int_list, default=[1, 16], help="default 1,16")
    parser.add_argument(
        "--max-requests", type=int, default=100_000, help="per phase, whatever the time left"
    )
    parser.add_argument(
        "--parts",
        type=_parts,
        default=list(PARTS),
        help="mix (the mix of reads at each concurrency), features (the feature reads one at a "
        "time), peer (six nested reads on the project, the peer and the floor, "
        "interleaved), workers (the reads of the mix on `serve --workers N` for each N of "
        "--workers, interleaved); default mix,features,peer,workers",
    )
    parser.add_argument(
        "--peer",
        action="store_true",
        help="only the comparison with the peer (the same as --parts peer)",
    )
    parser.add_argument(
        "--slice",
        type=float,
        default=1.0,
        help="peer and workers: the length of one side's turn in the interleaved run, s "
        "(default 1)",
    )
    parser.add_argument(
        "--workers",
        type=_int_list,
        default=[1, 2],
        help="workers: the API's worker counts compared, ratios against the first (default 1,2)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=3,
        help="unmeasured rounds of the mix (default 3)",
    )
    parser.add_argument(
        "--feature-calls",
        type=int,
        default=30,
        help="measured calls per feature read, after as many unmeasured ones (default 30)",
    )
    parser.add_argument(
        "--feature-seconds",
        type=float,
        default=30.0,
        help="at most this long per pass of a feature read, whatever the calls left (default 30)",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=30.0,
        help="before each phase, wait up to this many seconds for other processes to calm down",
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.txt")
    args = parser.parse_args(argv)
    if args.peer:
        args.parts = ["peer"]
    return args


def _progress(step: str, done: int, total: int) -> None:
    # Progress, not a figure of the report: on a terminal only, overwritten in place.
    if sys.stderr.isatty():
        print(f"\r\033[K  loading {step} {done}/{total}", end="", file=sys.stderr, flush=True)


async def prepare(
    connection: Connection,
    settings: Settings,
    scale: int,
    args_parts: list[str],
    report: Report,
    reuse: bool = False,
) -> tuple[ScaleResult, Ids, FeatureIds]:
    """Wipes the bench database, loads rencheng at `scale` (timed) and picks the ids to read."""
    db = open_database(connection, settings)
    try:
        version = (await db.read(VERSION))[0]["v"]
        if "peer" in args_parts:
            # The peer needs APOC: fail here, before loading, when the server lacks it.
            version += f", APOC {(await db.read(APOC_VERSION))[0]['v']}"
        setup = db.for_setup(settings)
        await migrate(setup)
        clear_s = load_s = 0.0
        if reuse and await loaded_dataset(db) == ("rencheng", scale, True):
            counts = await dataset_counts(db)  # the whole dataset is there already (--reuse)
        else:
            t0 = time.perf_counter()
            await clear_database(setup)
            clear_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            counts = await load_dataset(setup, "rencheng", scale=scale, progress=_progress)
            load_s = time.perf_counter() - t0
        if sys.stderr.isatty():
            print(file=sys.stderr)
        cypher = Cypher(db.driver, connection.database)
        ids = await sample_ids(cypher)
        feature_ids = await sample_feature_ids(cypher, ids.center)
    finally:
        await db.close()
    nodes, rels = counts.get("nodes"), counts.get("relationships")
    size = f"{nodes:,} nodes, {rels:,} relationships" if nodes and rels else str(counts)
    report(
        "",
        f"== scale {scale}: rencheng, {size} (Neo4j {version}) ==",
        f"load {load_s:.1f} s (after clearing the database in {clear_s:.1f} s)",
    )
    return ScaleResult(scale, load_s, clear_s, counts), ids, feature_ids


async def measure_mix(
    http: LeanClient,
    pids: dict[str, int | None],
    connection: Connection,
    ids: Ids,
    token: str,
    args: argparse.Namespace,
    result: ScaleResult,
    report: Report,
) -> None:
    mix = build_mix(ids)

    async def timed(call: Call, concurrency: int) -> tuple[Phase, CpuShare]:
        await wait_until_quiet(pids, NOISY_PERCENT, args.quiet_wait)
        with CpuMeter(pids) as meter:
            phase = await run_phase(mix, call, concurrency, args.seconds, args.max_requests)
        return phase, meter.share

    driver = open_database(connection, get_settings()).driver  # as the API's own driver
    try:
        api_call = http_call(http, token)
        cypher = Cypher(driver, connection.database)
        floor_call = cypher_call(cypher)
        # Neo4j plans and caches each query on first use, the API builds its schema lazily:
        # neither belongs in the figures.
        warm = args.warmup * len(mix)
        await run_phase(mix, api_call, 1, math.inf, warm)
        await run_phase(mix, floor_call, 1, math.inf, warm)
        for concurrency in args.concurrency:
            api_phase, api_cpu = await timed(api_call, concurrency)
            cypher.timings.clear()
            floor_phase, floor_cpu = await timed(floor_call, concurrency)
            result.phases.append((api_phase, floor_phase))
            report("", *phase_table(api_phase, floor_phase))
            if concurrency == min(args.concurrency):
                report(*query_table(cypher.timings))
            for side, cpu in (("API", api_cpu), ("floor", floor_cpu)):
                report(f"{side} phase {cpu.describe()}")
                if cpu.others > NOISY_PERCENT:
                    report(
                        f"  WARNING: other processes used {cpu.others:.0f}% of the CPU "
                        "during this phase: its figures are pessimistic"
                    )
    finally:
        await driver.close()


async def measure_features(
    http: LeanClient,
    pids: dict[str, int | None],
    feature_ids: FeatureIds,
    token: str,
    args: argparse.Namespace,
    result: ScaleResult,
    report: Report,
) -> None:
    # Another engineer's fields may not be served yet: those are skipped, not failed.
    fields = await query_fields(http, token)
    if fields is None:
        report("", "the API did not list its Query fields: every feature read is tried")
    result.features = await run_features(
        build_features(feature_ids),
        http_call(http, token),
        fields,
        pids,
        NOISY_PERCENT,
        args.quiet_wait,
        args.feature_calls,
        args.feature_seconds,
    )
    report(
        "",
        *feature_table(result.features, args.feature_calls, args.feature_seconds, NOISY_PERCENT),
    )


async def measure(
    api: ApiProcess,
    peer: PeerProcess | None,
    pids: dict[str, int | None],
    connection: Connection,
    ids: Ids,
    feature_ids: FeatureIds,
    tokens: Tokens,
    args: argparse.Namespace,
    result: ScaleResult,
    report: Report,
) -> list[Cell]:
    token = tokens.district
    cells: list[Cell] = []
    async with LeanClient(api.base_url) as http:
        if "mix" in args.parts:
            await measure_mix(http, pids, connection, ids, token, args, result, report)
        if "features" in args.parts:
            await measure_features(http, pids, feature_ids, token, args, result, report)
        if peer is not None:
            async with LeanClient(peer.base_url) as peer_http:
                cells = await measure_peer(
                    build_peer_reads(ids), http, peer_http, pids, connection, tokens,
                    args.concurrency, args.seconds, args.slice, args.max_requests,
                    args.quiet_wait, RESULTS / f"peer-cypher-scale{result.scale}.txt", report,
                )  # fmt: skip
            report(
                *cell_table(cells, result.scale, args.seconds, args.slice),
                "",
                *peer_target_lines(cells, result.scale),
            )
    return cells


def run(args: argparse.Namespace, report: Report) -> None:
    settings = get_settings()
    neo4j = BenchNeo4j(settings)
    try:
        connection = neo4j.start()
        report(
            f"Youth Matrix benchmark, {datetime.now().isoformat(timespec='seconds')}",
            f"machine: {os.cpu_count()} cores, {platform.platform()}, Python "
            f"{platform.python_version()}; load average {os.getloadavg()[0]:.2f}",
            f"Neo4j: {connection.uri} (instance bench); scales {', '.join(map(str, args.scales))}"
            f"; parts: {', '.join(args.parts)}",
        )
        trips = "trips: Cypher round trips per request (API: extensions.cypherRoundTrips)"
        if "mix" in args.parts:
            report(
                f"mix: phases of {args.seconds:g} s at concurrency "
                f"{', '.join(map(str, args.concurrency))}; a district admin's org tree, grid "
                "detail, open appeals, district and town overview, in turn",
            )
            trips = (
                "trips: Cypher round trips per request (API: extensions.cypherRoundTrips; floor: "
                "its reads); the API memoizes scopes and overviews for 30 s, the floor reads "
                "every time"
            )
        if "features" in args.parts:
            report(
                "features: a district admin's matchResources (OPEN appeals), neighborhood "
                "(grid branches, depth 2), paths (grid branches of different towns, maxLength 4), "
                "partnershipReport (the district, 2021), reach (the district, URGENT) and "
                "visitCoverage (the district, the months of 2021), each alone at concurrency 1",
            )
        if "peer" in args.parts:
            PeerProcess.install()  # npm ci, once, before any figure
            report(
                f"peer: {PeerProcess.versions()}, on the same Neo4j; six nested reads (org tree, "
                "grid detail, open appeals, a youth's page as the district; a town's tree and "
                "its youth as the town's admin) on the project, the peer and the floor, "
                f"interleaved in slices of {args.slice:g} s, {args.seconds:g} s per side at "
                f"concurrency {', '.join(map(str, args.concurrency))}; peer trips: one Cypher "
                "statement per root field",
            )
        if "workers" in args.parts:
            report(
                f"workers: `youth-matrix serve --workers N` for N in "
                f"{', '.join(map(str, args.workers))} (several workers: with the NATS broker "
                "serve starts), on the same Neo4j; each read of the mix alone, the sides "
                f"interleaved in slices of {args.slice:g} s, {args.seconds:g} s per side at "
                f"concurrency {', '.join(map(str, args.concurrency))}",
            )
        report(trips)
        by_scale: dict[int, list[Cell]] = {}
        # The API's JWT secret: chosen here, so that the tokens minted here verify there.
        secret = secrets.token_urlsafe(32)
        for scale in args.scales:
            result, ids, feature_ids = asyncio.run(
                prepare(connection, settings, scale, args.parts, report, args.reuse)
            )
            signing = settings.model_copy(update={"jwt_secret": secret})
            token = mint_token(
                signing, account="bench", role=Role.DISTRICT_ADMIN, org_id=ids.center
            )
            # the peer part reads a town's tree and youth as that town's admin
            town = ids.towns[-1]
            tokens = Tokens(token, {town: mint_token(signing, "bench-town", Role.TOWN_ADMIN, town)})
            if "workers" in args.parts:
                run_workers(
                    connection, neo4j.pid(), ids, token, secret, settings.state_dir, RESULTS,
                    scale, args, report,
                )  # fmt: skip
            if not set(args.parts) - {"workers"}:
                continue  # no other part needs the API under uvicorn
            api = ApiProcess(connection, secret, RESULTS / f"api-scale{scale}.log")
            peer = (
                PeerProcess(connection, RESULTS / f"peer-scale{scale}.log")
                if "peer" in args.parts
                else None
            )
            try:
                api.start()
                result.rss_idle_mb = api.rss_mb()
                pids = {"API": api.pid, "Neo4j": neo4j.pid(), "bench": os.getpid()}
                if peer is not None:
                    peer.start()
                    pids["peer"] = peer.pid
                by_scale[scale] = asyncio.run(
                    measure(
                        api, peer, pids, connection, ids, feature_ids, tokens, args, result, report
                    )
                )
                result.rss_peak_mb = api.peak_rss_mb()
            finally:
                if peer is not None:
                    peer.stop()
                api.stop()
            idle = f"{result.rss_idle_mb:.0f}" if result.rss_idle_mb is not None else "?"
            peak = f"{result.rss_peak_mb:.0f}" if result.rss_peak_mb is not None else "?"
            report(
                "",
                f"API process memory (uvicorn, RSS): {idle} MB when ready, peak {peak} MB",
                *target_lines(result),
            )
        if "peer" in args.parts and (lines := scale_lines(by_scale)):
            report("", *lines)
    finally:
        neo4j.stop()


def _terminate(signum: int, frame: object) -> NoReturn:
    # SIGTERM unwinds like Ctrl-C, so the finally blocks stop uvicorn and Neo4j.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--soak"]:  # `--soak SECONDS [--clients N]`: the soak run (bench/soak.py)
        from bench.soak import main as soak

        return soak(["--seconds", *argv[1:]])
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    report = Report()
    status = 0
    try:
        run(args, report)
    except NotImplementedError as exc:
        report("", f"bench: the dataset loader is not ready yet ({exc})")
        status = 1
    except Exception:
        report("", "bench: the run failed:", traceback.format_exc().rstrip())
        status = 1
    finally:
        report.write(args.out)
        print(f"\nwritten to {args.out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
