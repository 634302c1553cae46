"""Figures and targets, as text: printed as they come and kept in bench/results/latest.txt."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from bench.features import FeatureResult, scale_factor, target_ms
from bench.runner import Phase, Sample

# The targets (at scale 1 on a 2-core machine).
MIX_P95_MS = 50.0  # the mix at concurrency 16
OVERVIEW_MS = 200.0  # p95 of every overview read, at every concurrency
LOAD_S = 60.0  # loading rencheng at scale 1
MEMORY_MB = 300.0  # the API process's peak RSS
TARGET_SCALE = 1
TARGET_CONCURRENCY = 16
OVERVIEWS = ("overview", "overview_town")


@dataclass
class ScaleResult:
    scale: int
    load_s: float
    clear_s: float
    counts: dict[str, int]
    phases: list[tuple[Phase, Phase]] = field(default_factory=list)  # (API, floor) per c
    features: list[FeatureResult] = field(default_factory=list)
    rss_idle_mb: float | None = None
    rss_peak_mb: float | None = None


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), interpolated between the closest ranks; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def merged(phase: Phase) -> Sample:
    """Every operation of a phase together: the mix."""
    mix = Sample()
    for sample in phase.samples.values():
        mix.latencies_ms += sample.latencies_ms
        mix.trips += sample.trips
        mix.errors += sample.errors
        mix.first_error = mix.first_error or sample.first_error
    return mix


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1f}"


def _cells(sample: Sample, elapsed_s: float) -> str:
    lat = sample.latencies_ms
    trips = f"{sum(sample.trips) / len(sample.trips):.1f}" if sample.trips else "-"
    return (
        f"{len(lat) / elapsed_s:>7.1f} {_ms(percentile(lat, 50)):>7} {_ms(percentile(lat, 95)):>7}"
        f" {_ms(percentile(lat, 99)):>7} {trips:>5}"
    )


def phase_table(api: Phase, floor: Phase) -> list[str]:
    head = (
        f"{'operation':<14} {'reqs':>6} {'errs':>5} {'req/s':>7} {'p50':>7} {'p95':>7} "
        f"{'p99':>7} {'trips':>5} | {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'trips':>5}"
    )
    lines = [
        f"-- concurrency {api.concurrency}: API over HTTP ({api.elapsed_s:.1f} s) | "
        f"the same reads as raw Cypher, the floor ({floor.elapsed_s:.1f} s); latencies in ms",
        head,
    ]
    rows = [(name, api.samples[name], floor.samples[name]) for name in api.samples]
    rows.append(("mix", merged(api), merged(floor)))
    for name, a, f in rows:
        lines.append(
            f"{name:<14} {len(a.latencies_ms) + a.errors:>6} {a.errors + f.errors:>5} "
            f"{_cells(a, api.elapsed_s)} | {_cells(f, floor.elapsed_s)}"
        )
    for name, a, f in rows[:-1]:
        for side, sample in (("API", a), ("floor", f)):
            if sample.first_error:
                lines.append(
                    f"  {side} {name}: {sample.errors} failed, first: {sample.first_error}"
                )
    return lines


def query_table(timings: dict[str, list[tuple[float, float]]]) -> list[str]:
    """Each Cypher query of the floor, slowest first: where the time goes."""
    lines = [
        "floor per query: ms at the client (incl. network, driver, unpacking) | in the server",
        f"{'query':<34} {'calls':>6} {'p50':>7} {'p95':>7} | {'p50':>7} {'p95':>7}",
    ]
    rows = []
    for name, pairs in timings.items():
        client, server = [c for c, _ in pairs], [s for _, s in pairs]
        rows.append((percentile(client, 50), name, len(pairs), client, server))
    for _, name, calls, client, server in sorted(rows, reverse=True):
        lines.append(
            f"{name:<34} {calls:>6} {_ms(percentile(client, 50)):>7} "
            f"{_ms(percentile(client, 95)):>7} | {_ms(percentile(server, 50)):>7} "
            f"{_ms(percentile(server, 95)):>7}"
        )
    return lines


def _target(label: str, value: float, unit: str, limit: float, ok: bool = True) -> str:
    shown = f"{value:.1f} {unit}" if not math.isnan(value) else "not measured"
    return f"  {label:<64} {shown:>10}  {'PASS' if ok and value <= limit else 'MISS'}"


def _mix_targets(result: ScaleResult) -> list[str]:
    lines = []
    at = [a for a, _ in result.phases if a.concurrency == TARGET_CONCURRENCY]
    p95 = percentile(merged(at[0]).latencies_ms, 95) if at else math.nan
    label = f"mix p95 at concurrency {TARGET_CONCURRENCY} <= {MIX_P95_MS:.0f} ms"
    lines.append(_target(label, p95, "ms", MIX_P95_MS))
    for side, index in (("API", 0), ("uncached: floor", 1)):
        worst, name, concurrency = max(
            (
                (percentile(pair[index].samples[op].latencies_ms, 95), op, pair[0].concurrency)
                for pair in result.phases
                for op in OVERVIEWS
            ),
            # No figure (every request failed) is the worst.
            key=lambda entry: math.inf if math.isnan(entry[0]) else entry[0],
            default=(math.nan, "-", 0),
        )
        label = f"overview p95 <= {OVERVIEW_MS:.0f} ms, {side} (worst: {name}, c{concurrency})"
        lines.append(_target(label, worst, "ms", OVERVIEW_MS))
    return lines


def _feature_targets(result: ScaleResult) -> list[str]:
    factor = scale_factor(result.scale)
    if factor is None:
        head = (
            f"feature targets (set for scale {TARGET_SCALE}, and 3x for scale 10; shown against "
            f"the scale-{TARGET_SCALE} ones for reference):"
        )
    elif factor == 1:
        head = "feature targets (p95 at concurrency 1, and no errors):"
    else:
        head = (
            f"feature targets at scale {result.scale}: {factor:g}x the scale-{TARGET_SCALE} "
            "targets (p95 at concurrency 1, and no errors):"
        )
    lines = [head]
    for entry in result.features:
        name, limit = entry.feature.operation.name, target_ms(entry.feature, result.scale)
        if entry.sample is None:
            lines.append(f"  {name:<64} {'':>10}  SKIPPED (not in the schema)")
            continue
        label = f"{name} p95 <= {limit:.0f} ms"
        if limit != entry.feature.target_ms:
            label += f" (scale {TARGET_SCALE}: {entry.feature.target_ms:.0f} ms)"
        if entry.sample.errors:
            label += f", {entry.sample.errors} failed"
        p95 = percentile(entry.sample.latencies_ms, 95)
        lines.append(_target(label, p95, "ms", limit, ok=not entry.sample.errors))
    return lines


def target_lines(result: ScaleResult) -> list[str]:
    if result.scale == TARGET_SCALE:
        lines = ["targets:"]
    else:
        lines = [f"targets (set for scale {TARGET_SCALE}; shown for reference):"]
    if result.phases:
        lines += _mix_targets(result)
    lines.append(_target(f"load rencheng <= {LOAD_S:.0f} s", result.load_s, "s", LOAD_S))
    peak = result.rss_peak_mb if result.rss_peak_mb is not None else math.nan
    lines.append(_target(f"API memory (peak RSS) <= {MEMORY_MB:.0f} MB", peak, "MB", MEMORY_MB))
    if result.features:
        lines += _feature_targets(result)
    return lines


def feature_table(
    results: list[FeatureResult], calls: int, seconds: float, noisy: float
) -> list[str]:
    lines = [
        f"-- feature reads, one at a time at concurrency 1 through the API over HTTP: up to "
        f"{calls} calls or {seconds:g} s each, after an unmeasured pass over the same calls "
        "(warm: its slowest call); latencies in ms; CPU as shares of all cores",
        f"{'feature':<18} {'calls':>6} {'errs':>5} {'p50':>7} {'p95':>7} {'p99':>7} "
        f"{'trips':>5} {'warm':>7} {'API%':>5} {'Neo4j%':>6} {'other%':>6}",
    ]
    for entry in results:
        name, sample, cpu = entry.feature.operation.name, entry.sample, entry.cpu
        if sample is None:
            lines.append(f"{name:<18} not in the schema (Query.{entry.feature.field}): skipped")
            continue
        lat = sample.latencies_ms
        trips = f"{sum(sample.trips) / len(sample.trips):.1f}" if sample.trips else "-"
        warm = _ms(entry.warmup_max_ms if entry.warmup_max_ms is not None else math.nan)
        shares = (
            f"{cpu.ours.get('API', 0):>5.0f} {cpu.ours.get('Neo4j', 0):>6.0f} {cpu.others:>6.0f}"
            if cpu is not None
            else ""
        )
        lines.append(
            f"{name:<18} {len(lat) + sample.errors:>6} {sample.errors:>5} "
            f"{_ms(percentile(lat, 50)):>7} {_ms(percentile(lat, 95)):>7} "
            f"{_ms(percentile(lat, 99)):>7} {trips:>5} {warm:>7} {shares}"
        )
    for entry in results:
        if entry.sample is not None and entry.sample.first_error:
            lines.append(
                f"  {entry.feature.operation.name}: {entry.sample.errors} failed, first: "
                f"{entry.sample.first_error}"
            )
    noisy_ones = [e.feature.operation.name for e in results if e.cpu and e.cpu.others > noisy]
    if noisy_ones:
        lines.append(
            f"  WARNING: other processes used over {noisy:.0f}% of the CPU during "
            f"{', '.join(noisy_ones)}: those figures are pessimistic"
        )
    return lines


class Report:
    """Prints each line at once (a long run shows progress) and keeps it for the results file."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, *lines: str) -> None:
        for line in lines:
            print(line, flush=True)
            self.lines.append(line)

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
