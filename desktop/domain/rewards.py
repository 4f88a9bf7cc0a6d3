"""Rewards (奖励和报酬, measure 十二; legal-rules §1–§4, calculation rules C1–C10).

One function, ``calculate``, takes what a calculation needs and returns every figure with the
steps that produced it: each step names its rule, the rule's source and whether the source is
verified. Money is integer fen; a rate applied to money is rounded half up to the fen once, and a
pool is split with the largest-remainder method, so the parts add up to the pool exactly. Ties go
to the lower person number, so the split does not depend on the order people were entered.

Blocking rules raise ``RuleViolation`` with the rule; bad input raises ``ValidationError`` at its
field; everything that only needs attention (a negative net income, rounding of shares, tax
conditions not met) is a warning step in the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from desktop.domain.dates import add_months, format_cn_date
from desktop.domain.rules import Rule, rule
from desktop.domain.transformations import yuan  # one money format for every document
from desktop.errors import RuleViolation, ValidationError

KINDS = ("transfer", "licence", "equity", "implementation", "surplus")
KIND_NAMES = {
    "transfer": "转让",
    "licence": "许可",
    "equity": "作价投资",
    "implementation": "自行实施或合作实施",
    "surplus": "横向结余经费出资转化",
}
UNIT_TAX_TYPES = ("state_funded", "private_nonprofit", "other")
STATES = ("calculated", "notice", "paid", "cancelled")  # 已计算 / 公示中 / 已发放 / 已作废
# The unit's own policy rows (desktop/services/rewards.py reads them as of the calculation day).
UNIT_RULES = (
    "unit.rate.transfer",
    "unit.rate.equity",
    "unit.rate.implementation",
    "unit.deductions",
    "unit.state_established",
)
FORMS = ("cash", "equity")
CENT = Decimal("0.01")
PERF_PAY_SOURCE = "人社部发〔2021〕14号 一；辽科发〔2025〕6号 第（十二）条"


@dataclass(frozen=True)
class Step:
    text: str
    rule_id: str = ""
    source: str = ""
    status: str = ""  # verified / secondary / unverified, as in desktop.domain.rules

    @classmethod
    def of(cls, text: str, used: Rule) -> Step:
        return cls(text, used.id, used.source, used.status)


@dataclass(frozen=True)
class Receipt:
    on: str  # ISO date the unit received the income
    amount_fen: int


@dataclass(frozen=True)
class Deduction:
    kind: str  # one of the unit's allowed deduction types
    amount_fen: int


@dataclass(frozen=True)
class Recipient:
    person_id: int
    name: str
    weight: Decimal  # contribution share (any positive numbers; normalised)
    main: bool = False  # a main contributor (主要贡献人员)
    contributor: bool = True  # made an important contribution (完成或转化)
    leader_type: str = "none"  # none / deputy / principal
    form: str = "cash"  # cash or equity


@dataclass(frozen=True)
class UnitPolicy:
    """The unit's own reward policy (dated, in the vault) as it stood on the calculation day."""

    rate_transfer: Decimal | None = None  # None: no unit rule, the statutory default applies
    rate_equity: Decimal | None = None
    rate_implementation: Decimal | None = None
    allowed_deductions: frozenset[str] = frozenset()
    state_established: bool = True
    tax_type: str = "state_funded"
    source: str = ""  # the unit's document (文号)


@dataclass(frozen=True)
class RewardInput:
    kind: str
    recipients: tuple[Recipient, ...]
    policy: UnitPolicy
    on: str  # ISO: the calculation day (which rule versions apply)
    receipts: tuple[Receipt, ...] = ()
    deductions: tuple[Deduction, ...] = ()
    equity_shares: int | None = None  # equity: shares formed, or
    equity_percent: Decimal | None = None  # capital contribution (%) formed
    profits_fen: tuple[int, ...] = ()  # implementation: operating profit per year
    surplus_returns_fen: int = 0
    surplus_share: Decimal | None = None  # researchers' share of the surplus returns (%)
    principal_equity_approval: str = ""  # approval and document for a principal leader's equity
    contract_registered: bool = False  # technology-contract registration (58号 conditions)
    pay_on: str | None = None  # planned payment day (58号 36-month window)


