"""ORM classes, one module per aggregate. Import from here."""

from sip_desk.db.models.access import AccessEntry
from sip_desk.db.models.audit import AuditEntry, Setting
from sip_desk.db.models.follow_up_draft import DraftActionReview, DraftGoalReview, FollowUpDraft
from sip_desk.db.models.meeting import ActionReview, GoalReview, Meeting
from sip_desk.db.models.no_effort_reason import NoEffortReason
from sip_desk.db.models.person import Organisation, Person, Representative, Unit
from sip_desk.db.models.plan import Plan
from sip_desk.db.models.plan_items import Action, Goal, InformationConsent, Need, Participant
from sip_desk.db.models.translation import Translation
from sip_desk.db.models.version import PlanVersion, Signature, SigningKey, VersionSeal

__all__ = [
    "AccessEntry",
    "Action",
    "ActionReview",
    "AuditEntry",
    "DraftActionReview",
    "DraftGoalReview",
    "FollowUpDraft",
    "Goal",
    "GoalReview",
    "InformationConsent",
    "Meeting",
    "Need",
    "NoEffortReason",
    "Organisation",
    "Participant",
    "Person",
    "Plan",
    "PlanVersion",
    "Representative",
    "Setting",
    "Signature",
    "SigningKey",
    "Translation",
    "Unit",
    "VersionSeal",
]
