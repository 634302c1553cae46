"""A short-lived memo for reads that are costly and asked for often (the district overview, a
caller's scope). An entry lives `ttl` seconds, and dies at once when any process writes to the
graph: this one (Database.generation moves on) or another behind the same broker (the bus's
generation moves on; graph/broker.py says why a write that finished is seen by the next read).
Concurrent misses of one key share a single read."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any

from graph import broker
from graph.driver import Database


@dataclass
class _Entry:
    value: asyncio.Future[Any]
    generation: tuple[int, int]
    at: float


# Who counts hits and misses (the app's metrics): called with the memo's name and whether it hit.
observers: list[Callable[[str, bool], None]] = []


class Memo:
    def __init__(self, ttl: float, size: int = 2048, name: str = "memo") -> None:
        self.name = name
        self.ttl = ttl
        self.size = size
        self.entries: dict[Hashable, _Entry] = {}

    async def get(self, db: Database, key: Hashable, compute: Callable[[], Awaitable[Any]]) -> Any:
        bus = broker.current()
        await bus.sync()  # writes announced by other processes before now count
        generation = (db.generation, bus.generation)
        now = time.monotonic()
        key = (id(db), key)  # one memo serves several databases (the tests have two)
        entry = self.entries.get(key)
        fresh = (
            entry is not None
            and entry.generation == generation
            and now - entry.at < self.ttl
            # a future belongs to its event loop (a second loop, e.g. a server in a thread,
            # must not wait on this one's)
            and entry.value.get_loop() is asyncio.get_running_loop()
            and not (entry.value.done() and entry.value.exception() is not None)
        )
        for observer in observers:
            observer(self.name, fresh)
        if not fresh:
            if len(self.entries) >= self.size:
                self.entries.clear()  # crude, but bounded; the memo refills from hits
            # taken before the read: a write meanwhile voids the entry
            entry = _Entry(asyncio.ensure_future(compute()), generation, now)
            self.entries[key] = entry
        assert entry is not None
        return await asyncio.shield(entry.value)
