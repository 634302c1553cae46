"""The vocabulary of the domain: each enumeration's codes (what the graph stores) with their
Chinese labels, and the matching rules that tie appeal categories to services, skills, positions
and project brands. schema/enums.py publishes the enumerations in GraphQL."""

from __future__ import annotations

import enum


class Labelled(enum.Enum):
    """An enum whose members carry a Chinese label: `Member = ("CODE", "中文")`."""

    def __new__(cls, code: str, label: str = "") -> Labelled:  # label: each member gives one
        member = object.__new__(cls)
        member._value_ = code
        member.label = label
        return member

    label: str


class OrgKind(Labelled):
    CENTER = ("Center", "青春格格服务管理中心")
    TOWN_COMMITTEE = ("TownCommittee", "镇街网格团委")
    COMMUNITY_BRANCH = ("CommunityBranch", "村社区网格团总支")
    GRID_BRANCH = ("GridBranch", "网格团支部")
    INDUSTRY_COMMITTEE = ("IndustryCommittee", "行业团工委")


class Sector(Labelled):
    TWO_NEW = ("TWO_NEW", "两新组织团工委")
    COURIER = ("COURIER", "快递行业团工委")
    ECOMMERCE = ("ECOMMERCE", "电商行业团工委")
    BUSINESS_DISTRICT = ("BUSINESS_DISTRICT", "商圈团工委")


class CadreSource(Labelled):
    GRID_WORKER = ("GRID_WORKER", "网格员")
    CIVIC_SECRETARY = ("CIVIC_SECRETARY", "民情书记")
    VILLAGE_CADRE = ("VILLAGE_CADRE", "村(社区)干部")
    POLICE = ("POLICE", "片警")
    ENTERPRISE_STAFF = ("ENTERPRISE_STAFF", "企事业单位人员")


class Post(Labelled):
    SECRETARY = ("SECRETARY", "书记")
    DEPUTY_SECRETARY = ("DEPUTY_SECRETARY", "副书记")
    COMMITTEE_MEMBER = ("COMMITTEE_MEMBER", "委员")


class Gender(Labelled):
    MALE = ("MALE", "男")
    FEMALE = ("FEMALE", "女")


class TrainingTopic(Labelled):
    GOVERNANCE = ("GOVERNANCE", "综合治理")
    MEDIATION = ("MEDIATION", "居民调解")
    EMERGENCY_RESCUE = ("EMERGENCY_RESCUE", "紧急救助")
    PSYCHOLOGICAL = ("PSYCHOLOGICAL", "心理疏导")


class PositionType(Labelled):
    YOUTH_HOME = ("YOUTH_HOME", "青年之家")
    RECEPTION_ROOM = ("RECEPTION_ROOM", "青年会客厅")
    YOUTH_COMMUNITY = ("YOUTH_COMMUNITY", "青春社区")
    YOUTH_STATION = ("YOUTH_STATION", "青年驿站")


class ProjectBrand(Labelled):
    SUMMER_CARE = ("SUMMER_CARE", "七彩暑托班")
    TALENT_FESTIVAL = ("TALENT_FESTIVAL", "青年人才节")
    YOUTH_CREDIT = ("YOUTH_CREDIT", "青少年信用+")
    TUTORING = ("TUTORING", "助学支教")
    RIGHTS_PROTECTION = ("RIGHTS_PROTECTION", "青少年权益保护")


class Urgency(Labelled):
    URGENT = ("URGENT", "紧急")
    GENERAL = ("GENERAL", "一般")


class AppealCategory(Labelled):
    STUDY = ("STUDY", "学业")
    EMPLOYMENT = ("EMPLOYMENT", "就业")
    PSYCHOLOGICAL = ("PSYCHOLOGICAL", "心理")
    LEGAL = ("LEGAL", "法律维权")
    LIVING_HARDSHIP = ("LIVING_HARDSHIP", "生活困难")
    CARE = ("CARE", "看护照料")
    HEALTH = ("HEALTH", "医疗健康")
    FAMILY = ("FAMILY", "家庭关系")


