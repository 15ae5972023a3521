"""The main window's actions and menus; every action has a stable ``objectName``.

The print, sign, undo and redo entries are the *current editor's own* actions, swapped in when a
plan tab becomes current, so a shortcut such as Ctrl+Z belongs to one action only.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from sip_desk.ui.i18n import LANGUAGE_NAMES

_KEY = QKeySequence


class MainMenus(QObject):
    """Builds the window's actions and menu bar; the window connects the actions it handles."""

    def __init__(self, window: QMainWindow, lang: str, large_text: bool) -> None:
        super().__init__(window)
        self._window = window
        self._create_file_actions()
        self._create_other_actions(large_text)
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(f"&{name}", self.language_group)  # &Svenska, &English
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == lang)
            action.setData(code)
        self._shown: dict[str, QAction] = {}
        self._create_menus()

    def _action(self, name: str, text: str, *keys: str | _KEY.StandardKey) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        sequences: list[QKeySequence] = []
        for key in keys:
            for sequence in (
                QKeySequence.keyBindings(key) if isinstance(key, _KEY.StandardKey) else [_KEY(key)]
            ):
                if sequence not in sequences:
                    sequences.append(sequence)
        action.setShortcuts(sequences)
        return action

    def _create_file_actions(self) -> None:
        std = _KEY.StandardKey
        self.new_plan_action = self._action("newPlanAction", self.tr("&New plan…"), std.New)
        self.open_plan_action = self._action("openPlanAction", self.tr("&Open plan"), std.Open)
        self.close_tab_action = self._action("closePlanAction", self.tr("&Close plan"), std.Close)
        # Stand-ins shown (disabled) while no editor is current.
        self.print_placeholder = self._action("printPlanAction", self.tr("&Print…"))
        self.sign_placeholder = self._action("signPlanAction", self.tr("Si&gn…"))
        self.save_pdf_action = self._action(
            "savePdfAction", self.tr("Save &as PDF…"), "Ctrl+Shift+S"
        )
        self.export_json_action = self._action(
            "exportJsonAction", self.tr("&Export plan as JSON…"), "Ctrl+Shift+E"
        )
        self.import_json_action = self._action(
            "importJsonAction", self.tr("&Import plan from JSON…"), "Ctrl+Shift+I"
        )
        self.delete_plan_action = self._action(
            "deletePlanAction", self.tr("&Delete plan (gallring)…"), "Ctrl+Shift+Del"
        )
        self.retention_action = self._action(
            "retentionAction", self.tr("Plans d&ue for deletion (gallring)…")
        )
        self.demo_action = self._action("loadDemoAction", self.tr("Load de&mo data"))
        self.log_review_action = self._action("logReviewAction", self.tr("Access log re&view…"))
        self.generate_demo_action = self._action(
            "generateDemoAction", self.tr("Genera&te demo plans…")
        )
        self.quit_action = self._action("quitAction", self.tr("&Quit"), std.Quit, "Ctrl+Q")
        self.welcome_action = self._action("welcomeAction", self.tr("&Welcome…"))

    def _create_other_actions(self, large_text: bool) -> None:
        self.undo_placeholder = self._action("undoAction", self.tr("&Undo"))
        self.redo_placeholder = self._action("redoAction", self.tr("&Redo"))
        self.settings_action = self._action("settingsAction", self.tr("&Settings…"), "Ctrl+,")
        self.find_action = self._action(
            "findPlanAction", self.tr("&Find plan"), _KEY.StandardKey.Find
        )
        self.list_action = self._action("planListAction", self.tr("Plan &list"), "Ctrl+1", "Ctrl+L")
        self.worklist_action = self._action(
            "worklistAction", self.tr("Follow-ups (&worklist)"), "Ctrl+2"
        )
        self.record_action = self._action(
            "recordFollowUpAction", self.tr("&Record follow-up…"), "Ctrl+R"
        )
        self.caseload_action = self._action(
            "caseloadAction", self.tr("&Caseload per coordinator…"), "Ctrl+Shift+K"
        )
        self.reminders_action = self._action("remindersAction", self.tr("C&heck reminders now"))
        self.large_text_action = self._action(
            "largeTextAction", self.tr("Lar&ge text"), "Ctrl+Shift+L"
        )
        self.large_text_action.setCheckable(True)
        self.large_text_action.setChecked(large_text)
        # The current editor's own F11 action (checkable) takes its place when a plan is shown.
        self.meeting_placeholder = self._action("meetingModeAction", self.tr("&Meeting mode"))
        self.meeting_placeholder.setCheckable(True)

    def _menu(self, name: str, title: str) -> QMenu:
        menu = self._window.menuBar().addMenu(title)
        menu.setObjectName(name)
        return menu

    def _create_menus(self) -> None:
        self.file_menu = file_menu = self._menu("fileMenu", self.tr("&File"))
        file_menu.addActions([self.new_plan_action, self.open_plan_action])
        self.recent_menu = QMenu(self.tr("&Recent plans"), self._window)
        self.recent_menu.setObjectName("recentPlansMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.close_tab_action)
        file_menu.addSeparator()
        file_menu.addActions([self.print_placeholder, self.sign_placeholder, self.save_pdf_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_json_action, self.import_json_action])
        file_menu.addSeparator()
        file_menu.addActions([self.delete_plan_action, self.retention_action])
        file_menu.addActions([self.demo_action, self.generate_demo_action])
        file_menu.addAction(self.log_review_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = self._menu("editMenu", self.tr("&Edit"))
        self.edit_menu.addActions([self.undo_placeholder, self.redo_placeholder])
        self._edit_anchor = self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.settings_action)
        self.view_menu = self._menu("viewMenu", self.tr("&View"))
        self.view_menu.addActions([self.find_action, self.list_action, self.worklist_action])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.large_text_action)
        self.view_menu.addAction(self.meeting_placeholder)
        self.follow_up_menu = self._menu("followUpMenu", self.tr("F&ollow-ups"))
        self.follow_up_menu.addActions([self.worklist_action, self.record_action])
        self.follow_up_menu.addActions([self.caseload_action, self.reminders_action])
        self.language_menu = self._menu("languageMenu", self.tr("&Language"))
        self.language_menu.addActions(self.language_group.actions())
        self.help_menu = self._menu("helpMenu", self.tr("Help"))
        self.help_menu.addAction(self.welcome_action)
        self._shown = {
            "print": self.print_placeholder,
            "sign": self.sign_placeholder,
            "undo": self.undo_placeholder,
            "redo": self.redo_placeholder,
            "meeting": self.meeting_placeholder,
        }
        for placeholder in self._shown.values():
            placeholder.setEnabled(False)

    def set_live(self, live: bool) -> None:
        """Enable the actions that need the store."""
        for action in (
            self.new_plan_action,
            self.open_plan_action,
            self.save_pdf_action,
            self.export_json_action,
            self.import_json_action,
            self.delete_plan_action,
            self.retention_action,
            self.demo_action,
            self.generate_demo_action,
            self.settings_action,
            self.worklist_action,
            self.record_action,
            self.caseload_action,
            self.reminders_action,
            self.log_review_action,
            self.welcome_action,
        ):
            action.setEnabled(live)
        self.recent_menu.setEnabled(live)

    def show_editor_actions(self, editor_actions: object | None) -> None:
        """Show the editor's ``EditorActions`` (print/sign/undo/redo/meeting mode), or the
        disabled stand-ins."""
        placeholders = {
            "print": (self.file_menu, self.print_placeholder, self.save_pdf_action),
            "sign": (self.file_menu, self.sign_placeholder, self.save_pdf_action),
            "undo": (self.edit_menu, self.undo_placeholder, self._edit_anchor),
            "redo": (self.edit_menu, self.redo_placeholder, self._edit_anchor),
            "meeting": (self.view_menu, self.meeting_placeholder, None),
        }
        for key, (menu, placeholder, anchor) in placeholders.items():
            wanted = getattr(editor_actions, key, None) if editor_actions is not None else None
            wanted = wanted if isinstance(wanted, QAction) else placeholder
            shown = self._shown[key]
            if shown is wanted:
                continue
            if shiboken6.isValid(shown):  # a closed editor's actions are already gone
                menu.removeAction(shown)
            if anchor is None:
                menu.addAction(wanted)
            else:
                menu.insertAction(anchor, wanted)
            self._shown[key] = wanted
