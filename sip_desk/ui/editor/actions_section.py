"""Section 4: needs and actions (who does what, when), and what the person and relatives do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession
from sip_desk.ui.editor.table_part import TablePart
from sip_desk.ui.item_models.action_table_model import ActionTableModel

_GOAL_ID = Qt.ItemDataRole.UserRole


class ActionsSection(Section):
    """The actions table, the goals the current action works towards, and own actions."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("4. Needs and actions: who does what, when"), parent)
        self.setObjectName("section_actions")
        self.model = ActionTableModel(self)
        self.action_part = TablePart(
            session, "action", self.model, self.tr("Actions"), lambda p: p.actions, self
        )
        self._layout.insertWidget(1, self.action_part)
        caption = QLabel(self.tr("Goals the current action works towards (Space ticks):"), self)
        self.goal_links = QListWidget(self)
        self.goal_links.setObjectName("action_goal_links")
        self.goal_links.setAccessibleName(self.tr("Linked goals of the current action"))
        self.goal_links.setMaximumHeight(110)
        caption.setBuddy(self.goal_links)
        self._layout.insertWidget(2, caption)
        self._layout.insertWidget(3, self.goal_links)
        self.person_own = self.text()
        self.plan_field("person_own_actions", self.tr("What I do &myself"), self.person_own)
        self.relatives_own = self.text()
        self.plan_field(
            "relatives_own_actions", self.tr("What my &relatives do"), self.relatives_own
        )
        self._updating = False
        self.action_part.table.selectionModel().currentRowChanged.connect(self._show_links)
        self.goal_links.itemChanged.connect(self._on_link_changed)

    def refresh(self, plan: PlanDetail) -> None:
        super().refresh(plan)
        self.model.set_context(list(plan.participants), list(plan.goals))
        self.action_part.refresh(plan)
        self._show_links()

    def _show_links(self, *_args: object) -> None:
        row = self.action_part.table.currentIndex().row()
        linked = set(self.model.linked_goals(row)) if row >= 0 else set()
        self._updating = True
        self.goal_links.clear()
        for goal in self.session.plan.goals:
            item = QListWidgetItem(goal.text, self.goal_links)
            item.setData(_GOAL_ID, goal.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if goal.id in linked else Qt.CheckState.Unchecked
            )
        self.goal_links.setEnabled(row >= 0 and not self.model.is_blank(row))
        self._updating = False

    def _on_link_changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        row = self.action_part.table.currentIndex().row()
        ids = tuple(
            self.goal_links.item(i).data(_GOAL_ID)
            for i in range(self.goal_links.count())
            if self.goal_links.item(i).checkState() == Qt.CheckState.Checked
        )
        current = self.goal_links.currentRow()
        self.model.set_linked_goals(row, ids)
        self.goal_links.setCurrentRow(current)

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        return self.action_part.show_errors(super().show_errors(errors))

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        super().clear_errors(keys)
        self.action_part.clear_errors(keys)

    def focus_anchor(self, anchor: str, entity_id: int | None) -> bool:
        if anchor.startswith("actions"):
            self.focus_widget(self.action_part.table)
            attr = anchor.partition(".")[2]
            self.action_part.focus(entity_id, attr)
            return True
        return super().focus_anchor(anchor, entity_id)

    def focus_chain(self) -> list[QWidget]:
        return [self.action_part.table, self.goal_links, *super().focus_chain()]
