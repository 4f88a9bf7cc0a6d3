"""The checks of measure 十五 as a grant or a transformation shows them: what the gates find
today, the secrecy approval and the export check, each with the button that moves it on."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.approvals import ApprovalRequest
from desktop.domain.dates import format_iso_date as cn_date
from desktop.domain.gates import ExportCheck, Finding
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm

BLOCKING_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5300"


def finding_text(finding: Finding) -> str:
    """One finding as a line: its weight, rule, message and source."""
    tag = (
        QCoreApplication.translate("GrantDetail", "Not allowed")
        if finding.blocking
        else QCoreApplication.translate("GrantDetail", "Advisory")
    )
    name = labels.rule_name(finding.rule_id)
    text = f"【{tag}】{name}（{finding.rule_id}）：{finding.text()}"
    if finding.unverified:
        text += QCoreApplication.translate("GrantDetail", " (source not verified)")
    return text


class GateChecks(QGroupBox):
    """``findings_label``, ``secrecy_label`` + ``secrecy_button`` and ``export_label`` +
    ``export_button``; the buttons are hidden when the reader may not edit."""

    def __init__(self, title: str, *, can_edit: bool, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.setObjectName("checks_box")
        self.findings_label = self._label("findings_label")
        self.findings_label.setTextFormat(Qt.TextFormat.RichText)
        self.secrecy_label = self._label("secrecy_label")
        self.secrecy_button = self._button(
            "secrecy_button", self.tr("Request secrecy approval…"), can_edit
        )
        self.export_label = self._label("export_label")
        self.export_button = self._button(
            "export_button", self.tr("Record export check…"), can_edit
        )
        fields = FieldForm(self)
        fields.setObjectName("checks_fields")
        fields.add_field("findings", self.tr("Findings"), self.findings_label)
        fields.add_field(
            "secrecy",
            self.tr("Secrecy approval"),
            self._row(self.secrecy_label, self.secrecy_button),
        )
        fields.add_field(
            "export", self.tr("Export check"), self._row(self.export_label, self.export_button)
        )
        QVBoxLayout(self).addWidget(fields)

    @property
    def value_labels(self) -> tuple[QLabel, ...]:
        return (self.findings_label, self.secrecy_label, self.export_label)

    def show_checks(
        self,
        *,
        closed: str | None,
        findings: Sequence[Finding],
        classified: bool,
        approval: ApprovalRequest | None,
        overseas: bool,
        check: ExportCheck | None,
    ) -> None:
        """``closed``: what to say instead of findings once the record no longer waits for
        the gates (it took effect, was signed, withdrawn …)."""
        if closed is not None:
            text = html.escape(closed)
        elif not findings:
            text = html.escape(self.tr("Nothing stands in the way."))
        else:
            text = "".join(
                f'<p style="color: {BLOCKING_COLOUR if f.blocking else WARNING_COLOUR};">'
                f"{html.escape(finding_text(f))}</p>"
                for f in findings
            )
        self.findings_label.setText(text)
        self.secrecy_label.setText(self._secrecy_text(classified, approval))
        self.export_label.setText(self._export_text(overseas, check))
        self.export_button.setText(
            self.tr("Change export check…") if check else self.tr("Record export check…")
        )

    def _secrecy_text(self, classified: bool, approval: ApprovalRequest | None) -> str:
        if not classified:
            return self.tr("Not classified: no secrecy approval needed.")
        if approval is None:
            return self.tr("Not requested yet.")
        text = (
            self.tr("%1 (requested %2)")
            .replace("%1", labels.approval_status(approval.status))
            .replace("%2", cn_date(approval.requested_at[:10]))
        )
        if approval.decision_note:
            text += self.tr(": %1").replace("%1", approval.decision_note)
        return text

    def _export_text(self, overseas: bool, check: ExportCheck | None) -> str:
        if not overseas:
            return self.tr("No party abroad: no export check needed.")
        if check is None:
            return self.tr("Not checked yet.")
        text = (
            self.tr("%1 (catalogue %2, checked %3)")
            .replace("%1", labels.export_category(check.category))
            .replace("%2", check.catalogue_version)
            .replace("%3", cn_date(check.checked_on))
        )
        if check.licence_no:
            text += "\n" + self.tr("Export licence: %1").replace("%1", check.licence_no)
        if check.contract_registration_no:
            text += "\n" + self.tr("Contract registration: %1").replace(
                "%1", check.contract_registration_no
            )
        return text

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return label

    def _button(self, name: str, text: str, can_edit: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setVisible(can_edit)
        return button

    def _row(self, label: QLabel, button: QPushButton) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return holder
