"""The evidence file (尽职免责证明材料, measure 十四) of one transformation: everything about it
read in one transaction, rendered by ``desktop.reports.evidence_file``, saved atomically.

What a reader finds in it is what they may read elsewhere: decisions and confidentiality
agreements within their clearance (the others are neither listed nor counted, as everywhere);
the audit entries about the transformation and its secrecy approvals as the audit log's own
rules allow (``audit_scope``), with the content of entries above their clearance withheld and
the PDF saying how many entries it does not show.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from db import (
    approvals,
    audit,
    confidentiality,
    counterparties,
    decisions,
    export_checks,
    ledger,
    transformations,
    unit,
    users,
)
from db.atomic import write_atomic
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.audit import AuditEntry, AuditFilter, TreeHead
from desktop.domain.confidentiality import ConfidentialityAgreement
from desktop.domain.decisions import Decision
from desktop.domain.merkle import EMPTY_ROOT
from desktop.domain.permissions import allowed, can_see, level_rank, visible_levels
from desktop.errors import PermissionDenied
from desktop.services.achievements import visible_achievement
from desktop.services.audit import EXTRACT_LIMIT
from desktop.services.base import Service
from desktop.services.transformations import APPROVAL_KIND, OBJECT_TYPE

if TYPE_CHECKING:
    from desktop.reports.evidence_file import EvidenceInput

EXPORTED = "transformation.evidence_exported"
# Roles whose work the transformation is, or who audit it: they read every entry about it
# (within their clearance). The other readers of transformations are administrators, who read
# the audit log only as the log itself lets them (三员分立).
_FULL_AUDIT_ROLES = frozenset({"transfer_officer", "approver", "security_auditor"})


class EvidenceService(Service):
    def document(self, actor: User, transformation_id: int) -> bytes:
        """The evidence file as a PDF; the same vault and reader give the same bytes."""
        self._authorize(actor, "transformation.read")
        # reportlab is imported on first use: it costs start-up time otherwise.
        from desktop.reports.evidence_file import render_evidence_file

        with self._vault.read() as conn:
            data = self._gather(conn, actor, transformation_id)
        return render_evidence_file(data)

    def save(self, actor: User, transformation_id: int, path: Path) -> None:
        """Write the evidence file to ``path`` atomically. Taking it out of the vault is audited
        (with the file's SHA-256 and the audit tree head it was taken at); nothing is recorded
        when the write fails. The file is the one ``document`` gives just before."""
        self._authorize(actor, "transformation.read")
        from desktop.reports.evidence_file import render_evidence_file

        path = Path(path)
        with self._vault.transaction() as conn:
            data = self._gather(conn, actor, transformation_id)
            pdf = render_evidence_file(data)
            self._audit(
                conn,
                actor,
                EXPORTED,
                OBJECT_TYPE,
                transformation_id,
                after={
                    "sha256": hashlib.sha256(pdf).hexdigest(),
                    "path": str(path),
                    "head": {"size": data.head.size, "root": data.head.root.hex()},
                },
                level=data.level,
            )
            # A failed write raises StorageError inside the transaction: the entry goes too.
            write_atomic(path, pdf)

    # -- gathering --------------------------------------------------------------------------
    def _gather(self, conn: Conn, actor: User, transformation_id: int) -> EvidenceInput:
        # The input types live beside the renderer, which imports reportlab: on first use only.
        from desktop.reports.evidence_file import EvidenceAchievement, EvidenceInput

        t = transformations.get(conn, transformation_id)
        if t is None or not can_see(actor, t.level):
            raise PermissionDenied("该转化项目不存在，或您无权查看。")
        records = [visible_achievement(conn, actor, a.achievement_id) for a in t.draft.allocations]
        departments = dict(unit.department_choices(conn))
        achievements = tuple(
            EvidenceAchievement(
                id=a.id,
                title=a.draft.title,
                kind=a.draft.kind,
                ip_numbers=tuple(ip.number for ip in a.draft.ip_rights),
                share=allocation.share,
                level=a.draft.level,
                secrecy_mark=a.draft.secrecy_mark,
                department=departments.get(a.draft.department_id or -1, ""),
                negative_list=a.draft.negative_list,
                negative_list_reason=a.draft.negative_list_reason,
                ethics_status=a.draft.ethics_status,
                ethics_approval=a.draft.ethics_approval,
                ethics_approved_on=a.draft.ethics_approved_on,
            )
            for a, allocation in zip(records, t.draft.allocations, strict=True)
        )
        cp = (
            None
            if t.draft.counterparty_id is None
            else counterparties.get(conn, t.draft.counterparty_id)
        )
        linked = self._decisions(conn, actor, t.id, [a.id for a in records])
        agreements = self._agreements(conn, actor, [a.id for a in records])
        requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(t.id))
        head = audit.head(conn) or TreeHead(0, EMPTY_ROOT)
        newest = audit.list_page(conn, offset=0, limit=1)
        objects = [(OBJECT_TYPE, str(t.id)), *(("approval", str(r.id)) for r in requests)]
        scope, entries = self._audit_entries(conn, actor, objects)
        total = sum(
            audit.count(conn, AuditFilter(object_type=kind, object_id=key)) for kind, key in objects
        )
        profile = unit.get(conn)
        levels = [
            t.level,
            *(d.draft.level for d in linked),
            *(a.draft.level for a in agreements),
            *(e.level for e in entries if e.content_visible),
        ]
        return EvidenceInput(
            unit_name="" if profile is None else profile.name,
            vault_id=self._vault.vault_id,
            exported_by=actor.display_name,
            transformation=t,
            counterparty=cp,
            achievements=achievements,
            decisions=tuple(linked),
            approvals=tuple(requests),
            agreements=tuple(agreements),
            export_check=export_checks.get(conn, OBJECT_TYPE, str(t.id)),
            entries=tuple(ledger.entries(conn, t.id)),
            audit_entries=tuple(entries),
            audit_total=total,
            audit_scope=scope,
            head=head,
            as_of=newest[0].ts if newest else t.updated_at,
            level=max(levels, key=level_rank),
            names={u.id: u.display_name for u in users.list_all(conn)},
        )

    @staticmethod
    def _decisions(
        conn: Conn, actor: User, transformation_id: int, achievement_ids: list[int]
    ) -> list[Decision]:
        """Decisions linked to the transformation or to one of its achievements, within the
        reader's clearance, oldest first."""
        if not allowed(actor, "decision.read"):
            return []
        objects = [(OBJECT_TYPE, str(transformation_id))]
        objects += [("achievement", str(a)) for a in achievement_ids]
        found: dict[int, Decision] = {}
        for object_type, object_id in objects:
            for d in decisions.list_for_object(
                conn, object_type, object_id, levels=visible_levels(actor)
            ):
                found.setdefault(d.id, d)
        return sorted(found.values(), key=lambda d: (d.draft.decided_on, d.id))

    @staticmethod
    def _agreements(
        conn: Conn, actor: User, achievement_ids: list[int]
    ) -> list[ConfidentialityAgreement]:
        if not allowed(actor, "confidentiality.read"):
            return []
        found: dict[int, ConfidentialityAgreement] = {}
        for achievement_id in achievement_ids:
            for a in confidentiality.covering(conn, achievement_id):
                if can_see(actor, a.draft.level):
                    found.setdefault(a.id, a)
        return sorted(found.values(), key=lambda a: a.id)

    @staticmethod
    def _audit_entries(
        conn: Conn, actor: User, objects: list[tuple[str, str]]
    ) -> tuple[str, list[AuditEntry]]:
        """The scope ("all", "auditors" or "none") and the entries about ``objects`` the actor
        may read here, oldest first, at most the newest ``EXTRACT_LIMIT``.

        As in ``AuditService``: content above the reader's clearance is withheld. Beyond the
        log viewer, those who do or audit the transformation's work read every entry about it;
        the secrecy administrator reads the auditors' entries only, as in the viewer; the
        system administrator never reads the audit log."""
        if not _FULL_AUDIT_ROLES.isdisjoint(actor.roles):
            scope, actors = "all", None
        elif allowed(actor, "audit.read"):
            scope = "auditors"
            actors = tuple(u.id for u in users.list_all(conn) if "security_auditor" in u.roles)
        else:
            return "none", []
        found: dict[int, AuditEntry] = {}
        for object_type, object_id in objects:
            where = AuditFilter(object_type=object_type, object_id=object_id, actors_within=actors)
            for e in audit.list_page(conn, offset=0, limit=EXTRACT_LIMIT, where=where):
                found[e.seq] = e
        newest = sorted(found.values(), key=lambda e: e.seq)[-EXTRACT_LIMIT:]
        return scope, [_for_reader(actor, e) for e in newest]


def _for_reader(actor: User, entry: AuditEntry) -> AuditEntry:
    if can_see(actor, entry.level):
        return entry
    return AuditEntry(
        seq=entry.seq,
        ts=entry.ts,
        actor=entry.actor,
        action=entry.action,
        object_type=entry.object_type,
        object_id=entry.object_id,
        before=None,
        after=None,
        reason=None,
        level=entry.level,
        actor_name=entry.actor_name,
        content_visible=False,
    )
