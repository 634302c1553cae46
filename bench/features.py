"""The feature reads: the heavier single-purpose queries (resource matching, exploration, the
partnership report, reach, visit coverage), each measured alone at concurrency 1 through the API
over HTTP, against its own p95 target.

Alone, because each has its own target and the mix would blur whose time is whose; at
concurrency 1, because these targets are about one user waiting for one answer."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.http import LeanClient
from bench.machine import CpuMeter, CpuShare, wait_until_quiet
from bench.runner import Call, Sample, run_phase
from bench.workload import Cypher, Operation
from core.ids import to_global_id
from graph.driver import Query

MATCH_RESOURCES = """
query MatchResources($appeal: ID!) {
  matchResources(appealId: $appeal, first: 10) {
    totalCount
    nodes {
      kind score overCapacity
      components { fit nearness linkage capacity urgency }
      resource { id }
      path { nodes { id } edges { id } }
    }
  }
}"""

NEIGHBORHOOD = """
query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 2) {
    truncated
    nodes { id label name }
    edges { id type source target }
  }
}"""

PATHS = """
query Paths($from: ID!, $to: ID!) {
  paths(fromId: $from, toId: $to, maxLength: 4) {
    truncated
    nodes { id label name }
    edges { id type source target }
    paths { length nodeIds edgeIds }
  }
}"""

PARTNERSHIP_REPORT = """
query PartnershipReport($org: ID!) {
  partnershipReport(orgId: $org, from: "2021-01-01", to: "2021-12-31") {
    coBuilding { pairsActive pairsNew pairsEnded committees gridBranches }
    linkage { socialOrganizations socialOrganizationsNew socialWorkers }
    activities { activities participants youthServed jointActivities }
    brands { brand activities participants youthServed }
    appeals { raised resolved open inProgress referred medianResolutionHours }
    funding { amount funds bySource { source amount } }
    breakdown {
      organization { name } direct pairsActive socialOrganizations activities jointActivities
      participants youthServed appealsRaised appealsResolved funding
    }
    topPartners {
      kind jointActivities appealsHandled
      partner { ... on SocialOrganization { name } ... on Organization { name } }
    }
  }
}"""

REACH = """
query Reach($org: ID!) {
  reach(orgId: $org, urgency: URGENT) {
    origin { name }
    promiseMinutes
    summary { units gridBranches grids direct fallback unreachable withinPromise late maxMinutes }
    units { totalCount nodes { kind status minutes withinPromise hops unit { id } } }
  }
}"""

VISIT_COVERAGE = """
query VisitCoverage($org: ID!, $month: String!) {
  visitCoverage(orgId: $org, month: $month) {
    summary { branches held without shareHeld visits youth enterprises socialOrganizations appeals }
    branches {
      totalCount
      nodes { branch { id name } held visits cadres youth enterprises socialOrganizations appeals }
    }
  }
}"""

QUERY_FIELDS = '{ __type(name: "Query") { fields { name } } }'

SAMPLE_OPEN_APPEALS = Query(
    "bench_open_appeals", "MATCH (a:Appeal {status: 'OPEN'}) RETURN a.id AS id ORDER BY id"
)
SAMPLE_BRANCHES = Query(
    "bench_branches",
    "MATCH (b:GridBranch)-[:UNDER*1..3]->(t:TownCommittee) "
    "RETURN b.id AS branch, t.id AS town ORDER BY branch",
)
SAMPLE = 64  # distinct arguments per feature, more than the default 30 calls
# The 9th-day visits of 2021, the dataset's year (graph/datasets/rencheng.py).
MONTHS = [f"2021-{month:02d}" for month in range(1, 13)]


@dataclass(frozen=True)
class FeatureIds:
    center: str  # the district (团区委): the partnership report, reach and coverage root
    appeals: list[str]  # OPEN appeals, the ones a cadre matches resources to
    branches: list[str]  # grid branches
    pairs: list[tuple[str, str]]  # grid branches of different towns


def _spread(values: list[str]) -> list[str]:
    """Up to SAMPLE values taken evenly over the whole (ordered) list."""
    step = max(1, len(values) // SAMPLE)
    return values[::step][:SAMPLE]


async def sample_feature_ids(cypher: Cypher, center: str) -> FeatureIds:
    appeals = [row["id"] for row in await cypher.read(SAMPLE_OPEN_APPEALS)]
    rows = await cypher.read(SAMPLE_BRANCHES)
    by_town: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_town[row["town"]].append(row["branch"])
    towns = sorted(by_town)
    rng = random.Random(1)  # the same pairs at every run
    pairs = []
    for _ in range(SAMPLE if len(towns) > 1 else 0):
        one, other = rng.sample(towns, 2)
        pairs.append((rng.choice(by_town[one]), rng.choice(by_town[other])))
    branches = [row["branch"] for row in rows]
    return FeatureIds(center, _spread(appeals), _spread(branches), pairs)


@dataclass(frozen=True)
class Feature:
    operation: Operation
    field: str  # its root field: the bench skips a feature the API's schema lacks
    target_ms: float  # p95 at scale 1


def build_features(ids: FeatureIds) -> list[Feature]:
    def org(key: str) -> str:
        return to_global_id("Organization", key)

    def rotate(values: Sequence[Any], i: int, empty: Any = "none") -> Any:
        # An empty sample (no OPEN appeal, a single town) makes a bad id: errors in the table.
        return values[i % len(values)] if values else empty

    def appeal(i: int) -> dict[str, Any]:
        return {"appeal": to_global_id("Appeal", rotate(ids.appeals, i))}

    def branch(i: int) -> dict[str, Any]:
        return {"id": org(rotate(ids.branches, i))}

    def pair(i: int) -> dict[str, Any]:
        one, other = rotate(ids.pairs, i, ("none", "none"))
        return {"from": org(one), "to": org(other)}

    def district(i: int) -> dict[str, Any]:
        return {"org": org(ids.center)}

    def district_month(i: int) -> dict[str, Any]:
        return {"org": org(ids.center), "month": MONTHS[i % len(MONTHS)]}

    return [
        Feature(Operation("matchResources", MATCH_RESOURCES, appeal), "matchResources", 100),
        Feature(Operation("neighborhood", NEIGHBORHOOD, branch), "neighborhood", 50),
        Feature(Operation("paths", PATHS, pair), "paths", 100),
        Feature(
            Operation("partnershipReport", PARTNERSHIP_REPORT, district), "partnershipReport", 1000
        ),
        Feature(Operation("reach", REACH, district), "reach", 200),
        Feature(Operation("visitCoverage", VISIT_COVERAGE, district_month), "visitCoverage", 300),
    ]


async def query_fields(http: LeanClient, token: str) -> set[str] | None:
    """The root Query fields the API serves; None when it will not say (every feature is
    tried then, and a missing one shows as errors)."""
    response = await http.post(
        "/graphql", json={"query": QUERY_FIELDS}, headers={"Authorization": f"Bearer {token}"}
    )
    try:
        return {field["name"] for field in response.json()["data"]["__type"]["fields"]}
    except (ValueError, KeyError, TypeError):
        return None


@dataclass
class FeatureResult:
    feature: Feature
    sample: Sample | None  # None: not in the schema
    cpu: CpuShare | None = None
    warmup_max_ms: float | None = None  # the slowest unmeasured call: planning shows here


async def run_features(
    features: Sequence[Feature],
    call: Call,
    fields: set[str] | None,
    pids: dict[str, int | None],
    noisy_percent: float,
    quiet_wait: float,
    calls: int,
    seconds: float,
) -> list[FeatureResult]:
    """Each feature in turn: one unmeasured pass over the calls it will measure, then up to
    `calls` measured ones, each pass within `seconds`.

    The unmeasured pass makes the same calls because Neo4j caches a plan per query text *and*
    parameter shape (a 1-element list is planned apart from a longer one): matchResources
    plans its candidates query anew for most appeal categories, ~1 s each. A long-running
    server pays that once, so it is shown apart (the slowest unmeasured call), not in p95."""
    results = []
    for feature in features:
        if fields is not None and feature.field not in fields:
            results.append(FeatureResult(feature, None))
            continue
        mix = [feature.operation]
        warm = (await run_phase(mix, call, 1, seconds, calls)).samples[feature.operation.name]
        await wait_until_quiet(pids, noisy_percent, quiet_wait)
        with CpuMeter(pids) as meter:
            phase = await run_phase(mix, call, 1, seconds, calls)
        results.append(
            FeatureResult(
                feature,
                phase.samples[feature.operation.name],
                meter.share,
                max(warm.latencies_ms, default=None),
            )
        )
    return results


def scale_factor(scale: int) -> float | None:
    """How far the scale-1 targets stretch at a scale: 3x at scale 10; none set elsewhere."""
    return {1: 1.0, 10: 3.0}.get(scale)


def target_ms(feature: Feature, scale: int) -> float:
    factor = scale_factor(scale)
    return feature.target_ms * (factor if factor is not None else 1.0)
