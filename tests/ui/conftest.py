"""Fixtures for UI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from sip_desk.ui.background import app_lane
from sip_desk.ui.i18n import Translations
from tests.ui.question_boxes import forget_unused_answers


@pytest.fixture(params=["sv", "en"])
def lang(request, qapp: QApplication) -> Iterator[str]:
    """The UI's language: a test asking for it runs once in Swedish and once in English."""
    translations = Translations()
    translations.install(request.param)
    yield request.param
    translations.install("en")


@pytest.fixture(autouse=True)
def _background_work_ends_with_the_test() -> Iterator[None]:
    """Work a test started on the runner ends before the next test starts."""
    yield
    forget_unused_answers()
    if QCoreApplication.instance() is not None:
        assert app_lane().wait(30_000), "background work still running after 30 s"
        QCoreApplication.sendPostedEvents()


@pytest.fixture(autouse=True)
def _data_folder_of_the_test(tmp_path_factory, monkeypatch) -> None:
    """The user's data folder (recovery journal, logs) is the test's own, child processes too."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg_data")))
