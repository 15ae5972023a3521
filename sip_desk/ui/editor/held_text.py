"""Text a conflict holds back survives a crash: a small journal in the user's data folder.

While someone else's change of the same field waits for the user's choice, the user's text is
not in the store. Each editor keeps such text in a file of its own in ``paths.recovery_dir()``
(JSON, written whole, flushed to disk, readable by the owner only), from the moment it is held
back until it is saved or the user drops it. A file left by an editor that did not end (a
crash, a kill, a power cut) is offered back when the plan is next opened (recovery_bar.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from sip_desk.domain.errors import DomainError
from sip_desk.files import write_atomically
from sip_desk.paths import recovery_dir
from sip_desk.ui.editor.session import PlanSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HeldText:
    """One field's (or cell's) text held back: ``base`` is the stored text it was typed over."""

    key: str
    label: str
    text: str
    base: str


def store_name(session: PlanSession) -> str:
    """The store the session's plan lives in, without a password."""
    return session.services.ctx.db.engine.url.render_as_string(hide_password=True)


def _prefix(store: str, plan_id: int) -> str:
    return f"{hashlib.sha256(store.encode()).hexdigest()[:16]}-plan{plan_id}-"


class HeldTextJournal:
    """This editor's file of held-back text; it follows ``session.deferred``."""

    def __init__(self, session: PlanSession) -> None:
        self._session = session
        prefix = _prefix(store_name(session), session.plan_id)
        self._name = f"{prefix}{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self._written: dict[str, HeldText] = {}
        session.deferred_changed.connect(self.follow)

    def follow(self) -> None:
        """Write what waits for a choice now; forget what was saved or dropped."""
        held = {}
        for key, edit in self._session.deferred.items():
            c = edit.change
            if c is not None:
                held[key] = HeldText(key, c.label, c.show(c.new), c.show(c.old))
        if held != self._written:
            self._written = held
            try:
                folder = recovery_dir()
            except OSError as failure:
                log.warning("no recovery folder: %s", failure)
                return
            _write(folder / self._name, list(held.values()))


@dataclass(frozen=True)
class LeftOver:
    """Held-back text an editor that did not end left in ``path``."""

    path: Path
    held: tuple[HeldText, ...]

    def without(self, key: str) -> None:
        """The user restored or dropped ``key``: it is no longer offered."""
        _write(self.path, [h for h in self.held if h.key != key])


def left_over(store: str, plan_id: int) -> list[LeftOver]:
    """Files of held-back text for this plan that no running editor keeps (oldest first)."""
    found = []
    try:
        folder = recovery_dir()
    except OSError:
        return []  # nothing could have been kept there either
    paths = sorted(folder.glob(_prefix(store, plan_id) + "*.json"), key=_age)
    for path in paths:
        pid = path.stem.removeprefix(_prefix(store, plan_id)).split("-")[0]
        if _running(pid):
            continue
        try:
            data = json.loads(path.read_text("utf-8"))
            held = tuple(HeldText(**item) for item in data["held"])
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("recovery file %s could not be read; left as it is", path.name)
            continue
        if held:
            found.append(LeftOver(path, held))
    return found


def _age(path: Path) -> float:
    with contextlib.suppress(OSError):
        return path.stat().st_mtime
    return 0.0


def _running(pid: str) -> bool:
    """The editor that writes this file may still run (this app, or another on POSIX)."""
    if not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return True
    if os.name != "posix":
        return False  # no cheap, safe check: offered (a restore still asks on a conflict)
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True


def _write(path: Path, held: list[HeldText]) -> None:
    try:
        if not held:
            path.unlink(missing_ok=True)
            return
        data = {"held": [asdict(h) for h in held]}
        write_atomically(path, json.dumps(data, ensure_ascii=False))  # mode 0600 (mkstemp)
    except (OSError, DomainError) as failure:
        log.warning("recovery file %s not written: %s", path.name, failure)
