"""Rights grants (赋权, measure 一): ownership shared by the unit and the team, or a long-term use
right of at least ten years; its publicity, objections, amendments and the ownership-change
filings that follow it.

A grant's history is kept, never rewritten: an extension or a conversion of a use right into
ownership is an amendment, and the grant as it stands now is the original with its amendments
applied in order (``current``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.dates import add_years, format_cn_date
from desktop.domain.rules import rule
from desktop.errors import RuleViolation, ValidationError

KINDS = ("ownership", "use_right")
KIND_NAMES = {"ownership": "所有权", "use_right": "长期使用权"}
STATUSES = ("draft", "publicity", "effective", "withdrawn")
AMENDMENT_KINDS = ("extension", "conversion")
OBJECTION_STATUSES = ("open", "dismissed", "upheld")
FILING_KINDS = ("patent_right", "application_right", "other_registration")
FILING_NAMES = {
    "patent_right": "专利权转移登记（专利权属变更）",
    "application_right": "专利申请权转移登记（申请权变更）",
    "other_registration": "权属变更登记",
}
PATENT_KINDS = frozenset({"invention_patent", "utility_model", "design"})
SHARE_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
TEXT_MAX = 2000
NOTE_MAX = 500

MEASURE_1 = "辽科发〔2025〕6号 第（一）条"
PUBLICITY_SOURCE = "单位赋权管理制度（公示期为单位设置，默认15日，国家未规定，未经核实）"


@dataclass(frozen=True)
class TeamShare:
    person_id: int
    share: Decimal  # percent of the team's part, two places; all add up to exactly 100


@dataclass(frozen=True)
class GrantDraft:
    achievement_id: int
    kind: str
    team: tuple[TeamShare, ...]
    unit_share: Decimal | None = None  # ownership: unit + team = 100
    team_share: Decimal | None = None
    term_start: str | None = None  # use right: ISO dates
    term_end: str | None = None
    overseas: bool = False  # a party abroad: the export check applies
    # What 国科发区〔2020〕128号 asks the written agreement to settle (legal-rules 5.3).
    revenue_terms: str = ""  # 收益分配
    decision_terms: str = ""  # 决策机制
    cost_terms: str = ""  # 费用分担，含知识产权维持费用


@dataclass(frozen=True)
class Objection:
    id: int
    received_on: str
    objector: str
    content: str
    status: str = "open"
    resolved_on: str | None = None
    resolution: str = ""


@dataclass(frozen=True)
class Amendment:
    id: int
    seq: int
    kind: str
    doc_no: str
    signed_on: str
    new_term_end: str | None = None  # extension
    unit_share: Decimal | None = None  # conversion
    team_share: Decimal | None = None
    note: str = ""
    created_by: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class ChangeFiling:
    """The patent-ownership or application-right change a grant of ownership calls for."""

    id: int
    kind: str
    ip_number: str
    opened_on: str  # the day the grant (or the conversion) took effect
    filed_on: str | None = None
    notice_no: str = ""  # CNIPA 手续合格通知书 number
    completed_on: str | None = None

    @property
    def done(self) -> bool:
        return self.completed_on is not None


@dataclass(frozen=True)
class RightsGrant:
    id: int
    doc_no: str
    draft: GrantDraft
    status: str
    level: str  # the achievement's, when the grant was drafted
    secrecy_mark: str
    created_by: str
    created_at: str
    updated_at: str
    achievement_title: str = ""
    publicity_start: str | None = None
    publicity_days: int | None = None
    effective_on: str | None = None
    withdrawn_reason: str = ""
    objections: tuple[Objection, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    filings: tuple[ChangeFiling, ...] = ()
    team_names: dict[int, str] = field(default_factory=dict)

    @property
    def publicity_end(self) -> dt.date | None:
        if self.publicity_start is None or self.publicity_days is None:
            return None
        return publicity_end(dt.date.fromisoformat(self.publicity_start), self.publicity_days)


@dataclass(frozen=True)
class Terms:
    """A grant as it stands after its amendments."""

    kind: str
    unit_share: Decimal | None
    team_share: Decimal | None
    term_start: str | None
    term_end: str | None
    converted_on: str | None = None


def current(grant: RightsGrant) -> Terms:
    d = grant.draft
    terms = Terms(d.kind, d.unit_share, d.team_share, d.term_start, d.term_end)
    for amendment in sorted(grant.amendments, key=lambda a: a.seq):
        if amendment.kind == "extension":
            terms = Terms(
                terms.kind, None, None, terms.term_start, amendment.new_term_end, terms.converted_on
            )
        else:
            terms = Terms(
                "ownership",
                amendment.unit_share,
                amendment.team_share,
                terms.term_start,
                terms.term_end,
                amendment.signed_on,
            )
    return terms


# -- validation ---------------------------------------------------------------------------------
def parse_percent(text: str, field: str) -> Decimal:
    from desktop.domain.achievements import parse_share

    try:
        return parse_share(text)
    except ValidationError as e:
        raise ValidationError(field, e.message.replace("贡献份额", "比例")) from None


def validate_shares(
    unit_share: Decimal | None, team_share: Decimal | None
) -> tuple[Decimal, Decimal]:
    for name, field_name, value in (
        ("单位份额", "unit_share", unit_share),
        ("团队份额", "team_share", team_share),
    ):
        if value is None:
            raise ValidationError(field_name, f"请填写{name}。")
        if not value.is_finite() or value < 0 or value > HUNDRED:
            raise ValidationError(field_name, f"{name}须在 0–100% 之间。")
        if value != value.quantize(SHARE_PLACES):
            raise ValidationError(field_name, f"{name}最多保留两位小数。")
    assert unit_share is not None and team_share is not None
    if team_share == 0:
        raise ValidationError("team_share", "所有权赋权须赋予团队一定份额（团队份额须大于 0）。")
    total = unit_share + team_share
    if total != HUNDRED:
        raise ValidationError(
            "team_share",
            f"单位份额与团队份额合计须恰好为 100%，现为 {total.normalize():f}%。",
        )
    return unit_share.quantize(SHARE_PLACES), team_share.quantize(SHARE_PLACES)


def validate_team(team: Sequence[TeamShare], completer_ids: Sequence[int]) -> tuple[TeamShare, ...]:
    """The team is drawn from the achievement's completers; their split adds up to exactly 100."""
    if not team:
        raise ValidationError("team", "请至少选择一名获得赋权的完成人。")
    seen: set[int] = set()
    cleaned: list[TeamShare] = []
    for member in team:
        if member.person_id in seen:
            raise ValidationError("team", "同一人不能重复列入团队。")
        seen.add(member.person_id)
        if member.person_id not in completer_ids:
            raise ValidationError("team", "获得赋权的只能是该成果登记的完成人。")
        if not member.share.is_finite() or member.share <= 0:
            raise ValidationError("team", "团队内每人的份额须大于 0。")
        if member.share != member.share.quantize(SHARE_PLACES):
            raise ValidationError("team", "团队内份额最多保留两位小数。")
        cleaned.append(TeamShare(member.person_id, member.share.quantize(SHARE_PLACES)))
    total = sum((m.share for m in cleaned), Decimal(0))
    if total != HUNDRED:
        raise ValidationError(
            "team", f"团队内各完成人份额合计须恰好为 100%，现为 {total.normalize():f}%。"
        )
    return tuple(cleaned)


