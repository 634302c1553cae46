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


# -- overview, reports: the subtree walk and fund allocations


def subtree(x: str = "o", root: str = "root", label: str = "Organization") -> str:
    """A pattern: the `label` node `x` is the organisation `root` or lies under it (the hierarchy
    has four levels, so three hops at most)."""
    return f"({x}:{label})-[:UNDER*0..3]->({root})"


def allocations(o: str = "o") -> str:
    """A subquery returning the allocations (f:Fund)-[r:ALLOCATED_TO]-> to the organisation `o`
    and to the projects it runs, as rows `f, r` (each allocation once)."""
    return f"""CALL ({o}) {{
            MATCH (f:Fund)-[r:ALLOCATED_TO]->({o}) RETURN f, r
            UNION
            MATCH (f:Fund)-[r:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->({o}) RETURN f, r
        }}"""
