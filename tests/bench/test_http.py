"""The load generator's HTTP client against a real socket server: keep-alive, chunked bodies, and
a kept connection the server closed meanwhile (its keep-alive timeout) is replaced, not failed."""

from __future__ import annotations

import asyncio

from bench.http import LeanClient


async def _server(replies: list[bytes], close_after_each: bool) -> tuple[asyncio.Server, list[int]]:
    """Answers each request with the next reply; counts the connections it accepted."""
    accepted: list[int] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        while replies:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            await reader.readexactly(length)
            writer.write(replies.pop(0))
            await writer.drain()
            if close_after_each:
                break
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, accepted


def _json(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


async def test_kept_connections_chunked_bodies_and_a_connection_closed_meanwhile() -> None:
    chunked = (
        b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n3\r\n:1}\r\n0\r\n\r\n'
    )
    server, accepted = await _server([_json(b'{"n":1}'), chunked, _json(b'{"n":3}')], True)
    port = server.sockets[0].getsockname()[1]
    async with server, LeanClient(f"http://127.0.0.1:{port}") as client:
        first = await client.post("/graphql", json={"query": "{a}"})
        await asyncio.sleep(0.05)  # the server has closed the kept connection by now
        second = await client.post("/graphql", json={"query": "{b}"}, headers={"X-A": "1"})
        third = await client.post("/graphql", json={"query": "{c}"})
    assert (first.status_code, first.json()) == (200, {"n": 1})
    assert second.json() == {"a": 1}
    assert third.text == '{"n":3}'
    assert len(accepted) == 3  # each closed connection replaced by a new one


async def test_one_connection_serves_requests_in_turn() -> None:
    server, accepted = await _server([_json(b"1"), _json(b"2"), _json(b"3")], False)
    port = server.sockets[0].getsockname()[1]
    async with server, LeanClient(f"http://127.0.0.1:{port}") as client:
        answers = [(await client.post("/", json={})).json() for _ in range(3)]
    assert answers == [1, 2, 3] and len(accepted) == 1
