"""The GraphQL schema: the root Query, Mutation and Subscription merged from those of each
feature module (a feature adds its classes here), with the schema's limits and extensions."""

from __future__ import annotations

from functools import partial

import strawberry
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
from schema.extensions import ErrorVocabulary, RequestAccounting, node_budget


def build_schema(settings: Settings) -> strawberry.Schema:

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
            partial(AddValidationRules, [node_budget(settings.max_nodes)]),
            # a document is parsed and validated once, however often it is sent
            partial(ParserCache, maxsize=512),
            partial(ValidationCache, maxsize=512),
            RequestAccounting,
            ErrorVocabulary,
        ],
    )


def schema_sdl() -> str:
    return build_schema(get_settings()).as_str() + "\n"
