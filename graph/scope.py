"""The one place that turns a caller's rights into a query scope.

A caller acting for an organisation sees that organisation's subtree; a social organisation sees
what was referred to it; the district centre sees everything. Every query that returns nodes
applies `visible(label)` with the parameters of `Scope.params()`, so an id outside the scope
behaves exactly like an id that does not exist.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction

from core.errors import Forbidden
from core.principal import ROLE_LEVELS, Principal, Role
from graph.cache import Memo
from graph.driver import Database, Query, run

# How a node of each label belongs to organisations: patterns from the node {v} to an
# organisation (o). They define both the caller's scope and the `under` filters.
OWNERS: dict[str, list[str]] = {
    "Organization": ["SELF"],
    "Grid": ["({v})-[:WITHIN|SERVED_BY]->(o)"],
    "Youth": ["({v})-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o)"],
    "Appeal": ["({v})-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o)"],
    "Cadre": ["({v})-[:SERVES_IN]->(o)"],
    "ChatGroup": ["({v})-[:OF]->(o)"],
    "Position": ["({v})-[:HOSTED_BY]->(o)"],
    "SocialOrganization": ["({v})-[:LINKED_WITH]->(o)"],
    "SocialWorker": ["({v})-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o)"],
    "ServiceProject": [
        "({v})-[:RUN_BY]->(o)",
        "({v})<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o)",
    ],
    "Activity": ["({v})-[:ORGANIZED_BY]->(o)"],
    "Enterprise": ["({v})-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o)"],
    "Visit": ["({v})-[:BY]->(:Cadre)-[:SERVES_IN]->(o)"],
    "Fund": [
        "({v})-[:ALLOCATED_TO]->(o)",
        "({v})-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o)",
    ],
    "Training": ["({v})<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o)"],
    "Campaign": ["({v})<-[:JOINED]-(o)"],
    "Assessment": ["({v})-[:OF]->(o)", "({v})-[:OF]->(:Cadre)-[:SERVES_IN]->(o)"],
    "Award": ["({v})-[:GRANTED_TO]->(o)", "({v})-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o)"],
    "Notice": [
        "({v})-[:ISSUED_BY]->(o)",
        "({v})-[:ADDRESSED_TO]->(o)",  # the grid branches that must acknowledge it
        "({v})-[:ACKNOWLEDGED_BY]->(o)",
    ],
}  # fmt: skip

# Visibility beyond ownership: the industry committees co-building with the subtree's branches.
CO_BUILDERS: dict[str, list[str]] = {"Organization": ["({v})-[:CO_BUILDS]->(o)"]}

# What a social organisation (s) sees: itself, its workers, the appeals referred to it and
# the youth who raised them.
REFERRED: dict[str, list[str]] = {
    "SocialOrganization": ["SELF"],
    "SocialWorker": ["({v})-[:MEMBER_OF]->(s)"],
    "Appeal": ["({v})-[:REFERRED_TO]->(s)"],
    "Youth": ["({v})<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s)"],
}


def _path(pattern: str, v: str, label: str | None = None) -> str:
    node = f"({v}:{label})" if label else f"({v})"
    return (
        pattern.replace("({v})", node)
        .replace("(o)", "(o:Organization)")
        .replace("(s)", "(s:SocialOrganization)")
    )


def _owner_match(label: str, v: str, at_org: Callable[[str], str]) -> list[str]:
    """One predicate per ownership pattern; `at_org(var)` constrains the organisation reached."""
    parts = []
    for pattern in OWNERS[label]:
        if pattern == "SELF":
            parts.append(at_org(v))
        else:
            parts.append(f"EXISTS {{ MATCH {_path(pattern, v)} WHERE {at_org('o')} }}")
    return parts


def visible(label: str, v: str = "v") -> str:
    """A predicate: node `v` (of `label`) lies within the caller's scope."""
    parts = ["$scopeAll", *_owner_match(label, v, lambda o: f"{o}.id IN $scopeOrgs")]
    for pattern in CO_BUILDERS.get(label, []):
        parts.append(f"EXISTS {{ MATCH {_path(pattern, v)} WHERE o.id IN $scopeOrgs }}")
    for pattern in REFERRED.get(label, []):
        if pattern == "SELF":
            parts.append(f"{v}.id = $scopeSocialOrg")
        else:
            parts.append(f"EXISTS {{ MATCH {_path(pattern, v)} WHERE s.id = $scopeSocialOrg }}")
    return "(" + " OR ".join(parts) + ")"


def in_scope(label: str, v: str = "v") -> str:
    """A subquery body returning the `label` nodes `v` of a limited scope, found from the scope's
    organisations (or social organisation) outwards: cheaper than testing every node."""
    branches = []
    for pattern in OWNERS[label] + CO_BUILDERS.get(label, []):
        if pattern == "SELF":
            branches.append(f"MATCH ({v}:{label}) WHERE {v}.id IN $scopeOrgs RETURN {v}")
        else:
            branches.append(
                "UNWIND $scopeOrgs AS scopeOrg MATCH (o:Organization {id: scopeOrg}) "
                f"MATCH {_path(pattern, v, label)} RETURN {v}"
            )
    for pattern in REFERRED.get(label, []):
        if pattern == "SELF":
            branches.append(f"MATCH ({v}:{label} {{id: $scopeSocialOrg}}) RETURN {v}")
        else:
            branches.append(
                "MATCH (s:SocialOrganization {id: $scopeSocialOrg}) "
                f"MATCH {_path(pattern, v, label)} RETURN {v}"
            )
    return " UNION ".join(branches)


