"""The one door to Neo4j: named queries, managed transactions with a timeout, round trips."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import (
    READ_ACCESS,
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    AsyncResult,
    AsyncSession,
    unit_of_work,
)
from neo4j import Query as DriverQuery
from neo4j import exceptions as neo4j_errors
from neo4j.api import AsyncBookmarkManager

from core import errors
from core.settings import Settings
from graph import broker
from graph.server import Connection, LocalNeo4j

T = TypeVar("T")


@dataclass(frozen=True)
class Query:
    """A named, parameterised Cypher statement. Every statement the app runs is one of these."""

    name: str
    text: str


POOL_SIZE = 50  # connections per process to Neo4j

PING = Query("ping", "RETURN 1 AS ok")

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
    return await _rows(await tx.run(query.text, params))


async def _rows(result: AsyncResult) -> list[dict]:
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


log = logging.getLogger("youth_matrix.graph")


@contextmanager
def driver_errors() -> Iterator[None]:
    """The driver's failures as the error vocabulary (core/errors.py): Neo4j away is
    SERVICE_UNAVAILABLE, a transaction out of time TIMEOUT, a commit whose answer was lost
    INCOMPLETE_COMMIT (the write may have happened). Anything else passes unchanged."""
    try:
        yield
    except neo4j_errors.IncompleteCommit as exc:
        raise errors.IncompleteCommit(
            "the connection to Neo4j was lost while the write committed: it may have happened; "
            "read before retrying"
        ) from exc
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise errors.ServiceUnavailable("Neo4j is unavailable: nothing was written; retry") from exc
    except neo4j_errors.Neo4jError as exc:
        code = exc.code or ""
        if "TransactionTimedOut" in code or code.endswith("Transaction.Terminated"):
            raise errors.Timeout(
                "the query ran out of time: nothing was written; retry, or ask for less"
            ) from exc
        if "failed to obtain a connection from the pool" in str(exc):
            raise errors.ServiceUnavailable("Neo4j is busy: no connection free; retry") from exc
        if isinstance(exc, neo4j_errors.TransientError):
            raise errors.ServiceUnavailable("Neo4j asked to retry: nothing was written") from exc
        raise


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, errors.ServiceUnavailable | errors.Timeout)


@dataclass
class _Link:
    """The driver and the address it talks to, shared by a database and its copies, so a
    reconnection (graph/health.py) reaches them all."""

    driver: AsyncDriver
    uri: str = ""


class Database:
    """Wraps the async driver. Each call opens its own session: sessions are not shared by
    concurrent coroutines (DataLoader batches run concurrently).

    Driver failures leave as core errors (`driver_errors`). `retry_time` > 0 (set-up) retries a
    failed transaction or autocommit statement on SERVICE_UNAVAILABLE and TIMEOUT for that many
    seconds, on top of the driver's own (short, for requests) retries."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        timeout: float,
        retry_time: float = 0.0,
        bookmarks: AsyncBookmarkManager | None = None,
        read_retry_time: float = 0.5,
    ) -> None:
        self.link = _Link(driver)
        self.database = database
        self.timeout = timeout
        self.retry_time = retry_time
        self.read_retry_time = read_retry_time  # as the driver's max_transaction_retry_time
        self.generation = 0  # moves on with every committed write (graph/cache.py)
        # Every session of this database shares one bookmark manager: on a cluster, a read
        # after a write waits for a member that has the write (causal consistency).
        self.bookmarks = bookmarks or AsyncGraphDatabase.bookmark_manager()

    @property
    def driver(self) -> AsyncDriver:
        return self.link.driver

    def with_timeout(self, timeout: float, retry_time: float | None = None) -> Database:
        """The same database with another transaction timeout: set-up (migrations, loads) keeps
        its own clock, so a busy machine does not cut it off at the requests' limit."""
        other = Database(
            self.driver, self.database, timeout, self.retry_time, self.bookmarks,
            self.read_retry_time,
        )  # fmt: skip
        other.link = self.link
        if retry_time is not None:
            other.retry_time = retry_time
        other.generation = self.generation
        return other

    def for_setup(self, settings: Settings) -> Database:
        """Migrations and loads: the set-up timeout, and retries on transient failures."""
        return self.with_timeout(settings.setup_timeout, retry_time=settings.setup_retry_time)

    async def replace_driver(self, driver: AsyncDriver, uri: str) -> None:
        """Talks to Neo4j through `driver` from now on (Neo4j came back on another address)."""
        old, self.link.driver, self.link.uri = self.link.driver, driver, uri
        await old.close()

    async def _retrying(self, attempt: Callable[[], Awaitable[T]]) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.retry_time
        delay = 0.5
        while True:
            try:
                with driver_errors():
                    return await attempt()
            except errors.ApiError as exc:
                if not _retryable(exc) or loop.time() + delay > deadline:
                    raise
                log.warning("set-up statement failed, retrying in %.1f s: %s", delay, exc)
            await asyncio.sleep(delay * random.uniform(0.8, 1.2))  # a back-off, not a poll
            delay = min(delay * 2, 8.0)

    async def read(self, query: Query, **params: Any) -> list[dict]:
        """One statement in one round trip: an autocommit transaction in a read session sends
        RUN and PULL together, where a managed transaction adds a BEGIN and a COMMIT, each
        waiting for its answer (the driver's own execute_read does not pipeline BEGIN). A read
        is idempotent, so what the driver would retry is retried here, for as long."""
        _count_round_trip()
        statement = DriverQuery(query.text, timeout=self.timeout)

        async def attempt() -> list[dict]:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + self.read_retry_time
            delay = 0.05
            while True:
                try:
                    with _observed("read"):
                        async with self.driver.session(
                            database=self.database,
                            bookmark_manager=self.bookmarks,
                            default_access_mode=READ_ACCESS,
                        ) as session:
                            return await _rows(await session.run(statement, params))
                except (neo4j_errors.DriverError, neo4j_errors.Neo4jError) as exc:
                    if not exc.is_retryable() or loop.time() + delay > deadline:
                        raise
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                delay *= 2

        return await self._retrying(attempt)

    async def write(self, query: Query, **params: Any) -> list[dict]:
        return await self.write_tx(lambda tx: run(tx, query, params))

    async def read_tx(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        _count_round_trip()

        async def attempt() -> T:
            with _observed("read"):
                async with self._session() as session:
                    return await session.execute_read(self._with_timeout(work))

        return await self._retrying(attempt)

    async def write_tx(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Runs `work` in one write transaction: everything it writes commits or nothing does."""
        _count_round_trip()

        async def attempt() -> T:
            with _observed("write"):
                async with self._session() as session:
                    try:
                        return await session.execute_write(self._with_timeout(work))
                    finally:
                        self.generation += 1
                        await broker.current().wrote()  # other processes drop their caches too

        return await self._retrying(attempt)

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
        """For statements that manage their own transactions (CALL ... IN TRANSACTIONS). The
        driver does not retry these: with `retry_time` they are retried here (each such
        statement of the project is idempotent: a batched delete, a replanning)."""
        _count_round_trip()

        async def attempt() -> list[dict]:
            async with self._session() as session:
                result = await session.run(query.text, params)
                return await result.data()

        try:
            return await self._retrying(attempt)
        finally:
            self.generation += 1
            await broker.current().wrote()

    async def ping(self, timeout: float | None = None) -> None:
        """Raises unless Neo4j answers a query within `timeout` seconds (the readiness check):
        TimeoutError, or a core error. One attempt, in autocommit: the driver does not retry
        it, so a refused connection says so at once."""

        async def attempt() -> None:
            with driver_errors():
                async with self.driver.session(database=self.database) as session:
                    await (await session.run(PING.text)).consume()

        await asyncio.wait_for(attempt(), timeout)

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


def open_driver(connection: Connection, settings: Settings) -> AsyncDriver:
    """A driver that never hangs on an absent Neo4j: connecting, getting a connection from the
    pool and retrying a request's transaction each take about a second at most, and an idle
    connection is checked before it is used again."""
    return AsyncGraphDatabase.driver(
        connection.uri,
        auth=(connection.user, connection.password),
        max_connection_pool_size=POOL_SIZE,
        notifications_min_severity="OFF",
        connection_timeout=settings.connection_timeout,
        connection_acquisition_timeout=settings.acquisition_timeout,
        liveness_check_timeout=settings.health_interval * 4,
        max_transaction_retry_time=settings.request_retry_time,
    )


def open_database(connection: Connection, settings: Settings) -> Database:
    db = Database(
        open_driver(connection, settings),
        connection.database,
        settings.query_timeout,
        read_retry_time=settings.request_retry_time,
    )
    db.link.uri = connection.uri
    return db
