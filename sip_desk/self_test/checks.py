"""The checks of ``sip-desk --self-test``, on one temporary store.

Each check returns a short detail for its ``ok`` line, raises :class:`CheckFailed` with the
reason, or :class:`Optional` for a part that is not installed and not required.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sip_desk import __version__, paths
from sip_desk.domain.languages import PRINT_LANGUAGES, RIGHT_TO_LEFT
from sip_desk.self_test import parts
from sip_desk.self_test.base import CheckFailed, inside, installation_root
from sip_desk.self_test.parts import TITLE_KEY

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

# Qt PDF reads right-to-left text with its brackets mirrored: compare brackets as one kind.
_BRACKETS = str.maketrans({")": "(", "]": "[", "}": "{"})


def _comparable(text: str) -> str:
    """Text as extracted and as written made alike: no format characters, one kind of space."""
    visible = "".join(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf"
    )
    return " ".join(visible.translate(_BRACKETS).split())


def _face(font: object) -> Any:
    """The TrueType face of a registered font (every font of the PDFs is a ``TTFont``)."""
    from reportlab.pdfbase.ttfonts import TTFont

    if not isinstance(font, TTFont):
        raise CheckFailed(f"font {font} is not a TrueType font from the installation")
    return font.face


class SelfTest:
    """The checks, in order, on a store in ``folder`` (the caller removes the folder)."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._services: Services | None = None
        self._plan_ids: list[int] = []

    def checks(self) -> Iterator[tuple[str, Callable[[], str]]]:
        """``(name, check)`` pairs, in the order they run."""
        yield "installation", self.installation
        yield "store", self.store
        yield "demo plans", self.demo
        yield "fonts", self.fonts
        yield "qt platform", parts.qt_platform
        for lang in PRINT_LANGUAGES:
            yield f"pdf {lang}", partial(self.pdf, lang)
        yield "calendar ics", lambda: parts.calendar(self.services, self._plan_ids, self._folder)
        yield "fhir export", lambda: parts.fhir(self.services, self._plan_ids)
        yield "translations qm", parts.qt_translations
        yield "translations mo", parts.text_catalogues
        yield "postgresql driver", parts.postgres_driver
        yield "encryption sqlcipher", parts.sqlcipher

    def close(self) -> None:
        """Release the store."""
        if self._services is not None:
            self._services.ctx.db.dispose()

    @property
    def services(self) -> Services:
        """The services on the temporary store, once the store check opened it."""
        if self._services is None:
            raise CheckFailed("no store (the store check failed)")
        return self._services

    def installation(self) -> str:
        """The resources folder exists inside the installation (the bundle when frozen)."""
        root = installation_root()
        inside(paths.resources_root(), root, "the resources folder")
        if not paths.resources_root().is_dir():
            raise CheckFailed(f"the resources folder {paths.resources_root()} is missing")
        return f"{__version__}, {root}"

    def store(self) -> str:
        """A new SQLite store in the temporary folder opens (created, migrated)."""
        from sip_desk.bootstrap import open_services
        from sip_desk.domain.audit import UserContext

        path = self._folder / "self-test.sqlite"
        self._services = open_services(
            str(path), user=UserContext(user="self-test"), program="cli", command="self-test"
        )
        return "temporary SQLite store"

    def demo(self) -> str:
        """Every demo case loads into the new store."""
        from sip_desk.services.demo_service import DEMO_CASES

        result = self.services.demo.load_cases()
        self._plan_ids = [plan_id for _key, plan_id in result.created]
        if len(self._plan_ids) != len(DEMO_CASES):
            raise CheckFailed(f"{len(self._plan_ids)} of {len(DEMO_CASES)} demo plans loaded")
        return f"{len(self._plan_ids)} plans"

    def fonts(self) -> str:
        """Every font the PDFs use is registered from the installation's fonts folder."""
        from reportlab.pdfbase import pdfmetrics

        from sip_desk.pdf.fonts import chain

        folder = inside(paths.resource("fonts"), installation_root(), "the fonts folder")
        used = {name for bold in (False, True) for name in chain(bold).names}
        for name in sorted(used):
            path = Path(_face(pdfmetrics.getFont(name)).filename)
            inside(path, folder, f"font {name}:")
        return f"{len(used)} faces from {folder}"

    def _shipped_font_names(self) -> set[str]:
        from reportlab.pdfbase import pdfmetrics

        from sip_desk.pdf.fonts import chain

        names = {n for bold in (False, True) for n in chain(bold).names}
        return {_face(pdfmetrics.getFont(n)).name.decode("ascii") for n in names}

    def pdf(self, lang: str) -> str:
        """A demo plan prints in ``lang``: Qt PDF opens it, pages, title, embedded fonts."""
        from sip_desk.domain.text import text
        from sip_desk.self_test.qt_checks import pdf_pages_text

        if not self._plan_ids:
            raise CheckFailed("no demo plan to print (the demo check failed)")
        data = self.services.documents.render(self._plan_ids[0], language=lang, seal=False).data
        pages = pdf_pages_text(data)
        if not pages:
            raise CheckFailed("the PDF has no pages")
        title = text(lang, TITLE_KEY)
        if not any(_comparable(title) in _comparable(page) for page in pages):
            raise CheckFailed(f"the title {title!r} is not in the PDF's text")
        embedded = self._embedded_fonts(data)
        direction = ", right to left" if lang in RIGHT_TO_LEFT else ""
        return f"{len(pages)} pages, fonts {', '.join(sorted(embedded))}{direction}"

    def _embedded_fonts(self, data: bytes) -> set[str]:
        """The fonts of the PDF; each must be embedded and one of the shipped ones."""
        import pikepdf

        shipped = self._shipped_font_names()
        found: set[str] = set()
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for obj in pdf.objects:
                if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
                    continue
                name = str(obj.get("/BaseFont", "?")).lstrip("/").split("+")[-1]
                descriptor = obj.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in obj:
                    descriptor = obj.DescendantFonts[0].get("/FontDescriptor")
                if descriptor is None or not any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    raise CheckFailed(f"font {name} is not embedded")
                if name not in shipped:
                    raise CheckFailed(f"font {name} is not one of the shipped fonts")
                found.add(name)
        if not found:
            raise CheckFailed("the PDF has no fonts")
        return found
