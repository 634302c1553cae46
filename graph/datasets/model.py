"""The in-memory dataset: node rows per label group and relationship rows per (type, start, end).

The label groups and relationship keys are fixed here (the contract of DOMAIN.md); the loader
builds its Cypher only from these constants, never from data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

NodeKey = tuple[str, ...]  # labels; the first carries the unique-id constraint MERGE uses
RelKey = tuple[str, str, str]  # (type, start label, end label)
Row = dict[str, Any]

NODE_KEYS: tuple[NodeKey, ...] = (
    ("Organization", "Center"),
    ("Organization", "TownCommittee"),
    ("Organization", "CommunityBranch"),
    ("Organization", "GridBranch"),
    ("Organization", "IndustryCommittee"),
    ("Grid",),
    ("Cadre",),
    ("Training",),
    ("ChatGroup",),
    ("Position",),
    ("SocialOrganization",),
    ("SocialWorker",),
    ("Youth",),
    ("Appeal",),
    ("ServiceProject",),
    ("Activity",),
    ("Enterprise",),
    ("Visit",),
    ("Fund",),
    ("Campaign",),
    ("Assessment",),
    ("Award",),
    ("Notice",),
)

# Organisation ends use the `Organization` label: one constraint index serves every level.
REL_KEYS: tuple[RelKey, ...] = (
    ("UNDER", "Organization", "Organization"),
    ("WITHIN", "Grid", "Organization"),
    ("SERVED_BY", "Grid", "Organization"),
    ("CO_BUILDS", "Organization", "Organization"),
    ("SERVES_IN", "Cadre", "Organization"),
    ("ATTENDED", "Cadre", "Training"),
    ("OF", "ChatGroup", "Organization"),
    ("RELAYS_TO", "ChatGroup", "ChatGroup"),
    ("ADMINISTERS", "Cadre", "ChatGroup"),
    ("INSTRUCTS", "Cadre", "ChatGroup"),
    ("HOSTED_BY", "Position", "Organization"),
    ("LOCATED_IN", "Position", "Grid"),
    ("LINKED_WITH", "SocialOrganization", "Organization"),
    ("MEMBER_OF", "SocialWorker", "SocialOrganization"),
    ("RESIDES_IN", "Youth", "Grid"),
    ("LOCATED_IN", "Enterprise", "Grid"),
    ("BY", "Visit", "Cadre"),
    ("TO", "Visit", "Youth"),
    ("TO", "Visit", "Enterprise"),
    ("TO", "Visit", "SocialOrganization"),
    ("RAISED_BY", "Appeal", "Youth"),
    ("COLLECTED_BY", "Appeal", "Cadre"),
    ("PRODUCED", "Visit", "Appeal"),
    ("REFERRED_TO", "Appeal", "SocialOrganization"),
    ("REFERRED_TO", "Appeal", "Organization"),
    ("RUN_BY", "ServiceProject", "Organization"),
    ("PART_OF", "Activity", "ServiceProject"),
    ("ORGANIZED_BY", "Activity", "Organization"),
    ("HELD_AT", "Activity", "Position"),
    ("PARTNERED_WITH", "Activity", "SocialOrganization"),
    ("PARTNERED_WITH", "Activity", "Organization"),
    ("PARTNERED_WITH", "Activity", "Enterprise"),
    ("ALLOCATED_TO", "Fund", "ServiceProject"),
    ("ALLOCATED_TO", "Fund", "Organization"),
    ("JOINED", "Organization", "Campaign"),
    ("JOINED", "SocialOrganization", "Campaign"),
    ("OF", "Assessment", "Organization"),
    ("OF", "Assessment", "Cadre"),
    ("GRANTED_TO", "Award", "Organization"),
    ("GRANTED_TO", "Award", "Cadre"),
    ("ISSUED_BY", "Notice", "Organization"),
    ("ACKNOWLEDGED_BY", "Notice", "Organization"),
)


@dataclass
class Dataset:
    """Rows ready for `UNWIND`: nodes {"id", "props"}, relationships {"from", "to", "props"}.

    Lists keep generation order, so two generations with the same seed are equal (==)."""

    name: str
    scale: int
    nodes: dict[NodeKey, list[Row]] = field(default_factory=lambda: {k: [] for k in NODE_KEYS})
    rels: dict[RelKey, list[Row]] = field(default_factory=lambda: {k: [] for k in REL_KEYS})
    # Membership checks only (never iterated): ids per constrained label, relationship triples.
    _ids: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    _pairs: set[tuple[RelKey, str, str]] = field(default_factory=set, repr=False, compare=False)

    def node(self, key: NodeKey, node_id: str, **props: Any) -> str:
        """Adds a node; props with value None are left out (a state not reached has no stamp)."""
        ids = self._ids.setdefault(key[0], set())
        if node_id in ids:
            raise ValueError(f"duplicate {key[0]} id {node_id}")
        ids.add(node_id)
        self.nodes[key].append(
            {"id": node_id, "props": {k: v for k, v in props.items() if v is not None}}
        )
        return node_id

    def rel(self, key: RelKey, start: str, end: str, **props: Any) -> None:
        """Adds a relationship; MERGE would fold a second one of the same type and ends."""
        triple = (key, start, end)
        if triple in self._pairs:
            raise ValueError(f"duplicate relationship {triple}")
        self._pairs.add(triple)
        self.rels[key].append({"from": start, "to": end, "props": props})

    def has_rel(self, key: RelKey, start: str, end: str) -> bool:
        return (key, start, end) in self._pairs

    def node_counts(self) -> dict[str, int]:
        """Nodes per most specific label (Organization's level labels counted separately)."""
        return {key[-1]: len(rows) for key, rows in self.nodes.items()}

    def rel_counts(self) -> dict[str, int]:
        """Relationships per type, over all (start, end) label pairs."""
        counts: dict[str, int] = {}
        for (rel_type, _, _), rows in self.rels.items():
            counts[rel_type] = counts.get(rel_type, 0) + len(rows)
        return counts

    def total_nodes(self) -> int:
        return sum(len(rows) for rows in self.nodes.values())

    def total_rels(self) -> int:
        return sum(len(rows) for rows in self.rels.values())

    def fingerprint(self) -> str:
        """SHA-256 of every row in order: equal across processes iff the data is the same."""
        digest = hashlib.sha256()
        for key in NODE_KEYS:
            digest.update(repr((key, self.nodes[key])).encode())
        for rkey in REL_KEYS:
            digest.update(repr((rkey, self.rels[rkey])).encode())
        return digest.hexdigest()
