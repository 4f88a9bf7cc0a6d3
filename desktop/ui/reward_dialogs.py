"""The dialogs of a reward calculation (measure 十二): entering and saving one (with its preview),
the public notice, objections received during it and how they were settled, the payment, the
cancellation, and the unit's own dated policy (rates, deductible costs).

Each is a ``ServiceDialog``: it calls one ``RewardService`` method on the TaskRunner and closes
only once the service has accepted. A ``ValidationError`` appears at its field (a date or an
amount that cannot be read at all is reported the same way, from the worker, so there is one
path); a ``RuleViolation`` is shown in a box that names the rule and its source; the dialog
stays open, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.calendar import Calendar, Deadline, working_days
from desktop.domain.dates import format_cn_date
from desktop.domain.people import Person
from desktop.domain.rewards import (
    UNIT_RULES,
    RewardCalculation,
    RewardDraft,
    RewardObjection,
    RewardResult,
    UnitPolicy,
    percent_text,
)
from desktop.domain.transformations import Transformation
from desktop.errors import AppError, RuleViolation, ValidationError
from desktop.services.bundle import Services
from desktop.services.rewards import RewardService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.forms.grant_form import read_iso_date
from desktop.ui.forms.reward_form import (
    RewardForm,
    cn_date,
    kind_name,
    pool_summary,
    unit_rule_name,
)
from desktop.ui.forms.transformation_form import read_percent
from desktop.ui.grant_dialogs import text_edit
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ServiceDialog

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 50
FORM_DIALOG_WIDTH = 1280
FORM_DIALOG_HEIGHT = 820
STEP_DIALOG_WIDTH = 600
ERROR_COLOUR = "#b3261e"
NOTE_COLOUR = "#5f6368"
RATE_PAGE, DEDUCTIONS_PAGE, STATE_PAGE = range(3)


def _required_date(edit: QLineEdit, field: str, message: str) -> str:
    day = read_iso_date(edit.text(), field)
    if day is None:
        raise ValidationError(field, message)
    return day


def policy_value_text(rule_id: str, value: object) -> str:
    """A stored policy value as people read it: 70%, 评估费、专利维持费, 是."""
    if rule_id.startswith("unit.rate."):
        return percent_text(Decimal(str(value)))
    if rule_id == "unit.deductions" and isinstance(value, list):
        return "、".join(str(v) for v in value) or "—"
    return labels.yes_no(bool(value))


# -- the calculation ---------------------------------------------------------------------------
class RewardDialog(ServiceDialog):
    """Enters a new calculation; Preview calculates it off the UI thread and shows the
    breakdown before anything is saved. ``saved`` carries the new calculation's id.

    Signals:
        previewed: the ``RewardResult`` now shown.
    """

    previewed = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("reward_dialog")
        self.setWindowTitle(self.tr("New reward calculation"))
        self.resize(FORM_DIALOG_WIDTH, FORM_DIALOG_HEIGHT)
        self._service = services.rewards
        self._people = services.people
        self._transformations = services.transformations
        self._actor = actor
        self._generations = {"people": 0, "policy": 0}
        self._previewing = False
        self.form = RewardForm(today, self)
        self.form.setObjectName("form")
        self.intro_label = self._question(
            self.tr(
                "The reward for the people who completed and transformed the achievement "
                "(measure 12). Saving keeps the figures with the rule versions they used; the "
                "reward is then publicised before it is paid."
            ),
            "intro_label",
        )
        self.people_timer = QTimer(self)
        self.people_timer.setObjectName("people_timer")
        self.people_timer.setSingleShot(True)
        self.people_timer.setInterval(SEARCH_DELAY_MS)
        self.save_button.setText(self.tr("Save calculation"))
        self._finish_layout(self.intro_label, self.form)
        self.layout_.setStretch(1, 1)
        self.form.people_search_edited.connect(self._on_form_people_search_edited)
        self.form.calculation_date_changed.connect(self._on_form_calculation_date_changed)
        self.form.preview_requested.connect(self._on_form_preview_requested)
        self.people_timer.timeout.connect(self._on_people_timer_timeout)
        self.search_people("")
        self.load_transformations()
        self.load_policy(today.isoformat())

    # -- public --------------------------------------------------------------------------------
    @property
    def previewing(self) -> bool:
        return self._previewing

    def search_people(self, text: str) -> None:
        service, actor = self._people, self._actor
        self._generations["people"] += 1
        generation = self._generations["people"]

        def done(rows: list[Person]) -> None:
            if shiboken6.isValid(self) and generation == self._generations["people"]:
                self.form.set_people(rows)

        self._runner.run(
            lambda: service.page(actor, 0, SEARCH_LIMIT, text.strip(), active_only=True),
            done,
            self._on_load_error,
        )

    def load_transformations(self) -> None:
        service, actor = self._transformations, self._actor

        def done(rows: list[Transformation]) -> None:
            if shiboken6.isValid(self):
                self.form.set_transformations(rows)

        self._runner.run(lambda: service.visible(actor), done, self._on_load_error)

    def load_policy(self, on: str) -> None:
        """The unit's policy as it stands on ``on`` (the calculation day)."""
        service, actor = self._service, self._actor
        self._generations["policy"] += 1
        generation = self._generations["policy"]

        def done(policy: UnitPolicy) -> None:
            if shiboken6.isValid(self) and generation == self._generations["policy"]:
                self.form.set_policy(policy)

        self._runner.run(lambda: service.policy(actor, on), done, self._on_load_error)

    def preview(self) -> None:
        """Calculate what is typed, without keeping it."""
        if self._previewing:
            return
        self.clear_errors()
        try:
            draft: RewardDraft = self.form.value()
        except ValidationError as error:
            self._on_preview_error(error)
            return
        service, actor = self._service, self._actor
        self._previewing = True
        self.form.set_previewing(True)
        self._runner.run(
            lambda: service.preview(actor, draft), self._on_previewed, self._on_preview_error
        )

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error) or super().show_field_error(error)

    def clear_errors(self) -> None:
        self.form.clear_errors()
        super().clear_errors()

    # -- slots ---------------------------------------------------------------------------------
    def _on_form_people_search_edited(self, _text: str) -> None:
        self.people_timer.start()

    def _on_people_timer_timeout(self) -> None:
        self.search_people(self.form.people_search_edit.text())

    def _on_form_calculation_date_changed(self, on: str) -> None:
        self.load_policy(on)

    def _on_form_preview_requested(self) -> None:
        self.preview()

    def _on_previewed(self, result: RewardResult) -> None:
        if not shiboken6.isValid(self):
            return
        self._previewing = False
        self.form.set_previewing(False)
        self.form.show_result(result)
        self.previewed.emit(result)

    def _on_preview_error(self, error: AppError) -> None:
        if not shiboken6.isValid(self):
            return
        self._previewing = False
        self.form.set_previewing(False)
        self.form.preview_status_label.setText(
            self.tr("Not calculated: see the message.")
            if not isinstance(error, ValidationError)
            else self.tr("Not calculated: see the field marked in red.")
        )
        self.form.preview_status_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        if isinstance(error, ValidationError) and self.show_field_error(error):
            return
        show_error(self, error)

    def _on_load_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    # -- internals -----------------------------------------------------------------------------
    def _job(self) -> Callable[[], Any]:
        draft: RewardDraft = self.form.value()
        service, actor = self._service, self._actor
        return lambda: service.save(actor, draft)


