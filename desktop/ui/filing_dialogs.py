"""The small dialogs of the 报送 page: generating or replacing the unit's keys, trusting another
office's key card (by typing the fingerprint read from its paper card), retiring a trusted key,
and the result of checking a filing received (with 导入 once it checked out).

The first three are ``ServiceDialog``s: they call the ``FilingService`` on the TaskRunner and
close only once it has accepted; a ``ValidationError`` is shown at its field. The verification
dialog checks the file as soon as it opens and shows either what the filing holds or why it was
refused, with the verifier's reason code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.dates import format_iso_date
from desktop.domain.filings import Item, TrustedKey
from desktop.domain.permissions import allowed
from desktop.domain.secrecy import carrier_mark
from desktop.errors import AppError, PacketError, ValidationError
from desktop.sealing import minisign
from desktop.sealing.reasons import NAMES as REASON_NAMES
from desktop.services.filings import (
    CardPreview,
    Draft,
    FilingService,
    Imported,
    OwnKeys,
    Verified,
)
from desktop.ui import labels
from desktop.ui.approval_dialogs import format_time
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import format_size
from desktop.ui.widgets.field_form import FieldForm
from desktop.ui.widgets.reason_dialog import MIN_DIALOG_WIDTH, ServiceDialog

GROUPS_PER_LINE = 4
ERROR_STYLE = "color: #b3261e;"
GOOD_STYLE = "color: #1b6e20;"


# -- display helpers the page and the wizard share ---------------------------------------------
def fingerprint_lines(fingerprint: str, per_line: int = GROUPS_PER_LINE) -> str:
    """A fingerprint in lines of four groups (4×4 on the paper card), or ``per_line``."""
    groups = fingerprint.split()
    return "\n".join(" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


def key_id_text(key_id: bytes) -> str:
    """A trusted key's id as minisign prints it (and as the key card shows it)."""
    return minisign.PublicKey(key_id, b"").key_id_hex


def level_text(level: str) -> str:
    """秘密 (秘密★): the level, and the mark a packet holding it carries (none for 公开)."""
    mark = carrier_mark(level)
    name = labels.clearance(level)
    return f"{name}（{mark}）" if mark and mark != name else name


def sender_text(office: str, named: str) -> str:
    """The trusted office whose key signed, with the credit code the packet names:
    辽宁省示范大学（912…）. A packet naming another office is refused before this is shown."""
    code, _, name = named.partition(" ")
    if name == office and code:
        return f"{office}（{code}）"
    return office


