"""The audit trail of personal data in the API: who saw which node's personal fields, when."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.paging import DEFAULT_PAGE
from resolvers import audit
from schema.enums import NodeLabel, Role
from schema.fields import Info
from schema.mapping import connection_of
from schema.relay import Connection


@strawberry.type(description="One node whose personal data a request showed unmasked.")
class AuditEvent:
    key: str = strawberry.field(description="The event's id.")
    at: dt.datetime
    account: str
    role: Role
    node_key: str = strawberry.field(description="The graph id of the youth or cadre.")
    node_label: NodeLabel
    fields: list[str] = strawberry.field(description="The personal properties shown.")
    request_id: str | None = strawberry.field(description="The request's X-Request-ID.")


@strawberry.type
class Query:
    @strawberry.field(
        description="The audit trail, newest first: every unmasked read of personal data (kept "
        "3 years by default). For the district admin and inspectors (an inspector sees the "
        "events of the nodes of its subtree)."
    )
    async def audit_events(
        self,
        info: Info,
        first: int | None = DEFAULT_PAGE,
        after: str | None = None,
        account: str | None = None,
        node_key: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> Connection[AuditEvent]:
        page = await audit.events(info.context, first, after, account, node_key, since, until)
        return connection_of(AuditEvent, page)