# -- the steps ---------------------------------------------------------------------------------
class RewardStepDialog(ServiceDialog):
    """One step of one calculation: ``header_label`` names it at the top; subclasses add fields,
    set the save button's text, call ``_finish_layout`` and implement ``_call``."""

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        calculation: RewardCalculation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._service = service
        self._actor = actor
        self._calculation = calculation
        c = calculation
        self.header_label = self._question(
            f"{c.title}　{kind_name(c.input.kind)}　{pool_summary(c.result)}", "header_label"
        )
        self.header_label.setStyleSheet("font-weight: bold;")

    @property
    def calculation_id(self) -> int:
        return self._calculation.id

    def _finish_layout(self, *widgets: QWidget) -> None:
        super()._finish_layout(*widgets)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.fit()  # the texts wrap as they are shown (polished, in the dialog's font)

    def fit(self) -> None:
        """As tall as the wrapped texts need at the dialog's width."""
        width = max(self.width(), STEP_DIALOG_WIDTH)
        height = self.sizeHint().height()
        if self.layout_.hasHeightForWidth():
            height = max(height, self.layout_.heightForWidth(width))
        self.resize(width, height)

    def _date(self, field: str, label: str, initial: dt.date | None, *, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("e.g. 2026-01-05"))
        if initial is not None:
            edit.setText(format_cn_date(initial))
        self.fields.add_field(field, label, edit)
        return edit

    def _note(self, name: str, text: str) -> QLabel:
        label = self._question(text, name)
        label.setStyleSheet(f"color: {NOTE_COLOUR};")
        return label

    def _job(self) -> Callable[[], Any]:
        return self._call()

    def _call(self) -> Callable[[], Any]:
        raise NotImplementedError


