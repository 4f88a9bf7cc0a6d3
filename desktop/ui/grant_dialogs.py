"""The dialogs of a rights grant up to its taking effect: drafting it, publicising it, hearing
and settling objections, and withdrawing it. (The secrecy approval and the export check are in
``grant_gate_dialogs``; taking effect and what follows, in ``grant_amendment_dialogs``.)

Each is a ``ServiceDialog``: it calls one ``RightsGrantService`` method on the TaskRunner and
closes only once the service has accepted. A ``ValidationError`` appears at its field (a date or
a share that cannot be read at all is reported the same way, from the worker, so there is one
path); a ``RuleViolation`` is shown in a box that names the rule and its source; the dialog stays
open, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementQuery, AchievementRow
from desktop.domain.dates import format_cn_date
from desktop.domain.rights_grants import GrantDraft, Objection, RightsGrant, publicity_end
from desktop.errors import AppError, ValidationError
from desktop.services.achievements import AchievementService
from desktop.services.rights_grants import RightsGrantService, TeamCandidate
from desktop.ui.errors import show_error
from desktop.ui.forms.grant_form import GrantForm, read_iso_date
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ServiceDialog

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 50
TEXT_LINES = 4
GRANT_DIALOG_WIDTH = 760
GRANT_DIALOG_HEIGHT = 720


def text_edit(name: str, parent: QWidget, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * TEXT_LINES + 2 * edit.frameWidth() + 8)
    return edit


class GrantStepDialog(ServiceDialog):
    """One step of one grant: ``grant_label`` names it at the top; subclasses add fields,
    set the save button's text, call ``_finish_layout`` and implement ``_call``."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._service = service
        self._actor = actor
        self._grant = grant
        self.grant_label = self._question(
            f"{grant.doc_no}　{grant.achievement_title}", "grant_label"
        )
        self.grant_label.setStyleSheet("font-weight: bold;")

    def _date(self, field: str, label: str, initial: dt.date | str | None) -> QLineEdit:
        """A date typed as 2026-01-05 or 2026年1月5日, shown in Chinese at first."""
        edit = QLineEdit(self)
        edit.setObjectName(f"{field}_edit")
        edit.setPlaceholderText(self.tr("e.g. 2026-01-05"))
        if isinstance(initial, str):
            initial = dt.date.fromisoformat(initial)
        if initial is not None:
            edit.setText(format_cn_date(initial))
        self.fields.add_field(field, label, edit)
        return edit

    def _job(self) -> Callable[[], Any]:
        return self._call()

    def _call(self) -> Callable[[], Any]:
        raise NotImplementedError


