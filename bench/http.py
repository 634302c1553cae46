"""A lean HTTP/1.1 client for the load generator: keep-alive connections over asyncio streams,
JSON bodies through orjson, nothing else.

The generator shares the machine's cores with the servers it measures. httpx spent about a
millisecond of CPU per request here, as much as a small read costs the API, and that time was
taken from whichever side ran; this client spends a few tenths. It answers the part of httpx's
interface the benchmark uses (`post(path, json=, headers=)`, `status_code`, `json()`, `text`).
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

import orjson

Stream = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class LeanResponse:
    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content

    def json(self) -> Any:
        return orjson.loads(self.content)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class LeanClient:
    """Connections to one server, each used by one request at a time and then kept for the next."""

    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        url = urlsplit(base_url)
        self.host, self.port = url.hostname or "127.0.0.1", url.port or 80
        self.timeout = timeout
        self.idle: list[Stream] = []

    async def __aenter__(self) -> LeanClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        while self.idle:
            _, writer = self.idle.pop()
            writer.close()

    async def post(
        self, path: str, json: Any, headers: dict[str, str] | None = None
    ) -> LeanResponse:
        body = orjson.dumps(json)
        head = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        request = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{head}\r\n"
        ).encode() + body
        reused = bool(self.idle)
        stream = self.idle.pop() if reused else await self._connect()
        try:
            async with asyncio.timeout(self.timeout):
                try:
                    response, keep = await self._exchange(stream, request)
                except (ConnectionError, asyncio.IncompleteReadError):
                    if not reused:
                        raise
                    # the server closed a connection kept idle (its keep-alive timeout): the
                    # request never reached it; sent again on a new connection, as httpx does
                    stream[1].close()
                    stream = await self._connect()
                    response, keep = await self._exchange(stream, request)
        except BaseException:
            stream[1].close()
            raise
        if keep:
            self.idle.append(stream)
        else:
            stream[1].close()
        return response

    async def _connect(self) -> Stream:
        return await asyncio.open_connection(self.host, self.port)

    @staticmethod
    async def _exchange(stream: Stream, request: bytes) -> tuple[LeanResponse, bool]:
        reader, writer = stream
        writer.write(request)
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        length, chunked, keep = 0, False, True
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value:
                chunked = True
            elif name == b"connection" and value == b"close":
                keep = False
        if not chunked:
            return LeanResponse(status, await reader.readexactly(length)), keep
        parts = []
        while size := int((await reader.readline()).split(b";")[0], 16):
            parts.append(await reader.readexactly(size))
            await reader.readline()  # the CRLF after a chunk
        await reader.readline()  # the CRLF after the last, empty chunk
        return LeanResponse(status, b"".join(parts)), keep