class NoticeDialog(RewardStepDialog):
    """Starts the public notice of the reward for the unit's period in working days (D2); the
    end, and how it was counted, are shown before saving. ``saved`` carries the ``Deadline``."""

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        calculation: RewardCalculation,
        calendar: Calendar,
        days: int,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, calculation, parent)
        self.setObjectName("notice_dialog")
        self.setWindowTitle(self.tr("Publicise the reward"))
        self._calendar = calendar
        self._days = days
        self.intro_label = self._question(
            self.tr(
                "The unit publishes who is rewarded, how much and why. The reward may be paid "
                "only after the notice has ended with every objection settled."
            ),
            "intro_label",
        )
        self.start_edit = self._date("notice_start", self.tr("Starts on"), today, name="start_edit")
        self.period_label = QLabel(
            self.tr("%1 working days (set by the unit, not verified)").replace("%1", str(days)),
            self,
        )
        self.period_label.setObjectName("period_label")
        self.period_label.setWordWrap(True)
        self.fields.add_field("period", self.tr("Period"), self.period_label)
        self.end_label = QLabel(self)
        self.end_label.setObjectName("end_label")
        self.end_label.setStyleSheet("font-weight: bold;")
        self.fields.add_field("end", self.tr("Ends"), self.end_label)
        self.explanation_label = QLabel(self)
        self.explanation_label.setObjectName("explanation_label")
        self.explanation_label.setWordWrap(True)
        self.fields.add_field("explanation", self.tr("Why"), self.explanation_label)
        for label in (self.period_label, self.end_label, self.explanation_label):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.save_button.setText(self.tr("Start the notice"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)
        self.start_edit.textChanged.connect(self._on_start_edit_text_changed)
        self._on_start_edit_text_changed()

    @property
    def deadline(self) -> Deadline | None:
        """The period as the start typed makes it; None when it cannot be computed."""
        try:
            start = read_iso_date(self.start_edit.text(), "notice_start")
            return (
                None
                if start is None
                else working_days(dt.date.fromisoformat(start), self._days, self._calendar)
            )
        except (ValidationError, RuleViolation):
            return None

    def _on_start_edit_text_changed(self, _text: str = "") -> None:
        try:
            start = read_iso_date(self.start_edit.text(), "notice_start")
            deadline = (
                None
                if start is None
                else working_days(dt.date.fromisoformat(start), self._days, self._calendar)
            )
        except (ValidationError, RuleViolation) as error:
            self._show_end("—", error.message, failed=True)
            return
        if deadline is None:
            self._show_end("—", "", failed=False)
            return
        self._show_end(
            self.tr("%1, 24:00").replace("%1", format_cn_date(deadline.end)),
            deadline.explain(),
            failed=False,
        )

    def _show_end(self, end: str, explanation: str, *, failed: bool) -> None:
        self.end_label.setText(end)
        self.explanation_label.setText(explanation)
        self.explanation_label.setStyleSheet(f"color: {ERROR_COLOUR};" if failed else "")
        self.fit()

    def _call(self) -> Callable[[], Deadline]:
        start = _required_date(
            self.start_edit, "notice_start", self.tr("Type the day the notice starts.")
        )
        service, actor, cid = self._service, self._actor, self.calculation_id
        return lambda: service.start_notice(actor, cid, start)


class ObjectionDialog(RewardStepDialog):
    """Records an objection received during the notice. ``saved`` carries its id."""

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        calculation: RewardCalculation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, calculation, parent)
        self.setObjectName("objection_dialog")
        self.setWindowTitle(self.tr("Record an objection"))
        self.received_on_edit = self._date(
            "received_on", self.tr("Received on"), today, name="received_on_edit"
        )
        self.content_edit = text_edit("content_edit", self, self.tr("What the objection says"))
        self.fields.add_field("content", self.tr("Objection"), self.content_edit)
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.fields)

    def _call(self) -> Callable[[], int]:
        received = _required_date(
            self.received_on_edit, "received_on", self.tr("Type the day it was received.")
        )
        content = self.content_edit.toPlainText()
        service, actor, cid = self._service, self._actor, self.calculation_id
        return lambda: service.add_objection(actor, cid, received_on=received, content=content)