class AppealStatus(Labelled):
    OPEN = ("OPEN", "待处理")
    MATCHED = ("MATCHED", "已转介")
    IN_PROGRESS = ("IN_PROGRESS", "办理中")
    RESOLVED = ("RESOLVED", "已解决")
    CLOSED = ("CLOSED", "已办结")
    REJECTED = ("REJECTED", "已驳回")


class Difficulty(Labelled):
    LEFT_BEHIND = ("LEFT_BEHIND", "留守")
    SINGLE_PARENT = ("SINGLE_PARENT", "单亲")
    DISABILITY = ("DISABILITY", "残疾")
    LOW_INCOME = ("LOW_INCOME", "低保困难")
    DROPOUT = ("DROPOUT", "辍学")
    ORPHAN = ("ORPHAN", "孤儿")
    UNEMPLOYED = ("UNEMPLOYED", "失业")


class ServiceType(Labelled):
    TUTORING = ("TUTORING", "助学辅导")
    PSYCHOLOGICAL_COUNSELING = ("PSYCHOLOGICAL_COUNSELING", "心理辅导")
    LEGAL_AID = ("LEGAL_AID", "法律援助")
    EMPLOYMENT_SUPPORT = ("EMPLOYMENT_SUPPORT", "就业帮扶")
    FINANCIAL_AID = ("FINANCIAL_AID", "困难救助")
    CHILD_CARE = ("CHILD_CARE", "托管照护")
    HEALTH_CARE = ("HEALTH_CARE", "医疗健康")
    CULTURE_SPORTS = ("CULTURE_SPORTS", "文体活动")
    VOLUNTEERING = ("VOLUNTEERING", "志愿服务")


class Skill(Labelled):
    TEACHING = ("TEACHING", "教学辅导")
    COUNSELING = ("COUNSELING", "心理咨询")
    LAW = ("LAW", "法律")
    SOCIAL_WORK = ("SOCIAL_WORK", "社会工作")
    MEDICINE = ("MEDICINE", "医疗护理")
    CAREER_COACHING = ("CAREER_COACHING", "职业指导")
    ARTS = ("ARTS", "文体艺术")
    MEDIATION = ("MEDIATION", "调解")


class VisitKind(Labelled):
    NINTH_DAY = ("NINTH_DAY", "9号议事日")
    ROUTINE = ("ROUTINE", "日常走访")


class FundSource(Labelled):
    DISTRICT_FINANCE = ("DISTRICT_FINANCE", "区财政")
    TOWN_FINANCE = ("TOWN_FINANCE", "镇街财政")
    SOCIAL_DONATION = ("SOCIAL_DONATION", "社会捐赠")


class AwardTitle(Labelled):
    MODEL_GRID_ORGANIZATION = ("示范网格团组织", "示范网格团组织")
    BEST_GRID_CADRE = ("最美网格团干部", "最美网格团干部")


