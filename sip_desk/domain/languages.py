"""Languages a person may speak or need an interpreter for, stored as codes.

Each is named in its own language and script, so the person recognises it in a list or a print.
A code not listed here (a caseworker may type any language) is shown as typed.
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


def language_name(code: str) -> str:
    """The language's own name for a stored code; anything else as typed."""
    return OWN_NAMES.get(code.strip(), code.strip())
