"""Rights grants (赋权, measure 一): draft, publicise, hear objections, take effect, amend, and
follow the ownership change through to CNIPA.

Every step that lets a grant go further runs the gates of measure (十五) (desktop.domain.gates)
against what the vault holds at that moment: the achievement's negative-list flag, ethics review
and level, the secrecy administrator's approval, the confidentiality agreements with each member
of the team, and the export check when a party is abroad.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from db import approvals, confidentiality, export_checks, people, rights_grants, settings, unit
from db.atomic import write_atomic
from db.vault import Conn
from desktop.domain import gates
from desktop.domain.accounts import User
from desktop.domain.achievements import Achievement
from desktop.domain.approvals import ApprovalRequest, clean_reason
from desktop.domain.dates import format_cn_date
from desktop.domain.doc_numbers import PREFIXES, amendment_no, doc_no
from desktop.domain.gates import Cooperation, ExportCheck, Finding, Party, Subject
from desktop.domain.permissions import require_level, visible_levels
from desktop.domain.rights_grants import (
    GrantDraft,
    RightsGrant,
    clean_note,
    current,
    filings_needed,
    publicity_end,
    require_can_take_effect,
    snapshot,
    validate_conversion,
    validate_extension,
    validate_filing_step,
    validate_grant,
    validate_objection,
    validate_publicity_start,
)
from desktop.domain.secrecy import MARKED_LEVELS
from desktop.domain.settings import DEFAULTS
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.achievements import visible_achievement
from desktop.services.base import Service

OBJECT_TYPE = "rights_grant"
APPROVAL_KIND = "classified_cooperation"


@dataclass(frozen=True)
class TeamCandidate:
    person_id: int
    name: str
    share: Decimal  # the completer's contribution share, a starting point for the team split
    id_number_recorded: bool


@dataclass(frozen=True)
class GrantView:
    """A grant with what the user needs to move it on: what the gates say today, the secrecy
    approval and the export check."""

    grant: RightsGrant
    findings: tuple[Finding, ...]
    classified: bool
    secrecy_approval: ApprovalRequest | None  # the latest request, if any
    export_check: ExportCheck | None


class RightsGrantService(Service):
    # -- reading ----------------------------------------------------------------------------
    def visible(self, actor: User, achievement_id: int | None = None) -> list[RightsGrant]:
        self._authorize(actor, "grant.read")
        with self._vault.read() as conn:
            return rights_grants.list_visible(
                conn, levels=visible_levels(actor), achievement_id=achievement_id
            )

    def get(self, actor: User, grant_id: int) -> GrantView:
        self._authorize(actor, "grant.read")
        with self._vault.read() as conn:
            grant = self._visible(conn, actor, grant_id)
            return self._view(conn, actor, grant)

    def team_candidates(self, actor: User, achievement_id: int) -> list[TeamCandidate]:
        """The achievement's completers, who alone may receive the grant."""
        self._authorize(actor, "grant.read")
        with self._vault.read() as conn:
            achievement = visible_achievement(conn, actor, achievement_id)
            found = []
            for c in achievement.draft.completers:
                person = people.get(conn, c.person_id)
                assert person is not None  # a foreign key
                found.append(
                    TeamCandidate(c.person_id, person.name, c.share, bool(person.id_number))
                )
            return found

    def publicity_days(self, actor: User) -> int:
        self._authorize(actor, "grant.read")
        with self._vault.read() as conn:
            return int(settings.get(conn, "publicity_days_grant", DEFAULTS["publicity_days_grant"]))

    # -- drafting ---------------------------------------------------------------------------
    def create(self, actor: User, draft: GrantDraft) -> int:
        """A grant in draft. A negative-listed achievement is refused at once (measure 十五)."""
        self._authorize(actor, "grant.edit")
        with self._vault.transaction() as conn:
            achievement = visible_achievement(conn, actor, draft.achievement_id)
            require_level(actor, achievement.draft.level)
            draft = self._checked(conn, achievement, draft)
            running = rights_grants.active_for_achievement(conn, achievement.id)
            if running:
                other = rights_grants.get(conn, running[0])
                assert other is not None
                raise ValidationError(
                    "achievement",
                    f"该成果已有赋权（{other.doc_no}），请在原赋权上办理延长或变更，"
                    "或先撤回未生效的赋权。",
                )
            year = self._now().year
            prefix = f"{PREFIXES['rights_grant']}〔{year}〕"
            number = doc_no("rights_grant", year, rights_grants.next_number(conn, prefix))
            grant_id = rights_grants.insert(
                conn,
                draft,
                doc_no=number,
                level=achievement.draft.level,
                secrecy_mark=achievement.draft.secrecy_mark,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "grant.created",
                OBJECT_TYPE,
                grant_id,
                after={"doc_no": number, **snapshot(draft)},
                level=achievement.draft.level,
            )
        return grant_id

    def update(self, actor: User, grant_id: int, draft: GrantDraft) -> None:
        self._authorize(actor, "grant.edit")
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            if grant.status != "draft":
                raise ValidationError("kind", "赋权已公示或生效，不能再修改；请撤回后重新拟定。")
            if draft.achievement_id != grant.draft.achievement_id:
                raise ValidationError("achievement", "不能更换赋权的成果；请撤回后重新拟定。")
            achievement = visible_achievement(conn, actor, draft.achievement_id)
            draft = self._checked(conn, achievement, draft)
            rights_grants.update(conn, grant_id, draft, updated_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "grant.updated",
                OBJECT_TYPE,
                grant_id,
                before=snapshot(grant.draft),
                after=snapshot(draft),
                level=grant.level,
            )

    def withdraw(self, actor: User, grant_id: int, reason: str) -> None:
        self._authorize(actor, "grant.edit")
        reason = clean_reason(reason)
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            if grant.status not in ("draft", "publicity"):
                raise ValidationError("reason", "只有尚未生效的赋权可以撤回。")
            rights_grants.set_fields(
                conn,
                grant_id,
                status="withdrawn",
                withdrawn_reason=reason,
                updated_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "grant.withdrawn",
                OBJECT_TYPE,
                grant_id,
                before={"status": grant.status},
                after={"status": "withdrawn"},
                reason=reason,
                level=grant.level,
            )

    # -- publicity --------------------------------------------------------------------------
    def start_publicity(self, actor: User, grant_id: int, start: str) -> dt.date:
        """Publicise the grant decision from ``start`` (ISO) for the unit's period; returns the
        last day of the notice."""
        self._authorize(actor, "grant.edit")
        today = self._now().date()
        day = validate_publicity_start(start, today=today)
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            if grant.status != "draft":
                raise ValidationError("publicity_start", "只有拟定中的赋权可以开始公示。")
            achievement = visible_achievement(conn, actor, grant.draft.achievement_id)
            self._negative_list(achievement)
            days = int(settings.get(conn, "publicity_days_grant", DEFAULTS["publicity_days_grant"]))
            rights_grants.set_fields(
                conn,
                grant_id,
                status="publicity",
                publicity_start=day.isoformat(),
                publicity_days=days,
                updated_at=self._timestamp(),
            )
            end = publicity_end(day, days)
            self._audit(
                conn,
                actor,
                "grant.publicity_started",
                OBJECT_TYPE,
                grant_id,
                before={"status": "draft"},
                after={
                    "status": "publicity",
                    "publicity_start": day.isoformat(),
                    "publicity_days": days,
                    "publicity_end": end.isoformat(),
                },
                level=grant.level,
            )
        return end

    def add_objection(
        self, actor: User, grant_id: int, *, received_on: str, objector: str, content: str
    ) -> int:
        self._authorize(actor, "grant.edit")
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            received, objector, content = validate_objection(
                received_on, objector, content, grant, today=self._now().date()
            )
            objection_id = rights_grants.insert_objection(
                conn,
                grant_id,
                received_on=received,
                objector=objector,
                content=content,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "grant.objection_received",
                OBJECT_TYPE,
                grant_id,
                after={
                    "objection": objection_id,
                    "received_on": received,
                    "objector": objector,
                    "content": content,
                },
                level=grant.level,
            )
        return objection_id

    def resolve_objection(
        self, actor: User, objection_id: int, *, upheld: bool, resolution: str
    ) -> None:
        """Record how an objection was settled: upheld (the grant cannot take effect as
        publicised) or dismissed, with the reasons."""
        self._authorize(actor, "grant.edit")
        resolution = clean_reason(resolution, field="resolution")
        with self._vault.transaction() as conn:
            grant_id = rights_grants.objection_grant(conn, objection_id)
            if grant_id is None:
                raise ValidationError("resolution", "该异议不存在。")
            grant = self._visible(conn, actor, grant_id)
            objection = next(o for o in grant.objections if o.id == objection_id)
            if objection.status != "open":
                raise ValidationError("resolution", "该异议已处理。")
            if grant.status != "publicity":
                raise ValidationError("resolution", "赋权已不在公示中。")
            status = "upheld" if upheld else "dismissed"
            today = self._now().date().isoformat()
            rights_grants.resolve_objection(
                conn, objection_id, status=status, resolved_on=today, resolution=resolution
            )
            self._audit(
                conn,
                actor,
                "grant.objection_resolved",
                OBJECT_TYPE,
                grant_id,
                before={"objection": objection_id, "status": "open"},
                after={"objection": objection_id, "status": status, "resolved_on": today},
                reason=resolution,
                level=grant.level,
            )

    # -- the gates --------------------------------------------------------------------------
    def request_secrecy_approval(self, actor: User, grant_id: int, reason: str) -> ApprovalRequest:
        """Ask the secrecy administrator to approve a grant of a classified achievement."""
        self._authorize(actor, "grant.edit")
        reason = clean_reason(reason)
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            if grant.level not in MARKED_LEVELS:
                raise ValidationError("reason", "该成果不涉密，无需保密审批。")
            if grant.status not in ("draft", "publicity"):
                raise ValidationError("reason", "只有尚未生效的赋权需要保密审批。")
            requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(grant_id))
            if any(r.status in ("pending", "approved") for r in requests):
                raise ValidationError("reason", "该赋权已有待审批或已批准的保密审批。")
            return self._request_approval(
                conn,
                actor,
                kind=APPROVAL_KIND,
                object_type=OBJECT_TYPE,
                object_id=grant_id,
                payload={
                    "doc_no": grant.doc_no,
                    "action": "grant",
                    "level": grant.level,
                    "overseas": grant.draft.overseas,
                },
                reason=reason,
                level=grant.level,
            )

    def record_export_check(self, actor: User, grant_id: int, check: ExportCheck) -> None:
        self._authorize(actor, "grant.edit")
        check = gates.validate_export_check(check, today=self._now().date())
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            if not grant.draft.overseas:
                raise ValidationError("category", "该赋权不涉及境外当事人，无需技术出口核查。")
            before = export_checks.get(conn, OBJECT_TYPE, str(grant_id))
            export_checks.put(
                conn,
                OBJECT_TYPE,
                str(grant_id),
                check,
                recorded_by=actor.id,
                recorded_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "grant.export_checked",
                OBJECT_TYPE,
                grant_id,
                before=None if before is None else _check_snapshot(before),
                after=_check_snapshot(check),
                level=grant.level,
            )

    # -- taking effect ----------------------------------------------------------------------
    def take_effect(self, actor: User, grant_id: int, effective_on: str) -> list[Finding]:
        """The grant takes effect on ``effective_on`` (ISO, not after today) once the notice
        has run out without an open or upheld objection and every gate is open. An ownership
        grant opens one change-filing task per registered right. Returns the warnings."""
        self._authorize(actor, "grant.edit")
        today = self._now().date()
        try:
            on = dt.date.fromisoformat(effective_on)
        except ValueError:
            raise ValidationError("effective_on", "请填写生效日期。") from None
        if on > today:
            raise ValidationError("effective_on", "生效日期不能晚于今天。")
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            require_can_take_effect(grant, on)
            achievement = visible_achievement(conn, actor, grant.draft.achievement_id)
            warnings = gates.enforce(self._cooperation(conn, grant, achievement), today=on)
            rights_grants.set_fields(
                conn,
                grant_id,
                status="effective",
                effective_on=on.isoformat(),
                updated_at=self._timestamp(),
            )
            needed = self._filings(grant.draft.kind, achievement)
            rights_grants.insert_filings(conn, grant_id, needed, opened_on=on.isoformat())
            self._audit(
                conn,
                actor,
                "grant.effective",
                OBJECT_TYPE,
                grant_id,
                before={"status": "publicity"},
                after={
                    "status": "effective",
                    "effective_on": on.isoformat(),
                    "filings": [f"{k} {n}" for k, n in needed],
                    "warnings": [w.rule_id for w in warnings],
                },
                level=grant.level,
            )
        return warnings

    # -- amendments -------------------------------------------------------------------------
    def extend(
        self, actor: User, grant_id: int, *, new_term_end: str, signed_on: str, note: str = ""
    ) -> int:
        """Extend a use right (a supplementary agreement); returns the amendment's id."""
        self._authorize(actor, "grant.edit")
        note = clean_note(note)
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            new_end, signed = validate_extension(
                grant, new_term_end, signed_on, today=self._now().date()
            )
            before = current(grant)
            amendment_id = rights_grants.insert_amendment(
                conn,
                grant_id,
                kind="extension",
                doc_no=amendment_no(grant.doc_no, len(grant.amendments) + 1),
                signed_on=signed,
                new_term_end=new_end,
                note=note,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            self._audit(
                conn,
                actor,
                "grant.extended",
                OBJECT_TYPE,
                grant_id,
                before={"term_end": before.term_end},
                after={"term_end": new_end, "signed_on": signed, "amendment": amendment_id},
                reason=note or None,
                level=grant.level,
            )
        return amendment_id

    def convert(
        self,
        actor: User,
        grant_id: int,
        *,
        unit_share: Decimal | None,
        team_share: Decimal | None,
        signed_on: str,
        note: str = "",
    ) -> int:
        """Turn a use right into ownership by mutual agreement during its term; the gates run
        again (ownership is a grant of its own) and the change filings open."""
        self._authorize(actor, "grant.edit")
        note = clean_note(note)
        today = self._now().date()
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            unit, team, signed = validate_conversion(
                grant, unit_share, team_share, signed_on, today=today
            )
            achievement = visible_achievement(conn, actor, grant.draft.achievement_id)
            gates.enforce(
                self._cooperation(conn, grant, achievement), today=dt.date.fromisoformat(signed)
            )
            amendment_id = rights_grants.insert_amendment(
                conn,
                grant_id,
                kind="conversion",
                doc_no=amendment_no(grant.doc_no, len(grant.amendments) + 1),
                signed_on=signed,
                unit_share=unit,
                team_share=team,
                note=note,
                created_by=actor.id,
                created_at=self._timestamp(),
            )
            needed = self._filings("ownership", achievement)
            rights_grants.insert_filings(conn, grant_id, needed, opened_on=signed)
            self._audit(
                conn,
                actor,
                "grant.converted",
                OBJECT_TYPE,
                grant_id,
                before={"kind": "use_right"},
                after={
                    "kind": "ownership",
                    "unit_share": f"{unit:f}",
                    "team_share": f"{team:f}",
                    "signed_on": signed,
                    "amendment": amendment_id,
                    "filings": [f"{k} {n}" for k, n in needed],
                },
                reason=note or None,
                level=grant.level,
            )
        return amendment_id

    # -- change filings ---------------------------------------------------------------------
    def update_filing(
        self,
        actor: User,
        filing_id: int,
        *,
        filed_on: str | None,
        notice_no: str,
        completed_on: str | None,
    ) -> None:
        self._authorize(actor, "grant.edit")
        with self._vault.transaction() as conn:
            grant_id = rights_grants.filing_grant(conn, filing_id)
            if grant_id is None:
                raise ValidationError("filed_on", "该变更手续不存在。")
            grant = self._visible(conn, actor, grant_id)
            filing = next(f for f in grant.filings if f.id == filing_id)
            if filing.done:
                raise ValidationError("completed_on", "该变更手续已办结。")
            filed, notice, completed = validate_filing_step(
                filing, filed_on, notice_no, completed_on, today=self._now().date()
            )
            rights_grants.update_filing(
                conn, filing_id, filed_on=filed, notice_no=notice, completed_on=completed
            )
            self._audit(
                conn,
                actor,
                "grant.filing_updated",
                OBJECT_TYPE,
                grant_id,
                before={
                    "filing": filing_id,
                    "filed_on": filing.filed_on,
                    "notice_no": filing.notice_no,
                    "completed_on": filing.completed_on,
                },
                after={
                    "filing": filing_id,
                    "filed_on": filed,
                    "notice_no": notice,
                    "completed_on": completed,
                },
                level=grant.level,
            )

    # -- documents --------------------------------------------------------------------------
    def document(self, actor: User, grant_id: int, amendment_id: int | None = None) -> bytes:
        """The agreement (or one of its supplementary agreements) as a PDF; the same record
        gives the same bytes."""
        self._authorize(actor, "grant.read")
        # reportlab is imported on first use: it costs start-up time otherwise.
        from desktop.reports.agreements import AchievementFacts, TeamMember, UnitParty
        from desktop.reports.grant_agreement import render_amendment, render_grant_agreement

        with self._vault.read() as conn:
            grant = self._visible(conn, actor, grant_id)
            achievement = visible_achievement(conn, actor, grant.draft.achievement_id)
            profile = unit.get(conn)
            team = []
            for member in grant.draft.team:
                person = people.get(conn, member.person_id)
                assert person is not None
                team.append(TeamMember(person.name, person.id_number, member.share))
            days = int(settings.get(conn, "publicity_days_grant", DEFAULTS["publicity_days_grant"]))
        party = UnitParty(profile.name, profile.credit_code) if profile else UnitParty("", "")
        facts = AchievementFacts(
            achievement.draft.title,
            achievement.draft.kind,
            tuple(ip.number for ip in achievement.draft.ip_rights),
            achievement.draft.secrecy_mark,
        )
        if amendment_id is None:
            return render_grant_agreement(
                unit=party, grant=grant, achievement=facts, team=team, publicity_days=days
            )
        amendment = next((a for a in grant.amendments if a.id == amendment_id), None)
        if amendment is None:
            raise ValidationError("amendment", "该补充协议不存在。")
        return render_amendment(
            unit=party, grant=grant, amendment=amendment, achievement=facts, team=team
        )

    def save_document(self, actor: User, grant_id: int, path: Path) -> None:
        """Write the agreement to ``path`` atomically; taking it out of the vault is audited,
        and nothing is recorded when the write fails."""
        self._save(actor, grant_id, None, Path(path))

    def save_amendment_document(
        self, actor: User, grant_id: int, amendment_id: int, path: Path
    ) -> None:
        self._save(actor, grant_id, amendment_id, Path(path))

    def _save(self, actor: User, grant_id: int, amendment_id: int | None, path: Path) -> None:
        pdf = self.document(actor, grant_id, amendment_id)
        with self._vault.transaction() as conn:
            grant = self._visible(conn, actor, grant_id)
            self._audit(
                conn,
                actor,
                "grant.document_exported",
                OBJECT_TYPE,
                grant_id,
                after={
                    "doc_no": grant.doc_no,
                    "amendment": amendment_id,
                    "sha256": hashlib.sha256(pdf).hexdigest(),
                    "path": str(path),
                },
                level=grant.level,
            )
            write_atomic(path, pdf)

    # -- internals --------------------------------------------------------------------------
    @staticmethod
    def _visible(conn: Conn, actor: User, grant_id: int) -> RightsGrant:
        grant = rights_grants.get(conn, grant_id)
        if grant is None or grant.level not in visible_levels(actor):
            raise PermissionDenied("该赋权不存在，或您无权查看。")
        return grant

    @staticmethod
    def _negative_list(achievement: Achievement) -> None:
        gates.refuse_negative_listed("grant", _subject(achievement))

    def _checked(self, conn: Conn, achievement: Achievement, draft: GrantDraft) -> GrantDraft:
        if achievement.status == "terminated":
            raise ValidationError("achievement", "该成果已终止，不能赋权。")
        self._negative_list(achievement)
        return validate_grant(draft, [c.person_id for c in achievement.draft.completers])

    def _cooperation(self, conn: Conn, grant: RightsGrant, achievement: Achievement) -> Cooperation:
        parties = []
        for member in grant.draft.team:
            person = people.get(conn, member.person_id)
            assert person is not None
            parties.append(Party("individual", person.name, person.id_number))
        requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(grant.id))
        return Cooperation(
            action="grant",
            subject=_subject(achievement),
            parties=tuple(parties),
            overseas=grant.draft.overseas,
            secrecy_approved=any(r.status == "approved" for r in requests),
            agreements=tuple(a.cover() for a in confidentiality.covering(conn, achievement.id)),
            export_check=export_checks.get(conn, OBJECT_TYPE, str(grant.id)),
        )

    def _view(self, conn: Conn, actor: User, grant: RightsGrant) -> GrantView:
        achievement = visible_achievement(conn, actor, grant.draft.achievement_id)
        coop = self._cooperation(conn, grant, achievement)
        today = self._now().date()
        found: list[Finding] = []
        if grant.status in ("draft", "publicity"):
            found = gates.findings(coop, today=today)
        requests = approvals.for_object(conn, APPROVAL_KIND, OBJECT_TYPE, str(grant.id))
        return GrantView(
            grant=grant,
            findings=tuple(found),
            classified=coop.subject.classified,
            secrecy_approval=requests[0] if requests else None,
            export_check=coop.export_check,
        )

    @staticmethod
    def _filings(kind: str, achievement: Achievement) -> list[tuple[str, str]]:
        if kind != "ownership":
            return []
        return filings_needed(
            achievement.draft.kind,
            [(ip.number, ip.granted_on) for ip in achievement.draft.ip_rights],
        )


def _subject(achievement: Achievement) -> Subject:
    d = achievement.draft
    return Subject(
        title=d.title,
        level=d.level,
        negative_list=d.negative_list,
        negative_list_reason=d.negative_list_reason,
        ethics_status=d.ethics_status,
        ethics_approval=d.ethics_approval,
        ethics_approved_on=d.ethics_approved_on,
    )


def _check_snapshot(check: ExportCheck) -> dict[str, str]:
    return {
        "category": check.category,
        "catalogue_version": check.catalogue_version,
        "checked_on": check.checked_on,
        "licence_no": check.licence_no,
        "contract_registration_no": check.contract_registration_no,
    }


def describe_publicity(grant: RightsGrant) -> str:
    """The notice in words: 2026年3月1日起公示15日，至2026年3月16日24时止."""
    end = grant.publicity_end
    if end is None or grant.publicity_start is None:
        return ""
    start = dt.date.fromisoformat(grant.publicity_start)
    return f"{format_cn_date(start)}起公示{grant.publicity_days}日，至{format_cn_date(end)}24时止"
