"""A guard against PySide6 6.12.0 taking references to None it never got (the quit crash).

PySide6/shiboken6 6.12.0 turns an empty QVariant into ``None`` without a new reference: every
``QModelIndex.data()``, ``QComboBox.currentData()`` or ``QAction.data()`` that answers "nothing"
takes one reference from ``None``. After a long session (tables painted and read, combos asked)
the count reaches zero and Python aborts with ``Fatal Python error: none_dealloc``, usually at
quit. 6.11.3 does not do this; 6.12.0 is the only release of the Qt PDF add-on wheel we use, and
Python 3.12+ makes ``None``, ``True`` and ``False`` immortal (PEP 683), which hides the bug.

On Python 3.11 this gives the three singletons the same protection: a reference count so large
(2**40) that no session can take it to zero, as 3.12 does with its own immortal count.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def protect_singletons() -> None:
    """Make ``None``, ``True`` and ``False`` immortal on Python < 3.12; once per process."""
    if sys.version_info >= (3, 12) or getattr(protect_singletons, "done", False):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    protect_singletons.done = True  # type: ignore[attr-defined]
