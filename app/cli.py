"""The `youth-matrix` command: local Neo4j and broker, migrations, datasets, tokens, schema,
persisted queries, and the server."""

from __future__ import annotations

import asyncio
import enum
import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Annotated, TypeVar

import typer
import uvicorn
from rich.console import Console
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from app.asgi import prepare_database
from app.auth import mint_token
from app.imports import cli_export, cli_run, cli_template
from app.logging import configure_logging, uvicorn_log_config
from app.serving import (
    bundled_path,
    document_hash,
    load_persisted,
    operations_in,
    readme_operations,
    save_persisted,
    with_documents,
)
from core.errors import ApiError
from core.principal import Principal, Role
from core.settings import Settings, get_settings
from graph.catalog import SNAPSHOT, snapshot
from graph.datasets import clear_database, load_dataset
from graph.driver import Database, local_server, open_database, resolve_connection
from graph.migrations import migrate
from graph.natsd import BrokerError, LocalNats
from graph.scope import check_principal
from graph.server import Neo4jServerError
from schema.build import schema_sdl

T = TypeVar("T")

out = Console()
err = Console(stderr=True)

app = typer.Typer(
    name="youth-matrix",
    help=(
        "Youth Matrix (青春矩阵): the GraphQL API over the Neo4j graph of Rencheng's grid "
        "league organisation, and its tools.\n\n"
        "Examples:\n\n"
        "  youth-matrix serve                      # Neo4j, migrations, demo data, every core\n\n"
        "  youth-matrix serve --workers 1          # one process, no broker\n\n"
        "  youth-matrix token --role TOWN_ADMIN --org RC-T01\n\n"
        "  youth-matrix load rencheng --scale 10 --fresh --yes"
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
persisted_app = typer.Typer(help="The persisted-query allow-list (sha256 -> document).")

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        out.print(f"youth-matrix {package_version('youth-matrix')}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of failures.")] = False,
) -> None:
    _state["debug"] = debug


# -- helpers ---------------------------------------------------------------------------------
def _with_database(settings: Settings, work: Callable[[Database], Awaitable[T]]) -> T:
    async def run() -> T:
        db = open_database(resolve_connection(settings), settings)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())


@contextmanager
def _step(description: str) -> Iterator[None]:
    """A spinner with the elapsed time for work without a count (starting Neo4j, fetching it)."""
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
        console=err, transient=True,
    ) as progress:  # fmt: skip
        progress.add_task(description, total=None)
        yield


def _start_neo4j(settings: Settings, instance: str = "dev") -> None:
    """Starts the local Neo4j (fetching it the first time) unless NEO4J_URI is set."""
    if settings.neo4j_uri:
        return
    server = local_server(settings, instance)
    if server.is_running():
        return
    first = not (server.lib / ".neo4j-5.26.30").exists()
    label = "Fetching Neo4j from Maven Central and starting it" if first else "Starting Neo4j"
    with _step(label):
        server.start()


class Action(enum.StrEnum):
    start = "start"
    stop = "stop"
    status = "status"
    env = "env"


class Dataset(enum.StrEnum):
    rencheng = "rencheng"
    mini = "mini"


# -- neo4j -----------------------------------------------------------------------------------
@app.command("neo4j")
def neo4j(
    action: Annotated[Action, typer.Argument(help="start, stop, status or env")],
    instance: Annotated[
        str, typer.Option(help="dev (make run), test (the test suite), bench, or any name")
    ] = "dev",
) -> None:
    """Start, stop or inspect the local Neo4j; `env` prints NEO4J_* lines for a shell.

    Example: eval "$(youth-matrix neo4j env | sed 's/^/export /')"
    """
    settings = get_settings()
    if settings.neo4j_uri and action != Action.env:
        err.print(f"NEO4J_URI is set ({settings.neo4j_uri}): the project does not manage it.")
        raise typer.Exit(1)
    server = local_server(settings, instance)
    if action == Action.start:
        _start_neo4j(settings, instance)
        conn = server.connection()
        out.print(f"Neo4j is ready on {conn.uri} (data in {server.home / 'data'})")
    elif action == Action.stop:
        with _step("Stopping Neo4j"):
            stopped = server.stop()
        out.print("Neo4j stopped." if stopped else "Neo4j was not running.")
    elif action == Action.status:
        pid = server.pid()
        if pid is None:
            out.print("stopped")
            raise typer.Exit(3)
        out.print(f"running (pid {pid}) on {server.connection().uri}")
    else:
        conn = resolve_connection(settings, instance, start=False)
        sys.stdout.write(conn.env_lines())


