// acknowledge_notice
MATCH (n:Notice {id: $notice}), (b:Organization {id: $org})
OPTIONAL MATCH (n)-[before:ACKNOWLEDGED_BY]->(b)
WITH n, b, before IS NULL AS created, datetime.realtime('Asia/Shanghai') AS now
MERGE (n)-[r:ACKNOWLEDGED_BY]->(b)
ON CREATE SET r.at = now, r.by = $account,
              r.late = now > n.issuedAt + duration({minutes: $promise[n.urgency]})
RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS notice, {props: b {.*, createdAt: toString(b.createdAt), updatedAt: toString(b.updatedAt), archivedAt: toString(b.archivedAt), matchedAt: toString(b.matchedAt), startedAt: toString(b.startedAt), resolvedAt: toString(b.resolvedAt), closedAt: toString(b.closedAt), rejectedAt: toString(b.rejectedAt), issuedAt: toString(b.issuedAt)}, labels: labels(b)} AS organization, created, r.at AS at, r.by AS by,
       r.at > n.issuedAt + duration({minutes: $promise[n.urgency]}) AS late,
       duration.inSeconds(n.issuedAt, r.at).seconds / 60.0 AS minutes;

// active_children
MATCH (v:Organization {id: $id})
RETURN COUNT { (c:Organization)-[:UNDER]->(v) WHERE c.archivedAt IS NULL } AS organizations,
       COUNT { (g:Grid)-[:WITHIN|SERVED_BY]->(v) WHERE g.archivedAt IS NULL } AS grids;

// active_link_Cadre_SERVES_IN_Organization
MATCH (a:Cadre {id: $source})-[r:SERVES_IN]->(b:Organization {id: $target}) WHERE r.until IS NULL RETURN properties(r) AS rel;

// active_link_Organization_CO_BUILDS_Organization
MATCH (a:Organization {id: $source})-[r:CO_BUILDS]->(b:Organization {id: $target}) WHERE r.until IS NULL RETURN properties(r) AS rel;

// active_link_SocialOrganization_LINKED_WITH_Organization
MATCH (a:SocialOrganization {id: $source})-[r:LINKED_WITH]->(b:Organization {id: $target}) WHERE r.until IS NULL RETURN properties(r) AS rel;

