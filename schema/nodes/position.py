"""Offline positions (阵地)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import PositionType
from schema.fields import connection, label, one
from schema.filters import ActivityFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Position")
@strawberry.type(description="A position: 青年之家, 青年会客厅, 青春社区 or 青年驿站.")
class Position(Node):
    name: str
    type: PositionType | None
    opened_at: dt.date | None
    address: str | None
    archived_at: dt.datetime | None

    type_label = label("type")
    hosted_by = one("Position.hostedBy", refs.Organization)
    grid = one("Position.grid", refs.Grid)
    activities = connection("Position.activities", refs.Activity, ActivityFilter)
