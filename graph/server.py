"""The project's own Neo4j 5.26 Community server: fetched with Maven, run on loopback.

Layout under the state folder (git-ignored):
    lib/              the server's jars (copied from the local Maven repository, so cached)
    <instance>/       one server: conf/, data/, logs/, run/, and its generated password and port
Two instances never share data: `make run` uses "dev", the test suite "test".
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

NEO4J_VERSION = "5.26.30"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Dfile.encoding=UTF-8",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
]


class Neo4jServerError(RuntimeError):
    """A set-up step failed; the message says which and what to do."""


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str = "neo4j"

    def env_lines(self) -> str:
        return (
            f"NEO4J_URI={self.uri}\nNEO4J_USER={self.user}\n"
            f"NEO4J_PASSWORD={self.password}\nNEO4J_DATABASE={self.database}\n"
        )


class LocalNeo4j:
    def __init__(
        self,
        state_dir: Path,
        instance: str = "dev",
        port: int = 0,
        heap: str = "1g",
        pagecache: str = "512m",
        start_timeout: float = 180.0,
        plugins: Sequence[str] = (),
        config: Mapping[str, str] | None = None,
    ) -> None:
        """`plugins`: Maven coordinates (group:artifact:version) of server plugins to put in the
        instance's plugins/ (e.g. APOC for the benchmark's peer); `config`: extra neo4j.conf
        settings (e.g. which plugin procedures are unrestricted)."""
        self.state_dir = state_dir.resolve()
        self.lib = self.state_dir / "lib"
        self.home = self.state_dir / instance
        self.requested_port = port
        self.heap = heap
        self.pagecache = pagecache
        self.start_timeout = start_timeout
        for coordinates in plugins:
            if not _COORDINATES.fullmatch(coordinates):
                raise Neo4jServerError(f"plugins are group:artifact:version, not {coordinates!r}")
        self.plugins = tuple(plugins)
        self.config = dict(config or {})

    # -- files -------------------------------------------------------------------------------
    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def port_file(self) -> Path:
        return self.home / "port"

    def connection(self) -> Connection:
        if not self.port_file.exists() or not self.password_file.exists():
            raise Neo4jServerError(
                "the local Neo4j was never started: run `youth-matrix neo4j start`"
            )
        port = int(self.port_file.read_text())
        return Connection(f"bolt://127.0.0.1:{port}", "neo4j", self.password_file.read_text())

    # -- set-up ------------------------------------------------------------------------------
    def ensure_java(self) -> str:
        java = shutil.which("java")
        if os.environ.get("JAVA_HOME"):
            candidate = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
            java = str(candidate) if candidate.exists() else java
        if not java:
            raise Neo4jServerError(
                "no Java found: Neo4j 5.26 needs JDK 17 or 21 "
                "(install openjdk-17-jdk or set JAVA_HOME)"
            )
        out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
        match = re.search(r'version "(\d+)', out)
        if not match or int(match.group(1)) not in (17, 21):
            raise Neo4jServerError(f"Neo4j 5.26 needs Java 17 or 21, found: {out.strip()[:200]}")
        return java

    def ensure_runtime(self) -> None:
        """Copies the server's jars once; Maven's local repository caches the download."""
        marker = self.lib / f".neo4j-{NEO4J_VERSION}"
        if marker.exists():
            return
        mvn = shutil.which("mvn")
        if not mvn:
            raise Neo4jServerError(
                "Maven (mvn) is not installed: it fetches Neo4j from Maven Central"
            )
        pom = resources.files("graph") / "neo4j" / "pom.xml"
        if self.lib.exists():
            shutil.rmtree(self.lib)
        self.lib.mkdir(parents=True)
        with resources.as_file(pom) as pom_path:
            proc = subprocess.run(
                [
                    mvn, "-B", "-q", "-f", str(pom_path),
                    f"{DEPENDENCY_PLUGIN}:copy-dependencies",
                    f"-DoutputDirectory={self.lib}", "-DincludeScope=runtime",
                ],
                capture_output=True, text=True,
            )  # fmt: skip
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
            raise Neo4jServerError(
                f"Maven could not fetch Neo4j {NEO4J_VERSION} "
                f"(is Maven Central reachable?):\n{tail}"
            )
        marker.touch()

    def ensure_plugins(self) -> None:
        """Fills plugins/ with the plugin jars and the dependencies they need that the server's
        own jars lack (a second copy of a library the server has would clash with it). Redone
        only when the coordinates change; Maven's local repository caches the download."""
        plugins = self.home / "plugins"
        marker = plugins / ".artifacts"
        wanted = "\n".join(self.plugins)
        if (marker.read_text() if marker.exists() else "") == wanted:
            return
        if marker.exists():  # only a folder this method filled is emptied
            shutil.rmtree(plugins)
        plugins.mkdir(parents=True, exist_ok=True)
        if not self.plugins:
            return
        mvn = shutil.which("mvn")
        if not mvn:
            raise Neo4jServerError("Maven (mvn) is not installed: it fetches the plugins")
        with tempfile.TemporaryDirectory() as tmp:
            pom, jars = Path(tmp) / "pom.xml", Path(tmp) / "jars"
            pom.write_text(_plugins_pom(self.plugins))
            proc = subprocess.run(
                [
                    mvn, "-B", "-q", "-f", str(pom), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
                    f"-DoutputDirectory={jars}", "-DincludeScope=runtime",
                ],
                capture_output=True, text=True,
            )  # fmt: skip
            if proc.returncode != 0:
                tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
                raise Neo4jServerError(f"Maven could not fetch {', '.join(self.plugins)}:\n{tail}")
            have = {_artifact_name(jar.name) for jar in self.lib.glob("*.jar")}
            for jar in jars.glob("*.jar"):
                if _artifact_name(jar.name) not in have:
                    shutil.copy2(jar, plugins / jar.name)
        marker.write_text(wanted)

    def _choose_port(self) -> int:
        if self.requested_port:
            if not _port_free(self.requested_port):
                raise Neo4jServerError(
                    f"port {self.requested_port} on 127.0.0.1 is taken: "
                    "free it or set YM_NEO4J_PORT"
                )
            return self.requested_port
        if self.port_file.exists():
            kept = int(self.port_file.read_text())
            if _port_free(kept):
                return kept
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def _write_config(self, port: int) -> None:
        for sub in ("conf", "data", "logs", "run", "plugins", "import"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(
            "\n".join(
                [
                    "# Written by graph/server.py at each start: change the settings instead.",
                    "server.default_listen_address=127.0.0.1",
                    f"server.bolt.listen_address=127.0.0.1:{port}",
                    "server.http.enabled=false",
                    "server.https.enabled=false",
                    "dbms.security.auth_enabled=true",
                    f"server.memory.heap.initial_size={self.heap}",
                    f"server.memory.heap.max_size={self.heap}",
                    f"server.memory.pagecache.size={self.pagecache}",
                    "server.jvm.additional=-XX:+UseG1GC",
                    f"server.directories.data={self.home / 'data'}",
                    f"server.directories.logs={self.home / 'logs'}",
                    f"server.directories.run={self.home / 'run'}",
                    f"server.directories.plugins={self.home / 'plugins'}",
                    f"server.directories.import={self.home / 'import'}",
                    "db.transaction.timeout=60s",
                    "dbms.usage_report.enabled=false",
                    "server.threads.worker_count=8",
                    *(f"{key}={value}" for key, value in self.config.items()),
                    "",
                ]
            )
        )
        self.port_file.write_text(str(port))

    def _set_initial_password(self, java: str) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return
        password = "ym" + secrets.token_urlsafe(24)  # never "-…": the tool would read an option
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}
        proc = subprocess.run(
            [java, "-cp", f"{self.lib}/*", ADMIN_CLASS, "dbms", "set-initial-password", password],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        if proc.returncode != 0:
            raise Neo4jServerError(
                f"could not set Neo4j's initial password:\n{proc.stderr[-2000:]}"
            )
        self.password_file.write_text(password)
        self.password_file.chmod(0o600)

    # -- life cycle --------------------------------------------------------------------------
    def pid(self) -> int | None:
        """The server's process, if it runs (a crashed one that is still a zombie does not)."""
        if not self.pid_file.exists():
            return None
        pid = int(self.pid_file.read_text())
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaps it if it died as our child
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        if _is_zombie(pid):
            return None
        return pid

    def is_running(self) -> bool:
        return self.pid() is not None

    def start(self) -> Connection:
        if self.is_running():
            self._wait_for_bolt()
            return self.connection()
        java = self.ensure_java()
        self.ensure_runtime()
        port = self._choose_port()
        self._write_config(port)
        if self.plugins or (self.home / "plugins" / ".artifacts").exists():
            self.ensure_plugins()
        self._set_initial_password(java)
        # Plugins go on the classpath too, as Neo4j's own launcher puts them: their extension
        # factories (APOC's configuration, say) are found by a service loader there.
        classpath = f"{self.lib}/*" + (f":{self.home / 'plugins'}/*" if self.plugins else "")
        console = open(self.home / "logs" / "console.log", "ab")  # noqa: SIM115 (the child keeps it)
        proc = subprocess.Popen(
            [
                java, "-cp", classpath, f"-Xms{self.heap}", f"-Xmx{self.heap}", *JVM_FLAGS,
                MAIN_CLASS, f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}",
            ],
            stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # survives the CLI that started it
            env={**os.environ, "NEO4J_HOME": str(self.home)},
        )  # fmt: skip
        console.close()
        self.pid_file.write_text(str(proc.pid))
        self._wait_for_bolt(proc)
        return self.connection()

    def _wait_for_bolt(self, proc: subprocess.Popen[bytes] | None = None) -> None:
        conn = self.connection()
        deadline = time.monotonic() + self.start_timeout
        while True:
            if proc is not None and proc.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise Neo4jServerError(
                    f"Neo4j exited with code {proc.returncode} while starting:\n{self.log_tail()}"
                )
            try:
                with GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password)) as driver:
                    driver.verify_connectivity()
                return
            except (ServiceUnavailable, OSError):
                pass
            except AuthError as exc:
                raise Neo4jServerError(
                    f"Neo4j refused the generated password in {self.password_file}: {exc}"
                ) from exc
            if time.monotonic() > deadline:
                raise Neo4jServerError(
                    f"Neo4j was not ready on {conn.uri} after {self.start_timeout:.0f} s:\n"
                    f"{self.log_tail()}"
                )
            time.sleep(0.5)

    def stop(self, timeout: float = 60.0) -> bool:
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)  # Neo4j shuts down cleanly on SIGTERM
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            time.sleep(0.2)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def log_tail(self, lines: int = 30) -> str:
        for name in ("neo4j.log", "console.log"):
            path = self.home / "logs" / name
            if path.exists() and path.stat().st_size:
                text = path.read_text(errors="replace").splitlines()
                return f"--- {path} (last {lines} lines) ---\n" + "\n".join(text[-lines:])
        return "(Neo4j wrote no log)"


_COORDINATES = re.compile(r"[\w.-]+:[\w.-]+:[\w.-]+")


def _plugins_pom(coordinates: Sequence[str]) -> str:
    deps = "".join(
        "<dependency><groupId>{}</groupId><artifactId>{}</artifactId><version>{}</version>"
        "</dependency>".format(*c.split(":"))
        for c in coordinates
    )
    return (
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
        "<groupId>youth-matrix</groupId><artifactId>neo4j-plugins</artifactId><version>1</version>"
        f"<packaging>pom</packaging><dependencies>{deps}</dependencies></project>"
    )


def _artifact_name(jar: str) -> str:
    """`commons-lang3-3.18.0.jar` -> `commons-lang3`: a library whatever its version."""
    match = re.match(r"(.+?)-\d", jar)
    return match.group(1) if match else jar.removesuffix(".jar")


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] == "Z"


def _port_free(port: int) -> bool:
    """Whether Neo4j could listen on the port. With SO_REUSEADDR, as Neo4j's own socket: after
    a crash the port's old connections linger in TIME_WAIT for a minute, which does not keep
    Neo4j from listening again, so the port is kept across crashes."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
