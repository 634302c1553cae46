"""The project-managed Neo4j: provisioning, restart keeping data, and clear set-up errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from core.settings import get_settings
from graph.driver import local_server
from graph.server import Connection, LocalNeo4j, Neo4jServerError
from tests.conftest import INSTANCE


@pytest.mark.skipif(bool(get_settings().neo4j_uri), reason="NEO4J_URI names an external server")
def test_test_server_runs_on_loopback_with_a_generated_password(
    connections: tuple[Connection, Connection],
) -> None:
    neo4j_connection, _ = connections
    server = local_server(get_settings(), instance=INSTANCE)
    assert server.is_running()
    assert neo4j_connection.uri.startswith("bolt://127.0.0.1:")
    assert len(neo4j_connection.password) >= 24
    assert (server.password_file.stat().st_mode & 0o777) == 0o600
    assert "NEO4J_URI=bolt://127.0.0.1:" in neo4j_connection.env_lines()


@pytest.mark.skipif(bool(get_settings().neo4j_uri), reason="NEO4J_URI names an external server")
def test_a_restart_keeps_the_data(tmp_path: Path) -> None:
    """Start a second instance (jars shared, data its own), write, stop, start, read it back."""
    settings = get_settings()
    server = LocalNeo4j(settings.state_dir, instance="restart-check", heap="512m",
                        pagecache="64m")  # fmt: skip
    try:
        conn = server.start()
        with GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password)) as driver:
            driver.execute_query("MERGE (:Probe {id: 'kept'})")
        assert server.stop()
        assert not server.is_running()
        conn = server.start()
        with GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password)) as driver:
            records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.id AS id")
        assert [r["id"] for r in records] == ["kept"]
    finally:
        server.stop()


def test_a_taken_port_is_refused_clearly(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = LocalNeo4j(tmp_path, instance="x", port=port)
        with pytest.raises(Neo4jServerError, match=f"port {port} on 127.0.0.1 is taken"):
            server._choose_port()


def test_no_java_is_reported_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(Neo4jServerError, match="no Java found"):
        LocalNeo4j(tmp_path).ensure_java()


def test_no_maven_is_reported_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jServerError, match="Maven"):
        LocalNeo4j(tmp_path).ensure_runtime()


def test_an_unreachable_maven_repository_is_reported_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in `mvn` fails as Maven does offline; the error names the cause and its output."""
    fake = tmp_path / "bin" / "mvn"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'Could not transfer artifact org.neo4j:neo4j'\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    with pytest.raises(Neo4jServerError, match=r"(?s)is Maven Central reachable.*Could not"):
        LocalNeo4j(tmp_path).ensure_runtime()


def test_a_server_that_never_answers_reports_the_log_tail(tmp_path: Path) -> None:
    server = LocalNeo4j(tmp_path, instance="silent", start_timeout=1)
    (server.home / "logs").mkdir(parents=True)
    (server.home / "logs" / "neo4j.log").write_text("line one\nERROR the reason\n")
    server.port_file.write_text("1")  # nothing listens on port 1
    server.password_file.write_text("x")
    with pytest.raises(Neo4jServerError, match=r"(?s)not ready.*ERROR the reason"):
        server._wait_for_bolt()


def test_plugins_are_maven_coordinates(tmp_path: Path) -> None:
    with pytest.raises(Neo4jServerError, match="group:artifact:version"):
        LocalNeo4j(tmp_path, plugins=["apoc-core.jar"])


def test_plugins_bring_only_what_the_server_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stand-in `mvn` 'resolves' a plugin and two libraries, one of which the server has: only
    the plugin and the other library land in plugins/, once per set of coordinates; settings
    land in neo4j.conf; no plugins any more empties the folder."""
    fake = tmp_path / "bin" / "mvn"
    fake.parent.mkdir()
    fake.write_text(
        '#!/bin/sh\necho run >> "$(dirname "$0")/runs"\n'
        'for a in "$@"; do case "$a" in -DoutputDirectory=*) out="${a#*=}";; esac; done\n'
        'mkdir -p "$out" && cd "$out" && touch apoc-core-5.26.19.jar commons-lang3-3.12.0.jar '
        "opencsv-5.7.1.jar\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")  # the stand-in first
    apoc = "org.neo4j.procedure:apoc-core:5.26.19"
    server = LocalNeo4j(
        tmp_path,
        instance="p",
        plugins=[apoc],
        config={"dbms.security.procedures.unrestricted": "apoc.*"},
    )
    server.lib.mkdir(parents=True)
    (server.lib / "commons-lang3-3.18.0.jar").touch()
    server._write_config(7687)
    server.ensure_plugins()
    server.ensure_plugins()
    plugins = server.home / "plugins"
    assert sorted(p.name for p in plugins.glob("*.jar")) == [
        "apoc-core-5.26.19.jar",
        "opencsv-5.7.1.jar",
    ]
    assert (fake.parent / "runs").read_text().count("run") == 1
    conf = (server.home / "conf" / "neo4j.conf").read_text()
    assert "dbms.security.procedures.unrestricted=apoc.*" in conf
    LocalNeo4j(tmp_path, instance="p").ensure_plugins()
    assert not list(plugins.glob("*.jar"))
