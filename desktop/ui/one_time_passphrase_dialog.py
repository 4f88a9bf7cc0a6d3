"""Shows a one-time passphrase once, for the administrator to hand over.

No copy button and no selectable text: the clipboard is readable by every program and often
synchronised elsewhere. The passphrase is wiped from the label when the dialog closes, and the
dialog deletes itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User

PASSPHRASE_POINT_SIZE = 22


class OneTimePassphraseDialog(QDialog):
    """``title`` says why the passphrase was issued (new account, reset, re-enabled)."""

    def __init__(
        self, user: User, passphrase: str, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("one_time_passphrase_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title or self.tr("One-time passphrase"))
        self.login_label = QLabel(user.login, self)
        self.login_label.setObjectName("login_label")
        self.name_label = QLabel(user.display_name, self)
        self.name_label.setObjectName("name_label")
        who = QFormLayout()
        who.addRow(self.tr("Login name"), self.login_label)
        who.addRow(self.tr("Name"), self.name_label)

        self.passphrase_label = QLabel(passphrase, self)
        self.passphrase_label.setObjectName("passphrase_label")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(PASSPHRASE_POINT_SIZE)
        font.setBold(True)
        self.passphrase_label.setFont(font)
        self.passphrase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passphrase_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.passphrase_label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.passphrase_label.setFrameShape(QFrame.Shape.Box)
        self.passphrase_label.setMargin(12)

        self.notice_label = QLabel(
            self.tr(
                "This passphrase is shown only this once.\n"
                "Hand it to the user in person or in a sealed envelope; do not send it by "
                "e-mail, chat or photo.\n"
                "The user must change it at the first login."
            ),
            self,
        )
        self.notice_label.setObjectName("notice_label")
        self.notice_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.setObjectName("buttons")
        self.done_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setObjectName("done_button")
        self.done_button.setText(self.tr("I have noted it down"))
        self.buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def done(self, result: int) -> None:
        """Every way out (the button, Esc, the window's close box) ends here."""
        self.passphrase_label.clear()
        super().done(result)
