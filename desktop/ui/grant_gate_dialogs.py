"""The dialogs of the checks of measure 15 that a rights grant needs recorded before it may take
effect: the secrecy administrator's approval (for a classified achievement) and the technology
export check (for a party abroad). They behave as ``grant_dialogs.GrantStepDialog`` says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop.domain.accounts import User
from desktop.domain.gates import EXPORT_CATEGORIES, ExportCheck
from desktop.domain.rights_grants import RightsGrant
from desktop.services.rights_grants import RightsGrantService
from desktop.ui import labels
from desktop.ui.forms.grant_form import read_iso_date
from desktop.ui.grant_dialogs import GrantStepDialog, text_edit
from desktop.ui.tasks import TaskRunner


class SecrecyApprovalDialog(GrantStepDialog):
    """Asks the secrecy administrator to approve the grant of a classified achievement.
    ``saved`` carries the request."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("secrecy_approval_dialog")
        self.setWindowTitle(self.tr("Request the secrecy approval"))
        self.intro_label = self._question(
            self.tr(
                "The achievement is classified %1: the grant needs the secrecy administrator's "
                "approval, who decides it under Approvals."
            ).replace("%1", labels.clearance(grant.level)),
            "intro_label",
        )
        self.reason_edit = text_edit(
            "reason_edit", self, self.tr("e.g. the team continues the work at the unit")
        )
        self.fields.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.save_button.setText(self.tr("Submit request"))
        self._finish_layout(self.grant_label, self.intro_label, self.fields)

    def _call(self) -> Callable[[], Any]:
        service, actor, grant_id = self._service, self._actor, self._grant.id
        reason = self.reason_edit.toPlainText()
        return lambda: service.request_secrecy_approval(actor, grant_id, reason)


class ExportCheckDialog(GrantStepDialog):
    """Records (or changes) the check against the catalogue of technologies whose export is
    prohibited or restricted, for a grant with a party abroad."""

    def __init__(
        self,
        service: RightsGrantService,
        runner: TaskRunner,
        actor: User,
        grant: RightsGrant,
        check: ExportCheck | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, actor, grant, parent)
        self.setObjectName("export_check_dialog")
        self.setWindowTitle(self.tr("Technology export check"))
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("category_combo")
        self.category_combo.setPlaceholderText(self.tr("Choose the finding"))
        for code in EXPORT_CATEGORIES:
            self.category_combo.addItem(labels.export_category(code), code)
        self.category_combo.setCurrentIndex(
            self.category_combo.findData(check.category) if check else -1
        )
        self.fields.add_field("category", self.tr("Catalogue finding"), self.category_combo)
        self.catalogue_version_edit = QLineEdit(check.catalogue_version if check else "", self)
        self.catalogue_version_edit.setObjectName("catalogue_version_edit")
        self.catalogue_version_edit.setPlaceholderText(
            self.tr("e.g. 2023 edition, as adjusted in 2025")
        )
        self.fields.add_field(
            "catalogue_version", self.tr("Catalogue version"), self.catalogue_version_edit
        )
        self.checked_on_edit = self._date(
            "checked_on", self.tr("Checked on"), check.checked_on if check else today
        )
        self._licence_row = self.fields.layout_.rowCount()
        self.licence_no_edit = QLineEdit(check.licence_no if check else "", self)
        self.licence_no_edit.setObjectName("licence_no_edit")
        self.fields.add_field("licence_no", self.tr("Export licence number"), self.licence_no_edit)
        self._registration_row = self.fields.layout_.rowCount()
        self.contract_registration_no_edit = QLineEdit(
            check.contract_registration_no if check else "", self
        )
        self.contract_registration_no_edit.setObjectName("contract_registration_no_edit")
        self.contract_registration_no_edit.setPlaceholderText(
            self.tr("Once the contract is registered")
        )
        self.fields.add_field(
            "contract_registration_no",
            self.tr("Contract registration number"),
            self.contract_registration_no_edit,
        )
        self.save_button.setText(self.tr("Record the check"))
        self._finish_layout(self.grant_label, self.fields)
        self.category_combo.currentIndexChanged.connect(
            self._on_category_combo_current_index_changed
        )
        self._on_category_combo_current_index_changed()

    def _on_category_combo_current_index_changed(self, _index: int = 0) -> None:
        category = self.category_combo.currentData()
        self.fields.layout_.setRowVisible(self._licence_row, category == "restricted")
        self.fields.layout_.setRowVisible(self._registration_row, category == "free")
        self.fields.clear_error("category")

    def _call(self) -> Callable[[], None]:
        checked_on = read_iso_date(self.checked_on_edit.text(), "checked_on") or ""
        check = ExportCheck(
            category=str(self.category_combo.currentData() or ""),
            catalogue_version=self.catalogue_version_edit.text(),
            checked_on=checked_on,
            licence_no=self.licence_no_edit.text(),
            contract_registration_no=self.contract_registration_no_edit.text(),
        )
        service, actor, grant_id = self._service, self._actor, self._grant.id
        return lambda: service.record_export_check(actor, grant_id, check)
