"""The editor's commands, their actions and its toolbar: undo/redo named after the last edit,
save, meeting mode, go to what is missing, print and sign, and Alt+n to jump to a section."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from sip_desk.ui.editor import undo_steps, unsaved
from sip_desk.ui.editor.reveal import scroll_to_top

if TYPE_CHECKING:
    from sip_desk.ui.editor.plan_editor import PlanEditor
    from sip_desk.ui.editor.section import Section

_KEY = QKeySequence


class EditorActions(QObject):
    """Builds the editor's actions (with shortcuts) and fills its toolbar.

    Undo and redo show the short "Undo"/"Redo" on the toolbar; their full text (for a menu
    and the tooltip) names the edit, e.g. "Ångra Ändra Anledning till SIP".
    """

    def __init__(self, editor: PlanEditor, toolbar: QToolBar) -> None:
        super().__init__(editor)
        self.editor, self.toolbar = editor, toolbar
        e = editor
        undo, redo = partial(undo_steps.step, e, True), partial(undo_steps.step, e, False)
        self.undo = self._action("undo", self.tr("Undo"), [_KEY(_KEY.StandardKey.Undo)], undo)
        self.redo = self._action(
            "redo", self.tr("Redo"), [_KEY("Ctrl+Shift+Z"), _KEY("Ctrl+Y")], redo
        )
        self.save = self._action(
            "save_now", self.tr("Save now"), [_KEY(_KEY.StandardKey.Save)], self._save_now
        )
        self.meeting = self._action(
            "meeting_mode", self.tr("&Meeting mode"), [_KEY(Qt.Key.Key_F11)], e.toggle_meeting_mode
        )
        self.meeting.setCheckable(True)  # checked while the shared screen shows the plan
        e.meeting_mode.active_changed.connect(self.meeting.setChecked)
        self.next_missing = self._action(
            "next_missing",
            self.tr("Go to what is missing"),
            [_KEY(Qt.Key.Key_F8)],
            self._go_to_first_missing,
        )
        self.print = self._action(
            "print_plan", self.tr("&Print…"), [_KEY(_KEY.StandardKey.Print)], self._print
        )
        # Not Ctrl+Shift+U: IBus (GNOME) takes it for typing a Unicode character.
        self.sign = self._action("sign_plan", self.tr("Si&gn…"), [_KEY("Ctrl+Shift+G")], self._sign)
        self._fill_toolbar()
        self.sections = [
            self._action(
                f"go_to_section_{i + 1}",
                section.heading.text(),
                [_KEY(f"Alt+{i + 1}")],
                partial(self._go_to_section, section),
            )
            for i, section in enumerate(e.sections)
        ]
        stack = e.session.undo_stack
        stack.undoTextChanged.connect(self._on_undo_text_changed)
        stack.redoTextChanged.connect(self._on_redo_text_changed)
        self._on_undo_text_changed(stack.undoText())
        self._on_redo_text_changed(stack.redoText())

    def _action(
        self, name: str, text: str, keys: list[QKeySequence], slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self.editor)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setIconText(_plain(text).removesuffix("…"))  # no Alt+letter on the toolbar
        action.setToolTip(_with_shortcut(text, action))
        action.triggered.connect(lambda _=False: slot())
        self.editor.addAction(action)
        return action

    def _save_now(self) -> None:
        """Ctrl+S: save everything typed, settle waiting conflicts, say what is not saved."""
        self.editor.flush()
        self.editor.conflicts.settle_all()
        unsaved.report(self.editor)

    def _print(self) -> None:
        """Save what is typed, then open the print preview of the plan's PDF."""
        from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog

        self.editor.flush()
        PrintPreviewDialog.show_for(self.editor, self.editor.services, self.editor.plan)

    def _sign(self) -> None:
        """Save what is typed, then let everyone sign the current version."""
        from sip_desk.ui.dialogs.signing_dialog import SigningDialog

        e = self.editor
        e.flush()
        if SigningDialog.sign(e, e.services, e.plan) is not None:
            e.events.plan_changed.emit(e.plan.id, None)  # reloads this editor too

    def _go_to_first_missing(self) -> None:
        missing = self.editor.completeness.missing
        if missing:
            self.editor.focus_anchor(missing[0].anchor, missing[0].entity_id)

    @staticmethod
    def _go_to_section(section: Section) -> None:
        chain = section.focus_chain()
        if chain:
            section.focus_widget(chain[0])
        scroll_to_top(section)  # its heading at the top, the section below it in view

    def _fill_toolbar(self) -> None:
        for action in (self.undo, self.redo, self.save):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.meeting)
        self.toolbar.addAction(self.next_missing)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.print)
        self.toolbar.addAction(self.sign)
        for action in (self.print, self.sign):
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QWidget):
                button.setObjectName(f"{action.objectName()}_button")

    def _on_undo_text_changed(self, text: str) -> None:
        step = text.replace("&", "&&")  # an edit's name is no mnemonic
        full = self.tr("&Undo %1").replace("%1", step) if text else self.tr("&Undo")
        self.undo.setText(full)
        self.undo.setToolTip(_with_shortcut(full, self.undo))

    def _on_redo_text_changed(self, text: str) -> None:
        step = text.replace("&", "&&")
        full = self.tr("&Redo %1").replace("%1", step) if text else self.tr("&Redo")
        self.redo.setText(full)
        self.redo.setToolTip(_with_shortcut(full, self.redo))


def _plain(text: str) -> str:
    """``text`` as shown, without its mnemonic mark ("Si&gn…" -> "Sign…", "A&&B" -> "A&B")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _with_shortcut(text: str, action: QAction) -> str:
    keys = action.shortcuts()
    shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    return f"{_plain(text)} ({shortcut})" if shortcut else _plain(text)
