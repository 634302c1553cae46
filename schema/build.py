"""The GraphQL schema: the root Query, Mutation and Subscription merged from those of each
feature module (a feature adds its classes here), with the schema's limits and extensions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Any

import strawberry
from graphql import GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, GraphQLSchema
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
)
from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition
from strawberry.tools import merge_types

from core.settings import Settings, get_settings
from schema import (
    assessments,
    audit,
    cobuilding,
    entities,
    exploration,
    imports,
    linkage,
    mobilization,
    reports,
    visits,
)
from schema.extensions import ErrorVocabulary, RequestAccounting, Schema, node_budget
from schema.validation import validation_extension

NO_INTROSPECTION = NoSchemaIntrospectionCustomRule  # added outside development (YM_DEV=false)


def build_schema(settings: Settings, extensions: Sequence[Any] = ()) -> strawberry.Schema:
    """The schema; `extensions` are the app's own (tracing), after the project's."""

    # A feature adds its own `Query`/`Mutation` classes in its module and lists them here.
    queries: tuple[type, ...] = (
        entities.Query,
        exploration.Query,
        linkage.Query,
        cobuilding.Query,
        reports.Query,
        mobilization.Query,
        visits.Query,
        assessments.Query,
        audit.Query,
    )
    mutations: tuple[type, ...] = (
        entities.Mutation,
        linkage.Mutation,
        mobilization.Mutation,
        visits.Mutation,
        assessments.Mutation,
        imports.Mutation,
    )
    subscriptions: tuple[type, ...] = (mobilization.Subscription,)

    built = Schema(
        query=merge_types("Query", queries),
        mutation=merge_types("Mutation", mutations),
        subscription=merge_types("Subscription", subscriptions) if subscriptions else None,
        types=entities.NODE_TYPES,
        # Classes or factories, never instances: extensions keep per-request state.
        extensions=[
            partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
            # rules the validation below adds to the document's: one node budget; introspection
            # only in development (YM_DEV; clients use schema.graphql)
            partial(AddValidationRules, [node_budget(settings.max_nodes)]),
            *(
                []
                if settings.dev
                else [partial(AddValidationRules, [NoSchemaIntrospectionCustomRule])]
            ),
            # a document is parsed and validated once, however often it is sent; depth,
            # aliases, fragments, page sizes, cursors and string lengths are checked there
            # (schema/validation.py), so an invalid document runs nothing
            partial(ParserCache, maxsize=512),
            validation_extension(settings),
            RequestAccounting,
            ErrorVocabulary,
            *extensions,
        ],
        scalar_overrides=SCALARS,
    )
    non_null_labels(built._schema)
    return built


# -- scalars and labels clients can type ------------------------------------------------------
# Date and DateTime say which format they follow (@specifiedBy): RFC 3339's full-date and
# date-time (ISO 8601 profiles), as the GraphQL Scalars project specifies them.
SCALARS: dict[object, Any] = {
    dt.date: replace(
        DateDefinition, specified_by_url="https://scalars.graphql.org/andimarek/local-date"
    ),
    dt.datetime: replace(
        DateTimeDefinition, specified_by_url="https://scalars.graphql.org/andimarek/date-time"
    ),
}


def non_null_labels(schema: GraphQLSchema) -> None:
    """A `…Label` field is non-null wherever the enum field it labels (`…`) is: a code always
    has its Chinese label, so clients need not handle a null that never comes."""
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            continue
        fields = named.fields
        for name, field in fields.items():
            code = fields.get(name.removesuffix("Label")) if name.endswith("Label") else None
            if (
                code is not None
                and isinstance(code.type, GraphQLNonNull)
                and not isinstance(field.type, GraphQLNonNull)
            ):
                field.type = GraphQLNonNull(field.type)


def schema_sdl() -> str:
    return build_schema(get_settings()).as_str() + "\n"
