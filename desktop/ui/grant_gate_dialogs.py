"""The dialogs of the checks of measure 15 that a rights grant needs recorded before it may take
effect: the secrecy administrator's approval (for a classified achievement) and the technology
export check (for a party abroad). They behave as ``grant_dialogs.GrantStepDialog`` says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.domain.accounts import User
from desktop.domain.gates import ExportCheck
from desktop.domain.rights_grants import RightsGrant
from desktop.services.rights_grants import RightsGrantService
from desktop.ui import labels
from desktop.ui.grant_dialogs import GrantStepDialog, text_edit
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.export_check_form import ExportCheckForm


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
        self.form = ExportCheckForm(self, self._date, check, today)
        self.category_combo = self.form.category_combo
        self.catalogue_version_edit = self.form.catalogue_version_edit
        self.checked_on_edit = self.form.checked_on_edit
        self.licence_no_edit = self.form.licence_no_edit
        self.contract_registration_no_edit = self.form.contract_registration_no_edit
        self.save_button.setText(self.tr("Record the check"))
        self._finish_layout(self.grant_label, self.fields)

    def _call(self) -> Callable[[], None]:
        check = self.form.read()
        service, actor, grant_id = self._service, self._actor, self._grant.id
        return lambda: service.record_export_check(actor, grant_id, check)
