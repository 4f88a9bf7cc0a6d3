"""Files attached to achievements (certificates, drawings, scans), kept inside the vault.

Reading needs the achievement's read rights and clearance; adding and removing need edit rights;
saving a copy outside the vault is audited because the copy is no longer protected."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from db import achievements
from db.atomic import write_atomic
from db.vault import Conn
from desktop.domain import attachments
from desktop.domain.accounts import User
from desktop.domain.achievements import Achievement
from desktop.domain.attachments import StoredFile
from desktop.errors import PermissionDenied, StorageError, ValidationError
from desktop.services.achievements import visible_achievement
from desktop.services.base import Service


class AchievementFileService(Service):
    def list(self, actor: User, achievement_id: int) -> list[StoredFile]:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            self._achievement(conn, actor, achievement_id)
            return achievements.list_attachments(conn, achievement_id)

    def content(self, actor: User, attachment_id: int) -> bytes:
        """The bytes, for the program's own viewer: they stay in memory."""
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            info = self._file(conn, actor, attachment_id)
            data = achievements.attachment_content(conn, info.id)
        if data is None or hashlib.sha256(data).hexdigest() != info.sha256:
            raise StorageError("附件内容与登记时的摘要不符，可能已损坏。")
        return data

    def add(
        self, actor: User, achievement_id: int, filename: str, media_type: str, content: bytes
    ) -> StoredFile:
        self._authorize(actor, "achievement.edit")
        filename = attachments.clean_filename(filename)
        media_type = attachments.clean_media_type(media_type)
        attachments.check_size(len(content))
        with self._vault.transaction() as conn:
            found = self._achievement(conn, actor, achievement_id)
            attachment_id = achievements.insert_attachment(
                conn,
                achievement_id,
                filename=filename,
                media_type=media_type,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                added_by=actor.id,
                added_at=self._timestamp(),
            )
            info = achievements.get_attachment(conn, attachment_id)
            assert info is not None
            self._audit(
                conn,
                actor,
                "achievement.attachment_added",
                "achievement",
                achievement_id,
                after=_snapshot(info),
                level=found.draft.level,
            )
        return info

    def add_from_file(self, actor: User, achievement_id: int, path: Path) -> StoredFile:
        """Read a file (on the caller's thread: the UI calls this from its worker)."""
        self._authorize(actor, "achievement.edit")
        path = Path(path)
        try:
            attachments.check_size(path.stat().st_size)
            with path.open("rb") as f:
                content = f.read(attachments.MAX_ATTACHMENT_BYTES + 1)
        except OSError as e:
            raise StorageError(f"无法读取文件 {path}：{e.strerror or e}") from e
        media_type = mimetypes.guess_type(path.name)[0] or attachments.DEFAULT_MEDIA_TYPE
        return self.add(actor, achievement_id, path.name, media_type, content)

    def remove(self, actor: User, attachment_id: int, reason: str) -> None:
        self._authorize(actor, "achievement.edit")
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason", "请填写删除附件的原因。")
        with self._vault.transaction() as conn:
            info = self._file(conn, actor, attachment_id)
            found = self._achievement(conn, actor, info.owner_id)
            achievements.delete_attachment(conn, attachment_id)
            self._audit(
                conn,
                actor,
                "achievement.attachment_removed",
                "achievement",
                info.owner_id,
                before=_snapshot(info),
                reason=reason,
                level=found.draft.level,
            )

    def save_copy(self, actor: User, attachment_id: int, path: Path) -> StoredFile:
        """Write a copy outside the vault; audited with where it went (written first, so a
        failed write leaves no entry)."""
        self._authorize(actor, "achievement.read")
        with self._vault.transaction() as conn:
            info = self._file(conn, actor, attachment_id)
            found = self._achievement(conn, actor, info.owner_id)
            data = achievements.attachment_content(conn, attachment_id)
            assert data is not None
            write_atomic(Path(path), data, mode=0o600)
            self._audit(
                conn,
                actor,
                "achievement.attachment_exported",
                "achievement",
                info.owner_id,
                after={**_snapshot(info), "path": str(path)},
                level=found.draft.level,
            )
        return info

    # -- internals --------------------------------------------------------------------------
    @staticmethod
    def _achievement(conn: Conn, actor: User, achievement_id: int) -> Achievement:
        return visible_achievement(conn, actor, achievement_id)

    def _file(self, conn: Conn, actor: User, attachment_id: int) -> StoredFile:
        info = achievements.get_attachment(conn, attachment_id)
        if info is None:
            raise PermissionDenied("该附件不存在，或您无权查看。")
        self._achievement(conn, actor, info.owner_id)
        return info


def _snapshot(info: StoredFile) -> dict[str, object]:
    return attachments.snapshot(info.id, info.filename, info.media_type, info.size, info.sha256)
