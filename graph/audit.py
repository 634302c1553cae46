"""The audit trail: one (:AuditEvent) per node whose personal data a request showed unmasked
(who, when, which node, which fields). Events are only ever created, never changed; they are
deleted only when older than the retention period."""

from __future__ import annotations

from graph.driver import Query
from graph.scope import visible

RECORD = Query(
    "audit_record",
    """
    UNWIND $events AS event
    CREATE (a:AuditEvent {id: event.id, at: datetime(event.at), account: event.account,
                          role: event.role, node: event.node, label: event.label,
                          fields: event.fields, requestId: event.requestId})
    """,
)

# The events of the nodes the caller may see (the district sees all), newest first, with the
# filters given; the total and the page in one pass.
EVENTS = Query(
    "audit_events",
    f"""
    MATCH (a:AuditEvent)
    WHERE ($account IS NULL OR a.account = $account) AND ($node IS NULL OR a.node = $node)
      AND ($since IS NULL OR a.at >= $since) AND ($until IS NULL OR a.at < $until)
      AND ($scopeAll
           OR EXISTS {{ MATCH (v:Youth {{id: a.node}}) WHERE {visible("Youth")} }}
           OR EXISTS {{ MATCH (v:Cadre {{id: a.node}}) WHERE {visible("Cadre")} }})
    WITH a ORDER BY a.at DESC, a.id
    WITH collect(a) AS rows
    RETURN size(rows) AS total,
           [a IN rows[$offset..($offset + $limit)] | a {{.id, .account, .role, .node, .label,
                                                          .fields, .requestId,
                                                          at: toString(a.at)}}] AS items
    """,
)

PURGE = Query(
    "audit_purge",
    """
    MATCH (a:AuditEvent) WHERE a.at < datetime() - duration({days: $days})
    CALL (a) { DELETE a } IN TRANSACTIONS OF 5000 ROWS
    """,
)
