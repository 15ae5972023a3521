"""``pdf --lang`` offers every print language and refuses any other with the list of choices."""

from __future__ import annotations

import pytest

from sip_desk.cli import run
from tests.pdf.pdf_text import needs_poppler, pdftotext


@pytest.fixture
def demo_store(tmp_path, capsys) -> str:
    store = str(tmp_path / "demo.sqlite")
    assert run(["--db", store, "demo"]) == 0
    capsys.readouterr()
    return store


@needs_poppler
@pytest.mark.parametrize(("lang", "title"), [("ti", "ትልመይ"), ("uk", "Мій план")])
def test_pdf_in_a_new_print_language_verifies(demo_store, tmp_path, capsys, lang, title) -> None:
    target = tmp_path / f"plan2_{lang}.pdf"

    assert run(["--db", demo_store, "pdf", "2", "-o", str(target), "--lang", lang]) == 0
    capsys.readouterr()
    code = run(["--db", demo_store, "verify", str(target)])

    assert code == 0
    assert "Resultat: OK" in capsys.readouterr().out
    assert title in pdftotext(target.read_bytes(), tmp_path, page=1)


def test_pdf_in_an_unknown_language_lists_the_print_languages(demo_store, tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        run(["--db", demo_store, "pdf", "2", "-o", str(tmp_path / "x.pdf"), "--lang", "de"])

    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "'sv', 'en', 'ar', 'so', 'ti', 'prs', 'fa', 'uk'" in err
    assert not (tmp_path / "x.pdf").exists()
