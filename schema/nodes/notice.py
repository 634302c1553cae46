"""Notices sent down the tower."""

from __future__ import annotations

import datetime as dt

import strawberry

from core.vocabulary import PROMISE_MINUTES
from schema.enums import Urgency
from schema.fields import connection, label, one
from schema.filters import OrganizationFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Notice")
@strawberry.type(description="A notice issued by an organisation to its subtree.")
class Notice(Node):
    title: str
    body: str | None
    urgency: Urgency | None
    issued_at: dt.datetime | None

    urgency_label = label("urgency")

    @strawberry.field(
        description="Its promise: acknowledged within 3 minutes if urgent, else 10.",
        metadata={"uses": ("urgency",)},
    )
    def promise_minutes(self) -> int:
        return PROMISE_MINUTES[self.urgency or Urgency.GENERAL]

    issued_by = one("Notice.issuedBy", refs.Organization)
    acknowledgements = connection(
        "Notice.acknowledgements",
        refs.Organization,
        OrganizationFilter,
        "Organisations that acknowledged it (edge: at).",
    )
