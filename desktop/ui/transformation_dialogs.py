"""The dialogs of a transformation: drafting the contract, each step of the pricing procedure
(measure 四), signing, completing and terminating it, the technology contract registration, the
gates' records (secrecy approval, export check) and the separate ledger's receipts and
payments.

Each is a ``ServiceDialog``: it calls one ``TransformationService`` method on the TaskRunner and
closes only once the service has accepted. A ``ValidationError`` appears at its field (a date or
an amount that cannot be read at all is reported the same way, from the worker, so there is one
path); a ``RuleViolation`` is shown in a box that names the rule and its source; the dialog stays
open, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementQuery, AchievementRow
from desktop.domain.calendar import Calendar, Deadline
from desktop.domain.counterparties import Counterparty
from desktop.domain.dates import format_cn_date
from desktop.domain.gates import ExportCheck, Finding
from desktop.domain.pricing import APPRAISALS, listing_days, listing_deadline, notice_deadline
from desktop.domain.transformations import EquityTerms, Transformation, TransformationDraft, yuan
from desktop.errors import AppError, RuleViolation, ValidationError
from desktop.services.bundle import Services
from desktop.services.counterparties import CounterpartyService
from desktop.services.transformations import TransformationService
from desktop.ui import labels
from desktop.ui import transformation_labels as tl
from desktop.ui.errors import show_error
from desktop.ui.forms.grant_form import read_iso_date
from desktop.ui.forms.transformation_form import (
    TransformationForm,
    format_yuan,
    money_text,
    read_yuan,
)
from desktop.ui.grant_dialogs import text_edit
from desktop.ui.pages.counterparties_page import CounterpartyDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.export_check_form import ExportCheckForm
from desktop.ui.widgets.reason_dialog import ServiceDialog

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 50
DIALOG_WIDTH = 820
DIALOG_HEIGHT = 760
STEP_DIALOG_WIDTH = 640
ERROR_COLOUR = "#b3261e"


def _iso(edit: QLineEdit, field: str) -> str:
    return read_iso_date(edit.text(), field) or ""


# -- the contract ------------------------------------------------------------------------------
class TransformationDialog(ServiceDialog):
    """Drafts a new transformation (``transformation`` None) or corrects one whose price is not
    fixed yet. ``saved`` carries its id."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("transformation_dialog")
        self.setWindowTitle(
            self.tr("Edit transformation") if transformation else self.tr("New transformation")
        )
        self.resize(DIALOG_WIDTH, DIALOG_HEIGHT)
        self._service = services.transformations
        self._counterparties = services.counterparties
        self._achievements = services.achievements
        self._actor = actor
        self._transformation = transformation
        self._generations = {"counterparties": 0, "achievements": 0}
        self.counterparty_dialog: CounterpartyDialog | None = None
        self.form = TransformationForm(today, self)
        self.form.setObjectName("form")
        self.intro_label = self._question(
            self.tr(
                "Saving registers the contract; its price then goes through the procedure of "
                "measure 4 (appraisal decision, then notice, listing or auction) before the "
                "contract may be marked signed."
            ),
            "intro_label",
        )
        self.counterparty_timer = self._timer("counterparty_timer")
        self.achievement_timer = self._timer("achievement_timer")
        scroll = QScrollArea(self)
        scroll.setObjectName("scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self._finish_layout(self.intro_label, scroll)
        self.form.counterparty_search_edited.connect(self._on_form_counterparty_search_edited)
        self.form.achievement_search_edited.connect(self._on_form_achievement_search_edited)
        self.form.new_counterparty_requested.connect(self._on_form_new_counterparty_requested)
        self.counterparty_timer.timeout.connect(self._on_counterparty_timer_timeout)
        self.achievement_timer.timeout.connect(self._on_achievement_timer_timeout)
        if transformation is not None:
            self.form.set_value(
                transformation.draft,
                counterparty_name=transformation.counterparty_name,
                achievement_titles=transformation.achievement_titles,
            )
        self.search_counterparties("")
        self.search_achievements("")

    def _timer(self, name: str) -> QTimer:
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        timer.setInterval(SEARCH_DELAY_MS)
        return timer

    # -- public --------------------------------------------------------------------------------
    def search_counterparties(self, text: str) -> None:
        service, actor = self._counterparties, self._actor
        self._search(
            "counterparties",
            lambda: service.search(actor, text.strip()),
            self._counterparties_found,
        )

    def search_achievements(self, text: str) -> None:
        service, actor = self._achievements, self._actor
        query = AchievementQuery(text=text.strip())
        self._search(
            "achievements",
            lambda: service.page(actor, 0, SEARCH_LIMIT, query),
            self._achievements_found,
        )

    def open_counterparty_dialog(self) -> CounterpartyDialog:
        dialog = CounterpartyDialog(self._counterparties, self._runner, self._actor, None, self)
        dialog.saved.connect(self._on_counterparty_dialog_saved)
        dialog.finished.connect(self._on_counterparty_dialog_finished)
        self.counterparty_dialog = dialog
        dialog.open()
        return dialog

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error) or super().show_field_error(error)

    def clear_errors(self) -> None:
        self.form.clear_errors()
        super().clear_errors()

    # -- slots ---------------------------------------------------------------------------------
    def _on_form_counterparty_search_edited(self, _text: str) -> None:
        self.counterparty_timer.start()

    def _on_form_achievement_search_edited(self, _text: str) -> None:
        self.achievement_timer.start()

    def _on_counterparty_timer_timeout(self) -> None:
        self.search_counterparties(self.form.counterparty_search_edit.text())

    def _on_achievement_timer_timeout(self) -> None:
        self.search_achievements(self.form.achievement_search_edit.text())

    def _on_form_new_counterparty_requested(self) -> None:
        if self.counterparty_dialog is None:
            self.open_counterparty_dialog()

    def _on_counterparty_dialog_saved(self, counterparty_id: int) -> None:
        service, actor = self._counterparties, self._actor

        def done(counterparty: Counterparty) -> None:
            if shiboken6.isValid(self):
                self.form.add_counterparty(counterparty)

        self._runner.run(lambda: service.get(actor, counterparty_id), done, self._on_load_error)

    def _on_counterparty_dialog_finished(self, _result: int) -> None:
        self.counterparty_dialog = None

    # -- internals -----------------------------------------------------------------------------
    def _search(self, what: str, job: Callable[[], Any], found: Callable[[Any], None]) -> None:
        self._generations[what] += 1
        generation = self._generations[what]

        def done(rows: Any) -> None:
            if shiboken6.isValid(self) and generation == self._generations[what]:
                found(rows)

        self._runner.run(job, done, self._on_load_error)

    def _counterparties_found(self, rows: list[Counterparty]) -> None:
        self.form.set_counterparties(rows)

    def _achievements_found(self, rows: list[AchievementRow]) -> None:
        self.form.set_achievements(rows)

    def _on_load_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    def _job(self) -> Callable[[], Any]:
        draft: TransformationDraft = self.form.value()
        service, actor, existing = self._service, self._actor, self._transformation
        if existing is None:
            return lambda: service.create(actor, draft)
        existing_id = existing.id

        def update() -> int:
            service.update(actor, existing_id, draft)
            return existing_id

        return update


