"""reach, issueNotice, acknowledgeNotice, noticeStatus and the noticeAcknowledged subscription.

Each returns plain data: node records, pages, and dicts shaped like schema/mobilization.py's
result types (schema/mapping.py builds them)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

from core.errors import BadUserInput, Forbidden, NotFound
from core.ids import graph_id, new_id, to_global_id
from core.paging import Page, page_window
from core.vocabulary import (
    PROMISE_MINUTES,
    AcknowledgementState,
    ReachStatus,
    ReachUnitKind,
    Urgency,
)
from graph.mobilization import (
    ACKNOWLEDGE,
    ISSUE_NOTICE,
    NOTICE_FOR,
    NOTICE_STATUS,
    REACH,
    SUBTREE_BRANCHES,
)
from resolvers import validate as v
from resolvers.context import Context
from resolvers.loaders import Loaders
from resolvers.pubsub import Broadcast
from resolvers.shared import Writer, key_of, node_visible, root_error, root_org, write

# The promise by urgency code, as the statements read it (`$promise[n.urgency]`).
PROMISE_BY_CODE = {urgency.value: minutes for urgency, minutes in PROMISE_MINUTES.items()}

# Acknowledgements of notices as they are recorded, keyed by the notice's graph id: each event
# is the row of ACKNOWLEDGE.
acknowledgements = Broadcast("notice-acknowledged")


# -- reach ---------------------------------------------------------------------------------------


async def reach(
    ctx: Context,
    org_id: str | None,
    urgency: Urgency,
    first: int | None,
    after: str | None,
    status: list[ReachStatus] | None = None,
    kind: ReachUnitKind | None = None,
    within_promise: bool | None = None,
) -> dict[str, Any]:
    """How a notice of `urgency` from the organisation reaches every unit of its subtree; the
    units filtered by status, kind and whether they are reached within the promise."""
    org = root_org(ctx, org_id)
    offset, limit = page_window(first, after)
    minutes = ctx.settings.relay_minutes
    promise = PROMISE_MINUTES[urgency]
    rows = await ctx.graph.read(
        REACH,
        org=org,
        promise=promise,
        hopMinutes=[0.0, minutes["TOWN"], minutes["COMMUNITY"], minutes["GRID"]],
        fallbackMinutes=minutes["FALLBACK"],
        f_status=[s.value for s in status] if status else None,
        f_kind=kind.value if kind else None,
        f_withinPromise=within_promise,
        offset=offset,
        limit=limit,
    )
    if not rows:
        raise await root_error(ctx, org, org_id)
    return reach_report(rows[0], urgency, minutes, offset)


def reach_report(
    row: dict[str, Any], urgency: Urgency, minutes: dict[str, float], offset: int
) -> dict[str, Any]:
    """The reach report (ReachReport) from the row of REACH; `minutes` are the relay minutes."""
    return {
        "organization": row["organization"],
        "origin": row["origin"],
        "urgency": urgency,
        "promise_minutes": PROMISE_MINUTES[urgency],
        "relay_minutes": {
            "town": minutes["TOWN"],
            "community": minutes["COMMUNITY"],
            "grid": minutes["GRID"],
            "fallback": minutes["FALLBACK"],
        },
        "summary": row,  # the row carries the summary's counts (units, gridBranches, …)
        "units": Page(reach_units(row["page"], row["nodes"]), row["total"], offset),
    }


def reach_units(page: list[dict[str, Any]], nodes: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The units of a page (ReachUnit). A unit names its groups, server and carriers by id; the
    row holds each of those nodes once, in `nodes` (groups, servers, carriers)."""
    by_id = {
        kind: {record["props"]["id"]: record for record in records}
        for kind, records in nodes.items()
    }
    groups, servers, carriers = by_id["groups"], by_id["servers"], by_id["carriers"]
    units = []
    for unit in page:
        unreachable = unit["status"] == ReachStatus.UNREACHABLE.value
        units.append(
            {
                "unit": unit["unit"],
                "kind": unit["kind"],
                "served_by": servers[unit["servedBy"]],
                "status": unit["status"],
                "group": groups.get(unit["group"]) if unit["group"] else None,
                "path": [
                    {
                        "from_group": groups[hop["from"]],
                        "to_group": groups[hop["to"]],
                        "level": hop["level"],
                        "minutes": hop["minutes"],
                        "carriers": [carriers[c] for c in hop["carriers"]],
                    }
                    for hop in unit["hops"]
                ],
                "minutes": None if unreachable else round(unit["minutes"], 2),
                "within_promise": unit["withinPromise"],
            }
        )
    return units


# -- notices -------------------------------------------------------------------------------------

# Those who issue notices down the tower: the centre, towns and communities.
ISSUERS = ("Center", "TownCommittee", "CommunityBranch")


