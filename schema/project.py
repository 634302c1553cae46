"""Service projects (七彩暑托班, 青年人才节, 青少年信用+ …) and their activities."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema import refs
from schema.enums import ProjectBrand
from schema.fields import connection, label, one
from schema.filters import ActivityFilter, FundFilter
from schema.mapping import node_type
from schema.relay import Node


@node_type("ServiceProject")
@strawberry.type(description="A branded service project.")
class ServiceProject(Node):
    name: str
    brand: ProjectBrand | None
    year: int | None
    archived_at: dt.datetime | None

    brand_label = label("brand")
    run_by = one("ServiceProject.runBy", refs.Organization)
    activities = connection("ServiceProject.activities", refs.Activity, ActivityFilter)
    funds = connection(
        "ServiceProject.funds", refs.Fund, FundFilter, "Funds allocated to it (edge: amount)."
    )


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
