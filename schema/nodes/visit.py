"""Visits by cadres (9号议事日 and routine)."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import VisitKind
from schema.fields import connection, label, one
from schema.filters import AppealFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Visit")
@strawberry.type(description="A cadre's visit to a youth, an enterprise or an organisation.")
class Visit(Node):
    kind: VisitKind | None
    date: dt.date | None
    notes: str | None

    kind_label = label("kind")
    cadre = one("Visit.cadre", refs.Cadre)
    target = one("Visit.target", Node, "Whom it visited: a youth, enterprise or organisation.")
    appeals = connection("Visit.appeals", refs.Appeal, AppealFilter, "Appeals it produced.")
