"""Appeals (诉求) of youth."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import AppealCategory, AppealStatus, Urgency
from schema.fields import connection, label, one
from schema.filters import VisitFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Appeal")
@strawberry.type(description="An appeal raised by a youth and collected by a cadre.")
class Appeal(Node):
    title: str
    description: str | None
    category: AppealCategory | None
    urgency: Urgency | None
    status: AppealStatus | None
    created_at: dt.datetime | None
    matched_at: dt.datetime | None
    started_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    rejected_at: dt.datetime | None
    rejection_reason: str | None
    archived_at: dt.datetime | None

    category_label = label("category")
    urgency_label = label("urgency")
    status_label = label("status")
    raised_by = one("Appeal.raisedBy", refs.Youth)
    collected_by = one("Appeal.collectedBy", refs.Cadre)
    referrals = connection(
        "Appeal.referrals",
        Node,
        None,
        "Where it was referred (social organisations or organisations; edge: at).",
    )
    visits = connection("Appeal.visits", refs.Visit, VisitFilter, "The visits that produced it.")
