"""Health checks and request ids."""

from __future__ import annotations

import asyncio
import time

import httpx


async def test_live_answers_without_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_checks_neo4j(client: httpx.AsyncClient) -> None:
    """Readiness is what the background ping last saw: polled until it says ready (a ping may
    have timed out just before, while another test loaded a dataset)."""
    deadline = time.monotonic() + 60
    while (response := await client.get("/health/ready")).status_code != 200:
        assert time.monotonic() < deadline, response.text
        await asyncio.sleep(0.1)
    assert response.json() == {"status": "ok", "neo4j": "ok"}


async def test_each_response_carries_a_request_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live", headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert len((await client.get("/health/live")).headers["x-request-id"]) == 32
