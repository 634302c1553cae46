"""The generator: the Rencheng district of the report (`rencheng`) and a small one (`mini`).

`generate(name, scale)` returns a `Dataset`. It is deterministic: every section draws from its
own `random.Random` seeded with (dataset seed, scale, section name), iterates only lists and
insertion-ordered dicts (sets serve membership tests only), and never reads the clock. So the
same name and scale give the same rows in any process, whatever PYTHONHASHSEED is.

At scale 1 `rencheng` reproduces every figure of DOMAIN.md exactly; `scale` multiplies the volumes
below the town level (the 15 towns and the one Center stay).
"""

from __future__ import annotations

import gc
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import pytz

from core.personal import gb11643_check_digit
from core.vocabulary import (
    CATEGORY_SERVICES,
    SERVICE_SKILLS,
    Difficulty,
    Labelled,
    PositionType,
    ServiceType,
    Skill,
    TrainingTopic,
)
from graph.datasets import names
from graph.datasets.model import Dataset, NodeKey, RelKey

# pytz, not zoneinfo: the Neo4j driver segfaults packing zoneinfo datetimes on this Python (3.11.7).
TZ = pytz.timezone("Asia/Shanghai")
YEAR_START = date(2021, 1, 1)
YEAR_END = date(2021, 12, 31)
END = TZ.localize(datetime(2021, 12, 31, 23, 59))  # nothing the generator stamps is later
AGE_DAY = date(2021, 7, 1)  # ages (6–35 youth, 22–45 cadres) hold on this day
AREA_CODE = "370811"  # 济宁市任城区


def _labels(cls: type[Labelled]) -> dict[str, str]:
    """code -> Chinese label, in the enumeration's order."""
    return {member.value: member.label for member in cls}


DIFFICULTIES = _labels(Difficulty)
POSITION_TYPES = _labels(PositionType)
SERVICES = _labels(ServiceType)
SKILLS = _labels(Skill)
TRAINING_TOPICS = _labels(TrainingTopic)

CENTER_NAME = "任城区青春格格服务管理中心"
TOWNS = (
    "古槐街道", "济阳街道", "阜桥街道", "越河街道", "观音阁街道", "南苑街道", "仙营街道",
    "金城街道", "李营街道", "南张街道", "廿里铺街道", "安居街道", "唐口街道", "长沟镇", "喻屯镇",
)  # fmt: skip

# Node groups and relationship keys of the model (graph/datasets/model.py).
ORG = "Organization"
N_CENTER: NodeKey = (ORG, "Center")
N_TOWN: NodeKey = (ORG, "TownCommittee")
N_COMMUNITY: NodeKey = (ORG, "CommunityBranch")
N_BRANCH: NodeKey = (ORG, "GridBranch")
N_INDUSTRY: NodeKey = (ORG, "IndustryCommittee")
N_GRID: NodeKey = ("Grid",)
N_CADRE: NodeKey = ("Cadre",)
N_TRAINING: NodeKey = ("Training",)
N_GROUP: NodeKey = ("ChatGroup",)
N_POSITION: NodeKey = ("Position",)
N_SOCIAL: NodeKey = ("SocialOrganization",)
N_WORKER: NodeKey = ("SocialWorker",)
N_YOUTH: NodeKey = ("Youth",)
N_APPEAL: NodeKey = ("Appeal",)
N_PROJECT: NodeKey = ("ServiceProject",)
N_ACTIVITY: NodeKey = ("Activity",)
N_ENTERPRISE: NodeKey = ("Enterprise",)
N_VISIT: NodeKey = ("Visit",)
N_FUND: NodeKey = ("Fund",)
N_CAMPAIGN: NodeKey = ("Campaign",)
N_ASSESSMENT: NodeKey = ("Assessment",)
N_AWARD: NodeKey = ("Award",)
N_NOTICE: NodeKey = ("Notice",)

R_UNDER: RelKey = ("UNDER", ORG, ORG)
R_WITHIN: RelKey = ("WITHIN", "Grid", ORG)
R_SERVED_BY: RelKey = ("SERVED_BY", "Grid", ORG)
R_CO_BUILDS: RelKey = ("CO_BUILDS", ORG, ORG)
R_SERVES_IN: RelKey = ("SERVES_IN", "Cadre", ORG)
R_ATTENDED: RelKey = ("ATTENDED", "Cadre", "Training")
R_GROUP_OF: RelKey = ("OF", "ChatGroup", ORG)
R_RELAYS_TO: RelKey = ("RELAYS_TO", "ChatGroup", "ChatGroup")
R_ADMINISTERS: RelKey = ("ADMINISTERS", "Cadre", "ChatGroup")
R_INSTRUCTS: RelKey = ("INSTRUCTS", "Cadre", "ChatGroup")
R_HOSTED_BY: RelKey = ("HOSTED_BY", "Position", ORG)
R_POSITION_IN: RelKey = ("LOCATED_IN", "Position", "Grid")
R_LINKED_WITH: RelKey = ("LINKED_WITH", "SocialOrganization", ORG)
R_MEMBER_OF: RelKey = ("MEMBER_OF", "SocialWorker", "SocialOrganization")
R_RESIDES_IN: RelKey = ("RESIDES_IN", "Youth", "Grid")
R_ENTERPRISE_IN: RelKey = ("LOCATED_IN", "Enterprise", "Grid")
R_BY: RelKey = ("BY", "Visit", "Cadre")
R_TO_YOUTH: RelKey = ("TO", "Visit", "Youth")
R_TO_ENTERPRISE: RelKey = ("TO", "Visit", "Enterprise")
R_TO_SOCIAL: RelKey = ("TO", "Visit", "SocialOrganization")
R_RAISED_BY: RelKey = ("RAISED_BY", "Appeal", "Youth")
R_COLLECTED_BY: RelKey = ("COLLECTED_BY", "Appeal", "Cadre")
R_PRODUCED: RelKey = ("PRODUCED", "Visit", "Appeal")
R_REFERRED_SOCIAL: RelKey = ("REFERRED_TO", "Appeal", "SocialOrganization")
R_REFERRED_ORG: RelKey = ("REFERRED_TO", "Appeal", ORG)
R_RUN_BY: RelKey = ("RUN_BY", "ServiceProject", ORG)
R_PART_OF: RelKey = ("PART_OF", "Activity", "ServiceProject")
R_ORGANIZED_BY: RelKey = ("ORGANIZED_BY", "Activity", ORG)
R_HELD_AT: RelKey = ("HELD_AT", "Activity", "Position")
R_PARTNER_SOCIAL: RelKey = ("PARTNERED_WITH", "Activity", "SocialOrganization")
R_PARTNER_ORG: RelKey = ("PARTNERED_WITH", "Activity", ORG)
R_PARTNER_ENTERPRISE: RelKey = ("PARTNERED_WITH", "Activity", "Enterprise")
R_FUND_PROJECT: RelKey = ("ALLOCATED_TO", "Fund", "ServiceProject")
R_FUND_ORG: RelKey = ("ALLOCATED_TO", "Fund", ORG)
R_ORG_JOINED: RelKey = ("JOINED", ORG, "Campaign")
R_SOCIAL_JOINED: RelKey = ("JOINED", "SocialOrganization", "Campaign")
R_ASSESS_ORG: RelKey = ("OF", "Assessment", ORG)
R_ASSESS_CADRE: RelKey = ("OF", "Assessment", "Cadre")
R_AWARD_ORG: RelKey = ("GRANTED_TO", "Award", ORG)
R_AWARD_CADRE: RelKey = ("GRANTED_TO", "Award", "Cadre")
R_ISSUED_BY: RelKey = ("ISSUED_BY", "Notice", ORG)
R_ACKNOWLEDGED_BY: RelKey = ("ACKNOWLEDGED_BY", "Notice", ORG)

MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181",
    "182", "183", "185", "186", "187", "188", "189", "198", "199",
)  # fmt: skip

# Who the cadres are (the report: 网格员、民情书记、村(社区)干部、片警、企事业单位人员).
COMMUNITY_SOURCES = {"VILLAGE_CADRE": 0.5, "CIVIC_SECRETARY": 0.3, "GRID_WORKER": 0.2}
BRANCH_SOURCES = {
    "GRID_WORKER": 0.45,
    "VILLAGE_CADRE": 0.15,
    "POLICE": 0.12,
    "ENTERPRISE_STAFF": 0.18,
    "CIVIC_SECRETARY": 0.10,
}
APPEAL_STATUS_MIX = {
    "RESOLVED": 0.46,
    "CLOSED": 0.22,
    "IN_PROGRESS": 0.10,
    "OPEN": 0.08,
    "MATCHED": 0.06,
    "REJECTED": 0.08,
}
ACTIVE_STATUSES = ("MATCHED", "IN_PROGRESS")  # the appeals an organisation is handling now

