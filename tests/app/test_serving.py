"""The operator's tools over a real database (the small `mini` district): /metrics, persisted
queries, rate limits, CORS, introspection only in development, tracing, JSON logs."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from app import observability
from app.asgi import create_app
from app.logging import JsonFormatter, request_id
from app.serving import document_hash, load_persisted, readme_operations
from core.settings import Settings, get_settings
from graph.driver import Database
from tests.conftest import token

ROOT = Path(__file__).resolve().parents[2]
OVERVIEW = "{ organizations(filter: {kind: TOWN_COMMITTEE}) { totalCount } }"
TOWNS = 2  # the mini district's towns (古槐街道, 济阳街道)
DISTRICT = {"Authorization": f"Bearer {token('DISTRICT_ADMIN', 'RC')}"}


def _settings(**changes: Any) -> Settings:
    return get_settings().model_copy(update=changes)


@pytest.fixture
def make_client(mini: Database) -> Any:
    clients: list[httpx.AsyncClient] = []

    def make(**changes: Any) -> httpx.AsyncClient:
        app = create_app(mini, _settings(**changes))
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")
        clients.append(client)
        return client

    yield make


@pytest.fixture
async def client(make_client: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as http:
        yield http


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample of the Prometheus text format (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#") or " " not in line:
            continue
        series, value = line.rsplit(" ", 1)
        metric, _, rest = series.partition("{")
        got = ",".join(sorted(rest.rstrip("}").split(","))) if rest else ""
        if metric == name and got == wanted:
            return float(value)
    return 0.0


async def test_metrics_count_operations_by_name_errors_by_code_and_cypher_round_trips(
    client: httpx.AsyncClient,
) -> None:
    before = (await client.get("/metrics")).text
    for _ in range(2):
        ask = {"query": "query Figures " + OVERVIEW}
        answer = await client.post("/graphql", json=ask, headers=DISTRICT)
        assert answer.json()["data"]["organizations"]["totalCount"] == TOWNS
    bad = await client.post("/graphql", json={"query": "{ appeals { totalCount } }"})
    assert bad.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text

    def grew(name: str, **labels: str) -> float:
        return _sample(after, name, **labels) - _sample(before, name, **labels)

    assert grew("ym_graphql_operations_total", operation="Figures", type="query") == 2
    assert grew("ym_graphql_operation_seconds_count", operation="Figures") == 2
    assert grew("ym_graphql_errors_total", code="UNAUTHENTICATED") == 1
    assert grew("ym_cypher_transactions_total", kind="read") >= 1  # the overview's read
    assert grew("ym_cypher_seconds_count", kind="read") >= 1
    # the caller's scope is memoised: the second ask is a hit
    assert grew("ym_cache_lookups_total", memo="scope", result="hit") >= 1
    assert _sample(after, "ym_neo4j_pool_size") == 50
    assert "ym_neo4j_sessions_in_use" in after
    assert grew("ym_http_requests_total", path="/graphql", status="200") == 3


async def test_the_readme_operations_are_persisted_and_can_be_sent_by_hash(
    make_client: Any,
) -> None:
    bundled = load_persisted(None)
    readme = readme_operations((ROOT / "README.md").read_text())
    assert len(readme) >= 10
    assert {document_hash(op) for op in readme} <= set(bundled)  # `persisted build` is current
    appeals = next(op for op in readme if op.startswith("{ appeals(first: 50"))
    sha = document_hash(appeals)
    async with make_client(persisted_only=True) as http:
        apq = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha}}}
        answer = (await http.post("/graphql", json=apq, headers=DISTRICT)).json()
        assert answer["data"]["appeals"]["totalCount"] > 0
        by_id = {"documentId": f"sha256:{sha}"}
        assert (await http.post("/graphql", json=by_id, headers=DISTRICT)).json() == answer
        # the document itself is on the list: accepted as well
        same = await http.post("/graphql", json={"query": appeals}, headers=DISTRICT)
        assert same.json() == answer
        # anything else is refused in production
        other = await http.post("/graphql", json={"query": OVERVIEW}, headers=DISTRICT)
        assert other.status_code == 400
        assert other.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_ALLOWED"
        unknown = await http.post("/graphql", json={"documentId": "sha256:" + "0" * 64})
        assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    async with make_client() as http:  # not only persisted: any document is answered
        anything = await http.post("/graphql", json={"query": OVERVIEW}, headers=DISTRICT)
        assert anything.json()["data"]["organizations"]["totalCount"] == TOWNS


async def test_rate_limits_apply_per_account_and_role(make_client: Any) -> None:
    # 12 a minute: a burst of 2, then one every 5 s
    async with make_client(rate_limits={"TOWN_ADMIN": 12, "ANONYMOUS": 6}) as http:
        town = {"Authorization": f"Bearer {token('TOWN_ADMIN', 'RC-T01', 'zhang')}"}
        codes = [
            (await http.post("/graphql", json={"query": OVERVIEW}, headers=town)).status_code
            for _ in range(3)
        ]
        assert codes == [200, 200, 429]
        refused = await http.post("/graphql", json={"query": OVERVIEW}, headers=town)
        assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert 1 <= int(refused.headers["retry-after"]) <= 5
        # another account of the same role has its own bucket
        li = {"Authorization": f"Bearer {token('TOWN_ADMIN', 'RC-T01', 'li')}"}
        other = await http.post("/graphql", json={"query": OVERVIEW}, headers=li)
        assert other.status_code == 200
        # anonymous callers: 6 a minute, a burst of 1, per address
        anonymous = [(await http.post("/graphql", json={"query": OVERVIEW})).status_code
                     for _ in range(2)]  # fmt: skip
        assert anonymous == [200, 429]
        # health checks are never limited
        assert (await http.get("/health/live")).status_code == 200


async def test_cors_allows_the_configured_origins_only(make_client: Any) -> None:
    async with make_client(cors_origins=["https://console.example.cn"]) as http:
        ask = {
            "Origin": "https://console.example.cn",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        }
        allowed = await http.options("/graphql", headers=ask)
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://console.example.cn"
        denied = await http.options("/graphql", headers={**ask, "Origin": "https://evil.example"})
        assert denied.status_code == 400
        assert "access-control-allow-origin" not in denied.headers


async def test_introspection_only_in_development(make_client: Any) -> None:
    query = {"query": "{ __schema { queryType { name } } }"}
    async with make_client(dev=True) as http:
        shown = (await http.post("/graphql", json=query)).json()
        assert shown["data"]["__schema"] == {"queryType": {"name": "Query"}}
    async with make_client(dev=False) as http:
        answer = (await http.post("/graphql", json=query)).json()
        assert answer.get("data") is None
        assert "introspection" in answer["errors"][0]["message"].lower()
        # ordinary queries are unaffected
        ok = (await http.post("/graphql", json={"query": OVERVIEW}, headers=DISTRICT)).json()
        assert ok["data"]["organizations"]["totalCount"] == TOWNS


async def test_tracing_records_a_span_per_operation_when_configured(make_client: Any) -> None:
    exporter = InMemorySpanExporter()
    assert observability.configure_tracing(get_settings(), exporter)
    async with make_client() as http:
        ask = {"query": "query Traced " + OVERVIEW}
        answer = await http.post("/graphql", json=ask, headers=DISTRICT)
        assert answer.json()["data"]["organizations"]["totalCount"] == TOWNS
    names = [span.name for span in exporter.get_finished_spans()]
    assert "graphql Traced" in names  # ours, around the whole operation
    assert any(name != "graphql Traced" for name in names)  # strawberry's (parse, validate, ...)


def test_log_lines_are_json_without_terminal_escapes_and_carry_the_request_id() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("uvicorn.error.test")
    logger.addHandler(handler)
    logger.propagate = False
    token_ = request_id.set("abc123")
    try:
        logger.info(
            "\x1b[32mStarted\x1b[0m server", extra={"color_message": "\x1b[1mStarted\x1b[0m"}
        )
    finally:
        request_id.reset(token_)
        logger.removeHandler(handler)
    line = stream.getvalue().strip()
    assert "\x1b" not in line and "\\u001b" not in line
    entry = json.loads(line)
    assert entry["message"] == "Started server"
    assert entry["requestId"] == "abc123"
    assert "color_message" not in entry
