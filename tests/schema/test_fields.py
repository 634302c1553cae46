"""Every field and filter that touches a personal property goes through the one rule
(core/personal.py, resolvers/personal.py): a walk over the whole schema."""

from __future__ import annotations

import re

from graphql import GraphQLObjectType

from core.personal import PERSONAL, PERSONAL_FILTERS
from core.settings import get_settings
from graph.entities import ENTITIES
from schema.build import build_schema
from schema.mapping import TYPES, camel

# Fields that read a personal property yet show none of it, each for a reason.
DERIVED = {("Youth", "birthYear"): "the year only, which the rule allows a masked reader"}


def _props(definition: object) -> set[str] | None:
    """The graph properties a field reads (None: every property)."""
    meta = getattr(definition, "metadata", None) or {}
    if "relation" in meta:
        return set()
    if "uses" in meta:
        return set(meta["uses"])
    if getattr(definition, "base_resolver", None) is None:
        name = getattr(definition, "python_name", "")
        return {"id" if name == "key" else camel(name)}
    return None


def test_every_field_reading_personal_data_is_masked_by_the_rule() -> None:
    schema = build_schema(get_settings())._schema
    unruled = []
    for label, personal in PERSONAL.items():
        object_type = schema.type_map[TYPES[label].__name__]
        assert isinstance(object_type, GraphQLObjectType)
        for name, field in object_type.fields.items():
            definition = field.extensions["strawberry-definition"]
            props = _props(definition)
            touches = props is None or bool(props & set(personal))
            masked = "personal" in (definition.metadata or {})
            if touches and not masked and (label, name) not in DERIVED and name != "id":
                unruled.append(f"{label}.{name}")
    assert unruled == []


def test_every_filter_testing_personal_data_needs_unmasked_rights() -> None:
    unruled = []
    for label, personal in PERSONAL.items():
        for name, predicate in ENTITIES[label].filters.items():
            props = set(re.findall(r"\{v\}\.(\w+)", predicate))
            if props & set(personal) and name not in PERSONAL_FILTERS.get(label, ()):
                unruled.append(f"{label}.{name}")
    assert unruled == []


def test_the_walk_sees_the_personal_fields() -> None:
    """The rule covers what DOMAIN.md names: a youth's name, id number, birth date, phone,
    address and difficulties, and a cadre's phone."""
    assert set(PERSONAL["Youth"]) == {
        "name", "idNumber", "birthDate", "phone", "address", "difficulties",
    }  # fmt: skip
    assert PERSONAL["Cadre"] == ("phone",)
    assert set(PERSONAL_FILTERS["Youth"]) == {"search", "difficulty"}