def visible_any(labels: tuple[str, ...], v: str = "v") -> str:
    """A predicate for a node that may carry any of `labels` (the ends of a union relation)."""
    return "(" + " OR ".join(f"({v}:{label} AND {visible(label, v)})" for label in labels) + ")"


def in_subtree(label: str, v: str, param: str) -> str:
    """A predicate: node `v` belongs to the subtree of the organisation whose id is `$param`."""

    def below(o: str) -> str:
        return f"EXISTS {{ MATCH ({o})-[:UNDER*0..3]->(:Organization {{id: ${param}}}) }}"

    return "(" + " OR ".join(_owner_match(label, v, below)) + ")"


def under(label: str, v: str, param: str) -> str:
    """`in_subtree`, or true when `$param` is null."""
    return f"(${param} IS NULL OR {in_subtree(label, v, param)})"


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    root: str | None = None
    orgs: tuple[str, ...] = ()
    social_org: str | None = None
    unmask: bool = False  # the role sees personal data (a social organisation: per case)
    account: str | None = None
    grace_days: int = 30  # how long a social organisation's case stays open after it ended

    def params(self) -> dict[str, Any]:
        """The parameters `visible()` and `in_scope()` read (ScopedGraph adds them to every
        statement)."""
        return {
            "scopeAll": self.everything,
            "scopeOrgs": list(self.orgs),
            "scopeSocialOrg": self.social_org,
            "scopeGraceDays": self.grace_days,
        }

    def owns(self, org_id: str) -> bool:
        """Whether the organisation lies in the caller's subtree (the district owns them all)."""
        return self.everything or org_id in self.orgs

    @property
    def limited(self) -> bool:
        """A town's or a branch's subtree, or a social organisation's referrals."""
        return not self.everything


PUBLIC = Scope()  # no token: public aggregates only

SUBTREE = Query(
    "scope_subtree",
    """
    MATCH (root:Organization {id: $org}) WHERE root.archivedAt IS NULL
    RETURN root:Center AS isCenter, labels(root) AS labels,
           CASE WHEN root:Center THEN [] ELSE COLLECT {
               MATCH (d:Organization)-[:UNDER*1..3]->(root) WHERE d.archivedAt IS NULL
               RETURN DISTINCT d.id
           } END AS descendants
    """,
)
SOCIAL_ORG = Query(
    "scope_social_org",
    "MATCH (s:SocialOrganization {id: $org}) WHERE s.archivedAt IS NULL RETURN s.id AS id",
)


T = TypeVar("T")

_memo = Memo(ttl=30, name="scope")


async def check_principal(db: Database, principal: Principal) -> None:
    """Raises FORBIDDEN unless the principal's organisation exists and suits its role."""
    await _scope_for(db, principal, 0)


async def scope_for(db: Database, principal: Principal | None, grace_days: int = 30) -> Scope:
    if principal is None:
        return PUBLIC
    return await _memo.get(db, principal, lambda: _scope_for(db, principal, grace_days))


async def _scope_for(db: Database, principal: Principal, grace_days: int) -> Scope:
    unmask = principal.role.sees_personal_data
    if principal.role is Role.SOCIAL_ORG:
        if not await db.read(SOCIAL_ORG, org=principal.org_id):
            raise Forbidden(f"the token's social organisation {principal.org_id} does not exist")
        # personal data only of the youth whose case it holds (resolvers/personal.py)
        return Scope(
            social_org=principal.org_id,
            unmask=False,
            account=principal.account,
            grace_days=grace_days,
        )
    rows = await db.read(SUBTREE, org=principal.org_id)
    if not rows:
        raise Forbidden(f"the token's organisation {principal.org_id} does not exist")
    levels = ROLE_LEVELS[principal.role]
    if not set(levels) & set(rows[0]["labels"]):
        raise Forbidden(
            f"a {principal.role.value} acts for a {' or '.join(levels)}, not for {principal.org_id}"
        )
    root = principal.org_id
    if rows[0]["isCenter"]:
        return Scope(everything=True, root=root, unmask=unmask, account=principal.account)
    orgs = (root, *rows[0]["descendants"])
    return Scope(root=root, orgs=orgs, unmask=unmask, account=principal.account)


class ScopedTx:
    """A transaction of a ScopedGraph: each statement gets the caller's scope parameters."""

    def __init__(self, tx: AsyncManagedTransaction, scope: Scope) -> None:
        self.tx = tx
        self.scope = scope

    async def run(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        return await run(self.tx, query, {**params, **self.scope.params()})

    async def single(self, query: Query, **params: Any) -> dict[str, Any] | None:
        rows = await self.run(query, **params)
        return rows[0] if rows else None


class ScopedGraph:
    """The graph as one caller may read and change it: every statement runs with the caller's
    scope parameters, so no call site can forget them. One per request."""

    def __init__(self, db: Database, scope: Scope) -> None:
        self.db = db
        self.scope = scope

    async def read(self, query: Query, **params: Any) -> list[dict[str, Any]]:
        return await self.db.read(query, **params, **self.scope.params())

    async def read_tx(self, work: Callable[[ScopedTx], Awaitable[T]]) -> T:
        return await self.db.read_tx(lambda tx: work(ScopedTx(tx, self.scope)))

    async def write_tx(self, work: Callable[[ScopedTx], Awaitable[T]]) -> T:
        """Runs `work` in one write transaction: everything it writes commits or nothing does."""
        return await self.db.write_tx(lambda tx: work(ScopedTx(tx, self.scope)))
