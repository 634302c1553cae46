"""Enterprises in the grids."""

from __future__ import annotations

import strawberry

from schema.fields import one
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Enterprise")
@strawberry.type(description="An enterprise located in a grid.")
class Enterprise(Node):
    name: str
    industry: str | None

    grid = one("Enterprise.grid", refs.Grid)