class RelationshipType(Labelled):
    UNDER = ("UNDER", "隶属")
    WITHIN = ("WITHIN", "所在社区")
    SERVED_BY = ("SERVED_BY", "服务支部")
    CO_BUILDS = ("CO_BUILDS", "联建共建")
    SERVES_IN = ("SERVES_IN", "任职")
    ATTENDED = ("ATTENDED", "参加培训")
    OF = ("OF", "属于")
    RELAYS_TO = ("RELAYS_TO", "转发至")
    ADMINISTERS = ("ADMINISTERS", "管理员")
    INSTRUCTS = ("INSTRUCTS", "指导员")
    HOSTED_BY = ("HOSTED_BY", "承办")
    LOCATED_IN = ("LOCATED_IN", "位于")
    LINKED_WITH = ("LINKED_WITH", "建立联系")
    MEMBER_OF = ("MEMBER_OF", "成员")
    RESIDES_IN = ("RESIDES_IN", "居住")
    RAISED_BY = ("RAISED_BY", "提出人")
    COLLECTED_BY = ("COLLECTED_BY", "收集人")
    REFERRED_TO = ("REFERRED_TO", "转介至")
    RUN_BY = ("RUN_BY", "运营方")
    PART_OF = ("PART_OF", "所属项目")
    ORGANIZED_BY = ("ORGANIZED_BY", "组织方")
    HELD_AT = ("HELD_AT", "举办地")
    PARTNERED_WITH = ("PARTNERED_WITH", "合作方")
    BY = ("BY", "走访人")
    TO = ("TO", "走访对象")
    PRODUCED = ("PRODUCED", "产生诉求")
    ALLOCATED_TO = ("ALLOCATED_TO", "拨付")
    JOINED = ("JOINED", "参与")
    GRANTED_TO = ("GRANTED_TO", "授予")
    ISSUED_BY = ("ISSUED_BY", "发布方")
    ACKNOWLEDGED_BY = ("ACKNOWLEDGED_BY", "签收")
    ADDRESSED_TO = ("ADDRESSED_TO", "下发至")


class NodeLabel(Labelled):
    ORGANIZATION = ("Organization", "团组织")
    CENTER = ("Center", "青春格格服务管理中心")
    TOWN_COMMITTEE = ("TownCommittee", "镇街网格团委")
    COMMUNITY_BRANCH = ("CommunityBranch", "村社区网格团总支")
    GRID_BRANCH = ("GridBranch", "网格团支部")
    INDUSTRY_COMMITTEE = ("IndustryCommittee", "行业团工委")
    GRID = ("Grid", "网格")
    CADRE = ("Cadre", "网格团干部")
    TRAINING = ("Training", "培训")
    CHAT_GROUP = ("ChatGroup", "微信群")
    POSITION = ("Position", "阵地")
    SOCIAL_ORGANIZATION = ("SocialOrganization", "社会组织")
    SOCIAL_WORKER = ("SocialWorker", "社会化工作者")
    YOUTH = ("Youth", "青少年")
    APPEAL = ("Appeal", "诉求")
    SERVICE_PROJECT = ("ServiceProject", "服务项目")
    ACTIVITY = ("Activity", "活动")
    ENTERPRISE = ("Enterprise", "企业")
    VISIT = ("Visit", "走访")
    FUND = ("Fund", "经费")
    CAMPAIGN = ("Campaign", "专项行动")
    ASSESSMENT = ("Assessment", "考核")
    AWARD = ("Award", "荣誉")
    NOTICE = ("Notice", "通知")


class ResourceKind(Labelled):
    SOCIAL_ORGANIZATION = ("SOCIAL_ORGANIZATION", "社会组织")
    SOCIAL_WORKER = ("SOCIAL_WORKER", "社会化工作者")
    POSITION = ("POSITION", "阵地")
    SERVICE_PROJECT = ("SERVICE_PROJECT", "服务项目")


# Mobilization, 9th-day visits and assessments (resolvers/mobilization.py, visits.py,
# assessments.py).


class ReachStatus(Labelled):
    DIRECT = ("DIRECT", "本级群直达")
    FALLBACK = ("FALLBACK", "经社区群转达")
    UNREACHABLE = ("UNREACHABLE", "无法送达")


class ReachUnitKind(Labelled):
    GRID_BRANCH = ("GRID_BRANCH", "网格团支部")
    GRID = ("GRID", "网格")


class AcknowledgementState(Labelled):
    ON_TIME = ("ON_TIME", "按时签收")
    LATE = ("LATE", "超时签收")
    PENDING = ("PENDING", "未签收")


class AssessmentGrade(Labelled):
    EXCELLENT = ("EXCELLENT", "优秀")
    GOOD = ("GOOD", "良好")
    PASS = ("PASS", "合格")
    FAIL = ("FAIL", "不合格")


