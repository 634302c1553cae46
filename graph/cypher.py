"""Cypher fragments that several statements share: how a node leaves the database (its properties
and labels), the time of a write.

Zoned datetimes leave as text: the driver takes ~80 µs to rebuild each one with its named zone,
Python's fromisoformat a microsecond (schema/mapping.py parses them back)."""

from __future__ import annotations

DATETIMES = ("createdAt", "updatedAt", "archivedAt", "matchedAt", "startedAt", "resolvedAt",
             "closedAt", "rejectedAt", "issuedAt")  # fmt: skip

# For a social organisation's scope: whether it holds the case of youth {v} — an appeal of the
# youth referred to it is open, or ended less than the grace period ago (resolvers/personal.py).
CASE_OPEN = (
    "EXISTS { MATCH ({v})<-[:RAISED_BY]-(a:Appeal)-[:REFERRED_TO]->"
    "(:SocialOrganization {id: $scopeSocialOrg}) "
    "WHERE a.status IN ['MATCHED', 'IN_PROGRESS'] "
    "OR coalesce(a.closedAt, a.resolvedAt) > datetime() - duration({days: $scopeGraceDays}) }"
)

# The time of a write, in the district's zone.
NOW = "datetime.realtime('Asia/Shanghai')"


def node(x: str) -> str:
    """The map `{props, labels}` of the node `x`: a variable, or any expression (a map
    projection takes only a variable, so an expression sends its datetimes as they are)."""
    if not x.isidentifier():
        return f"{{props: properties({x}), labels: labels({x})}}"
    texts = ", ".join(f"{p}: toString({x}.{p})" for p in DATETIMES)
    return f"{{props: {x} {{.*, {texts}}}, labels: labels({x})}}"
