"""Lazy references to the GraphQL types, so that modules that refer to each other need not
import each other (a module per type, as in strawberry-swapi)."""

from typing import Annotated

import strawberry

Organization = Annotated["Organization", strawberry.lazy("schema.nodes.organization")]
Grid = Annotated["Grid", strawberry.lazy("schema.nodes.grid")]
Cadre = Annotated["Cadre", strawberry.lazy("schema.nodes.cadre")]
Training = Annotated["Training", strawberry.lazy("schema.nodes.training")]
ChatGroup = Annotated["ChatGroup", strawberry.lazy("schema.nodes.chat_group")]
Position = Annotated["Position", strawberry.lazy("schema.nodes.position")]
SocialOrganization = Annotated[
    "SocialOrganization", strawberry.lazy("schema.nodes.social_organization")
]
SocialWorker = Annotated["SocialWorker", strawberry.lazy("schema.nodes.social_worker")]
Youth = Annotated["Youth", strawberry.lazy("schema.nodes.youth")]
Appeal = Annotated["Appeal", strawberry.lazy("schema.nodes.appeal")]
ServiceProject = Annotated["ServiceProject", strawberry.lazy("schema.nodes.service_project")]
Activity = Annotated["Activity", strawberry.lazy("schema.nodes.activity")]
Enterprise = Annotated["Enterprise", strawberry.lazy("schema.nodes.enterprise")]
Visit = Annotated["Visit", strawberry.lazy("schema.nodes.visit")]
Fund = Annotated["Fund", strawberry.lazy("schema.nodes.fund")]
Campaign = Annotated["Campaign", strawberry.lazy("schema.nodes.campaign")]
Assessment = Annotated["Assessment", strawberry.lazy("schema.nodes.assessment")]
Award = Annotated["Award", strawberry.lazy("schema.nodes.award")]
Notice = Annotated["Notice", strawberry.lazy("schema.nodes.notice")]
