"""Display names for codes stored in data (roles, clearances, unit types, leader types).

Each string is spelled out in its own translate() call so lupdate can find it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
        "unit.created": QCoreApplication.translate("Labels", "Unit profile created"),
        "unit.updated": QCoreApplication.translate("Labels", "Unit profile changed"),
        "user.created": QCoreApplication.translate("Labels", "User created"),
        "person.created": QCoreApplication.translate("Labels", "Person added"),
        "person.updated": QCoreApplication.translate("Labels", "Person changed"),
        "settings.updated": QCoreApplication.translate("Labels", "Setting changed"),
        "session.unlocked": QCoreApplication.translate("Labels", "Unlocked"),
        "session.recovered": QCoreApplication.translate("Labels", "Unlocked with recovery code"),
        "session.locked": QCoreApplication.translate("Labels", "Locked"),
        "session.passphrase_changed": QCoreApplication.translate("Labels", "Passphrase changed"),
    }.get(code, code)
