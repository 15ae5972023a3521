"""Domain messages by code, in the user's language, from the text catalogue (:mod:`text`).

The domain layer has no Qt, so its messages cannot go through ``tr()``; the UI, CLI and PDF pick
the language and call :func:`render`. Field labels are the keys ``field.<field key>``.
"""

from __future__ import annotations

from collections.abc import Mapping

from sip_desk.domain.text import fill, known, text

__all__ = ["label", "render"]


def label(field: str, lang: str) -> str:
    """The display label of a field key in ``lang``; falls back to the key's last part."""
    key = f"field.{field}"
    return text(lang, key) if known(lang, key) else field.rsplit(".", 1)[-1]


def render(code: str, lang: str, params: Mapping[str, object]) -> str:
    """Render message ``code`` in ``lang`` with ``params``; unknown codes render as the code."""
    values = dict(params)
    field = params.get("field")
    if isinstance(field, str):
        values.setdefault("label", label(field, lang))
    return fill(lang, code, values)
