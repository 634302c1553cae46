"""Input validation: each check names the offending field (BAD_USER_INPUT)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from core.errors import BadUserInput
from core.personal import is_valid_id_number, is_valid_mobile

TZ = dt.timezone(dt.timedelta(hours=8))  # Asia/Shanghai has no DST


def today() -> dt.date:
    return dt.datetime.now(TZ).date()


def text(value: str | None, field: str, required: bool = True, limit: int = 200) -> str | None:
    if value is None:
        if required:
            raise BadUserInput(f"{field} is required", field)
        return None
    value = value.strip()
    if required and not value:
        raise BadUserInput(f"{field} must not be empty", field)
    if len(value) > limit:
        raise BadUserInput(f"{field} is longer than {limit} characters", field)
    return value


def past_date(value: dt.date | None, field: str) -> dt.date | None:
    if value is not None and value > today():
        raise BadUserInput(f"{field} must not be in the future", field)
    return value


def count(value: int | None, field: str) -> int | None:
    if value is not None and not 0 <= value <= 10_000_000:
        raise BadUserInput(f"{field} must be a number from 0 to 10,000,000", field)
    return value


def phone(value: str | None, field: str) -> str | None:
    if value is not None and not is_valid_mobile(value):
        raise BadUserInput(f"{field} is not a mainland mobile number (11 digits, 1[3-9]…)", field)
    return value


def id_number(value: str | None, field: str, birth_date: dt.date | None) -> str | None:
    if value is None:
        return None
    value = value.upper()
    if not is_valid_id_number(value):
        raise BadUserInput(
            f"{field} is not a valid 居民身份证号 (18 characters, GB 11643 check digit)", field
        )
    if birth_date is not None and value[6:14] != birth_date.strftime("%Y%m%d"):
        raise BadUserInput(f"{field} does not match birthDate", field)
    return value


def codes(values: list[enum.Enum] | None) -> list[str] | None:
    return None if values is None else sorted({v.value for v in values})


def drop_none(props: dict[str, Any]) -> dict[str, Any]:
    """Update inputs: a field left out (None) stays as it is."""
    return {k: v for k, v in props.items() if v is not None}
