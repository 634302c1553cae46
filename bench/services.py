"""The processes the benchmark runs against: its own Neo4j instance and the API under uvicorn."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from core.settings import Settings
from graph.natsd import LocalNats
from graph.server import Connection, LocalNeo4j

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PEER_DIR = ROOT / "bench" / "peer"  # the Node project of the peer; node_modules/ is git-ignored
INSTANCE = "bench"  # never "dev" or "test": the benchmark wipes its database
SERVE_BROKER = "dev"  # the instance of the broker `youth-matrix serve` starts (app/cli.py)
# APOC core for the peer (the Neo4j GraphQL Library calls some apoc.* functions). Maven Central
# has no APOC build for every 5.26 patch release of the server: this is the newest 5.26 one there,
# which loads in any 5.26.x server (`RETURN apoc.version()` is checked at start).
APOC = ("org.neo4j.procedure:apoc-core:5.26.19", "org.neo4j.procedure:apoc-common:5.26.19")
PLUGIN_CONFIG = {"dbms.security.procedures.unrestricted": "apoc.*"}


class BenchNeo4j:
    """The project's Neo4j manager on the `bench` instance, or the server NEO4J_URI names."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # As graph/driver.py's local_server, plus APOC in the instance's plugins.
        self.local: LocalNeo4j | None = (
            None
            if settings.neo4j_uri
            else LocalNeo4j(
                settings.state_dir,
                instance=INSTANCE,
                port=settings.neo4j_port,
                heap=settings.neo4j_heap,
                pagecache=settings.neo4j_pagecache,
                start_timeout=settings.neo4j_start_timeout,
                plugins=APOC,
                config=PLUGIN_CONFIG,
            )
        )

    def start(self) -> Connection:
        if self.local is not None:
            return self.local.start()
        s = self.settings
        print(
            f"WARNING: NEO4J_URI is set: the benchmark will WIPE {s.neo4j_uri} "
            f"(database {s.neo4j_database}). Ctrl-C within 5 s to keep it.",
            flush=True,
        )
        time.sleep(5)
        return Connection(s.neo4j_uri or "", s.neo4j_user, s.neo4j_password or "", s.neo4j_database)

    def pid(self) -> int | None:
        """The server's process, when it runs here (for the CPU figures)."""
        return self.local.pid() if self.local is not None else None

    def stop(self) -> None:
        if self.local is not None:
            self.local.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_status_kb(pid: int, field: str) -> int | None:
    """A `kB` line of /proc/<pid>/status (VmRSS now, VmHWM the peak since start)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


class ChildProcess:
    """A server the benchmark runs as a child process on a free loopback port, logging to a file:
    started, polled until it answers, measured, stopped with SIGTERM (then SIGKILL)."""

    what = "the process"

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def ready(self, http: httpx.Client) -> bool:
        raise NotImplementedError

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(base_url=self.base_url, timeout=5.0) as http:
            while time.monotonic() < deadline:
                if self.proc is not None and self.proc.poll() is not None:
                    raise RuntimeError(
                        f"{self.what} exited with code {self.proc.returncode}:\n{self.log_tail()}"
                    )
                try:
                    if self.ready(http):
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
        raise RuntimeError(f"{self.what} was not ready after {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        if not self.log_path.exists():
            return "(no output)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()  # both servers shut down gracefully on SIGTERM
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)


class ApiProcess(ChildProcess):
    """`uvicorn app.asgi:create_app` in a child process, configured only through its environment,
    exactly as a deployment would be (no reload, one worker, no access log).

    With `workers`: `youth-matrix serve --workers N` instead, as production runs it: uvicorn's
    supervisor over N worker processes sharing the port and, for N > 1, the NATS broker `serve`
    starts and stops itself, here in `state_dir` (the API's own state folder: its broker and
    metrics files, apart from a `serve` of the checkout). It runs in a session of its own, so
    that stopping it stops its workers too."""

    what = "the API"

    def __init__(
        self,
        connection: Connection,
        jwt_secret: str,
        log_path: Path,
        workers: int | None = None,
        state_dir: Path | None = None,
    ) -> None:
        super().__init__(log_path)
        self.connection = connection
        self.jwt_secret = jwt_secret
        self.workers = workers
        self.state_dir = state_dir
        if workers is not None and state_dir is None:
            raise ValueError("an API with workers needs a state folder of its own")

    @property
    def broker(self) -> LocalNats | None:
        """The broker `serve` starts for several workers."""
        if self.workers is None or self.workers < 2 or self.state_dir is None:
            return None
        return LocalNats(self.state_dir, SERVE_BROKER)

    def start(self, timeout: float = 60.0) -> None:
        env = {
            **os.environ,
            "NEO4J_URI": self.connection.uri,
            "NEO4J_USER": self.connection.user,
            "NEO4J_PASSWORD": self.connection.password,
            "NEO4J_DATABASE": self.connection.database,
            "YM_PORT": str(self.port),
            "YM_DEV": "false",
            "YM_LOG_LEVEL": "WARNING",
            "YM_JWT_SECRET": self.jwt_secret,
        }
        command = [
            sys.executable, "-m", "uvicorn", "app.asgi:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        if self.workers is not None:
            env["YM_STATE_DIR"] = str(self.state_dir)
            env.pop("YM_BROKER_URL", None)  # the broker is serve's own
            command = [
                sys.executable, "-m", "app.cli", "serve", "--workers", str(self.workers),
                "--host", "127.0.0.1", "--port", str(self.port),
            ]  # fmt: skip
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # A file, not a pipe: nobody reads the child's output while it runs, and a full pipe
        # would block it.
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=self.workers is not None,
            )  # fmt: skip
        self._wait_ready(timeout)

    def stop(self) -> None:
        super().stop()  # serve stops its workers and its broker on SIGTERM
        if self.workers is not None and self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)  # a worker left behind, if any
        if (broker := self.broker) is not None:
            broker.stop()  # when serve could not

    def ready(self, http: httpx.Client) -> bool:
        return http.get("/health/ready").status_code == 200

    def rss_mb(self) -> float | None:
        kb = read_status_kb(self.pid, "VmRSS")
        return None if kb is None else kb / 1024

    def peak_rss_mb(self) -> float | None:
        kb = read_status_kb(self.pid, "VmHWM")
        return None if kb is None else kb / 1024


class PeerProcess(ChildProcess):
    """The peer: `node server.js` of bench/peer (the Neo4j GraphQL Library on Apollo Server) in a
    child process on a free loopback port, configured through its environment like the API.

    `npm ci` installs it from the lock file when node_modules/ is missing or was installed from
    another lock file (a stamp keeps the lock file's hash)."""

    STAMP = PEER_DIR / "node_modules" / ".youth-matrix-lock"

    what = "the peer"

    def __init__(self, connection: Connection, log_path: Path) -> None:
        super().__init__(log_path)
        self.connection = connection

    @staticmethod
    def _tool(name: str) -> str:
        path = shutil.which(name)
        if path is None:
            raise RuntimeError(f"the peer needs Node.js 20+ and npm: `{name}` is not installed")
        return path

    @classmethod
    def install(cls) -> None:
        node = cls._tool("node")
        version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
        if int(version.strip().lstrip("v").split(".")[0] or 0) < 20:
            raise RuntimeError(f"the peer needs Node.js 20+, found {version.strip()}")
        lock = hashlib.sha256((PEER_DIR / "package-lock.json").read_bytes()).hexdigest()
        if cls.STAMP.exists() and cls.STAMP.read_text() == lock:
            return
        proc = subprocess.run(
            [cls._tool("npm"), "ci", "--no-audit", "--no-fund"],
            cwd=PEER_DIR, capture_output=True, text=True,
        )  # fmt: skip
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
            raise RuntimeError(f"npm ci failed in {PEER_DIR}:\n{tail}")
        cls.STAMP.write_text(lock)

    @staticmethod
    def versions() -> str:
        """What runs: the library's, Apollo Server's and Node's versions."""

        def version(package: str) -> str:
            path = PEER_DIR / "node_modules" / package / "package.json"
            return json.loads(path.read_text())["version"] if path.exists() else "?"

        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
        return (
            f"@neo4j/graphql {version('@neo4j/graphql')} on @apollo/server "
            f"{version('@apollo/server')}, neo4j-driver {version('neo4j-driver')}, Node.js "
            f"{node.strip()}"
        )

    def start(self, timeout: float = 120.0) -> None:
        self.install()
        env = {
            **os.environ,
            "NEO4J_URI": self.connection.uri,
            "NEO4J_USER": self.connection.user,
            "NEO4J_PASSWORD": self.connection.password,
            "NEO4J_DATABASE": self.connection.database,
            "PORT": str(self.port),
            "NODE_ENV": "production",  # as deployed: no landing page, no stack traces
        }
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:  # a file, not a pipe: see ApiProcess.start
            self.proc = subprocess.Popen(
                [self._tool("node"), "server.js"], cwd=PEER_DIR, env=env, stdout=log,
                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        self._wait_ready(timeout)

    def ready(self, http: httpx.Client) -> bool:
        # Ready when it answers a query: the schema is generated and Neo4j was checked.
        return http.post("/graphql", json={"query": "{ __typename }"}).status_code == 200
