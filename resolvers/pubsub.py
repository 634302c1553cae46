"""Publish/subscribe for subscriptions: events keyed by a string (a notice id) reach every
subscriber of that key, in every API process behind the same broker (graph/broker.py; without a
broker, in this process). Payloads travel as JSON: plain data, node records and the driver's
temporal values."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from graph import broker


async def publish(topic: str, payload: Any) -> None:
    """Hands `payload` to every subscriber of `topic`, here and in the other processes."""
    await broker.current().publish(topic, payload)


@asynccontextmanager
async def subscribe(topic: str) -> AsyncIterator[asyncio.Queue[Any]]:
    """A queue that receives the events of `topic` until the block ends."""
    async with broker.current().subscribe(topic) as queue:
        yield queue


class Broadcast:
    """A family of topics under one prefix (one per notice for acknowledgements)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        # this process's subscribers by key (their queues), e.g. to wait until one listens
        self.subscribers: dict[str, set[asyncio.Queue[Any]]] = defaultdict(set)

    async def publish(self, key: str, event: Any) -> None:
        await publish(f"{self.prefix}.{key}", event)

    @asynccontextmanager
    async def subscribe(self, key: str) -> AsyncIterator[asyncio.Queue[Any]]:
        async with subscribe(f"{self.prefix}.{key}") as queue:
            self.subscribers[key].add(queue)
            try:
                yield queue
            finally:
                self.subscribers[key].discard(queue)
                if not self.subscribers[key]:
                    del self.subscribers[key]
