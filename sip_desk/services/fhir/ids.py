"""Stable ``urn:uuid`` full URLs for the resources of one plan's bundle.

Each id is a UUID-5 of the store's own UUID and the item's kind and database id, so exporting
the same plan again gives the same ids (a receiver can update instead of duplicate) while two
stores never collide.
"""

from __future__ import annotations

import uuid
from typing import Any


class Ids:
    """Names every resource of one bundle."""

    def __init__(self, namespace: uuid.UUID, plan_id: int) -> None:
        self._namespace = namespace
        self._plan_id = plan_id

    def uuid(self, kind: str, key: object = "") -> str:
        """The UUID of item ``key`` of ``kind`` in this plan."""
        name = f"sip-desk/plan/{self._plan_id}/{kind}/{key}"
        return str(uuid.uuid5(self._namespace, name))

    def url(self, kind: str, key: object = "") -> str:
        """The entry's ``fullUrl`` (and what references point to)."""
        return f"urn:uuid:{self.uuid(kind, key)}"

    def entry(self, kind: str, key: object, resource: dict[str, Any]) -> dict[str, Any]:
        """A Bundle entry for ``resource``, its ``id`` the UUID of its ``fullUrl``."""
        head = {"resourceType": resource["resourceType"], "id": self.uuid(kind, key)}
        return {"fullUrl": self.url(kind, key), "resource": {**head, **resource}}


def ref(url: str, display: str = "") -> dict[str, Any]:
    """A Reference to a resource in the bundle."""
    return {"reference": url, "display": display} if display else {"reference": url}
