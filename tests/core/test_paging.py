"""Pages: Relay's first/after as a window, and cursors that are ours."""

from __future__ import annotations

import base64

import pytest

from core.errors import BadUserInput
from core.paging import MAX_OFFSET, encode_cursor, page_of, page_window


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


def test_a_cursor_points_past_its_item() -> None:
    assert page_window(5, encode_cursor(9)) == (10, 5)
    assert page_window(None, None) == (0, 20)


@pytest.mark.parametrize(
    "after",
    ["nonsense", _cursor("offset:-3"), _cursor(f"offset:{MAX_OFFSET}"), _cursor("page:3"),
     _cursor("offset:99999999999999999999")],
)  # fmt: skip
def test_a_cursor_not_of_ours_is_bad_input_on_after(after: str) -> None:
    with pytest.raises(BadUserInput) as caught:
        page_window(10, after)
    assert caught.value.field == "after"


@pytest.mark.parametrize("first", [-1, 101])
def test_first_is_capped(first: int) -> None:
    with pytest.raises(BadUserInput) as caught:
        page_window(first, None)
    assert caught.value.field == "first"


def test_a_page_of_a_list_in_memory() -> None:
    page = page_of(list(range(7)), 3, encode_cursor(2))
    assert (page.items, page.total, page.offset) == ([3, 4, 5], 7, 3)
