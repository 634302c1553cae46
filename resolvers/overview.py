"""overview(orgId, year): public aggregates of any subtree."""

from __future__ import annotations

from core.errors import NotFound
from core.ids import graph_id
from graph.cache import Memo
from graph.overview import OVERVIEW
from resolvers.context import Info
from schema.mapping import from_row
from schema.overview import Overview

# The report's promise (DOMAIN.md): general work within 10 minutes, urgent within 3.
GENERAL_REACH_MINUTES = 10
URGENT_REACH_MINUTES = 3


# Dashboards ask for the same public figures again and again; see graph/cache.py.
_memo = Memo(ttl=30, name="overview")


async def overview(info: Info, org_id: str | None, year: int | None) -> Overview:
    ctx = info.context
    ctx.require_principal(public=True)
    org = graph_id(org_id, "Organization", "orgId") if org_id else None
    if org is None:
        org = ctx.principal.org_id if ctx.principal and not ctx.scope.social_org else None
    rows = await _memo.get(ctx.db, (org, year), lambda: ctx.db.read(OVERVIEW, org=org, year=year))
    if not rows:
        raise NotFound(f"no organisation {org_id}", "orgId")
    row = dict(rows[0])
    row.update(
        general_reach_minutes=GENERAL_REACH_MINUTES, urgent_reach_minutes=URGENT_REACH_MINUTES
    )
    return from_row(Overview, row)