def _iso(field_name: str, text: str | None, name: str) -> dt.date:
    if not text:
        raise ValidationError(field_name, f"请填写{name}。")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field_name, f"{name}不是有效日期。") from None


def min_term_end(start: dt.date) -> dt.date:
    """The earliest end of a use right starting on ``start``: ten years on the same day
    (legal-rules D3; 民法典 第201条: the start day is not counted)."""
    return add_years(start, int(rule("liaoning.use_right.min_years").value))


def validate_term(start_text: str | None, end_text: str | None) -> tuple[str, str]:
    start = _iso("term_start", start_text, "使用权期限的起始日")
    end = _iso("term_end", end_text, "使用权期限的终止日")
    years = rule("liaoning.use_right.min_years")
    try:
        earliest = min_term_end(start)
    except ValueError:  # ten years on would pass the year 9999
        raise ValidationError("term_start", "使用权期限的起始日不是有效日期。") from None
    if end < earliest:
        raise ValidationError(
            "term_end",
            f"长期使用权期限不少于{years.value}年：自{format_cn_date(start)}起算，终止日不得早于"
            f"{format_cn_date(earliest)}（{years.source}；起始当日不计入）。",
        )
    return start.isoformat(), end.isoformat()


def _text(field_name: str, value: str, name: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(field_name, f"请写明{name}。")
    if len(value) > TEXT_MAX:
        raise ValidationError(field_name, f"{name}不能超过 {TEXT_MAX} 个字。")
    return value


def validate_grant(draft: GrantDraft, completer_ids: Sequence[int]) -> GrantDraft:
    """Every field in form order; ``completer_ids``: the achievement's completers."""
    if draft.kind not in KINDS:
        raise ValidationError("kind", "请选择赋权方式（所有权或长期使用权）。")
    unit_share = team_share = None
    term_start = term_end = None
    if draft.kind == "ownership":
        unit_share, team_share = validate_shares(draft.unit_share, draft.team_share)
    else:
        term_start, term_end = validate_term(draft.term_start, draft.term_end)
    team = validate_team(draft.team, completer_ids)
    return GrantDraft(
        achievement_id=draft.achievement_id,
        kind=draft.kind,
        team=team,
        unit_share=unit_share,
        team_share=team_share,
        term_start=term_start,
        term_end=term_end,
        overseas=draft.overseas,
        revenue_terms=_text("revenue_terms", draft.revenue_terms, "收益分配方式"),
        decision_terms=_text("decision_terms", draft.decision_terms, "决策机制"),
        cost_terms=_text("cost_terms", draft.cost_terms, "费用分担（含知识产权维持费用）"),
    )


# -- publicity and taking effect -----------------------------------------------------------------
def publicity_end(start: dt.date, days: int) -> dt.date:
    """The last day of a publicity of ``days`` calendar days starting on ``start``: the start day
    is not counted and the period ends at 24:00 of this day (legal-rules D1)."""
    return start + dt.timedelta(days=days)


def validate_publicity_start(start_text: str | None, *, today: dt.date) -> dt.date:
    start = _iso("publicity_start", start_text, "公示开始日期")
    if start > today + dt.timedelta(days=366):
        raise ValidationError("publicity_start", "公示开始日期距今不能超过一年。")
    return start


def require_can_take_effect(grant: RightsGrant, on: dt.date) -> None:
    """The notice has ended and no objection is open or upheld; RuleViolation otherwise."""
    if grant.status != "publicity":
        raise RuleViolation(
            "赋权决定须先公示，公示期满且无异议后方可生效。",
            "E_GRANT_NOT_PUBLICISED",
            PUBLICITY_SOURCE,
        )
    end = grant.publicity_end
    assert end is not None
    if on <= end:
        raise RuleViolation(
            f"公示期至{format_cn_date(end)}24时届满，{format_cn_date(end + dt.timedelta(days=1))}起"
            "方可生效（公示期内不得生效）。",
            "E_GRANT_PUBLICITY_RUNNING",
            PUBLICITY_SOURCE,
        )
    open_ones = [o for o in grant.objections if o.status == "open"]
    if open_ones:
        raise RuleViolation(
            f"公示期间收到的异议尚有 {len(open_ones)} 项未处理，处理完毕前赋权不能生效。",
            "E_GRANT_OBJECTION_OPEN",
            PUBLICITY_SOURCE,
        )
    if any(o.status == "upheld" for o in grant.objections):
        raise RuleViolation(
            "有异议经核实成立，赋权不能按公示内容生效；请撤回或修改后重新公示。",
            "E_GRANT_OBJECTION_UPHELD",
            PUBLICITY_SOURCE,
        )


def validate_objection(
    received_on: str | None, objector: str, content: str, grant: RightsGrant, *, today: dt.date
) -> tuple[str, str, str]:
    if grant.status != "publicity":
        raise ValidationError("received_on", "只有公示中的赋权可以登记异议。")
    received = _iso("received_on", received_on, "收到异议的日期")
    assert grant.publicity_start is not None
    if received < dt.date.fromisoformat(grant.publicity_start):
        raise ValidationError("received_on", "收到异议的日期不能早于公示开始日期。")
    if received > today:
        raise ValidationError("received_on", "收到异议的日期不能晚于今天。")
    objector = objector.strip()
    if len(objector) > 100:
        raise ValidationError("objector", "异议人不能超过 100 个字。")
    return received.isoformat(), objector, _text("content", content, "异议内容")


# -- amendments -----------------------------------------------------------------------------------
def validate_extension(
    grant: RightsGrant, new_end_text: str | None, signed_on_text: str | None, *, today: dt.date
) -> tuple[str, str]:
    """A use right is extended to a later end; the unit may extend after the term ends too."""
    terms = current(grant)
    if grant.status != "effective" or terms.kind != "use_right":
        raise ValidationError("new_term_end", "只有已生效的长期使用权可以延长期限。")
    signed = _signed(signed_on_text, grant, today)
    new_end = _iso("new_term_end", new_end_text, "延长后的终止日")
    assert terms.term_end is not None
    if new_end <= dt.date.fromisoformat(terms.term_end):
        raise ValidationError(
            "new_term_end",
            f"延长后的终止日须晚于现有终止日（{format_cn_date(dt.date.fromisoformat(terms.term_end))}）。",
        )
    return new_end.isoformat(), signed.isoformat()


def validate_conversion(
    grant: RightsGrant,
    unit_share: Decimal | None,
    team_share: Decimal | None,
    signed_on_text: str | None,
    *,
    today: dt.date,
) -> tuple[Decimal, Decimal, str]:
    """During the term, by mutual agreement, a use right becomes ownership (measure 一)."""
    terms = current(grant)
    if grant.status != "effective" or terms.kind != "use_right":
        raise ValidationError("signed_on", "只有已生效的长期使用权可以变更为所有权。")
    signed = _signed(signed_on_text, grant, today)
    assert terms.term_start is not None and terms.term_end is not None
    start = dt.date.fromisoformat(terms.term_start)
    end = dt.date.fromisoformat(terms.term_end)
    if not start <= signed <= end:
        raise RuleViolation(
            f"长期使用权变更为所有权须在赋权期间（{format_cn_date(start)}至{format_cn_date(end)}）"
            "经双方协商一致。",
            "E_CONVERSION_OUTSIDE_TERM",
            MEASURE_1,
        )
    unit, team = validate_shares(unit_share, team_share)
    return unit, team, signed.isoformat()


def _signed(text: str | None, grant: RightsGrant, today: dt.date) -> dt.date:
    signed = _iso("signed_on", text, "签订日期")
    if signed > today:
        raise ValidationError("signed_on", "签订日期不能晚于今天。")
    assert grant.effective_on is not None
    if signed < dt.date.fromisoformat(grant.effective_on):
        raise ValidationError("signed_on", "补充协议的签订日期不能早于赋权生效日期。")
    return signed


def clean_note(note: str, field_name: str = "note", *, required: bool = False) -> str:
    note = note.strip()
    if required and not note:
        raise ValidationError(field_name, "请填写说明。")
    if len(note) > NOTE_MAX:
        raise ValidationError(field_name, f"说明不能超过 {NOTE_MAX} 个字。")
    return note


# -- change filings -------------------------------------------------------------------------------
def filings_needed(
    achievement_kind: str, ip_rights: Sequence[tuple[str, str | None]]
) -> list[tuple[str, str]]:
    """(filing kind, IP number) for each right whose ownership changes with the grant:
    a granted patent's right, a pending application's right, other registered rights
    (software, layouts, varieties). Know-how has nothing registered to change."""
    needed: list[tuple[str, str]] = []
    for number, granted_on in ip_rights:
        if achievement_kind in PATENT_KINDS:
            needed.append(("patent_right" if granted_on else "application_right", number))
        else:
            needed.append(("other_registration", number))
    return needed


def validate_filing_step(
    filing: ChangeFiling,
    filed_on: str | None,
    notice_no: str,
    completed_on: str | None,
    *,
    today: dt.date,
) -> tuple[str | None, str, str | None]:
    filed = _iso("filed_on", filed_on, "提交日期") if filed_on else None
    completed = _iso("completed_on", completed_on, "办结日期") if completed_on else None
    notice_no = notice_no.strip()
    opened = dt.date.fromisoformat(filing.opened_on)
    if filed is not None:
        if filed < opened:
            raise ValidationError("filed_on", "提交日期不能早于赋权生效日期。")
        if filed > today:
            raise ValidationError("filed_on", "提交日期不能晚于今天。")
    if completed is not None:
        if filed is None:
            raise ValidationError("filed_on", "请先填写提交日期。")
        if completed < filed:
            raise ValidationError("completed_on", "办结日期不能早于提交日期。")
        if completed > today:
            raise ValidationError("completed_on", "办结日期不能晚于今天。")
        if not notice_no:
            raise ValidationError("notice_no", "办结时请填写国家知识产权局通知书编号。")
    if len(notice_no) > 64:
        raise ValidationError("notice_no", "通知书编号不能超过 64 个字符。")
    return (
        filed.isoformat() if filed else None,
        notice_no,
        completed.isoformat() if completed else None,
    )


def age_days(filing: ChangeFiling, today: dt.date) -> int:
    return (today - dt.date.fromisoformat(filing.opened_on)).days


def snapshot(draft: GrantDraft) -> dict[str, object]:
    """What the audit log records (decimals as text, so they survive JSON exactly)."""

    def text(value: Decimal | None) -> str | None:
        return None if value is None else f"{value:f}"

    return {
        "achievement_id": draft.achievement_id,
        "kind": draft.kind,
        "unit_share": text(draft.unit_share),
        "team_share": text(draft.team_share),
        "team": [{"person_id": m.person_id, "share": f"{m.share:f}"} for m in draft.team],
        "term_start": draft.term_start,
        "term_end": draft.term_end,
        "overseas": draft.overseas,
        "revenue_terms": draft.revenue_terms,
        "decision_terms": draft.decision_terms,
        "cost_terms": draft.cost_terms,
    }
