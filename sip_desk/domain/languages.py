"""Language codes: the languages a person may speak, and the languages a plan prints in.

Each is named in its own language and script, so the person recognises it in a list or a print.
A code not listed here (a caseworker may type any language) is shown as typed.

A plan can be printed in each of :data:`PRINT_LANGUAGES`: each has a text catalogue
(``sip_desk/locale/<code>``) with every fixed text of the printed plan. Each catalogue records
how far its translation has been checked in its header field ``X-Review-State``, one of
:data:`REVIEW_STATES`; the README lists them.
"""

from __future__ import annotations

OWN_NAMES: dict[str, str] = {
    "sv": "Svenska",
    "en": "English",
    "ar": "العربية",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "prs": "دری",
    "fa": "فارسی",
    "ps": "پښتو",
    "ckb": "کوردیی ناوەندی",
    "kmr": "Kurmancî",
    "am": "አማርኛ",
    "uk": "Українська",
    "ru": "Русский",
    "pl": "Polski",
    "bs": "Bosanski / Hrvatski / Srpski",
    "sq": "Shqip",
    "tr": "Türkçe",
    "ro": "Română",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "th": "ไทย",
    "fi": "Suomi",
    "fit": "Meänkieli",
    "se": "Davvisámegiella",
    "rom": "Romani chib",
    "yi": "ייִדיש",
    "swl": "Svenskt teckenspråk",
}


# The languages a plan prints in: Swedish, English, then the languages most often needed by
# people in Sweden who read little Swedish.
PRINT_LANGUAGES = ("sv", "en", "ar", "so", "ti", "prs", "fa", "uk")

# Written right to left (the print mirrors its layout for these).
RIGHT_TO_LEFT = frozenset({"ar", "prs", "fa", "ps", "ckb", "yi"})

# How far a print language's catalogue has been checked (its ``X-Review-State`` header).
SOURCE = "source"
PROJECT = "written in the project's working language"
NATIVE_CHECKED = "checked by a native speaker"
MACHINE_ASSISTED = "machine-assisted, not yet checked by a native speaker"
REVIEW_STATES = (SOURCE, PROJECT, NATIVE_CHECKED, MACHINE_ASSISTED)


def is_right_to_left(code: str) -> bool:
    """True when the language ``code`` is written right to left."""
    return code.strip() in RIGHT_TO_LEFT


def language_name(code: str) -> str:
    """The language's own name for a stored code; anything else as typed."""
    return OWN_NAMES.get(code.strip(), code.strip())
