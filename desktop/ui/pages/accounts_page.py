"""User accounts (账户管理), kept apart by 三员分立.

The system administrator creates accounts, changes roles, disables, enables and resets
passphrases; the secrecy administrator sets clearances, with a reason; the security auditor only
looks. Buttons follow the permission matrix; the service checks again and its refusals are shown
as messages. Every call runs through the TaskRunner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.permissions import allowed
from desktop.errors import AppError, ValidationError
from desktop.services.accounts import AccountService, IssuedPassphrase
from desktop.services.approvals import ApprovalService
from desktop.ui import labels
from desktop.ui.approval_dialogs import ClearanceRequestDialog, clearance_fields, who
from desktop.ui.errors import show_error
from desktop.ui.forms.account_form import AccountForm, RoleChooser
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.one_time_passphrase_dialog import OneTimePassphraseDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ServiceDialog

ROLES_COLUMN = 2
CHANGING_ACTIONS = (
    "user.create",
    "user.edit",
    "user.disable",
    "user.reset_passphrase",
    "user.set_clearance",
)


# -- dialogs ------------------------------------------------------------------------------------
class NewAccountDialog(ServiceDialog):
    """Creates an account; ``saved`` carries the ``IssuedPassphrase``."""

    def __init__(
        self,
        service: AccountService,
        runner: TaskRunner,
        actor: User,
        several_roles_allowed: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("new_account_dialog")
        self.setWindowTitle(self.tr("New account"))
        self._service = service
        self._actor = actor
        self.form = AccountForm(parent=self)
        self.form.set_several_roles_allowed(several_roles_allowed)
        self._finish_layout(self.form)

    def _job(self) -> Callable[[], IssuedPassphrase]:
        service, actor, draft = self._service, self._actor, self.form.value()
        return lambda: service.create(actor, draft)

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error.field, error.message)

    def clear_errors(self) -> None:
        self.form.clear_errors()


class _AccountDialog(ServiceDialog):
    """A change to one existing account (``user``); the subclasses add their widgets in
    ``_build``. ``saved`` carries the updated ``User``."""

    def __init__(
        self,
        service: AccountService,
        runner: TaskRunner,
        actor: User,
        user: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._service = service
        self._actor = actor
        self._user = user
        self._build(user)

    def _build(self, user: User) -> None:
        raise NotImplementedError


class RolesDialog(_AccountDialog):
    """Changes an account's roles (several, unless ``set_several_roles_allowed(False)``)."""

    def _build(self, user: User) -> None:
        self.setObjectName("roles_dialog")
        self.setWindowTitle(self.tr("Roles of %1").replace("%1", who(user)))
        self.role_chooser = RoleChooser(self)
        self.role_chooser.set_roles(user.roles)
        self.fields.add_field("roles", self.tr("Roles"), self.role_chooser)
        self._finish_layout(self.fields)

    def set_several_roles_allowed(self, allowed: bool) -> None:
        """Follow the unit's rule: one role per account, or several."""
        self.role_chooser.set_several_roles_allowed(allowed)

    def _job(self) -> Callable[[], User]:
        service, actor, user_id = self._service, self._actor, self._user.id
        roles = self.role_chooser.roles()
        return lambda: service.set_roles(actor, user_id, roles)


class DisableDialog(_AccountDialog):
    """Disables an account, with a reason."""

    def _build(self, user: User) -> None:
        self.setObjectName("disable_dialog")
        self.setWindowTitle(self.tr("Disable account"))
        self.intro_label = self._question(
            self.tr(
                "Disable the account of %1? Its key slot is removed, so it can no longer log "
                "in. Its records and history stay."
            ).replace("%1", who(user)),
            "intro_label",
        )
        self.reason_edit = self._reason(
            self.tr("Reason for disabling"), self.tr("e.g. left the unit on 2026-01-31")
        )
        self.save_button.setText(self.tr("Disable"))
        self._finish_layout(self.intro_label, self.fields)

    def _job(self) -> Callable[[], User]:
        service, actor, user_id = self._service, self._actor, self._user.id
        reason = self.reason_edit.text()
        return lambda: service.disable(actor, user_id, reason)


