"""Display names for the codes of issue 6: forms of transformation, pricing methods, procedure
states and events, licence scopes, payment conditions, counterparty attributes, ledger kinds,
appraisal decisions and the rules that refuse a step.

Each string is spelled out in its own translate() call so lupdate can find it. The Chinese
names of the procedure states are those of ``desktop.domain.pricing.STATE_NAMES``, which the
domain's own messages use (a test keeps them equal).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def form(code: str) -> str:
    return {
        "transfer": QCoreApplication.translate("TransformationLabels", "Transfer"),
        "licence": QCoreApplication.translate("TransformationLabels", "Licence"),
        "equity": QCoreApplication.translate("TransformationLabels", "Equity investment"),
        "pay_later": QCoreApplication.translate(
            "TransformationLabels", "Use first, pay later licence"
        ),
        "share_transfer": QCoreApplication.translate(
            "TransformationLabels", "Retained-share transfer"
        ),
        "invest_then_equity": QCoreApplication.translate(
            "TransformationLabels", "Invest first, equity later"
        ),
    }.get(code, code)


def method(code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("TransformationLabels", "Outside the pricing procedure")
    return {
        "negotiated": QCoreApplication.translate("TransformationLabels", "Negotiated price"),
        "listing": QCoreApplication.translate("TransformationLabels", "Market listing"),
        "auction": QCoreApplication.translate("TransformationLabels", "Auction"),
    }.get(code, code)


def state(code: str) -> str:
    return {
        "appraisal": QCoreApplication.translate("TransformationLabels", "Appraisal decision"),
        "priced": QCoreApplication.translate("TransformationLabels", "Pricing method fixed"),
        "notice": QCoreApplication.translate("TransformationLabels", "Negotiated price on notice"),
        "objected": QCoreApplication.translate("TransformationLabels", "Objection to the notice"),
        "listing": QCoreApplication.translate(
            "TransformationLabels", "Listed on a technology market"
        ),
        "cleared": QCoreApplication.translate("TransformationLabels", "Pricing done"),
        "signed": QCoreApplication.translate("TransformationLabels", "Signed contract"),
        "completed": QCoreApplication.translate("TransformationLabels", "Performed in full"),
        "terminated": QCoreApplication.translate(
            "TransformationLabels", "Terminated transformation"
        ),
    }.get(code, code)


def event(code: str) -> str:
    """A step of the procedure, as a verb phrase (buttons, the steps taken)."""
    return {
        "record_appraisal": QCoreApplication.translate(
            "TransformationLabels", "Record the appraisal decision"
        ),
        "start_notice": QCoreApplication.translate(
            "TransformationLabels", "Start the price notice"
        ),
        "close_notice": QCoreApplication.translate("TransformationLabels", "Close the notice"),
        "object": QCoreApplication.translate("TransformationLabels", "Record an objection"),
        "start_listing": QCoreApplication.translate(
            "TransformationLabels", "List on a technology market"
        ),
        "listing_taken": QCoreApplication.translate("TransformationLabels", "Listing taken"),
        "listing_lapsed": QCoreApplication.translate("TransformationLabels", "Listing lapsed"),
        "record_auction": QCoreApplication.translate(
            "TransformationLabels", "Record the auction result"
        ),
        "sign": QCoreApplication.translate("TransformationLabels", "Mark the contract signed"),
        "complete": QCoreApplication.translate("TransformationLabels", "Mark performed in full"),
        "terminate": QCoreApplication.translate("TransformationLabels", "Terminate"),
    }.get(code, code)


def licence_scope(code: str) -> str:
    return {
        "exclusive": QCoreApplication.translate("TransformationLabels", "Exclusive licence"),
        "sole": QCoreApplication.translate("TransformationLabels", "Sole licence"),
        "ordinary": QCoreApplication.translate("TransformationLabels", "Ordinary licence"),
    }.get(code, code)


def condition(code: str) -> str:
    return {
        "on_date": QCoreApplication.translate("TransformationLabels", "On a date"),
        "after_effect": QCoreApplication.translate(
            "TransformationLabels", "Months after the contract takes effect"
        ),
        "after_revenue": QCoreApplication.translate(
            "TransformationLabels", "Months after revenue starts"
        ),
    }.get(code, code)


def share_transfer_mode(code: str) -> str:
    return {
        "resource_fee": QCoreApplication.translate("TransformationLabels", "One-time resource fee"),
        "agreed_return": QCoreApplication.translate(
            "TransformationLabels", "Grant with an agreed return"
        ),
    }.get(code, code)


def stage(code: str) -> str:
    return {
        "proof_of_concept": QCoreApplication.translate("TransformationLabels", "Proof of concept"),
        "pilot": QCoreApplication.translate("TransformationLabels", "Pilot"),
        "industrialisation": QCoreApplication.translate(
            "TransformationLabels", "Industrialisation"
        ),
    }.get(code, code)


def ownership(code: str) -> str:
    return {
        "state_wholly": QCoreApplication.translate("TransformationLabels", "Wholly state-owned"),
        "state_controlled": QCoreApplication.translate("TransformationLabels", "State-controlled"),
        "non_state": QCoreApplication.translate("TransformationLabels", "Not state-owned"),
    }.get(code, code)


def size(code: str) -> str:
    return {
        "large": QCoreApplication.translate("TransformationLabels", "Large enterprise"),
        "medium": QCoreApplication.translate("TransformationLabels", "Medium enterprise"),
        "small": QCoreApplication.translate("TransformationLabels", "Small enterprise"),
        "micro": QCoreApplication.translate("TransformationLabels", "Micro enterprise"),
    }.get(code, code)


def region(code: str) -> str:
    return {
        "domestic": QCoreApplication.translate("TransformationLabels", "Domestic"),
        "overseas": QCoreApplication.translate("TransformationLabels", "Abroad"),
    }.get(code, code)


def ledger_kind(code: str) -> str:
    return {
        "receivable": QCoreApplication.translate("TransformationLabels", "Receivable"),
        "receipt": QCoreApplication.translate("TransformationLabels", "Receipt"),
        "payment": QCoreApplication.translate("TransformationLabels", "Payment"),
        "equity": QCoreApplication.translate("TransformationLabels", "Equity held"),
    }.get(code, code)


def appraisal(code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("TransformationLabels", "Not decided yet")
    return {
        "appraised": QCoreApplication.translate("TransformationLabels", "Appraised"),
        "not_required": QCoreApplication.translate(
            "TransformationLabels", "Not required (wholly state-owned buyer)"
        ),
        "waived": QCoreApplication.translate(
            "TransformationLabels", "Not appraised, by the unit's decision"
        ),
    }.get(code, code)


def transformation_rule_name(rule_id: str) -> str | None:
    """A rule raised by the transformations' domain and services, in a few words; None for
    any other rule. (Imports nothing from ``labels``, so ``labels.rule_name`` may use it.)"""
    return {
        "E_PAY_LATER_SIZE": QCoreApplication.translate(
            "TransformationLabels", "Pay-later licences for small, medium and micro firms"
        ),
        "E_PRICING_NOT_DONE": QCoreApplication.translate(
            "TransformationLabels", "Pricing procedure first"
        ),
        "E_NOTICE_RUNNING": QCoreApplication.translate(
            "TransformationLabels", "Notice period running"
        ),
        "E_LISTING_RUNNING": QCoreApplication.translate(
            "TransformationLabels", "Listing period running"
        ),
        "E_APPRAISAL_NOT_EXEMPT": QCoreApplication.translate(
            "TransformationLabels", "Appraisal exemption"
        ),
        "E_SURPLUS_SHARE_BELOW_90": QCoreApplication.translate(
            "TransformationLabels", "Researchers' share of at least 90%"
        ),
        "E_SHARE_TRANSFER_NEEDS_GRANT": QCoreApplication.translate(
            "TransformationLabels", "Retained-share transfer needs a grant"
        ),
        "E_CALENDAR_MISSING": QCoreApplication.translate("TransformationLabels", "Holiday table"),
    }.get(rule_id)


def rule_name(rule_id: str) -> str:
    """Any rule: those of issue 6 here, the others (the gates') as ``labels.rule_name`` names
    them."""
    from desktop.ui import labels  # labels may come to import this module

    return transformation_rule_name(rule_id) or labels.rule_name(rule_id)
