"""The bus between API processes: live events by topic and cache invalidation on every write.

Two implementations of one small interface:
- `MemoryBus`: one process (no broker configured); events go from publisher to subscribers in
  this process only, and a write voids only this process's caches (which is all there are).
- `NatsBus`: a NATS broker (YM_BROKER_URL, or the project's own, graph/natsd.py) shared by every
  worker and machine. Events travel as JSON; each committed write is announced on one subject,
  and `sync()` makes the announcements of every write that finished before it visible here.

Why `sync()` is exact: a writer publishes its announcement and flushes (the broker has it)
before its response leaves; a reader's flush is a PING whose PONG the broker queues behind every
message routed to it before, so once the flush returns the announcement sits in this process's
pending queue. A memo (graph/cache.py) syncs before it trusts an entry: a write through any
worker is seen by the next read on every other worker, at the cost of one loopback round trip
to the broker (about 0.1 ms), never a Neo4j one.

The process has one current bus (`current()`), installed by the app's lifespan (`connect`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import nats
import neo4j.time
import orjson

log = logging.getLogger("youth_matrix.broker")

INVALIDATE = "ym.invalidate"
EVENTS = "ym.events."
QUEUE_SIZE = 256


# -- payloads: JSON, with the driver's temporal values kept as such ---------------------------
_TEMPORALS: dict[str, Any] = {
    "DateTime": neo4j.time.DateTime,
    "Date": neo4j.time.Date,
    "Time": neo4j.time.Time,
}


def _encode_default(value: Any) -> Any:
    for name, kind in _TEMPORALS.items():
        if isinstance(value, kind):
            return {"$neo4j": name, "iso": value.to_native().isoformat()}
    if isinstance(value, dt.datetime):
        return {"$py": "datetime", "iso": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$py": "date", "iso": value.isoformat()}
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot send a {type(value).__name__} through the broker")


def encode(payload: Any) -> bytes:
    # orjson serialises datetime itself; passing them through `default` keeps their type
    return orjson.dumps(payload, default=_encode_default, option=orjson.OPT_PASSTHROUGH_DATETIME)


def _decode_hook(value: Any) -> Any:
    if isinstance(value, dict):
        if "$neo4j" in value and set(value) == {"$neo4j", "iso"}:
            kind = _TEMPORALS[value["$neo4j"]]
            native: Any
            if kind is neo4j.time.DateTime:
                native = dt.datetime.fromisoformat(value["iso"])
            elif kind is neo4j.time.Date:
                native = dt.date.fromisoformat(value["iso"])
            else:
                native = dt.time.fromisoformat(value["iso"])
            return kind.from_native(native)
        if "$py" in value and set(value) == {"$py", "iso"}:
            if value["$py"] == "datetime":
                return dt.datetime.fromisoformat(value["iso"])
            return dt.date.fromisoformat(value["iso"])
        return {key: _decode_hook(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode_hook(item) for item in value]
    return value


def decode(data: bytes) -> Any:
    return _decode_hook(orjson.loads(data))


def _put(queue: asyncio.Queue[Any], event: Any, topic: str) -> None:
    if queue.full():  # a subscriber that does not keep up loses its oldest event
        queue.get_nowait()
        log.warning("subscriber too slow; dropped an event", extra={"topic": topic})
    queue.put_nowait(event)


class MemoryBus:
    """One process: no broker."""

    kind = "memory"

    def __init__(self) -> None:
        self.generation = 0  # invalidations announced by other processes (none here)
        self.subscribers: dict[str, set[asyncio.Queue[Any]]] = defaultdict(set)

    async def publish(self, topic: str, payload: Any) -> None:
        for queue in list(self.subscribers.get(topic, ())):
            _put(queue, payload, topic)

    @asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[asyncio.Queue[Any]]:
        """A queue that receives the events of `topic` until the block ends."""
        queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.subscribers[topic].add(queue)
        try:
            yield queue
        finally:
            self.subscribers[topic].discard(queue)
            if not self.subscribers[topic]:
                del self.subscribers[topic]

    async def wrote(self) -> None:
        """A write committed here: nobody else to tell."""

    async def sync(self) -> None:
        """Every write that finished before this call is reflected in `generation`."""

    async def close(self) -> None:
        pass


class NatsBus:
    """Several processes through a NATS broker."""

    kind = "nats"

    def __init__(self, client: Any) -> None:
        self.client = client
        self.origin = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.generation = 0
        self.invalidations: Any = None
        self.listener: asyncio.Task[None] | None = None
        self.flushing: asyncio.Future[None] | None = None  # a sync's flush on its way
        self.queued: asyncio.Future[None] | None = None  # the next one, shared by its waiters

    @classmethod
    async def connect(cls, url: str) -> NatsBus:
        async def disconnected() -> None:
            log.warning("broker connection lost; reconnecting", extra={"broker": url})

        client = await nats.connect(
            url,
            name=f"youth-matrix-{os.getpid()}",
            connect_timeout=5,
            max_reconnect_attempts=-1,
            disconnected_cb=disconnected,
        )
        bus = cls(client)
        bus.invalidations = await client.subscribe(INVALIDATE)
        bus.listener = asyncio.create_task(bus._listen())
        return bus

    async def _listen(self) -> None:
        async for message in self.invalidations.messages:
            if message.data.decode() != self.origin:
                self.generation += 1

    async def publish(self, topic: str, payload: Any) -> None:
        await self.client.publish(EVENTS + _subject(topic), encode([topic, payload]))
        await self.client.flush(timeout=5)

    @asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[asyncio.Queue[Any]]:
        queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=QUEUE_SIZE)

        async def deliver(message: Any) -> None:
            sent, payload = decode(message.data)
            if sent == topic:  # two topics may share a subject once sanitised
                _put(queue, payload, topic)

        subscription = await self.client.subscribe(EVENTS + _subject(topic), cb=deliver)
        await self.client.flush(timeout=5)  # subscribed at the broker before we go on
        try:
            yield queue
        finally:
            with contextlib.suppress(Exception):
                await subscription.unsubscribe()

    async def wrote(self) -> None:
        """Announces a committed write; returns once the broker has it (see the module doc)."""
        try:
            await self.client.publish(INVALIDATE, self.origin.encode())
            await self.client.flush(timeout=5)
        except Exception:  # the write committed; a lost announcement must not fail it
            log.exception("could not announce a write to the broker")

    async def sync(self) -> None:
        """Requests in flight share their flushes: a caller joins the next flush to start (one
        already on its way may have left before a write this caller must see was announced), so
        at most two are on their way, whatever the number of requests."""
        if self.queued is None:
            self.queued = asyncio.ensure_future(self._next_flush(self.flushing))
        await asyncio.shield(self.queued)

    async def _next_flush(self, before: asyncio.Future[None] | None) -> None:
        if before is not None:
            await asyncio.wait([before])  # its outcome is its own callers'
        self.flushing, self.queued = self.queued, None
        try:
            await self.client.flush(timeout=2)
        except Exception:  # broker unreachable: trust no cached entry
            self.generation += 1
            return
        finally:
            if self.flushing is asyncio.current_task():
                self.flushing = None
        if self.invalidations.pending_msgs:  # arrived, not yet counted by the listener
            self.generation += 1

    async def close(self) -> None:
        if self.listener is not None:
            self.listener.cancel()
        with contextlib.suppress(Exception):
            await self.client.drain()


def _subject(topic: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in topic) or "_"


Bus = MemoryBus | NatsBus

_current: Bus = MemoryBus()


def current() -> Bus:
    return _current


async def connect(url: str | None) -> Bus:
    """Installs the process's bus: NATS at `url`, or in memory without one."""
    global _current
    await _current.close()
    _current = await NatsBus.connect(url) if url else MemoryBus()
    log.info("bus ready", extra={"bus": _current.kind})
    return _current


async def disconnect() -> None:
    global _current
    await _current.close()
    _current = MemoryBus()