# -- the steps ---------------------------------------------------------------------------------
class StepDialog(ServiceDialog):
    """One step of one transformation: ``header_label`` names it at the top; subclasses add
    fields, set the save button's text, call ``_finish_layout`` and implement ``_call``."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._service = service
        self._actor = actor
        self._transformation = transformation
        t = transformation
        party = f"　{t.counterparty_name}" if t.counterparty_name else ""
        self.header_label = self._question(f"{t.draft.title}{party}", "header_label")
        self.header_label.setStyleSheet("font-weight: bold;")

    @property
    def transformation_id(self) -> int:
        return self._transformation.id

    def _finish_layout(self, *widgets: QWidget) -> None:
        super()._finish_layout(*widgets)
        self.fit()

    def fit(self) -> None:
        """As tall as the wrapped texts need at the dialog's width (Qt does not grow a dialog
        for a label that wraps onto more lines)."""
        width = max(self.width(), STEP_DIALOG_WIDTH)
        height = self.sizeHint().height()
        if self.layout_.hasHeightForWidth():
            height = max(height, self.layout_.heightForWidth(width))
        self.resize(width, height)

    def _date(
        self, field: str, label: str, initial: dt.date | str | None, *, name: str = ""
    ) -> QLineEdit:
        """A date typed as 2026-01-05 or 2026年1月5日, shown in Chinese at first; the edit is
        named ``name`` (the attribute that holds it), or ``<field>_edit``."""
        edit = QLineEdit(self)
        edit.setObjectName(name or f"{field}_edit")
        edit.setPlaceholderText(self.tr("e.g. 2026-01-05"))
        if isinstance(initial, str):
            initial = dt.date.fromisoformat(initial)
        if initial is not None:
            edit.setText(format_cn_date(initial))
        self.fields.add_field(field, label, edit)
        return edit

    def _money(
        self, field: str, label: str, initial_fen: int | None = None, *, name: str = ""
    ) -> QLineEdit:
        """An amount typed in yuan, shown with thousands separators once typed."""
        holder = QWidget(self)
        edit = QLineEdit(holder)
        edit.setObjectName(name or f"{field}_edit")
        edit.setPlaceholderText(self.tr("e.g. 500,000.00"))
        edit.setMaximumWidth(200)
        edit.setText(format_yuan(initial_fen))
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit)
        row.addWidget(QLabel(self.tr("yuan"), holder))
        row.addStretch(1)
        self.fields.add_field(field, label, holder)

        def reformat() -> None:
            if (text := money_text(edit.text())) is not None:
                edit.setText(text)

        edit.editingFinished.connect(reformat)
        return edit

    def _note(self, name: str, text: str) -> QLabel:
        label = self._question(text, name)
        label.setStyleSheet("color: palette(mid);")
        return label

    def _job(self) -> Callable[[], Any]:
        return self._call()

    def _call(self) -> Callable[[], Any]:
        raise NotImplementedError


class OnDateDialog(StepDialog):
    """A step that needs only its date: close the notice, listing lapsed, complete."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        event: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self._event = event
        self.setObjectName(f"{event}_dialog")
        self.setWindowTitle(tl.event(event))
        t = transformation
        if event == "close_notice":
            assert t.notice_end is not None
            intro = self.tr(
                "The notice runs until %1, 24:00. It may be closed from the day after, when no "
                "objection was received; an objection leads to a market listing instead."
            ).replace("%1", _cn(t.notice_end))
        elif event == "listing_lapsed":
            assert t.listing_end is not None
            intro = self.tr("The listing runs until %1, 24:00.").replace("%1", _cn(t.listing_end))
            intro += " " + (
                self.tr(
                    "Nobody took it within half a month: the deal proceeds at the negotiated "
                    "price (measure 4)."
                )
                if t.objected
                else self.tr(
                    "Nobody took it: the procedure goes back to choosing the pricing method."
                )
            )
        else:
            intro = self.tr(
                "The contract has been performed in full; the transformation is closed."
            )
        self.intro_label = self._question(intro, "intro_label")
        self.on_edit = self._date("on_date", self.tr("On"), today, name="on_edit")
        self.save_button.setText(tl.event(event))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], None]:
        service, actor, tid = self._service, self._actor, self.transformation_id
        on = _iso(self.on_edit, "on_date")
        method = {
            "close_notice": service.close_notice,
            "listing_lapsed": service.listing_lapsed,
            "complete": service.complete,
        }[self._event]
        return lambda: method(actor, tid, on)


