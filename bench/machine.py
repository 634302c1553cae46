"""Who used the CPU during a phase: on a shared 2-core machine, figures taken while other
processes (a test run, another Neo4j) were busy are pessimistic, and the report must say so."""

from __future__ import annotations

import asyncio
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

# Above this share of the CPU used by processes not of the benchmark, a phase is flagged noisy.
NOISY_PERCENT = 10.0


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of all CPUs since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # guest time is already counted in user
    return total - idle, total


def _process_ticks(pid: int) -> int:
    """User + system ticks of a process and its reaped children (0 once it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces
    return sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid: int | None) -> float:
    """CPU time a process has used so far, in ms (NaN without a process): differences give the
    CPU of a request slice, at the clock tick's resolution (10 ms)."""
    if pid is None:
        return math.nan
    return _process_ticks(pid) * 1000 / CLOCK_TICKS


@dataclass
class CpuShare:
    """Shares of the whole machine (all cores = 100 %) over a phase."""

    busy: float = 0.0
    ours: dict[str, float] = field(default_factory=dict)

    @property
    def others(self) -> float:
        return max(0.0, self.busy - sum(self.ours.values()))

    def describe(self) -> str:
        ours = ", ".join(f"{name} {share:.0f}%" for name, share in self.ours.items())
        return f"CPU (share of all cores): busy {self.busy:.0f}%: {ours}, other {self.others:.0f}%"


class CpuMeter:
    """`with CpuMeter(pids) as meter:` ... then `meter.share`: who used the CPU in the block."""

    def __init__(self, pids: dict[str, int | None]) -> None:
        self.pids = {name: pid for name, pid in pids.items() if pid is not None}
        self.share = CpuShare()  # set when the block ends

    def __enter__(self) -> CpuMeter:
        self.start = _machine_ticks()
        self.start_ours = {name: _process_ticks(pid) for name, pid in self.pids.items()}
        return self

    def __exit__(self, *exc: object) -> None:
        busy, total = _machine_ticks()
        elapsed = max(1, total - self.start[1])
        self.share = CpuShare(
            100 * (busy - self.start[0]) / elapsed,
            {
                name: 100 * (_process_ticks(pid) - self.start_ours[name]) / elapsed
                for name, pid in self.pids.items()
            },
        )


async def wait_until_quiet(pids: dict[str, int | None], limit: float, timeout: float) -> float:
    """Waits up to `timeout` s for a 1-s window in which processes not of the benchmark used less
    than `limit` % of the CPU (a test run elsewhere ends); returns their share in the last one."""
    deadline = time.monotonic() + timeout
    while True:
        with CpuMeter(pids) as meter:
            await asyncio.sleep(1.0)
        if meter.share.others < limit or time.monotonic() >= deadline:
            return meter.share.others
