"""The dialogs of a rights grant from its taking effect on: taking effect, extending a use right,
converting it into ownership (both supplementary agreements, 补充协议), and recording a step of
an ownership-change filing with CNIPA. They behave as ``grant_dialogs.GrantStepDialog`` says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.domain.accounts import User
from desktop.domain.dates import format_cn_date
from desktop.domain.gates import Finding
from desktop.domain.rights_grants import (
    HUNDRED,
    SHARE_PLACES,
    ChangeFiling,
    RightsGrant,
    current,
)
from desktop.errors import ValidationError
from desktop.services.rights_grants import RightsGrantService
from desktop.ui import labels
from desktop.ui.forms.grant_form import ERROR_COLOUR, read_iso_date, read_percent
from desktop.ui.grant_dialogs import GrantStepDialog
from desktop.ui.tasks import TaskRunner

NOTE_MAX = 500


def _cn(iso: str | None) -> str:
    return format_cn_date(dt.date.fromisoformat(iso)) if iso else ""


class TakeEffectDialog(GrantStepDialog):
    """The grant takes effect on a day (today at first). ``saved`` carries the warnings the
    gates still give (a list of ``Finding``), for the page to show."""

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
        self.setObjectName("take_effect_dialog")
        self.setWindowTitle(self.tr("Take effect"))
        end = grant.publicity_end
        intro = self.tr(
            "The grant takes effect once its publicity has ended without an objection still "
            "open or upheld, and every check of measure 15 is passed."
        )
        if end is not None:
            intro += "\n" + self.tr("The publicity ends on %1 at 24:00.").replace(
                "%1", format_cn_date(end)
            )
        if grant.draft.kind == "ownership":
            intro += "\n" + self.tr(
                "The ownership-change filings with CNIPA are opened on the day it takes effect."
            )
        self.intro_label = self._question(intro, "intro_label")
        self.effective_on_edit = self._date("effective_on", self.tr("Effective on"), today)
        self.save_button.setText(self.tr("Take effect"))
        self._finish_layout(self.grant_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], list[Finding]]:
        service, actor, grant_id = self._service, self._actor, self._grant.id
        on = read_iso_date(self.effective_on_edit.text(), "effective_on") or ""
        return lambda: service.take_effect(actor, grant_id, on)


class ExtensionDialog(GrantStepDialog):
    """Extends a use right in effect to a later end (补充协议). ``saved``: the amendment's id."""

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
        self.setObjectName("extension_dialog")
        self.setWindowTitle(self.tr("Extend the use right"))
        terms = current(grant)
        self.term_label = QLabel(
            self.tr("%1 to %2")
            .replace("%1", _cn(terms.term_start))
            .replace("%2", _cn(terms.term_end)),
            self,
        )
        self.term_label.setObjectName("term_label")
        self.fields.add_field("term", self.tr("Term now"), self.term_label)
        self.new_term_end_edit = self._date("new_term_end", self.tr("New end"), None)
        self.signed_on_edit = self._date("signed_on", self.tr("Signed on"), today)
        self.note_edit = self._reason(self.tr("Note"), field="note", max_length=NOTE_MAX)
        self.save_button.setText(self.tr("Save the extension"))
        self._finish_layout(self.grant_label, self.fields)

    def _call(self) -> Callable[[], int]:
        service, actor, grant_id = self._service, self._actor, self._grant.id
        new_end = read_iso_date(self.new_term_end_edit.text(), "new_term_end") or ""
        signed = read_iso_date(self.signed_on_edit.text(), "signed_on") or ""
        note = self.note_edit.text()
        return lambda: service.extend(
            actor, grant_id, new_term_end=new_end, signed_on=signed, note=note
        )


