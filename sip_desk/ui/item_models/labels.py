"""Display names of domain enumerations, translated (the domain stores stable English values)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    FollowUpDecision,
    GoalOutcome,
    GoalTerm,
    InvitationKind,
    PrincipalType,
    RepresentativeKind,
    ReviewStatus,
)


def enum_labels(enum: type[StrEnum]) -> dict[str, str]:
    """Value → display name for every member of ``enum``."""
    table: dict[type[StrEnum], dict[str, object]] = {
        PrincipalType: {
            PrincipalType.KOMMUN: QT_TRANSLATE_NOOP("EnumLabels", "Municipality"),
            PrincipalType.REGION: QT_TRANSLATE_NOOP("EnumLabels", "Region"),
            PrincipalType.OTHER: QT_TRANSLATE_NOOP("EnumLabels", "Other actor"),
        },
        InvitationKind: {
            InvitationKind.SUMMONED: QT_TRANSLATE_NOOP("EnumLabels", "Summoned"),
            InvitationKind.INVITED: QT_TRANSLATE_NOOP("EnumLabels", "Invited"),
        },
        ConsentForm: {
            ConsentForm.ORAL: QT_TRANSLATE_NOOP("EnumLabels", "Oral"),
            ConsentForm.WRITTEN: QT_TRANSLATE_NOOP("EnumLabels", "Written"),
        },
        ConsentGiver: {
            ConsentGiver.PERSON: QT_TRANSLATE_NOOP("EnumLabels", "The person"),
            ConsentGiver.GUARDIAN: QT_TRANSLATE_NOOP("EnumLabels", "Guardian"),
            ConsentGiver.REPRESENTATIVE: QT_TRANSLATE_NOOP("EnumLabels", "Legal representative"),
        },
        GoalTerm: {
            GoalTerm.LONG: QT_TRANSLATE_NOOP("EnumLabels", "Long-term goal"),
            GoalTerm.SHORT: QT_TRANSLATE_NOOP("EnumLabels", "Short-term goal"),
        },
        ActionStatus: {
            ActionStatus.PLANNED: QT_TRANSLATE_NOOP("EnumLabels", "Planned"),
            ActionStatus.ONGOING: QT_TRANSLATE_NOOP("EnumLabels", "Ongoing"),
            ActionStatus.DONE: QT_TRANSLATE_NOOP("EnumLabels", "Done"),
            ActionStatus.NOT_DONE: QT_TRANSLATE_NOOP("EnumLabels", "Not done"),
            ActionStatus.CANCELLED: QT_TRANSLATE_NOOP("EnumLabels", "Cancelled"),
        },
        ReviewStatus: {
            ReviewStatus.DONE: QT_TRANSLATE_NOOP("EnumLabels", "Done"),
            ReviewStatus.NOT_DONE: QT_TRANSLATE_NOOP("EnumLabels", "Not done"),
            ReviewStatus.ONGOING: QT_TRANSLATE_NOOP("EnumLabels", "Ongoing"),
        },
        GoalOutcome: {
            GoalOutcome.ACHIEVED: QT_TRANSLATE_NOOP("EnumLabels", "Achieved"),
            GoalOutcome.PARTLY: QT_TRANSLATE_NOOP("EnumLabels", "Partly achieved"),
            GoalOutcome.NOT_ACHIEVED: QT_TRANSLATE_NOOP("EnumLabels", "Not achieved"),
        },
        FollowUpDecision: {
            FollowUpDecision.CONTINUE: QT_TRANSLATE_NOOP("EnumLabels", "Continue the plan"),
            FollowUpDecision.REVISE: QT_TRANSLATE_NOOP("EnumLabels", "Revise the plan"),
            FollowUpDecision.CLOSE: QT_TRANSLATE_NOOP("EnumLabels", "Close the plan"),
        },
        RepresentativeKind: {
            RepresentativeKind.GUARDIAN: QT_TRANSLATE_NOOP("EnumLabels", "Guardian"),
            RepresentativeKind.GOD_MAN: QT_TRANSLATE_NOOP("EnumLabels", "Trustee (god man)"),
            RepresentativeKind.FORVALTARE: QT_TRANSLATE_NOOP(
                "EnumLabels", "Administrator (förvaltare)"
            ),
            RepresentativeKind.OTHER: QT_TRANSLATE_NOOP("EnumLabels", "Other representative"),
        },
    }
    return {
        str(k): QCoreApplication.translate("EnumLabels", str(v)) for k, v in table[enum].items()
    }


def enum_choices(enum: type[StrEnum], none: str | None = None) -> list[tuple[object, str]]:
    """(stored string, label) pairs for a picker; ``none`` adds a first "not chosen" entry."""
    pairs: list[tuple[object, str]] = [] if none is None else [("", none)]
    pairs += list(enum_labels(enum).items())
    return pairs
