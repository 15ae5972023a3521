"""The user guide (docs/guide/sv and docs/guide/en): every picture it shows exists, every page is
reached from its language's index, both languages have the same pages and pictures, and the README
leads to it. The command that takes its pictures is run by a soak test (it takes about 20 s a
language): ``python -m pytest -m soak tests/test_guide.py``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide"
LANGUAGES = ("sv", "en")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s#]+)(?:#[^)]*)?\)")


def pages(lang: str) -> list[Path]:
    return sorted((GUIDE / lang).glob("*.md"))


def images_shown(page: Path) -> list[str]:
    return [target for _alt, target in IMAGE.findall(page.read_text(encoding="utf-8"))]


def local_links(page: Path) -> list[str]:
    return [t for t in LINK.findall(page.read_text(encoding="utf-8")) if "://" not in t]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_picture_of_the_guide_exists_and_says_what_it_shows(lang: str) -> None:
    shown = 0
    for page in pages(lang):
        for alt, target in IMAGE.findall(page.read_text(encoding="utf-8")):
            assert (page.parent / target).is_file(), (page.name, target)
            assert target.startswith("img/") and target.endswith(".png"), (page.name, target)
            assert alt.strip(), (page.name, target)  # a reader who cannot see it is told
            shown += 1
    assert shown >= 10


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_reached_from_the_index_and_every_link_leads_somewhere(lang: str) -> None:
    index = GUIDE / lang / "README.md"
    linked = {(index.parent / t).resolve() for t in local_links(index)}
    for page in pages(lang):
        if page != index:
            assert page.resolve() in linked, page.name
            assert "README.md" in local_links(page), page.name  # and back to the contents
        for target in local_links(page):
            assert (page.parent / target).exists(), (page.name, target)


def test_both_languages_have_the_same_pages_and_pictures() -> None:
    sv, en = ([p.name for p in pages(lang)] for lang in LANGUAGES)
    assert sv == en
    assert len(sv) >= 7
    for name in sv:
        assert images_shown(GUIDE / "sv" / name) == images_shown(GUIDE / "en" / name), name
    stored = [sorted(p.name for p in (GUIDE / lang / "img").glob("*.png")) for lang in LANGUAGES]
    assert stored[0] == stored[1]
    used = {Path(t).name for page in pages("sv") for t in images_shown(page)}
    assert set(stored[0]) == used  # no picture taken that no page shows


def test_the_readme_leads_to_the_guide_in_both_languages() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        assert f"(docs/guide/{lang}/README.md)" in readme


@pytest.mark.soak
def test_the_guide_command_takes_every_picture_the_guide_shows(tmp_path: Path) -> None:
    """The pictures of one language, taken again into a folder of the test's own."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    run = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "guide_shots.py"), "en", "--into", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    taken = sorted(p.name for p in (tmp_path / "en" / "img").glob("*.png"))
    assert taken == sorted(p.name for p in (GUIDE / "en" / "img").glob("*.png"))
    assert all((tmp_path / "en" / "img" / name).stat().st_size > 3000 for name in taken)