class ClearanceDialog(_AccountDialog):
    """The secrecy administrator's decision on a clearance, with its basis on record."""

    def _build(self, user: User) -> None:
        self.setObjectName("clearance_dialog")
        self.setWindowTitle(self.tr("Set clearance"))
        self.account_label, self.current_label, self.clearance_combo = clearance_fields(
            self, user, self.tr("New clearance"), user.clearance
        )
        self.reason_edit = self._reason(
            self.tr("Basis"), self.tr("e.g. the approval document number")
        )
        self._finish_layout(self.fields)

    def _job(self) -> Callable[[], User]:
        service, actor, user_id = self._service, self._actor, self._user.id
        clearance, reason = str(self.clearance_combo.currentData()), self.reason_edit.text()
        return lambda: service.set_clearance(actor, user_id, clearance, reason)


# -- the page -----------------------------------------------------------------------------------
class AccountsPage(QWidget):
    def __init__(
        self,
        service: AccountService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        approvals: ApprovalService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accounts_page")
        self._service = service
        self._approvals = approvals
        self._runner = runner
        self._actor = actor
        self._users: list[User] = []
        self._several_roles_allowed = True
        self._select_after_reload: str | None = None

        columns: list[Column[User]] = [
            Column(self.tr("Login name"), lambda u: u.login),
            Column(self.tr("Name"), lambda u: u.display_name),
            Column(self.tr("Roles"), lambda u: labels.roles(u.roles)),
            Column(self.tr("Clearance"), lambda u: labels.clearance(u.clearance)),
            Column(
                self.tr("Status"), lambda u: self.tr("In use") if u.active else self.tr("Disabled")
            ),
            Column(
                self.tr("Must change passphrase"),
                lambda u: self.tr("Yes") if u.must_change_passphrase else "",
            ),
        ]
        self.model: PagedTableModel[User] = PagedTableModel(
            columns, lambda: len(self._users), lambda o, n: self._users[o : o + n], self
        )
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLES_COLUMN, QHeaderView.ResizeMode.Stretch)

        self.new_button = self._button("new_button", self.tr("New account…"), "user.create")
        self.roles_button = self._button("roles_button", self.tr("Edit roles…"), "user.edit")
        self.disable_button = self._button("disable_button", self.tr("Disable…"), "user.disable")
        self.enable_button = self._button("enable_button", self.tr("Enable"), "user.disable")
        self.reset_button = self._button(
            "reset_button", self.tr("Reset passphrase…"), "user.reset_passphrase"
        )
        self.clearance_button = self._button(
            "clearance_button", self.tr("Set clearance…"), "user.set_clearance"
        )
        # The system administrator asks; the secrecy administrator decides under Approvals.
        self.request_clearance_button = self._button(
            "request_clearance_button", self.tr("Request a clearance change…"), "user.edit"
        )
        self.request_clearance_button.setVisible(
            approvals is not None and allowed(actor, "user.edit")
        )
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.roles_button,
            self.disable_button,
            self.enable_button,
            self.reset_button,
            self.clearance_button,
            self.request_clearance_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("hint_label")
        self.hint_label.setWordWrap(True)
        self.readonly_label = QLabel(
            self.tr("You can view the accounts; changing them is for the administrators."), self
        )
        self.readonly_label.setObjectName("readonly_label")
        self.readonly_label.setVisible(not self._may_change_anything())

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.readonly_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint_label)

        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.roles_button.clicked.connect(self._on_roles_button_clicked)
        self.disable_button.clicked.connect(self._on_disable_button_clicked)
        self.enable_button.clicked.connect(self._on_enable_button_clicked)
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.clearance_button.clicked.connect(self._on_clearance_button_clicked)
        self.request_clearance_button.clicked.connect(self._on_request_clearance_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._update_buttons()

    def _button(self, name: str, text: str, action: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setVisible(allowed(self._actor, action))
        return button

    def _may_change_anything(self) -> bool:
        return any(allowed(self._actor, action) for action in CHANGING_ACTIONS)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.selected_user()
        if selected is not None and self._select_after_reload is None:
            self._select_after_reload = selected.id
        service, actor = self._service, self._actor
        self._runner.run(
            lambda: (service.list(actor), service.several_roles_allowed(actor)),
            self._on_loaded,
            self._on_error,
        )

    def _on_loaded(self, result: tuple[list[User], bool]) -> None:
        self._users, self._several_roles_allowed = result
        self.model.reload()
        wanted, self._select_after_reload = self._select_after_reload, None
        if wanted is not None:
            self.select_user(wanted)
        self._update_buttons()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self._users = []
        self.model.clear()
        self._update_buttons()

    # -- selection ----------------------------------------------------------------------------
    @property
    def users(self) -> list[User]:
        return list(self._users)

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._users):
            return None
        return self._users[rows[0].row()]

    def select_user(self, user_id: str) -> bool:
        for row, user in enumerate(self._users):
            if user.id == user_id:
                self.table.selectRow(row)
                return True
        return False

    def select_login(self, login: str) -> bool:
        found = next((u for u in self._users if u.login == login), None)
        return found is not None and self.select_user(found.id)

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        chosen = user is not None
        active = user is not None and user.active
        self.roles_button.setEnabled(chosen)
        self.disable_button.setEnabled(active)
        self.enable_button.setEnabled(chosen and not active)
        self.reset_button.setEnabled(active)
        self.clearance_button.setEnabled(chosen)
        self.request_clearance_button.setEnabled(chosen)
        own = user is not None and user.id == self._actor.id
        self.hint_label.setText(
            self.tr("This is your own account: another administrator has to change it.")
            if own and self._may_change_anything()
            else ""
        )

    # -- actions ------------------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        self.open_new_dialog()

    def open_new_dialog(self) -> NewAccountDialog:
        dialog = NewAccountDialog(
            self._service, self._runner, self._actor, self._several_roles_allowed, self
        )
        dialog.saved.connect(lambda issued: self._on_issued(issued, self.tr("New account created")))
        dialog.open()
        return dialog

    def _on_roles_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if self._is_own(user):
            # Nobody changes their own account; the service says so, and why.
            self._run(lambda: self._service.set_roles(self._actor, user.id, user.roles))
            return
        dialog = RolesDialog(self._service, self._runner, self._actor, user, self)
        dialog.set_several_roles_allowed(self._several_roles_allowed)
        dialog.saved.connect(lambda _u: self.reload())
        dialog.open()

    def _on_disable_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if self._is_own(user):
            self._run(lambda: self._service.disable(self._actor, user.id, ""))
            return
        dialog = DisableDialog(self._service, self._runner, self._actor, user, self)
        dialog.saved.connect(lambda _u: self.reload())
        dialog.open()

    def _on_enable_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        self._runner.run(
            lambda: self._service.enable(self._actor, user.id),
            lambda issued: self._on_issued(issued, self.tr("Account enabled")),
            self._on_error,
        )

    def _on_reset_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if self._is_own(user):
            self._reset(user)
            return
        box = QMessageBox(self)
        box.setObjectName("reset_confirm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Reset passphrase"))
        box.setText(
            self.tr(
                "Give %1 a new one-time passphrase? The current passphrase stops working at once."
            ).replace("%1", who(user))
        )
        confirm = box.addButton(self.tr("Reset passphrase"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirm_button")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_button")
        confirm.clicked.connect(lambda: self._reset(user))
        box.open()

    def _reset(self, user: User) -> None:
        self._runner.run(
            lambda: self._service.reset_passphrase(self._actor, user.id),
            lambda issued: self._on_issued(issued, self.tr("Passphrase reset")),
            self._on_error,
        )

    def _on_clearance_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if self._is_own(user):
            self._run(lambda: self._service.set_clearance(self._actor, user.id, user.clearance, ""))
            return
        dialog = ClearanceDialog(self._service, self._runner, self._actor, user, self)
        dialog.saved.connect(lambda _u: self.reload())
        dialog.open()

    def _on_request_clearance_button_clicked(self) -> None:
        user = self.selected_user()
        if user is None or self._approvals is None:
            return
        dialog = ClearanceRequestDialog(self._approvals, self._runner, self._actor, user, self)
        dialog.saved.connect(self._on_clearance_requested)
        dialog.open()

    def _on_clearance_requested(self, _request: object) -> None:
        box = QMessageBox(self)
        box.setObjectName("request_sent_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Request submitted"))
        box.setText(
            self.tr(
                "The request was submitted. The secrecy administrator decides it under "
                "Approvals; the clearance changes once it is approved."
            )
        )
        box.open()

    # -- results ------------------------------------------------------------------------------
    def _is_own(self, user: User) -> bool:
        return user.id == self._actor.id

    def _run(self, fn: Callable[[], object]) -> None:
        self._runner.run(fn, lambda _r: self.reload(), self._on_error)

    def _on_issued(self, issued: IssuedPassphrase, title: str) -> None:
        self._select_after_reload = issued.user.id
        dialog = OneTimePassphraseDialog(issued.user, issued.passphrase, title, self)
        dialog.open()
        self.reload()

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)
