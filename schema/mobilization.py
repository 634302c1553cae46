"""Mobilization in the API: reach through the tower, notices and their acknowledgements (also
pushed live over graphql-transport-ws), with the types of the reach report, a notice's
acknowledgements and its status against the 3- and 10-minute promise."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from core.errors import ApiError
from core.paging import DEFAULT_PAGE
from resolvers import mobilization
from schema.enums import AcknowledgementState, ReachStatus, ReachUnitKind, Urgency
from schema.fields import Info, label
from schema.mapping import build, to_object
from schema.nodes.cadre import Cadre
from schema.nodes.chat_group import ChatGroup
from schema.nodes.notice import Notice
from schema.nodes.organization import Organization
from schema.relay import Connection, Node

log = logging.getLogger("youth_matrix.mobilization")

ID = strawberry.ID


@strawberry.type(description="Relay minutes per hop, by the level of the group a hop reaches.")
class RelayMinutes:
    town: float
    community: float
    grid: float
    fallback: float = strawberry.field(
        description="Added for a unit told from its community's group (no group of its own)."
    )


@strawberry.type(description="One hop down the tower, from a group to one of the next level.")
class RelayHop:
    from_group: ChatGroup = strawberry.field(name="from")
    to_group: ChatGroup = strawberry.field(name="to")
    level: int = strawberry.field(description="The level of the group it reaches: 1, 2 or 3.")
    minutes: float
    carriers: list[Cadre] = strawberry.field(
        description="Who carries it: cadres administering the upper group or instructing in "
        "the lower one."
    )


@strawberry.type(description="How the tower reaches one grid branch or grid.")
class ReachUnit:
    unit: Node = strawberry.field(description="The grid branch (Organization) or Grid.")
    kind: ReachUnitKind
    served_by: Organization = strawberry.field(
        description="Whose group should reach it: the branch itself, the grid's branch, or the "
        "community of a grid without a branch."
    )
    status: ReachStatus
    group: ChatGroup | None = strawberry.field(description="The group it is reached in.")
    path: list[RelayHop] = strawberry.field(description="From the issuer's group down, in order.")
    minutes: float | None = strawberry.field(
        description="Estimated: the hops' relay minutes, plus the fallback minutes; null when "
        "unreachable."
    )
    within_promise: bool

    kind_label = label("kind")
    status_label = label("status")

    @strawberry.field
    def hops(self) -> int:
        return len(self.path)


@strawberry.type(description="Counts over every unit of the subtree (filters aside).")
class ReachSummary:
    units: int
    grid_branches: int
    grids: int
    direct: int
    fallback: int = strawberry.field(description="Reached only through the community's group.")
    unreachable: int
    within_promise: int
    late: int = strawberry.field(description="Reached, but later than the promise.")
    max_minutes: float | None = strawberry.field(description="The slowest unit reached.")


@strawberry.type(description="How a notice from an organisation reaches its subtree's grids.")
class ReachReport:
    organization: Organization = strawberry.field(description="The issuing organisation.")
    origin: ChatGroup | None = strawberry.field(
        description="Its group, where a notice starts; null: it has none (nothing is reached)."
    )
    urgency: Urgency
    promise_minutes: int = strawberry.field(description="3 for urgent work, 10 for general.")
    relay_minutes: RelayMinutes
    summary: ReachSummary
    units: Connection[ReachUnit] = strawberry.field(
        description="Every grid branch and grid of the subtree (filtered), by key."
    )

    urgency_label = label("urgency")


@strawberry.type(description="An organisation's acknowledgement of a notice.")
class Acknowledgement:
    notice: Notice
    organization: Organization
    at: dt.datetime
    minutes: float = strawberry.field(description="From issue to acknowledgement.")
    late: bool = strawberry.field(description="Past the promise (3 or 10 minutes).")
    by: str | None = strawberry.field(description="The account that acknowledged it.")
    recorded: bool = strawberry.field(
        description="True when this call recorded it; false when it was acknowledged before "
        "(the first acknowledgement stands)."
    )

    @strawberry.field
    def state(self) -> AcknowledgementState:
        return AcknowledgementState.LATE if self.late else AcknowledgementState.ON_TIME

    state_label = label("state")


@strawberry.type(description="Where one addressee stands with a notice.")
class NoticeAddressee:
    organization: Organization
    state: AcknowledgementState
    at: dt.datetime | None
    minutes: float | None = strawberry.field(description="Time to acknowledge.")
    by: str | None

    state_label = label("state")


@strawberry.type(description="Counts over every addressee the caller sees (filters aside).")
class NoticeStatusSummary:
    addressees: int
    acknowledged: int
    on_time: int
    late: int
    pending: int
    overdue: int = strawberry.field(description="Pending, and the promise has passed.")
    share_on_time: float = strawberry.field(description="on_time / addressees (0 without any).")
    average_minutes: float | None = strawberry.field(description="Of those acknowledged.")
    median_minutes: float | None
    max_minutes: float | None


@strawberry.type(description="A notice's acknowledgements against its promise.")
class NoticeStatus:
    notice: Notice
    promise_minutes: int
    deadline: dt.datetime
    summary: NoticeStatusSummary
    organizations: Connection[NoticeAddressee] = strawberry.field(
        description="The grid branches it asks to acknowledge (filtered), by key."
    )


@strawberry.input
class ReachFilter:
    status: list[ReachStatus] | None = None
    kind: ReachUnitKind | None = None
    within_promise: bool | None = None


@strawberry.input
class NoticeStatusFilter:
    state: list[AcknowledgementState] | None = None


@strawberry.type
class Query:
    @strawberry.field(
        description="How a notice from an organisation (default: the caller's) reaches every "
        "grid branch and grid below it through the WeChat tower: the relay path, its carriers, "
        "the estimated minutes against the promise (3 urgent, 10 general), and the units "
        "reached only through their community's group or not at all."
    )
    async def reach(
        self,
        info: Info,
        urgency: Urgency,
        org_id: ID | None = None,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
        filter: ReachFilter | None = None,
    ) -> ReachReport:
        report = await mobilization.reach(
            info.context,
            org_id,
            urgency,
            first,
            after,
            status=filter.status if filter else None,
            kind=filter.kind if filter else None,
            within_promise=filter.within_promise if filter else None,
        )
        return build(ReachReport, report)

    @strawberry.field(
        description="A notice's acknowledgements: per grid branch it asks, on time, late or "
        "pending, the time to acknowledge, and the share kept within the promise."
    )
    async def notice_status(
        self,
        info: Info,
        notice_id: ID,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
        filter: NoticeStatusFilter | None = None,
    ) -> NoticeStatus:
        states = filter.state if filter else None
        status = await mobilization.notice_status(info.context, notice_id, first, after, states)
        return build(NoticeStatus, status)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Issues a notice from the centre, a town or a community (default: the "
        "caller's organisation) to every active grid branch below it, which must acknowledge it."
    )
    async def issue_notice(
        self, info: Info, title: str, body: str, urgency: Urgency, org_id: ID | None = None
    ) -> Notice:
        record = await mobilization.issue_notice(info.context, title, body, urgency, org_id)
        notice: Notice = to_object(record)
        return notice

    @strawberry.mutation(
        description="Acknowledges a notice for the caller's own grid branch (the token's "
        "organisation); late past the promise. Idempotent: the first acknowledgement stands."
    )
    async def acknowledge_notice(
        self,
        info: Info,
        notice_id: ID,
        organization_id: Annotated[
            ID | None,
            strawberry.argument(description="If given, it must be the caller's own organisation."),
        ] = None,
    ) -> Acknowledgement:
        acknowledged = await mobilization.acknowledge_notice(
            info.context, notice_id, organization_id
        )
        return build(Acknowledgement, acknowledged)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Each acknowledgement of a notice as it is made (through this API process), "
        "for the organisations the caller sees. Over graphql-transport-ws at /graphql; the "
        'token goes in the connection_init payload {"Authorization": "Bearer …"}.'
    )
    async def notice_acknowledged(
        self, info: Info, notice_id: ID
    ) -> AsyncGenerator[Acknowledgement, None]:
        async for event in mobilization.notice_acknowledged(info.context, notice_id):
            try:
                acknowledgement = build(Acknowledgement, event)
            except Exception as exc:  # never a stack trace to the client (schema/errors.py)
                log.exception("acknowledgement event failed")
                raise ApiError("Internal error") from exc
            yield acknowledgement
