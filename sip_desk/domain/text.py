"""Every text outside Qt: domain messages, PDF labels, CLI output, calendar and letter texts.

One gettext catalogue per language, ``sip_desk/locale/<lang>/LC_MESSAGES/sip_desk.po``, compiled to
the ``.mo`` beside it with Babel (``python packaging/text_catalogues.py compile``); both are
committed, so a fresh clone, a wheel and a frozen build find them without a build step. The Qt
UI stays on Linguist (``resources/i18n``).

The msgid is a stable key (``validation.required``, ``pdf.sec.goals``), not the English text:
the codes are already the interface between the layers (a :class:`DomainError` carries one), one
English word can need two Swedish ones (``Reason`` is *Skäl* or *Anledning*), and rewording the
English does not orphan the translations. English is the source catalogue: every key exists
there first. Placeholders are ``{name}`` for :meth:`str.format` everywhere.

A key missing in a language falls back to Swedish, the default language of the plan and of the
program; a key missing everywhere comes back as the key itself, so a message never vanishes.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache
from importlib.resources import files

from sip_desk.domain.languages import PRINT_LANGUAGES

DOMAIN = "sip_desk"
SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "sv"
LANGUAGES = PRINT_LANGUAGES  # one catalogue per print language


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` chained to Swedish; cached per language."""
    if lang not in LANGUAGES:
        return _catalogue(DEFAULT_LANGUAGE)
    path = files("sip_desk") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as fp:
        catalogue = gettext.GNUTranslations(fp)
    if lang != DEFAULT_LANGUAGE:
        catalogue.add_fallback(_catalogue(DEFAULT_LANGUAGE))
    return catalogue


def text(lang: str, key: str, /, **params: object) -> str:
    """The text ``key`` in ``lang`` with its ``{placeholders}`` filled from ``params``.

    A placeholder with no value is left as written rather than raising: a message shown with
    ``{name}`` in it is better than a traceback in front of the user.
    """
    template = _catalogue(lang).gettext(key)
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def known(lang: str, key: str) -> bool:
    """True when ``key`` has a text in ``lang`` or in its Swedish fallback."""
    return _catalogue(lang).gettext(key) != key


def fill(lang: str, key: str, params: Mapping[str, object]) -> str:
    """:func:`text` with the parameters as a mapping (None becomes empty)."""
    return text(lang, key, **{k: ("" if v is None else v) for k, v in params.items()})
