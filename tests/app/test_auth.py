"""Bearer tokens: a verified token is remembered until it expires, and only under its secret."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from app import auth
from core.errors import Unauthenticated
from core.principal import Principal, Role
from core.settings import Settings

SECRET = "s" * 32


def _settings(secret: str = SECRET) -> Settings:
    return Settings(jwt_secret=secret)


def _token(secret: str = SECRET, expires_in: float = 3600) -> str:
    claims = {
        "sub": "lin",
        "role": "TOWN_ADMIN",
        "org": "RC-T01",
        "exp": datetime.now(UTC) + timedelta(seconds=expires_in),
    }
    return jwt.encode(claims, secret, algorithm="HS256")


def test_a_verified_token_is_remembered_under_its_secret() -> None:
    token = _token()
    expected = Principal("lin", Role.TOWN_ADMIN, "RC-T01")
    assert auth.principal_from_header(_settings(), f"Bearer {token}") == expected
    assert auth._verified[(SECRET, token)][0] == expected
    # the same token under another secret is verified afresh, and refused
    with pytest.raises(Unauthenticated, match="not valid"):
        auth.principal_from_header(_settings("t" * 32), f"Bearer {token}")


def test_a_remembered_token_is_refused_once_it_expires() -> None:
    token = _token(expires_in=1)
    assert auth.principal_from_header(_settings(), f"Bearer {token}") is not None
    time.sleep(2)  # past its exp (whole seconds): checked again, and refused
    with pytest.raises(Unauthenticated, match="expired"):
        auth.principal_from_header(_settings(), f"Bearer {token}")


def test_a_forged_token_is_never_remembered() -> None:
    forged = _token("f" * 32)
    with pytest.raises(Unauthenticated):
        auth.principal_from_header(_settings(), f"Bearer {forged}")
    assert (SECRET, forged) not in auth._verified
