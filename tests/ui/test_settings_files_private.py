"""The settings file (recent plan ids, the last export folder) and Qt's file-dialog history are
the user's only: 0600 files, SIP Desk's folder 0700, whatever the umask and an older build left."""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from sip_desk.ui.settings import AppSettings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


@pytest.fixture
def config_root(tmp_path: Path, qapp) -> Iterator[Path]:
    root = tmp_path / "config"
    usual = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(root))
    previous = os.umask(0o022)  # a usual desktop: Qt makes 0755 folders and 0644 files
    try:
        yield root
    finally:
        os.umask(previous)
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, usual)


def _settings() -> QSettings:
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "SIP Desk", "SIP Desk"
    )


def test_an_older_builds_open_settings_are_made_private_when_the_app_starts(
    config_root: Path, qtbot
) -> None:
    from sip_desk.app import DesktopApp

    old = _settings()
    old.setValue("recent/plans", [17])  # a protected person's plan, say
    old.sync()
    history = config_root / "QtProject.conf"
    history.write_text("[FileDialog]\nlastVisited=file:///home/a/Hemligt\n", encoding="utf-8")
    os.chmod(history, 0o644)
    conf = Path(old.fileName())
    assert (mode(conf.parent), mode(conf)) == ("0o755", "0o644")  # as Qt left them

    args = argparse.Namespace(db=None, lang="sv", user="t", debug=False)
    app = DesktopApp(args, AppSettings(_settings()))
    qtbot.addWidget(app.window)
    app.translations.install("en")  # as the other tests expect it

    assert (mode(conf.parent), mode(conf), mode(history)) == ("0o700", "0o600", "0o600")


def test_a_first_run_writes_its_settings_private(config_root: Path) -> None:
    settings = AppSettings(_settings())
    settings.keep_private()  # at start: the folder comes first, 0700
    settings.add_recent_plan(42)
    settings.sync()

    conf = Path(settings.store.fileName())
    assert conf.parent == config_root / "SIP Desk"
    assert (mode(config_root), mode(conf.parent), mode(conf)) == ("0o700", "0o700", "0o600")
