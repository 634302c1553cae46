"""Is Neo4j there? A background task pings it every `health_interval` seconds with its own
short timeout, so readiness and the API's fast 503s (app/asgi.py) follow Neo4j within about two
seconds, whatever the requests are doing. When Neo4j is unreachable the monitor also asks where
it lives now (`resolve`: the local server's state records its Bolt port) and, if the address
changed, points the database at the new one, so the API serves again without a restart."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from core.errors import ServiceUnavailable
from core.settings import Settings
from graph.driver import Database, open_driver
from graph.server import Connection

log = logging.getLogger("youth_matrix.health")

Resolve = Callable[[], Connection]


@dataclass
class HealthState:
    up: bool = True  # optimistic until the first ping says otherwise
    # unreachable: the last failure was a refused or lost connection (not a slow answer);
    # requests are then answered 503 at once instead of trying.
    unreachable: bool = False
    reason: str = ""
    checked_at: float = 0.0


class Neo4jHealth:
    def __init__(self, db: Database, settings: Settings, resolve: Resolve | None = None) -> None:
        self.db = db
        self.settings = settings
        self.resolve = resolve
        self.state = HealthState()
        self.task: asyncio.Task[None] | None = None
        self.checks = 0  # pings done
        self.slow = 0  # pings in a row that timed out

    def ensure_started(self) -> None:
        """Starts the monitor in the running loop once (the app calls it on every request, so
        it runs also where no lifespan does, as under httpx's ASGI transport)."""
        if self.task is None or self.task.done():
            # a context of its own: not the request's that happened to start it (its log id)
            self.task = asyncio.get_running_loop().create_task(
                self._run(), name="neo4j-health", context=contextvars.Context()
            )

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
            self.task = None

    async def _run(self) -> None:
        while True:
            started = time.monotonic()
            await self.check()
            elapsed = time.monotonic() - started
            await asyncio.sleep(max(0.0, self.settings.health_interval - elapsed))

    async def check(self) -> HealthState:
        """One ping (bounded by `ping_timeout`); on a refused connection, a look for a new
        address."""
        try:
            await self.db.ping(self.settings.ping_timeout)
        except asyncio.CancelledError:
            raise
        except TimeoutError:
            # one slow answer on a busy machine is not yet "away": two in a row are
            self.slow += 1
            if self.slow >= 2 or not self.state.up:
                self._set(False, False, "Neo4j did not answer in time")
            self.checks += 1
            return self.state
        except ServiceUnavailable as exc:
            self._set(False, True, exc.message)
            await self._follow_address()
        except Exception as exc:  # any other failure also means not ready; say which
            self._set(False, False, type(exc).__name__)
        else:
            self._set(True, False, "")
        self.slow = 0
        self.checks += 1
        return self.state

    def _set(self, up: bool, unreachable: bool, reason: str) -> None:
        if up != self.state.up or unreachable != self.state.unreachable:
            level = logging.INFO if up else logging.WARNING
            log.log(level, "neo4j %s", "is back" if up else f"is away: {reason}")
        self.state = HealthState(up, unreachable, reason, time.monotonic())

    async def _follow_address(self) -> None:
        if self.resolve is None:
            return
        try:
            connection = self.resolve()
        except Exception as exc:  # the state cannot be read now: try again at the next ping
            log.debug("cannot resolve Neo4j's address: %s", exc)
            return
        if connection.uri != self.db.link.uri:
            log.warning("neo4j moved to %s: reconnecting", connection.uri)
            await self.db.replace_driver(open_driver(connection, self.settings), connection.uri)
