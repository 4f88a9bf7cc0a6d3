"""First run: the unit profile, the first administrator, the recovery code shown once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.accounts import UserDraft
from desktop.errors import AppError, ValidationError
from desktop.services.documents import DocumentService
from desktop.services.setup import CreatedVault, FirstRunDraft, SetupService
from desktop.ui.errors import show_error
from desktop.ui.forms.passphrase_fields import PassphraseFields
from desktop.ui.forms.unit_form import UnitForm
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm

PdfPathChooser = Callable[[QWidget], Path | None]


def choose_pdf_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FirstRunWizard", "Save recovery code as PDF"),
        "recovery-code.pdf",
        "PDF (*.pdf)",
    )
    return Path(name) if name else None


class UnitPage(QWizardPage):
    def __init__(self, setup: SetupService) -> None:
        super().__init__()
        self._setup = setup
        self.setTitle(self.tr("Your unit"))
        self.setSubTitle(self.tr("The unit that holds the achievements this program manages."))
        self.form = UnitForm(self)
        self.form.setObjectName("unit_form")
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        self.form.fields.clear_errors()
        try:
            self._setup.validate_unit(self.form.value())
        except ValidationError as e:
            self.form.show_error(e)
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr(
                "This account manages users and settings. Choose a passphrase only you know: "
                "it unlocks the encrypted vault."
            )
        )
        self.fields = FieldForm(self)
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("login_edit")
        self.login_edit.setText("admin")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.fields.add_field("login", self.tr("Login name"), self.login_edit)
        self.fields.add_field("display_name", self.tr("Full name"), self.name_edit)
        self.passphrase = PassphraseFields(
            self.fields, self, self.tr("Passphrase"), self.tr("Repeat passphrase")
        )
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("busy_label")
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.busy_label)
        self.login_edit.textChanged.connect(self._on_identity_changed)
        self.name_edit.textChanged.connect(self._on_identity_changed)

    def draft(self, unit_form: UnitForm) -> FirstRunDraft:
        return FirstRunDraft(
            unit=unit_form.value(),
            admin=UserDraft(
                login=self.login_edit.text(),
                display_name=self.name_edit.text(),
                roles=("system_admin",),
                clearance="internal",
            ),
            passphrase=self.passphrase.passphrase_edit.text(),
            passphrase_repeat=self.passphrase.repeat_edit.text(),
        )

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        return self._wizard.create_vault()

    def _on_identity_changed(self) -> None:
        self.passphrase.login = self.login_edit.text()
        self.passphrase.display_name = self.name_edit.text()


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(
            self.tr(
                "If every passphrase is forgotten, only this code opens the vault. It is shown "
                "this once: print it or write it down, and keep it locked away."
            )
        )
        self.code_label = QLabel(self)
        self.code_label.setObjectName("code_label")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.code_label.font())
        font.setPointSize(15)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_pdf_button.setObjectName("save_pdf_button")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_label")
        self.confirm_check = QCheckBox(self.tr("I have kept the recovery code safe"), self)
        self.confirm_check.setObjectName("confirm_check")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.code_label)
        layout.addStretch(1)
        layout.addWidget(self.save_pdf_button)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.confirm_check)
        self.save_pdf_button.clicked.connect(wizard.save_pdf)
        self.confirm_check.toggled.connect(lambda _on: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        created = self._wizard.created
        self.code_label.setText(created.recovery_code if created else "")

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return self.confirm_check.isChecked()


class FirstRunWizard(QWizard):
    vault_created = Signal(object)  # CreatedVault

    def __init__(
        self,
        setup: SetupService,
        documents: DocumentService,
        runner: TaskRunner,
        choose_path: PdfPathChooser = choose_pdf_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Transfer Desk — first run"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(640, 560)
        self._setup = setup
        self._documents = documents
        self._runner = runner
        self._choose_path = choose_path
        self.created: CreatedVault | None = None
        self.unit_page = UnitPage(setup)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (self.unit_page, self.admin_page, self.recovery_page):
            self.addPage(page)

    def create_vault(self) -> bool:
        """Validate, then create in the background; the page advances when it is done."""
        if self.created is not None:
            return True
        if self._runner.busy:
            return False
        page = self.admin_page
        page.fields.clear_errors()
        draft = page.draft(self.unit_page.form)
        try:
            self._setup.validate_admin(draft)
        except ValidationError as e:
            page.fields.show_error(e.field, e.message)
            return False
        page.busy_label.setText(self.tr("Creating the encrypted vault…"))
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self._runner.run(lambda: self._setup.create(draft), self._on_created, self._on_failed)
        return False

    def _on_created(self, created: CreatedVault) -> None:
        self.created = created
        self.admin_page.passphrase.clear()
        self.admin_page.busy_label.clear()
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.next()
        self.vault_created.emit(created)

    def _on_failed(self, error: AppError) -> None:
        self.admin_page.busy_label.clear()
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        if isinstance(error, ValidationError) and self.admin_page.fields.show_error(
            error.field, error.message
        ):
            return
        show_error(self, error)

    def save_pdf(self) -> None:
        created = self.created
        if created is None:
            return
        path = self._choose_path(self)
        if path is None:
            return
        unit_name = self.unit_page.form.value().name.strip()
        try:
            self._documents.save_recovery_sheet(path, created, unit_name)
        except AppError as e:
            show_error(self, e)
            return
        self.recovery_page.saved_label.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def reject(self) -> None:
        # Once the vault exists, the code must be acknowledged; closing would lose it.
        if self.created is None:
            super().reject()
