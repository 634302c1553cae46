"""Whether a reader sees a node's personal data, and what it sees otherwise: the one place that
decides (the personal properties and their masks are in core/personal.py). Each unmasked read
is recorded, and logged once per request.

A role whose work is with youth (a grid or community cadre) sees the personal data of its
subtree; a social organisation sees that of the youth whose case it holds (an open referral, or
one that ended less than the grace period ago, as the read projected it in `caseOpen`); everyone
else sees masks (name, 居民身份证号, phone, address) or nothing (birth date, difficulties)."""

from __future__ import annotations

from typing import Any

from core.personal import MASKS
from resolvers.context import Context


def unmasked(ctx: Context, personal: dict[str, Any]) -> bool:
    if ctx.scope.social_org:
        return bool(personal.get("caseOpen"))
    return ctx.scope.unmask


def reveal(ctx: Context, key: str, personal: dict[str, Any], prop: str) -> Any:
    value = personal.get(prop)
    if value is None:
        return None
    if unmasked(ctx, personal):
        ctx.personal_reads.add((key, prop))
        return value
    if prop in MASKS:
        return MASKS[prop](value)
    return None  # birth date, difficulties: hidden entirely when masked