# -- drafting ----------------------------------------------------------------------------------
class GrantDialog(ServiceDialog):
    """Drafts a new grant (``grant`` None) or edits one still in draft. ``saved`` carries the
    grant's id."""

    def __init__(
        self,
        service: RightsGrantService,
        achievements: AchievementService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("grant_dialog")
        self.setWindowTitle(self.tr("Edit rights grant") if grant else self.tr("New rights grant"))
        self.resize(GRANT_DIALOG_WIDTH, GRANT_DIALOG_HEIGHT)
        self._service = service
        self._achievements = achievements
        self._actor = actor
        self._grant = grant
        self._search_generation = 0
        self.form = GrantForm(today, self)
        self.form.setObjectName("form")
        self.intro_label = self._question(
            self.tr(
                "Measure 1: the unit grants the team ownership together with the unit, or a "
                "use right of at least ten years. The team is drawn from the achievement's "
                "completers. Saving keeps the grant as a draft; it takes effect only after its "
                "publicity."
            ),
            "intro_label",
        )
        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        scroll = QScrollArea(self)
        scroll.setObjectName("scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self._finish_layout(self.intro_label, scroll)
        self.form.search_edited.connect(self._on_form_search_edited)
        self.form.achievement_chosen.connect(self._on_form_achievement_chosen)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        if grant is None:
            self.search("")
        else:
            self.form.set_value(grant.draft, grant.achievement_title, grant.team_names)
            self._load_candidates(grant.draft.achievement_id, prefill=False)

    # -- public -----------------------------------------------------------------------------
    def search(self, text: str) -> None:
        """Look for achievements whose title (or other text) holds ``text``."""
        self._search_generation += 1
        generation = self._search_generation
        service, actor = self._achievements, self._actor
        query = AchievementQuery(text=text.strip())

        def done(rows: list[AchievementRow]) -> None:
            if shiboken6.isValid(self) and generation == self._search_generation:
                self.form.set_achievements(rows)

        self._runner.run(
            lambda: service.page(actor, 0, SEARCH_LIMIT, query), done, self._on_load_error
        )

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error) or super().show_field_error(error)

    def clear_errors(self) -> None:
        self.form.clear_errors()
        super().clear_errors()

    # -- slots ------------------------------------------------------------------------------
    def _on_form_search_edited(self, _text: str) -> None:
        self.search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.search(self.form.search_edit.text())

    def _on_form_achievement_chosen(self, achievement_id: int) -> None:
        self._load_candidates(achievement_id, prefill=True)

    # -- internals --------------------------------------------------------------------------
    def _load_candidates(self, achievement_id: int, *, prefill: bool) -> None:
        service, actor = self._service, self._actor

        def done(candidates: list[TeamCandidate]) -> None:
            if shiboken6.isValid(self) and self.form.achievement_id == achievement_id:
                self.form.set_candidates(candidates, prefill=prefill)

        self._runner.run(
            lambda: service.team_candidates(actor, achievement_id), done, self._on_load_error
        )

    def _on_load_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    def _job(self) -> Callable[[], Any]:
        draft: GrantDraft = self.form.value()
        service, actor, grant = self._service, self._actor, self._grant
        if grant is None:
            return lambda: service.create(actor, draft)
        grant_id = grant.id

        def update() -> int:
            service.update(actor, grant_id, draft)
            return grant_id

        return update


# -- publicity and objections ------------------------------------------------------------------
class PublicityDialog(GrantStepDialog):
    """Starts the publicity of a draft for the unit's period. ``saved`` carries its last day."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        days: int,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("publicity_dialog")
        self.setWindowTitle(self.tr("Start the publicity"))
        self._days = days
        self.intro_label = self._question(
            self.tr(
                "The grant is publicised in the unit before it may take effect; objections "
                "received meanwhile must be settled first."
            ),
            "intro_label",
        )
        self.start_edit = self._date("publicity_start", self.tr("Publicity from"), today)
        self.period_label = QLabel(publicity_period_text(days), self)
        self.period_label.setObjectName("period_label")
        self.fields.add_field("period", self.tr("Publicity period"), self.period_label)
        self.end_label = QLabel(self)
        self.end_label.setObjectName("end_label")
        self.fields.add_field("end", self.tr("Publicity until"), self.end_label)
        self.save_button.setText(self.tr("Start the publicity"))
        self._finish_layout(self.grant_label, self.intro_label, self.fields)
        self.start_edit.textChanged.connect(self._on_start_edit_text_changed)
        self._on_start_edit_text_changed(self.start_edit.text())

    def _on_start_edit_text_changed(self, text: str) -> None:
        try:
            start = read_iso_date(text, "publicity_start")
        except ValidationError:
            start = None
        if start is None:
            self.end_label.setText("—")
            return
        end = publicity_end(dt.date.fromisoformat(start), self._days)
        self.end_label.setText(self.tr("%1, 24:00").replace("%1", format_cn_date(end)))

    def _call(self) -> Callable[[], dt.date]:
        service, actor, grant_id = self._service, self._actor, self._grant.id
        start = read_iso_date(self.start_edit.text(), "publicity_start") or ""
        return lambda: service.start_publicity(actor, grant_id, start)


def publicity_period_text(days: int) -> str:
    """15 日（单位设置，未经核实）, beside 公示期: the period is the unit's own setting; no
    national rule fixes it."""
    return QCoreApplication.translate(
        "GrantDialogs", "%1 days (set by the unit, not verified)"
    ).replace("%1", str(days))


class ObjectionDialog(GrantStepDialog):
    """Records an objection received during the publicity. ``saved`` carries its id."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("objection_dialog")
        self.setWindowTitle(self.tr("Record an objection"))
        self.received_on_edit = self._date("received_on", self.tr("Received on"), today)
        self.objector_edit = QLineEdit(self)
        self.objector_edit.setObjectName("objector_edit")
        self.objector_edit.setPlaceholderText(self.tr("May stay empty (anonymous)"))
        self.fields.add_field("objector", self.tr("Objector"), self.objector_edit)
        self.content_edit = text_edit("content_edit", self, self.tr("What the objection says"))
        self.fields.add_field("content", self.tr("Objection"), self.content_edit)
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.grant_label, self.fields)

    def _call(self) -> Callable[[], int]:
        service, actor, grant_id = self._service, self._actor, self._grant.id
        received = read_iso_date(self.received_on_edit.text(), "received_on") or ""
        objector, content = self.objector_edit.text(), self.content_edit.toPlainText()
        return lambda: service.add_objection(
            actor, grant_id, received_on=received, objector=objector, content=content
        )


