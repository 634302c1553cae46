"""The GraphQL schema."""

from __future__ import annotations

from functools import partial

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from app.settings import Settings, get_settings


def build_schema(settings: Settings) -> strawberry.Schema:
    from schema.extensions import ErrorVocabulary, RequestAccounting
    from schema.mutation import Mutation
    from schema.query import NODE_TYPES, Query

    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
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