# -- broker ----------------------------------------------------------------------------------
@app.command("broker")
def broker(
    action: Annotated[Action, typer.Argument(help="start, stop, status or env")],
    instance: Annotated[str, typer.Option(help="dev (serve), test, or any name")] = "dev",
) -> None:
    """The NATS broker `serve` starts for several workers (unless YM_BROKER_URL is set)."""
    nats = LocalNats(get_settings().state_dir, instance)
    if action == Action.start:
        out.print(f"the broker is ready on {nats.start()}")
    elif action == Action.stop:
        out.print("the broker stopped." if nats.stop() else "the broker was not running.")
    elif action == Action.status:
        pid = nats.pid()
        if pid is None:
            out.print("stopped")
            raise typer.Exit(3)
        out.print(f"running (pid {pid}) on {nats.url}")
    else:
        sys.stdout.write(f"YM_BROKER_URL={nats.url}\n")


# -- data ------------------------------------------------------------------------------------
@app.command("migrate")
def migrate_cmd() -> None:
    """Apply the schema migrations (versioned, idempotent; `serve` runs them too)."""
    settings = get_settings()
    _start_neo4j(settings)
    applied = _with_database(settings, lambda db: migrate(db.for_setup(settings)))
    out.print(f"applied migrations {applied}" if applied else "the schema is up to date")


