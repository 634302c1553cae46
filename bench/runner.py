"""A closed-loop load driver: N workers each send the next read of the mix as soon as their last
one returned, until the time or the request budget is spent."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.http import LeanClient
from bench.workload import Cypher, Operation


@dataclass(frozen=True)
class Outcome:
    trips: int | None = None  # Cypher round trips the request made, when known
    error: str | None = None


@dataclass
class Sample:
    """What one operation did during one phase."""

    latencies_ms: list[float] = field(default_factory=list)  # successful requests only
    trips: list[int] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None


@dataclass
class Phase:
    concurrency: int
    elapsed_s: float
    samples: dict[str, Sample]  # by operation name, in mix order


# The i-th request of the phase; `nth` counts the calls of that operation (to rotate its ids).
Call = Callable[[Operation, int], Awaitable[Outcome]]


async def run_phase(
    mix: Sequence[Operation],
    call: Call,
    concurrency: int,
    seconds: float,
    max_requests: int,
) -> Phase:
    samples = {op.name: Sample() for op in mix}
    counter = itertools.count()
    started = time.perf_counter()
    deadline = started + seconds

    async def worker() -> None:
        while time.perf_counter() < deadline:
            i = next(counter)
            if i >= max_requests:
                return
            op = mix[i % len(mix)]
            sample = samples[op.name]
            t0 = time.perf_counter()
            try:
                outcome = await call(op, i // len(mix))
            except Exception as exc:  # a failed request is a figure, not the end of the run
                outcome = Outcome(error=f"{type(exc).__name__}: {exc}")
            elapsed_ms = (time.perf_counter() - t0) * 1000
            if outcome.error is not None:
                sample.errors += 1
                sample.first_error = sample.first_error or outcome.error[:300]
                continue
            sample.latencies_ms.append(elapsed_ms)
            if outcome.trips is not None:
                sample.trips.append(outcome.trips)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Phase(concurrency, time.perf_counter() - started, samples)


@dataclass(frozen=True)
class Tokens:
    """Bearer tokens: the district admin's, and town admins' for the reads made as one."""

    district: str
    towns: dict[str, str] = field(default_factory=dict)

    def of(self, op: Operation) -> str:
        return self.towns[op.caller] if op.caller else self.district


def http_call(http: LeanClient, tokens: Tokens | str) -> Call:
    """A GraphQL POST; any `errors`, non-200 status or null root field counts as a failure."""
    known = tokens if isinstance(tokens, Tokens) else Tokens(tokens)
    headers = {known.district: {"Authorization": f"Bearer {known.district}"}}
    headers.update({t: {"Authorization": f"Bearer {t}"} for t in known.towns.values()})

    async def call(op: Operation, nth: int) -> Outcome:
        payload = {"query": op.document, "variables": op.variables(nth)}
        response = await http.post("/graphql", json=payload, headers=headers[known.of(op)])
        if response.status_code != 200:
            return Outcome(error=f"HTTP {response.status_code}: {response.text[:200]}")
        body: dict[str, Any] = response.json()
        trips = (body.get("extensions") or {}).get("cypherRoundTrips")
        if body.get("errors"):
            return Outcome(trips, f"errors: {body['errors'][0]}")
        data = body.get("data") or {}
        if not data or any(value is None for value in data.values()):
            return Outcome(trips, f"empty result: {data}")
        return Outcome(trips)

    return call


def cypher_call(cypher: Cypher) -> Call:
    async def call(op: Operation, nth: int) -> Outcome:
        if op.floor is None:
            return Outcome(error=f"{op.name} has no raw Cypher form")
        return Outcome(trips=await op.floor(cypher, nth))

    return call
