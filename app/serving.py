"""What sits in front of /graphql when the API is deployed: persisted queries and rate limits.

Persisted queries: an allow-list, sha256 of the document's text -> the document, read from
`app/persisted_queries.json` (built from the README's example operations with
`youth-matrix persisted build`; the console adds its own with `youth-matrix persisted add`) or
the file YM_PERSISTED_QUERIES names. A client may send the hash instead of the document, as
Apollo's automatic persisted queries do (`extensions.persistedQuery.sha256Hash`) or as
`documentId` ("sha256:<hex>" or the hex alone). With YM_PERSISTED_ONLY=true a document that is
not on the list is refused (400, PERSISTED_QUERY_NOT_ALLOWED): production serves only the
operations its frontends were built with.

Rate limits: a token bucket per account (per client address without a token), refilled at the
role's requests per minute (YM_RATE_LIMITS; none by default). Each worker keeps its own buckets
at 1/N of the limit (N = YM_WORKERS, set by `serve`), so N workers behind a balancer allow
about the limit.
Refused: 429 with Retry-After.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import orjson
from graphql import OperationDefinitionNode, parse
from starlette.types import ASGIApp, Receive, Scope, Send

from app import observability
from app.auth import principal_from_header
from app.guard import replay
from core.errors import ApiError
from core.settings import Settings

BUNDLED = "persisted_queries.json"


# -- persisted queries -----------------------------------------------------------------------
def document_hash(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def bundled_path() -> Path:
    return Path(str(resources.files("app") / BUNDLED))


def load_persisted(path: Path | None) -> dict[str, str]:
    source = path or bundled_path()
    if not source.exists():
        return {}
    entries = json.loads(source.read_text(encoding="utf-8"))
    return {key: doc for key, doc in entries.items() if document_hash(doc) == key}


def operations_in(text: str) -> list[str]:
    """Each operation of a GraphQL text (a README block holds several), as written."""
    document = parse(text)
    found = []
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and definition.loc is not None:
            found.append(text[definition.loc.start : definition.loc.end])
    return found


def readme_operations(readme: str) -> list[str]:
    """The operations of every ```graphql block of a README."""
    found: list[str] = []
    blocks = readme.split("```graphql")[1:]
    for block in blocks:
        found.extend(operations_in(block.split("```", 1)[0]))
    return found


def with_documents(entries: dict[str, str], documents: Iterable[str]) -> dict[str, str]:
    updated = dict(entries)
    for doc in documents:
        updated[document_hash(doc)] = doc
    return dict(sorted(updated.items()))


def save_persisted(path: Path, entries: dict[str, str]) -> None:
    path.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _graphql_error(message: str, code: str) -> dict[str, Any]:
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


@dataclass
class _Refusal(Exception):
    status: int
    body: dict[str, Any]


class PersistedQueries:
    """Fills in documents sent by hash; with `only`, refuses documents not on the list."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.only = settings.persisted_only
        self.documents = load_persisted(settings.persisted_queries)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/graphql" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        try:
            body = self._rewrite(body)
        except _Refusal as refusal:
            await _send_json(send, refusal.status, refusal.body)
            return
        await self.app(scope, replay(body, receive), send)

    def _rewrite(self, body: bytes) -> bytes:
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            return body  # not JSON (e.g. multipart): the GraphQL app answers it
        requests = payload if isinstance(payload, list) else [payload]
        changed = False
        for request in requests:
            if not isinstance(request, dict):
                continue
            query = request.get("query")
            wanted = _requested_hash(request)
            if not query and wanted:
                document = self.documents.get(wanted)
                if document is None:
                    raise _Refusal(
                        200 if not self.only else 400,
                        _graphql_error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"),
                    )
                request["query"] = document
                changed = True
            elif self.only and query and document_hash(query) not in self.documents:
                raise _Refusal(
                    400,
                    _graphql_error(
                        "only persisted queries are accepted here: send a known document or "
                        "its sha256 (extensions.persistedQuery.sha256Hash)",
                        "PERSISTED_QUERY_NOT_ALLOWED",
                    ),
                )
        return orjson.dumps(payload) if changed else body


def _requested_hash(request: dict[str, Any]) -> str | None:
    document_id = request.get("documentId")
    if isinstance(document_id, str):
        return document_id.removeprefix("sha256:")
    persisted = (request.get("extensions") or {}).get("persistedQuery") or {}
    value = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    return value if isinstance(value, str) else None


# -- rate limits -----------------------------------------------------------------------------
@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimit:
    """Per account (or address) token buckets on /graphql and the report downloads."""

    def __init__(self, app: ASGIApp, settings: Settings, workers: int = 1) -> None:
        self.app = app
        self.settings = settings
        # per minute, this worker's share
        self.limits = {
            role: limit / max(workers, 1) for role, limit in settings.rate_limits.items()
        }
        self.buckets: dict[tuple[str, str], _Bucket] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == "/graphql" or path.startswith("/reports/")):
            await self.app(scope, receive, send)
            return
        if not any(self.limits.values()):  # no limits configured
            await self.app(scope, receive, send)
            return
        role, who = self._caller(scope)
        wait = self._take(role, who)
        if wait > 0:
            observability.RATE_LIMITED.labels(role).inc()
            await _send_json(
                send,
                429,
                _graphql_error(f"too many requests for {role}; retry later", "RATE_LIMITED"),
                [(b"retry-after", str(math.ceil(wait)).encode())],
            )
            return
        await self.app(scope, receive, send)

    def _caller(self, scope: Scope) -> tuple[str, str]:
        headers = dict(scope.get("headers") or [])
        authorization = headers.get(b"authorization", b"").decode() or None
        try:
            principal = principal_from_header(self.settings, authorization)
        except ApiError:
            principal = None  # a bad token is answered by the app; limit it as anonymous
        if principal is not None:
            return principal.role.value, principal.account
        client = scope.get("client") or ("unknown", 0)
        return "ANONYMOUS", str(client[0])

    def _take(self, role: str, who: str) -> float:
        """Takes a token; returns 0, or the seconds until one is available."""
        per_minute = self.limits.get(role, 0)
        if per_minute <= 0:
            return 0.0
        capacity = max(per_minute / 6, 1.0)  # a burst of ten seconds' worth
        now = time.monotonic()
        bucket = self.buckets.get((role, who))
        if bucket is None:
            if len(self.buckets) > 50_000:
                self.buckets.clear()  # bounded; a cleared bucket starts full
            bucket = self.buckets[(role, who)] = _Bucket(capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.at) * per_minute / 60)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) * 60 / per_minute


# -- ASGI helpers ----------------------------------------------------------------------------
async def read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


async def _send_json(
    send: Send, status: int, body: dict[str, Any], headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    content = orjson.dumps(body)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(content)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": content})
