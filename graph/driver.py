"""The one door to Neo4j: named queries, managed transactions with a timeout, round trips."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncSession,
    unit_of_work,
)
from neo4j.api import AsyncBookmarkManager

from core.settings import Settings
from graph import broker
from graph.server import Connection, LocalNeo4j

T = TypeVar("T")


@dataclass(frozen=True)
class Query:
    """A named, parameterised Cypher statement. Every statement the app runs is one of these."""

    name: str
    text: str


PING = Query("ping", "RETURN 1 AS ok")
POOL_SIZE = 50  # connections per process to Neo4j

# Counts Cypher round trips of the current request (one per transaction function run).
round_trips: ContextVar[list[int] | None] = ContextVar("round_trips", default=None)


# Who watches every transaction (the app's metrics): called with "read" or "write" and the
# seconds it took, and with the change (+1/-1) of sessions in use.
transaction_observers: list[Callable[[str, float], None]] = []
session_observers: list[Callable[[int], None]] = []


def _count_round_trip() -> None:
    counter = round_trips.get()
    if counter is not None:
        counter[0] += 1


async def run(tx: AsyncManagedTransaction, query: Query, params: dict[str, Any]) -> list[dict]:
    result = await tx.run(query.text, params)
    keys = result.keys()
    # Values arrive as plain maps and lists already (queries return no Node objects), so
    # Result.data()'s recursive copy is work for nothing.
    return [dict(zip(keys, values, strict=True)) for values in await result.values()]


@contextmanager
def _observed(kind: str) -> Iterator[None]:
    started = time.perf_counter()
    for observer in session_observers:
        observer(1)
    try:
        yield
    finally:
        for observer in session_observers:
            observer(-1)
        for seen in transaction_observers:
            seen(kind, time.perf_counter() - started)


class Database:
    """Wraps the async driver. Each call opens its own session: sessions are not shared by
    concurrent coroutines (DataLoader batches run concurrently)."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        bookmarks: AsyncBookmarkManager | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.generation = 0  # moves on with every committed write (graph/cache.py)
        # Every session of this database shares one bookmark manager: on a cluster, a read
        # after a write waits for a member that has the write (causal consistency).
        self.bookmarks = bookmarks or AsyncGraphDatabase.bookmark_manager()

    def with_timeout(self, timeout: float) -> Database:
        """The same database with another transaction timeout: set-up (migrations, loads) keeps
        its own clock, so a busy machine does not cut it off at the requests' limit."""
        other = Database(self.driver, self.database, timeout, self.bookmarks)
        other.generation = self.generation
        return other

    async def read(self, query: Query, **params: Any) -> list[dict]:
        return await self.read_tx(lambda tx: run(tx, query, params))

    async def write(self, query: Query, **params: Any) -> list[dict]:
        return await self.write_tx(lambda tx: run(tx, query, params))

    async def read_tx(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        _count_round_trip()
        with _observed("read"):
            async with self._session() as session:
                return await session.execute_read(self._with_timeout(work))

    async def write_tx(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Runs `work` in one write transaction: everything it writes commits or nothing does."""
        _count_round_trip()
        with _observed("write"):
            async with self._session() as session:
                try:
                    return await session.execute_write(self._with_timeout(work))
                finally:
                    self.generation += 1
                    await broker.current().wrote()  # other processes drop their caches too

    def _session(self) -> AsyncSession:
        return self.driver.session(database=self.database, bookmark_manager=self.bookmarks)

    def _with_timeout(
        self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]
    ) -> Callable[[AsyncManagedTransaction], Awaitable[T]]:
        @unit_of_work(timeout=self.timeout)
        async def bounded(tx: AsyncManagedTransaction) -> T:
            return await work(tx)

        return bounded

    async def run_autocommit(self, query: Query, **params: Any) -> list[dict]:
        """For statements that manage their own transactions (CALL ... IN TRANSACTIONS)."""
        _count_round_trip()
        async with self._session() as session:
            result = await session.run(query.text, params)
            rows = await result.data()
        self.generation += 1
        await broker.current().wrote()
        return rows

    async def ping(self) -> None:
        """Raises unless Neo4j answers a query (the readiness check)."""
        await self.read(PING)

    async def close(self) -> None:
        await self.driver.close()


def local_server(settings: Settings, instance: str = "dev") -> LocalNeo4j:
    return LocalNeo4j(
        settings.state_dir,
        instance=instance,
        port=settings.neo4j_port,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        start_timeout=settings.neo4j_start_timeout,
    )


def resolve_connection(settings: Settings, instance: str = "dev", start: bool = True) -> Connection:
    """The external server NEO4J_URI names, or else the project's own (started when asked)."""
    if settings.neo4j_uri:
        return Connection(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password or "",
            settings.neo4j_database,
        )
    server = local_server(settings, instance)
    return server.start() if start else server.connection()


def open_database(connection: Connection, settings: Settings) -> Database:
    driver = AsyncGraphDatabase.driver(
        connection.uri,
        auth=(connection.user, connection.password),
        max_connection_pool_size=POOL_SIZE,
        notifications_min_severity="OFF",
    )
    return Database(driver, connection.database, settings.query_timeout)
