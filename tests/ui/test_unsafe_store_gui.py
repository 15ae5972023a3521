"""The window refuses a store others may write to: the store-error dialog says what to do."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.domain.audit import UserContext
from sip_desk.services.store_checks import convert_store
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


def test_an_encrypted_store_others_may_write_is_refused_before_the_passphrase_is_asked(
    qtbot,
    desktop,  # noqa: F811 (the fixture imported above)
    tmp_path,
    monkeypatch,
) -> None:
    pytest.importorskip("sqlcipher3")
    from tests.ui.test_passphrase_dialog import KEY, _answer, _type

    monkeypatch.delenv("SIP_DESK_PASSPHRASE_FILE", raising=False)
    store = tmp_path / "sip_desk.sqlite"
    services = open_services(str(store), user=UserContext(user="t"))
    services.demo.generate(3, seed=2)
    services.ctx.db.dispose()
    convert_store(str(store), "encrypt", None, KEY, datetime(2026, 12, 1, 9))
    os.chmod(store, 0o666)
    app = desktop(str(store))
    said = _answer([_type(qtbot, KEY)])  # what the passphrase dialog said, once answered
    answered_before_the_refusal: list[int] = []

    def fix() -> None:
        answered_before_the_refusal.append(len(said))
        os.chmod(store, 0o600)

    refusals = DialogAnswers(qtbot).click("storeErrorRetry", before=fix)

    app.open_store()

    assert str(refusals.seen[0]["message"]).startswith(f"{store} kan ändras av andra konton")
    assert answered_before_the_refusal == [0]  # no passphrase typed for a store others control
    assert said == [""]  # asked after "Försök igen", and it opened at once
    assert app.services is not None and app.services.ctx.db.passphrase == KEY
