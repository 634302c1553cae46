"""The ASGI app: GraphQL at /graphql, the console at / (GraphiQL in development), health checks,
request ids."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from app import observability
from app.auth import principal_from_header
from app.console import console_routes
from app.downloads import partnership_csv, partnership_xlsx
from app.guard import Guard, replay
from app.imports import routes as import_routes
from app.logging import configure_logging, request_id
from app.serving import PersistedQueries, RateLimit, read_body
from core.errors import ApiError
from core.settings import Settings, get_settings
from graph import broker
from graph.datasets import is_empty, load_dataset, loaded_dataset
from graph.driver import POOL_SIZE, Database, local_server, open_database, resolve_connection
from graph.health import Neo4jHealth, Resolve
from graph.migrations import migrate
from graph.scope import PUBLIC, scope_for
from graph.warmup import warm_plans
from resolvers.context import Context
from schema import compiled
from schema.build import build_schema

log = logging.getLogger("youth_matrix.app")


async def prepare_database(db: Database) -> None:
    """Migrations, and the `rencheng` demo dataset when the database holds no organisation. A
    load that was cut off (its completion marker says started, not complete) is finished first:
    loads MERGE by id, so running one again completes it. Never is a part served as whole."""
    setup = db.for_setup(get_settings())
    applied = await migrate(setup)
    if applied:
        log.info("applied migrations", extra={"versions": applied})
    marker = await loaded_dataset(db)
    if marker is not None and not marker[2]:
        name, scale, _ = marker
        log.warning(
            "the %s dataset (scale %s) was only partly loaded: finishing the load", name, scale
        )
        await load_dataset(setup, name, scale)
    elif get_settings().demo and await is_empty(db):
        log.info("the database is empty: loading the rencheng demo dataset")
        await load_dataset(setup, "rencheng")


@dataclass
class SocketContext(Context):
    """A websocket's context: strawberry fills in the connection_init payload after the upgrade."""

    connection_params: dict[str, Any] | None = None


