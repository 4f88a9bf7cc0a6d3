"""Edits one counterparty (合作方): name, 统一社会信用代码 (a registration number for a party
abroad), ownership, size, region and contacts. The form never calls a service; the domain's
``validate_counterparty`` judges what is typed when the service saves it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.counterparties import (
    OWNERSHIPS,
    REGIONS,
    SIZES,
    Counterparty,
    CounterpartyDraft,
)
from desktop.errors import ValidationError
from desktop.ui import transformation_labels as tl
from desktop.ui.widgets.field_form import FieldForm


class CounterpartyForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Shenyang Xinhe Technology Co., Ltd."))
        self.region_combo = self._combo("region_combo", REGIONS, tl.region)
        self.credit_code_edit = QLineEdit(self)
        self.credit_code_edit.setObjectName("credit_code_edit")
        self.ownership_combo = self._combo("ownership_combo", OWNERSHIPS, tl.ownership)
        self.size_combo = self._combo("size_combo", SIZES, tl.size)
        self.size_hint_label = QLabel(
            self.tr(
                "Use first, pay later licences are open to small, medium and micro "
                "enterprises only (measure 5)."
            ),
            self,
        )
        self.size_hint_label.setObjectName("size_hint_label")
        self.size_hint_label.setWordWrap(True)
        self.size_hint_label.setStyleSheet("color: palette(mid);")
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setObjectName("contact_edit")
        self.contact_edit.setPlaceholderText(self.tr("Contact person, phone, e-mail, address"))
        add = self.fields.add_field
        add("name", self.tr("Counterparty name"), self.name_edit)
        add("region", self.tr("Domestic or abroad"), self.region_combo)
        add("credit_code", self.tr("Unified social credit code"), self.credit_code_edit)
        add("ownership", self.tr("Ownership type"), self.ownership_combo)
        add("size", self.tr("Enterprise size"), self.size_combo)
        self.fields.layout_.addRow("", self.size_hint_label)
        add("contact", self.tr("Contact"), self.contact_edit)
        self._code_row = 2
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)
        self.region_combo.currentIndexChanged.connect(self._on_region_combo_current_index_changed)
        self._on_region_combo_current_index_changed()

    def _combo(self, name: str, codes: tuple[str, ...], label: object) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for code in codes:
            combo.addItem(label(code), code)  # type: ignore[operator]
        return combo

    # -- public -----------------------------------------------------------------------------
    def value(self) -> CounterpartyDraft:
        """What is typed, unchecked: the service validates (and normalises the code)."""
        return CounterpartyDraft(
            name=self.name_edit.text(),
            credit_code=self.credit_code_edit.text(),
            ownership=str(self.ownership_combo.currentData()),
            size=str(self.size_combo.currentData()),
            region=str(self.region_combo.currentData()),
            contact=self.contact_edit.text(),
        )

    def set_value(self, value: Counterparty | CounterpartyDraft) -> None:
        draft = value.draft if isinstance(value, Counterparty) else value
        self.name_edit.setText(draft.name)
        self.credit_code_edit.setText(draft.credit_code)
        for combo, code in (
            (self.ownership_combo, draft.ownership),
            (self.size_combo, draft.size),
            (self.region_combo, draft.region),
        ):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        self.contact_edit.setText(draft.contact)

    def show_error(self, error: ValidationError) -> bool:
        """Show ``error`` at its field; False when the form has no such field."""
        return self.fields.show_error(error.field, error.message)

    def clear_errors(self) -> None:
        self.fields.clear_errors()

    def error_text(self, field: str) -> str:
        return self.fields.error_text(field)

    # -- slots ------------------------------------------------------------------------------
    def _on_region_combo_current_index_changed(self, _index: int = 0) -> None:
        abroad = self.region_combo.currentData() == "overseas"
        label = self.fields.layout_.itemAt(self._code_row, QFormLayout.ItemRole.LabelRole)
        widget = label.widget() if label is not None else None
        if isinstance(widget, QLabel):
            widget.setText(
                self.tr("Registration number abroad")
                if abroad
                else self.tr("Unified social credit code")
            )
        self.credit_code_edit.setPlaceholderText(
            self.tr("Optional for a party abroad")
            if abroad
            else self.tr("18 characters, e.g. 91210100MA0XXXXXXX")
        )
