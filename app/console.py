"""The league office console at `/` and GraphiQL at `/graphiql` (and GET /graphql in development).

Both are static pages built by Vite from `web/` into `web/dist/` (`make web`; `make run` builds them
when missing or stale), so a browser without internet access gets every script from this app. The
console talks to the API only through POST /graphql, the websocket subscription and the report
downloads, with the bearer token the user pasted, so scope and masking stay the API's.

The one endpoint of its own is the development sign-in, `POST /console/dev-token`: it mints a
token for a chosen role and organisation (what `youth-matrix token` does), and exists only while
`YM_DEV` is true.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from app.auth import mint_token
from core.principal import Role
from core.settings import Settings

WEB_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
MISSING = "The console is not built: run `make web` (npm ci and npm run build in web/).\n"


def _page(dist: Path, name: str) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        path = dist / name
        if not path.is_file():
            return PlainTextResponse(MISSING, status_code=503)
        # The HTML names hashed assets: never cache it, or a rebuild is not seen.
        return FileResponse(path, headers={"Cache-Control": "no-cache"})

    return endpoint


def console_routes(settings: Settings, dist: Path | None = None) -> list[BaseRoute]:
    """The console's routes, to be placed before the API's (GET /graphql is GraphiQL). The built
    pages are in `YM_WEB_DIST` (an installed package, the Docker image), else in web/dist."""
    dist = dist or settings.web_dist or WEB_DIST

    async def config(request: Request) -> Response:
        return JSONResponse({"dev": settings.dev, "graphiql": settings.dev})

    async def dev_token(request: Request) -> Response:
        try:
            body = json.loads(await request.body() or b"{}")
            role = Role[str(body.get("role", ""))]
            org = str(body.get("org", "")).strip()
        except (ValueError, KeyError, AttributeError):
            roles = ", ".join(Role.__members__)
            return JSONResponse({"error": f"role must be one of {roles}"}, 400)
        if not org:
            return JSONResponse({"error": "org: an organisation id such as RC-T01"}, 400)
        account = str(body.get("account") or "console-dev")[:64]
        return JSONResponse({"token": mint_token(settings, account, role, org)})

    routes: list[BaseRoute] = [
        Route("/", _page(dist, "index.html")),
        Route("/console/config", config),
        # check_dir=False: the app starts (and the API works) before the bundle is built.
        Mount("/assets", StaticFiles(directory=dist / "assets", check_dir=False), name="assets"),
    ]
    if settings.dev:
        graphiql = _page(dist, "graphiql.html")
        routes += [
            Route("/console/dev-token", dev_token, methods=["POST"]),
            Route("/graphiql", graphiql),
            Route("/graphql", graphiql, methods=["GET"]),
        ]
    return routes
