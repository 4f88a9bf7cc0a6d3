"""The pay-later pool (measure 五): candidates computed from the register, officers' decisions,
and published versions kept with their contents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from db import pool, unit
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.permissions import visible_levels
from desktop.domain.pool import (
    PUBLISHABLE_LEVELS,
    RULE_ID,
    Candidate,
    candidate_reason,
    check_decision,
    cutoff,
)
from desktop.domain.rules import Rule, rule
from desktop.errors import ValidationError
from desktop.services.base import Service

NOTE_MAX = 200
EXPORT_FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class PoolVersionExport:
    """What a published version's PDF or spreadsheet prints, read when it is exported."""

    unit_name: str
    version_id: int
    number: int  # 第 N 期: the version's place among all published versions, oldest first
    published_at: str  # ISO timestamp, as stored
    published_by: str  # display name
    note: str
    items: tuple[dict[str, Any], ...]  # as ``version_items`` returns them, in published order
    rule: Rule  # the pool rule in force on the publication date

    @property
    def published(self) -> datetime:
        return datetime.fromisoformat(self.published_at)


class PoolService(Service):
    def candidates(self, actor: User) -> list[Candidate]:
        """Every candidate with its reason and the officers' decision, oldest grant first."""
        self._authorize(actor, "pool.read")
        with self._vault.read() as conn:
            return self._candidates(conn, actor)

    def decide(self, actor: User, achievement_id: int, decision: str, reason: str) -> None:
        """Confirm a candidate for the pool, or exclude it with a reason."""
        self._authorize(actor, "pool.edit")
        reason = check_decision(decision, reason)
        with self._vault.transaction() as conn:
            if not any(
                c.facts.achievement_id == achievement_id for c in self._candidates(conn, actor)
            ):
                raise ValidationError("decision", "该成果目前不是成果池候选。")
            before = pool.decision(conn, achievement_id)
            pool.set_decision(
                conn,
                achievement_id,
                decision=decision,
                reason=reason,
                decided_by=actor.id,
                decided_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                f"pool.{decision}",
                "achievement",
                achievement_id,
                before=None if before is None else {"decision": before[0], "reason": before[1]},
                after={"decision": decision},
                reason=reason or None,
            )

    def publish(self, actor: User, note: str = "") -> int:
        """A dated version: every candidate not excluded (they go in by default), as it is now."""
        self._authorize(actor, "pool.publish")
        note = note.strip()
        if len(note) > NOTE_MAX:
            raise ValidationError("note", f"说明不能超过 {NOTE_MAX} 个字。")
        with self._vault.transaction() as conn:
            included = [c for c in self._candidates(conn, actor) if c.decision != "excluded"]
            items = [
                {
                    "achievement_id": c.facts.achievement_id,
                    "title": c.facts.title,
                    "kind": c.facts.kind,
                    "department": c.facts.department,
                    "grant_number": c.facts.grant_number,
                    "granted_on": c.facts.first_grant or "",
                    "reason": c.reason,
                }
                for c in included
            ]
            version_id = pool.insert_version(
                conn,
                published_at=self._timestamp(),
                published_by=actor.id,
                note=note,
                items=items,
            )
            self._audit(
                conn,
                actor,
                "pool.published",
                "pool_version",
                version_id,
                after={"entries": len(items), "note": note},
            )
        return version_id

    def versions(self, actor: User) -> list[tuple[int, str, str, str, int]]:
        """(id, published at, publisher, note, number of entries), newest first."""
        self._authorize(actor, "pool.read")
        with self._vault.read() as conn:
            return pool.versions(conn)

    def version_items(self, actor: User, version_id: int) -> list[dict[str, object]]:
        self._authorize(actor, "pool.read")
        with self._vault.read() as conn:
            return pool.version_items(conn, version_id)

    def export_data(self, actor: User, version_id: int, file_format: str) -> PoolVersionExport:
        """A published version with what its document prints; the export (version and format,
        ``pdf`` or ``xlsx``) is audited in the same transaction as the reading."""
        self._authorize(actor, "pool.read")
        if file_format not in EXPORT_FORMATS:
            raise ValidationError("format", "请选择导出格式：PDF 或 Excel。")
        with self._vault.transaction() as conn:
            oldest_first = list(reversed(pool.versions(conn)))
            found = [
                (number, row)
                for number, row in enumerate(oldest_first, start=1)
                if row[0] == version_id
            ]
            if not found:
                raise ValidationError("version", "没有这一期成果池，请刷新后重新选择。")
            number, (_, published_at, publisher, note, _count) = found[0]
            items = pool.version_items(conn, version_id)
            profile = unit.get(conn)
            self._audit(
                conn,
                actor,
                "pool.exported",
                "pool_version",
                version_id,
                after={"format": file_format, "entries": len(items)},
            )
        return PoolVersionExport(
            unit_name="" if profile is None else profile.name,
            version_id=version_id,
            number=number,
            published_at=published_at,
            published_by=publisher,
            note=note,
            items=tuple(items),
            rule=rule(RULE_ID, datetime.fromisoformat(published_at).date()),
        )

    def _candidates(self, conn: Conn, actor: User) -> list[Candidate]:
        today = self._now().date()
        levels = [lvl for lvl in visible_levels(actor) if lvl in PUBLISHABLE_LEVELS]
        found = []
        for facts, decision, decision_reason in pool.candidate_facts(
            conn,
            granted_by=cutoff(today),
            levels=levels,
        ):
            reason = candidate_reason(facts, today)
            if reason is not None:
                found.append(Candidate(facts, reason, decision or None, decision_reason))
        return found
