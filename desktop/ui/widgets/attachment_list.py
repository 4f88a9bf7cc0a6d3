"""A record's attachments: the list and 打开 / 添加… / 另存副本… / 删除…, driven by callables.

The widget knows no service: the page or dialog that uses it passes what to call (bound to its
own service and record), and every call runs on the ``TaskRunner``'s worker. "打开" shows the
file in the program's own viewer, from memory (``AttachmentViewer``); "另存副本…" is the only
way a file leaves the vault, and the service records it in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.attachments import StoredFile
from desktop.domain.dates import format_cn_datetime
from desktop.errors import AppError
from desktop.ui.attachment_viewer import AttachmentViewer
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ReasonDialog

OpenPathChooser = Callable[[QWidget], Path | None]
SavePathChooser = Callable[[QWidget, str], Path | None]


def choose_file_to_add(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("AttachmentList", "Add attachment")
    )
    return Path(name) if name else None


def choose_copy_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("AttachmentList", "Save a copy as"), suggested
    )
    return Path(name) if name else None


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _added_at(text: str) -> str:
    try:
        return format_cn_datetime(datetime.fromisoformat(text).astimezone())
    except ValueError:
        return text


class RemoveFileDialog(ReasonDialog):
    """Asks for the reason (it goes into the audit log), then removes one file."""

    def __init__(
        self,
        filename: str,
        remove: Callable[[str], object],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent, confirm_name="remove_button")
        self.setObjectName("remove_file_dialog")
        self.setWindowTitle(self.tr("Remove attachment"))
        self._remove = remove
        self.question_label = self._question(
            self.tr(
                "Remove the attachment “%1”? The removal and its reason are recorded in the "
                "audit log."
            ).replace("%1", filename)
        )
        self.reason_edit = self._reason(self.tr("Reason"))
        self.remove_button = self.confirm_button
        self.remove_button.setText(self.tr("Remove"))
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], object]:
        reason, remove = self.reason_edit.text(), self._remove
        return lambda: remove(reason)


class AttachmentList(QWidget):
    """The files of one record; a page that shows one record after another passes each in turn
    to ``show_record``.

    Args:
        list_files: the record's files' metadata (no content); None: no record yet.
        content: a file's bytes by id, for the viewer.
        save_copy: writes a file (by id) to a path outside the vault.
        add_from_file: attaches the file at a path to the record (None: 添加 is disabled).
        remove: removes a file (by id) with a reason (None: no 删除 button).
        can_edit: whether 添加 and 删除 are offered (the services check again).

    Signals:
        changed: a file was added or removed (the list reloads itself).
    """

    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        *,
        list_files: Callable[[], Sequence[StoredFile]] | None = None,
        content: Callable[[int], bytes],
        save_copy: Callable[[int, Path], object],
        add_from_file: Callable[[Path], StoredFile] | None = None,
        remove: Callable[[int, str], object] | None = None,
        can_edit: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_list")
        self._runner = runner
        self._list_files = list_files
        self._content = content
        self._save_copy = save_copy
        self._add_from_file = add_from_file
        self._remove = remove
        self._files: list[StoredFile] = []
        self._loaded = False
        self._record = 0  # counts the records shown: an answer about an earlier one is dropped
        self.viewer: AttachmentViewer | None = None
        self.remove_dialog: RemoveFileDialog | None = None
        # Replaced in tests; the real ones open the platform's file dialogs.
        self.choose_open_path: OpenPathChooser = choose_file_to_add
        self.choose_save_path: SavePathChooser = choose_copy_path

        self.list_widget = QListWidget(self)
        self.list_widget.setObjectName("list_widget")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("open_button")
        self.open_button.setToolTip(
            self.tr("Shows the file in the program's own viewer; nothing is written to disk.")
        )
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setObjectName("add_button")
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(
            self.tr(
                "Writes an unencrypted copy outside the vault; the export is recorded in the "
                "audit log."
            )
        )
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("remove_button")
        self.add_button.setVisible(can_edit)
        self.remove_button.setVisible(can_edit and remove is not None)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        buttons = QVBoxLayout()
        for button in (self.open_button, self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list_widget, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        layout.addWidget(self.status_label)

        self.list_widget.currentRowChanged.connect(self._on_list_widget_current_row_changed)
        self.list_widget.itemActivated.connect(self._on_list_widget_item_activated)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self._update_buttons()

    # -- public -----------------------------------------------------------------------------
    @property
    def files(self) -> list[StoredFile]:
        return list(self._files)

    @property
    def loaded(self) -> bool:
        """Whether the list has been read at least once."""
        return self._loaded

    def reload(self, select_id: int | None = None) -> None:
        """Read the list again; keeps the selected file (or selects ``select_id``)."""
        list_files, record = self._list_files, self._record
        if list_files is None:
            self._show_files((), None)
            return
        current = self.current_file()
        wanted = select_id if select_id is not None else current.id if current else None
        self._runner.run(
            list_files,
            lambda files: self._on_files_listed(files, wanted, record),
            self._on_error,
        )

    def show_record(
        self,
        list_files: Callable[[], Sequence[StoredFile]] | None,
        *,
        add_from_file: Callable[[Path], StoredFile] | None = None,
        files: Sequence[StoredFile] | None = None,
    ) -> None:
        """Show another record's files: from now on the list is read, and files are added,
        through ``list_files`` and ``add_from_file`` (a job already started finishes for the
        record it was started for). ``files``, when the caller has just read them with the
        record, are shown at once; otherwise the list reads them. ``list_files`` None: no
        record, an empty list."""
        self._record += 1
        self._list_files = list_files
        self._add_from_file = add_from_file
        self._set_status("")
        if files is None:
            self.reload()
        else:
            self._show_files(files, None)

    def select_row(self, row: int) -> None:
        self.list_widget.setCurrentRow(row)

    def current_file(self) -> StoredFile | None:
        row = self.list_widget.currentRow()
        return self._files[row] if 0 <= row < len(self._files) else None

    def open_viewer(self) -> AttachmentViewer | None:
        """Show the selected file in the program's own viewer (it reads the bytes itself)."""
        info = self.current_file()
        if info is None:
            return None
        if self.viewer is not None:
            self.viewer.close()
        content, file_id = self._content, info.id
        viewer = AttachmentViewer(
            info.filename, info.media_type, lambda: content(file_id), self._runner, self
        )
        viewer.finished.connect(self._on_viewer_finished)
        self.viewer = viewer
        viewer.open()
        return viewer

    def add_file(self, path: Path) -> None:
        """Attach the file at ``path``; it is read on the worker."""
        add = self._add_from_file
        if add is None:
            return
        self._set_status("")
        record = self._record
        self._runner.run(
            lambda: add(path), lambda info: self._on_added(info, record), self._on_error
        )

    def save_copy_to(self, path: Path) -> None:
        """Write the selected file to ``path`` (atomically and audited, by the service)."""
        info = self.current_file()
        if info is None:
            return
        self._set_status("")
        save, file_id = self._save_copy, info.id
        self._runner.run(
            lambda: save(file_id, path),
            lambda _r: self._set_status(self.tr("Saved to %1").replace("%1", str(path))),
            self._on_error,
        )

    def open_remove_dialog(self) -> RemoveFileDialog | None:
        info, remove = self.current_file(), self._remove
        if info is None or remove is None:
            return None
        file_id, filename, record = info.id, info.filename, self._record
        dialog = RemoveFileDialog(
            filename, lambda reason: remove(file_id, reason), self._runner, self
        )
        dialog.accepted.connect(lambda: self._on_removed(filename, record))
        dialog.finished.connect(self._on_remove_dialog_finished)
        self.remove_dialog = dialog
        dialog.open()
        return dialog

    # -- slots ------------------------------------------------------------------------------
    def _on_list_widget_current_row_changed(self, _row: int) -> None:
        self._update_buttons()

    def _on_list_widget_item_activated(self, _item: QListWidgetItem) -> None:
        self.open_viewer()

    def _on_open_button_clicked(self) -> None:
        self.open_viewer()

    def _on_add_button_clicked(self) -> None:
        path = self.choose_open_path(self)
        if path is not None:
            self.add_file(path)

    def _on_save_button_clicked(self) -> None:
        info = self.current_file()
        if info is None:
            return
        path = self.choose_save_path(self, info.filename)
        if path is not None:
            self.save_copy_to(path)

    def _on_remove_button_clicked(self) -> None:
        self.open_remove_dialog()

    def _on_viewer_finished(self, _result: int) -> None:
        viewer, self.viewer = self.viewer, None
        if viewer is not None:
            viewer.deleteLater()

    def _on_remove_dialog_finished(self, _result: int) -> None:
        dialog, self.remove_dialog = self.remove_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_files_listed(
        self, files: Sequence[StoredFile], wanted: int | None, record: int
    ) -> None:
        if record == self._record:  # not read for a record shown before
            self._show_files(files, wanted)

    def _on_added(self, info: StoredFile, record: int) -> None:
        if record == self._record:
            self._set_status(self.tr("Attached %1.").replace("%1", info.filename))
            self.reload(select_id=info.id)
        self.changed.emit()

    def _on_removed(self, filename: str, record: int) -> None:
        if record == self._record:
            self._set_status(self.tr("Removed %1.").replace("%1", filename))
            self.reload()
        self.changed.emit()

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _show_files(self, files: Sequence[StoredFile], wanted: int | None) -> None:
        self._files = list(files)
        self._loaded = True
        self.list_widget.clear()
        for info in self._files:
            item = QListWidgetItem(f"{info.filename} ({format_size(info.size)})")
            item.setToolTip(
                self.tr("Added %1\nSHA-256 %2")
                .replace("%1", _added_at(info.added_at))
                .replace("%2", info.sha256)
            )
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list_widget.addItem(item)
        ids = [info.id for info in self._files]
        if self._files:
            self.list_widget.setCurrentRow(ids.index(wanted) if wanted in ids else 0)
        self._update_buttons()

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _update_buttons(self) -> None:
        has_file = self.current_file() is not None
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(has_file)
        self.add_button.setEnabled(self._add_from_file is not None)
