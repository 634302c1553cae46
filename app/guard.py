"""The door before GraphQL: answers at once, in GraphQL's shape and with a code, what must not
reach the schema.

- Neo4j unreachable (graph/health.py): 503 SERVICE_UNAVAILABLE with Retry-After, for GraphQL
  and the downloads alike, without waiting on the driver.
- A body above `max_body_bytes`: 413 PAYLOAD_TOO_LARGE, read no further.
- A body that is no GraphQL request (not UTF-8 JSON, nested too deep, not an object, no query
  string, variables not an object): 400 BAD_REQUEST.
Every 503 leaving the app carries Retry-After.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import Settings
from graph.health import Neo4jHealth

log = logging.getLogger("youth_matrix.app")

GUARDED = ("/graphql", "/reports/")


class TooLarge(Exception):
    pass


def error_body(message: str, code: str) -> bytes:
    return orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})


def request_problem(body: bytes) -> str | None:
    """What makes `body` no GraphQL request over JSON, or None."""
    try:
        data: Any = orjson.loads(body)  # rejects invalid UTF-8 and nesting deeper than 1024
    except orjson.JSONDecodeError as exc:
        return f"the body is not JSON ({exc.msg})"
    if not isinstance(data, dict):
        return "the body must be a JSON object with a `query` string"
    if not isinstance(data.get("query"), str):
        return "the body has no `query` string"
    if not isinstance(data.get("variables") or {}, dict):
        return "`variables` must be an object"
    if not isinstance(data.get("operationName") or "", str):
        return "`operationName` must be a string"
    return None


class Guard:
    def __init__(self, app: ASGIApp, health: Neo4jHealth, settings: Settings) -> None:
        self.app = app
        self.health = health
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(GUARDED):
            await self.app(scope, receive, send)
            return
        self.health.ensure_started()
        if self.health.state.unreachable:
            message = f"Neo4j is unavailable: nothing was done; retry in {self._retry_after()} s"
            await self._answer(send, 503, error_body(message, "SERVICE_UNAVAILABLE"))
            return
        if scope.get("method") == "POST" and path == "/graphql" and _is_json(scope):
            try:
                body = await self._read_body(scope, receive)
            except TooLarge:
                message = f"the body is larger than {self.settings.max_body_bytes} bytes"
                await self._answer(send, 413, error_body(message, "PAYLOAD_TOO_LARGE"))
                return
            problem = request_problem(body)
            if problem is not None:
                log.info("bad request", extra={"problem": problem})
                await self._answer(send, 400, error_body(problem, "BAD_REQUEST"))
                return
            receive = replay(body, receive)
        await self.app(scope, receive, self._with_retry_after(send))

    def _retry_after(self) -> str:
        return str(self.settings.retry_after)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes:
        limit = self.settings.max_body_bytes
        for name, value in scope.get("headers") or []:
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                raise TooLarge
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise TooLarge
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        return b"".join(chunks)

    def _with_retry_after(self, send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 503:
                headers = list(message.get("headers") or [])
                if not any(name.lower() == b"retry-after" for name, _ in headers):
                    headers.append((b"retry-after", self._retry_after().encode()))
                message = {**message, "headers": headers}
            await send(message)

        return sending

    async def _answer(self, send: Send, status: int, body: bytes) -> None:
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        if status == 503:
            headers.append((b"retry-after", self._retry_after().encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers") or []:
        if name == b"content-type":
            return value.split(b";")[0].strip().lower() in (b"application/json", b"")
    return True  # no content type: strawberry reads it as JSON too


def replay(body: bytes, original: Receive) -> Receive:
    """The body read already, then the connection's own messages (its disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive
