"""Assessments (三位一体考核) and awards."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.fields import one
from schema.mapping import node_type
from schema.relay import Node


@node_type("Assessment")
@strawberry.type(description="An assessment of daily work, key work and problem solving.")
class Assessment(Node):
    period: str
    daily_work: int | None
    key_work: int | None
    problem_solving: int | None
    assessed_at: dt.date | None

    target = one("Assessment.target", Node, "The organisation or cadre assessed.")


@node_type("Award")
@strawberry.type(description="An award: 示范网格团组织 or 最美网格团干部.")
class Award(Node):
    title: str
    year: int | None

    recipient = one("Award.recipient", Node, "The organisation or cadre awarded.")
