"""Lazy references to the GraphQL types, so that modules that refer to each other need not
import each other (a module per type, as in strawberry-swapi)."""

from typing import Annotated

import strawberry

Organization = Annotated["Organization", strawberry.lazy("schema.organization")]
Grid = Annotated["Grid", strawberry.lazy("schema.grid")]
Cadre = Annotated["Cadre", strawberry.lazy("schema.cadre")]
Training = Annotated["Training", strawberry.lazy("schema.training")]
ChatGroup = Annotated["ChatGroup", strawberry.lazy("schema.chat_group")]
Position = Annotated["Position", strawberry.lazy("schema.position")]
SocialOrganization = Annotated["SocialOrganization", strawberry.lazy("schema.social")]
SocialWorker = Annotated["SocialWorker", strawberry.lazy("schema.social")]
Youth = Annotated["Youth", strawberry.lazy("schema.youth")]
Appeal = Annotated["Appeal", strawberry.lazy("schema.appeal")]
ServiceProject = Annotated["ServiceProject", strawberry.lazy("schema.project")]
Activity = Annotated["Activity", strawberry.lazy("schema.project")]
Enterprise = Annotated["Enterprise", strawberry.lazy("schema.enterprise")]
Visit = Annotated["Visit", strawberry.lazy("schema.visit")]
Fund = Annotated["Fund", strawberry.lazy("schema.fund")]
Campaign = Annotated["Campaign", strawberry.lazy("schema.campaign")]
Assessment = Annotated["Assessment", strawberry.lazy("schema.assessment")]
Award = Annotated["Award", strawberry.lazy("schema.assessment")]
Notice = Annotated["Notice", strawberry.lazy("schema.notice")]
