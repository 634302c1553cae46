"""overview(orgId, year): public aggregates of any subtree."""

from __future__ import annotations

from typing import Any

from core.errors import NotFound
from core.ids import graph_id
from core.vocabulary import PROMISE_MINUTES, Urgency
from graph.cache import Memo
from graph.overview import OVERVIEW
from resolvers.context import Context

# Dashboards ask for the same public figures again and again; see graph/cache.py.
_memo = Memo(ttl=30, name="overview")


def root_of(ctx: Context, org_id: str | None) -> str | None:
    """The organisation whose subtree is counted: the one asked for, else the caller's own, else
    (no token, or a social organisation's) the district (None)."""
    if org_id:
        return graph_id(org_id, "Organization", "orgId")
    principal = ctx.principal
    return principal.org_id if principal and not ctx.scope.social_org else None


# k-anonymity for callers without a token: the public figures of a unit smaller than a town
# (a community or a grid branch) hide every count below this, so no one person stands out.
K_ANONYMITY = 5


def figures(row: dict[str, Any], public: bool = False) -> dict[str, Any]:
    """The overview of the statement's row: its counts (small ones hidden from the public below
    town level) and the reach promise."""
    counts = {k: v for k, v in row.items() if k not in ("org", "level")}
    if public and (row.get("level") or 0) >= 2:
        counts = {k: v if v is None or v >= K_ANONYMITY else None for k, v in counts.items()}
    return {
        **counts,
        "generalReachMinutes": PROMISE_MINUTES[Urgency.GENERAL],
        "urgentReachMinutes": PROMISE_MINUTES[Urgency.URGENT],
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
    return figures(rows[0], public=ctx.principal is None)