@dataclass(frozen=True)
class Line:
    person_id: int
    name: str
    main: bool
    leader_type: str
    amount_fen: int = 0  # cash
    shares: int = 0  # equity as shares
    percent: Decimal = Decimal(0)  # equity as capital contribution (%)
    taxable_fen: int = 0  # what counts into the month's wages under 58号
    notes: tuple[Step, ...] = ()


@dataclass(frozen=True)
class RewardResult:
    kind: str
    net_income_fen: int
    rate: Decimal
    pool_fen: int
    pool_shares: int
    pool_percent: Decimal
    lines: tuple[Line, ...]
    steps: tuple[Step, ...]
    warnings: tuple[Step, ...]
    rules_used: tuple[tuple[str, str, str], ...] = field(default=())  # (id, from, value)


def percent_text(rate: Decimal) -> str:
    """0.5 → 50%, 0.655 → 65.5%; a ratio with more places is shown to two decimals."""
    value = rate * 100
    if value != value.quantize(CENT):
        value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{value.normalize():f}%"


def round_fen(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split(total: int, recipients: Sequence[Recipient]) -> list[int]:
    """``total`` units across the recipients by weight: floors, then the units left over one
    each to the largest remainders (ties: lower person number). Exact; none negative."""
    return largest_remainder(
        total, [r.weight for r in recipients], [r.person_id for r in recipients]
    )


def largest_remainder(total: int, weights: Sequence[Decimal], keys: Sequence[int]) -> list[int]:
    """``total`` (≥ 0) across ``weights`` (≥ 0, not all 0); ties go to the lower key."""
    whole = sum(weights, Decimal(0))
    exact = [Decimal(total) * w / whole for w in weights]
    floors = [int(x.to_integral_value(rounding=ROUND_DOWN)) for x in exact]
    left = total - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), keys[i]))
    for i in order[:left]:
        floors[i] += 1
    return floors


class _Calc:
    def __init__(self, data: RewardInput) -> None:
        self.data = data
        self.day = dt.date.fromisoformat(data.on)
        self.steps: list[Step] = []
        self.warnings: list[Step] = []
        self.used: dict[str, Rule] = {}

    def rule(self, rule_id: str) -> Rule:
        found = rule(rule_id, self.day)
        self.used[rule_id] = found
        return found


def calculate(data: RewardInput) -> RewardResult:
    """The reward pool and each person's part, with the steps that explain them."""
    _check_input(data)
    c = _Calc(data)
    net = 0
    rate = Decimal(0)
    pool_fen = pool_shares = 0
    pool_percent = Decimal(0)
    if data.kind in ("transfer", "licence"):
        net = _net_income(c)
        rate = _rate(c, data.policy.rate_transfer, "national.reward.transfer_min_rate")
        pool_fen = round_fen(Decimal(max(net, 0)) * rate)
        c.steps.append(
            Step(
                f"奖励总额 = 净收入 {yuan(max(net, 0))} 元 × {percent_text(rate)} = "
                f"{yuan(pool_fen)} 元（四舍五入到分）",
                "C2",
            )
        )
    elif data.kind == "equity":
        rate = _rate(c, data.policy.rate_equity, "national.reward.equity_min_rate")
        pool_shares, pool_percent = _equity_pool(c, rate)
    elif data.kind == "implementation":
        pool_fen, rate = _implementation(c)
    else:
        pool_fen, rate = _surplus(c)
    lines = _allocate(c, pool_fen, pool_shares, pool_percent)
    lines = _leaders(c, lines)
    lines = _tax_notes(c, lines, pool_fen)
    return RewardResult(
        kind=data.kind,
        net_income_fen=net,
        rate=rate,
        pool_fen=pool_fen,
        pool_shares=pool_shares,
        pool_percent=pool_percent,
        lines=tuple(lines),
        steps=tuple(c.steps),
        warnings=tuple(c.warnings),
        rules_used=tuple(
            (r.id, r.effective_from.isoformat(), str(r.value))
            for r in sorted(c.used.values(), key=lambda r: r.id)
        ),
    )


