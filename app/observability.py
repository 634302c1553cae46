"""The operator's view: Prometheus metrics at /metrics and OpenTelemetry tracing.

Metrics (prometheus-client): GraphQL operations by name and type with their latency, errors by
code, Cypher transactions (round trips) and their time, Neo4j sessions in use against the pool's
size, cache hits and misses by memo, HTTP requests by path and status. With several workers
(`serve --workers N`) each process writes its samples to PROMETHEUS_MULTIPROC_DIR (set by
`serve` before the workers start) and /metrics, answered by any worker, adds them all up.

Tracing: off unless YM_OTEL_ENDPOINT is set ("console" prints spans, else an OTLP/HTTP collector
URL, which needs the `otlp` extra). Then strawberry's synchronous OpenTelemetryExtensionSync
traces parsing, validation and resolvers, and each operation gets a span of its own (compiled
operations, which skip the executor, included).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client import REGISTRY as DEFAULT_REGISTRY
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions.tracing import OpenTelemetryExtensionSync

from core.settings import Settings
from graph import cache, driver

LATENCY = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

OPERATIONS = Counter("ym_graphql_operations", "GraphQL operations answered", ["operation", "type"])
OPERATION_SECONDS = Histogram(
    "ym_graphql_operation_seconds", "GraphQL operation latency", ["operation"], buckets=LATENCY
)
ERRORS = Counter("ym_graphql_errors", "GraphQL errors, by extensions.code", ["code"])
OPERATION_ROUND_TRIPS = Histogram(
    "ym_graphql_cypher_round_trips",
    "Cypher round trips per GraphQL operation",
    buckets=(1, 2, 3, 4, 5, 8, 13, 21),
)
CYPHER = Counter("ym_cypher_transactions", "Cypher transactions (round trips)", ["kind"])
CYPHER_SECONDS = Histogram(
    "ym_cypher_seconds", "Time of a Cypher transaction", ["kind"], buckets=LATENCY
)
SESSIONS = Gauge(
    "ym_neo4j_sessions_in_use",
    "Neo4j sessions in use (pool connections)",
    multiprocess_mode="livesum",
)
POOL_SIZE = Gauge("ym_neo4j_pool_size", "Neo4j connection pool size", multiprocess_mode="max")
CACHE = Counter("ym_cache_lookups", "Memo lookups (scope, overview)", ["memo", "result"])
HTTP = Counter("ym_http_requests", "HTTP requests", ["path", "status"])
RATE_LIMITED = Counter("ym_rate_limited", "Requests refused by the rate limit", ["role"])


def _transaction(kind: str, seconds: float) -> None:
    CYPHER.labels(kind).inc()
    CYPHER_SECONDS.labels(kind).observe(seconds)


def _memo(name: str, hit: bool) -> None:
    CACHE.labels(name, "hit" if hit else "miss").inc()


def install(pool_size: int) -> None:
    """Hooks the metrics to the graph floor's observers (once per process)."""
    if _transaction not in driver.transaction_observers:
        driver.transaction_observers.append(_transaction)
        driver.session_observers.append(SESSIONS.inc)
        cache.observers.append(_memo)
    POOL_SIZE.set(pool_size)


_OPERATION = re.compile(r"\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")


def operation_of(document: str | None, name: str | None) -> tuple[str, str | None]:
    """The operation's type and name: the one asked for, or the document's (its first)."""
    text = document or ""
    if name:
        found = re.search(rf"\b(query|mutation|subscription)\s+{re.escape(name)}\b", text)
        return (found.group(1) if found else "query"), name
    found = _OPERATION.search(text)
    if found:
        return found.group(1), found.group(2)
    return ("mutation" if text.lstrip().startswith("mutation") else "query"), None


@contextmanager
def operation(name: str | None) -> Iterator[dict[str, Any]]:
    """Times one GraphQL operation; the caller puts its result in the yielded dict."""
    label = name or "anonymous"
    outcome: dict[str, Any] = {}
    started = time.perf_counter()
    with _tracer().start_as_current_span(f"graphql {label}") as span:
        try:
            yield outcome
        finally:
            if not outcome.get("fallback"):  # else counted where it is answered
                _observe(label, outcome, time.perf_counter() - started, span)


def _observe(label: str, outcome: dict[str, Any], seconds: float, span: Any) -> None:
    OPERATION_SECONDS.labels(label).observe(seconds)
    OPERATIONS.labels(label, outcome.get("type", "query")).inc()
    result = outcome.get("result")
    if result is None:
        return
    for error in result.errors or ():
        code = (getattr(error, "extensions", None) or {}).get("code", "INTERNAL")
        ERRORS.labels(code).inc()
    trips = (result.extensions or {}).get("cypherRoundTrips")
    if isinstance(trips, int):
        OPERATION_ROUND_TRIPS.observe(trips)
        span.set_attribute("ym.cypher_round_trips", trips)


def http_request(path: str, status: int) -> None:
    known = path if path in ("/graphql", "/metrics") or path.startswith("/health") else "other"
    HTTP.labels(known, str(status)).inc()


def registry() -> Any:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        collected = CollectorRegistry()
        multiprocess.MultiProcessCollector(collected)
        return collected
    return DEFAULT_REGISTRY


async def metrics_endpoint(request: Request) -> Response:
    return Response(generate_latest(registry()), media_type=CONTENT_TYPE_LATEST)


# -- tracing ---------------------------------------------------------------------------------
_provider: TracerProvider | None = None


def _tracer() -> trace.Tracer:
    return (_provider or trace.get_tracer_provider()).get_tracer("youth_matrix")


def configure_tracing(settings: Settings, exporter: SpanExporter | None = None) -> bool:
    """Sets up the tracer provider when tracing is configured (or an exporter is given, as the
    tests do); returns whether tracing is on."""
    global _provider
    if exporter is None:
        if not settings.otel_endpoint:
            return False
        if settings.otel_endpoint == "console":
            exporter = ConsoleSpanExporter()
        else:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # the `otlp` extra
                OTLPSpanExporter,
            )

            exporter = OTLPSpanExporter(endpoint=settings.otel_endpoint)
        processor: Any = BatchSpanProcessor(exporter)
    else:
        processor = SimpleSpanProcessor(exporter)
    provider = TracerProvider(
        resource=Resource.create({"service.name": settings.otel_service_name})
    )
    provider.add_span_processor(processor)
    _provider = provider
    trace.set_tracer_provider(provider)  # strawberry's extension uses the global provider
    return True


def schema_extensions(settings: Settings) -> list[Any]:
    """What the schema gets for tracing: strawberry's synchronous extension when tracing is on."""
    return [OpenTelemetryExtensionSync] if (settings.otel_endpoint or _provider) else []
