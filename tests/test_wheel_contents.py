"""The wheel holds everything the installed program needs, and nothing of the tests.

Builds the wheel once (``pip wheel --no-deps``, about 3 s) and compares its file list with the
source tree. Installing and running it in a fresh environment is ``.ci/wheel.sh``.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sip_desk.domain.languages import PRINT_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _source_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--disable-pip-version-check"]
        + ["-w", str(out), str(ROOT)],
        check=True,
        timeout=240,
    )
    (wheel,) = out.glob("sip_desk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_file_of_the_package_is_in_the_wheel(wheel_names: set[str]) -> None:
    package = [p.relative_to(ROOT).as_posix() for p in _source_files(ROOT / "sip_desk")]
    missing = [name for name in package if name not in wheel_names]
    assert not missing, missing


def test_resources_are_inside_the_package(wheel_names: set[str]) -> None:
    resources = [
        "sip_desk/resources/" + p.relative_to(ROOT / "resources").as_posix()
        for p in _source_files(ROOT / "resources")
        if p.name != ".lock"
    ]
    assert any(name.endswith(".ttf") for name in resources)
    missing = [name for name in resources if name not in wheel_names]
    assert not missing, missing


def test_translations_catalogues_schemas_and_migrations_are_there(
    wheel_names: set[str],
) -> None:
    expected = [
        "sip_desk/resources/i18n/sip_desk_sv.qm",
        "sip_desk/resources/fonts/NotoSans-Regular.ttf",
        "sip_desk/resources/fonts/NotoSansArabic-Regular.ttf",
        "sip_desk/resources/fonts/NotoSansEthiopic-Regular.ttf",
        "sip_desk/resources/color/sRGB.icc",
        "sip_desk/resources/demo/adult.json",
        "sip_desk/resources/icons/plan-open.svg",
        "sip_desk/services/schemas/plan-v1.schema.json",
        "sip_desk/services/schemas/plan-v2.schema.json",
        "sip_desk/db/migrations/env.py",
        "sip_desk/db/migrations/script.py.mako",
        "sip_desk/db/migrations/versions/0001_initial_schema.py",
    ]
    expected += [f"sip_desk/locale/{lang}/LC_MESSAGES/sip_desk.mo" for lang in PRINT_LANGUAGES]
    expected += [
        f"sip_desk/db/migrations/versions/{p.name}"
        for p in (ROOT / "sip_desk" / "db" / "migrations" / "versions").glob("0*.py")
    ]
    missing = [name for name in expected if name not in wheel_names]
    assert not missing, missing


def test_linux_menu_entry_metainfo_and_icon_go_to_share(wheel_names: set[str]) -> None:
    shared = {name.split(".data/data/share/", 1)[1] for name in wheel_names if ".data/" in name}
    assert shared == {
        "applications/se.sipdesk.SipDesk.desktop",
        "metainfo/se.sipdesk.SipDesk.metainfo.xml",
        "icons/hicolor/scalable/apps/se.sipdesk.SipDesk.svg",
    }


def test_nothing_of_the_tests_or_the_tooling_is_shipped(wheel_names: set[str]) -> None:
    top_level = {name.split("/")[0] for name in wheel_names}
    assert top_level <= {"sip_desk", *(n for n in top_level if n.startswith("sip_desk-"))}
    assert not [name for name in wheel_names if "/tests/" in name or "conftest" in name]
    junk = [n for n in wheel_names if "__pycache__" in n or n.endswith((".pyc", "/.lock"))]
    assert not junk
