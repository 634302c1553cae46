"""Settings, read from the environment (and a `.env` file). The README's table lists each one."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

RELAY_MINUTES = {"TOWN": 0.5, "COMMUNITY": 1.0, "GRID": 1.0, "FALLBACK": 10.0}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="YM_", env_file=".env", extra="ignore")

    # An external Neo4j: when NEO4J_URI is set, nothing is downloaded or started.
    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USER"))
    neo4j_password: str | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_PASSWORD")
    )
    neo4j_database: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))

    # The project-managed Neo4j.
    state_dir: Path = Path(".neo4j")
    neo4j_port: int = 0  # 0: pick a free port on first start and keep it
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    neo4j_start_timeout: float = 180.0

    # Every Cypher transaction of a request is cut off after this many seconds; set-up
    # (migrations, dataset loads, in batches) has its own, longer limit.
    query_timeout: float = 15.0
    setup_timeout: float = 600.0
    setup_retry_time: float = 60.0  # set-up retries a transient failure for this long

    host: str = "127.0.0.1"
    port: int = 8000
    dev: bool = True  # GraphiQL at /graphql
    log_level: str = "INFO"

    jwt_secret: str | None = None  # None: a generated secret kept in the state folder
    jwt_ttl_hours: int = 12

    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_page_size: int = 100
    # Hostile documents and bodies (README, "Limits"): fragment spreads in a document, fields
    # of a document with every fragment expanded, characters of any argument string, bytes of
    # a request body (413 above).
    max_fragment_spreads: int = 100
    max_expanded_fields: int = 5000
    max_string_length: int = 10_000
    max_body_bytes: int = 1_000_000

    # Neo4j away (README, "Errors"): the background ping's period and its own timeout, the
    # driver's connection and pool-acquisition timeouts, how long a request's transaction is
    # retried on a transient error, and the Retry-After seconds of a 503.
    health_interval: float = 0.5
    ping_timeout: float = 1.0
    connection_timeout: float = 1.0
    acquisition_timeout: float = 1.5
    request_retry_time: float = 0.5
    retry_after: int = 2

    # Tower relay minutes per hop, by the level of the receiving group (reach, README); FALLBACK:
    # the extra minutes for a unit without a group of its own, told from its community's group.
    relay_minutes: dict[str, float] = Field(default_factory=lambda: dict(RELAY_MINUTES))

    @field_validator("relay_minutes")
    @classmethod
    def _relay_minutes(cls, given: dict[str, float]) -> dict[str, float]:
        unknown = set(given) - set(RELAY_MINUTES)
        if unknown or any(minutes < 0 for minutes in given.values()):
            raise ValueError(f"keys among {sorted(RELAY_MINUTES)}, minutes >= 0; got {given}")
        return {**RELAY_MINUTES, **given}  # a key left out keeps its default


@lru_cache
def get_settings() -> Settings:
    return Settings()
