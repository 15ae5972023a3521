"""Before importing a plan for a stored person: what differs, and whether to apply it."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.person_match import PersonMatch


class ImportPersonDialog(QDialog):
    """The file's person is stored already: the differences, and a checkbox to apply them.

    The stored person is the truth unless the box (off by default) is ticked; even then the
    service never switches protected identity off nor takes a protected person's address.
    """

    def __init__(self, match: PersonMatch, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert match.known is not None
        self.setObjectName("importPersonDialog")
        self.setWindowTitle(self.tr("Import plan for a stored person"))
        known = match.known
        if known.plan_count == 1:
            intro = self.tr("%1 is already stored, with 1 plan.")
        else:
            intro = self.tr("%1 is already stored, with %2 plans.")
        intro = intro.replace("%1", known.full_name).replace("%2", str(known.plan_count))
        intro += " " + self.tr(
            "The imported plan is attached to the stored person. The file's details of the "
            "person differ:"
        )
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("importPersonIntro")
        self.intro.setWordWrap(True)
        self.table = self._table(match, lang)
        self.update_person = QCheckBox(
            self.tr("&Update the stored person with the file's details"), self
        )
        self.update_person.setObjectName("updatePersonCheck")
        self.update_person.setEnabled(match.on_request)
        self.rule = QLabel(
            self.tr(
                "Protected identity is never switched off by an import, and the address of a "
                "person with protected identity is never taken from a file. A file that marks "
                "the person as protected switches protection on."
            ),
            self,
        )
        self.rule.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("importButton")
        self.import_button.setText(self.tr("&Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.update_person, self.rule, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 140)
        (self.update_person if match.on_request else self.import_button).setFocus()

    def _table(self, match: PersonMatch, lang: str) -> QTableWidget:
        headers = [self.tr("Detail"), self.tr("Stored"), self.tr("In the file"), self.tr("Note")]
        table = QTableWidget(len(match.differences), len(headers), self)
        table.setObjectName("differencesTable")
        table.setAccessibleName(self.tr("Differences between the file and the stored person"))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        for row, d in enumerate(match.differences):
            cells = (d.label(lang), d.stored_text(lang), d.incoming_text(lang), d.note(lang))
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.resizeRowsToContents()
        table.setCurrentCell(-1, -1)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the columns have their final widths now

    @classmethod
    def ask(cls, parent: QWidget | None, match: PersonMatch, lang: str) -> bool | None:
        """Whether to apply the differences; ``None`` when the user cancels the import."""
        dialog = cls(match, lang, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.update_person.isChecked()