class SettleObjectionDialog(RewardStepDialog):
    """Records how an objection was settled (the reasons; the day is today's)."""

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        calculation: RewardCalculation,
        objection: RewardObjection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, calculation, parent)
        self.setObjectName("settle_objection_dialog")
        self.setWindowTitle(self.tr("Settle an objection"))
        self._objection = objection
        self.objection_label = QLabel(
            f"{cn_date(objection.received_on)}\n{objection.content}", self
        )
        self.objection_label.setObjectName("objection_label")
        self.objection_label.setWordWrap(True)
        self.fields.add_field("objection", self.tr("Objection"), self.objection_label)
        self.resolution_edit = text_edit(
            "resolution_edit",
            self,
            self.tr("How it was looked into and what was decided, e.g. the shares were checked"),
        )
        self.fields.add_field("resolution", self.tr("Settled with"), self.resolution_edit)
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.fields)

    def _call(self) -> Callable[[], None]:
        resolution = self.resolution_edit.toPlainText()
        service, actor, objection_id = self._service, self._actor, self._objection.id
        return lambda: service.resolve_objection(actor, objection_id, resolution)


class PayDialog(RewardStepDialog):
    """Marks the reward paid out: only after the notice has ended with every objection
    settled (the service refuses earlier, with the rule)."""

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        calculation: RewardCalculation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, calculation, parent)
        self.setObjectName("pay_dialog")
        self.setWindowTitle(self.tr("Pay out the reward"))
        end = calculation.notice_end
        self.intro_label = self._question(
            self.tr(
                "The notice runs until %1, 24:00; the reward may be paid from the day after."
            ).replace("%1", cn_date(end))
            if end
            else self.tr("The reward has not been publicised yet."),
            "intro_label",
        )
        self.paid_on_edit = self._date(
            "paid_on", self.tr("Paid out on"), today, name="paid_on_edit"
        )
        self.save_button.setText(self.tr("Mark paid out"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], None]:
        paid_on = _required_date(
            self.paid_on_edit, "paid_on", self.tr("Type the day the reward was paid out.")
        )
        service, actor, cid = self._service, self._actor, self.calculation_id
        return lambda: service.mark_paid(actor, cid, paid_on)


class CancelDialog(RewardStepDialog):
    """Cancels the calculation, with the reason; it stays on record."""

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        calculation: RewardCalculation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, calculation, parent)
        self.setObjectName("cancel_dialog")
        self.setWindowTitle(self.tr("Cancel the calculation"))
        self.question_label = self._question(
            self.tr(
                "Cancel this calculation? It stays on record with its figures; it can no longer "
                "be publicised or paid. Enter a new calculation instead."
            )
        )
        self.reason_edit = self._reason(
            self.tr("Reason"), self.tr("e.g. the contribution shares were recorded wrongly")
        )
        self.save_button.setText(self.tr("Cancel the calculation"))
        self._finish_layout(self.header_label, self.question_label, self.fields)

    def _call(self) -> Callable[[], None]:
        reason = self.reason_edit.text()
        service, actor, cid = self._service, self._actor, self.calculation_id
        return lambda: service.cancel(actor, cid, reason)


