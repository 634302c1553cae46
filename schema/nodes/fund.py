"""Funds and where they were allocated."""

from __future__ import annotations

import strawberry

from schema.enums import FundSource
from schema.fields import connection, label
from schema.mapping import node_type
from schema.relay import Node


@node_type("Fund")
@strawberry.type(description="Money secured for grid organisations and projects.")
class Fund(Node):
    name: str
    source: FundSource | None
    year: int | None
    amount: int | None = strawberry.field(description="Yuan.")

    source_label = label("source")
    allocations = connection(
        "Fund.allocations", Node, None, "Projects and organisations it went to (edge: amount)."
    )
