"""The pricing procedure of measure 四 as a state machine, and the life of the contract after it.

    appraisal ──record_appraisal──▶ priced
    priced ──start_notice (协议定价)──▶ notice ──close_notice (期满无异议)──▶ cleared
                                        └──object (异议)──▶ objected ──start_listing──▶ listing
    priced ──start_listing (挂牌交易)──▶ listing ──listing_taken (摘牌)──▶ cleared
                                            └──listing_lapsed (半个月无人摘牌)──▶ cleared (协议价)
                                                                              or priced (直接挂牌)
    priced ──record_auction (拍卖)──▶ cleared
    cleared ──sign──▶ signed ──complete──▶ completed
    (forms outside measure 四: priced ──sign──▶ signed)
    any state before completed ──terminate──▶ terminated

Each event is allowed from some states only, and some have a guard on dates: the notice must have
run out, the listing must have lapsed. ``next_step`` says what comes next and from which date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.calendar import Calendar, Deadline, calendar_days
from desktop.domain.dates import format_cn_date
from desktop.domain.rules import rule
from desktop.errors import RuleViolation, ValidationError

STATES = (
    "appraisal",
    "priced",
    "notice",
    "objected",
    "listing",
    "cleared",
    "signed",
    "completed",
    "terminated",
)
EVENTS = (
    "record_appraisal",
    "start_notice",
    "close_notice",
    "object",
    "start_listing",
    "listing_taken",
    "listing_lapsed",
    "record_auction",
    "sign",
    "complete",
    "terminate",
)
APPRAISALS = ("appraised", "not_required", "waived")  # 评估 / 国有全资受让方免评估 / 单位决定不评估
MEASURE_4 = "辽科发〔2025〕6号 第（四）条"
APPRAISAL_SOURCE = (
    "《事业单位国有资产管理暂行办法》（财政部令第100号）；辽科发〔2025〕6号 第（四）条"
)

TRANSITIONS: dict[str, dict[str, str]] = {
    "appraisal": {"record_appraisal": "priced", "terminate": "terminated"},
    "priced": {
        "start_notice": "notice",
        "start_listing": "listing",
        "record_auction": "cleared",
        "sign": "signed",  # only for forms outside measure 四 (guarded)
        "terminate": "terminated",
    },
    "notice": {"close_notice": "cleared", "object": "objected", "terminate": "terminated"},
    "objected": {"start_listing": "listing", "terminate": "terminated"},
    "listing": {
        "listing_taken": "cleared",
        "listing_lapsed": "cleared",  # or back to priced for a direct listing (see ``apply``)
        "terminate": "terminated",
    },
    "cleared": {"sign": "signed", "terminate": "terminated"},
    "signed": {"complete": "completed", "terminate": "terminated"},
    "completed": {},
    "terminated": {},
}
assert set(TRANSITIONS) == set(STATES)
assert {e for events in TRANSITIONS.values() for e in events} == set(EVENTS)
# Which method each event belongs to (events of no method are open to all).
METHOD_EVENTS = {
    "start_notice": "negotiated",
    "close_notice": "negotiated",
    "object": "negotiated",
    "record_auction": "auction",
}


@dataclass(frozen=True)
class Procedure:
    """Where a transformation stands: its state and the dates that guard the next steps."""

    state: str
    method: str | None  # None: a form outside measure 四
    notice_end: str | None = None  # ISO, the last day of the notice
    listing_end: str | None = None  # ISO, the last day of the listing
    objected: bool = False  # the listing follows an objection to the negotiated price


def listing_days() -> int:
    return int(rule("liaoning.listing.half_month_days").value)


def notice_deadline(start: dt.date, days: int, calendar: Calendar) -> Deadline:
    return calendar_days(start, days, calendar)


def listing_deadline(start: dt.date, calendar: Calendar) -> Deadline:
    return calendar_days(start, listing_days(), calendar)


def allowed_events(procedure: Procedure) -> list[str]:
    """The events the state allows for this method (dates aside)."""
    found = []
    for event in TRANSITIONS[procedure.state]:
        wanted = METHOD_EVENTS.get(event)
        if wanted is not None and procedure.method != wanted:
            continue
        if (
            event == "start_listing"
            and procedure.state == "priced"
            and procedure.method != "listing"
        ):
            continue
        if event == "sign" and procedure.state == "priced" and procedure.method is not None:
            continue
        found.append(event)
    return found


def apply(procedure: Procedure, event: str, *, on: dt.date) -> str:
    """The state after ``event`` on day ``on``; RuleViolation (with measure 四) when the
    procedure does not allow it yet, ValidationError when the state does not allow it at all."""
    if event not in allowed_events(procedure):
        if event == "sign" and procedure.state in (
            "appraisal",
            "priced",
            "notice",
            "objected",
            "listing",
        ):
            raise RuleViolation(
                f"定价程序尚未完成（当前：{STATE_NAMES[procedure.state]}），合同不能标记为已签订。",
                "E_PRICING_NOT_DONE",
                MEASURE_4,
            )
        raise ValidationError(
            "event", f"当前环节（{STATE_NAMES[procedure.state]}）不能进行该操作。"
        )
    if event == "close_notice":
        assert procedure.notice_end is not None
        end = dt.date.fromisoformat(procedure.notice_end)
        if on <= end:
            raise RuleViolation(
                f"公示期至{format_cn_date(end)}24时届满，届满前不能结束公示。",
                "E_NOTICE_RUNNING",
                MEASURE_4,
            )
    if event == "listing_lapsed":
        assert procedure.listing_end is not None
        end = dt.date.fromisoformat(procedure.listing_end)
        if on <= end:
            raise RuleViolation(
                f"挂牌期至{format_cn_date(end)}24时届满；半个月内仍可能有人摘牌，届满后方可按"
                "协议定价交易。",
                "E_LISTING_RUNNING",
                MEASURE_4,
            )
        if not procedure.objected:
            return "priced"  # a direct listing nobody took: the unit decides anew
    if (
        event == "object"
        and procedure.notice_end is not None
        and on > dt.date.fromisoformat(procedure.notice_end)
    ):
        raise ValidationError("received_on", "公示期已届满，不能再登记异议。")
    return TRANSITIONS[procedure.state][event]


def check_appraisal(
    decision: str, basis: str, *, state_owned_buyer: bool, value_fen: int | None
) -> None:
    """Measure 四: appraisal is not required for a wholly state-owned buyer; otherwise the unit
    decides. The decision and its basis are recorded."""
    if decision not in APPRAISALS:
        raise ValidationError("appraisal", "请选择是否进行资产评估。")
    if not basis.strip():
        raise ValidationError(
            "appraisal_basis", "请写明评估决定的依据（如决策记录、单位制度条款）。"
        )
    if decision == "not_required" and not state_owned_buyer:
        raise RuleViolation(
            "只有受让方为国有全资企业时才可以“免于评估”；其他情形请选择进行评估，或由单位"
            "决定不评估并写明依据。",
            "E_APPRAISAL_NOT_EXEMPT",
            APPRAISAL_SOURCE,
        )
    if decision == "appraised" and (value_fen is None or value_fen <= 0):
        raise ValidationError("appraised_value", "请填写评估值。")


STATE_NAMES = {
    "appraisal": "资产评估决定",
    "priced": "确定定价方式",
    "notice": "协议定价公示",
    "objected": "公示有异议",
    "listing": "技术市场挂牌",
    "cleared": "定价完成",
    "signed": "合同已签订",
    "completed": "履行完毕",
    "terminated": "已终止",
}
assert set(STATE_NAMES) == set(STATES)


def path(method: str | None) -> tuple[str, ...]:
    """The states a procedure of this method passes through, in order (for the diagram)."""
    if method is None:
        return ("appraisal", "priced", "signed", "completed")
    if method == "negotiated":
        return (
            "appraisal",
            "priced",
            "notice",
            "objected",
            "listing",
            "cleared",
            "signed",
            "completed",
        )
    if method == "listing":
        return ("appraisal", "priced", "listing", "cleared", "signed", "completed")
    return ("appraisal", "priced", "cleared", "signed", "completed")


def next_step(procedure: Procedure, today: dt.date) -> str:
    """What comes next, in words, with the date it may happen from."""
    s = procedure.state
    if s == "appraisal":
        return "记录资产评估决定及依据"
    if s == "priced":
        return {
            "negotiated": "在本单位公示成果名称和拟交易价格",
            "listing": "在技术市场挂牌",
            "auction": "记录拍卖结果",
            None: "签订合同",
        }[procedure.method]
    if s == "notice":
        assert procedure.notice_end is not None
        end = dt.date.fromisoformat(procedure.notice_end)
        after = end + dt.timedelta(days=1)
        if today > end:
            return "公示期满无异议，可结束公示"
        return f"公示中，{format_cn_date(after)}起可结束公示（期间收到异议的转入挂牌）"
    if s == "objected":
        return "公示有异议：在技术市场挂牌交易"
    if s == "listing":
        assert procedure.listing_end is not None
        end = dt.date.fromisoformat(procedure.listing_end)
        after = end + dt.timedelta(days=1)
        if today > end:
            return (
                "挂牌期满无人摘牌，可按协议定价交易" if procedure.objected else "挂牌期满无人摘牌"
            )
        return f"挂牌中，{format_cn_date(after)}起无人摘牌的，按协议定价交易"
    if s == "cleared":
        return "签订合同"
    if s == "signed":
        return "履行合同，登记收款"
    return ""
