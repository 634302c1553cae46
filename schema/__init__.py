"""The GraphQL schema: the core Query and Mutation, merged with those of each feature module."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import strawberry
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.tools import merge_types

from core.settings import Settings, get_settings

NO_INTROSPECTION = NoSchemaIntrospectionCustomRule  # added outside development (YM_DEV=false)


def build_schema(settings: Settings, extensions: Sequence[Any] = ()) -> strawberry.Schema:
    """The schema; `extensions` are the app's own (tracing), after the project's."""
    from schema import (
        assessments,
        cobuilding,
        entities,
        exploration,
        linkage,
        mobilization,
        mutation,
        report,
        visits,
    )

    # A feature adds its own `Query`/`Mutation` classes in its module and lists them here.
    queries: tuple[type, ...] = (
        entities.Query,
        exploration.Query,
        linkage.Query,
        cobuilding.Query,
        report.ReportQuery,
        mobilization.MobilizationQuery,
        visits.VisitQuery,
        assessments.AssessmentQuery,
    )
    mutations: tuple[type, ...] = (
        mutation.Mutation,
        linkage.Mutation,
        mobilization.MobilizationMutation,
        visits.VisitMutation,
        assessments.AssessmentMutation,
    )
    subscriptions: tuple[type, ...] = (mobilization.MobilizationSubscription,)

    from schema.extensions import ErrorVocabulary, RequestAccounting

    return strawberry.Schema(
        query=merge_types("Query", queries),
        mutation=merge_types("Mutation", mutations),
        subscription=merge_types("Subscription", subscriptions) if subscriptions else None,
        types=entities.NODE_TYPES,
        # Classes or factories, never instances: extensions keep per-request state.
        extensions=[
            partial(QueryDepthLimiter, max_depth=settings.max_query_depth),
            partial(MaxAliasesLimiter, max_alias_count=settings.max_aliases),
            partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
            # a document is parsed and validated once, however often it is sent
            partial(ParserCache, maxsize=512),
            partial(ValidationCache, maxsize=512),
            RequestAccounting,
            ErrorVocabulary,
            # introspection only in development (YM_DEV); clients use schema.graphql
            *(
                []
                if settings.dev
                else [partial(AddValidationRules, [NoSchemaIntrospectionCustomRule])]
            ),
            *extensions,
        ],
    )


def schema_sdl() -> str:
    return build_schema(get_settings()).as_str() + "\n"