# -- the pool -----------------------------------------------------------------------------------
def _check_input(data: RewardInput) -> None:
    if data.kind not in KINDS:
        raise ValidationError("kind", "请选择奖励类型。")
    try:
        dt.date.fromisoformat(data.on)
    except ValueError:
        raise ValidationError("on", "请填写计算日期。") from None
    if not data.recipients:
        raise ValidationError("recipients", "请至少填写一名获奖人员。")
    seen: set[int] = set()
    for r in data.recipients:
        if r.person_id in seen:
            raise ValidationError("recipients", f"“{r.name}”重复列入。")
        seen.add(r.person_id)
        if not r.weight.is_finite() or r.weight <= 0:
            raise ValidationError("recipients", f"“{r.name}”的贡献份额须大于 0。")
        if r.form not in FORMS:
            raise ValidationError("recipients", "请选择奖励形式（现金或股权）。")
        if not r.contributor:
            raise RuleViolation(
                f"“{r.name}”未被认定为对成果完成或转化作出重要贡献的人员，不能获得奖励。",
                "E_NOT_CONTRIBUTOR",
                "《促进科技成果转化法》第四十四条、第四十五条；国发〔2016〕16号",
            )
    amounts = [r.amount_fen for r in data.receipts] + [d.amount_fen for d in data.deductions]
    for amount in amounts:
        if not isinstance(amount, int) or amount < 0:
            raise ValidationError("receipts", "金额须为不小于 0 的整数分。")


def _net_income(c: _Calc) -> int:
    """C1: net income = receipts − allowed deductions (legal-rules 1.9: the deduction list is
    the unit's)."""
    data = c.data
    received = sum(r.amount_fen for r in data.receipts)
    for d in data.deductions:
        if d.kind not in data.policy.allowed_deductions:
            raise RuleViolation(
                f"扣除项目“{d.kind}”不在本单位规定可扣除的项目之内"
                f"（可扣除：{'、'.join(sorted(data.policy.allowed_deductions)) or '无'}）。",
                "E_DEDUCTION_TYPE_NOT_ALLOWED",
                f"单位成果转化收益分配办法 {data.policy.source}".strip(),
            )
    deducted = sum(d.amount_fen for d in data.deductions)
    net = received - deducted
    c.steps.append(
        Step(
            f"净收入 = 收入合计 {yuan(received)} 元 − 可扣除费用 {yuan(deducted)} 元"
            f" = {yuan(net)} 元",
            "C1",
            "法律未统一规定净收入口径，按单位规定的扣除项目计算（legal-rules 1.9）",
            "unverified",
        )
    )
    if net < 0:
        c.warnings.append(
            Step("净收入为负数，本次奖励总额为 0；计算结果仍可保存备查。", "E_NET_INCOME_NEGATIVE")
        )
    return net


def _rate(c: _Calc, unit_rate: Decimal | None, floor_id: str) -> Decimal:
    """C2/C3: the unit's rate, or the statutory default; a state-established unit may not go
    below the national or Liaoning floor (legal-rules 1.5)."""
    floor = c.rule(floor_id)
    liaoning = c.rule("liaoning.reward.min_rate")
    minimum = max(Decimal(floor.value), Decimal(liaoning.value))
    if unit_rate is None:
        c.steps.append(
            Step.of(f"单位未规定比例，按法定比例 {percent_text(Decimal(floor.value))}", floor)
        )
        return Decimal(floor.value)
    if not Decimal(0) < unit_rate <= 1:
        raise ValidationError("rate", "奖励比例须在 0–100% 之间。")
    if c.data.policy.state_established and unit_rate < minimum:
        raise RuleViolation(
            f"单位规定的奖励比例 {percent_text(unit_rate)} 低于国家设立的研究开发机构、高等院校"
            f"必须执行的下限 {percent_text(minimum)}。",
            "E_RATE_BELOW_MIN",
            f"{floor.source}；《促进科技成果转化法》第四十五条第二款",
        )
    c.steps.append(
        Step(
            f"按单位规定比例 {percent_text(unit_rate)}（不低于法定下限 {percent_text(minimum)}）",
            "C2",
            c.data.policy.source or "单位成果转化收益分配办法",
            "verified",
        )
    )
    return unit_rate


