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
from sip_desk.ui.item_models.need_table_model import NeedTableModel

_GOAL_ID = Qt.ItemDataRole.UserRole


class ActionsSection(Section):
    """The needs, the actions answering them, the goals an action works towards, own actions."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("4. Needs and actions: who does what, when"), parent)
        self.setObjectName("section_actions")
        self.need_part = TablePart(
            session,
            "need",
            NeedTableModel(self),
            self.tr("Needs: what the person needs help with"),
            lambda p: p.needs,
            self,
        )
        self.model = ActionTableModel(self)
        self.action_part = TablePart(
            session, "action", self.model, self.tr("Actions"), lambda p: p.actions, self
        )
        self.parts = (self.need_part, self.action_part)
        caption = QLabel(self.tr("Goals the current action works towards (Space ticks):"), self)
        self.goal_links = QListWidget(self)
        self.goal_links.setObjectName("action_goal_links")
        self.goal_links.setAccessibleName(self.tr("Linked goals of the current action"))
        self.goal_links.setMaximumHeight(110)
        caption.setBuddy(self.goal_links)
        for at, widget in enumerate((self.need_part, self.action_part, caption, self.goal_links)):
            self._layout.insertWidget(1 + at, widget)
        self.person_own = self.text()
        self.plan_field("person_own_actions", self.tr("What I do m&yself"), self.person_own)
        self.relatives_own = self.text()
        self.plan_field(
            "relatives_own_actions", self.tr("What my relatives do"), self.relatives_own
        )
        self._updating = False
        self.action_part.table.selectionModel().currentRowChanged.connect(self._show_links)
        self.goal_links.itemChanged.connect(self._on_link_changed)

    def refresh(self, plan: PlanDetail) -> None:
        super().refresh(plan)
        self.need_part.refresh(plan)
        self.model.set_context(list(plan.participants), list(plan.goals), list(plan.needs))
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
        rest = super().show_errors(errors)
        for part in self.parts:
            rest = part.show_errors(rest)
        return rest

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        super().clear_errors(keys)
        for part in self.parts:
            part.clear_errors(keys)

    def focus_anchor(self, anchor: str, entity_id: int | None) -> bool:
        if anchor.startswith("needs"):
            self.focus_widget(self.need_part.table)
            self.need_part.focus(entity_id)
            return True
        if anchor.startswith("actions"):
            self.focus_widget(self.action_part.table)
            attr = anchor.partition(".")[2]
            self.action_part.focus(entity_id, attr)
            return True
        return super().focus_anchor(anchor, entity_id)

    def focus_chain(self) -> list[QWidget]:
        tables = [self.need_part.table, self.action_part.table]
        return [*tables, self.goal_links, *super().focus_chain()]
