"""The GraphQL schema: the core Query and Mutation, merged with those of each feature module."""

from __future__ import annotations

from functools import partial

import strawberry
from strawberry.extensions import MaxTokensLimiter, ParserCache
from strawberry.tools import merge_types

from core.settings import Settings, get_settings


def build_schema(settings: Settings) -> strawberry.Schema:
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

    from schema.extensions import ErrorVocabulary, RequestAccounting, Schema
    from schema.validation import validation_extension

    return Schema(
        query=merge_types("Query", queries),
        mutation=merge_types("Mutation", mutations),
        subscription=merge_types("Subscription", subscriptions) if subscriptions else None,
        types=entities.NODE_TYPES,
        # Classes or factories, never instances: extensions keep per-request state.
        extensions=[
            partial(MaxTokensLimiter, max_token_count=settings.max_tokens),
            # a document is parsed and validated once, however often it is sent; depth,
            # aliases, fragments, page sizes, cursors and string lengths are checked there
            # (schema/validation.py), so an invalid document runs nothing
            partial(ParserCache, maxsize=512),
            validation_extension(settings),
            RequestAccounting,
            ErrorVocabulary,
        ],
    )


def schema_sdl() -> str:
    return build_schema(get_settings()).as_str() + "\n"
