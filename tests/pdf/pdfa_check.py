"""Reading a PDF back with pikepdf and qpdf to check what PDF/A-2b asks of it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pikepdf
import pytest

needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")


def qpdf_check(pdf: bytes) -> subprocess.CompletedProcess[str]:
    """``qpdf --check`` on the bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "check.pdf"
        path.write_bytes(pdf)
        command = ["qpdf", "--check", str(path)]
        return subprocess.run(command, check=False, capture_output=True, text=True)


def xmp(pdf: bytes) -> dict[str, Any]:
    """The XMP properties that PDF/A and the archive read."""
    with pikepdf.open(BytesIO(pdf)) as document, document.open_metadata() as meta:
        names = (
            "pdfaid:part",
            "pdfaid:conformance",
            "dc:title",
            "dc:creator",
            "dc:description",
            "dc:language",
            "xmp:CreateDate",
            "xmp:ModifyDate",
            "pdf:Producer",
            "pdf:Keywords",
        )
        return {name: meta.get(name) for name in names}


def info(pdf: bytes) -> dict[str, str]:
    """The document information dictionary as strings."""
    with pikepdf.open(BytesIO(pdf)) as document:
        return {str(key): str(value) for key, value in document.docinfo.items()}


def assert_archival(pdf: bytes, language: str) -> None:
    """PDF/A-2b identification, metadata equal in XMP and /Info, sRGB intent, fonts embedded."""
    meta, docinfo = xmp(pdf), info(pdf)
    assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
    assert meta["dc:title"] == docinfo["/Title"] and docinfo["/Title"]
    assert meta["dc:creator"] == [docinfo["/Author"]]
    assert meta["dc:description"] == docinfo["/Subject"] and docinfo["/Subject"]
    assert meta["dc:language"] == {language}
    assert meta["pdf:Producer"] == docinfo["/Producer"]
    assert meta["pdf:Keywords"] == docinfo.get("/Keywords", "")
    assert _pdf_date(docinfo["/CreationDate"]) == meta["xmp:CreateDate"][:19]
    assert _pdf_date(docinfo["/ModDate"]) == meta["xmp:ModifyDate"][:19]
    with pikepdf.open(BytesIO(pdf)) as document:
        assert "/Encrypt" not in document.trailer
        assert "/ID" in document.trailer
        assert str(document.Root.Lang) == language
        assert "/Filter" not in document.Root.Metadata.stream_dict
        (intent,) = document.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        icc = profile.read_bytes()
        assert profile.N == 3 and icc[16:20] == b"RGB " and icc[36:40] == b"acsp"
        for font in _fonts(document):
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _pdf_date(value: str) -> str:
    """``D:20261121000000+00'00'`` as ``2026-11-21T00:00:00``."""
    digits = value.removeprefix("D:")
    return (
        f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}T{digits[8:10]}:{digits[10:12]}:{digits[12:14]}"
    )


def _fonts(document: pikepdf.Pdf) -> list[Any]:
    found: dict[tuple[int, int], Any] = {}
    for page in document.pages:
        for font in page.Resources.get("/Font", pikepdf.Dictionary()).values():
            found[font.objgen] = font
    assert found, "no fonts"
    return list(found.values())
