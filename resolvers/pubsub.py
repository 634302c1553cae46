"""In-process publish/subscribe for subscriptions: events keyed by a string (a notice id) reach
every subscriber of that key in this process. A feature keeps its own Broadcast (mobilization:
the acknowledgements of notices). Events published by other processes are not seen
(README: acknowledgements made through this process are pushed)."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

log = logging.getLogger("youth_matrix.pubsub")


class Broadcast:
    def __init__(self, queue_size: int = 256) -> None:
        self.queue_size = queue_size
        self.subscribers: dict[str, set[asyncio.Queue[Any]]] = defaultdict(set)

    def publish(self, key: str, event: Any) -> int:
        """Hands `event` to each subscriber of `key`; returns how many there were."""
        queues = list(self.subscribers.get(key, ()))
        for queue in queues:
            if queue.full():  # a subscriber that does not keep up loses its oldest event
                queue.get_nowait()
                log.warning("subscriber too slow; dropped an event", extra={"key": key})
            queue.put_nowait(event)
        return len(queues)

    @asynccontextmanager
    async def subscribe(self, key: str) -> AsyncIterator[asyncio.Queue[Any]]:
        """A queue that receives the events of `key` until the block ends."""
        queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=self.queue_size)
        self.subscribers[key].add(queue)
        try:
            yield queue
        finally:
            self.subscribers[key].discard(queue)
            if not self.subscribers[key]:
                del self.subscribers[key]
