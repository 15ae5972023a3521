"""Translations: the Swedish catalogue is complete, placeholders match, the .qm is current."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sip_desk.paths import resource
from sip_desk.ui.i18n import Translations

TS = resource("i18n", "sip_desk_sv.ts")
QM = resource("i18n", "sip_desk_sv.qm")
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def _translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None:
        return []
    forms = [f.text or "" for f in tr.iter("numerusform")]
    return forms or [tr.text or ""]


def test_i18n_swedish_catalogue_has_no_unfinished_entries() -> None:
    unfinished = [
        m.findtext("source")
        for m in _messages()
        if (tr := m.find("translation")) is not None and tr.get("type") == "unfinished"
    ]
    assert not unfinished, f"{len(unfinished)} untranslated: {unfinished[:20]}"


def test_i18n_placeholders_match_between_source_and_translation() -> None:
    bad = []
    for message in _messages():
        source = message.findtext("source") or ""
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in _translations(message):
            if text and sorted(set(PLACEHOLDER.findall(text))) != wanted:
                bad.append((source, text))
    assert not bad


def test_i18n_committed_qm_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    # The tool of the virtual environment running the tests: it need not be on PATH.
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease is not None, "pyside6-lrelease is not installed beside this Python"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert QM.read_bytes() == fresh.read_bytes(), "run: python packaging/i18n.py compile"


@pytest.fixture
def translations(qapp: QApplication):
    installed = Translations()
    yield installed
    installed.install("en")


def test_i18n_swedish_translates_our_strings_and_qt_standard_buttons(translations) -> None:
    translations.install("sv")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)

    assert QApplication.translate("Labels", "Draft") == "Utkast"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"


def test_i18n_english_removes_the_translators(translations) -> None:
    translations.install("sv")

    used = translations.install("en")

    assert used == "en"
    assert QApplication.translate("Labels", "Draft") == "Draft"


def test_i18n_unknown_language_falls_back_to_swedish(translations) -> None:
    assert translations.install("xx") == "sv"
