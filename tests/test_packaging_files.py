"""The installer script and the Linux desktop files say what IT was promised.

Windows: per user without admin rights (per machine on request), one Start-menu entry, nothing
registered, the user's data left on uninstall, the PyInstaller folder as source, the version from
pyproject.toml. Inno Setup does not run here, so the script is read as data. Linux: the menu entry
runs the installed command, and both files pass the freedesktop validators when those are present.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path, PureWindowsPath

import pytest

from sip_desk.paths import APP_AUTHOR, APP_NAME

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "packaging" / "windows" / "sip_desk.iss"
SPEC = ROOT / "packaging" / "sip_desk.spec"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "se.sipdesk.SipDesk.desktop"
METAINFO = LINUX / "se.sipdesk.SipDesk.metainfo.xml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]

Entry = dict[str, str]


def _entry(line: str) -> Entry:
    """``Name: "a"; Filename: "b"; Flags: x y`` as a dict (quoted values may hold ';')."""
    pairs = re.findall(r'\s*(\w+):\s*("[^"]*"|[^;]*)\s*(?:;|$)', line)
    return {key: value.strip().strip('"') for key, value in pairs}


def _iss() -> dict[str, list[str]]:
    """Section name (lower case) to its lines, without comments and preprocessor lines."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if section := re.fullmatch(r"\[(\w+)\]", line):
            current = section.group(1).lower()
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _setup() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in _iss()["setup"])
    return {key.strip().lower(): value.strip() for key, value in pairs}


def _entries(section: str) -> list[Entry]:
    return [_entry(line) for line in _iss().get(section, [])]


def test_installs_per_user_without_admin_rights_and_per_machine_on_request() -> None:
    setup = _setup()
    assert setup["privilegesrequired"] == "lowest"
    assert set(setup["privilegesrequiredoverridesallowed"].split()) == {"dialog", "commandline"}
    # {autopf}: %LOCALAPPDATA%\Programs per user, Program Files per machine.
    assert setup["defaultdirname"].startswith("{autopf}\\")


def test_one_start_menu_entry_and_nothing_registered() -> None:
    icons = _entries("icons")
    assert len(icons) == 1
    assert icons[0]["Name"].startswith("{autoprograms}\\")
    assert icons[0]["Filename"] == "{app}\\sip-desk-gui.exe"  # no console window
    sections = set(_iss())
    assert not sections & {"registry", "ini", "tasks", "uninstallrun"}
    setup = _setup()
    for directive in ("changesassociations", "changesenvironment"):
        assert setup.get(directive, "no") == "no"
    assert setup.get("createuninstallregkey", "yes") == "yes"  # the one entry: Apps › Uninstall


def test_uninstall_leaves_the_users_data_folder() -> None:
    # platformdirs puts the data in %LOCALAPPDATA%\<author>\<app>; the program is elsewhere.
    data = f"{{localappdata}}\\{APP_AUTHOR}\\{APP_NAME}"
    app_dir = _setup()["defaultdirname"].replace("{autopf}", "{localappdata}\\Programs")
    assert not PureWindowsPath(data).is_relative_to(app_dir)
    for section in ("uninstalldelete", "installdelete"):
        for entry in _entries(section):
            assert entry["Name"].startswith("{app}\\"), entry
    assert "uninsneveruninstall" not in ISS.read_text("utf-8")  # nothing left in {app} either


def test_installs_the_folder_pyinstaller_writes() -> None:
    (files,) = _entries("files")
    source = PureWindowsPath(files["Source"])
    assert source.name == "*"
    assert "recursesubdirs" in files["Flags"].split()
    folder = (ISS.parent / Path(*source.parent.parts)).resolve()
    assert folder == ROOT / "dist" / "sip-desk"
    spec = SPEC.read_text("utf-8")
    assert re.search(r'EXE\((?s:.*?)name="sip-desk"', spec)
    assert re.search(r'COLLECT\((?s:.*?)name="sip-desk"', spec)


def test_an_upgrade_removes_the_old_builds_libraries_first() -> None:
    (old,) = _entries("installdelete")
    assert old["Type"] == "filesandordirs" and old["Name"] == "{app}\\_internal"


def test_version_comes_from_pyproject() -> None:
    script = ISS.read_text("utf-8")
    assert "AppVersion={#AppVersion}" in script
    assert re.search(r"#ifndef AppVersion\s+#error", script)  # no stale default version
    build = ROOT / "packaging" / "windows" / "build_installer.py"
    command = subprocess.run(
        [sys.executable, str(build), "--dry-run"], capture_output=True, text=True, check=True
    ).stdout
    assert f"/DAppVersion={PROJECT['version']} " in command
    assert command.rstrip().endswith("sip_desk.iss")


def _desktop() -> ConfigParser:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser


def test_menu_entry_runs_the_installed_command() -> None:
    entry = _desktop()["Desktop Entry"]
    commands = set(PROJECT["scripts"]) | set(PROJECT.get("gui-scripts", {}))
    assert entry["Exec"].split()[0] in commands
    assert entry["TryExec"] == entry["Exec"].split()[0]
    assert (LINUX / f"{entry['Icon']}.svg").is_file()


def test_metainfo_names_the_menu_entry_and_this_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP.stem
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == _desktop()["Desktop Entry"]["Exec"].split()[0]
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == PROJECT["version"]


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_linux_files_pass_the_validators(tool: str, args: list[str], path: Path) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed (.ci/wheel.sh installs and runs it)")
    command = [tool, *args, str(path)]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
