"""Governance grids (网格)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.fields import connection, one
from schema.filters import EnterpriseFilter, PositionFilter, YouthFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Grid")
@strawberry.type(description="A governance grid of the district's social-governance grid.")
class Grid(Node):
    name: str
    youth_count: int | None = strawberry.field(description="Youth living in the grid (census).")
    archived_at: dt.datetime | None

    community = one("Grid.community", refs.Organization, "The community branch it lies within.")
    branch = one("Grid.branch", refs.Organization, "Its grid branch; none when not yet formed.")

    served_by = one(
        "Grid.servedBy", refs.Organization, "Who serves it: its branch, or else its community."
    )
    youth = connection("Grid.youth", refs.Youth, YouthFilter, "Youth on file in the grid.")
    enterprises = connection("Grid.enterprises", refs.Enterprise, EnterpriseFilter)
    positions = connection("Grid.positions", refs.Position, PositionFilter)
