"""Enumeration codes of the graph model (DOMAIN.md) with their Chinese labels, and the matching
rules the generator follows (which social-organisation service answers which appeal category).

The codes are what the graph stores; the API may import these tables to label or validate them.
"""

from __future__ import annotations

CADRE_SOURCES = {
    "GRID_WORKER": "网格员",
    "CIVIC_SECRETARY": "民情书记",
    "VILLAGE_CADRE": "村(社区)干部",
    "POLICE": "片警",
    "ENTERPRISE_STAFF": "企事业单位人员",
}
POSTS = {"SECRETARY": "书记", "DEPUTY_SECRETARY": "副书记", "COMMITTEE_MEMBER": "委员"}
GENDERS = {"MALE": "男", "FEMALE": "女"}
SECTORS = {
    "TWO_NEW": "两新组织",
    "COURIER": "快递行业",
    "ECOMMERCE": "电商行业",
    "BUSINESS_DISTRICT": "商圈",
}
TRAINING_TOPICS = {
    "GOVERNANCE": "综合治理",
    "MEDIATION": "居民调解",
    "EMERGENCY_RESCUE": "紧急救助",
    "PSYCHOLOGICAL": "心理疏导",
}
POSITION_TYPES = {
    "YOUTH_HOME": "青年之家",
    "RECEPTION_ROOM": "青年会客厅",
    "YOUTH_COMMUNITY": "青春社区",
    "YOUTH_STATION": "青年驿站",
}
SERVICES = {
    "TUTORING": "课业辅导",
    "PSYCHOLOGICAL_COUNSELING": "心理咨询",
    "LEGAL_AID": "法律援助",
    "EMPLOYMENT_SUPPORT": "就业帮扶",
    "FINANCIAL_AID": "经济救助",
    "CHILD_CARE": "儿童关爱",
    "HEALTH_CARE": "医疗健康",
    "CULTURE_SPORTS": "文体活动",
    "VOLUNTEERING": "志愿服务",
}
SKILLS = {
    "TEACHING": "教学",
    "COUNSELING": "心理咨询",
    "LAW": "法律",
    "SOCIAL_WORK": "社会工作",
    "MEDICINE": "医疗",
    "CAREER_COACHING": "职业指导",
    "ARTS": "文艺",
    "MEDIATION": "调解",
}
DIFFICULTIES = {
    "LEFT_BEHIND": "留守",
    "SINGLE_PARENT": "单亲",
    "DISABILITY": "残疾",
    "LOW_INCOME": "低收入家庭",
    "DROPOUT": "辍学",
    "ORPHAN": "孤儿",
    "UNEMPLOYED": "失业",
}
APPEAL_CATEGORIES = {
    "STUDY": "学业",
    "EMPLOYMENT": "就业",
    "PSYCHOLOGICAL": "心理",
    "LEGAL": "法律",
    "LIVING_HARDSHIP": "生活困难",
    "CARE": "看护关爱",
    "HEALTH": "健康",
    "FAMILY": "家庭",
}
URGENCIES = {"URGENT": "紧急", "GENERAL": "一般"}
# Appeal life cycle: OPEN → MATCHED → IN_PROGRESS → RESOLVED → CLOSED, or OPEN → REJECTED.
# Each state reached has its timestamp: matchedAt, startedAt, resolvedAt, closedAt, rejectedAt.
APPEAL_STATUSES = {
    "OPEN": "待匹配",
    "MATCHED": "已匹配",
    "IN_PROGRESS": "办理中",
    "RESOLVED": "已解决",
    "CLOSED": "已办结",
    "REJECTED": "不予受理",
}
BRANDS = {
    "SUMMER_CARE": "七彩暑托班",
    "TALENT_FESTIVAL": "青年人才节",
    "YOUTH_CREDIT": "青少年信用+",
    "TUTORING": "助学支教",
    "RIGHTS_PROTECTION": "青少年权益保护",
}
VISIT_KINDS = {"NINTH_DAY": "9号议事日走访", "ROUTINE": "日常走访"}
FUND_SOURCES = {
    "DISTRICT_FINANCE": "区财政",
    "TOWN_FINANCE": "镇(街道)财政",
    "SOCIAL_DONATION": "社会捐赠",
}

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