// appeal_for_matching
MATCH (ap:Appeal {id: $appeal}) WHERE ($scopeAll OR EXISTS { MATCH (ap)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (ap)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN ap.category AS category, ap.urgency AS urgency, ap.status AS status;

// appeal_refer_Organization
MATCH (ap:Appeal {id: $appeal}), (to:Organization {id: $to})
CREATE (ap)-[r:REFERRED_TO {at: $at}]->(to)
SET r.note = $note
RETURN type(r) AS type;

// appeal_refer_SocialOrganization
MATCH (ap:Appeal {id: $appeal}), (to:SocialOrganization {id: $to})
CREATE (ap)-[r:REFERRED_TO {at: $at}]->(to)
SET r.note = $note
RETURN type(r) AS type;

// appeal_set_status
MATCH (ap:Appeal {id: $appeal}) WHERE ($scopeAll OR EXISTS { MATCH (ap)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (ap)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
SET ap.status = $status, ap += $stamps
RETURN {props: ap {.*, createdAt: toString(ap.createdAt), updatedAt: toString(ap.updatedAt), archivedAt: toString(ap.archivedAt), matchedAt: toString(ap.matchedAt), startedAt: toString(ap.startedAt), resolvedAt: toString(ap.resolvedAt), closedAt: toString(ap.closedAt), rejectedAt: toString(ap.rejectedAt), issuedAt: toString(ap.issuedAt)}, labels: labels(ap)} AS node;

// appeal_transition
MATCH (ap:Appeal {id: $appeal})
WHERE ap.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (ap)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (ap)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN ap.status AS status;

// archive_Activity
MATCH (v:Activity {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_Appeal
MATCH (v:Appeal {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_Cadre
MATCH (v:Cadre {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_Grid
MATCH (v:Grid {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_Organization
MATCH (v:Organization {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_Position
MATCH (v:Position {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_SocialOrganization
MATCH (v:SocialOrganization {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_SocialWorker
MATCH (v:SocialWorker {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// archive_Youth
MATCH (v:Youth {id: $id}) SET v.archivedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// assessed
MATCH (a:Assessment {period: $period})-[:OF]->(x {id: $target})
WHERE (x:Organization OR x:Cadre) AND a.archivedAt IS NULL
RETURN a.id AS id;

// assessment_ranking
MATCH (root:Organization {id: $org})
WHERE root.archivedAt IS NULL AND ($scopeAll OR root.id IN $scopeOrgs OR EXISTS { MATCH (root)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
CALL (root) {
    CALL (root) {
        MATCH (x:Organization)-[:UNDER*0..3]->(root)
        WHERE $subject IN labels(x) AND ($scopeAll OR x.id IN $scopeOrgs OR EXISTS { MATCH (x)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
        RETURN x
        UNION
        MATCH (x:Cadre)-[:SERVES_IN]->(:Organization)-[:UNDER*0..3]->(root)
        WHERE $subject = 'Cadre' AND ($scopeAll OR EXISTS { MATCH (x)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
        RETURN x
    }
    MATCH (a:Assessment {period: $period})-[:OF]->(x) WHERE a.archivedAt IS NULL
    WITH a, x, round(a.dailyWork * $weights.dailyWork + a.keyWork * $weights.keyWork + a.problemSolving * $weights.problemSolving, 1) AS total
    ORDER BY total DESC, x.id
    RETURN collect({a: a, x: x, total: total}) AS rows
}
WITH root, rows, [r IN rows | r.total] AS totals
RETURN {props: root {.*, createdAt: toString(root.createdAt), updatedAt: toString(root.updatedAt), archivedAt: toString(root.archivedAt), matchedAt: toString(root.matchedAt), startedAt: toString(root.startedAt), resolvedAt: toString(root.resolvedAt), closedAt: toString(root.closedAt), rejectedAt: toString(root.rejectedAt), issuedAt: toString(root.issuedAt)}, labels: labels(root)} AS organization,
       size(rows) AS assessed,
       CASE WHEN rows = [] THEN null
            ELSE round(reduce(s = 0.0, t IN totals | s + t) / size(totals), 1) END
           AS averageTotal,
       [floor IN $floors | size([t IN totals WHERE t >= floor])] AS atLeast,
       [i IN range($offset, $offset + size(rows[$offset..($offset + $limit)]) - 1) |
           {assessment: {props: properties(rows[i].a), labels: labels(rows[i].a)}, target: {props: properties(rows[i].x), labels: labels(rows[i].x)},
             total: rows[i].total,
             rank: 1 + size([t IN totals WHERE t > rows[i].total])}] AS page;

// attend_training
MATCH (t:Training {id: $training})
CALL (t) {
    UNWIND $cadres AS cadre
    MATCH (c:Cadre {id: cadre})
    MERGE (c)-[:ATTENDED]->(t)
    RETURN count(c) AS attended
}
RETURN {props: t {.*, createdAt: toString(t.createdAt), updatedAt: toString(t.updatedAt), archivedAt: toString(t.archivedAt), matchedAt: toString(t.matchedAt), startedAt: toString(t.startedAt), resolvedAt: toString(t.resolvedAt), closedAt: toString(t.closedAt), rejectedAt: toString(t.rejectedAt), issuedAt: toString(t.issuedAt)}, labels: labels(t)} AS node, attended;

// audit_events
MATCH (a:AuditEvent)
WHERE ($account IS NULL OR a.account = $account) AND ($node IS NULL OR a.node = $node)
  AND ($since IS NULL OR a.at >= $since) AND ($until IS NULL OR a.at < $until)
  AND ($scopeAll
       OR EXISTS { MATCH (v:Youth {id: a.node}) WHERE ($scopeAll OR EXISTS { MATCH (v)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) }
       OR EXISTS { MATCH (v:Cadre {id: a.node}) WHERE ($scopeAll OR EXISTS { MATCH (v)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) })
WITH a ORDER BY a.at DESC, a.id
WITH collect(a) AS rows
RETURN size(rows) AS total,
       [a IN rows[$offset..($offset + $limit)] | a {.id, .account, .role, .node, .label,
                                                      .fields, .requestId,
                                                      at: toString(a.at)}] AS items;

// audit_purge
MATCH (a:AuditEvent) WHERE a.at < datetime() - duration({days: $days})
CALL (a) { DELETE a } IN TRANSACTIONS OF 5000 ROWS;

// audit_record
UNWIND $events AS event
CREATE (a:AuditEvent {id: event.id, at: datetime(event.at), account: event.account,
                      role: event.role, node: event.node, label: event.label,
                      fields: event.fields, requestId: event.requestId});

// await_indexes
CALL db.awaitIndexes(300);

// awarded
MATCH (w:Award {title: $title, year: $year})-[:GRANTED_TO]->(x {id: $recipient})
WHERE x:Organization OR x:Cadre
RETURN w.id AS id;

// branch_grids
MATCH (g:Grid)-[:SERVED_BY]->(b:GridBranch {id: $branch})
WHERE g.archivedAt IS NULL AND g.id <> $grid
RETURN g.id AS grid;

// by_ids_Activity
UNWIND $ids AS id
MATCH (v:Activity {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Appeal
UNWIND $ids AS id
MATCH (v:Appeal {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Assessment
UNWIND $ids AS id
MATCH (v:Assessment {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:OF]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Award
UNWIND $ids AS id
MATCH (v:Award {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:GRANTED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Cadre
UNWIND $ids AS id
MATCH (v:Cadre {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Campaign
UNWIND $ids AS id
MATCH (v:Campaign {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)<-[:JOINED]-(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_ChatGroup
UNWIND $ids AS id
MATCH (v:ChatGroup {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Enterprise
UNWIND $ids AS id
MATCH (v:Enterprise {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Fund
UNWIND $ids AS id
MATCH (v:Fund {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:ALLOCATED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Grid
UNWIND $ids AS id
MATCH (v:Grid {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Notice
UNWIND $ids AS id
MATCH (v:Notice {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Organization
UNWIND $ids AS id
MATCH (v:Organization {id: id})
WHERE ($scopeAll OR v.id IN $scopeOrgs OR EXISTS { MATCH (v)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Position
UNWIND $ids AS id
MATCH (v:Position {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_ServiceProject
UNWIND $ids AS id
MATCH (v:ServiceProject {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_SocialOrganization
UNWIND $ids AS id
MATCH (v:SocialOrganization {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR v.id = $scopeSocialOrg)
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_SocialWorker
UNWIND $ids AS id
MATCH (v:SocialWorker {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Training
UNWIND $ids AS id
MATCH (v:Training {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Visit
UNWIND $ids AS id
MATCH (v:Visit {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:BY]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// by_ids_Youth
UNWIND $ids AS id
MATCH (v:Youth {id: id})
WHERE ($scopeAll OR EXISTS { MATCH (v)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// clear_database
MATCH (n) WHERE NOT (n:Migration OR n:AuditEvent) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS;

// co_building
MATCH (o:Organization {id: $org}) WHERE ($scopeAll OR o.id IN $scopeOrgs OR EXISTS { MATCH (o:Organization)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
CALL (o) {
    MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(o) RETURN c, r, o AS b
    UNION
    MATCH (o)-[r:CO_BUILDS]->(b:GridBranch) RETURN o AS c, r, b
    UNION
    MATCH (b:GridBranch)-[:UNDER*1..3]->(o)
    MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(b) RETURN c, r, b
}
WITH c, r, b
WHERE ($includeEnded OR r.until IS NULL)
  AND ($scopeAll OR c.id IN $scopeOrgs OR EXISTS { MATCH (c)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs }) AND ($scopeAll OR b.id IN $scopeOrgs OR EXISTS { MATCH (b)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
WITH c, r, b ORDER BY b.id, c.id, r.since
WITH collect({c: c, r: r, b: b}) AS rows
WITH size(rows) AS total, rows[$offset..($offset + $limit)] AS page
UNWIND CASE WHEN page = [] THEN [null] ELSE page END AS row  // keep the total of none
WITH total, row.c AS c, row.r AS r, row.b AS b
CALL (c, b, r) {
    MATCH (b)<-[:ORGANIZED_BY|PARTNERED_WITH]-(a:Activity)
          -[:ORGANIZED_BY|PARTNERED_WITH]->(c)
    WHERE a.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (a)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
    WITH DISTINCT a ORDER BY a.date, a.id
    RETURN collect({props: a {.*, createdAt: toString(a.createdAt), updatedAt: toString(a.updatedAt), archivedAt: toString(a.archivedAt), matchedAt: toString(a.matchedAt), startedAt: toString(a.startedAt), resolvedAt: toString(a.resolvedAt), closedAt: toString(a.closedAt), rejectedAt: toString(a.rejectedAt), issuedAt: toString(a.issuedAt)}, labels: labels(a)}) AS activities
}
RETURN total,
       CASE WHEN c IS NULL THEN null ELSE {props: c {.*, createdAt: toString(c.createdAt), updatedAt: toString(c.updatedAt), archivedAt: toString(c.archivedAt), matchedAt: toString(c.matchedAt), startedAt: toString(c.startedAt), resolvedAt: toString(c.resolvedAt), closedAt: toString(c.closedAt), rejectedAt: toString(c.rejectedAt), issuedAt: toString(c.issuedAt)}, labels: labels(c)} END
           AS committee,
       CASE WHEN b IS NULL THEN null ELSE {props: b {.*, createdAt: toString(b.createdAt), updatedAt: toString(b.updatedAt), archivedAt: toString(b.archivedAt), matchedAt: toString(b.matchedAt), startedAt: toString(b.startedAt), resolvedAt: toString(b.resolvedAt), closedAt: toString(b.closedAt), rejectedAt: toString(b.rejectedAt), issuedAt: toString(b.issuedAt)}, labels: labels(b)} END
           AS branch,
       r.since AS since, r.until AS until, activities;

// co_building_network
MATCH (root:Organization {id: $org}) WHERE ($scopeAll OR root.id IN $scopeOrgs OR EXISTS { MATCH (root)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
MATCH (b:GridBranch)-[:UNDER*0..3]->(root)
WHERE b.archivedAt IS NULL AND ($scopeAll OR b.id IN $scopeOrgs OR EXISTS { MATCH (b)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
OPTIONAL MATCH (b)-[:UNDER*0..2]->(unit:Organization)-[:UNDER]->(root)
WHERE ($scopeAll OR unit.id IN $scopeOrgs OR EXISTS { MATCH (unit)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
WITH b, unit, COLLECT {
    MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(b)
    WHERE r.until IS NULL AND c.archivedAt IS NULL AND ($scopeAll OR c.id IN $scopeOrgs OR EXISTS { MATCH (c)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
    RETURN {key: c.id, name: c.name, labels: labels(c), since: r.since}
} AS partners
ORDER BY b.id
RETURN {key: b.id, name: b.name, labels: labels(b)} AS branch,
       CASE WHEN unit IS NULL THEN null ELSE {key: unit.id, name: unit.name} END AS unit,
       partners;

// create_Activity
CREATE (v:Activity {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Appeal
CREATE (v:Appeal {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Cadre
CREATE (v:Cadre {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Grid
CREATE (v:Grid {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Organization_CommunityBranch
CREATE (v:Organization:CommunityBranch {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Organization_GridBranch
CREATE (v:Organization:GridBranch {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Organization_IndustryCommittee
CREATE (v:Organization:IndustryCommittee {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Organization_TownCommittee
CREATE (v:Organization:TownCommittee {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Position
CREATE (v:Position {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_SocialOrganization
CREATE (v:SocialOrganization {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_SocialWorker
CREATE (v:SocialWorker {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_Youth
CREATE (v:Youth {id: $id}) SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_assessment_Cadre
MATCH (x:Cadre {id: $target})
CREATE (n:Assessment {id: $id})
SET n += $props, n.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (n)-[:OF]->(x)
RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS node;

// create_assessment_Organization
MATCH (x:Organization {id: $target})
CREATE (n:Assessment {id: $id})
SET n += $props, n.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (n)-[:OF]->(x)
RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS node;

// create_training
CREATE (t:Training {id: $id}) SET t += $props, t.createdAt = datetime.realtime('Asia/Shanghai') RETURN {props: t {.*, createdAt: toString(t.createdAt), updatedAt: toString(t.updatedAt), archivedAt: toString(t.archivedAt), matchedAt: toString(t.matchedAt), startedAt: toString(t.startedAt), resolvedAt: toString(t.resolvedAt), closedAt: toString(t.closedAt), rejectedAt: toString(t.rejectedAt), issuedAt: toString(t.issuedAt)}, labels: labels(t)} AS node;

// create_visit_Enterprise
MATCH (c:Cadre {id: $cadre}), (t:Enterprise {id: $target})
CREATE (v:Visit {id: $id})
SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (v)-[:BY]->(c), (v)-[:TO]->(t)
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_visit_SocialOrganization
MATCH (c:Cadre {id: $cadre}), (t:SocialOrganization {id: $target})
CREATE (v:Visit {id: $id})
SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (v)-[:BY]->(c), (v)-[:TO]->(t)
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_visit_Youth
MATCH (c:Cadre {id: $cadre}), (t:Youth {id: $target})
CREATE (v:Visit {id: $id})
SET v += $props, v.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (v)-[:BY]->(c), (v)-[:TO]->(t)
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// create_visit_appeals
MATCH (v:Visit {id: $visit})-[:BY]->(c:Cadre)
UNWIND $appeals AS given
MATCH (y:Youth {id: given.youth})
CREATE (a:Appeal {id: given.id})
SET a += given.props, a.status = 'OPEN', a.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (v)-[:PRODUCED]->(a), (a)-[:RAISED_BY]->(y), (a)-[:COLLECTED_BY]->(c)
RETURN count(a) AS appeals;

// dataset_counts
MATCH (n) WHERE NOT (n:Migration OR n:Dataset OR n:AuditEvent) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships;

// dataset_loaded
MATCH (d:Dataset {id: 'dataset'}) RETURN d.name AS name, d.scale AS scale, d.complete AS complete;

// dataset_mark
MERGE (d:Dataset {id: 'dataset'}) SET d.name = $name, d.scale = $scale, d.complete = $complete, d.markedAt = datetime();

// end_link_Cadre_SERVES_IN_Organization
MATCH (a:Cadre {id: $source})-[r:SERVES_IN]->(b:Organization {id: $target}) WHERE r.until IS NULL SET r.until = $until RETURN properties(r) AS rel;

// end_link_Organization_CO_BUILDS_Organization
MATCH (a:Organization {id: $source})-[r:CO_BUILDS]->(b:Organization {id: $target}) WHERE r.until IS NULL SET r.until = $until RETURN properties(r) AS rel;

// end_link_SocialOrganization_LINKED_WITH_Organization
MATCH (a:SocialOrganization {id: $source})-[r:LINKED_WITH]->(b:Organization {id: $target}) WHERE r.until IS NULL SET r.until = $until RETURN properties(r) AS rel;

// explore_among
UNWIND $nodes AS eid
MATCH (x) WHERE elementId(x) = eid
MATCH (x)-[r]->(y) WHERE elementId(y) IN $nodes AND ($types IS NULL OR type(r) IN $types)
RETURN elementId(x) AS source, elementId(y) AS target, type(r) AS type;

// explore_hop
UNWIND $frontier AS eid
MATCH (x) WHERE elementId(x) = eid
// the first $cap by key overall are among the first $cap of each frontier node: cut
// each node's neighbours there, before the (costly) visibility test of the rest
CALL (x) {
    MATCH (x)-[r]-(y)
    WHERE NOT elementId(y) IN $seen
      AND ($types IS NULL OR type(r) IN $types)
      AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels))
      AND any(l IN labels(y) WHERE l IN ['Organization', 'Grid', 'Youth', 'Appeal', 'Cadre', 'ChatGroup', 'Position', 'SocialOrganization', 'SocialWorker', 'ServiceProject', 'Activity', 'Enterprise', 'Visit', 'Fund', 'Training', 'Campaign', 'Assessment', 'Award', 'Notice'])
    WITH r, y ORDER BY y.id, labels(y)[0]
    WHERE ((y:Organization AND ($scopeAll OR y.id IN $scopeOrgs OR EXISTS { MATCH (y)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Grid AND ($scopeAll OR EXISTS { MATCH (y)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Youth AND ($scopeAll OR EXISTS { MATCH (y)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:Appeal AND ($scopeAll OR EXISTS { MATCH (y)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:Cadre AND ($scopeAll OR EXISTS { MATCH (y)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:ChatGroup AND ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Position AND ($scopeAll OR EXISTS { MATCH (y)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:SocialOrganization AND ($scopeAll OR EXISTS { MATCH (y)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR y.id = $scopeSocialOrg)) OR (y:SocialWorker AND ($scopeAll OR EXISTS { MATCH (y)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:ServiceProject AND ($scopeAll OR EXISTS { MATCH (y)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Activity AND ($scopeAll OR EXISTS { MATCH (y)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Enterprise AND ($scopeAll OR EXISTS { MATCH (y)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Visit AND ($scopeAll OR EXISTS { MATCH (y)-[:BY]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Fund AND ($scopeAll OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Training AND ($scopeAll OR EXISTS { MATCH (y)<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Campaign AND ($scopeAll OR EXISTS { MATCH (y)<-[:JOINED]-(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Assessment AND ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:OF]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Award AND ($scopeAll OR EXISTS { MATCH (y)-[:GRANTED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Notice AND ($scopeAll OR EXISTS { MATCH (y)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })))
    RETURN r, y LIMIT $cap
}
WITH y, collect({source: elementId(x), type: type(r), outgoing: startNode(r) = x}) AS via
ORDER BY y.id, labels(y)[0]
LIMIT $cap
RETURN elementId(y) AS target, via;

// explore_hop_described
UNWIND $frontier AS eid
MATCH (x) WHERE elementId(x) = eid
// the first $cap by key overall are among the first $cap of each frontier node: cut
// each node's neighbours there, before the (costly) visibility test of the rest
CALL (x) {
    MATCH (x)-[r]-(y)
    WHERE NOT elementId(y) IN $seen
      AND ($types IS NULL OR type(r) IN $types)
      AND ($labels IS NULL OR any(l IN labels(y) WHERE l IN $labels))
      AND any(l IN labels(y) WHERE l IN ['Organization', 'Grid', 'Youth', 'Appeal', 'Cadre', 'ChatGroup', 'Position', 'SocialOrganization', 'SocialWorker', 'ServiceProject', 'Activity', 'Enterprise', 'Visit', 'Fund', 'Training', 'Campaign', 'Assessment', 'Award', 'Notice'])
    WITH r, y ORDER BY y.id, labels(y)[0]
    WHERE ((y:Organization AND ($scopeAll OR y.id IN $scopeOrgs OR EXISTS { MATCH (y)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Grid AND ($scopeAll OR EXISTS { MATCH (y)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Youth AND ($scopeAll OR EXISTS { MATCH (y)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:Appeal AND ($scopeAll OR EXISTS { MATCH (y)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:Cadre AND ($scopeAll OR EXISTS { MATCH (y)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:ChatGroup AND ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Position AND ($scopeAll OR EXISTS { MATCH (y)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:SocialOrganization AND ($scopeAll OR EXISTS { MATCH (y)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR y.id = $scopeSocialOrg)) OR (y:SocialWorker AND ($scopeAll OR EXISTS { MATCH (y)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:ServiceProject AND ($scopeAll OR EXISTS { MATCH (y)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Activity AND ($scopeAll OR EXISTS { MATCH (y)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Enterprise AND ($scopeAll OR EXISTS { MATCH (y)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Visit AND ($scopeAll OR EXISTS { MATCH (y)-[:BY]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Fund AND ($scopeAll OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Training AND ($scopeAll OR EXISTS { MATCH (y)<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Campaign AND ($scopeAll OR EXISTS { MATCH (y)<-[:JOINED]-(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Assessment AND ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:OF]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Award AND ($scopeAll OR EXISTS { MATCH (y)-[:GRANTED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Notice AND ($scopeAll OR EXISTS { MATCH (y)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })))
    RETURN r, y LIMIT $cap
}
WITH y, collect({source: elementId(x), type: type(r), outgoing: startNode(r) = x}) AS via
ORDER BY y.id, labels(y)[0]
LIMIT $cap
RETURN elementId(y) AS target, via, {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_nodes
UNWIND $nodes AS eid
MATCH (y) WHERE elementId(y) = eid AND ((y:Organization AND ($scopeAll OR y.id IN $scopeOrgs OR EXISTS { MATCH (y)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Grid AND ($scopeAll OR EXISTS { MATCH (y)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Youth AND ($scopeAll OR EXISTS { MATCH (y)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:Appeal AND ($scopeAll OR EXISTS { MATCH (y)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:Cadre AND ($scopeAll OR EXISTS { MATCH (y)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:ChatGroup AND ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Position AND ($scopeAll OR EXISTS { MATCH (y)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:SocialOrganization AND ($scopeAll OR EXISTS { MATCH (y)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR y.id = $scopeSocialOrg)) OR (y:SocialWorker AND ($scopeAll OR EXISTS { MATCH (y)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (y:ServiceProject AND ($scopeAll OR EXISTS { MATCH (y)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Activity AND ($scopeAll OR EXISTS { MATCH (y)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Enterprise AND ($scopeAll OR EXISTS { MATCH (y)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Visit AND ($scopeAll OR EXISTS { MATCH (y)-[:BY]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Fund AND ($scopeAll OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Training AND ($scopeAll OR EXISTS { MATCH (y)<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Campaign AND ($scopeAll OR EXISTS { MATCH (y)<-[:JOINED]-(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Assessment AND ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:OF]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Award AND ($scopeAll OR EXISTS { MATCH (y)-[:GRANTED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (y:Notice AND ($scopeAll OR EXISTS { MATCH (y)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })))
RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Activity
MATCH (y:Activity {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Appeal
MATCH (y:Appeal {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Assessment
MATCH (y:Assessment {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:OF]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Award
MATCH (y:Award {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:GRANTED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Cadre
MATCH (y:Cadre {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Campaign
MATCH (y:Campaign {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)<-[:JOINED]-(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_ChatGroup
MATCH (y:ChatGroup {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Enterprise
MATCH (y:Enterprise {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Fund
MATCH (y:Fund {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Grid
MATCH (y:Grid {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Notice
MATCH (y:Notice {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Organization
MATCH (y:Organization {id: $key}) WHERE ($scopeAll OR y.id IN $scopeOrgs OR EXISTS { MATCH (y)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Position
MATCH (y:Position {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_ServiceProject
MATCH (y:ServiceProject {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_SocialOrganization
MATCH (y:SocialOrganization {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR y.id = $scopeSocialOrg) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_SocialWorker
MATCH (y:SocialWorker {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Training
MATCH (y:Training {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Visit
MATCH (y:Visit {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:BY]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// explore_start_Youth
MATCH (y:Youth {id: $key}) WHERE ($scopeAll OR EXISTS { MATCH (y)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (y)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) RETURN {eid: elementId(y), key: y.id, labels: labels(y), name: coalesce(y.name, y.title, y.period, y.id)} AS node;

// grant_award_Cadre
MATCH (x:Cadre {id: $recipient})
CREATE (n:Award {id: $id})
SET n += $props, n.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (n)-[:GRANTED_TO]->(x)
RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS node;

// grant_award_Organization
MATCH (x:Organization {id: $recipient})
CREATE (n:Award {id: $id})
SET n += $props, n.createdAt = datetime.realtime('Asia/Shanghai')
CREATE (n)-[:GRANTED_TO]->(x)
RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS node;

// grid_community
MATCH (:Grid {id: $grid})-[:WITHIN]->(c:CommunityBranch) RETURN c.id AS community;

// import_branch_community
UNWIND $branches AS branch
MATCH (:GridBranch {id: branch})-[:UNDER]->(c:CommunityBranch)
RETURN branch, c.id AS community;

// import_current_appeals
UNWIND $ids AS key
MATCH (v:Appeal {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) AS visible, {youth: [(v)-[r:RAISED_BY]->(t:Youth) | {id: t.id, props: properties(r)}]} AS links;

// import_current_cadres
UNWIND $ids AS key
MATCH (v:Cadre {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs }) AS visible, {org: [(v)-[r:SERVES_IN]->(t:Organization) WHERE r.until IS NULL | {id: t.id, props: properties(r)}]} AS links;

// import_current_chat_groups
UNWIND $ids AS key
MATCH (v:ChatGroup {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs }) AS visible, {org: [(v)-[r:OF]->(t:Organization) | {id: t.id, props: properties(r)}]} AS links;

// import_current_enterprises
UNWIND $ids AS key
MATCH (v:Enterprise {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) AS visible, {grid: [(v)-[r:LOCATED_IN]->(t:Grid) | {id: t.id, props: properties(r)}]} AS links;

// import_current_grids
UNWIND $ids AS key
MATCH (v:Grid {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) AS visible, {community: [(v)-[r:WITHIN]->(t:Organization) | {id: t.id, props: properties(r)}], branch: [(v)-[r:SERVED_BY]->(t:Organization) | {id: t.id, props: properties(r)}]} AS links;

// import_current_organizations
UNWIND $ids AS key
MATCH (v:Organization {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR v.id IN $scopeOrgs OR EXISTS { MATCH (v)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs }) AS visible, {parent: [(v)-[r:UNDER]->(t:Organization) | {id: t.id, props: properties(r)}]} AS links;

// import_current_positions
UNWIND $ids AS key
MATCH (v:Position {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) AS visible, {hostedBy: [(v)-[r:HOSTED_BY]->(t:Organization) | {id: t.id, props: properties(r)}], grid: [(v)-[r:LOCATED_IN]->(t:Grid) | {id: t.id, props: properties(r)}]} AS links;

// import_current_social_organizations
UNWIND $ids AS key
MATCH (v:SocialOrganization {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR v.id = $scopeSocialOrg) AS visible, {org: [(v)-[r:LINKED_WITH]->(t:Organization) WHERE r.until IS NULL | {id: t.id, props: properties(r)}]} AS links;

// import_current_social_workers
UNWIND $ids AS key
MATCH (v:SocialWorker {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) AS visible, {socialOrganization: [(v)-[r:MEMBER_OF]->(t:SocialOrganization) | {id: t.id, props: properties(r)}]} AS links;

// import_current_youth
UNWIND $ids AS key
MATCH (v:Youth {id: key})
RETURN v.id AS id, properties(v) AS props, labels(v) AS labels,
       ($scopeAll OR EXISTS { MATCH (v)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) AS visible, {grid: [(v)-[r:RESIDES_IN]->(t:Grid) | {id: t.id, props: properties(r)}]} AS links;

// import_link_appeals_youth
UNWIND $rows AS row
WITH row WHERE row.links.youth IS NOT NULL
MATCH (v:Appeal {id: row.id}), (t:Youth {id: row.links.youth})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:RAISED_BY]->(x:Youth) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:RAISED_BY]->(t)
SET r += row.rel.youth

;

// import_link_cadres_org
UNWIND $rows AS row
WITH row WHERE row.links.org IS NOT NULL
MATCH (v:Cadre {id: row.id}), (t:Organization {id: row.links.org})

CALL (v, t) {
    OPTIONAL MATCH (v)-[a:SERVES_IN]->(t) WHERE a.until IS NULL
    WITH a WHERE a IS NULL
    CREATE (v)-[:SERVES_IN]->(t)
}
WITH v, t, row
MATCH (v)-[r:SERVES_IN]->(t) WHERE r.until IS NULL
SET r += row.rel.org

;

// import_link_chat_groups_org
UNWIND $rows AS row
WITH row WHERE row.links.org IS NOT NULL
MATCH (v:ChatGroup {id: row.id}), (t:Organization {id: row.links.org})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:OF]->(x:Organization) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:OF]->(t)
SET r += row.rel.org

SET v.level = t.level;

// import_link_enterprises_grid
UNWIND $rows AS row
WITH row WHERE row.links.grid IS NOT NULL
MATCH (v:Enterprise {id: row.id}), (t:Grid {id: row.links.grid})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:LOCATED_IN]->(x:Grid) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:LOCATED_IN]->(t)
SET r += row.rel.grid

;

// import_link_grids_branch
UNWIND $rows AS row
WITH row WHERE row.links.branch IS NOT NULL
MATCH (v:Grid {id: row.id}), (t:Organization {id: row.links.branch})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:SERVED_BY]->(x:Organization) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:SERVED_BY]->(t)
SET r += row.rel.branch

;

// import_link_grids_community
UNWIND $rows AS row
WITH row WHERE row.links.community IS NOT NULL
MATCH (v:Grid {id: row.id}), (t:Organization {id: row.links.community})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:WITHIN]->(x:Organization) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:WITHIN]->(t)
SET r += row.rel.community

;

// import_link_organizations_parent
UNWIND $rows AS row
WITH row WHERE row.links.parent IS NOT NULL
MATCH (v:Organization {id: row.id}), (t:Organization {id: row.links.parent})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:UNDER]->(x:Organization) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:UNDER]->(t)
SET r += row.rel.parent

;

// import_link_positions_grid
UNWIND $rows AS row
WITH row WHERE row.links.grid IS NOT NULL
MATCH (v:Position {id: row.id}), (t:Grid {id: row.links.grid})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:LOCATED_IN]->(x:Grid) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:LOCATED_IN]->(t)
SET r += row.rel.grid

;

// import_link_positions_hostedBy
UNWIND $rows AS row
WITH row WHERE row.links.hostedBy IS NOT NULL
MATCH (v:Position {id: row.id}), (t:Organization {id: row.links.hostedBy})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:HOSTED_BY]->(x:Organization) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:HOSTED_BY]->(t)
SET r += row.rel.hostedBy

;

// import_link_social_organizations_org
UNWIND $rows AS row
WITH row WHERE row.links.org IS NOT NULL
MATCH (v:SocialOrganization {id: row.id}), (t:Organization {id: row.links.org})

CALL (v, t) {
    OPTIONAL MATCH (v)-[a:LINKED_WITH]->(t) WHERE a.until IS NULL
    WITH a WHERE a IS NULL
    CREATE (v)-[:LINKED_WITH]->(t)
}
WITH v, t, row
MATCH (v)-[r:LINKED_WITH]->(t) WHERE r.until IS NULL
SET r += row.rel.org

;

// import_link_social_workers_socialOrganization
UNWIND $rows AS row
WITH row WHERE row.links.socialOrganization IS NOT NULL
MATCH (v:SocialWorker {id: row.id}), (t:SocialOrganization {id: row.links.socialOrganization})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:MEMBER_OF]->(x:SocialOrganization) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:MEMBER_OF]->(t)
SET r += row.rel.socialOrganization

;

// import_link_youth_grid
UNWIND $rows AS row
WITH row WHERE row.links.grid IS NOT NULL
MATCH (v:Youth {id: row.id}), (t:Grid {id: row.links.grid})

CALL (v, t) {
    OPTIONAL MATCH (v)-[old:RESIDES_IN]->(x:Grid) WHERE x <> t
    DELETE old
}
MERGE (v)-[r:RESIDES_IN]->(t)
SET r += row.rel.grid

;

// import_resolve_Grid
UNWIND $refs AS ref
MATCH (v:Grid)
WHERE (v.id = ref OR v.name = ref) AND v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN ref, v.id AS id, labels(v) AS labels;

// import_resolve_Organization
UNWIND $refs AS ref
MATCH (v:Organization)
WHERE (v.id = ref OR v.name = ref) AND v.archivedAt IS NULL AND ($scopeAll OR v.id IN $scopeOrgs OR EXISTS { MATCH (v)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN ref, v.id AS id, labels(v) AS labels;

// import_resolve_SocialOrganization
UNWIND $refs AS ref
MATCH (v:SocialOrganization)
WHERE (v.id = ref OR v.name = ref) AND v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR v.id = $scopeSocialOrg)
RETURN ref, v.id AS id, labels(v) AS labels;

// import_resolve_Youth
UNWIND $refs AS ref
MATCH (v:Youth {id: ref}) WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN ref, v.id AS id, labels(v) AS labels;

// import_upsert_appeals
UNWIND $rows AS row
MERGE (v:Appeal {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_cadres
UNWIND $rows AS row
MERGE (v:Cadre {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_chat_groups
UNWIND $rows AS row
MERGE (v:ChatGroup {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_enterprises
UNWIND $rows AS row
MERGE (v:Enterprise {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_grids
UNWIND $rows AS row
MERGE (v:Grid {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_organizations
UNWIND $rows AS row
MERGE (v:Organization {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
FOREACH (_ IN CASE WHEN row.kind = 'Center' THEN [1] ELSE [] END | SET v:Center) FOREACH (_ IN CASE WHEN row.kind = 'TownCommittee' THEN [1] ELSE [] END | SET v:TownCommittee) FOREACH (_ IN CASE WHEN row.kind = 'CommunityBranch' THEN [1] ELSE [] END | SET v:CommunityBranch) FOREACH (_ IN CASE WHEN row.kind = 'GridBranch' THEN [1] ELSE [] END | SET v:GridBranch) FOREACH (_ IN CASE WHEN row.kind = 'IndustryCommittee' THEN [1] ELSE [] END | SET v:IndustryCommittee);

// import_upsert_positions
UNWIND $rows AS row
MERGE (v:Position {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_social_organizations
UNWIND $rows AS row
MERGE (v:SocialOrganization {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_social_workers
UNWIND $rows AS row
MERGE (v:SocialWorker {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// import_upsert_youth
UNWIND $rows AS row
MERGE (v:Youth {id: row.id})
ON CREATE SET v.createdAt = datetime.realtime('Asia/Shanghai'), v.importId = $importId
SET v += row.props, v.updatedAt = datetime.realtime('Asia/Shanghai')
;

// is_descendant
RETURN EXISTS { MATCH (:Organization {id: $candidate})-[:UNDER*1..]->(:Organization {id: $ancestor}) } AS below;

// is_empty
MATCH (o:Organization) RETURN count(o) = 0 AS empty;

// issue_notice
MATCH (o:Organization {id: $org})
CREATE (n:Notice {id: $id})
SET n += $props, n.issuedAt = datetime.realtime('Asia/Shanghai'), n.createdAt = n.issuedAt
CREATE (n)-[:ISSUED_BY]->(o)
WITH n
CALL (n) {
    UNWIND $addressees AS addressee
    MATCH (b:GridBranch {id: addressee})
    CREATE (n)-[:ADDRESSED_TO]->(b)
    RETURN count(b) AS addressed
}
RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS node, addressed;

// link_Activity_HELD_AT_Position
MATCH (a:Activity {id: $source}), (b:Position {id: $target})
MERGE (a)-[r:HELD_AT]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Activity_ORGANIZED_BY_Organization
MATCH (a:Activity {id: $source}), (b:Organization {id: $target})
MERGE (a)-[r:ORGANIZED_BY]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Activity_PARTNERED_WITH_Enterprise
MATCH (a:Activity {id: $source}), (b:Enterprise {id: $target})
MERGE (a)-[r:PARTNERED_WITH]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Activity_PARTNERED_WITH_Organization
MATCH (a:Activity {id: $source}), (b:Organization {id: $target})
MERGE (a)-[r:PARTNERED_WITH]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Activity_PARTNERED_WITH_SocialOrganization
MATCH (a:Activity {id: $source}), (b:SocialOrganization {id: $target})
MERGE (a)-[r:PARTNERED_WITH]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Activity_PART_OF_ServiceProject
MATCH (a:Activity {id: $source}), (b:ServiceProject {id: $target})
MERGE (a)-[r:PART_OF]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Appeal_COLLECTED_BY_Cadre
MATCH (a:Appeal {id: $source}), (b:Cadre {id: $target})
MERGE (a)-[r:COLLECTED_BY]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Appeal_RAISED_BY_Youth
MATCH (a:Appeal {id: $source}), (b:Youth {id: $target})
MERGE (a)-[r:RAISED_BY]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Grid_SERVED_BY_Organization
MATCH (a:Grid {id: $source}), (b:Organization {id: $target})
MERGE (a)-[r:SERVED_BY]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Grid_WITHIN_Organization
MATCH (a:Grid {id: $source}), (b:Organization {id: $target})
MERGE (a)-[r:WITHIN]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Organization_UNDER_Organization
MATCH (a:Organization {id: $source}), (b:Organization {id: $target})
MERGE (a)-[r:UNDER]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Position_HOSTED_BY_Organization
MATCH (a:Position {id: $source}), (b:Organization {id: $target})
MERGE (a)-[r:HOSTED_BY]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Position_LOCATED_IN_Grid
MATCH (a:Position {id: $source}), (b:Grid {id: $target})
MERGE (a)-[r:LOCATED_IN]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_SocialWorker_MEMBER_OF_SocialOrganization
MATCH (a:SocialWorker {id: $source}), (b:SocialOrganization {id: $target})
MERGE (a)-[r:MEMBER_OF]->(b)
SET r += $props
RETURN properties(r) AS rel;

// link_Youth_RESIDES_IN_Grid
MATCH (a:Youth {id: $source}), (b:Grid {id: $target})
MERGE (a)-[r:RESIDES_IN]->(b)
SET r += $props
RETURN properties(r) AS rel;

// linked_organizations_Cadre
MATCH (:Cadre {id: $id})-[r:SERVES_IN]->(o:Organization) WHERE r.until IS NULL RETURN collect(DISTINCT o.id) AS orgs;

// linked_organizations_SocialOrganization
MATCH (:SocialOrganization {id: $id})-[r:LINKED_WITH]->(o:Organization) WHERE r.until IS NULL RETURN collect(DISTINCT o.id) AS orgs;

// load_nodes_Activity
UNWIND $rows AS row MERGE (n:Activity {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Appeal
UNWIND $rows AS row MERGE (n:Appeal {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Assessment
UNWIND $rows AS row MERGE (n:Assessment {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Award
UNWIND $rows AS row MERGE (n:Award {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Cadre
UNWIND $rows AS row MERGE (n:Cadre {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Campaign
UNWIND $rows AS row MERGE (n:Campaign {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_ChatGroup
UNWIND $rows AS row MERGE (n:ChatGroup {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Enterprise
UNWIND $rows AS row MERGE (n:Enterprise {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Fund
UNWIND $rows AS row MERGE (n:Fund {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Grid
UNWIND $rows AS row MERGE (n:Grid {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Notice
UNWIND $rows AS row MERGE (n:Notice {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Organization_Center
UNWIND $rows AS row MERGE (n:Organization {id: row.id}) SET n:Center SET n += row.props RETURN count(n) AS written;

// load_nodes_Organization_CommunityBranch
UNWIND $rows AS row MERGE (n:Organization {id: row.id}) SET n:CommunityBranch SET n += row.props RETURN count(n) AS written;

// load_nodes_Organization_GridBranch
UNWIND $rows AS row MERGE (n:Organization {id: row.id}) SET n:GridBranch SET n += row.props RETURN count(n) AS written;

// load_nodes_Organization_IndustryCommittee
UNWIND $rows AS row MERGE (n:Organization {id: row.id}) SET n:IndustryCommittee SET n += row.props RETURN count(n) AS written;

// load_nodes_Organization_TownCommittee
UNWIND $rows AS row MERGE (n:Organization {id: row.id}) SET n:TownCommittee SET n += row.props RETURN count(n) AS written;

// load_nodes_Position
UNWIND $rows AS row MERGE (n:Position {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_ServiceProject
UNWIND $rows AS row MERGE (n:ServiceProject {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_SocialOrganization
UNWIND $rows AS row MERGE (n:SocialOrganization {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_SocialWorker
UNWIND $rows AS row MERGE (n:SocialWorker {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Training
UNWIND $rows AS row MERGE (n:Training {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Visit
UNWIND $rows AS row MERGE (n:Visit {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_nodes_Youth
UNWIND $rows AS row MERGE (n:Youth {id: row.id}) SET n += row.props RETURN count(n) AS written;

// load_rels_ACKNOWLEDGED_BY_Notice_Organization
UNWIND $rows AS row MATCH (a:Notice {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:ACKNOWLEDGED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_ADMINISTERS_Cadre_ChatGroup
UNWIND $rows AS row MATCH (a:Cadre {id: row.from}) MATCH (b:ChatGroup {id: row.to}) MERGE (a)-[r:ADMINISTERS]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_ALLOCATED_TO_Fund_Organization
UNWIND $rows AS row MATCH (a:Fund {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:ALLOCATED_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_ALLOCATED_TO_Fund_ServiceProject
UNWIND $rows AS row MATCH (a:Fund {id: row.from}) MATCH (b:ServiceProject {id: row.to}) MERGE (a)-[r:ALLOCATED_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_ATTENDED_Cadre_Training
UNWIND $rows AS row MATCH (a:Cadre {id: row.from}) MATCH (b:Training {id: row.to}) MERGE (a)-[r:ATTENDED]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_BY_Visit_Cadre
UNWIND $rows AS row MATCH (a:Visit {id: row.from}) MATCH (b:Cadre {id: row.to}) MERGE (a)-[r:BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_COLLECTED_BY_Appeal_Cadre
UNWIND $rows AS row MATCH (a:Appeal {id: row.from}) MATCH (b:Cadre {id: row.to}) MERGE (a)-[r:COLLECTED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_CO_BUILDS_Organization_Organization
UNWIND $rows AS row MATCH (a:Organization {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:CO_BUILDS]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_GRANTED_TO_Award_Cadre
UNWIND $rows AS row MATCH (a:Award {id: row.from}) MATCH (b:Cadre {id: row.to}) MERGE (a)-[r:GRANTED_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_GRANTED_TO_Award_Organization
UNWIND $rows AS row MATCH (a:Award {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:GRANTED_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_HELD_AT_Activity_Position
UNWIND $rows AS row MATCH (a:Activity {id: row.from}) MATCH (b:Position {id: row.to}) MERGE (a)-[r:HELD_AT]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_HOSTED_BY_Position_Organization
UNWIND $rows AS row MATCH (a:Position {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:HOSTED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_INSTRUCTS_Cadre_ChatGroup
UNWIND $rows AS row MATCH (a:Cadre {id: row.from}) MATCH (b:ChatGroup {id: row.to}) MERGE (a)-[r:INSTRUCTS]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_ISSUED_BY_Notice_Organization
UNWIND $rows AS row MATCH (a:Notice {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:ISSUED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_JOINED_Organization_Campaign
UNWIND $rows AS row MATCH (a:Organization {id: row.from}) MATCH (b:Campaign {id: row.to}) MERGE (a)-[r:JOINED]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_JOINED_SocialOrganization_Campaign
UNWIND $rows AS row MATCH (a:SocialOrganization {id: row.from}) MATCH (b:Campaign {id: row.to}) MERGE (a)-[r:JOINED]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_LINKED_WITH_SocialOrganization_Organization
UNWIND $rows AS row MATCH (a:SocialOrganization {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:LINKED_WITH]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_LOCATED_IN_Enterprise_Grid
UNWIND $rows AS row MATCH (a:Enterprise {id: row.from}) MATCH (b:Grid {id: row.to}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_LOCATED_IN_Position_Grid
UNWIND $rows AS row MATCH (a:Position {id: row.from}) MATCH (b:Grid {id: row.to}) MERGE (a)-[r:LOCATED_IN]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_MEMBER_OF_SocialWorker_SocialOrganization
UNWIND $rows AS row MATCH (a:SocialWorker {id: row.from}) MATCH (b:SocialOrganization {id: row.to}) MERGE (a)-[r:MEMBER_OF]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_OF_Assessment_Cadre
UNWIND $rows AS row MATCH (a:Assessment {id: row.from}) MATCH (b:Cadre {id: row.to}) MERGE (a)-[r:OF]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_OF_Assessment_Organization
UNWIND $rows AS row MATCH (a:Assessment {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:OF]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_OF_ChatGroup_Organization
UNWIND $rows AS row MATCH (a:ChatGroup {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:OF]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_ORGANIZED_BY_Activity_Organization
UNWIND $rows AS row MATCH (a:Activity {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:ORGANIZED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_PARTNERED_WITH_Activity_Enterprise
UNWIND $rows AS row MATCH (a:Activity {id: row.from}) MATCH (b:Enterprise {id: row.to}) MERGE (a)-[r:PARTNERED_WITH]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_PARTNERED_WITH_Activity_Organization
UNWIND $rows AS row MATCH (a:Activity {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:PARTNERED_WITH]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_PARTNERED_WITH_Activity_SocialOrganization
UNWIND $rows AS row MATCH (a:Activity {id: row.from}) MATCH (b:SocialOrganization {id: row.to}) MERGE (a)-[r:PARTNERED_WITH]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_PART_OF_Activity_ServiceProject
UNWIND $rows AS row MATCH (a:Activity {id: row.from}) MATCH (b:ServiceProject {id: row.to}) MERGE (a)-[r:PART_OF]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_PRODUCED_Visit_Appeal
UNWIND $rows AS row MATCH (a:Visit {id: row.from}) MATCH (b:Appeal {id: row.to}) MERGE (a)-[r:PRODUCED]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_RAISED_BY_Appeal_Youth
UNWIND $rows AS row MATCH (a:Appeal {id: row.from}) MATCH (b:Youth {id: row.to}) MERGE (a)-[r:RAISED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_REFERRED_TO_Appeal_Organization
UNWIND $rows AS row MATCH (a:Appeal {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:REFERRED_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_REFERRED_TO_Appeal_SocialOrganization
UNWIND $rows AS row MATCH (a:Appeal {id: row.from}) MATCH (b:SocialOrganization {id: row.to}) MERGE (a)-[r:REFERRED_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_RELAYS_TO_ChatGroup_ChatGroup
UNWIND $rows AS row MATCH (a:ChatGroup {id: row.from}) MATCH (b:ChatGroup {id: row.to}) MERGE (a)-[r:RELAYS_TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_RESIDES_IN_Youth_Grid
UNWIND $rows AS row MATCH (a:Youth {id: row.from}) MATCH (b:Grid {id: row.to}) MERGE (a)-[r:RESIDES_IN]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_RUN_BY_ServiceProject_Organization
UNWIND $rows AS row MATCH (a:ServiceProject {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:RUN_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_SERVED_BY_Grid_Organization
UNWIND $rows AS row MATCH (a:Grid {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:SERVED_BY]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_SERVES_IN_Cadre_Organization
UNWIND $rows AS row MATCH (a:Cadre {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:SERVES_IN]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_TO_Visit_Enterprise
UNWIND $rows AS row MATCH (a:Visit {id: row.from}) MATCH (b:Enterprise {id: row.to}) MERGE (a)-[r:TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_TO_Visit_SocialOrganization
UNWIND $rows AS row MATCH (a:Visit {id: row.from}) MATCH (b:SocialOrganization {id: row.to}) MERGE (a)-[r:TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_TO_Visit_Youth
UNWIND $rows AS row MATCH (a:Visit {id: row.from}) MATCH (b:Youth {id: row.to}) MERGE (a)-[r:TO]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_UNDER_Organization_Organization
UNWIND $rows AS row MATCH (a:Organization {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:UNDER]->(b) SET r += row.props RETURN count(r) AS written;

// load_rels_WITHIN_Grid_Organization
UNWIND $rows AS row MATCH (a:Grid {id: row.from}) MATCH (b:Organization {id: row.to}) MERGE (a)-[r:WITHIN]->(b) SET r += row.props RETURN count(r) AS written;

// lookup_Activity
MATCH (v:Activity {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Appeal
MATCH (v:Appeal {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Assessment
MATCH (v:Assessment {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:OF]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Award
MATCH (v:Award {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:GRANTED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:GRANTED_TO]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Cadre
MATCH (v:Cadre {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Campaign
MATCH (v:Campaign {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)<-[:JOINED]-(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_ChatGroup
MATCH (v:ChatGroup {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Enterprise
MATCH (v:Enterprise {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:LOCATED_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Fund
MATCH (v:Fund {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:ALLOCATED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Grid
MATCH (v:Grid {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Notice
MATCH (v:Notice {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Organization
MATCH (v:Organization {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR v.id IN $scopeOrgs OR EXISTS { MATCH (v)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Position
MATCH (v:Position {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_ServiceProject
MATCH (v:ServiceProject {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_SocialOrganization
MATCH (v:SocialOrganization {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR v.id = $scopeSocialOrg)
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_SocialWorker
MATCH (v:SocialWorker {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Training
MATCH (v:Training {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)<-[:ATTENDED]-(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Visit
MATCH (v:Visit {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:BY]->(:Cadre)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// lookup_Youth
MATCH (v:Youth {id: $id})
WHERE v.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// match_candidate_paths
MATCH (ap:Appeal {id: $appeal}) WHERE ($scopeAll OR EXISTS { MATCH (ap)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (ap)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
MATCH (ap)-[:RAISED_BY]->(y:Youth)-[:RESIDES_IN]->(g:Grid)-[:WITHIN]->(cb:CommunityBranch)
OPTIONAL MATCH (g)-[:SERVED_BY]->(gb:GridBranch)
WITH ap, y, g, gb, COLLECT {
    MATCH (cb)-[:UNDER*0..3]->(a:Organization) RETURN a ORDER BY a.level DESC
} AS up
WITH ap, y, g, CASE WHEN gb IS NULL THEN up ELSE [gb] + up END AS chain

UNWIND $picked AS pick
MATCH (c) WHERE elementId(c) = pick.c AND ((c:SocialOrganization AND ($scopeAll OR EXISTS { MATCH (c)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR c.id = $scopeSocialOrg)) OR (c:SocialWorker AND ($scopeAll OR EXISTS { MATCH (c)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (c)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })) OR (c:Position AND ($scopeAll OR EXISTS { MATCH (c)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (c:ServiceProject AND ($scopeAll OR EXISTS { MATCH (c)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (c)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })))
MATCH (anchor) WHERE elementId(anchor) = pick.anchor
OPTIONAL MATCH (via) WHERE elementId(via) = pick.via
WITH ap, y, g, chain, pick, c, via, COLLECT {
    MATCH (anchor)-[:UNDER*0..3]->(a:Organization) RETURN a ORDER BY coalesce(a.level, 4) DESC
} AS ancestors
RETURN pick.c AS c, {props: c {.*, createdAt: toString(c.createdAt), updatedAt: toString(c.updatedAt), archivedAt: toString(c.archivedAt), matchedAt: toString(c.matchedAt), startedAt: toString(c.startedAt), resolvedAt: toString(c.resolvedAt), closedAt: toString(c.closedAt), rejectedAt: toString(c.rejectedAt), issuedAt: toString(c.issuedAt)}, labels: labels(c)} AS candidate,
       [n IN [ap, y, g] + chain[0..coalesce(pick.step, size(chain) - 1) + 1]
           | {key: n.id, labels: labels(n), name: coalesce(n.name, n.title)}] AS up,
       [n IN reverse([a IN ancestors WHERE NOT a IN chain])
           | {key: n.id, labels: labels(n), name: n.name}] AS down,
       CASE WHEN via IS NULL THEN null
            ELSE {key: via.id, labels: labels(via), name: via.name} END AS via;

// match_candidates
MATCH (ap:Appeal {id: $appeal}) WHERE ($scopeAll OR EXISTS { MATCH (ap)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (ap)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
MATCH (ap)-[:RAISED_BY]->(y:Youth)-[:RESIDES_IN]->(g:Grid)-[:WITHIN]->(cb:CommunityBranch)
OPTIONAL MATCH (g)-[:SERVED_BY]->(gb:GridBranch)
WITH ap, y, g, gb, COLLECT {
    MATCH (cb)-[:UNDER*0..3]->(a:Organization) RETURN a ORDER BY a.level DESC
} AS up
WITH ap, y, g, CASE WHEN gb IS NULL THEN up ELSE [gb] + up END AS chain

CALL (chain) {
    MATCH (c:SocialOrganization)-[l:LINKED_WITH]->(x:Organization)
    WHERE l.until IS NULL AND c.archivedAt IS NULL
      AND any(s IN c.services WHERE s IN $services) AND ($scopeAll OR EXISTS { MATCH (c)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR c.id = $scopeSocialOrg)
    RETURN 'SOCIAL_ORGANIZATION' AS kind, c, x AS anchor, c AS org, null AS via
    UNION
    MATCH (c:SocialWorker)-[:MEMBER_OF]->(s:SocialOrganization)
          -[l:LINKED_WITH]->(x:Organization)
    WHERE l.until IS NULL AND c.archivedAt IS NULL AND s.archivedAt IS NULL
      AND any(k IN c.skills WHERE k IN $skills) AND ($scopeAll OR EXISTS { MATCH (c)-[:MEMBER_OF]->(:SocialOrganization)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (c)-[:MEMBER_OF]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
    RETURN 'SOCIAL_WORKER' AS kind, c, x AS anchor, s AS org, s AS via
    UNION
    MATCH (c:Position)-[:HOSTED_BY]->(x:Organization)
    WHERE c.archivedAt IS NULL AND c.type IN $positionTypes AND ($scopeAll OR EXISTS { MATCH (c)-[:HOSTED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
    RETURN 'POSITION' AS kind, c, x AS anchor, null AS org, null AS via
    UNION
    MATCH (c:ServiceProject)-[:RUN_BY]->(x:Organization)
    WHERE c.archivedAt IS NULL AND c.brand IN $brands AND ($scopeAll OR EXISTS { MATCH (c)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (c)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
    RETURN 'SERVICE_PROJECT' AS kind, c, x AS anchor, null AS org, null AS via
}
WITH ap, y, g, chain, kind, c, anchor, org, via, COLLECT {
    MATCH (anchor)-[:UNDER*0..3]->(a:Organization) RETURN a ORDER BY coalesce(a.level, 4) DESC
} AS ancestors
WITH ap, y, g, chain, kind, c, anchor, org, via, ancestors,
     [a IN ancestors WHERE a IN chain][0] AS meet
WITH ap, y, g, chain, kind, c, anchor, org, via, ancestors, meet,
     [i IN range(0, size(chain) - 1) WHERE chain[i] = meet][0] AS step
ORDER BY kind, c.id, step
WITH ap, y, g, chain, kind, c, collect({anchor: anchor, org: org, via: via,
     ancestors: ancestors, meet: meet, step: step})[0] AS best
// an organisation's load once, however many of its workers are candidates
WITH ap, chain, best.org AS org, collect({kind: kind, c: c, best: best}) AS group
WITH ap, chain, group, CASE WHEN org IS NULL THEN null ELSE COUNT {
    MATCH (a:Appeal)-[:REFERRED_TO]->(org) WHERE a.status IN $active
} END AS load
UNWIND group AS x
WITH ap, chain, x.kind AS kind, x.c AS c, x.best AS best, load
RETURN kind, c.id AS key, elementId(c) AS c, c.services AS services, c.skills AS skills,
       c.type AS type, c.brand AS brand, best.step AS step, best.meet.level AS meetLevel,
       load, best.org.capacity AS capacity, best.anchor IN chain AS linked,
       elementId(best.anchor) AS anchor,
       CASE WHEN best.via IS NULL THEN null ELSE elementId(best.via) END AS via,
       ap.urgency AS urgency;

// migration_record
MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime.realtime('Asia/Shanghai');

// migrations_applied
MATCH (m:Migration) RETURN m.version AS version;

// notice_for
   MATCH (n:Notice {id: $notice}) WHERE n.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (n)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (n)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (n)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
   OPTIONAL MATCH (n)-[:ISSUED_BY]->(issuer:Organization)
   RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS node, EXISTS {
       CALL (n, issuer) {
   MATCH (n)-[:ADDRESSED_TO]->(b:Organization) RETURN b
   UNION
   MATCH (b:GridBranch)-[:UNDER*0..3]->(issuer)
   WHERE NOT EXISTS { (n)-[:ADDRESSED_TO]->() } AND b.archivedAt IS NULL
   RETURN b
   UNION
   MATCH (n)-[:ACKNOWLEDGED_BY]->(b:Organization) RETURN b
}
       WITH b WHERE b.id = $org
       RETURN b
   } AS addressed;

// notice_status
   MATCH (n:Notice {id: $notice}) WHERE ($scopeAll OR EXISTS { MATCH (n)-[:ISSUED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (n)-[:ADDRESSED_TO]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (n)-[:ACKNOWLEDGED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
   OPTIONAL MATCH (n)-[:ISSUED_BY]->(issuer:Organization)
   WITH n, issuer, n.issuedAt + duration({minutes: $promise[n.urgency]}) AS deadline
   CALL (n, issuer, deadline) {
       CALL (n, issuer) {
   MATCH (n)-[:ADDRESSED_TO]->(b:Organization) RETURN b
   UNION
   MATCH (b:GridBranch)-[:UNDER*0..3]->(issuer)
   WHERE NOT EXISTS { (n)-[:ADDRESSED_TO]->() } AND b.archivedAt IS NULL
   RETURN b
   UNION
   MATCH (n)-[:ACKNOWLEDGED_BY]->(b:Organization) RETURN b
}
       WITH DISTINCT b WHERE ($scopeAll OR b.id IN $scopeOrgs OR EXISTS { MATCH (b)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
       OPTIONAL MATCH (n)-[r:ACKNOWLEDGED_BY]->(b)
       WITH b, r, CASE WHEN r IS NULL THEN 'PENDING'
                       WHEN r.at > deadline THEN 'LATE' ELSE 'ON_TIME' END AS state,
            CASE WHEN r IS NULL THEN null
                 ELSE duration.inSeconds(n.issuedAt, r.at).seconds / 60.0 END AS minutes
       ORDER BY b.id
       RETURN collect({org: b, state: state, at: r.at, by: r.by, minutes: minutes}) AS rows,
              avg(minutes) AS averageMinutes,
              percentileCont(minutes, 0.5) AS medianMinutes,
              max(minutes) AS maxMinutes
   }
   WITH n, deadline, rows, averageMinutes, medianMinutes, maxMinutes,
        [r IN rows WHERE $f_state IS NULL OR r.state IN $f_state] AS matching
   RETURN {props: n {.*, createdAt: toString(n.createdAt), updatedAt: toString(n.updatedAt), archivedAt: toString(n.archivedAt), matchedAt: toString(n.matchedAt), startedAt: toString(n.startedAt), resolvedAt: toString(n.resolvedAt), closedAt: toString(n.closedAt), rejectedAt: toString(n.rejectedAt), issuedAt: toString(n.issuedAt)}, labels: labels(n)} AS notice, deadline,
          size(rows) AS addressees,
          size([r IN rows WHERE r.state <> 'PENDING']) AS acknowledged,
          size([r IN rows WHERE r.state = 'ON_TIME']) AS onTime,
          size([r IN rows WHERE r.state = 'LATE']) AS late,
          size([r IN rows WHERE r.state = 'PENDING']) AS pending,
          CASE WHEN datetime.realtime('Asia/Shanghai') > deadline THEN size([r IN rows WHERE r.state = 'PENDING'])
               ELSE 0 END AS overdue,
          averageMinutes, medianMinutes, maxMinutes,
          size(matching) AS total,
          [r IN matching[$offset..($offset + $limit)] |
              {organization: {props: properties(r.org), labels: labels(r.org)}, state: r.state, at: r.at, by: r.by,
                minutes: r.minutes}] AS page;

// notice_subtree_branches
MATCH (b:GridBranch)-[:UNDER*0..3]->(:Organization {id: $org})
WHERE b.archivedAt IS NULL
RETURN b.id AS id ORDER BY id;

// overview
MATCH (root:Organization)
WHERE (root.id = $org OR ($org IS NULL AND root:Center)) AND root.archivedAt IS NULL
CALL (root) {
    MATCH (o:Organization)-[:UNDER*0..3]->(root) WHERE o.archivedAt IS NULL
    RETURN collect(DISTINCT o) AS orgs
}
CALL (orgs) {
    UNWIND orgs AS o
    RETURN count(CASE WHEN o:Center THEN 1 END) AS centers,
           count(CASE WHEN o:TownCommittee THEN 1 END) AS townCommittees,
           count(CASE WHEN o:CommunityBranch THEN 1 END) AS communityBranches,
           count(CASE WHEN o:GridBranch THEN 1 END) AS gridBranches,
           count(CASE WHEN o:IndustryCommittee THEN 1 END) AS industryCommittees,
           count(CASE WHEN (o:Center OR o:TownCommittee OR o:CommunityBranch OR o:GridBranch) AND NOT EXISTS { (:ChatGroup)-[:OF]->(o) }
                      THEN 1 END) AS organizationsWithoutChatGroup,
           count(CASE WHEN o:GridBranch AND EXISTS { (:IndustryCommittee)-[:CO_BUILDS]->(o) }
                      THEN 1 END) AS gridBranchesCoBuilding
}
CALL (orgs) {
    UNWIND orgs AS o
    MATCH (c:Cadre)-[:SERVES_IN]->(o) WHERE c.archivedAt IS NULL
    RETURN count(DISTINCT c) AS cadres
}
CALL (orgs) {
    UNWIND orgs AS o
    MATCH (g:ChatGroup)-[:OF]->(o)
    RETURN count(DISTINCT g) AS chatGroups
}
CALL (orgs) {
    UNWIND orgs AS o
    MATCH (s:SocialOrganization)-[:LINKED_WITH]->(o) WHERE s.archivedAt IS NULL
    WITH DISTINCT s
    OPTIONAL MATCH (w:SocialWorker)-[:MEMBER_OF]->(s) WHERE w.archivedAt IS NULL
    RETURN count(DISTINCT s) AS socialOrganizations, count(DISTINCT w) AS socialWorkers
}
CALL (orgs) {
    UNWIND orgs AS o
    MATCH (p:Position)-[:HOSTED_BY]->(o) WHERE p.archivedAt IS NULL
    RETURN count(DISTINCT p) AS positions
}
CALL (orgs) {
    UNWIND orgs AS o
    MATCH (a:Activity)-[:ORGANIZED_BY]->(o)
    WHERE a.archivedAt IS NULL AND ($year IS NULL OR a.date.year = $year)
    MATCH (a)-[:PART_OF]->(p:ServiceProject)
    WITH DISTINCT a, p
    RETURN count(DISTINCT a) AS activities,
           count(CASE WHEN p.brand = 'TALENT_FESTIVAL' THEN 1 END) AS talentFestivalEvents,
           sum(CASE WHEN p.brand = 'TALENT_FESTIVAL' THEN a.participants ELSE 0 END)
               AS talentFestivalApplicants,
           count(CASE WHEN p.brand = 'YOUTH_CREDIT' THEN 1 END) AS youthCreditActivities,
           sum(CASE WHEN p.brand = 'SUMMER_CARE' THEN a.served ELSE 0 END)
               AS summerCareChildVisits,
           sum(a.served) AS youthServed
}
CALL (orgs) {
    UNWIND orgs AS o
    CALL (o) {
        MATCH (f:Fund)-[r:ALLOCATED_TO]->(o) RETURN f, r
        UNION
        MATCH (f:Fund)-[r:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o) RETURN f, r
    }
    WITH DISTINCT f, r WHERE $year IS NULL OR f.year = $year
    RETURN coalesce(sum(r.amount), 0) AS funding
}
CALL (orgs) {
    UNWIND orgs AS o
    MATCH (g:Grid)-[:WITHIN|SERVED_BY]->(o) WHERE g.archivedAt IS NULL
    WITH DISTINCT g
    RETURN collect(g) AS grids
}
CALL (grids) {
    UNWIND grids AS g
    RETURN count(g) AS gridCount,
           count(CASE WHEN NOT EXISTS { (g)-[:SERVED_BY]->() } THEN 1 END)
               AS gridsWithoutBranch,
           coalesce(sum(g.youthCount), 0) AS youthCensus
}
CALL (grids) {
    UNWIND grids AS g
    MATCH (y:Youth)-[:RESIDES_IN]->(g) WHERE y.archivedAt IS NULL
    RETURN count(y) AS youthOnFile,
           count(CASE WHEN y.inDifficulty THEN 1 END) AS youthInDifficulty
}
CALL (grids) {
    UNWIND grids AS g
    MATCH (a:Appeal)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(g)
    WHERE a.archivedAt IS NULL AND ($year IS NULL OR a.createdAt.year = $year)
    RETURN count(a) AS appeals,
           count(CASE WHEN a.status = 'OPEN' THEN 1 END) AS appealsOpen,
           count(CASE WHEN a.status IN ['MATCHED', 'IN_PROGRESS'] THEN 1 END)
               AS appealsInProgress,
           count(CASE WHEN a.status IN ['RESOLVED', 'CLOSED'] THEN 1 END) AS appealsResolved
}
CALL (grids) {
    UNWIND grids AS g
    MATCH (e:Enterprise)-[:LOCATED_IN]->(g)
    RETURN count(e) AS enterprises
}
RETURN root.id AS org, root.level AS level, centers, townCommittees, communityBranches,
       gridBranches, industryCommittees, organizationsWithoutChatGroup,
       gridBranchesCoBuilding, cadres,
       chatGroups, socialOrganizations, socialWorkers, positions, activities,
       talentFestivalEvents, talentFestivalApplicants, youthCreditActivities,
       summerCareChildVisits, youthServed, funding, gridCount AS grids, gridsWithoutBranch,
       youthCensus, youthOnFile, youthInDifficulty, appeals, appealsOpen, appealsInProgress,
       appealsResolved, enterprises;

// partnership_report
MATCH (root:Organization {id: $org})
WHERE root.archivedAt IS NULL AND ($scopeAll OR root.id IN $scopeOrgs OR EXISTS { MATCH (root)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
WITH root, $from AS firstDay, $to AS lastDay, $from - duration('P1D') AS dayBefore,
     datetime({date: $from, timezone: '+08:00'}) AS periodStart,
     datetime({date: $to + duration('P1D'), timezone: '+08:00'}) AS periodEnd
CALL (root) {
    MATCH path = (o:Organization)-[:UNDER*0..3]->(root) WHERE o.archivedAt IS NULL
    WITH o, CASE WHEN length(path) = 0 THEN root ELSE nodes(path)[-2] END AS top
    RETURN collect({
        o: o, unit: CASE WHEN top:IndustryCommittee THEN root.id ELSE top.id END
    }) AS members
}
CALL (root) {
    OPTIONAL MATCH (c:Organization)-[:UNDER]->(root)
    WHERE c.archivedAt IS NULL AND NOT c:IndustryCommittee AND ($scopeAll OR c.id IN $scopeOrgs OR EXISTS { MATCH (c)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
    WITH c ORDER BY c.id LIMIT $maxRows
    WITH collect(c) AS children
    RETURN [root] + children AS units
}

// co-building pairs whose grid branch is in the subtree
CALL (members, firstDay, lastDay, dayBefore) {
    UNWIND members AS m
    WITH m.o AS b, m.unit AS unit
    MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(b:GridBranch) WHERE r.since <= lastDay
    WITH c, b, unit, firstDay, lastDay, dayBefore, collect(r) AS rels
    WHERE any(r IN rels WHERE r.until IS NULL OR r.until >= firstDay)
    RETURN collect({
        unit: unit, committee: c, branch: b,
        new: NOT any(r IN rels WHERE r.since <= dayBefore
                                AND (r.until IS NULL OR r.until >= dayBefore)),
        ended: NOT any(r IN rels WHERE r.until IS NULL OR r.until > lastDay)
    }) AS pairs
}
CALL (pairs) {
    UNWIND pairs AS p
    RETURN count(p) AS pairsActive, count(CASE WHEN p.new THEN 1 END) AS pairsNew,
           count(CASE WHEN p.ended THEN 1 END) AS pairsEnded,
           count(DISTINCT p.committee) AS committees, count(DISTINCT p.branch) AS branches
}
CALL (pairs) {
    UNWIND pairs AS p
    WITH p.unit AS unit, count(p) AS active, count(CASE WHEN p.new THEN 1 END) AS new,
         count(CASE WHEN p.ended THEN 1 END) AS ended
    RETURN collect({unit: unit, active: active, new: new, ended: ended}) AS pairsByUnit
}

// social organisations linked with the subtree in the period, and their workers
CALL (members, firstDay, lastDay, dayBefore) {
    UNWIND members AS m
    WITH m.o AS o, m.unit AS unit
    MATCH (s:SocialOrganization)-[r:LINKED_WITH]->(o)
    WHERE s.archivedAt IS NULL AND r.since <= lastDay
      AND (r.until IS NULL OR r.until >= firstDay)
    WITH s, unit, dayBefore, collect(r) AS rels
    WITH s, unit, any(r IN rels WHERE r.since <= dayBefore
                                 AND (r.until IS NULL OR r.until >= dayBefore)) AS before
    RETURN collect({s: s, unit: unit, before: before}) AS links
}
CALL (links) {
    UNWIND links AS l
    WITH l.s AS s, any(b IN collect(l.before) WHERE b) AS before
    OPTIONAL MATCH (w:SocialWorker)-[:MEMBER_OF]->(s) WHERE w.archivedAt IS NULL
    RETURN count(DISTINCT s) AS socialOrganizations,
           count(DISTINCT CASE WHEN NOT before THEN s END) AS socialOrganizationsNew,
           count(DISTINCT w) AS socialWorkers
}
CALL (links) {
    UNWIND links AS l
    WITH l.unit AS unit, count(DISTINCT l.s) AS n
    RETURN collect({unit: unit, n: n}) AS linksByUnit
}

// activities organised in the subtree in the period
CALL (members, firstDay, lastDay) {
    UNWIND members AS m
    WITH m.o AS o, m.unit AS unit
    MATCH (a:Activity)-[:ORGANIZED_BY]->(o)
    WHERE a.archivedAt IS NULL AND firstDay <= a.date <= lastDay
    WITH a, unit,
         COLLECT { MATCH (a)-[:PART_OF]->(p:ServiceProject) RETURN p.brand }[0] AS brand,
         COLLECT { MATCH (a)-[:PARTNERED_WITH]->(x) WHERE (x:SocialOrganization OR x:IndustryCommittee OR x:Enterprise)
                    RETURN DISTINCT x } AS partners
    RETURN collect({
        unit: unit, brand: brand, partners: partners, joint: size(partners) > 0,
        participants: coalesce(a.participants, 0), served: coalesce(a.served, 0)
    }) AS acts
}
CALL (acts) {
    UNWIND acts AS a
    RETURN count(a) AS activities, coalesce(sum(a.participants), 0) AS participants,
           coalesce(sum(a.served), 0) AS youthServed,
           count(CASE WHEN a.joint THEN 1 END) AS jointActivities,
           coalesce(sum(CASE WHEN a.joint THEN a.participants END), 0) AS jointParticipants,
           coalesce(sum(CASE WHEN a.joint THEN a.served END), 0) AS jointYouthServed
}
CALL (acts) {
    UNWIND acts AS a
    WITH a.unit AS unit, count(a) AS activities, count(CASE WHEN a.joint THEN 1 END) AS joint,
         sum(a.participants) AS participants, sum(a.served) AS served
    RETURN collect({unit: unit, activities: activities, joint: joint,
                     participants: participants, served: served}) AS actsByUnit
}
CALL (acts) {
    UNWIND $brands AS brand
    WITH brand, [a IN acts WHERE a.brand = brand] AS mine
    RETURN collect({
        brand: brand, activities: size(mine),
        jointActivities: size([a IN mine WHERE a.joint]),
        participants: reduce(n = 0, a IN mine | n + a.participants),
        youthServed: reduce(n = 0, a IN mine | n + a.served)
    }) AS brands
}

// appeals raised in the period by youth of the subtree's grids
CALL (members, periodStart, periodEnd) {
    UNWIND members AS m
    WITH m.o AS o, m.unit AS unit
    MATCH (g:Grid)-[rel:WITHIN|SERVED_BY]->(o) WHERE g.archivedAt IS NULL
    WITH g, unit, type(rel) = 'SERVED_BY' AS byBranch ORDER BY byBranch DESC
    WITH g, head(collect(unit)) AS unit
    MATCH (a:Appeal)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(g)
    WHERE a.archivedAt IS NULL AND periodStart <= a.createdAt < periodEnd
    WITH a, unit, a.status IN ['RESOLVED', 'CLOSED'] AS resolved,
         coalesce(a.resolvedAt, a.closedAt) AS resolvedAt
    RETURN collect({
        unit: unit, status: a.status, resolved: resolved,
        hours: CASE WHEN resolved AND resolvedAt IS NOT NULL
                    THEN duration.inSeconds(a.createdAt, resolvedAt).seconds / 3600.0 END,
        handlers: COLLECT { MATCH (a)-[:REFERRED_TO]->(s:SocialOrganization)
                             RETURN DISTINCT s }
    }) AS appeals
}
CALL (appeals) {
    UNWIND appeals AS a
    RETURN count(a) AS appealsRaised, count(CASE WHEN a.resolved THEN 1 END) AS appealsResolved,
           count(CASE WHEN a.status = 'OPEN' THEN 1 END) AS appealsOpen,
           count(CASE WHEN a.status IN ['MATCHED', 'IN_PROGRESS'] THEN 1 END)
               AS appealsInProgress,
           count(CASE WHEN a.status = 'REJECTED' THEN 1 END) AS appealsRejected,
           count(CASE WHEN size(a.handlers) > 0 THEN 1 END) AS appealsReferred,
           round(percentileCont(a.hours, 0.5), 1) AS medianHours
}
CALL (appeals) {
    UNWIND appeals AS a
    WITH a.unit AS unit, count(a) AS raised, count(CASE WHEN a.resolved THEN 1 END) AS resolved,
         round(percentileCont(a.hours, 0.5), 1) AS medianHours
    RETURN collect({unit: unit, raised: raised, resolved: resolved,
                     medianHours: medianHours}) AS appealsByUnit
}

// funds of the period's years allocated to subtree organisations or their projects
CALL (members, firstDay, lastDay) {
    UNWIND members AS m
    WITH m.o AS o, m.unit AS unit
    CALL (o) {
        MATCH (f:Fund)-[r:ALLOCATED_TO]->(o) RETURN f, r
        UNION
        MATCH (f:Fund)-[r:ALLOCATED_TO]->(:ServiceProject)-[:RUN_BY]->(o) RETURN f, r
    }
    WITH DISTINCT f, r, unit WHERE firstDay.year <= f.year <= lastDay.year
    RETURN collect({unit: unit, fund: f, source: f.source, amount: coalesce(r.amount, 0)})
        AS allocations
}
CALL (allocations) {
    UNWIND allocations AS x
    RETURN coalesce(sum(x.amount), 0) AS funding, count(DISTINCT x.fund) AS funds
}
CALL (allocations) {
    UNWIND allocations AS x
    WITH x.source AS source, count(DISTINCT x.fund) AS funds, sum(x.amount) AS amount
    ORDER BY amount DESC, source
    RETURN collect({source: source, funds: funds, amount: amount}) AS fundingBySource
}
CALL (allocations) {
    UNWIND allocations AS x
    WITH x.unit AS unit, sum(x.amount) AS amount
    RETURN collect({unit: unit, amount: amount}) AS fundingByUnit
}

// the partners of the subtree's work in the period that the caller may see, ranked
CALL (acts, appeals, pairs) {
    CALL (acts, appeals, pairs) {
        UNWIND acts AS a
        UNWIND a.partners AS p
        RETURN p, 1 AS joint, a.participants AS participants, a.served AS served,
               0 AS handled, null AS branch
        UNION ALL
        UNWIND appeals AS a
        UNWIND a.handlers AS p
        RETURN p, 0 AS joint, 0 AS participants, 0 AS served, 1 AS handled, null AS branch
        UNION ALL
        UNWIND pairs AS x
        RETURN x.committee AS p, 0 AS joint, 0 AS participants, 0 AS served, 0 AS handled,
               x.branch AS branch
    }
    WITH p, sum(joint) AS joint, sum(participants) AS participants, sum(served) AS served,
         sum(handled) AS handled, count(DISTINCT branch) AS branches
    WHERE (p:SocialOrganization OR p:IndustryCommittee)
      AND ((p:SocialOrganization AND ($scopeAll OR EXISTS { MATCH (p)-[:LINKED_WITH]->(o:Organization) WHERE o.id IN $scopeOrgs } OR p.id = $scopeSocialOrg)) OR (p:Organization AND ($scopeAll OR p.id IN $scopeOrgs OR EXISTS { MATCH (p)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })))
    WITH p, joint, participants, served, handled, branches
    ORDER BY joint DESC, handled DESC, served DESC, p.id
    LIMIT $top
    RETURN collect({
        partner: {props: p {.*, createdAt: toString(p.createdAt), updatedAt: toString(p.updatedAt), archivedAt: toString(p.archivedAt), matchedAt: toString(p.matchedAt), startedAt: toString(p.startedAt), resolvedAt: toString(p.resolvedAt), closedAt: toString(p.closedAt), rejectedAt: toString(p.rejectedAt), issuedAt: toString(p.issuedAt)}, labels: labels(p)},
        jointActivities: joint, participants: participants, youthServed: served,
        appealsHandled: handled, gridBranches: branches
    }) AS topPartners
}

RETURN {props: root {.*, createdAt: toString(root.createdAt), updatedAt: toString(root.updatedAt), archivedAt: toString(root.archivedAt), matchedAt: toString(root.matchedAt), startedAt: toString(root.startedAt), resolvedAt: toString(root.resolvedAt), closedAt: toString(root.closedAt), rejectedAt: toString(root.rejectedAt), issuedAt: toString(root.issuedAt)}, labels: labels(root)} AS organization,
       {pairsActive: pairsActive, pairsNew: pairsNew, pairsEnded: pairsEnded,
         committees: committees, gridBranches: branches} AS coBuilding,
       {socialOrganizations: socialOrganizations,
         socialOrganizationsNew: socialOrganizationsNew,
         socialWorkers: socialWorkers} AS linkage,
       {activities: activities, participants: participants, youthServed: youthServed,
         jointActivities: jointActivities, jointParticipants: jointParticipants,
         jointYouthServed: jointYouthServed} AS activities,
       brands,
       {raised: appealsRaised, resolved: appealsResolved, open: appealsOpen,
         inProgress: appealsInProgress, rejected: appealsRejected,
         referred: appealsReferred, medianResolutionHours: medianHours} AS appeals,
       {amount: funding, funds: funds, bySource: fundingBySource} AS funding,
       [u IN units | {
           organization: {props: u {.*, createdAt: toString(u.createdAt), updatedAt: toString(u.updatedAt), archivedAt: toString(u.archivedAt), matchedAt: toString(u.matchedAt), startedAt: toString(u.startedAt), resolvedAt: toString(u.resolvedAt), closedAt: toString(u.closedAt), rejectedAt: toString(u.rejectedAt), issuedAt: toString(u.issuedAt)}, labels: labels(u)},
           direct: u = root,
           pairsActive: coalesce(head([x IN pairsByUnit WHERE x.unit = u.id]).active, 0),
           pairsNew: coalesce(head([x IN pairsByUnit WHERE x.unit = u.id]).new, 0),
           pairsEnded: coalesce(head([x IN pairsByUnit WHERE x.unit = u.id]).ended, 0),
           socialOrganizations: coalesce(head([x IN linksByUnit WHERE x.unit = u.id]).n, 0),
           activities: coalesce(head([x IN actsByUnit WHERE x.unit = u.id]).activities, 0),
           jointActivities: coalesce(head([x IN actsByUnit WHERE x.unit = u.id]).joint, 0),
           participants:
               coalesce(head([x IN actsByUnit WHERE x.unit = u.id]).participants, 0),
           youthServed: coalesce(head([x IN actsByUnit WHERE x.unit = u.id]).served, 0),
           appealsRaised:
               coalesce(head([x IN appealsByUnit WHERE x.unit = u.id]).raised, 0),
           appealsResolved:
               coalesce(head([x IN appealsByUnit WHERE x.unit = u.id]).resolved, 0),
           medianResolutionHours:
               head([x IN appealsByUnit WHERE x.unit = u.id]).medianHours,
           funding: coalesce(head([x IN fundingByUnit WHERE x.unit = u.id]).amount, 0)
       }] AS breakdown,
       topPartners;

// ping
RETURN 1 AS ok;

// prepare_for_replanning
CALL db.prepareForReplanning($seconds);

// reach
   MATCH (root:Organization {id: $org})
   WHERE root.archivedAt IS NULL AND (root:Center OR root:TownCommittee OR root:CommunityBranch OR root:GridBranch) AND ($scopeAll OR root.id IN $scopeOrgs OR EXISTS { MATCH (root)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
   OPTIONAL MATCH (origin:ChatGroup)-[:OF]->(root)
   WITH root, origin, COLLECT {
       MATCH (origin)-[:RELAYS_TO]->{0,2}(upper:ChatGroup)-[:RELAYS_TO]->(lower:ChatGroup)
       WHERE NOT EXISTS { (c:Cadre)-[:ADMINISTERS]->(upper) WHERE c.archivedAt IS NULL }
         AND NOT EXISTS { (c:Cadre)-[:INSTRUCTS]->(lower) WHERE c.archivedAt IS NULL }
       RETURN DISTINCT lower
   } AS uncarried
   CALL (root, origin, uncarried) {
       CALL (root) {
           MATCH (b:GridBranch)-[:UNDER*0..3]->(root)
           WHERE b.archivedAt IS NULL AND ($scopeAll OR b.id IN $scopeOrgs OR EXISTS { MATCH (b)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
           MATCH (b)-[:UNDER]->(c:CommunityBranch)
           RETURN b AS unit, 'GRID_BRANCH' AS kind, b AS server, c AS community
           UNION
           MATCH (b:GridBranch)-[:UNDER*0..3]->(root) WHERE b.archivedAt IS NULL
           MATCH (g:Grid)-[:SERVED_BY]->(b)
           WHERE g.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (g)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
           MATCH (g)-[:WITHIN]->(c:CommunityBranch)
           RETURN g AS unit, 'GRID' AS kind, b AS server, c AS community
           UNION
           MATCH (c:CommunityBranch)-[:UNDER*0..2]->(root) WHERE c.archivedAt IS NULL
           MATCH (g:Grid)-[:WITHIN]->(c)
           WHERE g.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (g)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })
             AND NOT EXISTS { (g)-[:SERVED_BY]->(b:GridBranch) WHERE b.archivedAt IS NULL }
           RETURN g AS unit, 'GRID' AS kind, c AS server, c AS community
       }
       WITH unit, kind, server, community,
            head(COLLECT {
   MATCH (g:ChatGroup)-[:OF]->(server)
   MATCH p = (g)<-[:RELAYS_TO*0..3]-(top:ChatGroup) WHERE top = origin
   WITH nodes(p) AS groups WHERE none(x IN groups WHERE x IN uncarried)
   RETURN reverse(groups)
}) AS own
       WITH unit, kind, server, own, CASE WHEN own IS NULL
            THEN head(COLLECT {
   MATCH (g:ChatGroup)-[:OF]->(community)
   MATCH p = (g)<-[:RELAYS_TO*0..2]-(top:ChatGroup) WHERE top = origin
   WITH nodes(p) AS groups WHERE none(x IN groups WHERE x IN uncarried)
   RETURN reverse(groups)
}) END AS fallback
       WITH unit, kind, server,
            CASE WHEN own IS NOT NULL THEN 'DIRECT'
                 WHEN fallback IS NOT NULL THEN 'FALLBACK'
                 ELSE 'UNREACHABLE' END AS status,
            coalesce(own, fallback, []) AS groups
       WITH unit, kind, server, status, groups,
            reduce(m = 0.0, g IN tail(groups) | m + $hopMinutes[g.level])
            + CASE status WHEN 'FALLBACK' THEN $fallbackMinutes ELSE 0.0 END AS minutes
       ORDER BY unit.id
       RETURN collect({
           unit: unit, kind: kind, server: server, status: status, groups: groups,
           minutes: minutes, inTime: status <> 'UNREACHABLE' AND minutes <= $promise
       }) AS rows
   }
   WITH root, origin, rows, [r IN rows WHERE
       ($f_status IS NULL OR r.status IN $f_status)
       AND ($f_kind IS NULL OR r.kind = $f_kind)
       AND ($f_withinPromise IS NULL OR r.inTime = $f_withinPromise)] AS matching
   // The page: units with their hops by id; each group, server and carrier once (`nodes`).
   CALL (matching) {
       UNWIND matching[$offset..($offset + $limit)] AS r
       CALL (r) {
           UNWIND range(1, size(r.groups) - 1) AS i
           WITH i, r.groups[i - 1] AS upper, r.groups[i] AS lower
           WHERE ($scopeAll OR EXISTS { MATCH (upper)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs }) AND ($scopeAll OR EXISTS { MATCH (lower)-[:OF]->(o:Organization) WHERE o.id IN $scopeOrgs })
           CALL (upper, lower) {
               CALL (upper, lower) {
                   MATCH (c:Cadre)-[:ADMINISTERS]->(upper) RETURN c
                   UNION
                   MATCH (c:Cadre)-[:INSTRUCTS]->(lower) RETURN c
               }
               WITH c WHERE c.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (c)-[:SERVES_IN]->(o:Organization) WHERE o.id IN $scopeOrgs })
               WITH c ORDER BY c.id
               RETURN collect(c) AS carriers
           }
           WITH i, upper, lower, carriers ORDER BY i
           RETURN collect({
               from: upper.id, to: lower.id, level: lower.level,
               minutes: toFloat($hopMinutes[lower.level]), carriers: [c IN carriers | c.id]
           }) AS hops,
           reduce(all = [], cs IN collect(carriers) | all + cs) AS carriers
       }
       RETURN collect({
           unit: {props: properties(r.unit), labels: labels(r.unit)}, kind: r.kind, servedBy: r.server.id, status: r.status,
           minutes: r.minutes, withinPromise: r.inTime, hops: hops, group: last(r.groups).id
       }) AS page,
       reduce(all = [], gs IN collect(r.groups) | all + gs) AS groups,
       collect(r.server) AS servers,
       reduce(all = [], cs IN collect(carriers) | all + cs) AS carriers
   }
   CALL (groups, servers, carriers) {
       UNWIND groups AS x WITH DISTINCT x RETURN collect({props: x {.*, createdAt: toString(x.createdAt), updatedAt: toString(x.updatedAt), archivedAt: toString(x.archivedAt), matchedAt: toString(x.matchedAt), startedAt: toString(x.startedAt), resolvedAt: toString(x.resolvedAt), closedAt: toString(x.closedAt), rejectedAt: toString(x.rejectedAt), issuedAt: toString(x.issuedAt)}, labels: labels(x)}) AS groupNodes
   }
   CALL (groups, servers, carriers) {
       UNWIND servers AS x WITH DISTINCT x RETURN collect({props: x {.*, createdAt: toString(x.createdAt), updatedAt: toString(x.updatedAt), archivedAt: toString(x.archivedAt), matchedAt: toString(x.matchedAt), startedAt: toString(x.startedAt), resolvedAt: toString(x.resolvedAt), closedAt: toString(x.closedAt), rejectedAt: toString(x.rejectedAt), issuedAt: toString(x.issuedAt)}, labels: labels(x)}) AS serverNodes
   }
   CALL (groups, servers, carriers) {
       UNWIND carriers AS x WITH DISTINCT x RETURN collect({props: x {.*, createdAt: toString(x.createdAt), updatedAt: toString(x.updatedAt), archivedAt: toString(x.archivedAt), matchedAt: toString(x.matchedAt), startedAt: toString(x.startedAt), resolvedAt: toString(x.resolvedAt), closedAt: toString(x.closedAt), rejectedAt: toString(x.rejectedAt), issuedAt: toString(x.issuedAt)}, labels: labels(x)}) AS carrierNodes
   }
   RETURN {props: root {.*, createdAt: toString(root.createdAt), updatedAt: toString(root.updatedAt), archivedAt: toString(root.archivedAt), matchedAt: toString(root.matchedAt), startedAt: toString(root.startedAt), resolvedAt: toString(root.resolvedAt), closedAt: toString(root.closedAt), rejectedAt: toString(root.rejectedAt), issuedAt: toString(root.issuedAt)}, labels: labels(root)} AS organization,
          CASE WHEN origin IS NULL THEN null ELSE {props: origin {.*, createdAt: toString(origin.createdAt), updatedAt: toString(origin.updatedAt), archivedAt: toString(origin.archivedAt), matchedAt: toString(origin.matchedAt), startedAt: toString(origin.startedAt), resolvedAt: toString(origin.resolvedAt), closedAt: toString(origin.closedAt), rejectedAt: toString(origin.rejectedAt), issuedAt: toString(origin.issuedAt)}, labels: labels(origin)} END AS origin,
          size(rows) AS units,
          size([r IN rows WHERE r.kind = 'GRID_BRANCH']) AS gridBranches,
          size([r IN rows WHERE r.kind = 'GRID']) AS grids,
          size([r IN rows WHERE r.status = 'DIRECT']) AS direct,
          size([r IN rows WHERE r.status = 'FALLBACK']) AS fallback,
          size([r IN rows WHERE r.status = 'UNREACHABLE']) AS unreachable,
          size([r IN rows WHERE r.inTime]) AS withinPromise,
          size([r IN rows WHERE r.status <> 'UNREACHABLE' AND NOT r.inTime]) AS late,
          reduce(m = null, r IN [x IN rows WHERE x.status <> 'UNREACHABLE'] |
                 CASE WHEN m IS NULL OR r.minutes > m THEN r.minutes ELSE m END) AS maxMinutes,
          size(matching) AS total, page,
          {groups: groupNodes, servers: serverNodes, carriers: carrierNodes} AS nodes;

// resource_flow
MATCH (root:Organization {id: $org}) WHERE ($scopeAll OR root.id IN $scopeOrgs OR EXISTS { MATCH (root)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
CALL (root) {
    MATCH (o:Organization)-[:UNDER*0..3]->(root) RETURN collect(o) AS orgs
}
CALL (orgs) {
    UNWIND orgs AS o
    CALL (o) {
        MATCH (f:Fund)-[r:ALLOCATED_TO]->(o) RETURN f, r, o AS target
        UNION
        MATCH (f:Fund)-[r:ALLOCATED_TO]->(p:ServiceProject)-[:RUN_BY]->(o)
        RETURN f, r, p AS target
    }
    WITH DISTINCT f, r, target
    WHERE ($year IS NULL OR f.year = $year)
      AND ((target:Organization AND ($scopeAll OR target.id IN $scopeOrgs OR EXISTS { MATCH (target)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })) OR (target:ServiceProject AND ($scopeAll OR EXISTS { MATCH (target)-[:RUN_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (target)<-[:PART_OF]-(:Activity)-[:ORGANIZED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs })))
    CALL (target) {
        OPTIONAL MATCH (a:Activity)-[:PART_OF]->(target)
        WHERE a.archivedAt IS NULL AND ($year IS NULL OR a.date.year = $year)
        RETURN count(a) AS activities, coalesce(sum(a.participants), 0) AS participants,
               coalesce(sum(a.served), 0) AS served
    }
    RETURN f, r, target, activities, participants, served
    ORDER BY f.id, target.id
}
RETURN f.id AS fund, f.name AS fundName, f.source AS source, f.year AS year,
       f.amount AS fundAmount, r.amount AS amount,
       {props: target {.*, createdAt: toString(target.createdAt), updatedAt: toString(target.updatedAt), archivedAt: toString(target.archivedAt), matchedAt: toString(target.matchedAt), startedAt: toString(target.startedAt), resolvedAt: toString(target.resolvedAt), closedAt: toString(target.closedAt), rejectedAt: toString(target.rejectedAt), issuedAt: toString(target.issuedAt)}, labels: labels(target)} AS target,
       activities, participants, served;

// scope_social_org
MATCH (s:SocialOrganization {id: $org}) WHERE s.archivedAt IS NULL RETURN s.id AS id;

// scope_subtree
MATCH (root:Organization {id: $org}) WHERE root.archivedAt IS NULL
RETURN root:Center AS isCenter, labels(root) AS labels,
       CASE WHEN root:Center THEN [] ELSE COLLECT {
           MATCH (d:Organization)-[:UNDER*1..3]->(root) WHERE d.archivedAt IS NULL
           RETURN DISTINCT d.id
       } END AS descendants;

// start_link_Cadre_SERVES_IN_Organization
MATCH (a:Cadre {id: $source}), (b:Organization {id: $target}) CREATE (a)-[r:SERVES_IN]->(b) SET r += $props RETURN properties(r) AS rel;

// start_link_Organization_CO_BUILDS_Organization
MATCH (a:Organization {id: $source}), (b:Organization {id: $target}) CREATE (a)-[r:CO_BUILDS]->(b) SET r += $props RETURN properties(r) AS rel;

// start_link_SocialOrganization_LINKED_WITH_Organization
MATCH (a:SocialOrganization {id: $source}), (b:Organization {id: $target}) CREATE (a)-[r:LINKED_WITH]->(b) SET r += $props RETURN properties(r) AS rel;

// unlink_all_Activity_HELD_AT_Position
MATCH (a:Activity {id: $source})-[r:HELD_AT]->(:Position) DELETE r;

// unlink_all_Grid_SERVED_BY_Organization
MATCH (a:Grid {id: $source})-[r:SERVED_BY]->(:Organization) DELETE r;

// unlink_all_Organization_UNDER_Organization
MATCH (a:Organization {id: $source})-[r:UNDER]->(:Organization) DELETE r;

// unlink_all_Position_LOCATED_IN_Grid
MATCH (a:Position {id: $source})-[r:LOCATED_IN]->(:Grid) DELETE r;

// unlink_all_SocialWorker_MEMBER_OF_SocialOrganization
MATCH (a:SocialWorker {id: $source})-[r:MEMBER_OF]->(:SocialOrganization) DELETE r;

// unlink_all_Youth_RESIDES_IN_Grid
MATCH (a:Youth {id: $source})-[r:RESIDES_IN]->(:Grid) DELETE r;

// unmatched_appeals
MATCH (v:Appeal {status: 'OPEN'})
WHERE v.archivedAt IS NULL AND v.createdAt < $before
  AND ($scopeAll OR EXISTS { MATCH (v)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg }) AND ($org IS NULL OR (EXISTS { MATCH (v)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE EXISTS { MATCH (o)-[:UNDER*0..3]->(:Organization {id: $org}) } }))
WITH v ORDER BY v.createdAt, v.id
WITH collect(v) AS rows
RETURN size(rows) AS total, [x IN rows[$offset..($offset + $limit)] | {props: x {.*, createdAt: toString(x.createdAt), updatedAt: toString(x.updatedAt), archivedAt: toString(x.archivedAt), matchedAt: toString(x.matchedAt), startedAt: toString(x.startedAt), resolvedAt: toString(x.resolvedAt), closedAt: toString(x.closedAt), rejectedAt: toString(x.rejectedAt), issuedAt: toString(x.issuedAt)}, labels: labels(x)}] AS page;

// update_Activity
MATCH (v:Activity {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_Appeal
MATCH (v:Appeal {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_Cadre
MATCH (v:Cadre {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_Grid
MATCH (v:Grid {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_Organization
MATCH (v:Organization {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_Position
MATCH (v:Position {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_SocialOrganization
MATCH (v:SocialOrganization {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_SocialWorker
MATCH (v:SocialWorker {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// update_Youth
MATCH (v:Youth {id: $id}) SET v += $props, v.updatedAt = datetime.realtime('Asia/Shanghai') RETURN {props: v {.*, createdAt: toString(v.createdAt), updatedAt: toString(v.updatedAt), archivedAt: toString(v.archivedAt), matchedAt: toString(v.matchedAt), startedAt: toString(v.startedAt), resolvedAt: toString(v.resolvedAt), closedAt: toString(v.closedAt), rejectedAt: toString(v.rejectedAt), issuedAt: toString(v.issuedAt)}, labels: labels(v)} AS node;

// visit_coverage
MATCH (root:Organization {id: $org})
WHERE root.archivedAt IS NULL AND ($scopeAll OR root.id IN $scopeOrgs OR EXISTS { MATCH (root)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
  AND (root:Center OR root:TownCommittee OR root:CommunityBranch OR root:GridBranch)
CALL (root) {
    MATCH (b:GridBranch)-[:UNDER*0..3]->(root)
    WHERE b.archivedAt IS NULL AND ($scopeAll OR b.id IN $scopeOrgs OR EXISTS { MATCH (b)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
    CALL (b) {
        OPTIONAL MATCH (c:Cadre)-[s:SERVES_IN]->(b)
        OPTIONAL MATCH (v:Visit)-[:BY]->(c)
        WHERE v.kind = 'NINTH_DAY' AND $from <= v.date <= $to AND v.archivedAt IS NULL
          AND (s.until IS NULL OR s.until >= v.date)
        WITH DISTINCT c, v
        OPTIONAL MATCH (v)-[:TO]->(t)
        OPTIONAL MATCH (v)-[:PRODUCED]->(a:Appeal)
        RETURN count(DISTINCT v) AS visits,
               count(DISTINCT CASE WHEN v IS NOT NULL THEN c END) AS cadres,
               count(DISTINCT CASE WHEN t:Youth THEN t END) AS youth,
               count(DISTINCT CASE WHEN t:Enterprise THEN t END) AS enterprises,
               count(DISTINCT CASE WHEN t:SocialOrganization THEN t END)
                   AS socialOrganizations,
               count(DISTINCT a) AS appeals
    }
    WITH b, visits, cadres, youth, enterprises, socialOrganizations, appeals
    // a branch established after the month is not blamed for it (unless it did visit)
    WHERE visits > 0 OR b.establishedAt IS NULL OR b.establishedAt <= $to
    ORDER BY b.id
    RETURN collect({
        branch: b, held: visits > 0, visits: visits, cadres: cadres, youth: youth,
        enterprises: enterprises, socialOrganizations: socialOrganizations, appeals: appeals
    }) AS rows
}
WITH root, rows, [r IN rows WHERE $f_held IS NULL OR r.held = $f_held] AS matching
RETURN {props: root {.*, createdAt: toString(root.createdAt), updatedAt: toString(root.updatedAt), archivedAt: toString(root.archivedAt), matchedAt: toString(root.matchedAt), startedAt: toString(root.startedAt), resolvedAt: toString(root.resolvedAt), closedAt: toString(root.closedAt), rejectedAt: toString(root.rejectedAt), issuedAt: toString(root.issuedAt)}, labels: labels(root)} AS organization,
       size(rows) AS branches,
       size([r IN rows WHERE r.held]) AS held,
       size([r IN rows WHERE NOT r.held]) AS without,
       reduce(n = 0, r IN rows | n + r.visits) AS visits,
       reduce(n = 0, r IN rows | n + r.youth) AS youth,
       reduce(n = 0, r IN rows | n + r.enterprises) AS enterprises,
       reduce(n = 0, r IN rows | n + r.socialOrganizations) AS socialOrganizations,
       reduce(n = 0, r IN rows | n + r.appeals) AS appeals,
       size(matching) AS total,
       [r IN matching[$offset..($offset + $limit)] | r {.*, branch: {props: properties(r.branch), labels: labels(r.branch)}}]
           AS page;

// compiled_town_tree_district
MATCH (v:TownCommittee) WHERE v:TownCommittee AND v.archivedAt IS NULL
WITH v ORDER BY coalesce(v.level, 9), v.id
WITH collect(v) AS rows
CALL (rows) { UNWIND rows[$offset..($offset + $limit)] AS v
CALL (v) {
CALL (v) { MATCH (v)<-[:UNDER]-(v1:Organization) RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL
WITH v1, e1 ORDER BY v1.id
WITH collect({v: v1, e: e1}) AS rows1
CALL (rows1) {
UNWIND rows1[$r0_offset..($r0_offset + $r0_limit)] AS row1
WITH row1.v AS v1, row1.e AS e1

RETURN collect({node: {props: v1 {.id, .name}, labels: ['Organization'], rels: {}}, edge: e1}) AS items1
}
RETURN {total: size(rows1), offset: $r0_offset, items: items1} AS r0
}
RETURN collect({node: {props: v {.id, .name}, labels: ['Organization'], rels: {`children`: r0}}, edge: null}) AS items }
RETURN size(rows) AS total, items;

// compiled_town_tree_limited
CALL () { MATCH (v:Organization) WHERE v.id IN $scopeOrgs RETURN v UNION UNWIND $scopeOrgs AS scopeOrg MATCH (o:Organization {id: scopeOrg}) MATCH (v:Organization)-[:CO_BUILDS]->(o:Organization) RETURN v }
WITH DISTINCT v WHERE v:TownCommittee AND v.archivedAt IS NULL
WITH v ORDER BY coalesce(v.level, 9), v.id
WITH collect(v) AS rows
CALL (rows) { UNWIND rows[$offset..($offset + $limit)] AS v
CALL (v) {
CALL (v) { MATCH (v)<-[:UNDER]-(v1:Organization) RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL AND ($scopeAll OR v1.id IN $scopeOrgs OR EXISTS { MATCH (v1)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
WITH v1, e1 ORDER BY v1.id
WITH collect({v: v1, e: e1}) AS rows1
CALL (rows1) {
UNWIND rows1[$r0_offset..($r0_offset + $r0_limit)] AS row1
WITH row1.v AS v1, row1.e AS e1

RETURN collect({node: {props: v1 {.id, .name}, labels: ['Organization'], rels: {}}, edge: e1}) AS items1
}
RETURN {total: size(rows1), offset: $r0_offset, items: items1} AS r0
}
RETURN collect({node: {props: v {.id, .name}, labels: ['Organization'], rels: {`children`: r0}}, edge: null}) AS items }
RETURN size(rows) AS total, items;

// compiled_grid_detail_district
CALL () { UNWIND $ids_Grid AS id MATCH (v:Grid {id: id}) RETURN v }
CALL (v) {
CALL (v) { MATCH (v)-[:SERVED_BY]->(v1:GridBranch) RETURN v1, null AS e1 UNION MATCH (v)-[:WITHIN]->(v1:CommunityBranch) WHERE NOT EXISTS { (v)-[:SERVED_BY]->() } RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL
LIMIT 1

RETURN head(collect({props: v1 {.id, .name}, labels: ['Organization'], rels: {}})) AS r0
}
CALL (v) {
CALL (v) { MATCH (v1:Youth)-[:RESIDES_IN]->(v) RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL
RETURN {total: count(v1), offset: $r1_offset, items: []} AS r1
}
RETURN {props: v {.id, .name, .youthCount}, labels: ['Grid'], rels: {`servedBy`: r0, `youth`: r1}} AS node;

// compiled_grid_detail_limited
CALL () { UNWIND $ids_Grid AS id MATCH (v:Grid {id: id}) WHERE ($scopeAll OR EXISTS { MATCH (v)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs }) RETURN v }
CALL (v) {
CALL (v) { MATCH (v)-[:SERVED_BY]->(v1:GridBranch) RETURN v1, null AS e1 UNION MATCH (v)-[:WITHIN]->(v1:CommunityBranch) WHERE NOT EXISTS { (v)-[:SERVED_BY]->() } RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL AND ($scopeAll OR v1.id IN $scopeOrgs OR EXISTS { MATCH (v1)-[:CO_BUILDS]->(o:Organization) WHERE o.id IN $scopeOrgs })
LIMIT 1

RETURN head(collect({props: v1 {.id, .name}, labels: ['Organization'], rels: {}})) AS r0
}
CALL (v) {
CALL (v) { MATCH (v1:Youth)-[:RESIDES_IN]->(v) RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v1)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v1)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
RETURN {total: count(v1), offset: $r1_offset, items: []} AS r1
}
RETURN {props: v {.id, .name, .youthCount}, labels: ['Grid'], rels: {`servedBy`: r0, `youth`: r1}} AS node;

// compiled_appeals_district
MATCH (v:Appeal) WHERE v.status IN $f_status AND v.archivedAt IS NULL
WITH v ORDER BY v.id
WITH collect(v) AS rows
CALL (rows) { UNWIND rows[$offset..($offset + $limit)] AS v
CALL (v) {
CALL (v) { MATCH (v)-[:RAISED_BY]->(v1:Youth) RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL
LIMIT 1

RETURN head(collect({props: v1 {.id, .name}, labels: ['Youth'], rels: {}})) AS r0
}
RETURN collect({node: {props: v {.id, .status, .title}, labels: ['Appeal'], rels: {`raisedBy`: r0}}, edge: null}) AS items }
RETURN size(rows) AS total, items;

// compiled_appeals_limited
CALL () { UNWIND $scopeOrgs AS scopeOrg MATCH (o:Organization {id: scopeOrg}) MATCH (v:Appeal)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) RETURN v UNION MATCH (s:SocialOrganization {id: $scopeSocialOrg}) MATCH (v:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) RETURN v }
WITH DISTINCT v WHERE v.status IN $f_status AND v.archivedAt IS NULL
WITH v ORDER BY v.id
WITH collect(v) AS rows
CALL (rows) { UNWIND rows[$offset..($offset + $limit)] AS v
CALL (v) {
CALL (v) { MATCH (v)-[:RAISED_BY]->(v1:Youth) RETURN v1, null AS e1 }
WITH v1, e1 WHERE v1.archivedAt IS NULL AND ($scopeAll OR EXISTS { MATCH (v1)-[:RESIDES_IN]->(:Grid)-[:WITHIN|SERVED_BY]->(o:Organization) WHERE o.id IN $scopeOrgs } OR EXISTS { MATCH (v1)<-[:RAISED_BY]-(:Appeal)-[:REFERRED_TO]->(s:SocialOrganization) WHERE s.id = $scopeSocialOrg })
LIMIT 1

RETURN head(collect({props: v1 {.id, .name, caseOpen: EXISTS { MATCH (v1)<-[:RAISED_BY]-(a:Appeal)-[:REFERRED_TO]->(:SocialOrganization {id: $scopeSocialOrg}) WHERE a.status IN ['MATCHED', 'IN_PROGRESS'] OR coalesce(a.closedAt, a.resolvedAt) > datetime() - duration({days: $scopeGraceDays}) }}, labels: ['Youth'], rels: {}})) AS r0
}
RETURN collect({node: {props: v {.id, .status, .title}, labels: ['Appeal'], rels: {`raisedBy`: r0}}, edge: null}) AS items }
RETURN size(rows) AS total, items;
