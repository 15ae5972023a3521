"""Section 9: the person's own texts translated at the meeting, for the person's printed part.

The print language is chosen here. For a language other than Swedish each text the person's
page prints (what matters, strengths, each goal, what I do myself, each action, the crisis plan)
is shown in Swedish beside a field for its translation, written right to left where the language
is. Each field saves itself and is undone like any other input of the editor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.languages import PRINT_LANGUAGES, is_right_to_left, language_name
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.translation import ACTION, GOAL, ORIGINAL, TranslationDto, translation_text
from sip_desk.ui.editor.bindings import FieldBinding, Save
from sip_desk.ui.editor.conflicts import FieldSave, Outcome
from sip_desk.ui.editor.languages import language_label
from sip_desk.ui.editor.section import Section, chain_tabs
from sip_desk.ui.editor.session import PlanSession, ui_lang
from sip_desk.ui.editor.translation_edits import set_translation, translation_key

_C = "TranslationSection"
# The plan's texts on the person's page, in its order (goals and actions go between them).
_BEFORE_GOALS = (
    ("what_matters", QT_TRANSLATE_NOOP("TranslationSection", "What matters to me")),
    ("strengths", QT_TRANSLATE_NOOP("TranslationSection", "Strengths")),
)
_OWN = (("person_own_actions", QT_TRANSLATE_NOOP("TranslationSection", "What I do myself")),)
_CRISIS = (
    ("crisis_warning_signs", QT_TRANSLATE_NOOP("TranslationSection", "Crisis plan: warning signs")),
    ("crisis_actions", QT_TRANSLATE_NOOP("TranslationSection", "Crisis plan: what to do")),
    ("crisis_contacts", QT_TRANSLATE_NOOP("TranslationSection", "Crisis plan: whom to contact")),
)
ORIGINAL_STYLE = "background: #f1f3f5; color: #1f2328; border: 1px solid #c9ced4; padding: 4px;"


@dataclass(frozen=True)
class _Text:
    """One text to translate: what it is, its Swedish original, and its caption."""

    target: TranslationDto
    caption: str
    original: str

    @property
    def key(self) -> str:
        return translation_key(self.target.language, self.target.field, self.target.item_id)


@dataclass
class _Row:
    """The widgets of one text: its caption, its Swedish original and its translation field."""

    text: _Text
    caption: QLabel
    original: QLabel
    box: QWidget


class TranslationSection(Section):
    """The print language, and a translation field beside each of the person's own texts."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("9. Translation for the person"), parent)
        self.setObjectName("section_translation")
        choices = [(code, language_label(code)) for code in PRINT_LANGUAGES]
        self.language = self.combo(choices)
        self.language_binding = self.plan_field(
            "print_language", self.tr("Print language of the person's part"), self.language
        )
        self.note = QLabel(self)
        self.note.setObjectName("translation_note")
        self.note.setWordWrap(True)
        self._layout.addWidget(self.note)
        self.suggest = QPushButton(self)
        self.suggest.setObjectName("translation_suggest")
        self.suggest.clicked.connect(self._on_suggest_clicked)
        self._layout.addWidget(self.suggest, 0, Qt.AlignmentFlag.AlignLeft)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self._layout.addLayout(self.grid)
        self.rows: dict[str, _Row] = {}
        self._saving: FieldBinding | None = None  # the translation being saved
        self._stale = False  # the texts changed during a save: laid out again after it
        self._laying_out = False

    # Building ---------------------------------------------------------------------------------
    def _texts(self, plan: PlanDetail) -> list[_Text]:
        """The texts to translate into the print language, in the person's page's order."""
        language = plan.fields.print_language
        if language == ORIGINAL or language not in PRINT_LANGUAGES:
            return []

        def of(field: str, caption: str, original: str, item_id: int | None = None) -> _Text:
            target = TranslationDto(language=language, field=field, item_id=item_id, text="")
            return _Text(target, caption, original)

        def fields(pairs: tuple[tuple[str, object], ...]) -> list[_Text]:
            return [
                of(name, QCoreApplication.translate(_C, str(label)), getattr(plan.fields, name))
                for name, label in pairs
            ]

        goal, action = self.tr("Goal %1"), self.tr("Action %1")
        texts = [
            *fields(_BEFORE_GOALS),
            *(
                of(GOAL, goal.replace("%1", str(i)), g.text, g.id)
                for i, g in enumerate(plan.goals, start=1)
            ),
            *fields(_OWN),
            *(
                of(ACTION, action.replace("%1", str(i)), a.description, a.id)
                for i, a in enumerate(plan.actions, start=1)
            ),
            *fields(_CRISIS),
        ]
        return [t for t in texts if t.original.strip()]

    def _lay_out(self, texts: list[_Text]) -> None:
        """Show a row per text: rows still wanted keep their widgets (and what is typed)."""
        wanted = {t.key for t in texts}
        for key in [k for k in self.rows if k not in wanted]:
            self.bindings[key].commit(ask=False)  # typed text goes where it was typed for
            del self.bindings[key]
            gone = self.rows.pop(key)
            for widget in (gone.caption, gone.original, gone.box):
                widget.hide()
                widget.deleteLater()
        while self.grid.count():
            self.grid.takeAt(0)
        for i, text in enumerate(texts):
            row = self.rows.get(text.key) or self._new_row(text)
            self.rows[text.key] = row
            row.text = text
            row.caption.setText(text.caption)
            row.original.setText(text.original)
            self.grid.addWidget(row.caption, 2 * i, 0, 1, 2)
            self.grid.addWidget(row.original, 2 * i + 1, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row.box, 2 * i + 1, 1)
            for widget in (row.caption, row.original, row.box):
                widget.show()  # at once, so Tab reaches a new row before the next paint
        chain_tabs(self.focus_chain())

    def _new_row(self, text: _Text) -> _Row:
        caption = QLabel(self)
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        original = QLabel(self)
        original.setWordWrap(True)
        original.setStyleSheet(ORIGINAL_STYLE)
        original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        original.setAccessibleName(self.tr("Swedish text"))
        field = self.text(2) if text.target.field in (GOAL, ACTION) else self.text()
        if is_right_to_left(text.target.language):
            field.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            option = field.document().defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setAlignment(Qt.AlignmentFlag.AlignRight)  # a line starts at the right
            field.document().setDefaultTextOption(option)
        name = language_name(text.target.language)
        field.setAccessibleName(self.tr("%1 in %2").replace("%1", text.caption).replace("%2", name))
        caption.setBuddy(field)
        box = self.bound_box(text.key, field, self._reader(text), self._saver(text), self)
        return _Row(text, caption, original, box)

    @staticmethod
    def _reader(text: _Text) -> Callable[[PlanDetail], object]:
        t = text.target
        return lambda plan: translation_text(plan, t.language, t.field, t.item_id)

    def _saver(self, text: _Text) -> Save:
        def save(request: FieldSave) -> Outcome:
            outer, self._saving = self._saving, self.bindings.get(text.key)
            caption = self.rows[text.key].text.caption if text.key in self.rows else text.caption
            label = self.tr("translation of %1").replace("%1", caption)
            try:
                return self.session.apply(
                    set_translation(self.session, text.target, label, request), request.ask
                )
            finally:
                self._saving = outer
                if self._stale and not self._busy:
                    self._stale = False
                    self.refresh(self.session.plan)

        return save

    @property
    def _busy(self) -> bool:
        return self._saving is not None or self._laying_out

    # Editor protocol --------------------------------------------------------------------------
    def refresh(self, plan: PlanDetail) -> None:
        self.language_binding.refresh(plan)
        if self._busy:  # never take away the field being saved, nor lay out twice at once
            self._stale = True
        else:
            self._laying_out = True
            try:
                self._lay_out(self._texts(plan))
            finally:
                self._laying_out = False
            if self._stale:  # a row left was saved meanwhile: lay out what is stored now
                self._stale = False
                self.refresh(self.session.plan)
                return
        for key, binding in self.bindings.items():
            if key != self.language_binding.key:
                binding.refresh(plan)
        self._show_language(plan)

    def _show_language(self, plan: PlanDetail) -> None:
        code = plan.fields.print_language
        swedish = code == ORIGINAL
        title = self.tr("9. Translation for the person")
        self.heading.setText(title if swedish else f"{title} ({language_name(code)})")
        if swedish:
            self.note.setText(
                self.tr(
                    "Translations are written in the print language of the person's part. The "
                    "plan prints in Swedish now: choose another print language above to write "
                    "the person's own texts in it (for example with the interpreter)."
                )
            )
        else:
            self.note.setText(
                self.tr(
                    "Write each text in %1, for example with the interpreter. The person's part "
                    "of the printed plan shows these; the full plan keeps the Swedish. An empty "
                    "field prints the Swedish text."
                ).replace("%1", language_name(code))
            )
        wish = _wished_language(plan)
        self.suggest.setVisible(swedish and wish is not None)
        if wish is not None:
            label = self.tr("Print the person's part in %1").replace("%1", language_label(wish))
            self.suggest.setText(label)

    def _on_suggest_clicked(self) -> None:
        wish = _wished_language(self.session.plan)
        if wish is not None:
            self.language.setCurrentIndex(self.language.findData(wish))  # saves as if picked
            self.language.setFocus()

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        """A refused translation is shown beside the field being saved."""
        if self._saving is not None:
            mine = [e for e in errors if e.field.startswith("translation.")]
            if mine:
                self._saving.show_error(" ".join(e.message(ui_lang()) for e in mine))
            errors = [e for e in errors if e not in mine]
        return super().show_errors(errors)

    def focus_chain(self) -> list[QWidget]:
        return [self.language, *(b.widget for k, b in self.bindings.items() if k in self.rows)]


def _wished_language(plan: PlanDetail) -> str | None:
    """The person's interpreter or preferred language, when the plan can print in it."""
    person = plan.person
    wanted = (person.interpreter_language, person.preferred_language)
    return next((c for c in wanted if c in PRINT_LANGUAGES and c != ORIGINAL), None)
