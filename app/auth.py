"""Who is calling: bearer JWTs (HS256) naming an account, its role and its organisation."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime, timedelta

import jwt

from core.errors import Unauthenticated
from core.principal import Principal, Role
from core.settings import Settings


def jwt_secret(settings: Settings) -> str:
    """The configured secret, or one generated once and kept in the (git-ignored) state folder."""
    if settings.jwt_secret:
        return settings.jwt_secret
    path = settings.state_dir / "jwt-secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text()


def mint_token(settings: Settings, account: str, role: Role, org_id: str) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": account,
        "role": role.value,
        "org": org_id,
        "iat": now,
        "exp": now + timedelta(hours=settings.jwt_ttl_hours),
    }
    return jwt.encode(claims, jwt_secret(settings), algorithm="HS256")


# Tokens already verified, with their expiry: a client sends the same token with every request,
# and checking its signature again each time was a twentieth of a small read's CPU. Keyed by the
# secret too, so a new secret accepts none of the old tokens.
_verified: dict[tuple[str, str], tuple[Principal, float]] = {}
VERIFIED_MAX = 4096


def principal_from_header(settings: Settings, authorization: str | None) -> Principal | None:
    """None without a token; UNAUTHENTICATED for a malformed, forged or expired one."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthenticated("the Authorization header must be 'Bearer <token>'")
    secret = jwt_secret(settings)
    known = _verified.get((secret, token))
    if known is not None and known[1] > time.time():
        return known[0]
    principal, expires = _verify(token, secret)
    if len(_verified) >= VERIFIED_MAX:
        _verified.clear()
    _verified[(secret, token)] = (principal, expires)
    return principal


def _verify(token: str, secret: str) -> tuple[Principal, float]:
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            options={"require": ["sub", "role", "org", "exp"]},
        )
        fields = (claims["sub"], claims["role"], claims["org"])
        if not all(isinstance(value, str) and value for value in fields):
            raise Unauthenticated("the token's claims sub, role and org must be strings")
        return Principal(claims["sub"], Role(claims["role"]), claims["org"]), float(claims["exp"])
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("the token has expired") from exc
    except (jwt.InvalidTokenError, ValueError) as exc:
        raise Unauthenticated("the token is not valid") from exc
