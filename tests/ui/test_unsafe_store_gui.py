"""The window refuses a store others may write to: the store-error dialog says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.test_store_errors_gui import DialogAnswers, desktop  # noqa: F401 (a fixture)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_a_planted_world_writable_store_is_refused_with_the_fix_and_retried(
    qtbot,
    desktop,  # noqa: F811 (the fixture imported above)
    tmp_path,
) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    store = folder / "sip_desk.sqlite"
    store.touch()
    os.chmod(store, 0o666)  # as another user left it for the victim
    app = desktop(str(store))
    answers = DialogAnswers(qtbot).click("storeErrorRetry", before=lambda: os.chmod(store, 0o600))

    app.open_store()

    message = str(answers.seen[0]["message"])
    assert message.startswith(f"{store} kan ändras av andra konton (läge 666).")
    assert message.endswith(f"chmod 600 {store}")
    assert app.services is not None  # fixed by its owner, "Försök igen" opened it
    assert Path(store).stat().st_size > 0
