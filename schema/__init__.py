"""The GraphQL schema: the core Query and Mutation, merged with those of each feature module."""

from __future__ import annotations

from functools import partial

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
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
        mobilization.Query,
        visits.Query,
        assessments.Query,
    )
    mutations: tuple[type, ...] = (
        mutation.Mutation,
        linkage.Mutation,
        mobilization.Mutation,
        visits.Mutation,
        assessments.Mutation,
    )
    subscriptions: tuple[type, ...] = (mobilization.Subscription,)

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
            RequestAccounting,
            ErrorVocabulary,
        ],
    )


def schema_sdl() -> str:
    return build_schema(get_settings()).as_str() + "\n"
