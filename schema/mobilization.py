"""Mobilization in the API: reach through the tower, notices and their acknowledgements (also
pushed live over graphql-transport-ws)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import mobilization
from schema.enums import Urgency
from schema.fields import Info
from schema.mobilization_types import (
    Acknowledgement,
    NoticeStatus,
    NoticeStatusFilter,
    ReachFilter,
    ReachReport,
)
from schema.nodes.notice import Notice

ID = strawberry.ID


@strawberry.type
class MobilizationQuery:
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
        return await mobilization.reach(info, org_id, urgency, first, after, filter)

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
        return await mobilization.notice_status(info, notice_id, first, after, states)


@strawberry.type
class MobilizationMutation:
    @strawberry.mutation(
        description="Issues a notice from the centre, a town or a community (default: the "
        "caller's organisation) to every active grid branch below it, which must acknowledge it."
    )
    async def issue_notice(
        self, info: Info, title: str, body: str, urgency: Urgency, org_id: ID | None = None
    ) -> Notice:
        return await mobilization.issue_notice(info, title, body, urgency, org_id)

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
        return await mobilization.acknowledge_notice(info, notice_id, organization_id)


@strawberry.type
class MobilizationSubscription:
    @strawberry.subscription(
        description="Each acknowledgement of a notice as it is made (through this API process), "
        "for the organisations the caller sees. Over graphql-transport-ws at /graphql; the "
        'token goes in the connection_init payload {"Authorization": "Bearer …"}.'
    )
    async def notice_acknowledged(
        self, info: Info, notice_id: ID
    ) -> AsyncGenerator[Acknowledgement, None]:
        async for acknowledgement in mobilization.notice_acknowledged(info, notice_id):
            yield acknowledgement
