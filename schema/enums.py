"""The domain's enumerations (core/vocabulary.py) published as GraphQL enums; each value's
description is its Chinese label."""

from __future__ import annotations

import strawberry

from core.principal import Role
from core.vocabulary import (
    AcknowledgementState,
    AppealCategory,
    AppealStatus,
    AssessmentGrade,
    AssessmentSubject,
    AwardTitle,
    CadreSource,
    Difficulty,
    FundSource,
    Gender,
    Labelled,
    NodeLabel,
    OrgKind,
    PositionType,
    Post,
    ProjectBrand,
    ReachStatus,
    ReachUnitKind,
    RelationshipType,
    ResourceKind,
    Sector,
    ServiceType,
    Skill,
    TrainingTopic,
    Urgency,
    VisitKind,
)

__all__ = [
    "AcknowledgementState", "AppealCategory", "AppealStatus", "AssessmentGrade",
    "AssessmentSubject", "AwardTitle", "CadreSource", "Difficulty", "FundSource", "Gender",
    "NodeLabel", "OrgKind", "PositionType", "Post", "ProjectBrand", "ReachStatus", "ReachUnitKind",
    "RelationshipType", "ResourceKind", "Role", "Sector", "ServiceType", "Skill", "TrainingTopic",
    "Urgency", "VisitKind",
]  # fmt: skip

DESCRIPTIONS: dict[type[Labelled], str] = {
    OrgKind: "The kind (level) of an organisation",
    Sector: "The sector of an industry league committee",
    CadreSource: "Where a grid league cadre was drawn from",
    Post: "A cadre's post in an organisation",
    Gender: "Gender",
    TrainingTopic: "The topic of a cadre training",
    PositionType: "The type of an offline position (阵地)",
    ProjectBrand: "The brand of a service project",
    Urgency: "Urgency: urgent work reaches every grid within 3 minutes, general within 10",
    AppealCategory: "What an appeal (诉求) is about",
    AppealStatus: "Where an appeal is in its life",
    Difficulty: "A difficulty of a youth in difficulty (困境青少年)",
    ServiceType: "A service a social organisation offers",
    Skill: "A skill of a social worker",
    VisitKind: "The kind of a visit",
    FundSource: "Where money came from",
    AwardTitle: "An award's title",
    RelationshipType: "A relationship type of the graph",
    NodeLabel: "A node label of the graph",
    ResourceKind: "A kind of resource that can help with an appeal",
    ReachStatus: "How the tower reaches a unit",
    ReachUnitKind: "A unit the tower must reach",
    AcknowledgementState: "Where an addressee stands with a notice",
    AssessmentGrade: "The grade of a weighted assessment total (90, 80, 60)",
    AssessmentSubject: "Whom an assessment ranking compares",
}

for _cls, _description in DESCRIPTIONS.items():
    _values = "; ".join(f"{m.value} {m.label}" for m in _cls)
    strawberry.enum(_cls, description=f"{_description} ({_values})")
strawberry.enum(Role, description="What an account may do and see")
