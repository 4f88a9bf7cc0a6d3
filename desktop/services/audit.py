"""Reading and verifying the audit log (the auditor's; the secrecy administrator reads the
auditor's own entries)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from db import audit, unit, users
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.audit import (
    AuditEntry,
    AuditFilter,
    Checkpoint,
    TreeHead,
    Verification,
    verify,
)
from desktop.domain.merkle import EMPTY_ROOT
from desktop.domain.permissions import can_see, level_rank
from desktop.errors import StorageError
from desktop.services.base import Service

# An extract is printed; beyond this many entries it is no longer read, and the vault has better
# ways to hand over the whole log (a sealed filing carries its checkpoint).
EXTRACT_LIMIT = 5000


@dataclass(frozen=True)
class AuditExtract:
    """What an audit-log extract prints: the entries in a filter, and the tree head they sit in."""

    entries: tuple[AuditEntry, ...]  # oldest first; the newest ``limit`` of those matching
    total: int  # how many entries match the filter (``entries`` may hold fewer)
    head: TreeHead  # the tree the entries belong to, before the export's own entry
    where: AuditFilter  # as the user set it (without the service's scope)
    unit_name: str
    vault_id: str
    exported_by: str  # display name
    exported_at: datetime

    @property
    def level(self) -> str:
        """The most secret content the extract shows (withheld entries show none)."""
        shown = (e.level for e in self.entries if e.content_visible)
        return max(shown, key=level_rank, default="public")


class AuditService(Service):
    def count(self, actor: User, where: AuditFilter | None = None) -> int:
        self._authorize(actor, "audit.read")
        with self._vault.read() as conn:
            return audit.count(conn, self._scope(conn, actor, where))

    def page(
        self, actor: User, offset: int, limit: int, where: AuditFilter | None = None
    ) -> list[AuditEntry]:
        self._authorize(actor, "audit.read")
        with self._vault.read() as conn:
            entries = audit.list_page(
                conn, offset=offset, limit=limit, where=self._scope(conn, actor, where)
            )
        return [self._for_reader(actor, e) for e in entries]

    def actions(self, actor: User) -> list[str]:
        self._authorize(actor, "audit.read")
        with self._vault.read() as conn:
            return audit.actions(conn, self._scope(conn, actor, None))

    def actors(self, actor: User) -> list[tuple[str, str]]:
        """(id, display name) of the people the reader may see in the log, by name."""
        self._authorize(actor, "audit.read")
        with self._vault.read() as conn:
            return audit.actors(conn, self._scope(conn, actor, None))

    def object_types(self, actor: User) -> list[str]:
        self._authorize(actor, "audit.read")
        with self._vault.read() as conn:
            return audit.object_types(conn, self._scope(conn, actor, None))

    def extract(
        self, actor: User, where: AuditFilter | None = None, limit: int = EXTRACT_LIMIT
    ) -> AuditExtract:
        """The entries for a printed extract, with the tree head they are part of. The export
        itself is audited (filter and head), in the same transaction as the reading."""
        self._authorize(actor, "audit.export")
        where = where or AuditFilter()
        limit = max(1, min(limit, EXTRACT_LIMIT))
        with self._vault.transaction() as conn:
            scoped = self._scope(conn, actor, where)
            head = audit.head(conn) or TreeHead(0, EMPTY_ROOT)
            total = audit.count(conn, scoped)
            newest = audit.list_page(conn, offset=0, limit=limit, where=scoped)
            profile = unit.get(conn)
            exported_at = self._now()
            self._audit(
                conn,
                actor,
                "audit.exported",
                "audit_log",
                "",
                after={
                    "filter": {k: v for k, v in asdict(where).items() if v is not None},
                    "head": {"size": head.size, "root": head.root.hex()},
                    "entries": len(newest),
                    "total": total,
                },
            )
        return AuditExtract(
            entries=tuple(self._for_reader(actor, e) for e in reversed(newest)),
            total=total,
            head=head,
            where=where,
            unit_name="" if profile is None else profile.name,
            vault_id=self._vault.vault_id,
            exported_by=actor.display_name,
            exported_at=exported_at,
        )

    def head(self, actor: User) -> TreeHead:
        self._authorize(actor, "audit.verify")
        with self._vault.read() as conn:
            return audit.head(conn) or TreeHead(0, EMPTY_ROOT)

    def verify(
        self,
        actor: User,
        external: Checkpoint | None = None,
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Verification:
        """Recompute the whole tree; compare with the stored head, the recorded checkpoints and
        ``external`` (a tree head the user holds on paper or in a filing). The result is audited."""
        self._authorize(actor, "audit.verify")
        with self._vault.read() as conn:
            recorded = [cp for _, _, _, cp in audit.checkpoints(conn)]
            result = verify(
                audit.rows_for_verification(conn),
                audit.head(conn),
                [*recorded, *([external] if external else [])],
                progress=progress,
                cancelled=cancelled,
            )
        try:
            with self._vault.transaction() as conn:
                self._audit(
                    conn,
                    actor,
                    "audit.verified",
                    "audit_log",
                    "",
                    after={
                        "intact": result.intact,
                        "size": result.size,
                        "root": result.root.hex(),
                        "first_bad": result.first_bad,
                        "external": None if external is None else external.size,
                    },
                )
        except StorageError:
            # A log damaged so that nothing can be appended: the finding matters more than
            # recording that it was looked for.
            if result.intact:
                raise
        return result

    def add_checkpoint(self, actor: User, note: str) -> tuple[int, TreeHead]:
        """Record the current tree head so later verification can compare against it."""
        self._authorize(actor, "audit.checkpoint")
        with self._vault.transaction() as conn:
            current = audit.head(conn) or TreeHead(0, EMPTY_ROOT)
            checkpoint_id = audit.add_checkpoint(
                conn,
                size=current.size,
                root=current.root,
                ts=self._timestamp(),
                actor=actor.id,
                note=note.strip()[:200],
            )
            self._audit(
                conn,
                actor,
                "audit.checkpoint_added",
                "audit_checkpoint",
                checkpoint_id,
                after={"size": current.size, "root": current.root.hex(), "note": note.strip()},
            )
        return checkpoint_id, current

    def checkpoints(self, actor: User) -> list[tuple[int, str, str, Checkpoint]]:
        self._authorize(actor, "audit.verify")
        with self._vault.read() as conn:
            return audit.checkpoints(conn)

    # -- scope ------------------------------------------------------------------------------
    @staticmethod
    def _scope(conn: Conn, actor: User, where: AuditFilter | None) -> AuditFilter:
        where = where or AuditFilter()
        if "security_auditor" in actor.roles:
            return where
        # The secrecy administrator watches the auditor, and reads nothing else of the log.
        auditors = tuple(u.id for u in users.list_all(conn) if "security_auditor" in u.roles)
        return replace(where, actors_within=auditors)

    @staticmethod
    def _for_reader(actor: User, entry: AuditEntry) -> AuditEntry:
        if can_see(actor, entry.level):
            return entry
        return replace(entry, before=None, after=None, reason=None, content_visible=False)
