"""Cadre trainings."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.enums import TrainingTopic
from schema.fields import connection, label
from schema.filters import CadreFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


@node_type("Training")
@strawberry.type(description="A training session for cadres.")
class Training(Node):
    title: str
    topic: TrainingTopic | None
    date: dt.date | None

    topic_label = label("topic")
    attendees = connection("Training.attendees", refs.Cadre, CadreFilter)
