"""Campaigns that organisations and social organisations joined (疫情防控, 文明城市创建 …)."""

from __future__ import annotations

import strawberry

from schema.fields import connection
from schema.mapping import node_type
from schema.relay import Node


@node_type("Campaign")
@strawberry.type(description="A campaign.")
class Campaign(Node):
    name: str
    year: int | None

    participants = connection("Campaign.participants", Node, None, "Who joined it.")
