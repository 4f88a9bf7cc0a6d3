"""Decision records (决策记录): the proof of due diligence under measure (十四).

Readers see only decisions at or below their clearance: the others are not listed, not found by
search and not counted, and opening one by id is refused. Writers may record a decision at any
level up to their own clearance; changing the level of an existing decision needs a reason.
Attachments are stored inside the encrypted vault; the audit log records their metadata and
hash, never their content.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from db import decisions
from db.atomic import write_atomic
from db.vault import Conn
from desktop.domain import attachments
from desktop.domain.accounts import User
from desktop.domain.attachments import DEFAULT_MEDIA_TYPE, MEDIA_TYPE_MAX
from desktop.domain.decisions import (
    MAX_ATTACHMENT_BYTES,
    AttachmentInfo,
    Decision,
    DecisionDraft,
    snapshot,
    validate_decision,
)
from desktop.domain.permissions import can_see, level_rank, require_level, visible_levels
from desktop.errors import PermissionDenied, StorageError, ValidationError
from desktop.services.base import Service

OBJECT_TYPE_MAX = 32
OBJECT_ID_MAX = 64


class DecisionService(Service):
    # -- reading ----------------------------------------------------------------------------
    def count(self, actor: User, search: str = "") -> int:
        """Decisions the actor may see, narrowed by ``search`` (title, summary, participants)."""
        self._authorize(actor, "decision.read")
        with self._vault.read() as conn:
            return decisions.count(conn, levels=visible_levels(actor), search=search)

    def page(self, actor: User, offset: int, limit: int, search: str = "") -> list[Decision]:
        """Newest decision date first, with links; only levels the actor may see."""
        self._authorize(actor, "decision.read")
        with self._vault.read() as conn:
            return decisions.list_page(
                conn, levels=visible_levels(actor), offset=offset, limit=limit, search=search
            )

    def get(self, actor: User, decision_id: int) -> Decision:
        self._authorize(actor, "decision.read")
        with self._vault.read() as conn:
            return self._visible(conn, actor, decision_id)

    def for_object(self, actor: User, object_type: str, object_id: str) -> list[Decision]:
        """The decisions linked to one object that the actor may see."""
        self._authorize(actor, "decision.read")
        with self._vault.read() as conn:
            return decisions.list_for_object(
                conn, object_type, object_id, levels=visible_levels(actor)
            )

    def attachments(self, actor: User, decision_id: int) -> list[AttachmentInfo]:
        """Metadata of a decision's attachments (no content)."""
        self._authorize(actor, "decision.read")
        with self._vault.read() as conn:
            self._visible(conn, actor, decision_id)
            return decisions.list_attachments(conn, decision_id)

    def attachment_content(self, actor: User, attachment_id: int) -> bytes:
        self._authorize(actor, "decision.read")
        with self._vault.read() as conn:
            info = self._attachment(conn, attachment_id)
            self._visible(conn, actor, info.owner_id)
            content = decisions.attachment_content(conn, attachment_id)
        if content is None:  # removed between the two reads of one snapshot: cannot happen
            raise ValidationError("attachment", "该附件不存在。")
        return content

    def save_attachment(self, actor: User, attachment_id: int, path: Path) -> AttachmentInfo:
        """Write an attachment to ``path`` atomically. Taking a file out of the vault is
        audited (``decision.attachment_exported``); if the write fails, nothing is recorded."""
        self._authorize(actor, "decision.read")
        path = Path(path)
        with self._vault.transaction() as conn:
            info = self._attachment(conn, attachment_id)
            decision = self._visible(conn, actor, info.owner_id)
            content = decisions.attachment_content(conn, attachment_id)
            if content is None:
                raise ValidationError("attachment", "该附件不存在。")
            self._audit(
                conn,
                actor,
                "decision.attachment_exported",
                "decision",
                info.owner_id,
                after={**_attachment_snapshot(info), "path": str(path)},
                level=decision.draft.level,
            )
            write_atomic(path, content)
        return info

    # -- writing ----------------------------------------------------------------------------
    def create(self, actor: User, draft: DecisionDraft) -> int:
        self._authorize(actor, "decision.edit")
        draft = validate_decision(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            decision_id = decisions.insert(
                conn, draft, created_by=actor.id, created_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "decision.created",
                "decision",
                decision_id,
                after=snapshot(draft),
                level=draft.level,
            )
        return decision_id

    def update(self, actor: User, decision_id: int, draft: DecisionDraft, reason: str = "") -> None:
        """``reason`` is required when the level changes."""
        self._authorize(actor, "decision.edit")
        draft = validate_decision(draft, today=self._now().date())
        require_level(actor, draft.level)
        reason = reason.strip()
        with self._vault.transaction() as conn:
            before = self._visible(conn, actor, decision_id).draft
            if before.level != draft.level and not reason:
                raise ValidationError("reason", "修改密级须说明理由。")
            decisions.update(conn, decision_id, draft, updated_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "decision.updated",
                "decision",
                decision_id,
                before=snapshot(before),
                after=snapshot(draft),
                reason=reason or None,
                # The entry holds both snapshots: it is as secret as the more secret of them.
                level=max(before.level, draft.level, key=level_rank),
            )

    def link(self, actor: User, decision_id: int, object_type: str, object_id: str) -> bool:
        """Link a decision to an object (e.g. ``("agreement", "12")``); False if already linked."""
        self._authorize(actor, "decision.edit")
        object_type, object_id = _validate_object(object_type, object_id)
        with self._vault.transaction() as conn:
            decision = self._visible(conn, actor, decision_id)
            if not decisions.add_link(conn, decision_id, object_type, object_id):
                return False
            self._audit(
                conn,
                actor,
                "decision.linked",
                "decision",
                decision_id,
                after={"object_type": object_type, "object_id": object_id},
                level=decision.draft.level,
            )
        return True

    def unlink(self, actor: User, decision_id: int, object_type: str, object_id: str) -> bool:
        """Remove a link; False if there was none."""
        self._authorize(actor, "decision.edit")
        object_type, object_id = _validate_object(object_type, object_id)
        with self._vault.transaction() as conn:
            decision = self._visible(conn, actor, decision_id)
            if not decisions.remove_link(conn, decision_id, object_type, object_id):
                return False
            self._audit(
                conn,
                actor,
                "decision.unlinked",
                "decision",
                decision_id,
                before={"object_type": object_type, "object_id": object_id},
                level=decision.draft.level,
            )
        return True

    def add_attachment(
        self, actor: User, decision_id: int, filename: str, media_type: str, content: bytes
    ) -> AttachmentInfo:
        self._authorize(actor, "decision.edit")
        filename = _clean_filename(filename)
        media_type = media_type.strip() or DEFAULT_MEDIA_TYPE
        if len(media_type) > MEDIA_TYPE_MAX:
            media_type = DEFAULT_MEDIA_TYPE
        _check_size(len(content))
        digest = hashlib.sha256(content).hexdigest()
        with self._vault.transaction() as conn:
            decision = self._visible(conn, actor, decision_id)
            attachment_id = decisions.insert_attachment(
                conn,
                decision_id,
                filename=filename,
                media_type=media_type,
                content=content,
                sha256=digest,
                added_by=actor.id,
                added_at=self._timestamp(),
            )
            info = self._attachment(conn, attachment_id)
            self._audit(
                conn,
                actor,
                "decision.attachment_added",
                "decision",
                decision_id,
                after=_attachment_snapshot(info),
                level=decision.draft.level,
            )
        return info

    def add_attachment_from_file(self, actor: User, decision_id: int, path: Path) -> AttachmentInfo:
        """Read a file (on the caller's thread: the UI calls this from its worker) and attach it
        under its own name. A file over the size cap is refused before it is read."""
        self._authorize(actor, "decision.edit")
        path = Path(path)
        try:
            _check_size(path.stat().st_size)
            with path.open("rb") as f:
                content = f.read(MAX_ATTACHMENT_BYTES + 1)
        except OSError as e:
            raise StorageError(f"无法读取文件 {path}：{e.strerror or e}") from e
        media_type = mimetypes.guess_type(path.name)[0] or DEFAULT_MEDIA_TYPE
        return self.add_attachment(actor, decision_id, path.name, media_type, content)

    def remove_attachment(self, actor: User, attachment_id: int, reason: str) -> None:
        self._authorize(actor, "decision.edit")
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason", "删除附件须说明理由。")
        with self._vault.transaction() as conn:
            info = self._attachment(conn, attachment_id)
            decision = self._visible(conn, actor, info.owner_id)
            decisions.delete_attachment(conn, attachment_id)
            self._audit(
                conn,
                actor,
                "decision.attachment_removed",
                "decision",
                info.owner_id,
                before=_attachment_snapshot(info),
                reason=reason,
                level=decision.draft.level,
            )

    # -- internals --------------------------------------------------------------------------
    @staticmethod
    def _visible(conn: Conn, actor: User, decision_id: int) -> Decision:
        decision = decisions.get(conn, decision_id)
        if decision is None:
            raise ValidationError("decision", "该决策记录不存在。")
        if not can_see(actor, decision.draft.level):
            raise PermissionDenied("该决策记录的密级高于您的涉密等级，无权查看或修改。")
        return decision

    @staticmethod
    def _attachment(conn: Conn, attachment_id: int) -> AttachmentInfo:
        info = decisions.get_attachment(conn, attachment_id)
        if info is None:
            raise ValidationError("attachment", "该附件不存在。")
        return info


def _validate_object(object_type: str, object_id: str) -> tuple[str, str]:
    object_type, object_id = object_type.strip(), str(object_id).strip()
    if not object_type or len(object_type) > OBJECT_TYPE_MAX:
        raise ValidationError("object_type", "关联对象的类型无效。")
    if not object_id or len(object_id) > OBJECT_ID_MAX:
        raise ValidationError("object_id", "关联对象的编号无效。")
    return object_type, object_id


def _clean_filename(filename: str) -> str:
    return attachments.clean_filename(filename)


def _check_size(size: int) -> None:
    # The limit is read here, at call time, so tests may lower it on this module.
    attachments.check_size(size, MAX_ATTACHMENT_BYTES)


def _attachment_snapshot(info: AttachmentInfo) -> dict[str, object]:
    return attachments.snapshot(info.id, info.filename, info.media_type, info.size, info.sha256)
