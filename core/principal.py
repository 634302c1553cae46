"""Who is calling: an account acting in a role for an organisation (the token's claims)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.Enum):
    DISTRICT_ADMIN = "DISTRICT_ADMIN"
    TOWN_ADMIN = "TOWN_ADMIN"
    COMMUNITY_CADRE = "COMMUNITY_CADRE"
    GRID_CADRE = "GRID_CADRE"
    SOCIAL_ORG = "SOCIAL_ORG"
    INSPECTOR = "INSPECTOR"

    @property
    def sees_personal_data(self) -> bool:
        """Those who work with youth directly (the cadres of their grid and community, and the
        social organisation an appeal was referred to) see personal fields unmasked."""
        return self in (Role.GRID_CADRE, Role.COMMUNITY_CADRE, Role.SOCIAL_ORG)


# The level of organisation each role acts for (its token's `org`): a role can only act for an
# organisation of its level.
ROLE_LEVELS: dict[Role, tuple[str, ...]] = {
    Role.DISTRICT_ADMIN: ("Center",),
    Role.TOWN_ADMIN: ("TownCommittee",),
    Role.COMMUNITY_CADRE: ("CommunityBranch",),
    Role.GRID_CADRE: ("GridBranch",),
    Role.SOCIAL_ORG: ("SocialOrganization",),
    Role.INSPECTOR: ("Center", "TownCommittee"),
}

# The roles that may change the graph (inside their subtree).
WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_ADMIN, Role.COMMUNITY_CADRE, Role.GRID_CADRE)


@dataclass(frozen=True)
class Principal:
    account: str
    role: Role
    org_id: str  # an Organization id, or a SocialOrganization id for SOCIAL_ORG
