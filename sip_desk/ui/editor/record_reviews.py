"""The evaluations of a follow-up record: one row per goal and per open action.

Goals come first, with the person's own view in their own words; then the actions, each done,
not done or ongoing. Every evaluation starts as "(not yet evaluated)".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sip_desk.domain.enums import GoalOutcome, ReviewStatus
from sip_desk.domain.follow_up_record import open_actions, unevaluated
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.record_edits import Path, record_key, value_at
from sip_desk.ui.editor.review_grid import Cells, ReviewGrid
from sip_desk.ui.editor.section import Section
from sip_desk.ui.item_models.labels import enum_choices

if TYPE_CHECKING:
    from sip_desk.ui.editor.conflicts import FieldSave
    from sip_desk.ui.editor.session import PlanSession

Save = Callable[[str, Path, object], bool]


class RecordReviews(QObject):
    """Builds the two grids into ``body`` and binds each input into ``section.bindings``."""

    def __init__(self, section: Section, body: QWidget, column: QVBoxLayout, save: Save) -> None:
        super().__init__(section)
        self.section, self.body, self._save = section, body, save
        column.addWidget(
            QLabel(self.tr("<b>Goals:</b> achieved? The person's own view, in their own words"))
        )
        self.goals = ReviewGrid(
            [self.tr("Goal"), self.tr("Evaluation"), self.tr("The person's own view")],
            self._goal_row,
            lambda goal_id: self._drop(f"record.goal.{goal_id}."),
            self.tr("The plan has no goals."),
            body,
        )
        column.addWidget(self.goals)
        column.addWidget(QLabel(self.tr("<b>Actions:</b> done, not done or ongoing?")))
        self.actions = ReviewGrid(
            [self.tr("Action"), self.tr("Responsible"), self.tr("Evaluation"), self.tr("Comment")],
            self._action_row,
            lambda action_id: self._drop(f"record.action.{action_id}."),
            self.tr("No open actions."),
            body,
        )
        column.addWidget(self.actions)

    @property
    def session(self) -> PlanSession:
        return self.section.session

    def sync(self, plan: PlanDetail) -> bool:
        """One row per goal and open action while a record is written; True if rows changed."""
        writing = plan.follow_up_draft is not None
        goals = [(g.id, g.text) for g in plan.goals] if writing else []
        actions = [(a.id, a.description) for a in open_actions(plan)] if writing else []
        changed = self.goals.sync(goals)
        return self.actions.sync(actions) or changed

    def keys(self) -> list[str]:
        """The binding keys of the inputs, row by row (the tab order)."""
        out = [f"record.goal.{i}.{n}" for i in self.goals.rows for n in ("outcome", "person_view")]
        out += [f"record.action.{i}.{n}" for i in self.actions.rows for n in ("status", "comment")]
        return out

    def first_unevaluated(self, plan: PlanDetail) -> str:
        """The key of the first evaluation still open ("" when none is)."""
        goals, actions = unevaluated(plan)
        if goals:
            return f"record.goal.{goals[0].id}.outcome"
        return f"record.action.{actions[0].id}.status" if actions else ""

    # Rows ------------------------------------------------------------------------------------
    def _goal_row(self, goal_id: int) -> Cells:
        text = next((g.text for g in self.session.plan.goals if g.id == goal_id), "")
        outcome = Section.combo(enum_choices(GoalOutcome, self.tr("(not yet evaluated)")))
        outcome.setAccessibleName(self.tr("Evaluation of %1").replace("%1", text))
        view = Section.text()
        view.setAccessibleName(self.tr("The person's own view of %1").replace("%1", text))
        view.setPlaceholderText(self.tr("What does the person say?"))
        return [
            self._cell(("goal", goal_id, "outcome"), outcome, **Section.enum_kw(GoalOutcome)),
            self._cell(("goal", goal_id, "person_view"), view),
        ]

    def _action_row(self, action_id: int) -> Cells:
        action = next(a for a in self.session.plan.actions if a.id == action_id)
        status = Section.combo(enum_choices(ReviewStatus, self.tr("(not yet evaluated)")))
        status.setAccessibleName(self.tr("Evaluation of %1").replace("%1", action.description))
        comment = Section.line()
        comment.setAccessibleName(self.tr("Comment on %1").replace("%1", action.description))
        return [
            QLabel(action.responsible_name or action.organisation, self.body),
            self._cell(("action", action_id, "status"), status, **Section.enum_kw(ReviewStatus)),
            self._cell(("action", action_id, "comment"), comment),
        ]

    def _cell(self, path: Path, widget: QWidget, **kw: Any) -> QWidget:
        """An input bound like a form field (same autosave), with its message below it."""
        label = widget.accessibleName()

        def save(request: FieldSave) -> bool:
            return self._save(label, path, request.value)

        read = partial(value_at, path=path)
        return self.section.bound_box(record_key(path), widget, read, save, self.body, **kw)

    def _drop(self, prefix: str) -> None:
        bindings = self.section.bindings
        for key in [k for k in bindings if k.startswith(prefix)]:
            del bindings[key]
