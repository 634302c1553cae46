"""Service projects (七彩暑托班, 青年人才节, 青少年信用+ …)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import ProjectBrand
from schema.fields import connection, label, one
from schema.filters import ActivityFilter, FundFilter
from schema.mapping import node_type
from schema.nodes import refs
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