def _equity_pool(c: _Calc, rate: Decimal) -> tuple[int, Decimal]:
    """C3: the shares (rounded down, with a warning) or the capital percentage formed."""
    data = c.data
    if (data.equity_shares is None) == (data.equity_percent is None):
        raise ValidationError("equity", "请填写作价投资形成的股份数或出资比例（二者选一）。")
    if data.equity_shares is not None:
        if data.equity_shares <= 0:
            raise ValidationError("equity", "股份数须大于 0。")
        exact = Decimal(data.equity_shares) * rate
        shares = int(exact.to_integral_value(rounding=ROUND_DOWN))
        c.steps.append(
            Step(
                f"奖励股份 = {data.equity_shares} 股 × {percent_text(rate)}"
                f" = {exact.normalize():f} 股，向下取整为 {shares} 股",
                "C3",
            )
        )
        if exact != shares:
            c.warnings.append(Step("股份数不足一股的部分已舍去。", "W_EQUITY_ROUNDING"))
        return shares, Decimal(0)
    assert data.equity_percent is not None
    if not Decimal(0) < data.equity_percent <= 100:
        raise ValidationError("equity", "出资比例须在 0–100% 之间。")
    percent = (data.equity_percent * rate).quantize(CENT / 100, rounding=ROUND_DOWN)
    c.steps.append(
        Step(
            f"奖励出资比例 = {data.equity_percent}% × {percent_text(rate)} = {percent}%"
            "（保留四位小数，向下取整）",
            "C3",
        )
    )
    return 0, percent


def _implementation(c: _Calc) -> tuple[int, Decimal]:
    """C4: years 1..N after production starts, 3 ≤ N ≤ 5; each year max(0, profit) × rate."""
    data = c.data
    low = c.rule("national.reward.impl_years_min")
    high = c.rule("national.reward.impl_years_max")
    years = len(data.profits_fen)
    if not int(low.value) <= years <= int(high.value):
        raise RuleViolation(
            f"自行实施或合作实施的奖励期限为投产后连续{low.value}至{high.value}年，现填写了{years}年。",
            "E_IMPL_YEARS_OUT_OF_RANGE",
            low.source,
        )
    rate = _rate(c, data.policy.rate_implementation, "national.reward.impl_min_rate")
    total = 0
    for year, profit in enumerate(data.profits_fen, start=1):
        part = round_fen(Decimal(max(profit, 0)) * rate)
        total += part
        negative = "（为负，按 0 计）" if profit < 0 else ""
        c.steps.append(
            Step(
                f"第{year}年：营业利润 {yuan(profit)} 元"
                f"{negative} × {percent_text(rate)} = {yuan(part)} 元",
                "C4",
            )
        )
    c.steps.append(Step(f"{years}年合计奖励 {yuan(total)} 元", "C4"))
    return total, rate


