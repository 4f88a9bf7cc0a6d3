"""Edits one decision record: who decided what, when, by what vote, at what level."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.decisions import (
    DECISION_BODIES,
    DECISION_OUTCOMES,
    MAX_PARTICIPANTS,
    DecisionDraft,
)
from desktop.errors import ValidationError
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm

EARLIEST = QDate(1949, 10, 1)


class DecisionForm(QWidget):
    """``levels`` are the clearance levels the acting user may give (lowest first)."""

    def __init__(self, levels: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldForm(self)
        self.body_combo = QComboBox(self)
        self.body_combo.setObjectName("body_combo")
        for code in DECISION_BODIES:
            self.body_combo.addItem(labels.decision_body(code), code)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setMaxLength(200)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setCalendarPopup(True)
        # The display format is translated: 2026年1月5日 in Chinese.
        self.date_edit.setDisplayFormat(self.tr("MMM d, yyyy"))
        self.date_edit.setMinimumDate(EARLIEST)
        self.date_edit.setDate(QDate.currentDate())
        self.participants_edit = QPlainTextEdit(self)
        self.participants_edit.setObjectName("participants_edit")
        self.participants_edit.setPlaceholderText(self.tr("One name per line"))
        self.participants_edit.setTabChangesFocus(True)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("outcome_combo")
        for code in DECISION_OUTCOMES:
            self.outcome_combo.addItem(labels.decision_outcome(code), code)

        votes = QWidget(self)
        self.votes_check = QCheckBox(self.tr("Recorded vote"), votes)
        self.votes_check.setObjectName("votes_check")
        self.votes_for_spin = self._vote_spin("votes_for_spin", votes)
        self.votes_against_spin = self._vote_spin("votes_against_spin", votes)
        self.votes_abstain_spin = self._vote_spin("votes_abstain_spin", votes)
        row = QHBoxLayout(votes)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.votes_check)
        for text, spin in (
            (self.tr("For"), self.votes_for_spin),
            (self.tr("Against"), self.votes_against_spin),
            (self.tr("Abstain"), self.votes_abstain_spin),
        ):
            row.addWidget(QLabel(text, votes))
            row.addWidget(spin)
        row.addStretch(1)

        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level_combo")
        for code in levels:
            self.level_combo.addItem(labels.clearance(code), code)

        self.fields.add_field("body", self.tr("Decision body"), self.body_combo)
        self.fields.add_field("title", self.tr("Subject"), self.title_edit)
        self.fields.add_field("decided_on", self.tr("Date of decision"), self.date_edit)
        self.fields.add_field("participants", self.tr("Participants"), self.participants_edit)
        self.fields.add_field("outcome", self.tr("Outcome"), self.outcome_combo)
        self.fields.add_field("votes", self.tr("Votes"), votes)
        self.fields.add_field("summary", self.tr("Summary"), self.summary_edit)
        self.fields.add_field("level", self.tr("Secrecy level"), self.level_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        self.votes_check.toggled.connect(self._on_votes_check_toggled)
        self._on_votes_check_toggled(False)

    def _vote_spin(self, name: str, parent: QWidget) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setObjectName(name)
        spin.setRange(0, MAX_PARTICIPANTS)
        return spin

    def value(self) -> DecisionDraft:
        recorded = self.votes_check.isChecked()
        return DecisionDraft(
            body=str(self.body_combo.currentData()),
            title=self.title_edit.text(),
            decided_on=self.date_edit.date().toString("yyyy-MM-dd"),
            participants=tuple(self.participants_edit.toPlainText().splitlines()),
            outcome=str(self.outcome_combo.currentData()),
            votes_for=self.votes_for_spin.value() if recorded else None,
            votes_against=self.votes_against_spin.value() if recorded else None,
            votes_abstain=self.votes_abstain_spin.value() if recorded else None,
            summary=self.summary_edit.toPlainText(),
            level=str(self.level_combo.currentData()),
        )

    def set_value(self, draft: DecisionDraft) -> None:
        self.body_combo.setCurrentIndex(max(0, self.body_combo.findData(draft.body)))
        self.title_edit.setText(draft.title)
        self.date_edit.setDate(QDate.fromString(draft.decided_on, "yyyy-MM-dd"))
        self.participants_edit.setPlainText("\n".join(draft.participants))
        self.outcome_combo.setCurrentIndex(max(0, self.outcome_combo.findData(draft.outcome)))
        votes = (draft.votes_for, draft.votes_against, draft.votes_abstain)
        recorded = any(v is not None for v in votes)
        self.votes_check.setChecked(recorded)
        for spin, count in zip(
            (self.votes_for_spin, self.votes_against_spin, self.votes_abstain_spin),
            votes,
            strict=True,
        ):
            spin.setValue(count or 0)
        self.summary_edit.setPlainText(draft.summary)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(draft.level)))

    def show_error(self, error: ValidationError) -> bool:
        return self.fields.show_error(error.field, error.message)

    def _on_votes_check_toggled(self, checked: bool) -> None:
        for spin in (self.votes_for_spin, self.votes_against_spin, self.votes_abstain_spin):
            spin.setEnabled(checked)
