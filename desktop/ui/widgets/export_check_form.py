"""The fields of the technology export check (技术出口目录核查) that a grant or a transformation
with a party abroad records: the catalogue finding and version, the day, and the licence number
(restricted) or the contract registration number (free), shown as the finding asks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.domain.gates import EXPORT_CATEGORIES, ExportCheck
from desktop.ui import labels
from desktop.ui.forms.grant_form import read_iso_date
from desktop.ui.widgets.reason_dialog import ReasonDialog

DateField = Callable[[str, str, "dt.date | str | None"], QLineEdit]


class ExportCheckForm:
    """Adds the fields to ``dialog``'s form; ``date`` adds a date field the dialog's way."""

    def __init__(
        self, dialog: ReasonDialog, date: DateField, check: ExportCheck | None, today: dt.date
    ) -> None:
        fields = dialog.fields
        self._fields = fields
        self.category_combo = QComboBox(dialog)
        self.category_combo.setObjectName("category_combo")
        self.category_combo.setPlaceholderText(
            QCoreApplication.translate("ExportCheckDialog", "Choose the finding")
        )
        for code in EXPORT_CATEGORIES:
            self.category_combo.addItem(labels.export_category(code), code)
        self.category_combo.setCurrentIndex(
            self.category_combo.findData(check.category) if check else -1
        )
        fields.add_field(
            "category",
            QCoreApplication.translate("ExportCheckDialog", "Catalogue finding"),
            self.category_combo,
        )
        self.catalogue_version_edit = self._line(
            dialog,
            "catalogue_version",
            QCoreApplication.translate("ExportCheckDialog", "Catalogue version"),
            QCoreApplication.translate(
                "ExportCheckDialog", "e.g. 2023 edition, as adjusted in 2025"
            ),
            check.catalogue_version if check else "",
        )
        self.checked_on_edit = date(
            "checked_on",
            QCoreApplication.translate("ExportCheckDialog", "Checked on"),
            check.checked_on if check else today,
        )
        self._licence_row = fields.layout_.rowCount()
        self.licence_no_edit = self._line(
            dialog,
            "licence_no",
            QCoreApplication.translate("ExportCheckDialog", "Export licence number"),
            "",
            check.licence_no if check else "",
        )
        self._registration_row = fields.layout_.rowCount()
        self.contract_registration_no_edit = self._line(
            dialog,
            "contract_registration_no",
            QCoreApplication.translate("ExportCheckDialog", "Contract registration number"),
            QCoreApplication.translate("ExportCheckDialog", "Once the contract is registered"),
            check.contract_registration_no if check else "",
        )
        self.category_combo.currentIndexChanged.connect(
            self._on_category_combo_current_index_changed
        )
        self._on_category_combo_current_index_changed()

    def read(self) -> ExportCheck:
        return ExportCheck(
            category=str(self.category_combo.currentData() or ""),
            catalogue_version=self.catalogue_version_edit.text(),
            checked_on=read_iso_date(self.checked_on_edit.text(), "checked_on") or "",
            licence_no=self.licence_no_edit.text(),
            contract_registration_no=self.contract_registration_no_edit.text(),
        )

    def _on_category_combo_current_index_changed(self, _index: int = 0) -> None:
        category = self.category_combo.currentData()
        self._fields.layout_.setRowVisible(self._licence_row, category == "restricted")
        self._fields.layout_.setRowVisible(self._registration_row, category == "free")
        self._fields.clear_error("category")

    def _line(
        self, dialog: ReasonDialog, field: str, label: str, placeholder: str, text: str
    ) -> QLineEdit:
        edit = QLineEdit(text, dialog)
        edit.setObjectName(f"{field}_edit")
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self._fields.add_field(field, label, edit)
        return edit