@app.command()
def load(
    name: Annotated[Dataset, typer.Argument(help="rencheng (the demo district) or mini")],
    scale: Annotated[int, typer.Option(min=1, help="multiply the volumes (10: a city)")] = 1,
    fresh: Annotated[bool, typer.Option(help="DELETE everything in the database first")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="do not ask before --fresh")] = False,
) -> None:
    """Load a dataset (idempotent: MERGE by id).

    Example: youth-matrix load rencheng --scale 10 --fresh --yes
    """
    settings = get_settings()
    if fresh and not yes:
        target = settings.neo4j_uri or "the local Neo4j (dev)"
        typer.confirm(f"--fresh deletes every node of {target}. Go on?", abort=True)
    _start_neo4j(settings)
    with Progress(
        TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err,
    ) as progress:  # fmt: skip
        tasks: dict[str, TaskID] = {}

        def report(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = progress.add_task(step, total=total)
            progress.update(tasks[step], completed=done, total=total)

        async def work(db: Database) -> dict[str, int]:
            setup = db.for_setup(settings)  # its own clock, retries on transient failures
            await migrate(setup)
            if fresh:
                await clear_database(setup)
            return await load_dataset(setup, name.value, scale=scale, progress=report)

        counts = _with_database(settings, work)
    out.print(
        f"loaded {name.value} (scale {scale}): " + ", ".join(f"{k} {v}" for k, v in counts.items())
    )


@app.command()
def token(
    role: Annotated[Role, typer.Option(help="the token's role", case_sensitive=True)],
    org: Annotated[str, typer.Option(help="the id of the organisation it acts for (RC-T01)")],
    account: Annotated[str, typer.Option(help="the account name")] = "local",
) -> None:
    """Mint a bearer token for local use; the organisation must exist and suit the role.

    Example: curl -H "Authorization: Bearer $(youth-matrix token --role DISTRICT_ADMIN --org RC)" …
    """
    settings = get_settings()
    _start_neo4j(settings)
    try:  # as the API will check it: a token it would refuse is not minted
        _with_database(settings, lambda db: check_principal(db, Principal(account, role, org)))
    except ApiError as error:
        err.print(f"[red]{error.message}[/red]")
        raise typer.Exit(2) from error
    print(mint_token(settings, account=account, role=role, org_id=org))


@app.command("export-schema")
def export_schema(
    out_file: Annotated[Path, typer.Option("--out")] = Path("schema.graphql"),
) -> None:
    """Write the GraphQL schema (SDL) that clients generate code from."""
    out_file.write_text(schema_sdl(), encoding="utf-8")
    out.print(f"wrote {out_file}")


@app.command("export-cypher")
def export_cypher(
    out_file: Annotated[
        Path | None, typer.Option("--out", help="default graph/queries.cypher")
    ] = None,
) -> None:
    """Write every Cypher statement for review."""
    target = out_file or SNAPSHOT
    target.write_text(snapshot(), encoding="utf-8")
    out.print(f"wrote {target}")


@app.command("import")
def import_cmd(
    target: Annotated[list[str], typer.Argument(help="FILE, or `template KIND`")],
    kind: Annotated[str | None, typer.Option(help="organizations, grids, cadres, youth, …")] = None,
    dry_run: Annotated[bool, typer.Option(help="check every row, write nothing")] = False,
    report: Annotated[str | None, typer.Option(help="write the row-level report (XLSX)")] = None,
    out_file: Annotated[str | None, typer.Option("--out", help="where a template goes")] = None,
    role: Annotated[Role, typer.Option(help="import as this role")] = Role.DISTRICT_ADMIN,
    org: Annotated[str, typer.Option(help="… acting for this organisation")] = "RC",
    account: Annotated[str, typer.Option(help="the account name")] = "cli",
) -> None:
    """Import an office's data (XLSX or CSV), or write a kind's template.

    Examples: youth-matrix import template youth;
    youth-matrix import 青少年.xlsx --kind youth --dry-run --report errors.xlsx
    """
    if target[0] == "template":
        if len(target) != 2:
            raise typer.BadParameter("youth-matrix import template KIND")
        out.print(f"wrote {cli_template(target[1], out_file)}")
        return
    if not kind:
        raise typer.BadParameter("youth-matrix import FILE needs --kind")
    settings = get_settings()
    _start_neo4j(settings)
    principal = Principal(account, role, org)
    code = _with_database(
        settings,
        lambda db: cli_run(settings, db, target[0], kind, dry_run, principal, report),
    )
    if code:
        raise typer.Exit(code)


@app.command("export")
def export_cmd(
    kind: Annotated[str, typer.Argument(help="youth, appeals, visits, funds, notices, …")],
    out_file: Annotated[
        str | None, typer.Option("--out", help="F.xlsx or F.csv (default KIND.xlsx)")
    ] = None,
    filters: Annotated[
        list[str] | None, typer.Option("--filter", help="NAME=VALUE, the list's filters")
    ] = None,
    role: Annotated[Role, typer.Option(help="export as this role")] = Role.DISTRICT_ADMIN,
    org: Annotated[str, typer.Option(help="… acting for this organisation")] = "RC",
    account: Annotated[str, typer.Option(help="the account name")] = "cli",
) -> None:
    """Export a list (as `GET /exports/KIND.xlsx`): the role's scope, GraphQL's masks.

    Example: youth-matrix export visits --filter under=RC-T01 --filter kind=日常走访 --out v.csv
    """
    settings = get_settings()
    _start_neo4j(settings)
    principal = Principal(account, role, org)
    path = out_file or f"{kind}.xlsx"
    try:
        _with_database(
            settings,
            lambda db: cli_export(settings, db, kind, path, filters or [], principal),
        )
    except ApiError as error:
        err.print(f"[red]{error.message}[/red]")
        raise typer.Exit(2) from error
    out.print(f"wrote {path}")


# -- persisted queries -----------------------------------------------------------------------
@persisted_app.command("build")
def persisted_build(
    readme: Annotated[Path, typer.Option(help="whose ```graphql blocks to take")] = Path(
        "README.md"
    ),
    file: Annotated[Path | None, typer.Option(help="default: the app's bundled list")] = None,
) -> None:
    """Add the README's example operations to the allow-list."""
    target = file or bundled_path()
    entries = with_documents(load_persisted(target), readme_operations(readme.read_text()))
    save_persisted(target, entries)
    out.print(f"{len(entries)} persisted operations in {target}")


@persisted_app.command("add")
def persisted_add(
    documents: Annotated[list[Path], typer.Argument(help=".graphql files (the console's)")],
    file: Annotated[Path | None, typer.Option(help="default: the app's bundled list")] = None,
) -> None:
    """Add the operations of .graphql files to the allow-list; prints each one's hash."""
    target = file or bundled_path()
    found = [op for path in documents for op in operations_in(path.read_text(encoding="utf-8"))]
    save_persisted(target, with_documents(load_persisted(target), found))
    for op in found:
        out.print(f"sha256:{document_hash(op)}")


app.add_typer(persisted_app, name="persisted")


# -- serve -----------------------------------------------------------------------------------
def _announce(host: str, port: int, workers: int, bus: str) -> None:
    """Once the port answers: where the API is and how to call it."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(1)
            if s.connect_ex((host if host != "0.0.0.0" else "127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    else:
        return
    base = f"http://{host}:{port}"
    err.print(
        Panel.fit(
            f"[bold]Youth Matrix[/] is serving on {workers} worker(s), {bus}\n"
            f"GraphQL   {base}/graphql\n"
            f"console   {base}/\n"
            f"metrics   {base}/metrics\n"
            "a token   youth-matrix token --role DISTRICT_ADMIN --org RC",
            title="ready",
        )
    )


@app.command()
def serve(
    workers: Annotated[
        int | None, typer.Option(min=1, help="worker processes (default: YM_WORKERS or cores)")
    ] = None,
    host: Annotated[str | None, typer.Option(help="default YM_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="default YM_PORT")] = None,
) -> None:
    """Run the API (and its Neo4j, and a broker for several workers).

    Examples: youth-matrix serve · youth-matrix serve --workers 4 --host 0.0.0.0
    """
    settings = get_settings()
    count = workers or settings.workers or os.cpu_count() or 1
    host = host or settings.host
    port = port or settings.port
    configure_logging(settings.log_level)
    _start_neo4j(settings)
    # Migrate and load the demo data before uvicorn takes over.
    with _step("Migrating (and loading the demo data into an empty database)"):
        _with_database(settings, prepare_database)
    started: LocalNats | None = None
    bus = "no broker (one process)"
    os.environ["YM_WORKERS"] = str(count)
    if count > 1:
        url = settings.broker_url
        if not url:
            started = LocalNats(settings.state_dir, "dev")
            with _step("Starting the broker (NATS)"):
                url = started.start()
            os.environ["YM_BROKER_URL"] = url
        bus = f"broker {url}"
        metrics_dir = settings.state_dir.resolve() / "metrics"
        shutil.rmtree(metrics_dir, ignore_errors=True)
        metrics_dir.mkdir(parents=True)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    elif settings.broker_url:
        bus = f"broker {settings.broker_url}"
    threading.Thread(target=_announce, args=(host, port, count, bus), daemon=True).start()
    try:
        uvicorn.run(
            "app.asgi:create_app",
            factory=True,
            host=host,
            port=port,
            workers=count,
            log_config=uvicorn_log_config(settings.log_level),
            access_log=False,
        )
    finally:
        if started is not None:
            started.stop()


def main(argv: list[str] | None = None) -> int:
    """Usage errors and aborts are typer's (exit 2 and 1); any other failure is one line, its
    traceback only with --debug."""
    try:
        app(args=argv)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except Exception as exc:
        if _state["debug"]:
            raise
        kind = "" if isinstance(exc, Neo4jServerError | BrokerError) else f"{type(exc).__name__}: "
        err.print(f"[red]youth-matrix:[/] {kind}{exc}", highlight=False)
        err.print("(run with --debug for the traceback)", style="dim")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
