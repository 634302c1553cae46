"""Youth on file (专项档案): personal data, masked unless the caller's work needs it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from schema.enums import Difficulty, Gender
from schema.fields import connection, label, one, personal_field
from schema.filters import AppealFilter, VisitFilter
from schema.mapping import node_type
from schema.nodes import refs
from schema.relay import Node


def _date(value: Any) -> dt.date:
    return value.to_native() if hasattr(value, "to_native") else value


@node_type("Youth")
@strawberry.type(description="A youth on file; many are minors.")
class Youth(Node):
    gender: Gender | None
    birth_date = personal_field(
        "birthDate",
        dt.date | None,
        "Birth date; hidden unless your work needs it (birthYear is not).",
        _date,
    )

    @strawberry.field(description="The year of birth.", metadata={"uses": ("birthDate",)})
    def birth_year(self) -> int | None:
        born = self.personal.get("birthDate")
        return born.year if born else None

    in_difficulty: bool | None
    archived_at: dt.datetime | None
    personal: strawberry.Private[dict]

    gender_label = label("gender")
    name = personal_field("name", str | None, "Name; masked (张**) unless your work needs it.")
    id_number = personal_field(
        "idNumber", str | None, "居民身份证号; masked (370811********1234) unless needed."
    )
    phone = personal_field("phone", str | None, "Mobile number; masked unless needed.")
    address = personal_field("address", str | None, "Address; masked unless needed.")
    difficulties = personal_field(
        "difficulties",
        list[Difficulty] | None,
        "Difficulties; hidden unless needed.",
        lambda codes: [Difficulty(c) for c in codes],
    )
    difficulties_labels = personal_field(
        "difficulties",
        list[str] | None,
        "The Chinese labels of the difficulties; hidden unless needed.",
        lambda codes: [Difficulty(c).label for c in codes],
    )

    grid = one("Youth.grid", refs.Grid)
    appeals = connection("Youth.appeals", refs.Appeal, AppealFilter)
    visits = connection("Youth.visits", refs.Visit, VisitFilter)