class ConversionDialog(GrantStepDialog):
    """Turns a use right in effect into ownership, by mutual agreement during its term
    (measure 1). ``saved``: the amendment's id."""

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
        self.setObjectName("conversion_dialog")
        self.setWindowTitle(self.tr("Convert into ownership"))
        terms = current(grant)
        self.intro_label = self._question(
            self.tr(
                "During its term (%1 to %2) a use right may become ownership shared by the unit "
                "and the team, when both agree. The checks of measure 15 run again and the "
                "ownership-change filings are opened."
            )
            .replace("%1", _cn(terms.term_start))
            .replace("%2", _cn(terms.term_end)),
            "intro_label",
        )
        self.unit_share_edit = self._percent("unit_share", self.tr("Unit's share (%)"))
        shares = QWidget(self)
        self.team_share_edit = QLineEdit(shares)
        self.team_share_edit.setObjectName("team_share_edit")
        self.team_share_edit.setMaximumWidth(120)
        self.shares_total_label = QLabel(shares)
        self.shares_total_label.setObjectName("shares_total_label")
        row = QHBoxLayout(shares)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.team_share_edit)
        row.addWidget(self.shares_total_label, 1)
        self.fields.add_field("team_share", self.tr("Team's share (%)"), shares)
        self.signed_on_edit = self._date("signed_on", self.tr("Signed on"), today)
        self.note_edit = self._reason(self.tr("Note"), field="note", max_length=NOTE_MAX)
        self.save_button.setText(self.tr("Save the conversion"))
        self._finish_layout(self.grant_label, self.intro_label, self.fields)
        self.unit_share_edit.textChanged.connect(self._on_share_edit_text_changed)
        self.team_share_edit.textChanged.connect(self._on_share_edit_text_changed)
        self._on_share_edit_text_changed("")

    def _percent(self, field: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{field}_edit")
        edit.setMaximumWidth(120)
        self.fields.add_field(field, label, edit)
        return edit

    def _on_share_edit_text_changed(self, _text: str) -> None:
        try:
            unit = read_percent(self.unit_share_edit.text(), "unit_share")
            team = read_percent(self.team_share_edit.text(), "team_share")
        except ValidationError:
            unit = team = None
        total: Decimal | None = None if unit is None or team is None else unit + team
        text = "—" if total is None else f"{total.quantize(SHARE_PLACES):f}"
        self.shares_total_label.setText(self.tr("Unit + team: %1%").replace("%1", text))
        colour = "" if total == HUNDRED else f" color: {ERROR_COLOUR};"
        self.shares_total_label.setStyleSheet(f"font-weight: bold;{colour}")

    def _call(self) -> Callable[[], int]:
        unit = read_percent(self.unit_share_edit.text(), "unit_share")
        team = read_percent(self.team_share_edit.text(), "team_share")
        signed = read_iso_date(self.signed_on_edit.text(), "signed_on") or ""
        service, actor, grant_id = self._service, self._actor, self._grant.id
        note = self.note_edit.text()
        return lambda: service.convert(
            actor, grant_id, unit_share=unit, team_share=team, signed_on=signed, note=note
        )


class FilingStepDialog(GrantStepDialog):
    """Records how far an ownership-change filing has gone: submitted, and completed with the
    CNIPA notice number."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        filing: ChangeFiling,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("filing_step_dialog")
        self.setWindowTitle(self.tr("Ownership change filing"))
        self._filing = filing
        self.filing_label = QLabel(f"{labels.filing_kind(filing.kind)}　{filing.ip_number}", self)
        self.filing_label.setObjectName("filing_label")
        self.fields.add_field("filing", self.tr("Filing"), self.filing_label)
        self.opened_label = QLabel(_cn(filing.opened_on), self)
        self.opened_label.setObjectName("opened_label")
        self.fields.add_field("opened", self.tr("Open since"), self.opened_label)
        self.filed_on_edit = self._date(
            "filed_on", self.tr("Submitted on"), filing.filed_on or today
        )
        self.notice_no_edit = QLineEdit(filing.notice_no, self)
        self.notice_no_edit.setObjectName("notice_no_edit")
        self.notice_no_edit.setPlaceholderText(self.tr("Number of the CNIPA notice"))
        self.fields.add_field("notice_no", self.tr("CNIPA notice number"), self.notice_no_edit)
        self.completed_on_edit = self._date("completed_on", self.tr("Completed on"), None)
        self.completed_on_edit.setPlaceholderText(self.tr("Empty until the change is registered"))
        self.save_button.setText(self.tr("Record the step"))
        self._finish_layout(self.grant_label, self.fields)

    def _call(self) -> Callable[[], None]:
        filed = read_iso_date(self.filed_on_edit.text(), "filed_on")
        completed = read_iso_date(self.completed_on_edit.text(), "completed_on")
        service, actor, filing_id = self._service, self._actor, self._filing.id
        notice = self.notice_no_edit.text()
        return lambda: service.update_filing(
            actor, filing_id, filed_on=filed, notice_no=notice, completed_on=completed
        )
