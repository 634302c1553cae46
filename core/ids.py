"""Ids: the opaque global ids of the API (Relay) and the graph ids of new nodes."""

from __future__ import annotations

import base64
import binascii
import uuid

from core.errors import BadUserInput


def to_global_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode()


def from_global_id(value: str, field: str = "id") -> tuple[str, str]:
    """(type name, graph id) of an opaque id; BAD_USER_INPUT for anything else."""
    try:
        type_name, _, key = base64.urlsafe_b64decode(value.encode()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        type_name, key = "", ""
    if not type_name or not key:
        raise BadUserInput(f"'{value}' is not an id of this API", field=field)
    return type_name, key


def graph_id(value: str, label: str, field: str) -> str:
    """The graph id inside a global id, which must name a node of `label`."""
    type_name, key = from_global_id(value, field)
    if type_name != label:
        raise BadUserInput(f"{field} must be the id of a {label}, not of a {type_name}", field)
    return key


# Id prefixes of created nodes, as in the datasets.
PREFIX = {
    "Organization": "ORG", "Grid": "GR", "Cadre": "CD", "SocialOrganization": "SO",
    "SocialWorker": "SW", "Youth": "Y", "Appeal": "AP", "Position": "PO", "Activity": "AC",
    "Visit": "VI", "Notice": "NO", "Training": "TR", "Assessment": "AS", "Award": "AW",
    "AuditEvent": "AE",
}  # fmt: skip


def new_id(label: str) -> str:
    """A fresh graph id for a node created through the API: the label's prefix and 12 random
    hex digits (the datasets' ids are numbered instead, so the two never meet)."""
    return f"{PREFIX[label]}-{uuid.uuid4().hex[:12].upper()}"
