"""Versioned schema migrations, recorded in the graph as (:Migration {version, name, appliedAt}).

Each migration is a list of schema statements (Neo4j runs each schema change in a transaction of
its own). Statements use IF NOT EXISTS, so a migration interrupted half-way can simply run again.
Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.driver import Database, Query

# Every label of the model (DOMAIN.md) carries a unique, stable `id`.
MODEL_LABELS = [
    "Organization", "Center", "TownCommittee", "CommunityBranch", "GridBranch",
    "IndustryCommittee", "Grid", "Cadre", "Training", "ChatGroup", "Position",
    "SocialOrganization", "SocialWorker", "Youth", "Appeal", "ServiceProject", "Activity",
    "Enterprise", "Visit", "Fund", "Campaign", "Assessment", "Award", "Notice",
]  # fmt: skip

# Labels whose `name` or `title` the full-text index `names` searches.
SEARCHABLE_LABELS = [
    "Organization", "Grid", "Cadre", "Position", "SocialOrganization", "SocialWorker", "Youth",
    "ServiceProject", "Activity", "Enterprise", "Training", "Campaign", "Notice",
]  # fmt: skip

# Property indexes the queries filter or sort on: (label, property).
PROPERTY_INDEXES = [
    ("Organization", "level"), ("Organization", "sector"), ("Organization", "archivedAt"),
    ("Cadre", "source"), ("Position", "type"), ("Youth", "inDifficulty"),
    ("Appeal", "status"), ("Appeal", "category"), ("Appeal", "createdAt"),
    ("ServiceProject", "brand"), ("ServiceProject", "year"), ("Activity", "date"),
    ("Visit", "date"), ("Visit", "kind"), ("Fund", "year"), ("ChatGroup", "level"),
    ("Notice", "issuedAt"), ("Training", "topic"), ("Assessment", "period"), ("Award", "year"),
]  # fmt: skip


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: list[str]


def _ident(name: str) -> str:
    return name[0].lower() + name[1:]


MIGRATIONS = [
    Migration(
        1,
        "unique ids for every label of the model",
        [
            f"CREATE CONSTRAINT {_ident(label)}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in MODEL_LABELS
        ]
        + [
            "CREATE CONSTRAINT migration_version IF NOT EXISTS "
            "FOR (m:Migration) REQUIRE m.version IS UNIQUE"
        ],
    ),
    Migration(
        2,
        "property indexes and the full-text name index",
        [
            f"CREATE INDEX {_ident(label)}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            for label, prop in PROPERTY_INDEXES
        ]
        + [
            "CREATE TEXT INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)",
            "CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:"
            + "|".join(SEARCHABLE_LABELS)
            + ") ON EACH [n.name, n.title]",
        ],
    ),
    Migration(
        3,
        "the audit trail of unmasked personal reads, and the dataset marker",
        [
            "CREATE CONSTRAINT auditEvent_id IF NOT EXISTS "
            "FOR (a:AuditEvent) REQUIRE a.id IS UNIQUE",
            "CREATE INDEX auditEvent_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at)",
            "CREATE INDEX auditEvent_account IF NOT EXISTS FOR (a:AuditEvent) ON (a.account)",
            "CREATE INDEX auditEvent_node IF NOT EXISTS FOR (a:AuditEvent) ON (a.node)",
        ],
    ),
]

APPLIED = Query("migrations_applied", "MATCH (m:Migration) RETURN m.version AS version")
RECORD = Query(
    "migration_record",
    "MERGE (m:Migration {version: $version}) "
    "ON CREATE SET m.name = $name, m.appliedAt = datetime.realtime('Asia/Shanghai')",
)
AWAIT_INDEXES = Query("await_indexes", "CALL db.awaitIndexes(300)")


async def migrate(db: Database) -> list[int]:
    """Applies the migrations not yet recorded; returns the versions applied now."""
    done = {row["version"] for row in await db.read(APPLIED)}
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        for statement in migration.statements:
            await db.write(Query(f"migration_{migration.version}", statement))
        await db.write(RECORD, version=migration.version, name=migration.name)
        applied.append(migration.version)
    if applied:
        await db.read(AWAIT_INDEXES)
    return applied
