"""The gates every cooperation on an achievement passes (measure 十五): negative list, secrecy
approval, confidentiality agreements, ethics review and technology export.

One function, ``findings``, says what stands in the way of an action; ``enforce`` turns the first
blocking finding into a ``RuleViolation``. Rights grants use them today; transformations,
licences and filings use the same ones, so a rule is written once. Each finding names its rule and
the rule's source, so the user reads why, not just no.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.dates import format_cn_date
from desktop.domain.secrecy import LEVEL_NAMES, MARKED_LEVELS
from desktop.errors import RuleViolation

ACTIONS = ("grant", "transformation", "pay_later", "ledger")
ACTION_NAMES = {
    "grant": "赋权",
    "transformation": "转化",
    "pay_later": "先使用后付费许可",
    "ledger": "单列管理",
}
# Measure (十五) keeps negative-listed achievements out of these three, not out of transformation.
NEGATIVE_LIST_SCOPE = frozenset({"grant", "pay_later", "ledger"})
EXPORT_CATEGORIES = ("prohibited", "restricted", "free")
EXPORT_CATEGORY_NAMES = {"prohibited": "禁止出口", "restricted": "限制出口", "free": "自由出口"}
PARTY_KINDS = ("enterprise", "individual")


@dataclass(frozen=True)
class GateRule:
    id: str
    source: str
    status: str  # "verified" or "unverified", as in legal-rules.md


MEASURE_15 = "辽科发〔2025〕6号 第（十五）条"
RULES: dict[str, GateRule] = {
    rule.id: rule
    for rule in (
        GateRule("E_NEGATIVE_LIST", MEASURE_15, "verified"),
        GateRule(
            "E_SECRET_NO_APPROVAL",
            f"{MEASURE_15}；《科学技术保密规定》（2015）",
            "verified",
        ),
        GateRule(
            "E_CONFIDENTIALITY_AGREEMENT",
            f"{MEASURE_15}；《保守国家秘密法》2010年版第三十条",
            "verified",
        ),
        GateRule(
            "E_EXPORT_SECRET_REVIEW",
            "《禁止出口限制出口技术管理办法》第五条；《科学技术保密规定》（2015）",
            "verified",
        ),
        GateRule("E_TOP_SECRET_ABROAD", "《科学技术保密规定》（2015）", "unverified"),
        GateRule("E_ETHICS_REVIEW", MEASURE_15, "verified"),
        GateRule("E_EXPORT_CHECK_MISSING", f"{MEASURE_15}；《技术进出口管理条例》", "verified"),
        GateRule(
            "E_EXPORT_PROHIBITED",
            "《禁止出口限制出口技术管理办法》（商务部 科技部令2009年第2号）第三条",
            "verified",
        ),
        GateRule(
            "E_EXPORT_LICENSE_MISSING",
            "《禁止出口限制出口技术管理办法》（商务部 科技部令2009年第2号）第六条",
            "verified",
        ),
        GateRule(
            "W_EXPORT_CONTRACT_REGISTRATION",
            "《技术进出口管理条例》（自由出口技术合同登记）",
            "verified",
        ),
    )
}


@dataclass(frozen=True)
class Finding:
    rule_id: str
    message: str
    blocking: bool  # False: a warning the user sees, which does not stop the action

    @property
    def source(self) -> str:
        return RULES[self.rule_id].source

    @property
    def unverified(self) -> bool:
        return RULES[self.rule_id].status != "verified"

    def text(self) -> str:
        """The message with its source, as a dialog shows it."""
        return f"{self.message}（依据：{self.source}）"


@dataclass(frozen=True)
class Subject:
    """What the gates need to know about the achievement."""

    title: str
    level: str
    negative_list: bool = False
    negative_list_reason: str = ""
    ethics_status: str = "not_needed"
    ethics_approval: str = ""
    ethics_approved_on: str | None = None  # ISO date

    @property
    def classified(self) -> bool:
        return self.level in MARKED_LEVELS


@dataclass(frozen=True)
class Party:
    """An enterprise (credit code) or an individual (身份证号) the unit cooperates with."""

    kind: str
    name: str
    code: str  # normalised credit code or id number; "" when unknown


@dataclass(frozen=True)
class AgreementCover:
    """A confidentiality agreement as the gates see it: whom and what it covers, and whether
    it is in force on the day asked about."""

    doc_no: str
    party: Party
    level: str
    term_start: str  # ISO dates
    term_end: str
    approval_recorded: bool
    terminated: bool = False

    def in_force(self, on: dt.date) -> bool:
        return (
            self.approval_recorded
            and not self.terminated
            and dt.date.fromisoformat(self.term_start) <= on <= dt.date.fromisoformat(self.term_end)
        )

    def covers(self, party: Party, level: str) -> bool:
        return (
            bool(party.code)
            and self.party.kind == party.kind
            and self.party.code == party.code
            and MARKED_LEVELS.index(self.level) >= MARKED_LEVELS.index(level)
        )


@dataclass(frozen=True)
class ExportCheck:
    """The catalogue check of a cooperation with an overseas party."""

    category: str
    catalogue_version: str
    checked_on: str  # ISO date
    licence_no: str = ""
    contract_registration_no: str = ""


@dataclass(frozen=True)
class Cooperation:
    action: str
    subject: Subject
    parties: tuple[Party, ...] = ()
    overseas: bool = False
    secrecy_approved: bool = False
    agreements: tuple[AgreementCover, ...] = ()  # those covering the achievement
    export_check: ExportCheck | None = None


def findings(coop: Cooperation, *, today: dt.date) -> list[Finding]:
    """Everything that stands in the way of the action, blocking findings first."""
    if coop.action not in ACTIONS:
        raise ValueError(coop.action)
    found: list[Finding] = []
    found.extend(_negative_list(coop))
    found.extend(_secrecy(coop, today))
    found.extend(_ethics(coop))
    found.extend(_export(coop))
    return sorted(found, key=lambda f: not f.blocking)


def enforce(coop: Cooperation, *, today: dt.date) -> list[Finding]:
    """Raise ``RuleViolation`` for the first blocking finding; otherwise the warnings."""
    found = findings(coop, today=today)
    for finding in found:
        if finding.blocking:
            raise RuleViolation(finding.text(), finding.rule_id, finding.source)
    return found


def refuse_negative_listed(action: str, subject: Subject) -> None:
    """The negative list alone: checked as soon as a grant is drafted, before anything else
    is known about it."""
    for finding in _negative_list(Cooperation(action, subject)):
        raise RuleViolation(finding.text(), finding.rule_id, finding.source)


def _negative_list(coop: Cooperation) -> Iterable[Finding]:
    subject = coop.subject
    if subject.negative_list and coop.action in NEGATIVE_LIST_SCOPE:
        reason = f"（{subject.negative_list_reason}）" if subject.negative_list_reason else ""
        yield Finding(
            "E_NEGATIVE_LIST",
            f"该成果已列入科技安全负面清单{reason}，暂不纳入{ACTION_NAMES[coop.action]}范围。",
            True,
        )


def _secrecy(coop: Cooperation, today: dt.date) -> Iterable[Finding]:
    subject = coop.subject
    if not subject.classified:
        return
    level = LEVEL_NAMES[subject.level]
    action = ACTION_NAMES[coop.action]
    if coop.overseas and subject.level == "top_secret":
        yield Finding(
            "E_TOP_SECRET_ABROAD",
            "绝密级科学技术秘密原则上不得对境外提供，不能向境外赋权或转化。",
            True,
        )
    if not coop.secrecy_approved:
        if coop.overseas:
            yield Finding(
                "E_EXPORT_SECRET_REVIEW",
                f"该成果为{level}级，向境外{action}须先经保密审查并由保密管理员批准。",
                True,
            )
        else:
            yield Finding(
                "E_SECRET_NO_APPROVAL",
                f"该成果为{level}级，{action}须经保密管理员审批并记录在案。",
                True,
            )
    for party in coop.parties:
        covering = [a for a in coop.agreements if a.covers(party, subject.level)]
        if any(a.in_force(today) for a in covering):
            continue
        who = "企业" if party.kind == "enterprise" else "个人"
        if not party.code:
            detail = "未登记其统一社会信用代码或身份证号，无法核对保密协议"
        elif not covering:
            detail = f"尚未与其签订涵盖本成果、密级不低于{level}的保密协议"
        else:
            detail = "保密协议" + "、".join(_why_not_in_force(a, today) for a in covering)
        yield Finding(
            "E_CONFIDENTIALITY_AGREEMENT",
            f"涉密成果与{who}“{party.name}”合作前，须签订保密协议并完成审批备案：{detail}。",
            True,
        )


def _why_not_in_force(agreement: AgreementCover, today: dt.date) -> str:
    if agreement.terminated:
        return f"{agreement.doc_no}已终止"
    if not agreement.approval_recorded:
        return f"{agreement.doc_no}尚未记录审批备案"
    start = dt.date.fromisoformat(agreement.term_start)
    if today < start:
        return f"{agreement.doc_no}自{format_cn_date(start)}起才生效"
    return f"{agreement.doc_no}已于{format_cn_date(dt.date.fromisoformat(agreement.term_end))}到期"


def _ethics(coop: Cooperation) -> Iterable[Finding]:
    subject = coop.subject
    if subject.ethics_status == "not_needed":
        return
    action = ACTION_NAMES[coop.action]
    if subject.ethics_status == "approved":
        if subject.ethics_approval.strip() and subject.ethics_approved_on:
            return
        missing = "批件号" if not subject.ethics_approval.strip() else "批准日期"
        message = f"该成果须经科技伦理审查，请在成果登记中补充伦理审查{missing}后再{action}。"
    elif subject.ethics_status == "rejected":
        message = f"该成果的科技伦理审查未获通过，不能{action}。"
    else:
        message = f"该成果须经科技伦理审查，审查通过并记录批件号和日期前不能{action}。"
    yield Finding("E_ETHICS_REVIEW", message, True)


def _export(coop: Cooperation) -> Iterable[Finding]:
    if not coop.overseas:
        return
    check = coop.export_check
    action = ACTION_NAMES[coop.action]
    if check is None:
        yield Finding(
            "E_EXPORT_CHECK_MISSING",
            f"向境外{action}须先对照《中国禁止出口限制出口技术目录》完成技术出口核查。",
            True,
        )
        return
    version = f"（目录版本：{check.catalogue_version}）"
    if check.category == "prohibited":
        yield Finding(
            "E_EXPORT_PROHIBITED", f"该技术属于禁止出口技术{version}，不得向境外{action}。", True
        )
    elif check.category == "restricted" and not check.licence_no.strip():
        yield Finding(
            "E_EXPORT_LICENSE_MISSING",
            f"该技术属于限制出口技术{version}，须取得技术出口许可证并记录许可证号。",
            True,
        )
    elif check.category == "free" and not check.contract_registration_no.strip():
        yield Finding(
            "W_EXPORT_CONTRACT_REGISTRATION",
            f"该技术属于自由出口技术{version}，合同生效后须办理技术出口合同登记，登记后请记录登记号。",
            False,
        )


CATALOGUE_VERSION_MAX = 100


def validate_export_check(check: ExportCheck, *, today: dt.date) -> ExportCheck:
    """A catalogue check as recorded: category, catalogue version, date; the licence and the
    registration numbers are kept as typed (their absence is what the gate reports)."""
    from desktop.errors import ValidationError

    if check.category not in EXPORT_CATEGORIES:
        raise ValidationError("category", "请选择目录核查结论（禁止、限制或自由出口）。")
    version = check.catalogue_version.strip()
    if not version:
        raise ValidationError(
            "catalogue_version",
            "请填写所对照的目录版本（如“2023年版，商务部 科技部公告2025年第28号调整”）。",
        )
    if len(version) > CATALOGUE_VERSION_MAX:
        raise ValidationError(
            "catalogue_version", f"目录版本不能超过 {CATALOGUE_VERSION_MAX} 个字。"
        )
    try:
        checked = dt.date.fromisoformat(check.checked_on)
    except ValueError:
        raise ValidationError("checked_on", "请填写核查日期。") from None
    if checked > today:
        raise ValidationError("checked_on", "核查日期不能晚于今天。")
    licence = check.licence_no.strip() if check.category == "restricted" else ""
    registration = check.contract_registration_no.strip() if check.category == "free" else ""
    for name, value in (("licence_no", licence), ("contract_registration_no", registration)):
        if len(value) > 64:
            raise ValidationError(name, "编号不能超过 64 个字符。")
    return ExportCheck(check.category, version, checked.isoformat(), licence, registration)
