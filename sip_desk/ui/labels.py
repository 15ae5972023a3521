"""Display names of domain enums, translated (the domain keeps stable English values)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sip_desk.domain.enums import PlanStatus, PrincipalType


def status_label(status: PlanStatus) -> str:
    if status is PlanStatus.DRAFT:
        return QCoreApplication.translate("Labels", "Draft")
    if status is PlanStatus.ACTIVE:
        return QCoreApplication.translate("Labels", "Active")
    return QCoreApplication.translate("Labels", "Closed")


def principal_label(principal: PrincipalType | None) -> str:
    """The lead principal type (kommun / region / other actor)."""
    if principal is PrincipalType.KOMMUN:
        return QCoreApplication.translate("Labels", "Municipality")
    if principal is PrincipalType.REGION:
        return QCoreApplication.translate("Labels", "Region")
    if principal is PrincipalType.OTHER:
        return QCoreApplication.translate("Labels", "Other actor")
    return ""


def lead_label(organisation: str, principal: PrincipalType | None) -> str:
    """The lead organisation with its principal type in brackets, either alone if one is empty."""
    kind = principal_label(principal)
    return f"{organisation} ({kind})" if organisation and kind else organisation or kind
