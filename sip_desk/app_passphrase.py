"""The passphrase of an encrypted store at the window's start: known, else asked."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from sip_desk.domain.errors import DomainError, StoreError

log = logging.getLogger(__name__)


def ask_store_passphrase(window: QWidget, store: str, lang: str) -> str | None:
    """The passphrase of ``store``: from a file or the keyring when it opens it, else asked.

    Asked in a dialog (remembered in the keyring when the user says so); ``None`` when the
    user quit the dialog.
    """
    from sip_desk import passphrase
    from sip_desk.bootstrap import store_key
    from sip_desk.ui.dialogs.passphrase_dialog import PassphraseDialog

    def check(key: str) -> DomainError | None:
        try:
            store_key(store, key)
        except StoreError as error:
            return error
        return None

    try:
        known = passphrase.known(store)
    except DomainError as error:  # an unreadable passphrase file: ask instead
        log.warning("passphrase not read: %s", error.message("en"))
        known = None
    if known is not None and check(known) is None:
        return known
    where, can_remember = passphrase.store_id(store), passphrase.keyring_available()
    answer = PassphraseDialog.ask(window, where, check, lang, can_remember)
    if answer is not None and answer.remember:
        passphrase.remember(store, answer.passphrase)
    return None if answer is None else answer.passphrase