async def issue_notice(
    ctx: Context, title: str, body: str, urgency: Urgency, org_id: str | None
) -> dict[str, Any]:
    """The notice, issued to every active grid branch below the organisation (default: the
    caller's); its node record."""
    principal = ctx.caller()
    props = {
        "title": v.text(title, "title", limit=200),
        "body": v.text(body, "body", limit=5000),
        "urgency": urgency.value,
        "issuedByAccount": principal.account,
    }
    issuer_id = org_id or to_global_id("Organization", principal.org_id)

    async def work(w: Writer) -> dict[str, Any]:
        issuer = await w.lookup("Organization", issuer_id, "orgId")
        if not set(ISSUERS) & set(issuer["labels"]):
            raise BadUserInput(
                "orgId must name the centre, a town or a community: notices go down the tower "
                "to grid branches",
                "orgId",
            )
        rows = await w.run(SUBTREE_BRANCHES, org=key_of(issuer))
        if not rows:
            raise BadUserInput("the organisation has no active grid branch to notify", "orgId")
        created = await w.run(
            ISSUE_NOTICE,
            org=key_of(issuer),
            id=new_id("Notice"),
            props=props,
            addressees=[r["id"] for r in rows],
        )
        return created[0]["node"]

    result: dict[str, Any] = await write(ctx, work)
    return result


async def acknowledge_notice(
    ctx: Context, notice_id: str, organization_id: str | None
) -> dict[str, Any]:
    """Acknowledges for the caller's organisation (the token's); idempotent. The
    acknowledgement (Acknowledgement); a new one is pushed to the notice's subscribers."""
    principal = ctx.caller()
    notice = graph_id(notice_id, "Notice", "noticeId")
    if organization_id is not None:
        org = graph_id(organization_id, "Organization", "organizationId")
        if org != principal.org_id:
            raise Forbidden(
                "a cadre acknowledges for its own organisation only (the token's)",
                "organizationId",
            )

    async def work(w: Writer) -> dict[str, Any]:
        found = await w.run(NOTICE_FOR, notice=notice, org=principal.org_id)
        if not found:
            raise NotFound(f"no notice {notice_id}", "noticeId")
        if not found[0]["addressed"]:
            raise BadUserInput(
                f"the notice does not ask {principal.org_id} to acknowledge it (it asks the "
                "grid branches it was sent to)",
                "noticeId",
            )
        rows = await w.run(
            ACKNOWLEDGE,
            notice=notice,
            org=principal.org_id,
            account=principal.account,
            promise=PROMISE_BY_CODE,
        )
        return rows[0]

    row: dict[str, Any] = await write(ctx, work)
    if row["created"]:  # after the commit: subscribers see only what was written
        await acknowledgements.publish(notice, row)
    return acknowledgement(row)


def acknowledgement(row: dict[str, Any]) -> dict[str, Any]:
    """An acknowledgement (Acknowledgement) from the row of ACKNOWLEDGE."""
    return {
        "notice": row["notice"],
        "organization": row["organization"],
        "at": row["at"],
        "minutes": round(row["minutes"], 2),
        "late": row["late"],
        "by": row["by"],
        "recorded": row["created"],
    }


async def notice_status(
    ctx: Context,
    notice_id: str,
    first: int | None,
    after: str | None,
    states: list[AcknowledgementState] | None,
) -> dict[str, Any]:
    """Where each addressee the caller sees stands with the notice (filtered by state)."""
    ctx.require_principal()
    notice = graph_id(notice_id, "Notice", "noticeId")
    offset, limit = page_window(first, after)
    rows = await ctx.graph.read(
        NOTICE_STATUS,
        notice=notice,
        promise=PROMISE_BY_CODE,
        f_state=[s.value for s in states] if states else None,
        offset=offset,
        limit=limit,
    )
    if not rows:
        raise NotFound(f"no notice {notice_id}", "noticeId")
    return notice_status_of(rows[0], offset)


def _minutes(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def notice_status_of(row: dict[str, Any], offset: int) -> dict[str, Any]:
    """A notice's status (NoticeStatus) from the row of NOTICE_STATUS."""
    addressees, on_time = row["addressees"], row["onTime"]
    urgent = row["notice"]["props"].get("urgency") == Urgency.URGENT.value
    return {
        "notice": row["notice"],
        "promise_minutes": PROMISE_MINUTES[Urgency.URGENT if urgent else Urgency.GENERAL],
        "deadline": row["deadline"],
        "summary": {
            "addressees": addressees,
            "acknowledged": row["acknowledged"],
            "on_time": on_time,
            "late": row["late"],
            "pending": row["pending"],
            "overdue": row["overdue"],
            "share_on_time": round(on_time / addressees, 4) if addressees else 0.0,
            "average_minutes": _minutes(row["averageMinutes"]),
            "median_minutes": _minutes(row["medianMinutes"]),
            "max_minutes": _minutes(row["maxMinutes"]),
        },
        "organizations": Page(
            [{**r, "minutes": _minutes(r["minutes"])} for r in row["page"]],
            row["total"],
            offset,
        ),
    }


async def notice_acknowledged(ctx: Context, notice_id: str) -> AsyncGenerator[dict[str, Any], None]:
    """Each new acknowledgement (Acknowledgement) of a notice the caller sees, by an
    organisation it sees, as it is made through this process."""
    ctx.require_principal()
    notice = graph_id(notice_id, "Notice", "noticeId")
    # Subscribe before the check, so nothing acknowledged in between is missed.
    async with acknowledgements.subscribe(notice) as queue:
        if not await node_visible(ctx, "Notice", notice):
            raise NotFound(f"no notice {notice_id}", "noticeId")
        while True:
            event = await queue.get()
            if not ctx.scope.owns(event["organization"]["props"]["id"]):
                continue  # an organisation outside the caller's scope: as if it did not exist
            # Fresh loaders per event: nested fields read the graph as it is now.
            ctx.loaders = Loaders(ctx.graph)
            yield acknowledgement(event)
