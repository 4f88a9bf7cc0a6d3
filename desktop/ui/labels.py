"""Display names for codes stored in data (roles, clearances, unit types, leader types).

Each string is spelled out in its own translate() call so lupdate can find it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from desktop.domain.approvals import KINDS as APPROVAL_KINDS
from desktop.domain.approvals import STATUSES as APPROVAL_STATUSES
from desktop.domain.dates import format_cn_date, format_cn_datetime


def role(code: str) -> str:
    return {
        "system_admin": QCoreApplication.translate("Labels", "System administrator"),
        "secrecy_admin": QCoreApplication.translate("Labels", "Secrecy administrator"),
        "security_auditor": QCoreApplication.translate("Labels", "Security auditor"),
        "transfer_officer": QCoreApplication.translate("Labels", "Transfer officer"),
        "researcher": QCoreApplication.translate("Labels", "Researcher"),
        "approver": QCoreApplication.translate("Labels", "Approver"),
    }.get(code, code)


def roles(codes: tuple[str, ...]) -> str:
    return QCoreApplication.translate("Labels", ", ").join(role(c) for c in codes)


def clearance(code: str) -> str:
    return {
        "public": QCoreApplication.translate("Labels", "Public"),
        "internal": QCoreApplication.translate("Labels", "Internal"),
        "secret": QCoreApplication.translate("Labels", "Secret"),
        "confidential": QCoreApplication.translate("Labels", "Confidential"),
        "top_secret": QCoreApplication.translate("Labels", "Top secret"),
    }.get(code, code)


def unit_type(code: str) -> str:
    return {
        "university": QCoreApplication.translate("Labels", "University"),
        "institute": QCoreApplication.translate("Labels", "Research institute"),
        "medical": QCoreApplication.translate("Labels", "Medical and health institution"),
        "central_in_liaoning": QCoreApplication.translate("Labels", "Central unit in Liaoning"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }.get(code, code)


def leader_type(code: str) -> str:
    return {
        "none": QCoreApplication.translate("Labels", "Not a leader"),
        "deputy": QCoreApplication.translate("Labels", "Deputy leader"),
        "principal": QCoreApplication.translate("Labels", "Principal leader"),
    }.get(code, code)


def audit_action(code: str) -> str:
    return {
        "vault.created": QCoreApplication.translate("Labels", "Vault created"),
        "audit.verified": QCoreApplication.translate("Labels", "Audit log verified"),
        "audit.checkpoint_added": QCoreApplication.translate("Labels", "Audit checkpoint recorded"),
        "audit.exported": QCoreApplication.translate("Labels", "Audit log extract exported"),
        "unit.created": QCoreApplication.translate("Labels", "Unit profile created"),
        "unit.updated": QCoreApplication.translate("Labels", "Unit profile changed"),
        "user.created": QCoreApplication.translate("Labels", "User created"),
        "user.roles_changed": QCoreApplication.translate("Labels", "User roles changed"),
        "user.clearance_changed": QCoreApplication.translate("Labels", "User clearance changed"),
        "user.disabled": QCoreApplication.translate("Labels", "User disabled"),
        "user.enabled": QCoreApplication.translate("Labels", "User enabled"),
        "user.passphrase_reset": QCoreApplication.translate("Labels", "User passphrase reset"),
        "session.login_failed": QCoreApplication.translate("Labels", "Login failed"),
        "session.throttle_tampered": QCoreApplication.translate(
            "Labels", "Login failure record tampered with"
        ),
        "person.created": QCoreApplication.translate("Labels", "Person added"),
        "person.updated": QCoreApplication.translate("Labels", "Person changed"),
        "person.left": QCoreApplication.translate("Labels", "Person left the unit"),
        "person.returned": QCoreApplication.translate("Labels", "Person back in post"),
        "settings.updated": QCoreApplication.translate("Labels", "Setting changed"),
        "session.unlocked": QCoreApplication.translate("Labels", "Unlocked"),
        "session.recovered": QCoreApplication.translate("Labels", "Unlocked with recovery code"),
        "session.locked": QCoreApplication.translate("Labels", "Locked"),
        "session.passphrase_changed": QCoreApplication.translate("Labels", "Passphrase changed"),
        "decision.created": QCoreApplication.translate("Labels", "Decision recorded"),
        "decision.updated": QCoreApplication.translate("Labels", "Decision changed"),
        "decision.linked": QCoreApplication.translate("Labels", "Decision linked"),
        "decision.unlinked": QCoreApplication.translate("Labels", "Decision unlinked"),
        "decision.attachment_added": QCoreApplication.translate("Labels", "Attachment added"),
        "decision.attachment_removed": QCoreApplication.translate("Labels", "Attachment removed"),
        "decision.attachment_exported": QCoreApplication.translate(
            "Labels", "Attachment saved outside the vault"
        ),
        "approval.requested": QCoreApplication.translate("Labels", "Approval requested"),
        "approval.approved": QCoreApplication.translate("Labels", "Request approved"),
        "approval.rejected": QCoreApplication.translate("Labels", "Request rejected"),
        "approval.withdrawn": QCoreApplication.translate("Labels", "Request withdrawn"),
        "achievement.created": QCoreApplication.translate("Labels", "Achievement registered"),
        "achievement.updated": QCoreApplication.translate("Labels", "Achievement changed"),
        "achievement.exported": QCoreApplication.translate("Labels", "Achievement list exported"),
        "achievement.status_changed": QCoreApplication.translate(
            "Labels", "Achievement status changed"
        ),
        "achievement.attachment_added": QCoreApplication.translate(
            "Labels", "Achievement attachment added"
        ),
        "achievement.attachment_removed": QCoreApplication.translate(
            "Labels", "Achievement attachment removed"
        ),
        "achievement.attachment_exported": QCoreApplication.translate(
            "Labels", "Achievement attachment saved outside the vault"
        ),
        "pool.confirmed": QCoreApplication.translate("Labels", "Included in the pay-later pool"),
        "pool.excluded": QCoreApplication.translate("Labels", "Excluded from the pay-later pool"),
        "pool.published": QCoreApplication.translate("Labels", "Pay-later pool published"),
        "pool.exported": QCoreApplication.translate("Labels", "Pay-later pool exported"),
    }.get(code, code)


def approval_kind(code: str) -> str:
    return {
        "user_clearance": QCoreApplication.translate("Labels", "Clearance change"),
    }.get(code, code)


def approval_status(code: str) -> str:
    return {
        "pending": QCoreApplication.translate("Labels", "Awaiting decision"),
        "approved": QCoreApplication.translate("Labels", "Granted"),
        "rejected": QCoreApplication.translate("Labels", "Turned down"),
        "withdrawn": QCoreApplication.translate("Labels", "Withdrawn"),
    }.get(code, code)


def decision_body(code: str) -> str:
    return {
        "office_meeting": QCoreApplication.translate("Labels", "Executive meeting"),
        "party_committee": QCoreApplication.translate("Labels", "Party committee"),
        "academic_committee": QCoreApplication.translate("Labels", "Academic committee"),
        "transformation_group": QCoreApplication.translate(
            "Labels", "Transformation leading group"
        ),
        "other": QCoreApplication.translate("Labels", "Other"),
    }.get(code, code)


def decision_outcome(code: str) -> str:
    return {
        "approved": QCoreApplication.translate("Labels", "Approved"),
        "rejected": QCoreApplication.translate("Labels", "Rejected"),
        "deferred": QCoreApplication.translate("Labels", "Deferred"),
    }.get(code, code)


def achievement_kind(code: str) -> str:
    return {
        "invention_patent": QCoreApplication.translate("Labels", "Invention patent"),
        "utility_model": QCoreApplication.translate("Labels", "Utility model"),
        "design": QCoreApplication.translate("Labels", "Industrial design"),
        "software_copyright": QCoreApplication.translate("Labels", "Software copyright"),
        "ic_layout": QCoreApplication.translate("Labels", "Integrated circuit layout design"),
        "plant_variety": QCoreApplication.translate("Labels", "New plant variety"),
        "biomedical_variety": QCoreApplication.translate("Labels", "New biomedical variety"),
        "know_how": QCoreApplication.translate("Labels", "Technical secret"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }.get(code, code)


def achievement_status(code: str) -> str:
    return {
        "registered": QCoreApplication.translate("Labels", "Registered"),
        "pricing": QCoreApplication.translate("Labels", "Valuation and pricing"),
        "publicity": QCoreApplication.translate("Labels", "Public notice"),
        "trading": QCoreApplication.translate("Labels", "Trading"),
        "transformed": QCoreApplication.translate("Labels", "Transformed"),
        "terminated": QCoreApplication.translate("Labels", "Terminated"),
    }.get(code, code)


def funding_type(code: str) -> str:
    return {
        "vertical": QCoreApplication.translate("Labels", "Government-funded project"),
        "horizontal": QCoreApplication.translate("Labels", "Commissioned project"),
        "self": QCoreApplication.translate("Labels", "Self-funded"),
    }.get(code, code)


def completer_role(code: str) -> str:
    return {
        "lead": QCoreApplication.translate("Labels", "Lead"),
        "member": QCoreApplication.translate("Labels", "Member"),
    }.get(code, code)


def ethics_status(code: str) -> str:
    return {
        "not_needed": QCoreApplication.translate("Labels", "No ethics review needed"),
        "pending": QCoreApplication.translate("Labels", "Ethics review pending"),
        "approved": QCoreApplication.translate("Labels", "Ethics review passed"),
        "rejected": QCoreApplication.translate("Labels", "Ethics review not passed"),
    }.get(code, code)


# -- audit entries ----------------------------------------------------------------------------
def audit_object_type(code: str) -> str:
    return {
        "vault": QCoreApplication.translate("Labels", "Vault"),
        "unit": QCoreApplication.translate("Labels", "Unit"),
        "user": QCoreApplication.translate("Labels", "Account"),
        "person": QCoreApplication.translate("Labels", "Person"),
        "setting": QCoreApplication.translate("Labels", "Setting"),
        "decision": QCoreApplication.translate("Labels", "Decision"),
        "audit_log": QCoreApplication.translate("Labels", "Audit log"),
        "audit_checkpoint": QCoreApplication.translate("Labels", "Audit checkpoint"),
        "approval": QCoreApplication.translate("Labels", "Approval request"),
        "achievement": QCoreApplication.translate("Labels", "Achievement"),
        "pool_version": QCoreApplication.translate("Labels", "Pool version"),
    }.get(code, code)


def audit_field(name: str, object_type: str = "") -> str:
    """The label of a field in an audit snapshot; a dotted path (``head.size``) joins the labels
    of its parts. ``object_type`` tells apart fields that share a code (a unit's name, a
    person's name). Unknown fields keep their code."""
    if "." in name:
        return QCoreApplication.translate("Labels", " · ").join(
            audit_field(part) for part in name.split(".")
        )
    by_type = {
        ("unit", "name"): QCoreApplication.translate("Labels", "Unit name"),
        ("decision", "title"): QCoreApplication.translate("Labels", "Subject"),
        ("achievement", "title"): QCoreApplication.translate("Labels", "Achievement title"),
        ("achievement", "level"): QCoreApplication.translate("Labels", "Classification"),
        ("decision", "level"): QCoreApplication.translate("Labels", "Classification"),
        ("decision", "size"): QCoreApplication.translate("Labels", "File size (bytes)"),
        ("person", "active"): QCoreApplication.translate("Labels", "In post"),
    }
    if (object_type, name) in by_type:
        return by_type[(object_type, name)]
    return {
        # unit profile
        "credit_code": QCoreApplication.translate("Labels", "Unified social credit code"),
        "unit_type": QCoreApplication.translate("Labels", "Unit type"),
        "non_profit": QCoreApplication.translate("Labels", "Non-profit"),
        "departments": QCoreApplication.translate("Labels", "Departments"),
        # people
        "id": QCoreApplication.translate("Labels", "Number"),
        "name": QCoreApplication.translate("Labels", "Name"),
        "department_id": QCoreApplication.translate("Labels", "Department number"),
        "department": QCoreApplication.translate("Labels", "Department"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "leader_type": QCoreApplication.translate("Labels", "Leadership post"),
        "id_number": QCoreApplication.translate("Labels", "Identity card number"),
        "contact": QCoreApplication.translate("Labels", "Contact"),
        # accounts
        "login": QCoreApplication.translate("Labels", "Login name"),
        "display_name": QCoreApplication.translate("Labels", "Display name"),
        "roles": QCoreApplication.translate("Labels", "Roles"),
        "clearance": QCoreApplication.translate("Labels", "Clearance"),
        "active": QCoreApplication.translate("Labels", "Active"),
        # settings (the setting's key is the object id; its value is the snapshot)
        "idle_lock_minutes": QCoreApplication.translate("Labels", "Lock after idle (minutes)"),
        "publicity_days_pricing": QCoreApplication.translate(
            "Labels", "Publicity period for agreed prices (days)"
        ),
        "publicity_workdays_reward": QCoreApplication.translate(
            "Labels", "Publicity period for rewards (working days)"
        ),
        "publicity_days_grant": QCoreApplication.translate(
            "Labels", "Publicity period for rights grants (days)"
        ),
        "several_roles_allowed": QCoreApplication.translate(
            "Labels", "One account may hold several roles"
        ),
        # decisions
        "body": QCoreApplication.translate("Labels", "Decision body"),
        "decided_on": QCoreApplication.translate("Labels", "Decided on"),
        "participants": QCoreApplication.translate("Labels", "Participants"),
        "outcome": QCoreApplication.translate("Labels", "Outcome"),
        "votes_for": QCoreApplication.translate("Labels", "Votes for"),
        "votes_against": QCoreApplication.translate("Labels", "Votes against"),
        "votes_abstain": QCoreApplication.translate("Labels", "Abstentions"),
        "summary": QCoreApplication.translate("Labels", "Summary"),
        "level": QCoreApplication.translate("Labels", "Classification"),
        # verification, checkpoints and extracts of the audit log
        "intact": QCoreApplication.translate("Labels", "Log intact"),
        "size": QCoreApplication.translate("Labels", "Entries in the log"),
        "root": QCoreApplication.translate("Labels", "Tree root"),
        "first_bad": QCoreApplication.translate("Labels", "First bad entry"),
        "external": QCoreApplication.translate("Labels", "Checkpoint entered (entries)"),
        "note": QCoreApplication.translate("Labels", "Note"),
        "filter": QCoreApplication.translate("Labels", "Filter"),
        "head": QCoreApplication.translate("Labels", "Log tree"),
        "entries": QCoreApplication.translate("Labels", "Entries exported"),
        "total": QCoreApplication.translate("Labels", "Entries matching"),
        "actor": QCoreApplication.translate("Labels", "Actor"),
        "since": QCoreApplication.translate("Labels", "From date"),
        "until": QCoreApplication.translate("Labels", "To date"),
        "action": QCoreApplication.translate("Labels", "Action"),
        "object_type": QCoreApplication.translate("Labels", "Object type"),
        "object_id": QCoreApplication.translate("Labels", "Object number"),
        "schema": QCoreApplication.translate("Labels", "Database"),
        # attachments
        "attachment_id": QCoreApplication.translate("Labels", "Attachment number"),
        "filename": QCoreApplication.translate("Labels", "File name"),
        "media_type": QCoreApplication.translate("Labels", "File type"),
        "sha256": QCoreApplication.translate("Labels", "SHA-256"),
        "path": QCoreApplication.translate("Labels", "Saved to"),
        # achievements
        "abstract": QCoreApplication.translate("Labels", "Abstract"),
        "keywords": QCoreApplication.translate("Labels", "Keywords"),
        "funding_type": QCoreApplication.translate("Labels", "Funding"),
        "funding_ref": QCoreApplication.translate("Labels", "Project or contract number"),
        "completers": QCoreApplication.translate("Labels", "Completers"),
        "person_id": QCoreApplication.translate("Labels", "Person number"),
        "role": QCoreApplication.translate("Labels", "Role"),
        "share": QCoreApplication.translate("Labels", "Share (%)"),
        "ip_rights": QCoreApplication.translate("Labels", "IP rights"),
        "number": QCoreApplication.translate("Labels", "Registration number"),
        "applied_on": QCoreApplication.translate("Labels", "Filed on"),
        "granted_on": QCoreApplication.translate("Labels", "Granted on"),
        "expires_on": QCoreApplication.translate("Labels", "Expires on"),
        "secrecy_mark": QCoreApplication.translate("Labels", "Secrecy mark"),
        "negative_list": QCoreApplication.translate("Labels", "On the negative list"),
        "negative_list_reason": QCoreApplication.translate("Labels", "Negative-list reason"),
        "ethics_status": QCoreApplication.translate("Labels", "Ethics review"),
        "ethics_approval": QCoreApplication.translate("Labels", "Ethics approval number"),
        "overseas": QCoreApplication.translate("Labels", "Overseas relevance"),
        "decision": QCoreApplication.translate("Labels", "Pool decision"),
        # approvals ("kind" is an achievement's type too: the value tells which)
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "user": QCoreApplication.translate("Labels", "Account"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "format": QCoreApplication.translate("Labels", "File format"),
        # sign-in
        "at": QCoreApplication.translate("Labels", "Attempted at"),
        "problems": QCoreApplication.translate("Labels", "Problems found"),
    }.get(name, name)


def audit_value(field: str, value: object) -> str:
    """One value of an audit snapshot field in words: codes by their labels, dates in Chinese."""
    name = field.rsplit(".", 1)[-1]
    if isinstance(value, bool):
        return yes_no(value)
    if not isinstance(value, str):
        return str(value)
    coded = {
        "unit_type": unit_type,
        "leader_type": leader_type,
        "clearance": clearance,
        "level": clearance,
        "roles": role,
        "body": decision_body,
        "outcome": decision_outcome,
        "action": audit_action,
        "object_type": audit_object_type,
        "kind": _kind,
        "funding_type": funding_type,
        "role": completer_role,
        "ethics_status": ethics_status,
        "status": _status,
    }
    if name == "schema" and value == "created":
        return QCoreApplication.translate("Labels", "Created")
    if name in coded:
        return coded[name](value)
    if name == "at":
        try:
            return format_cn_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    if name in ("decided_on", "since", "until"):
        try:
            return format_cn_date(date.fromisoformat(value))
        except ValueError:
            return value
    return value


def _status(code: str) -> str:
    return approval_status(code) if code in APPROVAL_STATUSES else achievement_status(code)


def _kind(code: str) -> str:
    return approval_kind(code) if code in APPROVAL_KINDS else achievement_kind(code)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Labels", "Yes")
        if value
        else QCoreApplication.translate("Labels", "No")
    )
