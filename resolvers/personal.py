"""Personal fields (DOMAIN.md): masked unless the caller's work needs them; each unmasked read
is recorded and logged once per request."""

from __future__ import annotations

from typing import Any

from core.personal import MASKS
from resolvers.context import Info


def reveal(info: Info, key: str, personal: dict[str, Any], prop: str) -> Any:
    value = personal.get(prop)
    if value is None:
        return None
    ctx = info.context
    if ctx.scope.unmask:
        ctx.personal_reads.add((key, prop))
        return value
    if prop in MASKS:
        return MASKS[prop](value)
    return None  # e.g. difficulties: hidden entirely when masked
