"""The partnership report of an organisation's subtree and period, counted in one round trip.

Definitions (README "Partnership reports" repeats them for readers of the API):

- The subtree is the organisation and everything `UNDER` it (not archived). Each member belongs
  to one *unit* of the breakdown: the next-level hierarchy organisation it lies under, or the
  root itself (its own figures and those of industry committees hanging directly under it).
- Co-building pairs (committee, grid branch) count when the branch is in the subtree. A pair
  co-builds on day d when one of its CO_BUILDS relationships has since ≤ d and (no until, or
  d ≤ until). Active: on some day of the period; new: active, but not on the day before it;
  ended: active, but no relationship reaches past its last day.
- Social organisations: linked (LINKED_WITH, same day rule) with a subtree organisation during
  the period; new ones were not linked with it the day before; workers are their members.
- Activities: organised by a subtree organisation, dated in the period. A joint activity has at
  least one PARTNERED_WITH partner that is a social organisation, an industry committee or an
  enterprise. Brand figures count every activity of the brand (as `overview` does).
- Appeals: raised (createdAt, Asia/Shanghai days) in the period by youth living in the subtree's
  grids; resolved: of those, status RESOLVED or CLOSED; time to resolution: createdAt to
  resolvedAt (closedAt if it has none), median in hours. A grid's unit is its grid branch's, or
  its community's when no branch of the subtree serves it.
- Funding: allocations (ALLOCATED_TO.amount) of funds of the years the period touches, to
  subtree organisations and to projects they run; each allocation counted once.
- Top partners: the social organisations and industry committees that partnered the subtree's
  activities, handled its appeals (referred to them) or co-built with its branches in the
  period, ranked by joint activities, then appeals handled, then youth served. The list returns
  nodes, so it applies the caller's scope (`visible`): a partner the caller may not see is left
  out, while its work still counts in the totals.
- Every node the statement returns (the root, the breakdown's units, the partners) passes the
  caller's scope; the resolver asks in addition that the caller own the root.

Parameters: $org, $from, $to (dates), $top, $maxRows, $brands (the ProjectBrand codes, in order).
"""

from graph.cypher import allocations, node, subtree
from graph.driver import Query
from graph.scope import visible, visible_any

# A partner that makes an activity joint (PARTNERED_WITH also allows other organisations).
JOINT_PARTNER = "(x:SocialOrganization OR x:IndustryCommittee OR x:Enterprise)"

