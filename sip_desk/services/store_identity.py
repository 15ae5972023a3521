"""The store's own UUID, from which calendar events and FHIR resources take their ids.

Two stores never hand out the same id, and one store always hands out the same.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from sip_desk.db.models import Setting

STORE_ID_SETTING = "store.uuid"


def store_uuid(s: Session) -> str:
    """The store's UUID (hex), created on first use within ``s``'s transaction."""
    row = s.get(Setting, STORE_ID_SETTING)
    if row is None:
        row = Setting(key=STORE_ID_SETTING, value=uuid.uuid4().hex)
        s.add(row)
        s.flush()
    return row.value
