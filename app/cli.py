"""The `youth-matrix` command: local Neo4j, migrations, datasets, tokens, schema, server."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from core.settings import Settings, get_settings
from graph.driver import Database, local_server, open_database, resolve_connection
from graph.server import Neo4jServerError

T = TypeVar("T")


def _with_database(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    async def main() -> T:
        db = open_database(resolve_connection(settings), settings)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(main())


def cmd_neo4j(args: argparse.Namespace, settings: Settings) -> int:
    if settings.neo4j_uri and args.action != "env":
        print(f"NEO4J_URI is set ({settings.neo4j_uri}): the project does not manage that server.")
        return 1
    server = local_server(settings, args.instance)
    if args.action == "start":
        conn = server.start()
        print(f"Neo4j is ready on {conn.uri} (data in {server.home / 'data'})")
    elif args.action == "stop":
        print("Neo4j stopped." if server.stop() else "Neo4j was not running.")
    elif args.action == "status":
        pid = server.pid()
        if pid is None:
            print("stopped")
            return 3
        print(f"running (pid {pid}) on {server.connection().uri}")
    elif args.action == "env":
        conn = resolve_connection(settings, args.instance, start=False)
        sys.stdout.write(conn.env_lines())
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from graph.migrations import migrate

    applied = _with_database(settings, migrate)
    print(f"applied migrations {applied}" if applied else "the schema is up to date")
    return 0


def cmd_load(args: argparse.Namespace, settings: Settings) -> int:
    from graph.datasets import clear_database, load_dataset
    from graph.migrations import migrate

    def progress(step: str, done: int, total: int) -> None:
        print(f"\r{step:<28} {done:>8}/{total:<8}", end="" if done < total else "\n", flush=True)

    async def work(db: Database) -> dict[str, int]:
        setup = db.for_setup(settings)
        await migrate(setup)
        if args.fresh:
            await clear_database(setup)
        return await load_dataset(setup, args.name, scale=args.scale, progress=progress)

    counts = _with_database(settings, work)
    print(
        f"loaded {args.name} (scale {args.scale}): "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    return 0


def cmd_token(args: argparse.Namespace, settings: Settings) -> int:
    from app.auth import Role, mint_token

    print(mint_token(settings, account=args.account, role=Role[args.role], org_id=args.org))
    return 0


def cmd_export_schema(args: argparse.Namespace, settings: Settings) -> int:
    from schema import schema_sdl

    Path(args.out).write_text(schema_sdl(), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from app.asgi import prepare_database

    # Start Neo4j, migrate and load the demo data before uvicorn takes over.
    _with_database(settings, prepare_database)
    uvicorn.run(
        "app.asgi:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="youth-matrix", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    neo = sub.add_parser("neo4j", help="manage the project's own Neo4j server")
    neo.add_argument("action", choices=["start", "stop", "status", "env"])
    neo.add_argument("--instance", default="dev", help="dev (make run) or test (the test suite)")
    neo.set_defaults(func=cmd_neo4j)

    sub.add_parser("migrate", help="apply the schema migrations").set_defaults(func=cmd_migrate)

    load = sub.add_parser("load", help="load a dataset (idempotent)")
    load.add_argument("name", choices=["rencheng", "mini"])
    load.add_argument("--scale", type=int, default=1, help="multiply the volumes (10: a city)")
    load.add_argument("--fresh", action="store_true", help="delete everything first")
    load.set_defaults(func=cmd_load)

    token = sub.add_parser("token", help="mint a bearer token for local use")
    token.add_argument("--role", required=True, choices=[
        "DISTRICT_ADMIN", "TOWN_ADMIN", "COMMUNITY_CADRE", "GRID_CADRE", "SOCIAL_ORG", "INSPECTOR",
    ])  # fmt: skip
    token.add_argument("--org", required=True, help="the id of the organisation it acts for")
    token.add_argument("--account", default="local", help="the account name")
    token.set_defaults(func=cmd_token)

    schema = sub.add_parser("export-schema", help="write the GraphQL schema (SDL)")
    schema.add_argument("--out", default="schema.graphql")
    schema.set_defaults(func=cmd_export_schema)

    sub.add_parser("serve", help="run the API (and its Neo4j)").set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args, get_settings())
    except Neo4jServerError as exc:
        print(f"youth-matrix: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
