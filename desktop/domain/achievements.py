"""The achievement record (measures 一, 五 and 十五): what it is, who made it, what protects it,
how secret it is, and where it stands in its life cycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from desktop.domain import ip_numbers, secrecy
from desktop.domain.accounts import CLEARANCES
from desktop.errors import ValidationError

KINDS = (
    "invention_patent",  # 发明专利
    "utility_model",  # 实用新型
    "design",  # 外观设计
    "software_copyright",  # 软件著作权
    "ic_layout",  # 集成电路布图设计
    "plant_variety",  # 植物新品种
    "biomedical_variety",  # 生物医药新品种
    "know_how",  # 技术秘密
    "other",
)
# The types as published documents name them (PDFs, spreadsheets), whatever the UI's language.
KIND_NAMES = {
    "invention_patent": "发明专利",
    "utility_model": "实用新型",
    "design": "外观设计",
    "software_copyright": "软件著作权",
    "ic_layout": "集成电路布图设计",
    "plant_variety": "植物新品种",
    "biomedical_variety": "生物医药新品种",
    "know_how": "技术秘密",
    "other": "其他",
}
assert tuple(KIND_NAMES) == KINDS
FUNDING_TYPES = ("vertical", "horizontal", "self")  # 纵向项目 / 横向项目 / 自筹
COMPLETER_ROLES = ("lead", "member")  # 负责人 / 成员
ETHICS_STATUSES = ("not_needed", "pending", "approved", "rejected")

# 登记 → 评估定价 → 公示 → 交易 → 已转化 / 终止. Only the action that causes a change may make it.
STATUSES = ("registered", "pricing", "publicity", "trading", "transformed", "terminated")
TRANSITIONS: dict[str, dict[str, str]] = {
    "registered": {"start_pricing": "pricing", "terminate": "terminated"},
    "pricing": {
        "start_publicity": "publicity",
        "start_trading": "trading",
        "terminate": "terminated",
    },
    "publicity": {
        "start_trading": "trading",
        "back_to_pricing": "pricing",
        "terminate": "terminated",
    },
    "trading": {"complete": "transformed", "back_to_pricing": "pricing", "terminate": "terminated"},
    "transformed": {},
    "terminated": {"reopen": "registered"},
}

TITLE_MAX = 200
ABSTRACT_MAX = 5000
KEYWORDS_MAX = 10
KEYWORD_MAX = 30
SHARE_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Completer:
    person_id: int
    role: str
    share: Decimal  # percent, two places; all completers add up to exactly 100


@dataclass(frozen=True)
class IpRight:
    number: str  # as validated by desktop.domain.ip_numbers for the achievement's kind
    applied_on: str | None = None  # ISO dates
    granted_on: str | None = None
    expires_on: str | None = None


@dataclass(frozen=True)
class AchievementDraft:
    title: str
    abstract: str
    keywords: tuple[str, ...]
    kind: str
    department_id: int | None
    funding_type: str
    funding_ref: str  # project number (纵向) or contract number (横向); empty for 自筹
    completers: tuple[Completer, ...]
    ip_rights: tuple[IpRight, ...] = ()
    level: str = "public"
    secrecy_mark: str = ""  # rendered mark, e.g. 机密★10年 (desktop.domain.secrecy), above 内部
    negative_list: bool = False  # measure (十五): national security etc.
    negative_list_reason: str = ""
    ethics_status: str = "not_needed"
    ethics_approval: str = ""
    ethics_approved_on: str | None = None  # ISO date of the approval; the gates need it
    overseas: bool = False


@dataclass(frozen=True)
class Achievement:
    id: int
    draft: AchievementDraft
    status: str
    created_by: str
    created_at: str
    updated_at: str
    completer_names: tuple[str, ...] = field(default=())


def parse_share(text: str) -> Decimal:
    """A share typed as "33.33", "33.33%" or "３３．３３％"."""
    cleaned = text.strip().translate(_FULL_WIDTH).rstrip("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError("completers", f"贡献份额“{text}”不是数字。") from None
    return value


def validate_achievement(draft: AchievementDraft) -> AchievementDraft:
    """Every field checked, in form order, so the first error is the one the user sees first.
    IP numbers and the secrecy mark are checked by their own modules (the service calls them)."""
    title = draft.title.strip()
    if not title:
        raise ValidationError("title", "请填写成果名称。")
    if len(title) > TITLE_MAX:
        raise ValidationError("title", f"成果名称不能超过 {TITLE_MAX} 个字。")
    abstract = draft.abstract.strip()
    if len(abstract) > ABSTRACT_MAX:
        raise ValidationError("abstract", f"摘要不能超过 {ABSTRACT_MAX} 个字。")
    keywords = _keywords(draft.keywords)
    if draft.kind not in KINDS:
        raise ValidationError("kind", "请选择成果类型。")
    if draft.funding_type not in FUNDING_TYPES:
        raise ValidationError("funding_type", "请选择经费来源。")
    funding_ref = draft.funding_ref.strip()
    if draft.funding_type == "vertical" and not funding_ref:
        raise ValidationError("funding_ref", "纵向项目须填写项目编号。")
    if draft.funding_type == "horizontal" and not funding_ref:
        raise ValidationError("funding_ref", "横向项目须填写合同编号。")
    completers = validate_completers(draft.completers)
    if draft.kind == "know_how" and draft.ip_rights:
        raise ValidationError("ip_rights", "技术秘密没有知识产权登记号，请不要填写。")
    for ip in draft.ip_rights:
        _ip_dates(ip)
    if draft.level not in CLEARANCES:
        raise ValidationError("level", "请选择密级。")
    classified = CLEARANCES.index(draft.level) > CLEARANCES.index("internal")
    if classified and not draft.secrecy_mark.strip():
        raise ValidationError("secrecy_mark", "涉密成果须填写密级标志（如“机密★10年”）。")
    if not classified and draft.secrecy_mark.strip():
        raise ValidationError("secrecy_mark", "公开或内部成果不标密级标志。")
    reason = draft.negative_list_reason.strip()
    if draft.negative_list and not reason:
        raise ValidationError("negative_list_reason", "列入负面清单须写明理由（如涉及国家安全）。")
    if draft.ethics_status not in ETHICS_STATUSES:
        raise ValidationError("ethics_status", "请选择伦理审查状态。")
    approval = draft.ethics_approval.strip()
    if draft.ethics_status == "approved" and not approval:
        raise ValidationError("ethics_approval", "伦理审查已通过的，须填写批件号。")
    approved_on = draft.ethics_approved_on if draft.ethics_status == "approved" else None
    if approved_on:
        try:
            dt.date.fromisoformat(approved_on)
        except ValueError:
            raise ValidationError("ethics_approved_on", "伦理审查批准日期不是有效日期。") from None
    return AchievementDraft(
        title=title,
        abstract=abstract,
        keywords=keywords,
        kind=draft.kind,
        department_id=draft.department_id,
        funding_type=draft.funding_type,
        funding_ref=funding_ref,
        completers=completers,
        ip_rights=draft.ip_rights,
        level=draft.level,
        secrecy_mark=draft.secrecy_mark.strip(),
        negative_list=draft.negative_list,
        negative_list_reason=reason if draft.negative_list else "",
        ethics_status=draft.ethics_status,
        ethics_approval=approval,
        ethics_approved_on=approved_on or None,
        overseas=draft.overseas,
    )


def validate_completers(completers: tuple[Completer, ...]) -> tuple[Completer, ...]:
    if not completers:
        raise ValidationError("completers", "请至少填写一名完成人。")
    seen: set[int] = set()
    cleaned = []
    for c in completers:
        if c.person_id in seen:
            raise ValidationError("completers", "同一人不能重复列为完成人。")
        seen.add(c.person_id)
        if c.role not in COMPLETER_ROLES:
            raise ValidationError("completers", "请选择完成人的角色。")
        if not c.share.is_finite() or c.share <= 0:
            raise ValidationError("completers", "每名完成人的贡献份额须大于 0。")
        if c.share != c.share.quantize(SHARE_PLACES):
            raise ValidationError("completers", "贡献份额最多保留两位小数。")
        cleaned.append(Completer(c.person_id, c.role, c.share.quantize(SHARE_PLACES)))
    total = sum((c.share for c in cleaned), Decimal(0))
    if total != HUNDRED:
        raise ValidationError(
            "completers", f"贡献份额合计须恰好为 100%，现为 {total.normalize():f}%。"
        )
    if not any(c.role == "lead" for c in cleaned):
        raise ValidationError("completers", "请指定一名负责人。")
    return tuple(cleaned)


def next_status(current: str, event: str) -> str:
    """The status an action leads to; an action the life cycle does not allow is refused."""
    allowed = TRANSITIONS.get(current, {})
    if event not in allowed:
        raise ValidationError("status", "当前状态下不能进行该操作。")
    return allowed[event]


def snapshot(draft: AchievementDraft) -> dict[str, object]:
    """What the audit log records (shares as text, so the exact decimal survives JSON)."""
    return {
        "title": draft.title,
        "abstract": draft.abstract,
        "keywords": list(draft.keywords),
        "kind": draft.kind,
        "department_id": draft.department_id,
        "funding_type": draft.funding_type,
        "funding_ref": draft.funding_ref,
        "completers": [
            {"person_id": c.person_id, "role": c.role, "share": f"{c.share:f}"}
            for c in draft.completers
        ],
        "ip_rights": [
            {
                "number": ip.number,
                "applied_on": ip.applied_on,
                "granted_on": ip.granted_on,
                "expires_on": ip.expires_on,
            }
            for ip in draft.ip_rights
        ],
        "level": draft.level,
        "secrecy_mark": draft.secrecy_mark,
        "negative_list": draft.negative_list,
        "negative_list_reason": draft.negative_list_reason,
        "ethics_status": draft.ethics_status,
        "ethics_approval": draft.ethics_approval,
        "ethics_approved_on": draft.ethics_approved_on,
        "overseas": draft.overseas,
    }


# -- helpers --------------------------------------------------------------------------------------
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _keywords(words: tuple[str, ...]) -> tuple[str, ...]:
    cleaned: list[str] = []
    for word in words:
        word = word.strip()
        if not word or word in cleaned:
            continue
        if len(word) > KEYWORD_MAX:
            raise ValidationError("keywords", f"关键词“{word[:10]}…”超过 {KEYWORD_MAX} 个字。")
        cleaned.append(word)
    if len(cleaned) > KEYWORDS_MAX:
        raise ValidationError("keywords", f"关键词不能超过 {KEYWORDS_MAX} 个。")
    return tuple(cleaned)


def _ip_dates(ip: IpRight) -> None:
    dates = {}
    for name, value in (
        ("applied_on", ip.applied_on),
        ("granted_on", ip.granted_on),
        ("expires_on", ip.expires_on),
    ):
        if value:
            try:
                dates[name] = dt.date.fromisoformat(value)
            except ValueError:
                raise ValidationError("ip_rights", f"{ip.number} 的日期格式不对。") from None
    applied, granted, expires = (dates.get(n) for n in ("applied_on", "granted_on", "expires_on"))
    if applied and granted and granted < applied:
        raise ValidationError("ip_rights", f"{ip.number} 的授权日早于申请日。")
    if expires and (granted or applied) and expires <= (granted or applied):  # type: ignore[operator]
        raise ValidationError("ip_rights", f"{ip.number} 的到期日不晚于申请或授权日。")


# -- the list -------------------------------------------------------------------------------------
SORT_KEYS = ("id", "title", "kind", "status", "level", "department", "year", "lead")


@dataclass(frozen=True)
class AchievementQuery:
    """What the list shows: a search text and filters (None: any), sorted by one column."""

    text: str = ""
    kind: str | None = None
    status: str | None = None
    level: str | None = None
    department_id: int | None = None
    year: int | None = None  # the year it was registered
    pool: bool | None = None  # True: pay-later pool candidates (not excluded); False: the others
    sort: str = "id"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.sort not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.sort!r}")


@dataclass(frozen=True)
class AchievementRow:
    """One line of the list: only what the table shows."""

    id: int
    title: str
    kind: str
    status: str
    level: str
    department: str
    year: int
    lead: str  # the lead completer's name
    ip_numbers: str  # joined for display


# -- numbers and marks ------------------------------------------------------------------------
IP_NUMBER_MAX = 64


def validate_registration(draft: AchievementDraft, *, today: dt.date) -> AchievementDraft:
    """``validate_achievement`` plus the IP numbers for the record's type and the secrecy mark
    for its level, both returned in their standard written form."""
    draft = validate_achievement(draft)
    if draft.ethics_approved_on and dt.date.fromisoformat(draft.ethics_approved_on) > today:
        raise ValidationError("ethics_approved_on", "伦理审查批准日期不能晚于今天。")
    rights = []
    for ip in draft.ip_rights:
        number = _ip_number(ip.number, draft.kind, today)
        rights.append(IpRight(number, ip.applied_on, ip.granted_on, ip.expires_on))
    numbers = [r.number for r in rights]
    if len(set(numbers)) != len(numbers):
        raise ValidationError("ip_rights", "同一登记号填写了两次。")
    mark = draft.secrecy_mark
    if mark:
        try:
            parsed = secrecy.validate_mark(secrecy.parse(mark, issued_on=today))
        except ValidationError as e:  # the form has one field for the whole mark
            raise ValidationError("secrecy_mark", e.message) from None
        if parsed.level != draft.level:
            raise ValidationError("secrecy_mark", "密级标志中的密级与所选密级不一致。")
        mark = secrecy.render(parsed)
    return replace(draft, ip_rights=tuple(rights), secrecy_mark=mark)


@dataclass(frozen=True)
class IpHolder:
    """The record an IP number is already registered to, and whether the user may see it."""

    number: str
    achievement_id: int
    visible: bool


def ip_taken(holder: IpHolder) -> str:
    """Why a record may not take an IP number another record holds: one IP right is one
    achievement, or its income and rewards would be counted twice. A record the user may not see
    is not named (that such a record exists is all the message gives away)."""
    where = f"成果 {holder.achievement_id} " if holder.visible else "另一项成果"
    return f"登记号 {holder.number} 已登记在{where}中，同一知识产权只能登记一次。"


def first_holders(numbered: Sequence[tuple[int, Sequence[str]]]) -> dict[int, list[str]]:
    """Within one batch (e.g. an import file): for each row after the first with a number, the
    messages naming the row that has it first. ``numbered``: (row, IP numbers) in file order."""
    seen: dict[str, int] = {}
    problems: dict[int, list[str]] = {}
    for row, numbers in numbered:
        for number in numbers:
            if number in seen:
                problems.setdefault(row, []).append(
                    f"登记号 {number} 与第 {seen[number]} 行重复，同一知识产权只能登记一次。"
                )
            else:
                seen[number] = row
    return problems


def _ip_number(number: str, kind: str, today: dt.date) -> str:
    field = "ip_rights"
    if kind in ("invention_patent", "utility_model", "design"):
        return ip_numbers.validate_patent_application_number(
            number, declared_kind=kind, today=today, field=field
        )
    if kind == "software_copyright":
        return ip_numbers.validate_software_registration_number(number, today=today, field=field)
    if kind == "ic_layout":
        return ip_numbers.validate_layout_design_number(number, field=field)
    if kind == "plant_variety":
        return ip_numbers.validate_plant_variety_number(number, today=today, field=field)
    cleaned = number.strip()
    if not cleaned:
        raise ValidationError(field, "请填写登记号或证书号。")
    if len(cleaned) > IP_NUMBER_MAX:
        raise ValidationError(field, f"登记号不能超过 {IP_NUMBER_MAX} 个字符。")
    return cleaned
