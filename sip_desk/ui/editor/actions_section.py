"""Section 4: needs and actions (who does what, when), and what the person and relatives do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.no_effort_part import NoEffortPart
from sip_desk.ui.editor.readability_badge import TableReadability
from sip_desk.ui.editor.section import Section, chain_tabs
from sip_desk.ui.editor.session import PlanSession
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from sip_desk.ui.item_models.need_table_model import NeedTableModel

_GOAL_ID = Qt.ItemDataRole.UserRole


class ActionsSection(Section):
    """The needs, the actions answering them, the goals an action works towards, own actions."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("4. Needs and actions: who does what, when"), parent)
        self.setObjectName("section_actions")
        needs = self.tr("Needs: what the person needs help with")
        self.need_part = self.table_part("need", NeedTableModel(self), needs, lambda p: p.needs)
        self.model = ActionTableModel(self)
        self.action_part = self.table_part(
            "action", self.model, self.tr("Actions"), lambda p: p.actions
        )
        TableReadability(self.action_part, "description")
        caption = QLabel(self.tr("Goals the current action works towards (Space ticks):"), self)
        self.goal_links = QListWidget(self)
        self.goal_links.setObjectName("action_goal_links")
        self.goal_links.setAccessibleName(self.tr("Linked goals of the current action"))
        self.goal_links.setMaximumHeight(110)
        caption.setBuddy(self.goal_links)
        for at, widget in enumerate((self.need_part, self.action_part, caption, self.goal_links)):
            self._layout.insertWidget(1 + at, widget)
        self.no_effort = NoEffortPart(self)  # principals taking part without an effort
        self._layout.insertWidget(5, self.no_effort)
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
        self.model.set_context(list(plan.participants), list(plan.goals), list(plan.needs))
        rows = list(self.no_effort.rows)
        self.no_effort.refresh(plan)
        super().refresh(plan)
        self._show_links()
        if list(self.no_effort.rows) != rows:  # new rows: Tab goes through them in order
            chain = self.focus_chain()
            after = chain[-1].nextInFocusChain()
            chain_tabs([*chain, after] if after is not None else chain)

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

    def focus_chain(self) -> list[QWidget]:
        tables = [self.need_part.table, *self.action_part.focus_chain()]
        reasons = self.no_effort.focus_chain()
        fields = [w for w in super().focus_chain() if w not in reasons and w not in tables]
        return [*tables, self.goal_links, *reasons, *fields]