class AppraisalDialog(StepDialog):
    """Records the asset appraisal decision with its basis (measure 四)."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        counterparty: Counterparty | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("appraisal_dialog")
        self.setWindowTitle(tl.event("record_appraisal"))
        state_owned = counterparty is not None and counterparty.draft.ownership == "state_wholly"
        self.intro_label = self._question(
            self.tr("The buyer is wholly state-owned: the appraisal is not required (measure 4).")
            if state_owned
            else self.tr(
                "The buyer is not wholly state-owned: appraise, or record the unit's decision "
                "not to appraise and its basis (measure 4)."
            ),
            "intro_label",
        )
        self.decision_combo = QComboBox(self)
        self.decision_combo.setObjectName("decision_combo")
        self.decision_combo.setPlaceholderText(self.tr("Choose the decision"))
        for code in APPRAISALS:
            self.decision_combo.addItem(tl.appraisal(code), code)
        self.decision_combo.setCurrentIndex(-1)
        self.fields.add_field("appraisal", self.tr("Appraisal choice"), self.decision_combo)
        self.basis_edit = text_edit(
            "basis_edit", self, self.tr("e.g. the president's office meeting of 5 January 2026")
        )
        self.fields.add_field("appraisal_basis", self.tr("Basis"), self.basis_edit)
        self._value_row = self.fields.layout_.rowCount()
        self.value_edit = self._money(
            "appraised_value", self.tr("Appraised value"), name="value_edit"
        )
        self.on_edit = self._date("on_date", self.tr("Decided on"), today, name="on_edit")
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)
        self.decision_combo.currentIndexChanged.connect(
            self._on_decision_combo_current_index_changed
        )
        self._on_decision_combo_current_index_changed()

    def _on_decision_combo_current_index_changed(self, _index: int = 0) -> None:
        self.fields.layout_.setRowVisible(
            self._value_row, self.decision_combo.currentData() == "appraised"
        )
        self.fields.clear_error("appraisal")

    def _call(self) -> Callable[[], None]:
        decision = str(self.decision_combo.currentData() or "")
        value = (
            read_yuan(self.value_edit.text(), "appraised_value")
            if decision == "appraised"
            else None
        )
        basis, on = self.basis_edit.toPlainText(), _iso(self.on_edit, "on_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.record_appraisal(
            actor, tid, decision=decision, basis=basis, value_fen=value, on=on
        )


class DeadlineDialog(StepDialog):
    """A step that starts a period (the notice, the listing): the end, and why it is the end,
    are shown before saving. ``saved`` carries the ``Deadline``."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        calendar: Calendar,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self._calendar = calendar
        self.start_edit = self._date("on_date", self.tr("Starts on"), today, name="start_edit")
        self.period_label = QLabel(self)
        self.period_label.setObjectName("period_label")
        self.period_label.setWordWrap(True)
        self.fields.add_field("period", self.tr("Period"), self.period_label)
        self.end_label = QLabel(self)
        self.end_label.setObjectName("end_label")
        self.end_label.setWordWrap(True)
        self.end_label.setStyleSheet("font-weight: bold;")
        self.fields.add_field("end", self.tr("Ends"), self.end_label)
        self.explanation_label = QLabel(self)
        self.explanation_label.setObjectName("explanation_label")
        self.explanation_label.setWordWrap(True)
        self.fields.add_field("explanation", self.tr("Why"), self.explanation_label)
        for label in (self.period_label, self.end_label, self.explanation_label):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.start_edit.textChanged.connect(self._on_start_edit_text_changed)

    @property
    def deadline(self) -> Deadline | None:
        """The period as the dates typed make it; None when it cannot be computed."""
        try:
            start = read_iso_date(self.start_edit.text(), "on_date")
        except ValidationError:
            return None
        if start is None:
            return None
        try:
            return self._compute(dt.date.fromisoformat(start))
        except RuleViolation:
            return None

    def _compute(self, start: dt.date) -> Deadline:
        raise NotImplementedError

    def _on_start_edit_text_changed(self, _text: str = "") -> None:
        try:
            start = read_iso_date(self.start_edit.text(), "on_date")
        except ValidationError as error:
            self._show_end("—", error.message, failed=True)
            return
        if start is None:
            self._show_end("—", "", failed=False)
            return
        try:
            deadline = self._compute(dt.date.fromisoformat(start))
        except RuleViolation as violation:
            self._show_end("—", violation.message, failed=True)
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