APPEAL_TEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    "STUDY": (
        ("申请课业辅导", "孩子成绩下滑，家长无力辅导功课，希望安排志愿者课业辅导。"),
        ("申请助学资助", "家庭经济困难，新学期学费和生活费有缺口，申请助学资助。"),
        ("咨询升学政策", "即将参加中考，希望了解升学和职业教育相关政策。"),
        ("寻求学习用品资助", "缺少学习用品和课外读物，希望得到帮助。"),
    ),
    "EMPLOYMENT": (
        ("寻求就业岗位推荐", "毕业后一直未找到合适工作，希望推荐网格内企业岗位。"),
        ("申请职业技能培训", "希望参加电商或快递行业技能培训，提高就业能力。"),
        ("咨询创业扶持政策", "计划在社区开办小店，希望了解青年创业扶持政策。"),
    ),
    "PSYCHOLOGICAL": (
        ("寻求心理疏导", "近期情绪低落、不愿与人交流，家人希望安排心理疏导。"),
        ("申请心理咨询服务", "学习压力大、睡眠不好，希望得到专业心理咨询。"),
    ),
    "LEGAL": (
        ("寻求法律援助", "遭遇欠薪，不知如何维权，希望得到法律援助。"),
        ("咨询劳动纠纷维权", "与用人单位发生劳动纠纷，希望咨询维权途径。"),
    ),
    "LIVING_HARDSHIP": (
        ("申请临时生活救助", "家中主要劳动力患病，生活暂时困难，申请临时救助。"),
        ("申请困难家庭帮扶", "家庭收入低，冬季取暖和生活物资不足，希望得到帮扶。"),
    ),
    "CARE": (
        ("申请暑期托管", "父母外出务工，暑假期间孩子无人看管，申请暑期托管。"),
        ("申请课后看护", "家长下班晚，孩子放学后无人照看，希望参加课后看护。"),
        ("寻求留守儿童关爱", "孩子长期与祖辈生活，希望志愿者定期陪伴关爱。"),
    ),
    "HEALTH": (
        ("寻求就医帮助", "患有慢性病，需要长期治疗，希望得到就医方面的帮助。"),
        ("申请康复训练支持", "肢体残疾需要康复训练，希望对接康复服务资源。"),
    ),
    "FAMILY": (
        ("调解家庭矛盾", "父母关系紧张，经常争吵，影响孩子学习生活，希望调解。"),
        ("寻求亲子关系指导", "与父母沟通困难，希望得到亲子关系方面的指导。"),
    ),
}
REJECTION_REASONS = (
    "不属于共青团服务范围，已转交民政部门办理",
    "诉求重复提交，已合并至原诉求",
    "经核实情况与反映不符",
    "申请人主动撤回诉求",
)
VISIT_NOTES = {
    "Youth": (
        "入户走访困境青少年，了解学习生活情况，更新专项档案。",
        "走访青少年家庭，宣传团组织服务项目，收集诉求。",
        "回访已办结诉求，了解服务效果。",
    ),
    "Enterprise": (
        "走访重点企业，了解青年职工用工需求和团建情况。",
        "走访企业，对接送岗带货和青年人才招聘需求。",
    ),
    "SocialOrganization": (
        "走访社会组织，对接志愿服务资源和专业社工力量。",
        "与社会组织沟通诉求转介和联合活动安排。",
    ),
}
FESTIVAL_KINDS = ("送岗带货进网格", "文创沙龙", "银企对接会", "人才联谊会")
CREDIT_THEMES = (
    "助力疫情防控", "农村人居环境整治", "文明城市创建", "环境保护", "交通文明劝导", "垃圾分类宣传",
)  # fmt: skip
SUMMER_THEMES = (
    "书法课堂", "安全教育", "科学实验", "手工制作",
    "经典诵读", "体育游戏", "防溺水教育", "绘本阅读",
)  # fmt: skip
TUTORING_THEMES = ("课业辅导", "爱心助学金发放", "大学生支教进网格", "假期读书会")
RIGHTS_THEMES = ("法治讲座", "防欺凌宣传", "禁毒宣传进网格", "网络安全教育", "自护教育")
PERIOD_NAMES = {"2021-H1": "2021年上半年", "2021-H2": "2021年下半年"}
PERIOD_DAYS = {
    "2021-H1": (date(2021, 7, 5), date(2021, 7, 20)),
    "2021-H2": (date(2021, 12, 10), date(2021, 12, 24)),
}


@dataclass(frozen=True)
class NoticeSpec:
    issuer: str | None  # a town's name, or None: the Center
    urgency: str
    title: str
    body: str
    issued: tuple[int, int, int, int]  # month, day, hour, minute of 2021


@dataclass(frozen=True)
class Spec:
    """The shape and volumes of a district. `scaled` multiplies the fields in `SCALED`."""

    name: str
    seed: int
    towns: tuple[str, ...]
    communities_per_town: tuple[int, ...]
    grid_branches: int
    branches_per_community: tuple[int, int]
    branchless_grids: int  # grids served by their community directly
    branchless_per_community: tuple[int, int]
    groupless_branches: int  # grid branches without a WeChat group of their own
    deputies: int  # the largest grid branches have a deputy secretary
    industry_committees: tuple[tuple[str | None, str, str], ...]  # (town or None, sector, name)
    co_build_share: float  # share of grid branches with at least one co-building partner
    trainings: int
    youth_per_grid: tuple[int, int]
    difficulty_share: float
    appeals: int
    district_social_orgs: tuple[str, ...]  # names from names.DISTRICT_SOCIAL_ORGS
    social_orgs: int
    social_workers: int
    stations: int  # grid branches hosting a 青年驿站
    enterprises: int
    visit_months: tuple[int, ...]  # months with a 9号议事日
    routine_visits: int
    festival_events: int
    festival_applicants: int
    credit_activities: int
    credit_towns: tuple[str, ...]  # towns with a Credit+ project of their own
    summer_activities: int
    summer_served: int
    tutoring_activities: int
    rights_activities: int
    district_fund: int
    town_funds: tuple[tuple[str, int], ...]
    campaigns: tuple[str, ...]
    periods: tuple[str, ...]
    assessed_branches: int
    assessed_cadres: int
    org_awards: int
    cadre_awards: int
    notices: tuple[NoticeSpec, ...] = field(default=())

    SCALED = (
        "grid_branches", "branchless_grids", "groupless_branches", "deputies", "trainings",
        "appeals", "social_orgs", "social_workers", "stations", "enterprises", "routine_visits",
        "festival_events", "festival_applicants", "credit_activities", "summer_activities",
        "summer_served", "tutoring_activities", "rights_activities", "assessed_branches",
        "assessed_cadres", "org_awards", "cadre_awards",
    )  # fmt: skip

    def scaled(self, n: int) -> Spec:
        changes: dict[str, Any] = {f: getattr(self, f) * n for f in self.SCALED}
        changes["communities_per_town"] = tuple(c * n for c in self.communities_per_town)
        return replace(self, **changes)


RENCHENG_COMMITTEES: tuple[tuple[str | None, str, str], ...] = (
    (None, "TWO_NEW", "任城区两新组织团工委"),
    (None, "COURIER", "任城区快递行业团工委"),
    (None, "ECOMMERCE", "任城区电商行业团工委"),
    (None, "BUSINESS_DISTRICT", "任城区商圈团工委"),
    *((town, "TWO_NEW", f"{town}两新组织团工委") for town in TOWNS),
    ("阜桥街道", "BUSINESS_DISTRICT", "阜桥街道太白楼商圈团工委"),
    ("古槐街道", "BUSINESS_DISTRICT", "古槐街道古槐路商圈团工委"),
    ("观音阁街道", "BUSINESS_DISTRICT", "观音阁街道竹竿巷商圈团工委"),
    ("仙营街道", "BUSINESS_DISTRICT", "仙营街道吴泰闸路商圈团工委"),
    ("李营街道", "COURIER", "李营街道快递物流园团工委"),
    ("唐口街道", "ECOMMERCE", "唐口街道电商产业园团工委"),
)

NOTICES = (
    NoticeSpec(None, "URGENT", "关于做好元旦春节期间疫情防控工作的紧急通知",
               "各网格团组织立即组织青年志愿者配合社区做好返乡人员排查和防疫宣传。", (1, 8, 9, 30)),
    NoticeSpec(None, "GENERAL", "关于开展“青少年信用+”志愿服务活动的通知",
               "请各网格团支部组织青少年参与疫情防控、人居环境整治等志愿服务。", (3, 2, 10, 0)),
    NoticeSpec(None, "GENERAL", "关于开展2021年“七彩暑托班”招募工作的通知",
               "请各网格团支部摸排暑期无人看管儿童，自愿联合开办七彩暑托班。", (6, 18, 15, 0)),
    NoticeSpec("古槐街道", "URGENT", "关于组织网格团干部参与防汛值守的紧急通知",
               "受强降雨影响，请各网格团干部立即到岗，配合做好低洼地段巡查。", (7, 12, 18, 20)),
    NoticeSpec("长沟镇", "GENERAL", "关于做好9号议事日走访工作的通知",
               "请各网格团支部于本月9日集中走访重点人群、重点企业和重点组织。", (9, 6, 8, 45)),
    NoticeSpec(None, "URGENT", "关于迅速组织青年志愿者参与核酸检测服务的紧急通知",
               "请各网格团组织即刻召集青年志愿者，协助做好核酸检测现场秩序维护。", (11, 5, 7, 50)),
)  # fmt: skip

