"""Display names for codes stored in data (roles, clearances, unit types, leader types).

Each string is spelled out in its own translate() call so lupdate can find it.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from desktop.domain.approvals import KINDS as APPROVAL_KINDS
from desktop.domain.approvals import STATUSES as APPROVAL_STATUSES
from desktop.domain.dates import format_cn_date, format_cn_datetime
from desktop.domain.rights_grants import AMENDMENT_KINDS, OBJECTION_STATUSES
from desktop.domain.rights_grants import KINDS as GRANT_KINDS
from desktop.domain.transformations import yuan
from desktop.ui.transformation_labels import transformation_rule_name


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
        "grant.created": QCoreApplication.translate("Labels", "Rights grant drafted"),
        "grant.updated": QCoreApplication.translate("Labels", "Rights grant changed"),
        "grant.withdrawn": QCoreApplication.translate("Labels", "Rights grant withdrawn"),
        "grant.publicity_started": QCoreApplication.translate("Labels", "Rights grant publicised"),
        "grant.objection_received": QCoreApplication.translate("Labels", "Objection received"),
        "grant.objection_resolved": QCoreApplication.translate("Labels", "Objection settled"),
        "grant.export_checked": QCoreApplication.translate("Labels", "Export check recorded"),
        "grant.effective": QCoreApplication.translate("Labels", "Rights grant took effect"),
        "grant.extended": QCoreApplication.translate("Labels", "Use right extended"),
        "grant.converted": QCoreApplication.translate(
            "Labels", "Use right converted into ownership"
        ),
        "grant.filing_updated": QCoreApplication.translate(
            "Labels", "Ownership change filing updated"
        ),
        "grant.document_exported": QCoreApplication.translate("Labels", "Grant document saved"),
        "confidentiality.created": QCoreApplication.translate(
            "Labels", "Confidentiality agreement registered"
        ),
        "confidentiality.updated": QCoreApplication.translate(
            "Labels", "Confidentiality agreement changed"
        ),
        "confidentiality.terminated": QCoreApplication.translate(
            "Labels", "Confidentiality agreement terminated"
        ),
        "confidentiality.document_exported": QCoreApplication.translate(
            "Labels", "Confidentiality agreement saved"
        ),
        "counterparty.created": QCoreApplication.translate("Labels", "Counterparty registered"),
        "counterparty.updated": QCoreApplication.translate("Labels", "Counterparty changed"),
        "calendar.updated": QCoreApplication.translate("Labels", "Holiday table updated"),
        "transformation.created": QCoreApplication.translate("Labels", "Transformation registered"),
        "transformation.updated": QCoreApplication.translate("Labels", "Transformation changed"),
        "transformation.registered": QCoreApplication.translate(
            "Labels", "Contract registration recorded"
        ),
        "transformation.record_appraisal": QCoreApplication.translate(
            "Labels", "Appraisal decision recorded"
        ),
        "transformation.start_notice": QCoreApplication.translate("Labels", "Price notice started"),
        "transformation.object": QCoreApplication.translate(
            "Labels", "Objection to the price received"
        ),
        "transformation.close_notice": QCoreApplication.translate("Labels", "Price notice closed"),
        "transformation.start_listing": QCoreApplication.translate(
            "Labels", "Listed on a technology market"
        ),
        "transformation.listing_taken": QCoreApplication.translate("Labels", "Listing taken"),
        "transformation.listing_lapsed": QCoreApplication.translate("Labels", "Listing lapsed"),
        "transformation.record_auction": QCoreApplication.translate(
            "Labels", "Auction result recorded"
        ),
        "transformation.sign": QCoreApplication.translate("Labels", "Contract signed"),
        "transformation.complete": QCoreApplication.translate("Labels", "Contract completed"),
        "transformation.terminate": QCoreApplication.translate(
            "Labels", "Transformation terminated"
        ),
        "transformation.export_checked": QCoreApplication.translate(
            "Labels", "Export check recorded for a transformation"
        ),
        "transformation.converted": QCoreApplication.translate(
            "Labels", "Invest-then-equity funding converted into equity"
        ),
        "transformation.revenue_started": QCoreApplication.translate(
            "Labels", "Licensee revenue start recorded"
        ),
        "transformation.evidence_exported": QCoreApplication.translate(
            "Labels", "Evidence file saved"
        ),
        "reward.policy_set": QCoreApplication.translate("Labels", "Unit reward rule set"),
        "reward.calculated": QCoreApplication.translate("Labels", "Reward calculated"),
        "reward.notice_started": QCoreApplication.translate("Labels", "Reward notice started"),
        "reward.objection_received": QCoreApplication.translate(
            "Labels", "Objection to a reward received"
        ),
        "reward.objection_resolved": QCoreApplication.translate(
            "Labels", "Objection to a reward settled"
        ),
        "reward.paid": QCoreApplication.translate("Labels", "Reward paid"),
        "reward.cancelled": QCoreApplication.translate("Labels", "Reward calculation cancelled"),
        "reward.document_exported": QCoreApplication.translate("Labels", "Reward document saved"),
        "ledger.receipt": QCoreApplication.translate("Labels", "Receipt booked"),
        "ledger.payment": QCoreApplication.translate("Labels", "Payment booked"),
        "filing.keys_created": QCoreApplication.translate("Labels", "Filing keys generated"),
        "filing.key_card_saved": QCoreApplication.translate("Labels", "Key card saved"),
        "filing.key_trusted": QCoreApplication.translate("Labels", "Office key trusted"),
        "filing.key_retired": QCoreApplication.translate("Labels", "Office key retired"),
        "filing.exported": QCoreApplication.translate("Labels", "Sealed filing exported"),
        "filing.discarded": QCoreApplication.translate("Labels", "Filing draft discarded"),
        "filing.verified": QCoreApplication.translate("Labels", "Sealed filing verified"),
        "filing.rejected": QCoreApplication.translate("Labels", "Sealed filing rejected"),
        "filing.imported": QCoreApplication.translate("Labels", "Sealed filing imported"),
        "filing.document_saved": QCoreApplication.translate(
            "Labels", "Document of a received filing saved"
        ),
    }.get(code, code)


def approval_kind(code: str) -> str:
    return {
        "user_clearance": QCoreApplication.translate("Labels", "Clearance change"),
        "classified_cooperation": QCoreApplication.translate(
            "Labels", "Grant or transformation of a classified achievement"
        ),
        "classified_filing": QCoreApplication.translate(
            "Labels", "Sealed filing with classified content"
        ),
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
        "rights_grant": QCoreApplication.translate("Labels", "Rights grant"),
        "confidentiality": QCoreApplication.translate("Labels", "Confidentiality agreement"),
        "counterparty": QCoreApplication.translate("Labels", "Counterparty"),
        "calendar": QCoreApplication.translate("Labels", "Holiday table"),
        "transformation": QCoreApplication.translate("Labels", "Transformation"),
        "reward": QCoreApplication.translate("Labels", "Reward"),
        "unit_reward_rule": QCoreApplication.translate("Labels", "Unit reward rule"),
        "filing": QCoreApplication.translate("Labels", "Sealed filing"),
        "unit_keys": QCoreApplication.translate("Labels", "Unit filing keys"),
        "trusted_key": QCoreApplication.translate("Labels", "Trusted office key"),
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
        # rights grants and confidentiality agreements
        "doc_no": QCoreApplication.translate("Labels", "Document number"),
        "achievement_id": QCoreApplication.translate("Labels", "Achievement number"),
        "unit_share": QCoreApplication.translate("Labels", "Unit share (%)"),
        "team_share": QCoreApplication.translate("Labels", "Team share (%)"),
        "team": QCoreApplication.translate("Labels", "Team"),
        "term_start": QCoreApplication.translate("Labels", "Term from"),
        "term_end": QCoreApplication.translate("Labels", "Term to"),
        "revenue_terms": QCoreApplication.translate("Labels", "Revenue split"),
        "decision_terms": QCoreApplication.translate("Labels", "Decision making"),
        "cost_terms": QCoreApplication.translate("Labels", "Cost sharing"),
        "publicity_start": QCoreApplication.translate("Labels", "Publicity from"),
        "publicity_days": QCoreApplication.translate("Labels", "Publicity period (days)"),
        "publicity_end": QCoreApplication.translate("Labels", "Publicity until"),
        "effective_on": QCoreApplication.translate("Labels", "Effective on"),
        "filings": QCoreApplication.translate("Labels", "Change filings"),
        "warnings": QCoreApplication.translate("Labels", "Warnings"),
        "objection": QCoreApplication.translate("Labels", "Objection number"),
        "received_on": QCoreApplication.translate("Labels", "Received on"),
        "objector": QCoreApplication.translate("Labels", "Objector"),
        "content": QCoreApplication.translate("Labels", "Content"),
        "resolved_on": QCoreApplication.translate("Labels", "Settled on"),
        "amendment": QCoreApplication.translate("Labels", "Amendment number"),
        "signed_on": QCoreApplication.translate("Labels", "Signed on"),
        "filing": QCoreApplication.translate("Labels", "Filing number"),
        "filed_on": QCoreApplication.translate("Labels", "Submitted on"),
        "notice_no": QCoreApplication.translate("Labels", "CNIPA notice number"),
        "completed_on": QCoreApplication.translate("Labels", "Completed on"),
        "category": QCoreApplication.translate("Labels", "Catalogue category"),
        "catalogue_version": QCoreApplication.translate("Labels", "Catalogue version"),
        "checked_on": QCoreApplication.translate("Labels", "Checked on"),
        "licence_no": QCoreApplication.translate("Labels", "Export licence number"),
        "contract_registration_no": QCoreApplication.translate(
            "Labels", "Contract registration number"
        ),
        "party_kind": QCoreApplication.translate("Labels", "Party type"),
        "party_name": QCoreApplication.translate("Labels", "Party"),
        "party_code": QCoreApplication.translate("Labels", "Credit code or identity card number"),
        "achievement_ids": QCoreApplication.translate("Labels", "Achievements covered"),
        "scope": QCoreApplication.translate("Labels", "Secret matters covered"),
        "obligations": QCoreApplication.translate("Labels", "Obligations"),
        "approval_body": QCoreApplication.translate("Labels", "Approving body"),
        "approval_date": QCoreApplication.translate("Labels", "Approved on"),
        "approval_doc_no": QCoreApplication.translate("Labels", "Approval document number"),
        "terminated_on": QCoreApplication.translate("Labels", "Terminated on"),
        "ethics_approved_on": QCoreApplication.translate("Labels", "Ethics approval date"),
        # transformations and the ledger
        "form": QCoreApplication.translate("Labels", "Form of transformation"),
        "counterparty_id": QCoreApplication.translate("Labels", "Counterparty number"),
        "allocations": QCoreApplication.translate("Labels", "Achievements and income shares"),
        "price_fen": QCoreApplication.translate("Labels", "Contract price"),
        "method": QCoreApplication.translate("Labels", "Pricing method"),
        "terms": QCoreApplication.translate("Labels", "Terms"),
        "state": QCoreApplication.translate("Labels", "Procedure step"),
        "on_date": QCoreApplication.translate("Labels", "Date"),
        "notice_days": QCoreApplication.translate("Labels", "Notice period (days)"),
        "notice_end": QCoreApplication.translate("Labels", "Notice until"),
        "listing_end": QCoreApplication.translate("Labels", "Listing until"),
        "explanation": QCoreApplication.translate("Labels", "How the date was counted"),
        "appraisal_basis": QCoreApplication.translate("Labels", "Basis of the appraisal decision"),
        "appraised_value_fen": QCoreApplication.translate("Labels", "Appraised value"),
        "ledger": QCoreApplication.translate("Labels", "Ledger"),
        "entry": QCoreApplication.translate("Labels", "Ledger entry"),
        "amount_fen": QCoreApplication.translate("Labels", "Amount"),
        "revenue_from": QCoreApplication.translate("Labels", "Revenue since"),
        "counterparty": QCoreApplication.translate("Labels", "Counterparty"),
        "ownership": QCoreApplication.translate("Labels", "Ownership type"),
        "region": QCoreApplication.translate("Labels", "Region"),
        "holidays": QCoreApplication.translate("Labels", "Holidays"),
        "workdays": QCoreApplication.translate("Labels", "Working weekend days"),
        "source": QCoreApplication.translate("Labels", "Source"),
        # sign-in
        "at": QCoreApplication.translate("Labels", "Attempted at"),
        "problems": QCoreApplication.translate("Labels", "Problems found"),
    }.get(name, name)


def audit_value(field: str, value: object) -> str:
    """One value of an audit snapshot field in words: codes by their labels, dates in Chinese."""
    name = field.rsplit(".", 1)[-1]
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int) and name.endswith("_fen"):
        return yuan(value) + QCoreApplication.translate("Labels", " yuan")
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
        "category": export_category,
        "party_kind": party_kind,
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
    if name.endswith("_fen"):
        try:
            return yuan(int(value)) + QCoreApplication.translate("Labels", " yuan")
        except ValueError:
            return value
    if name in _DATE_FIELDS:
        try:
            return format_cn_date(date.fromisoformat(value))
        except ValueError:
            return value
    return value


_DATE_FIELDS = frozenset(
    {
        "decided_on",
        "since",
        "until",
        "term_start",
        "term_end",
        "publicity_start",
        "publicity_end",
        "effective_on",
        "received_on",
        "resolved_on",
        "signed_on",
        "filed_on",
        "completed_on",
        "checked_on",
        "approval_date",
        "terminated_on",
        "ethics_approved_on",
        "on_date",
        "notice_end",
        "listing_end",
        "revenue_from",
        "contract_registration_date",
    }
)


def _status(code: str) -> str:
    if code in APPROVAL_STATUSES:
        return approval_status(code)
    if code in ("draft", "effective"):
        return grant_status(code)
    if code in OBJECTION_STATUSES:
        return objection_status(code)
    return achievement_status(code)


def _kind(code: str) -> str:
    if code in APPROVAL_KINDS:
        return approval_kind(code)
    if code in GRANT_KINDS:
        return grant_kind(code)
    if code in AMENDMENT_KINDS:
        return amendment_kind(code)
    return achievement_kind(code)


# -- agreements -------------------------------------------------------------------------------
def grant_kind(code: str) -> str:
    return {
        "ownership": QCoreApplication.translate("Labels", "Ownership"),
        "use_right": QCoreApplication.translate("Labels", "Long-term use right"),
    }.get(code, code)


def grant_status(code: str) -> str:
    return {
        "draft": QCoreApplication.translate("Labels", "Being drafted"),
        "publicity": QCoreApplication.translate("Labels", "In publicity"),
        "effective": QCoreApplication.translate("Labels", "In effect"),
        "withdrawn": QCoreApplication.translate("Labels", "Withdrawn"),
    }.get(code, code)


def objection_status(code: str) -> str:
    return {
        "open": QCoreApplication.translate("Labels", "Not yet settled"),
        "dismissed": QCoreApplication.translate("Labels", "Dismissed"),
        "upheld": QCoreApplication.translate("Labels", "Upheld"),
    }.get(code, code)


def amendment_kind(code: str) -> str:
    return {
        "extension": QCoreApplication.translate("Labels", "Extension of the use right"),
        "conversion": QCoreApplication.translate("Labels", "Use right converted into ownership"),
    }.get(code, code)


def filing_kind(code: str) -> str:
    return {
        "patent_right": QCoreApplication.translate("Labels", "Patent ownership change"),
        "application_right": QCoreApplication.translate(
            "Labels", "Patent application right change"
        ),
        "other_registration": QCoreApplication.translate("Labels", "Ownership registration change"),
    }.get(code, code)


def party_kind(code: str) -> str:
    return {
        "enterprise": QCoreApplication.translate("Labels", "Enterprise"),
        "individual": QCoreApplication.translate("Labels", "Individual"),
    }.get(code, code)


def export_category(code: str) -> str:
    return {
        "prohibited": QCoreApplication.translate("Labels", "Export prohibited"),
        "restricted": QCoreApplication.translate("Labels", "Export restricted"),
        "free": QCoreApplication.translate("Labels", "Export free"),
    }.get(code, code)


def agreement_status(code: str) -> str:
    """desktop.domain.confidentiality.status"""
    return {
        "draft": QCoreApplication.translate("Labels", "Not yet approved"),
        "pending": QCoreApplication.translate("Labels", "Not yet started"),
        "in_force": QCoreApplication.translate("Labels", "In force"),
        "expiring": QCoreApplication.translate("Labels", "Ending soon"),
        "expired": QCoreApplication.translate("Labels", "Expired"),
        "terminated": QCoreApplication.translate("Labels", "Terminated agreement"),
    }.get(code, code)


def rule_name(rule_id: str) -> str:
    """A rule that refused or warned, in a few words (the id stays beside it, as a reference)."""
    return (
        {
            "E_NEGATIVE_LIST": QCoreApplication.translate("Labels", "Negative list"),
            "E_SECRET_NO_APPROVAL": QCoreApplication.translate("Labels", "Secrecy approval"),
            "E_CONFIDENTIALITY_AGREEMENT": QCoreApplication.translate(
                "Labels", "Confidentiality agreement in force"
            ),
            "E_EXPORT_SECRET_REVIEW": QCoreApplication.translate(
                "Labels", "Secrecy review before export"
            ),
            "E_TOP_SECRET_ABROAD": QCoreApplication.translate("Labels", "Top secret stays at home"),
            "E_ETHICS_REVIEW": QCoreApplication.translate("Labels", "Ethics review"),
            "E_EXPORT_CHECK_MISSING": QCoreApplication.translate(
                "Labels", "Export catalogue check"
            ),
            "E_EXPORT_PROHIBITED": QCoreApplication.translate("Labels", "Prohibited technology"),
            "E_EXPORT_LICENSE_MISSING": QCoreApplication.translate("Labels", "Export licence"),
            "W_EXPORT_CONTRACT_REGISTRATION": QCoreApplication.translate(
                "Labels", "Export contract registration"
            ),
            "E_GRANT_NOT_PUBLICISED": QCoreApplication.translate("Labels", "Publicity first"),
            "E_GRANT_PUBLICITY_RUNNING": QCoreApplication.translate("Labels", "Publicity period"),
            "E_GRANT_OBJECTION_OPEN": QCoreApplication.translate("Labels", "Open objections"),
            "E_GRANT_OBJECTION_UPHELD": QCoreApplication.translate("Labels", "Upheld objection"),
            "E_CONVERSION_OUTSIDE_TERM": QCoreApplication.translate(
                "Labels", "Conversion during the term"
            ),
            "E_RATE_BELOW_MIN": QCoreApplication.translate("Labels", "Statutory reward floor"),
            "E_DEDUCTION_TYPE_NOT_ALLOWED": QCoreApplication.translate(
                "Labels", "Deductions the unit allows"
            ),
            "E_MAIN_CONTRIBUTOR_SHARE": QCoreApplication.translate(
                "Labels", "Main contributors take at least half"
            ),
            "E_PRINCIPAL_LEADER_EQUITY": QCoreApplication.translate(
                "Labels", "No equity for principal leaders"
            ),
            "E_IMPL_YEARS_OUT_OF_RANGE": QCoreApplication.translate(
                "Labels", "Three to five years of implementation"
            ),
            "E_NOT_CONTRIBUTOR": QCoreApplication.translate("Labels", "Contributors only"),
            "E_REWARD_NOT_PUBLICISED": QCoreApplication.translate("Labels", "Reward notice first"),
            "E_REWARD_NOTICE_RUNNING": QCoreApplication.translate(
                "Labels", "Reward notice running"
            ),
            "E_REWARD_OBJECTION_OPEN": QCoreApplication.translate(
                "Labels", "Objections to the reward open"
            ),
        }.get(rule_id)
        or transformation_rule_name(rule_id)
        or rule_id
    )


def todo_kind(code: str) -> str:
    return {
        "change_filing": QCoreApplication.translate("Labels", "Ownership change filing"),
        "agreement_expiring": QCoreApplication.translate(
            "Labels", "Confidentiality agreement ending"
        ),
        "grant_ready": QCoreApplication.translate("Labels", "Grant ready to take effect"),
        "objection_open": QCoreApplication.translate("Labels", "Objection to settle"),
        "notice_ended": QCoreApplication.translate("Labels", "Price notice ended"),
        "listing_ended": QCoreApplication.translate("Labels", "Listing ended"),
        "receivable_overdue": QCoreApplication.translate("Labels", "Overdue receivable"),
    }.get(code, code)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Labels", "Yes")
        if value
        else QCoreApplication.translate("Labels", "No")
    )


# -- sealed filings -----------------------------------------------------------------------------
def filed_record_kind(code: str) -> str:
    """What a record in a sealed filing (报送件) is."""
    return {
        "achievement": QCoreApplication.translate("Labels", "Achievement registration"),
        "grant": QCoreApplication.translate("Labels", "Rights grant agreement"),
        "confidentiality": QCoreApplication.translate("Labels", "Confidentiality agreement"),
        "transformation": QCoreApplication.translate(
            "Labels", "Transformation (with the evidence file)"
        ),
        "reward": QCoreApplication.translate("Labels", "Reward calculation"),
    }.get(code, code)
