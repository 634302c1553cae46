"""overview(orgId, year): public aggregates of any subtree."""

from __future__ import annotations

from typing import Any

from core.errors import NotFound
from core.ids import graph_id
from graph.cache import Memo
from graph.overview import OVERVIEW
from resolvers.context import Context

# The report's promise (DOMAIN.md): general work within 10 minutes, urgent within 3.
GENERAL_REACH_MINUTES = 10
URGENT_REACH_MINUTES = 3


# Dashboards ask for the same public figures again and again; see graph/cache.py.
_memo = Memo(ttl=30)


def root_of(ctx: Context, org_id: str | None) -> str | None:
    """The organisation whose subtree is counted: the one asked for, else the caller's own, else
    (no token, or a social organisation's) the district (None)."""
    if org_id:
        return graph_id(org_id, "Organization", "orgId")
    principal = ctx.principal
    return principal.org_id if principal and not ctx.scope.social_org else None


def figures(row: dict[str, Any]) -> dict[str, Any]:
    """The overview of the statement's row: its counts and the reach promise."""
    return {
        **row,
        "generalReachMinutes": GENERAL_REACH_MINUTES,
        "urgentReachMinutes": URGENT_REACH_MINUTES,
    }


async def overview(ctx: Context, org_id: str | None, year: int | None) -> dict[str, Any]:
    ctx.require_principal(public=True)
    org = root_of(ctx, org_id)
    # The figures are the same for every caller (no node leaves, no scope applies): one memo
    # entry per organisation and year, whoever asks.
    rows = await _memo.get(
        ctx.graph.db, (org, year), lambda: ctx.graph.read(OVERVIEW, org=org, year=year)
    )
    if not rows:
        raise NotFound(f"no organisation {org_id}", "orgId")
    return figures(rows[0])
