"""Enumerations of the SIP domain; values are stable strings stored in the database and JSON."""

from __future__ import annotations

from enum import StrEnum


class PrincipalType(StrEnum):
    """Who answers for an effort: the municipality, the region or another actor (huvudman)."""

    KOMMUN = "kommun"
    REGION = "region"
    OTHER = "other"


class PlanStatus(StrEnum):
    """Life cycle of a plan."""

    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class InvitationKind(StrEnum):
    """Summoned (obliged principal, kallad) or invited (other actor, inbjuden)."""

    SUMMONED = "summoned"
    INVITED = "invited"


class ConsentForm(StrEnum):
    """How a consent was given."""

    ORAL = "oral"
    WRITTEN = "written"


class ConsentGiver(StrEnum):
    """Who gave a consent."""

    PERSON = "person"
    GUARDIAN = "guardian"
    REPRESENTATIVE = "representative"


class RepresentativeKind(StrEnum):
    """Kind of guardian or legal representative."""

    GUARDIAN = "guardian"
    GOD_MAN = "god_man"
    FORVALTARE = "forvaltare"
    OTHER = "other"


class GoalTerm(StrEnum):
    """Long-term goal (mål) or short-term goal (delmål)."""

    LONG = "long"
    SHORT = "short"


class ActionStatus(StrEnum):
    """Status of an effort/action (insats)."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    NOT_DONE = "not_done"
    CANCELLED = "cancelled"


class ReviewStatus(StrEnum):
    """An action's state as marked at a follow-up meeting."""

    DONE = "done"
    NOT_DONE = "not_done"
    ONGOING = "ongoing"


class GoalOutcome(StrEnum):
    """Evaluation of a goal at a follow-up."""

    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT_ACHIEVED = "not_achieved"


class MeetingKind(StrEnum):
    """The first SIP meeting or a follow-up meeting."""

    FIRST = "first"
    FOLLOW_UP = "follow_up"


class MeetingStatus(StrEnum):
    """Whether a meeting is booked, has been held or was cancelled."""

    BOOKED = "booked"
    HELD = "held"
    CANCELLED = "cancelled"


class FollowUpDecision(StrEnum):
    """Decision taken at a follow-up meeting."""

    CONTINUE = "continue"
    REVISE = "revise"
    CLOSE = "close"


class VersionState(StrEnum):
    """A plan version is a working draft or an immutable signed snapshot."""

    DRAFT = "draft"
    SIGNED = "signed"


class SignatureMethod(StrEnum):
    """How a participant signed a plan version."""

    DRAWN = "drawn"
    PAPER = "paper"


class AuditAction(StrEnum):
    """What was done to a person's data (access log)."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    READ = "read"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    SIGN = "sign"