class AssessmentSubject(Labelled):
    TOWN_COMMITTEE = ("TownCommittee", "镇街网格团委")
    COMMUNITY_BRANCH = ("CommunityBranch", "村社区网格团总支")
    GRID_BRANCH = ("GridBranch", "网格团支部")
    CADRE = ("Cadre", "网格团干部")


# -- matching rules ---------------------------------------------------------------------------

# The services that answer an appeal of each category (first: the usual one). The generator refers
# appeals to social organisations offering one of them, nearest in the hierarchy first.
CATEGORY_SERVICES: dict[str, tuple[str, ...]] = {
    "STUDY": ("TUTORING", "FINANCIAL_AID"),
    "EMPLOYMENT": ("EMPLOYMENT_SUPPORT",),
    "PSYCHOLOGICAL": ("PSYCHOLOGICAL_COUNSELING",),
    "LEGAL": ("LEGAL_AID",),
    "LIVING_HARDSHIP": ("FINANCIAL_AID",),
    "CARE": ("CHILD_CARE",),
    "HEALTH": ("HEALTH_CARE",),
    "FAMILY": ("PSYCHOLOGICAL_COUNSELING", "LEGAL_AID"),
}

# The worker skills that go with each service (a worker's skills follow its organisation's).
SERVICE_SKILLS: dict[str, tuple[str, ...]] = {
    "TUTORING": ("TEACHING",),
    "PSYCHOLOGICAL_COUNSELING": ("COUNSELING",),
    "LEGAL_AID": ("LAW", "MEDIATION"),
    "EMPLOYMENT_SUPPORT": ("CAREER_COACHING",),
    "FINANCIAL_AID": ("SOCIAL_WORK",),
    "CHILD_CARE": ("SOCIAL_WORK", "TEACHING"),
    "HEALTH_CARE": ("MEDICINE",),
    "CULTURE_SPORTS": ("ARTS",),
    "VOLUNTEERING": ("SOCIAL_WORK",),
}

# Resource matching (graph/linkage.py): what fits an appeal of each category. Services above
# (and through them the workers' skills), then the positions and project brands; the first of
# each list fits best.
CATEGORY_POSITIONS: dict[str, tuple[str, ...]] = {
    "STUDY": ("YOUTH_HOME", "YOUTH_COMMUNITY"),
    "EMPLOYMENT": ("RECEPTION_ROOM", "YOUTH_STATION"),
    "PSYCHOLOGICAL": ("YOUTH_HOME",),
    "LEGAL": ("RECEPTION_ROOM",),
    "LIVING_HARDSHIP": ("YOUTH_STATION", "YOUTH_HOME"),
    "CARE": ("YOUTH_HOME", "YOUTH_COMMUNITY"),
    "HEALTH": ("YOUTH_STATION",),
    "FAMILY": ("YOUTH_HOME", "RECEPTION_ROOM"),
}
CATEGORY_BRANDS: dict[str, tuple[str, ...]] = {
    "STUDY": ("TUTORING",),
    "EMPLOYMENT": ("TALENT_FESTIVAL",),
    "PSYCHOLOGICAL": ("RIGHTS_PROTECTION",),
    "LEGAL": ("RIGHTS_PROTECTION",),
    "LIVING_HARDSHIP": ("TUTORING", "YOUTH_CREDIT"),
    "CARE": ("SUMMER_CARE",),
    "HEALTH": (),
    "FAMILY": ("RIGHTS_PROTECTION",),
}

# -- mobilization (the tower) --------------------------------------------------------------------

# The report's promise (DOMAIN.md): urgent work reaches every grid within 3 minutes, general
# work within 10; a notice is acknowledged on time within the same minutes.
PROMISE_MINUTES: dict[Urgency, int] = {Urgency.URGENT: 3, Urgency.GENERAL: 10}