def mono_label(text: str, name: str, parent: QWidget) -> QLabel:
    """A label in a fixed-width font that can be selected (fingerprints, hashes)."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def value_label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Expanding: in a FieldForm the value takes the row's width instead of wrapping early.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def table(name: str, headers: list[str], parent: QWidget, stretch: int) -> QTableWidget:
    """A read-only table with one row selected at a time; column ``stretch`` takes the room."""
    widget = QTableWidget(0, len(headers), parent)
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return widget


def fill_table(widget: QTableWidget, rows: list[list[str]]) -> None:
    widget.setRowCount(0)
    for cells in rows:
        at = widget.rowCount()
        widget.insertRow(at)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            widget.setItem(at, column, item)


def item_rows(items: tuple[Item, ...] | list[Item]) -> list[list[str]]:
    return [[labels.filed_record_kind(i.kind), i.title, labels.clearance(i.level)] for i in items]


def item_headers() -> list[str]:
    translate = QCoreApplication.translate
    return [
        translate("FilingDialogs", "Kind of record"),
        translate("FilingDialogs", "Record"),
        translate("FilingDialogs", "Secrecy level"),
    ]


def document_headers() -> list[str]:
    translate = QCoreApplication.translate
    return [translate("FilingDialogs", "File in the filing"), translate("FilingDialogs", "Size")]


# -- keys -----------------------------------------------------------------------------------------
class KeysDialog(ServiceDialog):
    """Generates the unit's keys, or replaces them (``replacing``: a reason is then needed).
    ``saved`` carries the new ``OwnKeys``."""

    def __init__(
        self,
        service: FilingService,
        runner: TaskRunner,
        actor: User,
        *,
        replacing: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("keys_dialog")
        self._service = service
        self._actor = actor
        self._replacing = replacing
        self.reason_edit: QLineEdit | None = None
        if replacing:
            self.setWindowTitle(self.tr("Replace the unit's keys"))
            self.question_label = self._question(
                self.tr(
                    "New keys replace the current ones. Offices that trust the current key must "
                    "import the new key card before they can check our filings again. Filings "
                    "already received stay readable."
                )
            )
            self.reason_edit = self._reason(
                self.tr("Reason"), self.tr("e.g. the key card was lost together with a laptop")
            )
            self.save_button.setText(self.tr("Replace keys"))
        else:
            self.setWindowTitle(self.tr("Generate the unit's keys"))
            self.question_label = self._question(
                self.tr(
                    "The unit's signing key and receiving key are made inside the vault and "
                    "never leave it. Afterwards save the key card and give it, with its printed "
                    "fingerprint, to the offices you file with."
                )
            )
            self.save_button.setText(self.tr("Generate keys"))
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], OwnKeys]:
        service, actor = self._service, self._actor
        reason = self.reason_edit.text() if self.reason_edit is not None else ""
        return lambda: service.create_keys(actor, reason=reason)


class TrustCardDialog(ServiceDialog):
    """Trusts the office on a key card once the fingerprint typed from its paper card matches
    the file. ``saved`` carries the new ``TrustedKey``."""

    def __init__(
        self,
        service: FilingService,
        runner: TaskRunner,
        actor: User,
        data: bytes,
        card: CardPreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("trust_card_dialog")
        self.setWindowTitle(self.tr("Import a key card"))
        self._service = service
        self._actor = actor
        self._data = data
        self.card = card
        self.intro_label = self._question(
            self.tr(
                "Check the office and its fingerprint against the key card printed on paper (or "
                "have the fingerprint read to you over the phone by someone you know there), "
                "then type the fingerprint from the paper. A key card file alone proves nothing: "
                "it may have been swapped on its way."
            ),
            "intro_label",
        )
        office = card.office + (f"（{card.credit_code}）" if card.credit_code else "")
        self.office_label = value_label(office, "office_label", self)
        self.key_id_label = mono_label(card.key_id, "key_id_label", self)
        self.file_fingerprint_label = mono_label(
            fingerprint_lines(card.fingerprint), "file_fingerprint_label", self
        )
        self.created_label = value_label(format_iso_date(card.created[:10]), "created_label", self)
        self.fields.add_field("card", self.tr("Office"), self.office_label)
        self.fields.add_field("key_id", self.tr("Key ID"), self.key_id_label)
        self.fields.add_field(
            "file_fingerprint", self.tr("Fingerprint in the file"), self.file_fingerprint_label
        )
        self.fields.add_field("created", self.tr("Key card made on"), self.created_label)
        self.known_label = value_label("", "known_label", self)
        self.known_label.setStyleSheet(ERROR_STYLE)
        if card.known_as is not None:
            self.known_label.setText(
                self.tr("This key is already trusted, as the key of %1.").replace(
                    "%1", card.known_as
                )
            )
        self.known_label.setVisible(card.known_as is not None)
        self.fingerprint_edit = QLineEdit(self)
        self.fingerprint_edit.setObjectName("fingerprint_edit")
        self.fingerprint_edit.setPlaceholderText(self.tr("e.g. 1A2B 3C4D 5E6F …"))
        self.fingerprint_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fields.add_field(
            "fingerprint", self.tr("Fingerprint on the paper card"), self.fingerprint_edit
        )
        self.save_button.setText(self.tr("Trust this key"))
        self.setMinimumWidth(MIN_DIALOG_WIDTH + 200)
        self._finish_layout(self.intro_label, self.fields, self.known_label)
        self.layout_.insertStretch(self.layout_.count() - 1, 1)  # above the buttons
        self.resize(MIN_DIALOG_WIDTH + 260, 520)
        self.fingerprint_edit.textEdited.connect(self._on_fingerprint_edit_text_edited)

    def _on_fingerprint_edit_text_edited(self, _text: str) -> None:
        self.fields.clear_error("fingerprint")

    def _job(self) -> Callable[[], TrustedKey]:
        service, actor, data = self._service, self._actor, self._data
        typed = self.fingerprint_edit.text()
        if not typed.strip():
            raise ValidationError(
                "fingerprint", self.tr("Type the fingerprint printed on the office's key card.")
            )
        return lambda: service.trust(actor, data, typed)


class RetireKeyDialog(ServiceDialog):
    """Stops trusting a key, with a reason; ``saved`` carries None."""

    def __init__(
        self,
        service: FilingService,
        runner: TaskRunner,
        actor: User,
        key: TrustedKey,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("retire_key_dialog")
        self.setWindowTitle(self.tr("Retire a trusted key"))
        self._service = service
        self._actor = actor
        self._key = key
        self.question_label = self._question(
            self.tr(
                "Stop trusting the key %1 of %2? Filings signed with it are refused from now "
                "on; those already imported stay as they are."
            )
            .replace("%1", key_id_text(key.key_id))
            .replace("%2", key.office)
        )
        self.reason_edit = self._reason(
            self.tr("Reason"), self.tr("e.g. the office replaced its keys on 2026-03-01")
        )
        self.save_button.setText(self.tr("Retire key"))
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], None]:
        service, actor, key_id = self._service, self._actor, self._key.id
        reason = self.reason_edit.text()
        return lambda: service.retire(actor, key_id, reason)


class DiscardDraftDialog(ServiceDialog):
    """Gives up a filing kept as a draft for the secrecy approval; ``saved`` carries None."""

    def __init__(
        self,
        service: FilingService,
        runner: TaskRunner,
        actor: User,
        draft: Draft,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("discard_draft_dialog")
        self.setWindowTitle(self.tr("Discard a filing"))
        self._service = service
        self._actor = actor
        self._draft = draft
        self.question_label = self._question(
            self.tr(
                "Discard the filing of %1 records to %2? Its approval no longer counts; the "
                "records themselves are not touched."
            )
            .replace("%1", str(len(draft.filing.items)))
            .replace("%2", draft.filing.office)
        )
        self.save_button.setText(self.tr("Discard"))
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], None]:
        service, actor, draft_id = self._service, self._actor, self._draft.filing.id
        return lambda: service.discard_draft(actor, draft_id)


# -- checking a filing received ------------------------------------------------------------------
class VerificationDialog(QDialog):
    """Checks the filing at ``path`` as soon as it opens; shows the sender, its fingerprint, the
    time it claims, the sequence, the level, the records and the documents, or why the filing
    was refused (the verifier's message and its reason code). 导入 (for transfer officers) once
    it checked out.

    Signals:
        checked: the check ended (``verified`` or ``rejection`` tells how).
        imported: an ``Imported`` (also when the filing had been imported before).
    """

    checked = Signal()
    imported = Signal(object)

    def __init__(
        self,
        service: FilingService,
        runner: TaskRunner,
        actor: User,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verification_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Check a filing"))
        self.setMinimumWidth(MIN_DIALOG_WIDTH + 240)
        self.resize(880, 720)
        self._service = service
        self._runner = runner
        self._actor = actor
        self._path = path
        self._busy = True
        self.verified: Verified | None = None
        self.rejection: PacketError | None = None
        self.outcome: Imported | None = None

        self.file_label = value_label(str(path), "file_label", self)
        self.result_label = QLabel(self.tr("Checking the filing…"), self)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.message_label = value_label("", "message_label", self)
        self.message_label.hide()

        self.facts = FieldForm(self)
        self.facts.setObjectName("facts")
        self.sender_label = value_label("", "sender_label", self)
        self.fingerprint_label = mono_label("", "fingerprint_label", self)
        self.time_label = value_label("", "time_label", self)
        self.sequence_label = value_label("", "sequence_label", self)
        self.level_label = value_label("", "level_label", self)
        self.filing_label = value_label("", "filing_label", self)
        self.sha_label = mono_label("", "sha_label", self)
        self.facts.add_field("sender", self.tr("Sender"), self.sender_label)
        self.facts.add_field(
            "fingerprint", self.tr("Fingerprint of the sender's key"), self.fingerprint_label
        )
        self.facts.add_field("time", self.tr("Time claimed by the sender"), self.time_label)
        self.facts.add_field("sequence", self.tr("Sequence number"), self.sequence_label)
        self.facts.add_field("level", self.tr("Highest secrecy level"), self.level_label)
        self.facts.add_field("filing", self.tr("Filing ID"), self.filing_label)
        self.facts.add_field("sha256", "SHA-256", self.sha_label)
        self.items_table = table("items_table", item_headers(), self, 1)
        self.documents_table = table("documents_table", document_headers(), self, 0)
        self.facts.hide()
        self.items_table.hide()
        self.documents_table.hide()

        self.status_label = value_label("", "status_label", self)
        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("buttons")
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.import_button.setVisible(allowed(actor, "filing.import"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_button")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.facts)
        layout.addWidget(self.items_table, 2)
        layout.addWidget(self.documents_table, 2)
        layout.addStretch(1)  # takes the room while the tables are hidden
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.buttons.rejected.connect(self.reject)
        service_, actor_ = service, actor
        runner.run(lambda: service_.verify(actor_, path), self._on_verified, self._on_failed)

    @property
    def busy(self) -> bool:
        return self._busy

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def import_filing(self) -> None:
        """What 导入 does."""
        if self._busy or self.verified is None:
            return
        self._set_busy(True)
        self.status_label.setText(self.tr("Importing…"))
        service, actor, path = self._service, self._actor, self._path
        self._runner.run(lambda: service.import_(actor, path), self._on_imported, self._on_failed)

    # -- slots --------------------------------------------------------------------------------
    def _on_import_button_clicked(self) -> None:
        self.import_filing()

    def _on_verified(self, result: Verified) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.verified = result
        self.result_label.setText(self.tr("The filing checks out."))
        self.result_label.setStyleSheet(f"font-weight: bold; font-size: 15px; {GOOD_STYLE}")
        self.sender_label.setText(sender_text(result.office, result.sender))
        self.fingerprint_label.setText(fingerprint_lines(result.fingerprint))
        self.time_label.setText(format_time(result.claimed_time))
        self.sequence_label.setText(str(result.sequence))
        level = level_text(result.level)
        if result.encrypted:
            level += self.tr("; was encrypted to this unit")
        self.level_label.setText(level)
        self.filing_label.setText(result.filing_id)
        self.sha_label.setText(result.sha256)
        fill_table(self.items_table, item_rows(result.items))
        fill_table(
            self.documents_table, [[name, format_size(size)] for name, size in result.documents]
        )
        self.facts.show()
        self.items_table.show()
        self.documents_table.show()
        if result.already_imported:
            self.status_label.setText(
                self.tr("This filing has already been imported; importing it again adds nothing.")
            )
        self.import_button.setEnabled(not result.already_imported)
        self.checked.emit()

    def _on_imported(self, result: Imported) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.outcome = result
        self.import_button.setEnabled(False)
        if result.already:
            text = self.tr("This filing had already been imported; nothing was added.")
        else:
            text = (
                self.tr("Imported: %1 new records, %2 unchanged.")
                .replace("%1", str(result.added))
                .replace("%2", str(result.unchanged))
            )
            if result.differing:
                text += "\n" + self.tr(
                    "Different from the copy received earlier (both are kept): %1"
                ).replace("%1", "、".join(result.differing))
        self.status_label.setText(text)
        self.imported.emit(result)

    def _on_failed(self, error: AppError) -> None:
        if not shiboken6.isValid(self):
            return
        first_check = self.verified is None and self.rejection is None
        self._set_busy(False)
        self.status_label.clear()
        if isinstance(error, PacketError):
            self._show_rejection(error)
            if first_check:
                self.checked.emit()
            return
        if first_check:
            self.result_label.setText(self.tr("The filing could not be checked."))
            self.checked.emit()
        show_error(self, error)

    # -- internals ----------------------------------------------------------------------------
    def _show_rejection(self, error: PacketError) -> None:
        self.rejection = error
        self.verified = None
        self.import_button.setEnabled(False)
        self.facts.hide()
        self.items_table.hide()
        self.documents_table.hide()
        self.result_label.setText(self.tr("The filing is refused."))
        self.result_label.setStyleSheet(f"font-weight: bold; font-size: 15px; {ERROR_STYLE}")
        reason = str(getattr(error, "reason", "") or "")
        text = error.message
        if reason:
            name = REASON_NAMES.get(reason, "")
            code = f"{reason}（{name}）" if name else reason
            text += "\n\n" + self.tr("Reason code: %1").replace("%1", code)
        self.message_label.setText(text)
        self.message_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.close_button.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)
