"""reach, issueNotice, acknowledgeNotice, noticeStatus and the noticeAcknowledged subscription."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncGenerator
from typing import Any

from core.errors import ApiError, BadUserInput, Forbidden, NotFound
from core.ids import graph_id, to_global_id
from core.paging import page_window
from core.vocabulary import AcknowledgementState, ReachStatus, ReachUnitKind, Urgency
from graph.entities import BY_IDS
from graph.mobilization import (
    ACKNOWLEDGE,
    ISSUE_NOTICE,
    NOTICE_FOR,
    NOTICE_STATUS,
    REACH,
    SUBTREE_BRANCHES,
)
from resolvers import validate as v
from resolvers.context import Info
from resolvers.loaders import Loaders
from resolvers.overview import GENERAL_REACH_MINUTES, URGENT_REACH_MINUTES
from resolvers.pubsub import acknowledgements
from resolvers.shared import Writer, key_of, organization_visible, write
from schema.mapping import from_row, to_object
from schema.mobilization_types import (
    Acknowledgement,
    NoticeAddressee,
    NoticeStatus,
    NoticeStatusSummary,
    ReachFilter,
    ReachReport,
    ReachSummary,
    ReachUnit,
    RelayHop,
    RelayMinutes,
)
from schema.relay import paged

log = logging.getLogger("youth_matrix.mobilization")

# The report's promise (DOMAIN.md), by urgency code.
PROMISE_MINUTES = {
    Urgency.URGENT.value: URGENT_REACH_MINUTES,
    Urgency.GENERAL.value: GENERAL_REACH_MINUTES,
}


def root_org(info: Info, org_id: str | None) -> str:
    """The organisation a report is about: the one named, or else the caller's own."""
    ctx = info.context
    principal = ctx.require_principal()
    assert principal is not None
    if org_id is not None:
        return graph_id(org_id, "Organization", "orgId")
    if ctx.scope.social_org:
        raise BadUserInput("a social organisation names the organisation (orgId)", "orgId")
    return principal.org_id


async def root_error(info: Info, org: str, org_id: str | None) -> ApiError:
    """The error for a report whose root the query did not find."""
    if await organization_visible(info, org):
        return BadUserInput("orgId must name the centre, a town, a community or a branch", "orgId")
    return NotFound(f"no organisation {org_id or org}", "orgId")


# -- reach ---------------------------------------------------------------------------------------


async def reach(
    info: Info,
    org_id: str | None,
    urgency: Urgency,
    first: int | None,
    after: str | None,
    given: ReachFilter | None,
) -> ReachReport:
    ctx = info.context
    org = root_org(info, org_id)
    offset, limit = page_window(first, after)
    minutes = ctx.settings.relay_minutes
    promise = PROMISE_MINUTES[urgency.value]
    rows = await ctx.db.read(
        REACH,
        org=org,
        promise=promise,
        hopMinutes=[0.0, minutes["TOWN"], minutes["COMMUNITY"], minutes["GRID"]],
        fallbackMinutes=minutes["FALLBACK"],
        f_status=[s.value for s in given.status] if given and given.status else None,
        f_kind=given.kind.value if given and given.kind else None,
        f_withinPromise=given.within_promise if given else None,
        offset=offset,
        limit=limit,
        **ctx.scope.params(),
    )
    if not rows:
        raise await root_error(info, org, org_id)
    row = rows[0]
    nodes = {
        kind: {n["props"]["id"]: to_object(n) for n in found}
        for kind, found in row["nodes"].items()
    }
    units = [_reach_unit(unit, nodes) for unit in row["page"]]
    return ReachReport(
        organization=to_object(row["organization"]),
        origin=to_object(row["origin"]) if row["origin"] else None,
        urgency=urgency,
        promise_minutes=promise,
        relay_minutes=RelayMinutes(
            town=minutes["TOWN"],
            community=minutes["COMMUNITY"],
            grid=minutes["GRID"],
            fallback=minutes["FALLBACK"],
        ),
        summary=from_row(ReachSummary, row),
        units=paged(units, row["total"], offset),
    )


def _reach_unit(row: dict[str, Any], nodes: dict[str, dict[str, Any]]) -> ReachUnit:
    """A unit of the page; its groups, server and carriers come once each in `nodes`."""
    status = ReachStatus(row["status"])
    groups, carriers = nodes["groups"], nodes["carriers"]
    return ReachUnit(
        unit=to_object(row["unit"]),
        kind=ReachUnitKind(row["kind"]),
        served_by=nodes["servers"][row["servedBy"]],
        status=status,
        group=groups.get(row["group"]) if row["group"] else None,
        path=[
            RelayHop(
                from_group=groups[hop["from"]],
                to_group=groups[hop["to"]],
                level=hop["level"],
                minutes=hop["minutes"],
                carriers=[carriers[c] for c in hop["carriers"]],
            )
            for hop in row["hops"]
        ],
        minutes=None if status is ReachStatus.UNREACHABLE else round(row["minutes"], 2),
        within_promise=row["withinPromise"],
    )


