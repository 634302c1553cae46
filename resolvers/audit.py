"""The audit trail of personal data: each request that showed personal data unmasked leaves one
event per node (graph/audit.py), written in the background so the answer does not wait for it;
the district admin and inspectors page through the events of what they may see."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import defaultdict
from typing import Any

from core.errors import Forbidden
from core.ids import new_id
from core.paging import Page, page_window
from core.principal import Role
from graph.audit import EVENTS, PURGE, RECORD
from graph.driver import Database
from resolvers.context import Context

log = logging.getLogger("youth_matrix.audit")

READERS = (Role.DISTRICT_ADMIN, Role.INSPECTOR)
TZ = dt.timezone(dt.timedelta(hours=8))
PURGE_EVERY = 24 * 3600  # seconds between two purges of events past their retention, per process

_pending: set[asyncio.Task[None]] = set()
_last_purge: dict[int, float] = {}


def events_of(ctx: Context) -> list[dict[str, Any]]:
    """One event per node of the request's unmasked personal reads."""
    if not ctx.personal_reads or ctx.principal is None:
        return []
    fields: dict[tuple[str, str], set[str]] = defaultdict(set)
    for label, key, prop in ctx.personal_reads:
        fields[(label, key)].add(prop)
    at = dt.datetime.now(TZ).isoformat()
    return [
        {
            "id": new_id("AuditEvent"),
            "at": at,
            "account": ctx.principal.account,
            "role": ctx.principal.role.value,
            "node": key,
            "label": label,
            "fields": sorted(props),
            "requestId": ctx.request_id,
        }
        for (label, key), props in sorted(fields.items())
    ]


def record(ctx: Context) -> None:
    """Writes the request's events in the background (and, once a day, purges old ones)."""
    events = events_of(ctx)
    if not events:
        return
    db = ctx.graph.db
    _spawn(_write(db, events))
    now = time.monotonic()
    if now - _last_purge.get(id(db), -PURGE_EVERY) >= PURGE_EVERY:
        _last_purge[id(db)] = now
        _spawn(_purge(db, ctx.settings.audit_retention_days))


def _spawn(work: Any) -> None:
    task = asyncio.get_running_loop().create_task(work)
    _pending.add(task)  # held until done: the loop keeps only weak references
    task.add_done_callback(_pending.discard)


async def _write(db: Database, events: list[dict[str, Any]]) -> None:
    try:
        await db.write(RECORD, events=events)
    except Exception:  # an audit write must never fail the request; it must be seen, though
        log.exception("audit events not written", extra={"events": len(events)})


async def _purge(db: Database, days: int) -> None:
    try:
        await db.run_autocommit(PURGE, days=days)
    except Exception:
        log.exception("audit purge failed")


async def flush() -> None:
    """Waits for the events being written (tests, and a clean shutdown)."""
    while _pending:
        await asyncio.gather(*list(_pending))


async def events(
    ctx: Context,
    first: int | None,
    after: str | None,
    account: str | None,
    node: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> Page[dict[str, Any]]:
    principal = ctx.caller()
    if principal.role not in READERS:
        raise Forbidden("the audit trail is for the district admin and inspectors")
    offset, limit = page_window(first, after)
    rows = await ctx.graph.read(
        EVENTS, account=account, node=node, since=since, until=until, offset=offset, limit=limit
    )
    items = [
        {**row, "key": row["id"], "nodeKey": row["node"], "nodeLabel": row["label"]}
        for row in rows[0]["items"]
    ]
    return Page(items, rows[0]["total"], offset)
