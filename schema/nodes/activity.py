"""Activities of service projects."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.fields import connection, one
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Activity")
@strawberry.type(description="An activity of a project.")
class Activity(Node):
    title: str
    date: dt.date | None
    participants: int | None = strawberry.field(description="People who took part (applied).")
    served: int | None = strawberry.field(description="Youth or children served.")
    archived_at: dt.datetime | None

    project = one("Activity.project", refs.ServiceProject)
    organized_by = one("Activity.organizedBy", refs.Organization)
    held_at = one("Activity.heldAt", refs.Position)
    partners = connection(
        "Activity.partners",
        Node,
        None,
        "Its partners: social organisations, industry committees, enterprises.",
    )