def _surplus(c: _Calc) -> tuple[int, Decimal]:
    """Measure 三: the researchers' share (≥90% in principle) of the returns."""
    data = c.data
    minimum = c.rule("liaoning.surplus.researcher_share_min")
    share = data.surplus_share
    if share is None or not Decimal(0) < share <= 100:
        raise ValidationError("surplus_share", "请填写科研人员收益比例。")
    if share < Decimal(minimum.value):
        c.warnings.append(
            Step.of(
                f"科研人员收益比例 {share}% 低于 {minimum.value}%：须有转化时记录的理由。", minimum
            )
        )
    rate = share / 100
    pool = round_fen(Decimal(max(data.surplus_returns_fen, 0)) * rate)
    c.steps.append(
        Step.of(
            f"科研人员收益 = 收益 {yuan(data.surplus_returns_fen)} 元 × {share}% = {yuan(pool)} 元",
            minimum,
        )
    )
    return pool, rate


# -- the people --------------------------------------------------------------------------------
def _allocate(c: _Calc, pool_fen: int, shares: int, percent: Decimal) -> list[Line]:
    """C5: the pool across the people by contribution, exact; main contributors ≥ 50%."""
    people = list(c.data.recipients)
    fen = split(pool_fen, people)
    parts = split(shares, people)
    hundredths = split(int(percent * 10000), people)  # in 0.0001% units
    lines = [
        Line(
            p.person_id,
            p.name,
            p.main,
            p.leader_type,
            amount_fen=f,
            shares=s,
            percent=Decimal(h) / 10000,
        )
        for p, f, s, h in zip(people, fen, parts, hundredths, strict=True)
    ]
    whole = sum((p.weight for p in people), Decimal(0))
    c.steps.append(
        Step(
            "按贡献份额分配（"
            + "、".join(f"{p.name} {p.weight}/{whole}" for p in people)
            + "），先取整数分，余下的分依次分给小数部分最大者",
            "C5",
        )
    )
    minimum = c.rule("national.reward.main_contributor_min")
    main_weight = sum((p.weight for p in people if p.main), Decimal(0))
    if main_weight < whole * Decimal(minimum.value):
        raise RuleViolation(
            f"主要贡献人员的奖励份额合计为 {percent_text(main_weight / whole)}，"
            f"低于奖励总额的 {percent_text(Decimal(minimum.value))}。",
            "E_MAIN_CONTRIBUTOR_SHARE",
            minimum.source,
        )
    c.steps.append(
        Step.of(
            f"主要贡献人员合计 {percent_text(main_weight / whole)}，不低于 "
            f"{percent_text(Decimal(minimum.value))}",
            minimum,
        )
    )
    return lines


LEADER_SOURCE = "国发〔2016〕16号 二（七）；辽科发〔2025〕6号 第（十二）条"


def _leaders(c: _Calc, lines: list[Line]) -> list[Line]:
    """C6: a principal leader takes cash, in principle no equity; every leader's reward is
    publicised before it is paid."""
    forms = {r.person_id: r.form for r in c.data.recipients}
    out = []
    for line in lines:
        notes = list(line.notes)
        equity = c.data.kind == "equity" or forms[line.person_id] == "equity"
        if line.leader_type == "principal" and equity:
            approval = c.data.principal_equity_approval.strip()
            if not approval:
                raise RuleViolation(
                    f"“{line.name}”为单位正职领导，原则上不得获得股权激励；确需获得的，须记录审批"
                    "文件后方可计算。",
                    "E_PRINCIPAL_LEADER_EQUITY",
                    LEADER_SOURCE,
                )
            notes.append(Step(f"正职领导获得股权：依据审批文件 {approval}", "C6", LEADER_SOURCE))
        if line.leader_type in ("principal", "deputy"):
            notes.append(
                Step(
                    "领导人员的奖励须公示完毕后方可发放",
                    "E_LEADER_PUBLICITY_MISSING",
                    LEADER_SOURCE,
                )
            )
        out.append(Line(**{**line.__dict__, "notes": tuple(notes)}))
    return out


TAX_SOURCE = "财税〔2018〕58号"