# -- the unit's policy -------------------------------------------------------------------------
class PolicyDialog(ServiceDialog):
    """Adds a dated version of one of the unit's reward rules (a rate, the deductible costs,
    whether the unit was established by the state). Earlier calculations keep the version they
    used. The rules as they stand, with their history, are listed above."""

    history_loaded = Signal()

    def __init__(
        self,
        service: RewardService,
        runner: TaskRunner,
        actor: User,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("policy_dialog")
        self.setWindowTitle(self.tr("The unit's reward policy"))
        self.resize(760, 640)
        self._service = service
        self._actor = actor
        self.intro_label = self._question(
            self.tr(
                "The unit's own rules for rewards, each from a date and with the document that "
                "sets it. A calculation uses the version in force on its calculation date."
            ),
            "intro_label",
        )
        self.history_table = QTableWidget(0, 4, self)
        self.history_table.setObjectName("history_table")
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Value"), self.tr("In force from"), self.tr("Source")]
        )
        self.history_table.verticalHeader().hide()
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.rule_combo = QComboBox(self)
        self.rule_combo.setObjectName("rule_combo")
        for rule_id in UNIT_RULES:
            self.rule_combo.addItem(unit_rule_name(rule_id), rule_id)
        self.value_stack = QStackedWidget(self)
        self.value_stack.setObjectName("value_stack")
        self.rate_page = QWidget(self.value_stack)
        self.rate_page.setObjectName("rate_page")
        self.rate_edit = QLineEdit(self.rate_page)
        self.rate_edit.setObjectName("rate_edit")
        self.rate_edit.setPlaceholderText(self.tr("e.g. 70"))
        self.rate_edit.setMaximumWidth(120)
        row = QHBoxLayout(self.rate_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rate_edit)
        row.addWidget(QLabel("%", self.rate_page))
        row.addStretch(1)
        self.deductions_edit = text_edit(
            "deductions_edit", self.value_stack, self.tr("One cost per line, e.g. 评估费")
        )
        self.state_check = QCheckBox(
            self.tr("A research institute or university established by the state"),
            self.value_stack,
        )
        self.state_check.setObjectName("state_check")
        self.state_check.setChecked(True)
        for page in (self.rate_page, self.deductions_edit, self.state_check):
            self.value_stack.addWidget(page)
        self.effective_from_edit = QLineEdit(self)
        self.effective_from_edit.setObjectName("effective_from_edit")
        self.effective_from_edit.setPlaceholderText(self.tr("e.g. 2026-01-05"))
        self.effective_from_edit.setText(format_cn_date(today))
        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("source_edit")
        self.source_edit.setPlaceholderText(self.tr("e.g. 校字〔2024〕8号"))
        add = self.fields.add_field
        add("rule", self.tr("Rule"), self.rule_combo)
        add("value", self.tr("New value"), self.value_stack)
        add("effective_from", self.tr("In force from"), self.effective_from_edit)
        add("source", self.tr("Unit document"), self.source_edit)
        self.save_button.setText(self.tr("Add this version"))
        self._finish_layout(self.intro_label, self.history_table, self.fields)
        self.layout_.setStretch(1, 1)
        self.rule_combo.currentIndexChanged.connect(self._on_rule_combo_current_index_changed)
        self._on_rule_combo_current_index_changed()
        self.load_history()

    def load_history(self) -> None:
        service, actor = self._service, self._actor

        def done(rows: list[tuple[str, object, str, str]]) -> None:
            if not shiboken6.isValid(self):
                return
            self.history_table.setRowCount(0)
            for rule_id, value, since, source in rows:
                at = self.history_table.rowCount()
                self.history_table.insertRow(at)
                cells = (unit_rule_name(rule_id), policy_value_text(rule_id, value))
                for column, text in enumerate((*cells, cn_date(since), source)):
                    self.history_table.setItem(at, column, QTableWidgetItem(text))
            self.history_loaded.emit()

        self._runner.run(lambda: service.policy_history(actor), done, self._on_load_error)

    @property
    def rule_id(self) -> str:
        return str(self.rule_combo.currentData())

    def choose_rule(self, rule_id: str) -> None:
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(rule_id))

    def _on_rule_combo_current_index_changed(self, _index: int = 0) -> None:
        rule_id = self.rule_id
        if rule_id.startswith("unit.rate."):
            self.value_stack.setCurrentIndex(RATE_PAGE)
        elif rule_id == "unit.deductions":
            self.value_stack.setCurrentIndex(DEDUCTIONS_PAGE)
        else:
            self.value_stack.setCurrentIndex(STATE_PAGE)
        page = self.value_stack.currentWidget()
        assert page is not None
        self.value_stack.setFixedHeight(page.sizeHint().height())
        self.fields.clear_error("value")

    def _on_load_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    def _value(self) -> object:
        rule_id = self.rule_id
        if rule_id.startswith("unit.rate."):
            percent = read_percent(self.rate_edit.text(), "value")
            if percent is None or not Decimal(0) < percent <= 100:
                raise ValidationError(
                    "value", self.tr("Type the rate as a percentage above 0, at most 100.")
                )
            return f"{(percent / 100).normalize():f}"
        if rule_id == "unit.deductions":
            return [
                line.strip()
                for line in self.deductions_edit.toPlainText().splitlines()
                if line.strip()
            ]
        return self.state_check.isChecked()

    def _job(self) -> Callable[[], Any]:
        value = self._value()
        since = read_iso_date(self.effective_from_edit.text(), "effective_from") or ""
        rule_id, source = self.rule_id, self.source_edit.text()
        service, actor = self._service, self._actor
        return lambda: service.set_policy(
            actor, rule_id, value, effective_from=since, source=source
        )
