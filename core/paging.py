"""Pages of lists: Relay's `first`/`after` as an (offset, limit) window, and opaque cursors."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

from core.errors import BadUserInput

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100
MAX_OFFSET = 10_000_000  # no list of ours is longer: a cursor beyond is not one of ours


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def page_window(first: int | None, after: str | None) -> tuple[int, int]:
    """(offset, limit) from Relay arguments; `first` is capped at MAX_PAGE."""
    limit = DEFAULT_PAGE if first is None else first
    if not 0 <= limit <= MAX_PAGE:
        raise BadUserInput(f"first must be between 0 and {MAX_PAGE}", field="first")
    if after is None:
        return 0, limit
    try:
        prefix, _, offset = base64.urlsafe_b64decode(after.encode()).decode().partition(":")
        if prefix != "offset":
            raise ValueError(after)
        position = int(offset)
        if not 0 <= position < MAX_OFFSET:
            raise ValueError(after)
        return position + 1, limit
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadUserInput("after is not a cursor of this connection", field="after") from exc


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items (at `offset`) and the length of the whole list. A relation's
    items are `{"node": record, "edge": properties}`; schema/mapping.py makes it a connection."""

    items: list[T]
    total: int
    offset: int


def page_of(rows: list[T], first: int | None, after: str | None) -> Page[T]:
    """The page of a list held whole in memory (a feature's computed result)."""
    offset, limit = page_window(first, after)
    return Page(rows[offset : offset + limit], len(rows), offset)