RENCHENG = Spec(
    name="rencheng",
    seed=20210509,
    towns=TOWNS,
    communities_per_town=(8, 7, 7, 7, 6, 7, 6, 6, 7, 7, 7, 7, 7, 10, 10),  # 109
    grid_branches=1034,
    branches_per_community=(5, 15),
    branchless_grids=150,
    branchless_per_community=(0, 4),
    groupless_branches=5,  # 1 + 15 + 109 + 1,034 = 1,159 organisations, 1,154 groups
    deputies=29,  # 1,159 secretaries + 29 deputies = 1,188 cadres
    industry_committees=RENCHENG_COMMITTEES,
    co_build_share=0.86,
    trainings=24,
    youth_per_grid=(3, 13),
    difficulty_share=0.35,
    appeals=3000,
    district_social_orgs=tuple(name for name, _ in names.DISTRICT_SOCIAL_ORGS),
    social_orgs=63,
    social_workers=512,
    stations=56,
    enterprises=800,
    visit_months=tuple(range(1, 13)),
    routine_visits=1200,
    festival_events=29,
    festival_applicants=10360,
    credit_activities=212,
    credit_towns=("长沟镇", "喻屯镇"),
    summer_activities=328,
    summer_served=26240,
    tutoring_activities=40,
    rights_activities=30,
    district_fund=120000,
    town_funds=(("古槐街道", 20000), ("济阳街道", 20000), ("长沟镇", 20000), ("喻屯镇", 20000)),
    campaigns=("疫情防控", "文明城市创建", "环境保护", "信访维稳"),
    periods=("2021-H1", "2021-H2"),
    assessed_branches=200,
    assessed_cadres=100,
    org_awards=15,
    cadre_awards=15,
    notices=NOTICES,
)

MINI = Spec(
    name="mini",
    seed=20210909,
    towns=("古槐街道", "济阳街道"),
    communities_per_town=(2, 2),
    grid_branches=8,
    branches_per_community=(2, 2),
    branchless_grids=4,
    branchless_per_community=(1, 1),
    groupless_branches=1,
    deputies=1,
    industry_committees=(
        (None, "COURIER", "任城区快递行业团工委"),
        ("古槐街道", "TWO_NEW", "古槐街道两新组织团工委"),
    ),
    co_build_share=0.5,
    trainings=2,
    youth_per_grid=(2, 4),
    difficulty_share=0.4,
    appeals=12,
    district_social_orgs=("任城区社会工作服务中心",),
    social_orgs=2,
    social_workers=4,
    stations=2,
    enterprises=6,
    visit_months=(1, 2, 3),
    routine_visits=4,
    festival_events=2,
    festival_applicants=300,
    credit_activities=2,
    credit_towns=(),
    summer_activities=2,
    summer_served=160,
    tutoring_activities=1,
    rights_activities=1,
    district_fund=12000,
    town_funds=(("古槐街道", 8000),),
    campaigns=("疫情防控", "文明城市创建"),
    periods=("2021-H1",),
    assessed_branches=4,
    assessed_cadres=2,
    org_awards=1,
    cadre_awards=1,
    notices=(NOTICES[0], NOTICES[3]),
)

SPECS = {"rencheng": RENCHENG, "mini": MINI}


def generate(name: str, scale: int = 1) -> Dataset:
    """The dataset `name` ("rencheng" or "mini") with the volumes below town level × `scale`."""
    if name not in SPECS:
        raise ValueError(f"unknown dataset {name!r}; known: {', '.join(SPECS)}")
    if not isinstance(scale, int) or scale < 1:
        raise ValueError("scale must be an integer ≥ 1")
    # The generator allocates hundreds of thousands of small objects at large scales and frees
    # none until it returns: cyclic garbage collection would only rescan them (a third of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Generator(SPECS[name], scale).run()
    finally:
        if was_enabled:
            gc.enable()


# --- helpers ------------------------------------------------------------------------------------


def _width(default: int, count: int) -> int:
    """Digits of an id number: the default, widened when the count needs more."""
    return max(default, len(str(count)))


def _day(rng: random.Random, first: date, last: date) -> date:
    if last < first:
        return first
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _moment(day: date, minutes: int) -> datetime:
    """`minutes` after midnight of `day`, in Asia/Shanghai."""
    return TZ.localize(datetime(day.year, day.month, day.day) + timedelta(minutes=minutes))


def _spread(rng: random.Random, total: int, bins: int, lo: int, hi: int) -> list[int]:
    """`bins` counts in [lo, hi] summing to `total`, each unit placed at random."""
    if not bins * lo <= total <= bins * hi:
        raise ValueError(f"cannot spread {total} over {bins} bins of {lo}..{hi}")
    counts = [lo] * bins
    open_bins = [i for i in range(bins) if counts[i] < hi]
    for _ in range(total - bins * lo):
        i = rng.choice(open_bins)
        counts[i] += 1
        if counts[i] == hi:
            open_bins.remove(i)
    return counts


def _split_exact(total: int, weights: list[float], unit: int = 1) -> list[int]:
    """Integer shares of `total` in proportion to `weights`, multiples of `unit` (the remainder
    below one unit goes to the first share); largest remainders round up, so they sum exactly."""
    units, rest = divmod(total, unit)
    weight_sum = sum(weights)
    raw = [units * w / weight_sum for w in weights]
    counts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in order[: units - sum(counts)]:
        counts[i] += 1
    amounts = [c * unit for c in counts]
    amounts[0] += rest
    return amounts


def _split_random(rng: random.Random, total: int, n: int, spread: float = 0.6) -> list[int]:
    """`n` positive integers summing to `total`, each near total / n (± `spread`)."""
    shares = _split_exact(total, [rng.uniform(1 - spread, 1 + spread) for _ in range(n)])
    if min(shares) < 1:
        raise ValueError(f"{total} is too small to split into {n} positive shares")
    return shares


def _quota(total: int, weights: dict[str, float], at_least_one: bool = False) -> list[str]:
    """`total` codes in the proportions of `weights` (largest remainders), in weight order."""
    counts = dict(zip(weights, _split_exact(total, list(weights.values())), strict=True))
    if at_least_one and total >= len(weights):
        for code in weights:
            if counts[code] == 0:
                largest = max(weights, key=lambda c: counts[c])
                counts[largest] -= 1
                counts[code] = 1
    return [code for code, count in counts.items() for _ in range(count)]


def _pick_distinct(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    """Up to `k` distinct items, weighted, without replacement (kept in draw order)."""
    items, weights = list(items), list(weights)
    chosen: list[Any] = []
    while items and len(chosen) < k:
        i = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items.pop(i))
        weights.pop(i)
    return chosen


def _canonical(codes: list[str], order: dict[str, str]) -> list[str]:
    """Distinct codes in the enumeration's order (stable lists whatever order they came in)."""
    return [code for code in order if code in codes]


# --- the generator ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Org:
    id: str
    name: str
    kind: str  # CENTER | TOWN | COMMUNITY | BRANCH | INDUSTRY
    established: date
    parent: _Org | None = None
    short: str = ""  # town: 古槐街道; community: 南门社区; branch: 南门社区第3网格
    town: _Org | None = None
    community: _Org | None = None
    grid: _Grid | None = None
    sector: str | None = None
    children: list[_Org] = field(default_factory=list)
    grids: list[_Grid] = field(default_factory=list)
    secretary: str = ""
    deputy: str | None = None
    has_group: bool = True
    partners: list[_Org] = field(default_factory=list)  # branch: its co-building committees
    street: bool = True  # in a 街道 (urban) rather than a 镇 (villages)


@dataclass(eq=False)
class _Grid:
    id: str
    name: str
    community: _Org
    branch: _Org | None
    youth_count: int
    youth: list[_Youth] = field(default_factory=list)
    difficult: list[_Youth] = field(default_factory=list)
    enterprises: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)


@dataclass(eq=False)
class _Youth:
    id: str
    minor: bool
    difficulties: list[str]
    grid: _Grid


@dataclass(eq=False)
class _Social:
    id: str
    name: str
    services: tuple[str, ...]
    capacity: int
    registered: date
    district: bool
    active: int = 0  # appeals it handles at the end of 2021 (MATCHED or IN_PROGRESS)


@dataclass(eq=False)
class _Visit:
    kind: str
    day: date
    cadre: str
    grid: _Grid
    target: tuple[RelKey, str]
    youth: _Youth | None
    id: str = ""