class SettleObjectionDialog(GrantStepDialog):
    """Records how an objection was settled: upheld or dismissed, with the reasons."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        objection: Objection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("settle_objection_dialog")
        self.setWindowTitle(self.tr("Settle an objection"))
        self._objection = objection
        received = format_cn_date(dt.date.fromisoformat(objection.received_on))
        who = objection.objector or self.tr("(anonymous)")
        self.objection_label = QLabel(f"{received}　{who}\n{objection.content}", self)
        self.objection_label.setObjectName("objection_label")
        self.objection_label.setWordWrap(True)
        self.fields.add_field("objection", self.tr("Objection"), self.objection_label)
        outcome = QWidget(self)
        self.upheld_radio = QRadioButton(self.tr("Upheld"), outcome)
        self.upheld_radio.setObjectName("upheld_radio")
        self.dismissed_radio = QRadioButton(self.tr("Not upheld"), outcome)
        self.dismissed_radio.setObjectName("dismissed_radio")
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.upheld_radio)
        self.outcome_group.addButton(self.dismissed_radio)
        row = QHBoxLayout(outcome)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.upheld_radio)
        row.addWidget(self.dismissed_radio)
        row.addStretch(1)
        self.fields.add_field("upheld", self.tr("Finding"), outcome)
        self.resolution_edit = text_edit(
            "resolution_edit", self, self.tr("What was checked and why it was decided so")
        )
        self.fields.add_field("resolution", self.tr("Reasons"), self.resolution_edit)
        self.hint_label = self._question(
            self.tr(
                "An upheld objection stops the grant as publicised: withdraw it and draft it again."
            ),
            "hint_label",
        )
        self.save_button.setText(self.tr("Record the finding"))
        self._finish_layout(self.grant_label, self.fields, self.hint_label)

    def _call(self) -> Callable[[], None]:
        if not (self.upheld_radio.isChecked() or self.dismissed_radio.isChecked()):
            raise ValidationError(
                "upheld", self.tr("Choose whether the objection is upheld or not.")
            )
        service, actor, objection_id = self._service, self._actor, self._objection.id
        upheld, resolution = self.upheld_radio.isChecked(), self.resolution_edit.toPlainText()
        return lambda: service.resolve_objection(
            actor, objection_id, upheld=upheld, resolution=resolution
        )


class WithdrawDialog(GrantStepDialog):
    """Withdraws a grant not yet in effect, with the reason."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("withdraw_dialog")
        self.setWindowTitle(self.tr("Withdraw the grant"))
        self.question_label = self._question(
            self.tr(
                "Withdraw %1? It stays on record as withdrawn; the achievement may then be "
                "granted anew."
            ).replace("%1", grant.doc_no)
        )
        self.reason_edit = self._reason(
            self.tr("Reason"), self.tr("e.g. the shares are to be agreed again")
        )
        self.save_button.setText(self.tr("Withdraw"))
        self._finish_layout(self.grant_label, self.question_label, self.fields)

    def _call(self) -> Callable[[], None]:
        service, actor, grant_id = self._service, self._actor, self._grant.id
        reason = self.reason_edit.text()
        return lambda: service.withdraw(actor, grant_id, reason)