PARTNERSHIP_REPORT = Query(
    "partnership_report",
    f"""
    MATCH (root:Organization {{id: $org}})
    WHERE root.archivedAt IS NULL AND {visible("Organization", "root")}
    WITH root, $from AS firstDay, $to AS lastDay, $from - duration('P1D') AS dayBefore,
         datetime({{date: $from, timezone: '+08:00'}}) AS periodStart,
         datetime({{date: $to + duration('P1D'), timezone: '+08:00'}}) AS periodEnd
    CALL (root) {{
        MATCH path = {subtree("o", "root")} WHERE o.archivedAt IS NULL
        WITH o, CASE WHEN length(path) = 0 THEN root ELSE nodes(path)[-2] END AS top
        RETURN collect({{
            o: o, unit: CASE WHEN top:IndustryCommittee THEN root.id ELSE top.id END
        }}) AS members
    }}
    CALL (root) {{
        OPTIONAL MATCH (c:Organization)-[:UNDER]->(root)
        WHERE c.archivedAt IS NULL AND NOT c:IndustryCommittee AND {visible("Organization", "c")}
        WITH c ORDER BY c.id LIMIT $maxRows
        WITH collect(c) AS children
        RETURN [root] + children AS units
    }}

    // co-building pairs whose grid branch is in the subtree
    CALL (members, firstDay, lastDay, dayBefore) {{
        UNWIND members AS m
        WITH m.o AS b, m.unit AS unit
        MATCH (c:IndustryCommittee)-[r:CO_BUILDS]->(b:GridBranch) WHERE r.since <= lastDay
        WITH c, b, unit, firstDay, lastDay, dayBefore, collect(r) AS rels
        WHERE any(r IN rels WHERE r.until IS NULL OR r.until >= firstDay)
        RETURN collect({{
            unit: unit, committee: c, branch: b,
            new: NOT any(r IN rels WHERE r.since <= dayBefore
                                    AND (r.until IS NULL OR r.until >= dayBefore)),
            ended: NOT any(r IN rels WHERE r.until IS NULL OR r.until > lastDay)
        }}) AS pairs
    }}
    CALL (pairs) {{
        UNWIND pairs AS p
        RETURN count(p) AS pairsActive, count(CASE WHEN p.new THEN 1 END) AS pairsNew,
               count(CASE WHEN p.ended THEN 1 END) AS pairsEnded,
               count(DISTINCT p.committee) AS committees, count(DISTINCT p.branch) AS branches
    }}
    CALL (pairs) {{
        UNWIND pairs AS p
        WITH p.unit AS unit, count(p) AS active, count(CASE WHEN p.new THEN 1 END) AS new,
             count(CASE WHEN p.ended THEN 1 END) AS ended
        RETURN collect({{unit: unit, active: active, new: new, ended: ended}}) AS pairsByUnit
    }}

    // social organisations linked with the subtree in the period, and their workers
    CALL (members, firstDay, lastDay, dayBefore) {{
        UNWIND members AS m
        WITH m.o AS o, m.unit AS unit
        MATCH (s:SocialOrganization)-[r:LINKED_WITH]->(o)
        WHERE s.archivedAt IS NULL AND r.since <= lastDay
          AND (r.until IS NULL OR r.until >= firstDay)
        WITH s, unit, dayBefore, collect(r) AS rels
        WITH s, unit, any(r IN rels WHERE r.since <= dayBefore
                                     AND (r.until IS NULL OR r.until >= dayBefore)) AS before
        RETURN collect({{s: s, unit: unit, before: before}}) AS links
    }}
    CALL (links) {{
        UNWIND links AS l
        WITH l.s AS s, any(b IN collect(l.before) WHERE b) AS before
        OPTIONAL MATCH (w:SocialWorker)-[:MEMBER_OF]->(s) WHERE w.archivedAt IS NULL
        RETURN count(DISTINCT s) AS socialOrganizations,
               count(DISTINCT CASE WHEN NOT before THEN s END) AS socialOrganizationsNew,
               count(DISTINCT w) AS socialWorkers
    }}
    CALL (links) {{
        UNWIND links AS l
        WITH l.unit AS unit, count(DISTINCT l.s) AS n
        RETURN collect({{unit: unit, n: n}}) AS linksByUnit
    }}

    // activities organised in the subtree in the period
    CALL (members, firstDay, lastDay) {{
        UNWIND members AS m
        WITH m.o AS o, m.unit AS unit
        MATCH (a:Activity)-[:ORGANIZED_BY]->(o)
        WHERE a.archivedAt IS NULL AND firstDay <= a.date <= lastDay
        WITH a, unit,
             COLLECT {{ MATCH (a)-[:PART_OF]->(p:ServiceProject) RETURN p.brand }}[0] AS brand,
             COLLECT {{ MATCH (a)-[:PARTNERED_WITH]->(x) WHERE {JOINT_PARTNER}
                        RETURN DISTINCT x }} AS partners
        RETURN collect({{
            unit: unit, brand: brand, partners: partners, joint: size(partners) > 0,
            participants: coalesce(a.participants, 0), served: coalesce(a.served, 0)
        }}) AS acts
    }}
    CALL (acts) {{
        UNWIND acts AS a
        RETURN count(a) AS activities, coalesce(sum(a.participants), 0) AS participants,
               coalesce(sum(a.served), 0) AS youthServed,
               count(CASE WHEN a.joint THEN 1 END) AS jointActivities,
               coalesce(sum(CASE WHEN a.joint THEN a.participants END), 0) AS jointParticipants,
               coalesce(sum(CASE WHEN a.joint THEN a.served END), 0) AS jointYouthServed
    }}
    CALL (acts) {{
        UNWIND acts AS a
        WITH a.unit AS unit, count(a) AS activities, count(CASE WHEN a.joint THEN 1 END) AS joint,
             sum(a.participants) AS participants, sum(a.served) AS served
        RETURN collect({{unit: unit, activities: activities, joint: joint,
                         participants: participants, served: served}}) AS actsByUnit
    }}
    CALL (acts) {{
        UNWIND $brands AS brand
        WITH brand, [a IN acts WHERE a.brand = brand] AS mine
        RETURN collect({{
            brand: brand, activities: size(mine),
            jointActivities: size([a IN mine WHERE a.joint]),
            participants: reduce(n = 0, a IN mine | n + a.participants),
            youthServed: reduce(n = 0, a IN mine | n + a.served)
        }}) AS brands
    }}

    // appeals raised in the period by youth of the subtree's grids
    CALL (members, periodStart, periodEnd) {{
        UNWIND members AS m
        WITH m.o AS o, m.unit AS unit
        MATCH (g:Grid)-[rel:WITHIN|SERVED_BY]->(o) WHERE g.archivedAt IS NULL
        WITH g, unit, type(rel) = 'SERVED_BY' AS byBranch ORDER BY byBranch DESC
        WITH g, head(collect(unit)) AS unit
        MATCH (a:Appeal)-[:RAISED_BY]->(:Youth)-[:RESIDES_IN]->(g)
        WHERE a.archivedAt IS NULL AND periodStart <= a.createdAt < periodEnd
        WITH a, unit, a.status IN ['RESOLVED', 'CLOSED'] AS resolved,
             coalesce(a.resolvedAt, a.closedAt) AS resolvedAt
        RETURN collect({{
            unit: unit, status: a.status, resolved: resolved,
            hours: CASE WHEN resolved AND resolvedAt IS NOT NULL
                        THEN duration.inSeconds(a.createdAt, resolvedAt).seconds / 3600.0 END,
            handlers: COLLECT {{ MATCH (a)-[:REFERRED_TO]->(s:SocialOrganization)
                                 RETURN DISTINCT s }}
        }}) AS appeals
    }}
    CALL (appeals) {{
        UNWIND appeals AS a
        RETURN count(a) AS appealsRaised, count(CASE WHEN a.resolved THEN 1 END) AS appealsResolved,
               count(CASE WHEN a.status = 'OPEN' THEN 1 END) AS appealsOpen,
               count(CASE WHEN a.status IN ['MATCHED', 'IN_PROGRESS'] THEN 1 END)
                   AS appealsInProgress,
               count(CASE WHEN a.status = 'REJECTED' THEN 1 END) AS appealsRejected,
               count(CASE WHEN size(a.handlers) > 0 THEN 1 END) AS appealsReferred,
               round(percentileCont(a.hours, 0.5), 1) AS medianHours
    }}
    CALL (appeals) {{
        UNWIND appeals AS a
        WITH a.unit AS unit, count(a) AS raised, count(CASE WHEN a.resolved THEN 1 END) AS resolved,
             round(percentileCont(a.hours, 0.5), 1) AS medianHours
        RETURN collect({{unit: unit, raised: raised, resolved: resolved,
                         medianHours: medianHours}}) AS appealsByUnit
    }}

    // funds of the period's years allocated to subtree organisations or their projects
    CALL (members, firstDay, lastDay) {{
        UNWIND members AS m
        WITH m.o AS o, m.unit AS unit
        {allocations("o")}
        WITH DISTINCT f, r, unit WHERE firstDay.year <= f.year <= lastDay.year
        RETURN collect({{unit: unit, fund: f, source: f.source, amount: coalesce(r.amount, 0)}})
            AS allocations
    }}
    CALL (allocations) {{
        UNWIND allocations AS x
        RETURN coalesce(sum(x.amount), 0) AS funding, count(DISTINCT x.fund) AS funds
    }}
    CALL (allocations) {{
        UNWIND allocations AS x
        WITH x.source AS source, count(DISTINCT x.fund) AS funds, sum(x.amount) AS amount
        ORDER BY amount DESC, source
        RETURN collect({{source: source, funds: funds, amount: amount}}) AS fundingBySource
    }}
    CALL (allocations) {{
        UNWIND allocations AS x
        WITH x.unit AS unit, sum(x.amount) AS amount
        RETURN collect({{unit: unit, amount: amount}}) AS fundingByUnit
    }}

    // the partners of the subtree's work in the period that the caller may see, ranked
    CALL (acts, appeals, pairs) {{
        CALL (acts, appeals, pairs) {{
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
        }}
        WITH p, sum(joint) AS joint, sum(participants) AS participants, sum(served) AS served,
             sum(handled) AS handled, count(DISTINCT branch) AS branches
        WHERE (p:SocialOrganization OR p:IndustryCommittee)
          AND {visible_any(("SocialOrganization", "Organization"), "p")}
        WITH p, joint, participants, served, handled, branches
        ORDER BY joint DESC, handled DESC, served DESC, p.id
        LIMIT $top
        RETURN collect({{
            partner: {node("p")},
            jointActivities: joint, participants: participants, youthServed: served,
            appealsHandled: handled, gridBranches: branches
        }}) AS topPartners
    }}

    RETURN {node("root")} AS organization,
           {{pairsActive: pairsActive, pairsNew: pairsNew, pairsEnded: pairsEnded,
             committees: committees, gridBranches: branches}} AS coBuilding,
           {{socialOrganizations: socialOrganizations,
             socialOrganizationsNew: socialOrganizationsNew,
             socialWorkers: socialWorkers}} AS linkage,
           {{activities: activities, participants: participants, youthServed: youthServed,
             jointActivities: jointActivities, jointParticipants: jointParticipants,
             jointYouthServed: jointYouthServed}} AS activities,
           brands,
           {{raised: appealsRaised, resolved: appealsResolved, open: appealsOpen,
             inProgress: appealsInProgress, rejected: appealsRejected,
             referred: appealsReferred, medianResolutionHours: medianHours}} AS appeals,
           {{amount: funding, funds: funds, bySource: fundingBySource}} AS funding,
           [u IN units | {{
               organization: {node("u")},
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
           }}] AS breakdown,
           topPartners
    """,
)
