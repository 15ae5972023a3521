"""What a translation made at the meeting may be (``domain.translation``)."""

from __future__ import annotations

from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.languages import PRINT_LANGUAGES
from sip_desk.domain.translation import ORIGINAL, is_translatable
from sip_desk.domain.validation import TEXT_MAX


def check_translation(language: str, field: str, item_id: int | None, text: str) -> None:
    """Refuse a translation the plan cannot hold.

    Raises:
        DomainError: ``translation.language``: not a print language other than Swedish.
        ValidationErrors: the text names no translatable text, or is too long.
    """
    if language not in PRINT_LANGUAGES or language == ORIGINAL:
        raise DomainError("translation.language", value=language)
    key = f"translation.{field}"
    if not is_translatable(field, item_id):
        raise ValidationErrors([ValidationError(key, "validation.unknown_reference")])
    if len(text) > TEXT_MAX:
        raise ValidationErrors([ValidationError(key, "validation.too_long", max=TEXT_MAX)])
