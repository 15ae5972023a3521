"""The bundled Noto fonts for scripts the system may lack (Ge'ez, Arabic), for the UI too.

The PDF embeds them; registered with Qt as well, its font fallback finds them, so a language
name such as ትግርኛ or دری renders in the window instead of as boxes.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFontDatabase

from sip_desk.paths import resource

log = logging.getLogger(__name__)

SCRIPT_FONTS = (
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansEthiopic-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)


@cache
def register_script_fonts() -> tuple[str, ...]:
    """Add the fonts to Qt's font database once; returns the families added."""
    families: list[str] = []
    for name in SCRIPT_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id < 0:
            log.warning("font %s could not be registered", name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return tuple(dict.fromkeys(families))
