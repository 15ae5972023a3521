"""What an import file turns into before it is written: checked data with located errors."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date, datetime
from typing import Any, TypeVar

from sip_desk.domain.action import ActionData
from sip_desk.domain.codec import DecodeError, decode_fields
from sip_desk.domain.codec import decode as codec_decode
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.errors import ImportFormatError, ValidationError
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanFields, VersionSummary
from sip_desk.domain.principals import NoEffortReasonDto
from sip_desk.domain.seal_check import SealData
from sip_desk.domain.translation import TranslationDto
from sip_desk.services.plan_json.document import short_value

T = TypeVar("T")
log = logging.getLogger(__name__)


class LocatedError(ValidationError):
    """A domain validation error (``inner``) at JSON path ``where`` of the import file."""

    def __init__(self, where: str, inner: ValidationError) -> None:
        self.where, self.inner = where, inner
        params = {k: v for k, v in inner.params.items() if k != "field"}
        super().__init__(inner.field, inner.code, **params)

    def message(self, lang: str = "sv") -> str:
        """The domain message, prefixed with the JSON path."""
        return f"{self.where}: {self.inner.message(lang)}"


@dataclasses.dataclass(frozen=True, kw_only=True)
class SignatureImport(SignatureDto):
    """A signature from the file (``image_png`` decoded from base64), with its key signature."""

    key_id: str | None = None
    key_signature: str | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class SealImport(SealData):
    """The seal of a signed version from the file (schema version 2), kept as it was made."""

    sealed_at: datetime


@dataclasses.dataclass(frozen=True, kw_only=True)
class VersionImport(VersionSummary):
    """A plan version from the file, with its snapshot, signatures and seal."""

    snapshot: str | None
    signatures: tuple[SignatureImport, ...]
    seal: SealImport | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanImport:
    """A whole plan read from a file, checked; ids are positions in the file's lists."""

    status: PlanStatus
    closed_reason: str
    closed_on: date | None
    created_at: datetime
    updated_at: datetime
    person: PersonData
    has_address: bool
    fields: PlanFields
    participants: tuple[ParticipantData, ...]
    consents: tuple[InformationConsentData, ...]
    goals: tuple[GoalData, ...]
    needs: tuple[NeedData, ...]
    actions: tuple[ActionData, ...]
    meetings: tuple[MeetingData, ...]
    versions: tuple[VersionImport, ...]
    signing_keys: dict[str, str] = dataclasses.field(default_factory=dict)
    translations: tuple[TranslationDto, ...] = ()
    """``item_id`` of a goal's or action's translation is its position in the file's list."""
    no_effort_reasons: tuple[NoEffortReasonDto, ...] = ()


def decode(cls: type[T], raw: dict[str, Any], where: str, **extra: Any) -> T:
    """Dataclass ``cls`` from a schema-checked JSON object; a misfit is an ImportFormatError."""
    try:
        return decode_fields(cls, raw, where, **extra)
    except DecodeError as error:
        raise _misfit(error, raw, where) from None


def decode_value(hint: Any, value: Any, where: str) -> Any:
    """One JSON value as the Python type ``hint``; errors as in :func:`decode`."""
    try:
        return codec_decode(hint, value, where)
    except DecodeError as error:
        raise _misfit(error, value, where) from None


def _misfit(error: DecodeError, raw: Any, where: str) -> ImportFormatError:
    """The import error for a value that does not fit, quoting the value.

    The codec's own explanation is English: it is logged, not shown.
    """
    log.info("import: %s: %s", error.where, error.detail)
    value: Any = raw
    for key in re.findall(r"\.([^.\[]+)|\[(\d+)\]", error.where.removeprefix(where)):
        try:
            value = value[int(key[1])] if key[1] else value[key[0]]
        except (KeyError, IndexError, TypeError):
            return ImportFormatError(error.where, "missing_value")
    return ImportFormatError(error.where, "decode", value=short_value(value))
