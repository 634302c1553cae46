"""Settings, read from the environment (and a `.env` file). The README's table lists each one."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

RELAY_MINUTES = {"TOWN": 0.5, "COMMUNITY": 1.0, "GRID": 1.0, "FALLBACK": 10.0}
# Requests per minute per account and role (README, "Deploying"); ANONYMOUS: per address.
# 0: no limit, the default (local use, tests); deployments set YM_RATE_LIMITS, e.g. the README's.
RATE_LIMITS = {
    "DISTRICT_ADMIN": 0,
    "INSPECTOR": 0,
    "TOWN_ADMIN": 0,
    "COMMUNITY_CADRE": 0,
    "GRID_CADRE": 0,
    "SOCIAL_ORG": 0,
    "ANONYMOUS": 0,
}


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

    # The console's built pages (web/dist of a checkout when unset; the Docker image sets it).
    web_dist: Path | None = None

    host: str = "127.0.0.1"
    port: int = 8000
    dev: bool = True  # GraphiQL at /graphql
    demo: bool = True  # YM_DEMO: load the rencheng demo into an empty database at start
    log_level: str = "INFO"

    # A social organisation sees a referred youth's personal data while the referral is open
    # (MATCHED, IN_PROGRESS) and for this many days after it was resolved or closed.
    social_org_grace_days: int = 30
    # How long the audit trail keeps each unmasked read of personal data (3 years).
    audit_retention_days: int = 1096

    jwt_secret: str | None = None  # None: a generated secret kept in the state folder
    jwt_ttl_hours: int = 12

    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_nodes: int = 2500  # the nodes one request may read, pages × aliases × nesting
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

    # -- serving (README, "Deploying") -----------------------------------------------------------
    workers: int | None = None  # `serve` worker processes; None: one per core
    # The broker between workers (nats://host:4222). Unset: `serve` with several workers starts
    # the project's own NATS; one process works in memory without any.
    broker_url: str | None = None
    cors_origins: list[str] = Field(default_factory=list)  # e.g. ["https://console.example.cn"]
    # Persisted queries: the allow-list (sha256 -> document) and whether only those are accepted.
    persisted_queries: Path | None = None  # None: the one shipped with the app
    persisted_only: bool = False
    # Requests per minute per account, by role ("ANONYMOUS": per client address); 0: no limit.
    rate_limits: dict[str, int] = Field(default_factory=lambda: dict(RATE_LIMITS))
    metrics: bool = True  # GET /metrics (Prometheus text format)
    # OpenTelemetry: spans of each operation to this OTLP/HTTP endpoint, or "console"; unset: off.
    otel_endpoint: str | None = None
    otel_service_name: str = "youth-matrix"

    @field_validator("rate_limits")
    @classmethod
    def _rate_limits(cls, given: dict[str, int]) -> dict[str, int]:
        unknown = set(given) - set(RATE_LIMITS)
        if unknown or any(limit < 0 for limit in given.values()):
            raise ValueError(f"keys among {sorted(RATE_LIMITS)}, limits >= 0; got {given}")
        return {**RATE_LIMITS, **given}

    # The partnership report's XLSX (app/downloads.py): the cover's title and issuing unit.
    report_title: str = "任城区团组织联建共建报告"
    report_issuer: str = "共青团济宁市任城区委员会"
    # The GraphQL mutation importFile takes small files only (bytes of the decoded file);
    # larger ones go through POST /imports or the CLI.
    import_inline_max_bytes: int = 2 * 1024 * 1024

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
