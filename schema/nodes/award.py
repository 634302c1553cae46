"""Awards: 示范网格团组织 and 最美网格团干部."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.fields import one
from schema.mapping import node_type
from schema.relay import Node


@node_type("Award")
@strawberry.type(description="An award: 示范网格团组织 or 最美网格团干部.")
class Award(Node):
    title: str
    year: int | None
    granted_at: dt.date | None

    recipient = one("Award.recipient", Node, "The organisation or cadre awarded.")