class _Generator:
    def __init__(self, spec: Spec, scale: int) -> None:
        self.spec = spec.scaled(scale)
        self.base = spec
        self.scale = scale
        self.ds = Dataset(spec.name, scale)
        self.phones: set[str] = set()
        self.id_numbers: set[str] = set()

    def rng(self, section: str) -> random.Random:
        # A string seed is hashed with SHA-512 by `random`, never with the salted str hash.
        return random.Random(f"{self.base.seed}:{self.scale}:{section}")

    def run(self) -> Dataset:
        self.organisations()
        self.co_building()
        self.cadres()
        self.chat_groups()
        self.trainings()
        self.social_organisations()
        self.positions()
        self.enterprises()
        self.youth()
        self.visits()
        self.appeals()
        self.projects()
        self.funds()
        self.campaigns()
        self.assessments()
        self.awards()
        self.notices()
        return self.ds

    # --- people ---------------------------------------------------------------------------------

    def phone(self, rng: random.Random) -> str:
        while True:
            number = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def id_number(self, rng: random.Random, born: date, gender: str) -> str:
        """GB 11643: area code, birth date, a sequence whose last digit is odd for men, check."""
        while True:
            sequence = rng.randrange(500) * 2 + (1 if gender == "MALE" else 0)
            first17 = f"{AREA_CODE}{born:%Y%m%d}{sequence:03d}"
            number = first17 + gb11643_check_digit(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    @staticmethod
    def birth_date(rng: random.Random, age: int) -> date:
        """A birth date giving exactly `age` years on AGE_DAY."""
        last = AGE_DAY.replace(year=AGE_DAY.year - age)
        first = AGE_DAY.replace(year=AGE_DAY.year - age - 1) + timedelta(days=1)
        return _day(rng, first, last)

    # --- organisations --------------------------------------------------------------------------

    def organisations(self) -> None:
        rng, sp, ds = self.rng("organisations"), self.spec, self.ds
        center = _Org("RC", CENTER_NAME, "CENTER", date(2020, 5, 4))
        self.center = center
        self.towns: list[_Org] = []
        for i, town_name in enumerate(sp.towns, 1):
            town = _Org(
                f"RC-T{i:02d}",
                f"{town_name}网格团委",
                "TOWN",
                _day(rng, date(2020, 6, 1), date(2020, 7, 31)),
                parent=center,
                short=town_name,
                street=town_name.endswith("街道"),
            )
            town.town = town
            center.children.append(town)
            self.towns.append(town)
        self.town_by_name = {t.short: t for t in self.towns}

        per_town = list(sp.communities_per_town)
        n_communities = sum(per_town)
        branch_counts = _spread(rng, sp.grid_branches, n_communities, *sp.branches_per_community)
        branchless = _spread(rng, sp.branchless_grids, n_communities, *sp.branchless_per_community)
        c_width = _width(2, max(per_town))
        g_width = _width(2, max(b + u for b, u in zip(branch_counts, branchless, strict=True)))
        used_names: set[str] = set()
        self.communities: list[_Org] = []
        self.branches: list[_Org] = []
        self.grids: list[_Grid] = []
        index = 0
        for town, count in zip(self.towns, per_town, strict=True):
            for k in range(1, count + 1):
                if town.street:
                    place = names.community_name(rng, used_names)
                else:
                    place = names.village_name(rng, used_names)
                community = _Org(
                    f"{town.id}-C{k:0{c_width}d}",
                    f"{town.short}{place}网格团总支",
                    "COMMUNITY",
                    _day(rng, town.established + timedelta(days=20), date(2020, 12, 31)),
                    parent=town,
                    short=place,
                    town=town,
                    street=town.street,
                )
                community.community = community
                town.children.append(community)
                self.communities.append(community)
                n_branches, n_without = branch_counts[index], branchless[index]
                index += 1
                without = set(rng.sample(range(1, n_branches + n_without + 1), n_without))
                for n in range(1, n_branches + n_without + 1):
                    youth_count = rng.randint(80, 400) if town.street else rng.randint(40, 220)
                    grid = _Grid(
                        f"{community.id}-G{n:0{g_width}d}",
                        f"{place}第{n}网格",
                        community,
                        None,
                        youth_count,
                    )
                    community.grids.append(grid)
                    self.grids.append(grid)
                    if n in without:
                        continue  # 暂不具备建团条件: the community branch serves this grid
                    branch = _Org(
                        f"{community.id}-B{n:0{g_width}d}",
                        f"{town.short}{place}第{n}网格团支部",
                        "BRANCH",
                        _day(rng, community.established + timedelta(days=10), date(2021, 6, 30)),
                        parent=community,
                        short=f"{place}第{n}网格",
                        town=town,
                        community=community,
                        grid=grid,
                        street=town.street,
                    )
                    grid.branch = branch
                    community.children.append(branch)
                    self.branches.append(branch)

        self.committees: list[_Org] = []
        numbering: dict[str, int] = {}
        for committee_town, committee_sector, name in sp.industry_committees:
            owner = center if committee_town is None else self.town_by_name.get(committee_town)
            if owner is None:
                continue  # a town this district does not have
            numbering[owner.id] = numbering.get(owner.id, 0) + 1
            committee = _Org(
                f"{owner.id}-IC-{numbering[owner.id]:02d}",
                name,
                "INDUSTRY",
                _day(rng, date(2019, 9, 1), date(2021, 3, 31)),
                parent=owner,
                town=owner if owner.kind == "TOWN" else None,
                sector=committee_sector,
            )
            self.committees.append(committee)

        self.hierarchy = [center, *self.towns, *self.communities, *self.branches]
        levels = {"CENTER": (N_CENTER, 0), "TOWN": (N_TOWN, 1), "COMMUNITY": (N_COMMUNITY, 2)}
        levels["BRANCH"] = (N_BRANCH, 3)
        for org in self.hierarchy:
            key, level = levels[org.kind]
            ds.node(key, org.id, name=org.name, level=level, establishedAt=org.established)
            if org.parent is not None:
                ds.rel(R_UNDER, org.id, org.parent.id)
        for committee in self.committees:
            ds.node(
                N_INDUSTRY,
                committee.id,
                name=committee.name,
                sector=committee.sector,
                establishedAt=committee.established,
            )
            assert committee.parent is not None
            ds.rel(R_UNDER, committee.id, committee.parent.id)
        for grid in self.grids:
            ds.node(N_GRID, grid.id, name=grid.name, youthCount=grid.youth_count)
            ds.rel(R_WITHIN, grid.id, grid.community.id)
            if grid.branch is not None:
                ds.rel(R_SERVED_BY, grid.id, grid.branch.id)

    def co_building(self) -> None:
        """联建共建: town committees with branches of their town, Center committees anywhere."""
        rng, ds = self.rng("co_building"), self.ds
        center_committees = [c for c in self.committees if c.town is None]
        covered = rng.sample(self.branches, round(self.spec.co_build_share * len(self.branches)))
        covered.sort(key=lambda b: b.id)
        for branch in covered:
            local = [c for c in self.committees if c.town is branch.town]
            candidates = local + center_committees
            weights = [3.0] * len(local) + [1.0] * len(center_committees)
            k = rng.choices((1, 2, 3), weights=(65, 30, 5))[0]
            branch.partners = _pick_distinct(rng, candidates, weights, k)
        # Every committee co-builds with someone: give an idle one a covered branch it may reach.
        for committee in self.committees:
            if any(committee in b.partners for b in covered):
                continue
            reachable = [b for b in covered if committee.town in (None, b.town)]
            if reachable:
                rng.choice(reachable).partners.append(committee)
        for branch in covered:
            for committee in branch.partners:
                since = _day(
                    rng,
                    max(committee.established, branch.established),
                    date(2021, 11, 30),
                )
                ds.rel(R_CO_BUILDS, committee.id, branch.id, since=since)

    def cadres(self) -> None:
        """One secretary per hierarchy organisation; deputies in the largest grid branches."""
        rng, sp, ds = self.rng("cadres"), self.spec, self.ds
        by_size = sorted(
            self.branches, key=lambda b: (-(b.grid.youth_count if b.grid else 0), b.id)
        )
        with_deputy = sorted(by_size[: sp.deputies], key=lambda b: b.id)
        upper = 1 + len(self.towns)
        community_sources = _quota(len(self.communities), COMMUNITY_SOURCES)
        branch_sources = _quota(len(self.branches) + len(with_deputy), BRANCH_SOURCES)
        rng.shuffle(community_sources)
        rng.shuffle(branch_sources)
        sources = ["CIVIC_SECRETARY"] * upper + community_sources + branch_sources
        width = _width(5, len(sources))
        self.cadre_ids: list[str] = []

        def new_cadre(org: _Org, post: str, earliest: date, latest: date) -> str:
            cadre_id = f"CD-{len(self.cadre_ids) + 1:0{width}d}"
            gender = "MALE" if rng.random() < 0.52 else "FEMALE"
            ds.node(
                N_CADRE,
                cadre_id,
                name=names.person_name(rng, gender),
                source=sources[len(self.cadre_ids)],
                phone=self.phone(rng),
                gender=gender,
                birthDate=self.birth_date(rng, rng.randint(22, 45)),
            )
            ds.rel(R_SERVES_IN, cadre_id, org.id, post=post, since=_day(rng, earliest, latest))
            self.cadre_ids.append(cadre_id)
            return cadre_id

        for org in self.hierarchy:
            start = org.established
            org.secretary = new_cadre(org, "SECRETARY", start, start + timedelta(days=30))
        for branch in with_deputy:
            start = branch.established + timedelta(days=30)
            branch.deputy = new_cadre(branch, "DEPUTY_SECRETARY", start, date(2021, 11, 30))
        # Committee members come from the existing cadres: no new Cadre nodes.
        center_committees = [c for c in self.committees if c.town is None]
        lenders = rng.sample(self.towns, min(len(self.towns), len(center_committees)))
        for committee in self.committees:
            if committee.town is not None:
                member = committee.town.secretary
            elif lenders:
                member = lenders[center_committees.index(committee) % len(lenders)].secretary
            else:
                member = self.center.secretary
            since = _day(rng, max(committee.established, date(2020, 9, 1)), date(2021, 6, 30))
            if not ds.has_rel(R_SERVES_IN, member, committee.id):
                ds.rel(R_SERVES_IN, member, committee.id, post="COMMITTEE_MEMBER", since=since)

    def chat_groups(self) -> None:
        """塔群: a group per organisation but a few grid branches; relays parent → child."""
        rng, ds = self.rng("chat_groups"), self.ds
        for branch in rng.sample(self.branches, self.spec.groupless_branches):
            branch.has_group = False
        for org in self.hierarchy:
            if not org.has_group:
                continue
            if org.kind == "BRANCH":
                assert org.grid is not None
                members = int(org.grid.youth_count * rng.uniform(0.25, 0.7)) + 2
            elif org.kind == "COMMUNITY":
                members = 2 * len(org.children) + rng.randint(8, 30)
            elif org.kind == "TOWN":
                members = 2 * len(org.children) + rng.randint(10, 25)
            else:
                members = 2 * len(org.children) + rng.randint(10, 20)
            group = f"CG-{org.id}"
            level = {"CENTER": 0, "TOWN": 1, "COMMUNITY": 2, "BRANCH": 3}[org.kind]
            ds.node(N_GROUP, group, name=f"{org.name}微信群", level=level, memberCount=members)
            ds.rel(R_GROUP_OF, group, org.id)
            # 进驻本级微信群担任管理员，进驻下级微信群担任指导员
            ds.rel(R_ADMINISTERS, org.secretary, group)
            if org.parent is not None:
                ds.rel(R_RELAYS_TO, f"CG-{org.parent.id}", group)
                ds.rel(R_INSTRUCTS, org.parent.secretary, group)

    def trainings(self) -> None:
        rng, ds = self.rng("trainings"), self.ds
        topics = list(TRAINING_TOPICS)
        n = self.spec.trainings
        width = _width(3, n)
        ids = []
        for i in range(n):
            topic = topics[i % len(topics)]
            day = date(2021, 3, 1) + timedelta(days=i * 270 // n + rng.randint(0, 6))
            training = f"TR-{i + 1:0{width}d}"
            ds.node(
                N_TRAINING,
                training,
                title=f"2021年网格团干部{TRAINING_TOPICS[topic]}专项培训"
                f"（第{i // len(topics) + 1}期）",
                topic=topic,
                date=day,
            )
            ids.append(training)
        for cadre in self.cadre_ids:
            if rng.random() < 0.85:
                k = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
                for training in sorted(rng.sample(ids, min(k, len(ids)))):
                    ds.rel(R_ATTENDED, cadre, training)

    # --- social forces --------------------------------------------------------------------------

    def social_organisations(self) -> None:
        rng, sp, ds = self.rng("social"), self.spec, self.ds
        catalogue = dict(names.DISTRICT_SOCIAL_ORGS)
        n_local = sp.social_orgs - len(sp.district_social_orgs)
        width = _width(3, sp.social_orgs)
        self.socials: list[_Social] = []
        self.socials_of: dict[str, list[_Social]] = {}  # organisation id → linked, in order
        self.district_offering: dict[tuple[str, ...], list[_Social]] = {}  # services → orgs
        used = set(sp.district_social_orgs)

        def add(social: _Social, links: list[_Org]) -> None:
            ds.node(
                N_SOCIAL,
                social.id,
                name=social.name,
                services=list(social.services),
                capacity=social.capacity,
                registeredAt=social.registered,
            )
            for org in links:
                since = _day(rng, max(social.registered, date(2020, 3, 1)), date(2021, 10, 31))
                ds.rel(R_LINKED_WITH, social.id, org.id, since=since)
                self.socials_of.setdefault(org.id, []).append(social)
            self.socials.append(social)

        for name in sp.district_social_orgs:
            social = _Social(
                f"SO-{len(self.socials) + 1:0{width}d}",
                name,
                catalogue[name],
                rng.randint(15, 40),
                _day(rng, date(2008, 1, 1), date(2019, 12, 31)),
                district=True,
            )
            towns = rng.sample(self.towns, min(len(self.towns), rng.randint(1, 2)))
            communities = rng.sample(
                self.communities, min(len(self.communities), rng.randint(0, 2))
            )
            add(social, towns + communities)
        for _ in range(n_local):
            while True:
                community = rng.choice(self.communities)
                kind, services = rng.choice(names.LOCAL_SOCIAL_ORG_KINDS)
                assert community.town is not None
                place = community.short if rng.random() < 0.75 else community.town.short
                if place + kind not in used:
                    break
            used.add(place + kind)
            offered = list(services)
            if len(offered) < 3 and rng.random() < 0.3:
                offered.append(rng.choice(list(SERVICES)))
            social = _Social(
                f"SO-{len(self.socials) + 1:0{width}d}",
                place + kind,
                tuple(_canonical(offered, SERVICES)),
                rng.randint(5, 20),
                _day(rng, date(2015, 1, 1), date(2021, 6, 30)),
                district=False,
            )
            links = [community]
            if rng.random() < 0.5:
                assert community.town is not None
                links.append(community.town)
            branches = [c for c in community.children if c.kind == "BRANCH"]
            if branches and rng.random() < 0.6:
                links.append(rng.choice(branches))
            add(social, links)

        # Workers: two per organisation, the rest in proportion to capacity.
        extra = rng.choices(
            range(len(self.socials)),
            weights=[s.capacity for s in self.socials],
            k=sp.social_workers - 2 * len(self.socials),
        )
        per_org = [2] * len(self.socials)
        for i in extra:
            per_org[i] += 1
        width = _width(4, sp.social_workers)
        number = 0
        for social, count in zip(self.socials, per_org, strict=True):
            own = [skill for service in social.services for skill in SERVICE_SKILLS[service]]
            for _ in range(count):
                number += 1
                skills = rng.sample(own, min(len(own), rng.randint(1, 2)))
                if rng.random() < 0.3:
                    skills.append(rng.choice(list(SKILLS)))
                gender = "MALE" if rng.random() < 0.45 else "FEMALE"
                worker = f"SW-{number:0{width}d}"
                ds.node(
                    N_WORKER,
                    worker,
                    name=names.person_name(rng, gender),
                    skills=_canonical(skills, SKILLS)[:3],
                )
                ds.rel(R_MEMBER_OF, worker, social.id)

    def nearest_socials(self, org: _Org | None, services: tuple[str, ...]) -> list[list[_Social]]:
        """Linked social organisations offering one of `services`, by tier: the organisation,
        then its ancestors; last, the district-level ones."""
        tiers: list[list[_Social]] = []
        while org is not None:
            linked = self.socials_of.get(org.id, [])
            tiers.append([s for s in linked if any(x in s.services for x in services)])
            org = org.parent
        if services not in self.district_offering:
            self.district_offering[services] = [
                s for s in self.socials if s.district and any(x in s.services for x in services)
            ]
        tiers.append(self.district_offering[services])
        return tiers

    def positions(self) -> None:
        """阵地: 青年之家 or 青春社区 per community, 青年会客厅 per town, some 青年驿站 in grids."""
        rng, ds = self.rng("positions"), self.ds
        plan: list[tuple[str, _Org, _Grid, str]] = []
        for community in self.communities:
            kind = "YOUTH_HOME" if rng.random() < 0.6 else "YOUTH_COMMUNITY"
            plan.append((kind, community, rng.choice(community.grids), community.short))
        for town in self.towns:
            grids = [g for c in town.children for g in c.grids]
            plan.append(("RECEPTION_ROOM", town, rng.choice(grids), town.short))
        stations = rng.sample(self.branches, min(self.spec.stations, len(self.branches)))
        for branch in sorted(stations, key=lambda b: b.id):
            assert branch.grid is not None
            plan.append(("YOUTH_STATION", branch, branch.grid, branch.short))
        width = _width(4, len(plan))
        self.positions_of: dict[str, list[str]] = {}  # host organisation id → positions
        for i, (kind, host, grid, place) in enumerate(plan, 1):
            position = f"PO-{i:0{width}d}"
            its_town, community = grid.community.town, grid.community
            assert its_town is not None
            if community.street:
                street = rng.choice(names.STREET_NAMES)
                address = f"任城区{its_town.short}{community.short}{street}{rng.randint(1, 300)}号"
            else:
                address = f"任城区{its_town.short}{community.short}{rng.randint(1, 200)}号"
            ds.node(
                N_POSITION,
                position,
                name=f"{place}{POSITION_TYPES[kind]}",
                type=kind,
                openedAt=_day(rng, max(host.established, date(2020, 6, 1)), date(2021, 10, 31)),
                address=address,
            )
            ds.rel(R_HOSTED_BY, position, host.id)
            ds.rel(R_POSITION_IN, position, grid.id)
            grid.positions.append(position)
            self.positions_of.setdefault(host.id, []).append(position)

    def enterprises(self) -> None:
        rng, ds = self.rng("enterprises"), self.ds
        n = self.spec.enterprises
        width = _width(4, n)
        used: set[str] = set()
        located = rng.choices(
            self.grids, weights=[3 if g.community.street else 1 for g in self.grids], k=n
        )
        self.enterprises_of_town: dict[str, list[str]] = {}
        for i, grid in enumerate(located, 1):
            enterprise = f"EN-{i:0{width}d}"
            name, industry = names.firm_name(rng, used)
            ds.node(N_ENTERPRISE, enterprise, name=name, industry=industry)
            ds.rel(R_ENTERPRISE_IN, enterprise, grid.id)
            grid.enterprises.append(enterprise)
            assert grid.community.town is not None
            self.enterprises_of_town.setdefault(grid.community.town.id, []).append(enterprise)

    # --- youth, visits, appeals ------------------------------------------------------------------

    def youth(self) -> None:
        rng, sp, ds = self.rng("youth"), self.spec, self.ds
        counts = [rng.randint(*sp.youth_per_grid) for _ in self.grids]
        width = _width(6, sum(counts))
        number = 0
        self.all_youth: list[_Youth] = []
        self.difficult_youth: list[_Youth] = []
        minor_pool = {
            "LEFT_BEHIND": 5.0,
            "SINGLE_PARENT": 4.0,
            "DISABILITY": 1.5,
            "LOW_INCOME": 4.0,
            "DROPOUT": 1.0,
            "ORPHAN": 0.8,
        }
        adult_pool = {
            "UNEMPLOYED": 5.0,
            "LOW_INCOME": 4.0,
            "DISABILITY": 1.5,
            "SINGLE_PARENT": 1.0,
            "ORPHAN": 0.3,
        }
        for grid, count in zip(self.grids, counts, strict=True):
            community = grid.community
            assert community.town is not None
            for _ in range(count):
                number += 1
                youth_id = f"Y-{number:0{width}d}"
                gender = "MALE" if rng.random() < 0.51 else "FEMALE"
                minor = rng.random() < 0.45
                age = rng.randint(6, 17) if minor else rng.randint(18, 35)
                born = self.birth_date(rng, age)
                difficulties: list[str] = []
                if rng.random() < sp.difficulty_share:
                    pool = dict(minor_pool if minor else adult_pool)
                    if minor and age < 12:
                        del pool["DROPOUT"]  # 辍学 concerns secondary-school age
                    k = 1 if rng.random() < 0.7 else 2
                    difficulties = _canonical(
                        _pick_distinct(rng, list(pool), list(pool.values()), k), DIFFICULTIES
                    )
                if community.street:
                    address = (
                        f"任城区{community.town.short}{community.short}{rng.randint(1, 30)}号楼"
                        f"{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室"
                    )
                else:
                    address = (
                        f"任城区{community.town.short}{community.short}{rng.randint(1, 260)}号"
                    )
                ds.node(
                    N_YOUTH,
                    youth_id,
                    name=names.person_name(rng, gender),
                    gender=gender,
                    birthDate=born,
                    idNumber=self.id_number(rng, born, gender),
                    phone=self.phone(rng),
                    address=address,
                    inDifficulty=bool(difficulties),
                    difficulties=difficulties,
                )
                ds.rel(R_RESIDES_IN, youth_id, grid.id)
                youth = _Youth(youth_id, minor, difficulties, grid)
                grid.youth.append(youth)
                self.all_youth.append(youth)
                if difficulties:
                    grid.difficult.append(youth)
                    self.difficult_youth.append(youth)

    def grid_cadre(self, rng: random.Random, grid: _Grid) -> str:
        """The cadre who works a grid: its branch's secretary or deputy, else its community's."""
        if grid.branch is None:
            return grid.community.secretary
        if grid.branch.deputy is not None and rng.random() < 0.4:
            return grid.branch.deputy
        return grid.branch.secretary

    def visit_target(
        self, rng: random.Random, grid: _Grid
    ) -> tuple[tuple[RelKey, str], _Youth | None]:
        """重点人群、重点企业、重点组织: a youth (mostly in difficulty), a firm or a social org."""
        roll = rng.random()
        if 0.6 <= roll < 0.85 and grid.enterprises:
            return (R_TO_ENTERPRISE, rng.choice(grid.enterprises)), None
        if roll >= 0.85:
            org = grid.branch or grid.community
            linked = next((tier for tier in self.linked_tiers(org) if tier), [])
            if linked:
                return (R_TO_SOCIAL, rng.choice(linked).id), None
        pool = grid.difficult if grid.difficult and rng.random() < 0.7 else grid.youth
        youth = rng.choice(pool)
        return (R_TO_YOUTH, youth.id), youth

    def linked_tiers(self, org: _Org | None) -> list[list[_Social]]:
        tiers = []
        while org is not None:
            tiers.append(self.socials_of.get(org.id, []))
            org = org.parent
        return tiers

    def visits(self) -> None:
        """9号议事日 visits by grid-branch cadres (some branches skip months), and routine ones."""
        rng, sp, ds = self.rng("visits"), self.spec, self.ds
        reliability = [rng.choices((1.0, 0.75, 0.3), weights=(70, 25, 5))[0] for _ in self.branches]
        drafts: list[_Visit] = []
        for month in sp.visit_months:
            day = date(2021, month, 9)
            for branch, p in zip(self.branches, reliability, strict=True):
                if rng.random() >= p:
                    continue  # this branch skipped the month: a gap the coverage report finds
                assert branch.grid is not None
                for _ in range(1 if rng.random() < 0.75 else 2):
                    cadre = self.grid_cadre(rng, branch.grid)
                    target, youth = self.visit_target(rng, branch.grid)
                    drafts.append(_Visit("NINTH_DAY", day, cadre, branch.grid, target, youth))
        for _ in range(sp.routine_visits):
            grid = rng.choice(self.grids)
            day = _day(rng, YEAR_START, YEAR_END)
            if day.day == 9:
                day += timedelta(days=1)  # the 9th belongs to the 议事日
            cadre = self.grid_cadre(rng, grid)
            target, youth = self.visit_target(rng, grid)
            drafts.append(_Visit("ROUTINE", day, cadre, grid, target, youth))
        drafts.sort(key=lambda v: v.day)  # stable: ids follow the calendar
        width = _width(6, len(drafts))
        for i, visit in enumerate(drafts, 1):
            visit.id = f"VI-{i:0{width}d}"
            key, end = visit.target
            if visit.kind == "NINTH_DAY":
                title = f"{visit.day.month}月9日议事日走访"
            else:
                title = f"{visit.day.month}月{visit.day.day}日日常走访"
            ds.node(
                N_VISIT,
                visit.id,
                title=title,
                kind=visit.kind,
                date=visit.day,
                notes=rng.choice(VISIT_NOTES[key[2]]),
            )
            ds.rel(R_BY, visit.id, visit.cadre)
            ds.rel(key, visit.id, end)
        self.visit_drafts = drafts

    @staticmethod
    def appeal_category(rng: random.Random, youth: _Youth) -> str:
        if youth.minor:
            weights = {"STUDY": 30, "CARE": 25, "PSYCHOLOGICAL": 15, "FAMILY": 12, "HEALTH": 10}
            weights["LIVING_HARDSHIP"] = 8
        else:
            weights = {"EMPLOYMENT": 35, "LIVING_HARDSHIP": 18, "LEGAL": 12, "PSYCHOLOGICAL": 12}
            weights |= {"HEALTH": 10, "FAMILY": 8, "STUDY": 5}
        boosts = {
            "LEFT_BEHIND": {"CARE": 20, "PSYCHOLOGICAL": 5},
            "UNEMPLOYED": {"EMPLOYMENT": 30},
            "DROPOUT": {"STUDY": 20},
            "LOW_INCOME": {"LIVING_HARDSHIP": 15},
            "DISABILITY": {"HEALTH": 15},
            "SINGLE_PARENT": {"FAMILY": 8, "PSYCHOLOGICAL": 5},
            "ORPHAN": {"LIVING_HARDSHIP": 10},
        }
        for difficulty in youth.difficulties:
            for category, boost in boosts[difficulty].items():
                weights[category] = weights.get(category, 0) + boost
        return rng.choices(list(weights), weights=list(weights.values()))[0]

    @staticmethod
    def timeline(
        rng: random.Random, created: datetime, urgent: bool, target: str
    ) -> tuple[str, dict[str, datetime]]:
        """The states an appeal went through towards `target`, stopped at the end of 2021."""
        stamps: dict[str, datetime] = {}
        if target == "OPEN":
            return "OPEN", stamps
        if target == "REJECTED":
            at = created + timedelta(minutes=rng.randint(60, 96 * 60))
            if at > END:
                return "OPEN", stamps
            return "REJECTED", {"rejectedAt": at}
        match = rng.randint(5, 240) if urgent else rng.randint(60, 72 * 60)
        steps = (
            ("MATCHED", "matchedAt", match),
            ("IN_PROGRESS", "startedAt", rng.randint(120, 72 * 60)),
            ("RESOLVED", "resolvedAt", rng.randint(24 * 60, 30 * 24 * 60)),
            ("CLOSED", "closedAt", rng.randint(24 * 60, 14 * 24 * 60)),
        )
        status, at = "OPEN", created
        for state, key, minutes in steps:
            at = at + timedelta(minutes=minutes)
            if at > END:
                break
            stamps[key] = at
            status = state
            if state == target:
                break
        return status, stamps

    def appeals(self) -> None:
        """Appeals of youth (mostly in difficulty): some collected on visits, the rest directly;
        those matched are referred to a social organisation, nearest in the hierarchy first."""
        rng, sp, ds = self.rng("appeals"), self.spec, self.ds
        to_difficult = [
            i for i, v in enumerate(self.visit_drafts) if v.youth and v.youth.difficulties
        ]
        to_other = [
            i for i, v in enumerate(self.visit_drafts) if v.youth and not v.youth.difficulties
        ]
        from_visits = round(sp.appeals * 0.4)
        k_difficult = min(round(from_visits * 0.85), len(to_difficult))
        k_other = min(from_visits - k_difficult, len(to_other))
        chosen = sorted(rng.sample(to_difficult, k_difficult) + rng.sample(to_other, k_other))
        drafts: list[tuple[datetime, int, _Youth, str, _Visit | None]] = []
        for i in chosen:
            visit = self.visit_drafts[i]
            assert visit.youth is not None
            created = _moment(visit.day, rng.randint(9 * 60, 17 * 60 + 30))
            drafts.append((created, len(drafts), visit.youth, visit.cadre, visit))
        for _ in range(sp.appeals - len(drafts)):
            if self.difficult_youth and rng.random() < 0.85:
                youth = rng.choice(self.difficult_youth)
            else:
                youth = rng.choice(self.all_youth)
            created = _moment(_day(rng, YEAR_START, YEAR_END), rng.randint(8 * 60, 21 * 60))
            drafts.append((created, len(drafts), youth, self.grid_cadre(rng, youth.grid), None))
        drafts.sort(key=lambda d: (d[0], d[1]))  # ids follow creation time
        targets = _quota(len(drafts), APPEAL_STATUS_MIX, at_least_one=True)
        rng.shuffle(targets)
        width = _width(6, len(drafts))
        for i, ((created, _, youth, cadre, source_visit), target) in enumerate(
            zip(drafts, targets, strict=True), 1
        ):
            appeal = f"AP-{i:0{width}d}"
            category = self.appeal_category(rng, youth)
            title, description = rng.choice(APPEAL_TEXTS[category])
            urgent = rng.random() < 0.15
            status, stamps = self.timeline(rng, created, urgent, target)
            ds.node(
                N_APPEAL,
                appeal,
                title=title,
                description=description,
                category=category,
                urgency="URGENT" if urgent else "GENERAL",
                status=status,
                createdAt=created,
                rejectionReason=rng.choice(REJECTION_REASONS) if status == "REJECTED" else None,
                **stamps,
            )
            ds.rel(R_RAISED_BY, appeal, youth.id)
            ds.rel(R_COLLECTED_BY, appeal, cadre)
            if source_visit is not None:
                ds.rel(R_PRODUCED, source_visit.id, appeal)
            if "matchedAt" in stamps:
                self.refer(rng, appeal, youth, category, status, stamps["matchedAt"])

    def refer(
        self,
        rng: random.Random,
        appeal: str,
        youth: _Youth,
        category: str,
        status: str,
        at: datetime,
    ) -> None:
        active = status in ACTIVE_STATUSES
        home = youth.grid.branch or youth.grid.community
        social = None
        if rng.random() >= 0.02:  # rarely the community branch itself takes the appeal
            for tier in self.nearest_socials(home, CATEGORY_SERVICES[category]):
                free = [s for s in tier if not active or s.active < s.capacity]
                if free:
                    social = rng.choice(free)
                    break
        if social is None:
            self.ds.rel(R_REFERRED_ORG, appeal, youth.grid.community.id, at=at)
            return
        if active:
            social.active += 1
        self.ds.rel(R_REFERRED_SOCIAL, appeal, social.id, at=at)

    # --- projects, money, campaigns, assessments ----------------------------------------------

    def projects(self) -> None:
        rng, sp, ds = self.rng("projects"), self.spec, self.ds
        plan: list[tuple[str, str, _Org]] = [
            ("TALENT_FESTIVAL", "2021年任城区青年人才节", self.center)
        ]
        plan += [("SUMMER_CARE", f"2021年{t.short}七彩暑托班", t) for t in self.towns]
        plan.append(("YOUTH_CREDIT", "2021年任城区“青少年信用+”志愿服务行动", self.center))
        credit_towns = [self.town_by_name[t] for t in sp.credit_towns if t in self.town_by_name]
        plan += [
            ("YOUTH_CREDIT", f"2021年{t.short}“青少年信用+”人居环境整治志愿服务", t)
            for t in credit_towns
        ]
        plan.append(("TUTORING", "2021年任城区助学支教志愿服务项目", self.center))
        plan.append(("RIGHTS_PROTECTION", "2021年任城区青少年权益保护“护苗”行动", self.center))
        width = _width(3, len(plan))
        self.projects_by: dict[tuple[str, str], str] = {}  # (brand, runner id) → project id
        for i, (brand, name, runner) in enumerate(plan, 1):
            project = f"SP-{i:0{width}d}"
            ds.node(N_PROJECT, project, name=name, brand=brand, year=2021)
            ds.rel(R_RUN_BY, project, runner.id)
            self.projects_by[(brand, runner.id)] = project

        total = (
            sp.festival_events
            + sp.summer_activities
            + sp.credit_activities
            + sp.tutoring_activities
            + sp.rights_activities
        )
        self.activity_width = _width(5, total)
        self.activity_count = 0

        # 青年人才节: 送岗带货、文创沙龙、银企对接、人才联谊, 依托网格团支部 with their partners.
        project = self.projects_by[("TALENT_FESTIVAL", self.center.id)]
        co_built = [b for b in self.branches if b.partners] or self.branches
        applicants = _split_random(rng, sp.festival_applicants, sp.festival_events, 0.5)
        for i, people in enumerate(applicants):
            kind = FESTIVAL_KINDS[i % len(FESTIVAL_KINDS)]
            branch = rng.choice(co_built)
            self.activity(
                rng,
                project,
                f"青年人才节{kind}（{branch.short}）",
                _day(rng, date(2021, 4, 20), date(2021, 6, 30)),
                people,
                people,
                branch,
                ("EMPLOYMENT_SUPPORT",),
                p_committee=1.0,
                p_social=0.2,
                p_held=0.3,
                enterprises=2 if kind in ("送岗带货进网格", "银企对接会") else 0,
            )

        # 七彩暑托班: grid branches of each town, in proportion to the town's branches.
        per_town = _split_exact(
            sp.summer_activities, [float(len(self.town_branches(t)) or 1) for t in self.towns]
        )
        served = _split_random(rng, sp.summer_served, sp.summer_activities, 0.6)
        index = 0
        for town, count in zip(self.towns, per_town, strict=True):
            project = self.projects_by[("SUMMER_CARE", town.id)]
            branches = self.town_branches(town) or [c for c in town.children]
            for _ in range(count):
                branch = rng.choice(branches)
                children = served[index]
                index += 1
                self.activity(
                    rng,
                    project,
                    f"七彩暑托班·{rng.choice(SUMMER_THEMES)}（{branch.short}）",
                    _day(rng, date(2021, 7, 5), date(2021, 8, 25)),
                    children // rng.randint(3, 6) + rng.randint(3, 10),
                    children,
                    branch,
                    ("CHILD_CARE", "TUTORING"),
                    p_committee=0.4,
                    p_social=0.35,
                    p_held=0.7,
                )

        # 青少年信用+: the district project everywhere, town projects in their towns.
        credit_projects = [(self.projects_by[("YOUTH_CREDIT", self.center.id)], self.center)]
        credit_projects += [(self.projects_by[("YOUTH_CREDIT", t.id)], t) for t in credit_towns]
        weights = [3.0 * len(credit_projects)] + [1.0] * (len(credit_projects) - 1)
        counts = _split_exact(sp.credit_activities, weights)
        for (project, runner), count in zip(credit_projects, counts, strict=True):
            scope = self.branches if runner is self.center else self.town_branches(runner)
            communities = self.communities if runner is self.center else list(runner.children)
            for _ in range(count):
                organiser = rng.choice(scope) if rng.random() < 0.85 else rng.choice(communities)
                theme = rng.choice(CREDIT_THEMES)
                if theme == "助力疫情防控":
                    month = rng.choice((1, 2, 3, 8, 11, 12))
                    day = _day(rng, date(2021, month, 1), date(2021, month, 28))
                else:
                    day = _day(rng, date(2021, 3, 1), date(2021, 12, 20))
                volunteers = rng.randint(10, 60)
                self.activity(
                    rng,
                    project,
                    f"青少年信用+{theme}志愿服务",
                    day,
                    volunteers,
                    volunteers,
                    organiser,
                    ("VOLUNTEERING",),
                    p_committee=0.5,
                    p_social=0.3,
                    p_held=0.25,
                    enterprises=1 if rng.random() < 0.1 else 0,
                )

        project = self.projects_by[("TUTORING", self.center.id)]
        for _ in range(sp.tutoring_activities):
            organiser = rng.choice(self.branches if rng.random() < 0.6 else self.communities)
            children = rng.randint(5, 30)
            self.activity(
                rng,
                project,
                f"助学支教·{rng.choice(TUTORING_THEMES)}",
                _day(rng, YEAR_START, date(2021, 12, 20)),
                children + rng.randint(3, 10),
                children,
                organiser,
                ("TUTORING", "FINANCIAL_AID"),
                p_committee=0.3,
                p_social=0.6,
                p_held=0.5,
            )
        project = self.projects_by[("RIGHTS_PROTECTION", self.center.id)]
        for _ in range(sp.rights_activities):
            roll = rng.random()
            pool = self.towns if roll < 0.2 else self.communities if roll < 0.7 else self.branches
            organiser = rng.choice(pool)
            people = rng.randint(30, 200)
            self.activity(
                rng,
                project,
                f"青少年权益保护·{rng.choice(RIGHTS_THEMES)}",
                _day(rng, date(2021, 3, 1), date(2021, 12, 20)),
                people,
                people,
                organiser,
                ("LEGAL_AID", "PSYCHOLOGICAL_COUNSELING"),
                p_committee=0.3,
                p_social=0.5,
                p_held=0.4,
            )

    def town_branches(self, town: _Org) -> list[_Org]:
        return [b for b in self.branches if b.town is town]

    def activity(
        self,
        rng: random.Random,
        project: str,
        title: str,
        day: date,
        participants: int,
        served: int,
        organiser: _Org,
        services: tuple[str, ...],
        p_committee: float,
        p_social: float,
        p_held: float,
        enterprises: int = 0,
    ) -> None:
        """One activity; joint with the organiser's co-building committee, a nearby social
        organisation or firms of its town, and held at a nearby position, with the given odds."""
        ds = self.ds
        self.activity_count += 1
        activity = f"AC-{self.activity_count:0{self.activity_width}d}"
        ds.node(
            N_ACTIVITY, activity, title=title, date=day, participants=participants, served=served
        )
        ds.rel(R_PART_OF, activity, project)
        ds.rel(R_ORGANIZED_BY, activity, organiser.id)
        if organiser.partners and rng.random() < p_committee:
            ds.rel(R_PARTNER_ORG, activity, rng.choice(organiser.partners).id)
        if rng.random() < p_social:
            tier = next((t for t in self.nearest_socials(organiser, services) if t), [])
            if tier:
                ds.rel(R_PARTNER_SOCIAL, activity, rng.choice(tier).id)
        if enterprises and organiser.town is not None:
            firms = self.enterprises_of_town.get(organiser.town.id, [])
            for firm in sorted(rng.sample(firms, min(enterprises, len(firms)))):
                ds.rel(R_PARTNER_ENTERPRISE, activity, firm)
        if rng.random() < p_held:
            places = list(organiser.grid.positions) if organiser.grid else []
            places += self.positions_of.get(organiser.id, [])
            if organiser.community is not None and organiser.community is not organiser:
                places += self.positions_of.get(organiser.community.id, [])
            if places:
                ds.rel(R_HELD_AT, activity, rng.choice(list(dict.fromkeys(places))))

    def funds(self) -> None:
        """2021: the district's special fund and some towns' funds, 20万元 in all (the report)."""
        rng, sp, ds = self.rng("funds"), self.spec, self.ds
        number = 0

        def fund(name: str, source: str, amount: int, targets: list[tuple[RelKey, str, float]]):
            nonlocal number
            number += 1
            fund_id = f"FU-{number:03d}"
            ds.node(N_FUND, fund_id, name=name, source=source, year=2021, amount=amount)
            shares = _split_exact(amount, [w for _, _, w in targets], unit=1000)
            for (key, target, _), share in zip(targets, shares, strict=True):
                ds.rel(key, fund_id, target, amount=share)

        projects = [
            (self.projects_by[("TALENT_FESTIVAL", self.center.id)], 4.0),
            (self.projects_by[("YOUTH_CREDIT", self.center.id)], 3.0),
            (self.projects_by[("TUTORING", self.center.id)], 2.0),
            (self.projects_by[("RIGHTS_PROTECTION", self.center.id)], 1.0),
        ]
        n_branches = 10 if len(self.branches) >= 10 else min(2, len(self.branches))
        built = sorted(rng.sample(self.branches, n_branches), key=lambda b: b.id)
        targets = [(R_FUND_PROJECT, p, w) for p, w in projects]
        targets += [(R_FUND_ORG, b.id, 10.0 / n_branches) for b in built]  # half for 组织建设
        fund(
            "2021年任城区网格团组织建设和服务项目培育专项经费",
            "DISTRICT_FINANCE",
            sp.district_fund,
            targets,
        )
        for town_name, amount in sp.town_funds:
            town = self.town_by_name.get(town_name)
            if town is None:
                continue
            communities = sorted(
                rng.sample(town.children, min(2, len(town.children))), key=lambda c: c.id
            )
            town_targets = [(R_FUND_PROJECT, self.projects_by[("SUMMER_CARE", town.id)], 6.0)]
            town_targets += [(R_FUND_ORG, c.id, 2.0) for c in communities]
            fund(f"2021年{town_name}网格团组织工作经费", "TOWN_FINANCE", amount, town_targets)

    def campaigns(self) -> None:
        """疫情防控、文明城市创建、环境保护、信访维稳, joined by organisations and social forces."""
        rng, ds = self.rng("campaigns"), self.ds
        ids = [f"CA-{i:02d}" for i in range(1, len(self.spec.campaigns) + 1)]
        for campaign, name in zip(ids, self.spec.campaigns, strict=True):
            ds.node(N_CAMPAIGN, campaign, name=name, year=2021)
        for town in self.towns:
            for i, campaign in enumerate(ids):
                if i == 0 or rng.random() < 0.6:
                    ds.rel(R_ORG_JOINED, town.id, campaign)
        for community in self.communities:
            for campaign in sorted(rng.sample(ids, min(len(ids), rng.randint(1, 2)))):
                ds.rel(R_ORG_JOINED, community.id, campaign)
        for branch in self.branches:
            if rng.random() < 0.4:
                ds.rel(R_ORG_JOINED, branch.id, rng.choice(ids))
        for social in self.socials:
            for campaign in sorted(rng.sample(ids, min(len(ids), rng.randint(1, 3)))):
                ds.rel(R_SOCIAL_JOINED, social.id, campaign)

    def assessments(self) -> None:
        """三位一体考核 per half-year: every town and community, some branches and cadres."""
        rng, sp, ds = self.rng("assessments"), self.spec, self.ds
        quality: dict[str, float] = {}
        subjects_per_period = []
        for _period in sp.periods:
            branches = sorted(
                rng.sample(self.branches, min(sp.assessed_branches, len(self.branches))),
                key=lambda b: b.id,
            )
            secretaries = [b.secretary for b in self.branches]
            cadres = sorted(rng.sample(secretaries, min(sp.assessed_cadres, len(secretaries))))
            subjects_per_period.append((branches, cadres))
        total = sum(
            len(self.towns) + len(self.communities) + len(b) + len(c)
            for b, c in subjects_per_period
        )
        width = _width(5, total)
        number = 0
        for period, (branches, cadres) in zip(sp.periods, subjects_per_period, strict=True):
            first, last = PERIOD_DAYS[period]
            subjects: list[tuple[RelKey, str, str]] = [
                (R_ASSESS_ORG, org.id, org.name)
                for org in [*self.towns, *self.communities, *branches]
            ]
            subjects += [(R_ASSESS_CADRE, cadre, "网格团干部") for cadre in cadres]
            for key, subject, label in subjects:
                if subject not in quality:
                    quality[subject] = rng.uniform(55, 97)  # the subject's usual standard
                base = quality[subject]
                scores = [max(0, min(100, round(rng.gauss(base, 6)))) for _ in range(3)]
                number += 1
                assessment = f"AS-{number:0{width}d}"
                ds.node(
                    N_ASSESSMENT,
                    assessment,
                    name=f"{label}{PERIOD_NAMES.get(period, period)}三位一体考核",
                    period=period,
                    dailyWork=scores[0],
                    keyWork=scores[1],
                    problemSolving=scores[2],
                    assessedAt=_day(rng, first, last),
                )
                ds.rel(key, assessment, subject)

    def awards(self) -> None:
        """示范网格团组织 and 最美网格团干部 of 2021."""
        rng, sp, ds = self.rng("awards"), self.spec, self.ds
        orgs = rng.sample([*self.communities, *self.branches], sp.org_awards)
        cadre_pool = [b.secretary for b in self.branches] + [
            b.deputy for b in self.branches if b.deputy
        ]
        cadres = rng.sample(cadre_pool, sp.cadre_awards)
        width = _width(4, sp.org_awards + sp.cadre_awards)
        grants = [
            *((R_AWARD_ORG, "示范网格团组织", o.id) for o in sorted(orgs, key=lambda o: o.id)),
            *((R_AWARD_CADRE, "最美网格团干部", c) for c in sorted(cadres)),
        ]
        for number, (key, title, subject) in enumerate(grants, 1):
            award = f"AW-{number:0{width}d}"
            ds.node(N_AWARD, award, title=title, year=2021, grantedAt=date(2021, 12, 28))
            ds.rel(key, award, subject)

    def notices(self) -> None:
        """Notices down the tower; most grid branches acknowledge in time, a few late or never
        (branches without a group of their own hear through their community's group)."""
        rng, ds = self.rng("notices"), self.ds
        number = 0
        for spec in self.spec.notices:
            issuer = self.center if spec.issuer is None else self.town_by_name.get(spec.issuer)
            if issuer is None:
                continue
            number += 1
            notice = f"NO-{number:04d}"
            month, day, hour, minute = spec.issued
            issued = _moment(date(2021, month, day), hour * 60 + minute)
            ds.node(
                N_NOTICE,
                notice,
                title=spec.title,
                body=spec.body,
                urgency=spec.urgency,
                issuedAt=issued,
            )
            ds.rel(R_ISSUED_BY, notice, issuer.id)
            limit = 180 if spec.urgency == "URGENT" else 600  # seconds: the 3/10-minute promise
            branches = self.branches if issuer is self.center else self.town_branches(issuer)
            for branch in branches:
                roll = rng.random()
                if not branch.has_group:
                    if roll < 0.4:
                        continue
                    delay = rng.randint(15 * 60, 90 * 60)
                elif roll < (0.05 if spec.urgency == "URGENT" else 0.04):
                    continue  # never acknowledged
                elif roll < 0.15:
                    delay = rng.randint(limit + 5, limit * 6)
                else:
                    delay = rng.randint(limit // 3, limit - 2)
                ds.rel(R_ACKNOWLEDGED_BY, notice, branch.id, at=issued + timedelta(seconds=delay))
