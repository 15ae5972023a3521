"""Reading rendered PDFs back in tests: text (pdftotext and pypdf), word boxes, fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

# Bidi controls, and the joiners, which are not drawn (Persian "می‌شود" reads back as "میشود").
_CONTROLS = re.compile("[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)


def normalise(text: str) -> str:
    """Presentation forms to letters (NFKC), bidi controls and joiners out, whitespace collapsed."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def pdftotext(pdf: bytes, tmp_path: Path, page: int | None = None) -> str:
    """The text as poppler extracts it (right-to-left lines in reading order), normalised."""
    source = tmp_path / "extract.pdf"
    source.write_bytes(pdf)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", *pages, str(source), "-"], check=True, capture_output=True, text=True
    )
    return normalise(out.stdout)


def word_boxes(pdf: bytes, tmp_path: Path, page: int) -> list[tuple[str, float, float]]:
    """``(word, x_min, x_max)`` of each word on ``page``, from ``pdftotext -bbox``."""
    source = tmp_path / "boxes.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(source), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>')
    return [(normalise(w), float(a), float(b)) for a, b, w in pattern.findall(html)]


def pypdf_text(pdf: bytes) -> str:
    """All pages' text as pypdf extracts it, normalised."""
    reader = PdfReader(BytesIO(pdf))
    return normalise(" ".join(page.extract_text() for page in reader.pages))


def fonts(pdf: bytes) -> dict[str, Any]:
    """Every font resource used on any page, by base font name."""
    found: dict[str, Any] = {}
    for page in PdfReader(BytesIO(pdf)).pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found