# -- notices -------------------------------------------------------------------------------------

# Those who issue notices down the tower: the centre, towns and communities.
ISSUERS = ("Center", "TownCommittee", "CommunityBranch")


async def issue_notice(
    info: Info, title: str, body: str, urgency: Urgency, org_id: str | None
) -> Any:
    principal = info.context.require_principal()
    assert principal is not None
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
            id=f"NO-{uuid.uuid4().hex[:12].upper()}",
            props=props,
            addressees=[r["id"] for r in rows],
        )
        return created[0]["node"]

    return await write(info, work)


async def acknowledge_notice(info: Info, notice_id: str, organization_id: str | None) -> Any:
    """Acknowledges for the caller's organisation (the token's); idempotent."""
    principal = info.context.require_principal()
    assert principal is not None
    notice = graph_id(notice_id, "Notice", "noticeId")
    if organization_id is not None:
        org = graph_id(organization_id, "Organization", "organizationId")
        if org != principal.org_id:
            raise Forbidden(
                "a cadre acknowledges for its own organisation only (the token's)",
                "organizationId",
            )
    result: dict[str, Any] = {}

    async def work(w: Writer) -> dict[str, Any]:
        found = await w.run(NOTICE_FOR, notice=notice, org=principal.org_id, **w.scope.params())
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
            promise=PROMISE_MINUTES,
        )
        result.update(rows[0])
        return rows[0]["notice"]

    await write(info, work)
    if result["created"]:  # after the commit: subscribers see only what was written
        await acknowledgements.publish(notice, result)
    return _acknowledgement(result)


def _acknowledgement(row: dict[str, Any]) -> Acknowledgement:
    return Acknowledgement(
        notice=to_object(row["notice"]),
        organization=to_object(row["organization"]),
        at=row["at"].to_native(),
        minutes=round(row["minutes"], 2),
        late=row["late"],
        by=row["by"],
        recorded=row["created"],
    )


async def notice_status(
    info: Info,
    notice_id: str,
    first: int | None,
    after: str | None,
    states: list[AcknowledgementState] | None,
) -> NoticeStatus:
    ctx = info.context
    ctx.require_principal()
    notice = graph_id(notice_id, "Notice", "noticeId")
    offset, limit = page_window(first, after)
    rows = await ctx.db.read(
        NOTICE_STATUS,
        notice=notice,
        promise=PROMISE_MINUTES,
        f_state=[s.value for s in states] if states else None,
        offset=offset,
        limit=limit,
        **ctx.scope.params(),
    )
    if not rows:
        raise NotFound(f"no notice {notice_id}", "noticeId")
    row = rows[0]
    node = to_object(row["notice"])
    summary = from_row(NoticeStatusSummary, {**row, "shareOnTime": 0.0})
    if summary.addressees:
        summary.share_on_time = round(summary.on_time / summary.addressees, 4)
    for name in ("average_minutes", "median_minutes", "max_minutes"):
        value = getattr(summary, name)
        setattr(summary, name, None if value is None else round(value, 2))
    organizations = [
        NoticeAddressee(
            organization=to_object(r["organization"]),
            state=AcknowledgementState(r["state"]),
            at=r["at"].to_native() if r["at"] else None,
            minutes=None if r["minutes"] is None else round(r["minutes"], 2),
            by=r["by"],
        )
        for r in row["page"]
    ]
    return NoticeStatus(
        notice=node,
        promise_minutes=node.promise_minutes(),
        deadline=row["deadline"].to_native(),
        summary=summary,
        organizations=paged(organizations, row["total"], offset),
    )


async def notice_acknowledged(info: Info, notice_id: str) -> AsyncGenerator[Acknowledgement, None]:
    """Each new acknowledgement of a notice the caller sees, by an organisation it sees, as it
    is made through this process."""
    ctx = info.context
    ctx.require_principal()
    notice = graph_id(notice_id, "Notice", "noticeId")
    # Subscribe before the check, so nothing acknowledged in between is missed.
    async with acknowledgements.subscribe(notice) as queue:
        if not await ctx.db.read(BY_IDS["Notice"], ids=[notice], **ctx.scope.params()):
            raise NotFound(f"no notice {notice_id}", "noticeId")
        while True:
            event = await queue.get()
            org = event["organization"]["props"]["id"]
            if not (ctx.scope.everything or org in ctx.scope.orgs):
                continue  # an organisation outside the caller's scope: as if it did not exist
            try:
                # Fresh loaders per event: nested fields read the graph as it is now.
                ctx.loaders = Loaders(ctx.db, ctx.scope)
                acknowledgement = _acknowledgement(event)
            except Exception as exc:  # never a stack trace to the client (schema/errors.py)
                log.exception("acknowledgement event failed")
                raise ApiError("Internal error") from exc
            yield acknowledgement