def _tax_notes(c: _Calc, lines: list[Line], pool_fen: int) -> list[Line]:
    """C7 (58号: 50% of an eligible cash reward counts into the month's wages), C8 (equity
    rewards), C10 (performance pay). Notes for the finance office, not a payroll."""
    data = c.data
    share = c.rule("tax.iit.cash_reward_share")
    window = c.rule("tax.iit.window_months")
    failed: list[str] = []
    if data.policy.tax_type not in ("state_funded", "private_nonprofit"):
        failed.append("UNIT")
    if data.kind not in ("transfer", "licence"):
        failed.append("MODE")
    if not data.contract_registered:
        failed.append("CONTRACT_NOT_REGISTERED")
    failed.append("PUBLICITY")  # a calculation always precedes its notice
    reasons = {
        "UNIT": "单位不是非营利性科研机构或高校",
        "MODE": "转化方式不是转让或许可",
        "CONTRACT_NOT_REGISTERED": "技术合同尚未认定登记",
        "PUBLICITY": "奖励尚未公示完毕（公示后方可享受）",
        "WINDOW": "发放日超过取得收入之日起36个月",
    }
    # The 36-month window per receipt: the pool is attributed to the receipts by amount,
    # payments settle the earliest receipt first (legal-rules C7 [U]).
    eligible_fen = pool_fen
    if data.kind in ("transfer", "licence") and data.receipts and data.pay_on:
        pay = dt.date.fromisoformat(data.pay_on)
        ordered = sorted((r for r in data.receipts if r.amount_fen), key=lambda r: r.on)
        portions = (
            largest_remainder(
                pool_fen, [Decimal(r.amount_fen) for r in ordered], list(range(len(ordered)))
            )
            if ordered
            else []
        )
        eligible_fen = 0
        for receipt, portion in zip(ordered, portions, strict=True):
            last = add_months(dt.date.fromisoformat(receipt.on), int(window.value))
            if pay <= last:
                eligible_fen += portion
            else:
                c.warnings.append(
                    Step.of(
                        f"{format_cn_date(dt.date.fromisoformat(receipt.on))}收到的收入对应奖励 "
                        f"{yuan(portion)} 元，发放日晚于{format_cn_date(last)}，不适用减按50%计入",
                        window,
                    )
                )
        if eligible_fen < pool_fen:
            failed.append("WINDOW")
    out = []
    blocking = [f for f in failed if f != "PUBLICITY"]
    for line in lines:
        notes = list(line.notes)
        if line.amount_fen:
            if blocking == ["WINDOW"] or not blocking:
                # in-window part at 50%, the rest in full
                # this person's in-window part, rounded half up (two-way largest remainder)
                part_in = (
                    round_fen(Decimal(line.amount_fen) * eligible_fen / pool_fen) if pool_fen else 0
                )
                taxable = round_fen(Decimal(part_in) * Decimal(share.value)) + (
                    line.amount_fen - part_in
                )
                notes.append(
                    Step.of(
                        f"现金奖励 {yuan(line.amount_fen)} 元中 {yuan(part_in)} 元可减按50%计入"
                        f"当月工资薪金，计入 {yuan(taxable)} 元（须公示完毕后发放）",
                        share,
                    )
                )
            else:
                taxable = line.amount_fen
                why = "；".join(reasons[f] for f in blocking)
                notes.append(
                    Step(
                        f"不适用减按50%计入：{why}；全额 {yuan(taxable)} 元计入当月工资薪金",
                        "W_IIT_RELIEF_" + "_".join(blocking),
                        TAX_SOURCE,
                        "verified",
                    )
                )
            notes.append(
                Step(
                    "计入单位绩效工资总量，但不受总量限制，不作为下一年度绩效工资总量基数，"
                    "不作为社会保险缴费基数",
                    "C10",
                    PERF_PAY_SOURCE,
                    "verified",
                )
            )
        else:
            taxable = 0
        if line.shares or line.percent:
            notes.append(
                Step(
                    "股权奖励：获得时暂不征税，取得分红时按“利息、股息、红利所得”、转让时按"
                    "“财产转让所得”（原值为0）缴纳个人所得税；须为在编正式职工，请财务部门复核",
                    "W_EQUITY_TAX_REVIEW",
                    "财税字〔1999〕45号 第三条；国税发〔1999〕125号",
                    "verified",
                )
            )
        out.append(Line(**{**line.__dict__, "taxable_fen": taxable, "notes": tuple(notes)}))
    return out