UNAVAILABLE = {"SERVICE_UNAVAILABLE", "TIMEOUT"}
TRIED = "youth_matrix.compiled_tried"  # in the ASGI scope: the compiled answer fell back


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__(
            schema := build_schema(settings, extensions=observability.schema_extensions(settings)),
            graphql_ide=None,  # GraphiQL is the console's offline build (app/console.py)
            allow_queries_via_get=False,
        )
        self.db = db
        self.settings = settings
        self.graphql_schema = schema._schema
        self.compiled = compiled.CompiledOperations(self.graphql_schema)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A compiled query sent as plain JSON is answered here, before strawberry's HTTP view
        (its parsing, negotiation and response making were a tenth of a small read's CPU);
        anything else, and any fallback, goes through the view."""
        if scope["type"] == "http" and scope["method"] == "POST":
            body = await read_body(receive)
            if await self._answer_compiled(scope, body, send):
                return
            receive = replay(body, receive)
        await super().__call__(scope, receive, send)

    async def _answer_compiled(self, scope: Scope, body: bytes, send: Send) -> bool:
        headers = dict(scope["headers"])
        accept = headers.get(b"accept", b"*/*")
        if not headers.get(b"content-type", b"").startswith(b"application/json") or not (
            b"application/json" in accept or b"*/*" in accept
        ):
            return False
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            return False
        if not isinstance(payload, dict):
            return False
        query, name = payload.get("query"), payload.get("operationName")
        variables = payload.get("variables")
        plan = self.compiled.known(query, name) if isinstance(query, str) else None
        well_formed = isinstance(name, str | None) and isinstance(variables, dict | None)
        if plan is None or not well_formed:
            return False
        authorization = headers.get(b"authorization")
        context = await self._context(
            Context,
            authorization.decode("latin-1") if authorization else None,
            request_id.get() or uuid.uuid4().hex,
        )
        kind, label = observability.operation_of(query, name)
        with observability.operation(label) as outcome:
            outcome["type"] = kind
            try:
                outcome["result"] = answer = await compiled.execute(
                    self.graphql_schema, plan, context, variables
                )
            except compiled.Fallback:
                outcome["fallback"] = True  # the view answers, with the proper errors
                context.personal_reads.clear()  # nothing was shown
                scope[TRIED] = True  # and does not try again
                return False
        self.compiled.answered += 1
        encoded = orjson.dumps({"data": answer.data, "extensions": answer.extensions})
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(encoded)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": encoded})
        return True

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Each operation counted and timed by name (/metrics), and traced when tracing is on."""
        kind, name = observability.operation_of(request_data.query, request_data.operation_name)
        with observability.operation(name) as outcome:
            outcome["type"] = kind
            result = await self._execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
            outcome["result"] = result
            return result

    async def _execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """A query whose whole selection compiles is answered without per-field execution once
        the executed path has validated its document (schema/compiled.py)."""
        query, name = request_data.query, request_data.operation_name
        post = request_adapter.method == "POST" and query is not None
        tried = request.scope.get(TRIED, False)
        plan = self.compiled.known(query, name) if post and query and not tried else None
        if plan is not None:
            try:
                variables = request_data.variables
                answer = await compiled.execute(self.graphql_schema, plan, context, variables)
            except compiled.Fallback:
                context.personal_reads.clear()  # nothing was shown
            else:
                self.compiled.answered += 1
                return answer
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if post and query and not result.errors:
            self.compiled.learn(query, name)
        return result

    def encode_json(self, data: object) -> str:
        # several times faster than the standard library's; text, not bytes: a websocket sends
        # bytes as a binary frame, which graphql-transport-ws clients do not read as a message
        return orjson.dumps(data).decode()

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        """Neo4j away or out of time: HTTP 503 (the Guard adds Retry-After), so a client and a
        load balancer see it without reading the body."""
        codes = {(error.extensions or {}).get("code") for error in result.errors or []}
        response = getattr(request.state, "sub_response", None)
        if response is not None and codes & UNAVAILABLE:
            response.status_code = 503
        return await super().process_result(request, result)

    async def get_context(self, request: Request, response: Any) -> Context:  # type: ignore[override]
        if request.scope["type"] == "http":
            request.state.sub_response = response
        rid = request_id.get() or uuid.uuid4().hex
        kind = SocketContext if request.scope["type"] == "websocket" else Context
        return await self._context(kind, request.headers.get("authorization"), rid)

    async def _context(self, kind: type[Context], authorization: str | None, rid: str) -> Context:
        try:
            principal = principal_from_header(self.settings, authorization)
            scope = await scope_for(self.db, principal, self.settings.social_org_grace_days)
        except ApiError as error:
            context = kind.create(self.db, self.settings, None, PUBLIC, rid)
            context.auth_error = error
            return context
        return kind.create(self.db, self.settings, principal, scope, rid)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """graphql-transport-ws: the token in the connection_init payload
        ({"Authorization": "Bearer …"}) wins over the upgrade request's header."""
        params = getattr(context, "connection_params", None) or {}
        authorization = params.get("Authorization") or params.get("authorization")
        if isinstance(authorization, str):
            fresh = await self._context(Context, authorization, context.request_id)
            context.principal, context.graph = fresh.principal, fresh.graph
            context.loaders, context.auth_error = fresh.loaders, fresh.auth_error
        return UNSET


class RequestIdMiddleware:
    """Gives each request an id (the caller's X-Request-ID, or a new one), echoes it, and logs
    the request in one JSON line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = headers.get(b"x-request-id", b"").decode()[:64] or uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", []).append((b"x-request-id", rid.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log.info(
                "request",
                extra={
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            observability.http_request(scope.get("path", ""), status)
            request_id.reset(token)


def create_app(
    db: Database | None = None, settings: Settings | None = None, resolve: Resolve | None = None
) -> Starlette:
    """The app; tests pass their own database, `youth-matrix serve` lets it connect itself.
    `resolve` tells where Neo4j lives now (default: the local server's state, unless NEO4J_URI
    is set), read again when it cannot be reached."""
    return _app(db, settings or get_settings(), resolve)


def _app(db: Database | None, settings: Settings, resolve: Resolve | None) -> Starlette:
    configure_logging(settings.log_level)
    observability.configure_tracing(settings)
    observability.install(POOL_SIZE)
    holder: dict[str, Database] = {}
    if resolve is None and db is None and not settings.neo4j_uri:
        server = local_server(settings)
        resolve = server.connection

    def database() -> Database:
        return db or holder["db"]

    class LazyHealth(Neo4jHealth):
        """The monitor of the database the lifespan opens (or the one given)."""

        def ensure_started(self) -> None:
            self.db = database()
            super().ensure_started()

    health = LazyHealth(db, settings, resolve)  # type: ignore[arg-type]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if db is None:
            holder["db"] = open_database(resolve_connection(settings, start=False), settings)
        # the broker between workers (graph/broker.py); none configured: this process alone
        await broker.connect(settings.broker_url)
        health.ensure_started()
        warming = asyncio.get_running_loop().create_task(warm_plans(database()))
        yield
        warming.cancel()
        await health.stop()
        await broker.disconnect()
        if db is None:
            await holder["db"].close()

    async def live(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def ready(request: Request) -> Response:
        """Neo4j as the background monitor last saw it (at most `health_interval` plus
        `ping_timeout` ago): answers at once, whatever Neo4j does."""
        health.ensure_started()
        state = health.state
        if not state.up:
            headers = {"Retry-After": str(settings.retry_after)}
            body = {"status": "unavailable", "neo4j": state.reason}
            return JSONResponse(body, 503, headers=headers)
        return JSONResponse({"status": "ok", "neo4j": "ok"})

    class LazyGraphQL:
        """Builds the GraphQL app once the database exists (after the lifespan started)."""

        app: GraphQLApp | None = None

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            if self.app is None:
                self.app = GraphQLApp(database(), settings)
            await self.app(scope, receive, send)

    graphql = LazyGraphQL()
    routes = [
        *console_routes(settings),  # first: GET /graphql is its GraphiQL page in development
        Route("/health/live", live),
        Route("/health/ready", ready),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),  # subscriptions: graphql-transport-ws
        Route("/reports/partnership.csv", partnership_csv(database, settings)),
        Route("/reports/partnership.xlsx", partnership_xlsx(database, settings)),
        *import_routes(database, settings),  # imports, templates, exports (app/imports.py)
    ]
    if settings.metrics:
        routes.append(Route("/metrics", observability.metrics_endpoint))
    app = Starlette(routes=routes, lifespan=lifespan)
    # outermost last: request id and log line > CORS > rate limit > persisted queries > guard
    app.add_middleware(Guard, health=health, settings=settings)
    app.add_middleware(PersistedQueries, settings=settings)
    app.add_middleware(RateLimit, settings=settings, workers=settings.workers or 1)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["authorization", "content-type", "x-request-id"],
            expose_headers=["x-request-id", "retry-after"],
            max_age=600,
        )
    app.add_middleware(RequestIdMiddleware)
    app.state.health = health
    return app