class NoticeDialog(DeadlineDialog):
    """Starts the internal notice of the achievement's name and the proposed price (协议定价
    公示) for the unit's period, counted as D1 counts."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        calendar: Calendar,
        days: int,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        self._days = days
        super().__init__(service, runner, actor, transformation, calendar, today, parent)
        self.setObjectName("notice_dialog")
        self.setWindowTitle(tl.event("start_notice"))
        t = transformation
        titles = "、".join(t.achievement_titles)
        self.intro_label = self._question(
            self.tr(
                "The unit publishes the achievement's name (%1) and the proposed price of %2 "
                "yuan. An objection received during the notice leads to a market listing."
            )
            .replace("%1", titles)
            .replace("%2", yuan(t.draft.price_fen)),
            "intro_label",
        )
        self.period_label.setText(
            self.tr(
                "%1 days (set by the unit, not verified); the start day is not counted"
            ).replace("%1", str(days))
        )
        self.save_button.setText(tl.event("start_notice"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)
        self._on_start_edit_text_changed()

    def _compute(self, start: dt.date) -> Deadline:
        return notice_deadline(start, self._days, self._calendar)

    def _call(self) -> Callable[[], Deadline]:
        start = _iso(self.start_edit, "on_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.start_notice(actor, tid, start)


class ListingDialog(DeadlineDialog):
    """Lists the achievement on a technology market: half a month (D1) for a taker."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        calendar: Calendar,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, calendar, today, parent)
        self.setObjectName("listing_dialog")
        self.setWindowTitle(tl.event("start_listing"))
        self.intro_label = self._question(
            self.tr(
                "After an objection the achievement is listed on a technology market; if nobody "
                "takes it within half a month, the deal proceeds at the negotiated price."
            )
            if transformation.objected
            else self.tr("The achievement is listed on a technology market for half a month."),
            "intro_label",
        )
        self.period_label.setText(
            self.tr("half a month, counted as %1 days; the start day is not counted").replace(
                "%1", str(listing_days())
            )
        )
        self.save_button.setText(tl.event("start_listing"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)
        self._on_start_edit_text_changed()

    def _compute(self, start: dt.date) -> Deadline:
        return listing_deadline(start, self._calendar)

    def _call(self) -> Callable[[], Deadline]:
        start = _iso(self.start_edit, "on_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.start_listing(actor, tid, start)


class ObjectionDialog(StepDialog):
    """Records an objection received during the notice: the deal goes to a market listing."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("objection_dialog")
        self.setWindowTitle(tl.event("object"))
        t = transformation
        self.intro_label = self._question(
            self.tr(
                "The notice runs from %1 until %2, 24:00. An objection moves the deal to a "
                "market listing (measure 4)."
            )
            .replace("%1", _cn(t.notice_start))
            .replace("%2", _cn(t.notice_end)),
            "intro_label",
        )
        self.received_on_edit = self._date("received_on", self.tr("Received on"), today)
        self.content_edit = text_edit("content_edit", self, self.tr("What the objection says"))
        self.fields.add_field("content", self.tr("Objection"), self.content_edit)
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], None]:
        received = _iso(self.received_on_edit, "received_on")
        content = self.content_edit.toPlainText()
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.record_objection(actor, tid, received_on=received, content=content)


class WinnerDialog(StepDialog):
    """Someone took the listing, or won the auction: the deal is with them, at their price.
    The counterparties are read when the dialog opens."""

    def __init__(
        self,
        service: TransformationService,
        counterparties: CounterpartyService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        event: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self._event = event
        self._counterparties = counterparties
        self.setObjectName(f"{event}_dialog")
        self.setWindowTitle(tl.event(event))
        self.intro_label = self._question(
            self.tr("Who took the listing, and at what price.")
            if event == "listing_taken"
            else self.tr("Who won the auction, and at what price."),
            "intro_label",
        )
        self.on_edit = self._date("on_date", self.tr("On"), today, name="on_edit")
        picker = QWidget(self)
        self.counterparty_combo = QComboBox(picker)
        self.counterparty_combo.setObjectName("counterparty_combo")
        self.counterparty_combo.setPlaceholderText(self.tr("No counterparty chosen"))
        self.new_counterparty_button = QPushButton(self.tr("New counterparty…"), picker)
        self.new_counterparty_button.setObjectName("new_counterparty_button")
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.counterparty_combo, 1)
        row.addWidget(self.new_counterparty_button)
        self.fields.add_field("counterparty", self.tr("Counterparty"), picker)
        self.price_edit = self._money("price", self.tr("Price"), transformation.draft.price_fen)
        self.save_button.setText(self.tr("Record"))
        self.counterparty_dialog: CounterpartyDialog | None = None
        self._finish_layout(self.header_label, self.intro_label, self.fields)
        self.new_counterparty_button.clicked.connect(self._on_new_counterparty_button_clicked)
        self.reload_counterparties(transformation.draft.counterparty_id)

    def reload_counterparties(self, chosen: int | None) -> None:
        service, actor = self._counterparties, self._actor

        def done(rows: list[Counterparty]) -> None:
            if not shiboken6.isValid(self):
                return
            self.counterparty_combo.clear()
            for c in rows:
                self.counterparty_combo.addItem(c.name, c.id)
            self.counterparty_combo.setCurrentIndex(
                self.counterparty_combo.findData(chosen) if chosen is not None else -1
            )

        def failed(error: AppError) -> None:
            if shiboken6.isValid(self):
                show_error(self, error)

        self._runner.run(lambda: service.search(actor), done, failed)

    def _on_new_counterparty_button_clicked(self) -> None:
        if self.counterparty_dialog is not None:
            return
        dialog = CounterpartyDialog(self._counterparties, self._runner, self._actor, None, self)
        dialog.saved.connect(self._on_counterparty_dialog_saved)
        dialog.finished.connect(self._on_counterparty_dialog_finished)
        self.counterparty_dialog = dialog
        dialog.open()

    def _on_counterparty_dialog_saved(self, counterparty_id: int) -> None:
        self.reload_counterparties(counterparty_id)

    def _on_counterparty_dialog_finished(self, _result: int) -> None:
        self.counterparty_dialog = None

    def _call(self) -> Callable[[], None]:
        on = _iso(self.on_edit, "on_date")
        chosen = self.counterparty_combo.currentData()
        if chosen is None:
            raise ValidationError("counterparty", self.tr("Choose the counterparty."))
        price = read_yuan(self.price_edit.text(), "price") or 0
        service, actor, tid = self._service, self._actor, self.transformation_id
        method = service.listing_taken if self._event == "listing_taken" else service.record_auction
        counterparty_id = int(chosen)
        return lambda: method(actor, tid, on=on, counterparty_id=counterparty_id, price_fen=price)


class SignDialog(StepDialog):
    """Marks the contract signed once the procedure allows it and every gate is open; what it
    forms goes into the separate ledger. ``saved`` carries the warnings (list of Finding)."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("sign_dialog")
        self.setWindowTitle(tl.event("sign"))
        self.intro_label = self._question(
            self.tr(
                "Signing books what the contract forms into the separate ledger: the price as "
                "a receivable, a pay-later licence's instalments with their conditions, or "
                "the equity held. The checks of measure 15 are applied again on the day."
            ),
            "intro_label",
        )
        self.on_edit = self._date("on_date", self.tr("Signed on"), today, name="on_edit")
        self.save_button.setText(self.tr("Mark signed"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], list[Finding]]:
        on = _iso(self.on_edit, "on_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.sign(actor, tid, on)


class TerminateDialog(StepDialog):
    """Terminates the transformation, with the reason."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("terminate_dialog")
        self.setWindowTitle(tl.event("terminate"))
        self.question_label = self._question(
            self.tr(
                "Terminate this transformation? It stays on record with its steps; nothing "
                "further can be done with it."
            )
        )
        self.on_edit = self._date("on_date", self.tr("On"), today, name="on_edit")
        self.reason_edit = self._reason(
            self.tr("Reason"), self.tr("e.g. the buyer withdrew from the negotiation")
        )
        self.save_button.setText(tl.event("terminate"))
        self._finish_layout(self.header_label, self.question_label, self.fields)

    def _call(self) -> Callable[[], None]:
        on, reason = _iso(self.on_edit, "on_date"), self.reason_edit.text()
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.terminate(actor, tid, on=on, reason=reason)


# -- records beside the procedure --------------------------------------------------------------
class RegistrationDialog(StepDialog):
    """The technology contract registration (技术合同认定登记): number and date."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("registration_dialog")
        self.setWindowTitle(self.tr("Technology contract registration"))
        self.intro_label = self._question(
            self.tr(
                "The registration number and date of the technology contract, on which later "
                "tax treatment depends."
            ),
            "intro_label",
        )
        d = transformation.draft
        self.number_edit = self._reason(
            self.tr("Technology contract registration number"),
            self.tr("e.g. 2026210100000123"),
            field="contract_registration_no",
        )
        self.number_edit.setObjectName("number_edit")
        self.number_edit.setText(d.contract_registration_no)
        self.date_edit = self._date(
            "contract_registration_date",
            self.tr("Registered on"),
            d.contract_registration_date or today,
            name="date_edit",
        )
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], None]:
        number = self.number_edit.text()
        registered = read_iso_date(self.date_edit.text(), "contract_registration_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.set_registration(actor, tid, number, registered)


class RevenueStartDialog(StepDialog):
    """The day a pay-later licensee's revenue started: instalments due N months after it get
    their dates."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("revenue_start_dialog")
        self.setWindowTitle(self.tr("Record the start of revenue"))
        self.intro_label = self._question(
            self.tr(
                "Instalments due some months after the licensee's revenue starts fall due "
                "counted from this day."
            ),
            "intro_label",
        )
        self.on_edit = self._date(
            "on_date",
            self.tr("Revenue started on"),
            transformation.revenue_from or today,
            name="on_edit",
        )
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], None]:
        on = _iso(self.on_edit, "on_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.record_revenue_start(actor, tid, on)


class ConvertDialog(StepDialog):
    """Invest-then-equity (measure 七): the agreed trigger is met and the funds put in become
    equity held by the unit, entered in the separate ledger."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("convert_dialog")
        self.setWindowTitle(self.tr("Convert into equity"))
        invest = transformation.draft.invest
        trigger = invest.trigger if invest is not None else ""
        self.intro_label = self._question(
            self.tr("Agreed trigger: %1").replace("%1", trigger), "intro_label"
        )
        self.company_edit = QLineEdit(self)
        self.company_edit.setObjectName("company_edit")
        self.fields.add_field("company", self.tr("Company"), self.company_edit)
        self.shares_edit = QLineEdit(self)
        self.shares_edit.setObjectName("shares_edit")
        self.shares_edit.setPlaceholderText(self.tr("Number of shares, or leave empty"))
        self.fields.add_field("shares", self.tr("Shares"), self.shares_edit)
        self.percent_edit = QLineEdit(self)
        self.percent_edit.setObjectName("percent_edit")
        self.percent_edit.setPlaceholderText(self.tr("Percent of registered capital"))
        self.fields.add_field("capital_percent", self.tr("Capital share (%)"), self.percent_edit)
        self.value_edit = self._money(
            "value",
            self.tr("Value of the holding"),
            transformation.draft.price_fen,
            name="value_edit",
        )
        self.on_edit = self._date("on_date", self.tr("Converted on"), today, name="on_edit")
        self.save_button.setText(self.tr("Convert"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], int]:
        shares_text = self.shares_edit.text().strip()
        percent_text = self.percent_edit.text().strip()
        try:
            shares = int(shares_text) if shares_text else None
        except ValueError:
            raise ValidationError(
                "shares", self.tr("Type the number of shares in digits.")
            ) from None
        try:
            percent = Decimal(percent_text.rstrip("%")) if percent_text else None
        except ArithmeticError:
            raise ValidationError(
                "capital_percent", self.tr("Type the capital share as a number.")
            ) from None
        equity = EquityTerms(self.company_edit.text(), shares, percent)
        value = read_yuan(self.value_edit.text(), "value") or 0
        on = _iso(self.on_edit, "on_date")
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.convert_to_equity(actor, tid, on=on, equity=equity, value_fen=value)


class MoneyDialog(StepDialog):
    """A receipt (收款) or a payment (支出) into the separate ledger. ``saved`` carries the
    entry's id."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        kind: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self._kind = kind
        self.setObjectName(f"{kind}_dialog")
        self.setWindowTitle(
            self.tr("Record a receipt") if kind == "receipt" else self.tr("Record a payment")
        )
        self.intro_label = self._question(
            self.tr(
                "Booked in the separate ledger and split across the contract's achievements by "
                "their income shares."
            ),
            "intro_label",
        )
        self.amount_edit = self._money("amount", self.tr("Amount"))
        self.on_edit = self._date(
            "on_date",
            self.tr("Received on") if kind == "receipt" else self.tr("Paid on"),
            today,
            name="on_edit",
        )
        self.note_edit = self._reason(
            self.tr("Note"), self.tr("e.g. first instalment, bank slip 0012"), field="note"
        )
        self.save_button.setText(self.tr("Record"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], int]:
        amount = read_yuan(self.amount_edit.text(), "amount") or 0
        on, note = _iso(self.on_edit, "on_date"), self.note_edit.text()
        service, actor, tid, kind = self._service, self._actor, self.transformation_id, self._kind
        return lambda: service.record_money(
            actor, tid, kind=kind, amount_fen=amount, on=on, note=note
        )


class SecrecyApprovalDialog(StepDialog):
    """Asks the secrecy administrator to approve the transformation of a classified
    achievement. ``saved`` carries the request."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("secrecy_approval_dialog")
        self.setWindowTitle(self.tr("Request the secrecy approval"))
        self.intro_label = self._question(
            self.tr(
                "The achievement is classified %1: the transformation needs the secrecy "
                "administrator's approval, who decides it under Approvals."
            ).replace("%1", labels.clearance(transformation.level)),
            "intro_label",
        )
        self.reason_edit = text_edit(
            "reason_edit", self, self.tr("e.g. the buyer industrialises it for the unit")
        )
        self.fields.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.save_button.setText(self.tr("Submit request"))
        self._finish_layout(self.header_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], Any]:
        reason = self.reason_edit.toPlainText()
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.request_secrecy_approval(actor, tid, reason)


class ExportCheckDialog(StepDialog):
    """Records (or changes) the check against the catalogue of technologies whose export is
    prohibited or restricted, for a counterparty abroad."""

    def __init__(
        self,
        service: TransformationService,
        runner: TaskRunner,
        actor: User,
        transformation: Transformation,
        check: ExportCheck | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, transformation, parent)
        self.setObjectName("export_check_dialog")
        self.setWindowTitle(self.tr("Technology export check"))
        self.form = ExportCheckForm(self, self._date, check, today)
        self.category_combo = self.form.category_combo
        self.catalogue_version_edit = self.form.catalogue_version_edit
        self.checked_on_edit = self.form.checked_on_edit
        self.licence_no_edit = self.form.licence_no_edit
        self.contract_registration_no_edit = self.form.contract_registration_no_edit
        self.save_button.setText(self.tr("Record the check"))
        self._finish_layout(self.header_label, self.fields)

    def _call(self) -> Callable[[], None]:
        check = self.form.read()
        service, actor, tid = self._service, self._actor, self.transformation_id
        return lambda: service.record_export_check(actor, tid, check)


def _cn(iso: str | None) -> str:
    return format_cn_date(dt.date.fromisoformat(iso)) if iso else ""