# -- stored calculations ------------------------------------------------------------------------
def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


def encode(value: RewardInput | RewardResult) -> dict[str, object]:
    """JSON-ready data (decimals as text, so a stored calculation reads back exactly)."""
    data = _plain(value)
    assert isinstance(data, dict)
    return data


def _dec(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def decode_input(data: dict) -> RewardInput:
    p = data["policy"]
    policy = UnitPolicy(
        rate_transfer=_dec(p["rate_transfer"]),
        rate_equity=_dec(p["rate_equity"]),
        rate_implementation=_dec(p["rate_implementation"]),
        allowed_deductions=frozenset(p["allowed_deductions"]),
        state_established=p["state_established"],
        tax_type=p["tax_type"],
        source=p["source"],
    )
    return RewardInput(
        kind=data["kind"],
        recipients=tuple(
            Recipient(**{**r, "weight": Decimal(r["weight"])}) for r in data["recipients"]
        ),
        policy=policy,
        on=data["on"],
        receipts=tuple(Receipt(**r) for r in data["receipts"]),
        deductions=tuple(Deduction(**d) for d in data["deductions"]),
        equity_shares=data["equity_shares"],
        equity_percent=_dec(data["equity_percent"]),
        profits_fen=tuple(data["profits_fen"]),
        surplus_returns_fen=data["surplus_returns_fen"],
        surplus_share=_dec(data["surplus_share"]),
        principal_equity_approval=data["principal_equity_approval"],
        contract_registered=data["contract_registered"],
        pay_on=data["pay_on"],
    )


def decode_result(data: dict) -> RewardResult:
    def steps(items: list) -> tuple[Step, ...]:
        return tuple(Step(**s) for s in items)

    return RewardResult(
        kind=data["kind"],
        net_income_fen=data["net_income_fen"],
        rate=Decimal(data["rate"]),
        pool_fen=data["pool_fen"],
        pool_shares=data["pool_shares"],
        pool_percent=Decimal(data["pool_percent"]),
        lines=tuple(
            Line(
                **{
                    **line,
                    "percent": Decimal(line["percent"]),
                    "notes": steps(line["notes"]),
                }
            )
            for line in data["lines"]
        ),
        steps=steps(data["steps"]),
        warnings=steps(data["warnings"]),
        rules_used=tuple(tuple(r) for r in data["rules_used"]),
    )


# -- what the user enters, and what is kept ------------------------------------------------------
@dataclass(frozen=True)
class Share:
    """One person in a calculation as entered: the register supplies the name and leader type."""

    person_id: int
    weight: Decimal
    main: bool = False
    form: str = "cash"


@dataclass(frozen=True)
class RewardDraft:
    title: str
    kind: str
    on: str  # ISO: calculation day
    people: tuple[Share, ...]
    transformation_id: int | None = None
    receipts: tuple[Receipt, ...] = ()
    deductions: tuple[Deduction, ...] = ()
    equity_shares: int | None = None
    equity_percent: Decimal | None = None
    profits_fen: tuple[int, ...] = ()
    surplus_returns_fen: int = 0
    surplus_share: Decimal | None = None
    principal_equity_approval: str = ""
    contract_registered: bool = False
    pay_on: str | None = None


@dataclass(frozen=True)
class RewardObjection:
    id: int
    received_on: str
    content: str
    resolved_on: str | None
    resolution: str


@dataclass(frozen=True)
class RewardCalculation:
    id: int
    title: str
    transformation_id: int | None
    input: RewardInput
    result: RewardResult
    level: str
    state: str
    created_by: str
    created_at: str
    notice_start: str | None = None
    notice_end: str | None = None
    paid_on: str | None = None
    objections: tuple[RewardObjection, ...] = ()
