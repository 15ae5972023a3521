"""Labels of the invitation letter and the follow-up appendix: the keys ``letter.*``.

Labels the plan PDF already has come from :mod:`sip_desk.pdf.labels`; these are the ones only
the letter and the appendix use. They exist in Swedish and English; Arabic falls back to Swedish.
"""

from __future__ import annotations

from sip_desk.domain.text import text


def label(language: str, key: str, **values: object) -> str:
    """The label ``key`` in ``language`` (Swedish when missing) with placeholders filled."""
    return text(language, f"letter.{key}", **values)


def weekday(language: str, index: int) -> str:
    """The name of weekday ``index`` (0 = Monday)."""
    return label(language, "weekday").split()[index]
