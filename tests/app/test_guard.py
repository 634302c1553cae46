"""The door before GraphQL (app/guard.py): malformed and oversized bodies answer in GraphQL's
shape with a code; client errors are logged at INFO without a traceback."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from core.settings import get_settings
from graph.driver import Database

MALFORMED = {
    "a JSON string": b'"hello"',
    "a JSON number": b"42",
    "JSON null": b"null",
    "a list": b'[{"query": "{ viewer { account } }"}]',
    "not JSON": b"hello",
    "invalid UTF-8": b'{"query": "\xff\xfe"}',
    "JSON nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "no query": b'{"variables": {}}',
    "a query that is no string": b'{"query": 42}',
    "variables that are no object": b'{"query": "{ viewer { account } }", "variables": [1]}',
    "an empty body": b"",
}


@pytest.mark.parametrize("name", list(MALFORMED))
async def test_a_malformed_body_is_a_graphql_shaped_400(
    client: httpx.AsyncClient, name: str
) -> None:
    response = await client.post(
        "/graphql", content=MALFORMED[name], headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/json"
    (only,) = response.json()["errors"]
    assert only["extensions"] == {"code": "BAD_REQUEST"}
    assert only["message"]


async def test_a_body_above_the_limit_is_413_unread(client: httpx.AsyncClient) -> None:
    limit = get_settings().max_body_bytes
    query = json.dumps({"query": "{ viewer { account } }", "pad": "x" * limit}).encode()
    response = await client.post(
        "/graphql", content=query, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"

    async def chunks():  # no Content-Length: counted while reading
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    response = await client.post("/graphql", content=chunks())
    assert response.status_code == 413


async def test_client_errors_are_logged_at_info_without_traceback(
    rencheng: Database, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="youth_matrix")
    bad = {"query": "{ appeals(first: 101) { totalCount } }"}
    response = await client.post("/graphql", json=bad)
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED" or (
        response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    )
    records = [r for r in caplog.records if r.getMessage() == "client error"]
    assert records, [r.getMessage() for r in caplog.records]
    assert all(r.levelno == logging.INFO and r.exc_info is None for r in records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
