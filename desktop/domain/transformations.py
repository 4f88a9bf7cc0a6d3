"""Transformations (转化, measures 二 to 七): what is transformed, to whom, in which form, on what
terms, and how its income is split across the achievements of one contract.

Money is integer fen throughout. Form-specific terms are typed: a licence's scope and term, an
equity investment's company and holding, a pay-later licence's instalments and their conditions,
a retained-share transfer's mode and trigger, an invest-then-equity project's stages, and the
industry-project surplus that financed it (measure 三).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from desktop.domain.counterparties import Counterparty
from desktop.domain.dates import add_months, format_cn_date
from desktop.domain.pricing import Procedure
from desktop.domain.rules import rule
from desktop.errors import RuleViolation, ValidationError

FORMS = (
    "transfer",  # 转让
    "licence",  # 许可
    "equity",  # 作价投资
    "pay_later",  # 先使用后付费许可 (measure 五)
    "share_transfer",  # 权益让渡 (measure 六)
    "invest_then_equity",  # 先投后股 (measure 七)
)
# Forms whose price goes through the pricing procedure of measure 四.
PRICED_FORMS = frozenset({"transfer", "licence", "equity", "pay_later"})
METHODS = ("negotiated", "listing", "auction")  # 协议定价 / 挂牌交易 / 拍卖
LICENCE_SCOPES = ("exclusive", "sole", "ordinary")  # 独占 / 排他 / 普通
CONDITIONS = ("on_date", "after_effect", "after_revenue")  # 约定日期 / 生效后N月 / 产生收入后N月
SHARE_TRANSFER_MODES = ("resource_fee", "agreed_return")  # 一次性资源占用费 / 赋权+约定收益
STAGES = ("proof_of_concept", "pilot", "industrialisation")  # 概念验证 / 中试 / 产业化
SHARE_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
MONEY_MAX = 10**15  # fen: ten trillion yuan, far beyond any contract
TEXT_MAX = 2000
MEASURE_3 = "辽科发〔2025〕6号 第（三）条"
MEASURE_5 = "辽科发〔2025〕6号 第（五）条"


@dataclass(frozen=True)
class Allocation:
    achievement_id: int
    share: Decimal  # percent of the contract's income, two places; all add up to exactly 100


@dataclass(frozen=True)
class LicenceTerms:
    scope: str
    term_start: str
    term_end: str
    territory: str


@dataclass(frozen=True)
class EquityTerms:
    company: str
    shares: int | None = None  # number of shares, or
    capital_percent: Decimal | None = None  # percent of registered capital


@dataclass(frozen=True)
class Installment:
    amount_fen: int
    condition: str
    due_on: str | None = None  # on_date
    months: int | None = None  # after_effect / after_revenue


@dataclass(frozen=True)
class PayLaterTerms:
    free_months: int  # the period of use before any payment
    installments: tuple[Installment, ...]


@dataclass(frozen=True)
class ShareTransferTerms:
    mode: str
    trigger: str = ""  # agreed_return: the listing or share sale that triggers the return
    return_percent: Decimal | None = None


@dataclass(frozen=True)
class Stage:
    stage: str
    amount_fen: int


@dataclass(frozen=True)
class InvestTerms:
    stages: tuple[Stage, ...]
    trigger: str  # what converts the funding into equity
    exit_plan: str


@dataclass(frozen=True)
class SurplusTerms:
    """Financed from the surplus of an industry (横向) project (measure 三)."""

    project_ref: str
    researcher_share: Decimal  # percent of the returns going to the researchers
    exception_reason: str = ""  # why below 90% ("原则上" allows it, with the reason recorded)


@dataclass(frozen=True)
class TransformationDraft:
    form: str
    title: str
    counterparty_id: int | None  # None only for 权益让渡, whose party is the grant's team
    allocations: tuple[Allocation, ...]
    price_fen: int  # the contract price (for pay-later: the sum of the instalments)
    method: str | None  # pricing method for PRICED_FORMS; None otherwise
    licence: LicenceTerms | None = None
    equity: EquityTerms | None = None
    pay_later: PayLaterTerms | None = None
    share_transfer: ShareTransferTerms | None = None
    invest: InvestTerms | None = None
    surplus: SurplusTerms | None = None
    contract_registration_no: str = ""  # 技术合同认定登记
    contract_registration_date: str | None = None
    price_due_on: str | None = None  # transfer, licence, resource fee: when the price is due


def _text(field: str, value: str, name: str, *, required: bool = True) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationError(field, f"请填写{name}。")
    if len(value) > TEXT_MAX:
        raise ValidationError(field, f"{name}不能超过 {TEXT_MAX} 个字。")
    return value


def _date(field: str, text: str | None, name: str) -> dt.date:
    if not text:
        raise ValidationError(field, f"请填写{name}。")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"{name}不是有效日期。") from None


def _money(field: str, fen: int, name: str, *, positive: bool = True) -> int:
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise ValidationError(field, f"{name}须为金额。")
    if fen < 0 or (positive and fen == 0):
        raise ValidationError(field, f"{name}须大于 0。")
    if fen > MONEY_MAX:
        raise ValidationError(field, f"{name}超出可记录的范围。")
    return fen


def _percent(field: str, value: Decimal | None, name: str) -> Decimal:
    if value is None or not value.is_finite():
        raise ValidationError(field, f"请填写{name}。")
    if not Decimal(0) < value <= HUNDRED:
        raise ValidationError(field, f"{name}须在 0–100% 之间。")
    if value != value.quantize(SHARE_PLACES):
        raise ValidationError(field, f"{name}最多保留两位小数。")
    return value.quantize(SHARE_PLACES)


def validate_allocations(allocations: Sequence[Allocation]) -> tuple[Allocation, ...]:
    """One contract may cover several achievements: its income is split across them, exactly."""
    if not allocations:
        raise ValidationError("allocations", "请至少选择一项成果。")
    seen: set[int] = set()
    cleaned = []
    for a in allocations:
        if a.achievement_id in seen:
            raise ValidationError("allocations", "同一成果不能重复列入。")
        seen.add(a.achievement_id)
        cleaned.append(
            Allocation(a.achievement_id, _percent("allocations", a.share, "收入分配比例"))
        )
    total = sum((a.share for a in cleaned), Decimal(0))
    if total != HUNDRED:
        raise ValidationError(
            "allocations", f"各成果的收入分配比例合计须恰好为 100%，现为 {total.normalize():f}%。"
        )
    return tuple(cleaned)


def validate_licence(terms: LicenceTerms | None) -> LicenceTerms:
    if terms is None:
        raise ValidationError("licence_scope", "请填写许可条件。")
    if terms.scope not in LICENCE_SCOPES:
        raise ValidationError("licence_scope", "请选择许可方式（独占、排他或普通许可）。")
    start = _date("licence_start", terms.term_start, "许可期限的起始日")
    end = _date("licence_end", terms.term_end, "许可期限的终止日")
    if end <= start:
        raise ValidationError("licence_end", "许可期限的终止日应晚于起始日。")
    territory = _text("territory", terms.territory, "许可地域")
    return LicenceTerms(terms.scope, start.isoformat(), end.isoformat(), territory)


def validate_equity(terms: EquityTerms | None) -> EquityTerms:
    if terms is None:
        raise ValidationError("company", "请填写作价投资的公司。")
    company = _text("company", terms.company, "被投资公司")
    if (terms.shares is None) == (terms.capital_percent is None):
        raise ValidationError("shares", "请填写取得的股份数或出资比例（二者选一）。")
    if terms.shares is not None and terms.shares <= 0:
        raise ValidationError("shares", "股份数须大于 0。")
    percent = None
    if terms.capital_percent is not None:
        percent = _percent("capital_percent", terms.capital_percent, "出资比例")
    return EquityTerms(company, terms.shares, percent)


def validate_pay_later(terms: PayLaterTerms | None, price_fen: int) -> PayLaterTerms:
    if terms is None or not terms.installments:
        raise ValidationError("installments", "请至少填写一期付款。")
    if not 0 <= terms.free_months <= 120:
        raise ValidationError("free_months", "免费使用期须在 0–120 个月之间。")
    cleaned = []
    for i, item in enumerate(terms.installments, start=1):
        amount = _money("installments", item.amount_fen, f"第 {i} 期金额")
        if item.condition not in CONDITIONS:
            raise ValidationError("installments", f"请选择第 {i} 期的付款条件。")
        if item.condition == "on_date":
            due = _date("installments", item.due_on, f"第 {i} 期付款日期")
            cleaned.append(Installment(amount, item.condition, due.isoformat(), None))
        else:
            if item.months is None or not 0 <= item.months <= 240:
                raise ValidationError("installments", f"第 {i} 期的月数须在 0–240 之间。")
            cleaned.append(Installment(amount, item.condition, None, item.months))
    total = sum(i.amount_fen for i in cleaned)
    if total != price_fen:
        raise ValidationError(
            "installments",
            f"各期金额合计（{yuan(total)}元）须等于许可费（{yuan(price_fen)}元）。",
        )
    return PayLaterTerms(terms.free_months, tuple(cleaned))


def validate_share_transfer(terms: ShareTransferTerms | None) -> ShareTransferTerms:
    if terms is None or terms.mode not in SHARE_TRANSFER_MODES:
        raise ValidationError("share_transfer_mode", "请选择权益让渡方式。")
    if terms.mode == "resource_fee":
        return ShareTransferTerms("resource_fee")
    trigger = _text("trigger", terms.trigger, "约定收益的触发条件（如上市或股权转让）")
    percent = _percent("return_percent", terms.return_percent, "约定收益比例")
    return ShareTransferTerms("agreed_return", trigger, percent)


def validate_invest(terms: InvestTerms | None) -> InvestTerms:
    if terms is None or not terms.stages:
        raise ValidationError("stages", "请至少填写一个投入阶段。")
    seen = set()
    stages = []
    for s in terms.stages:
        if s.stage not in STAGES or s.stage in seen:
            raise ValidationError("stages", "请为每个阶段选择概念验证、中试或产业化，且不重复。")
        seen.add(s.stage)
        stages.append(Stage(s.stage, _money("stages", s.amount_fen, "阶段投入金额")))
    stages.sort(key=lambda s: STAGES.index(s.stage))
    trigger = _text("trigger", terms.trigger, "转为股权的触发条件")
    exit_plan = _text("exit_plan", terms.exit_plan, "退出安排")
    return InvestTerms(tuple(stages), trigger, exit_plan)


def check_surplus(terms: SurplusTerms) -> SurplusTerms:
    """Measure 三: the researchers' share of the returns is at least 90% in principle. Below it,
    the reason must be recorded, or the transformation is refused."""
    project = _text("surplus_project", terms.project_ref, "横向项目合同编号")
    share = _percent("researcher_share", terms.researcher_share, "科研人员收益比例")
    reason = terms.exception_reason.strip()
    minimum = Decimal(rule("liaoning.surplus.researcher_share_min").value)
    if share < minimum and not reason:
        raise RuleViolation(
            f"以横向科研项目结余经费出资的，科研人员所占收益比例原则上不低于90%，现为{share}%；"
            "确需低于该比例的，须写明理由。",
            "E_SURPLUS_SHARE_BELOW_90",
            MEASURE_3,
        )
    return SurplusTerms(project, share, reason if share < minimum else "")


def check_pay_later_party(counterparty: Counterparty) -> None:
    """Measure 五: pay-later licences go to small, medium and micro enterprises (中小微企业),
    never to a large one."""
    if counterparty.draft.size == "large":
        raise RuleViolation(
            f"“先使用后付费”许可面向中小微企业；“{counterparty.name}”登记为大型企业，"
            "不能采用该方式。",
            "E_PAY_LATER_SIZE",
            MEASURE_5,
        )


def validate_transformation(draft: TransformationDraft) -> TransformationDraft:
    """Every field in form order; the counterparty and the achievements are checked by the
    service against the vault."""
    if draft.form not in FORMS:
        raise ValidationError("form", "请选择转化方式。")
    title = _text("title", draft.title, "合同名称")
    if draft.counterparty_id is None and draft.form != "share_transfer":
        raise ValidationError("counterparty", "请选择合作方。")
    allocations = validate_allocations(draft.allocations)
    price = _money("price", draft.price_fen, "合同金额", positive=draft.form != "share_transfer")
    method = draft.method
    if draft.form in PRICED_FORMS:
        if method not in METHODS:
            raise ValidationError("method", "请选择定价方式（协议定价、挂牌交易或拍卖）。")
    else:
        method = None
    cleaned = replace(
        draft,
        counterparty_id=None if draft.form == "share_transfer" else draft.counterparty_id,
        title=title,
        allocations=allocations,
        price_fen=price,
        method=method,
        licence=None,
        equity=None,
        pay_later=None,
        share_transfer=None,
        invest=None,
    )
    if draft.form == "licence":
        cleaned = replace(cleaned, licence=validate_licence(draft.licence))
    elif draft.form == "pay_later":
        cleaned = replace(
            cleaned,
            licence=validate_licence(draft.licence),
            pay_later=validate_pay_later(draft.pay_later, price),
        )
    elif draft.form == "equity":
        cleaned = replace(cleaned, equity=validate_equity(draft.equity))
    elif draft.form == "share_transfer":
        cleaned = replace(cleaned, share_transfer=validate_share_transfer(draft.share_transfer))
    elif draft.form == "invest_then_equity":
        invest = validate_invest(draft.invest)
        if sum(s.amount_fen for s in invest.stages) != price:
            raise ValidationError("stages", "各阶段投入合计须等于合同金额。")
        cleaned = replace(cleaned, invest=invest)
    if draft.surplus is not None:
        cleaned = replace(cleaned, surplus=check_surplus(draft.surplus))
    due = draft.price_due_on
    if due and draft.form in ("transfer", "licence", "share_transfer"):
        due = _date("price_due_on", due, "付款日期").isoformat()
    else:
        due = None
    cleaned = replace(cleaned, price_due_on=due)
    number = draft.contract_registration_no.strip()
    registered = draft.contract_registration_date
    if number or registered:
        if not number:
            raise ValidationError("contract_registration_no", "请填写技术合同登记号。")
        registered = _date("contract_registration_date", registered, "技术合同登记日期").isoformat()
        if len(number) > 64:
            raise ValidationError("contract_registration_no", "登记号不能超过 64 个字符。")
    return replace(cleaned, contract_registration_no=number, contract_registration_date=registered)


# -- money in words ---------------------------------------------------------------------------
def yuan(fen: int) -> str:
    """12345678 fen → "123,456.78"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def parse_yuan(text: str, field: str = "price") -> int:
    """A typed amount in yuan ("12,345.6", "１２３４５", "12345.60元") as fen; exact."""
    from desktop.domain.identifiers import to_half_width

    cleaned = to_half_width(text).replace(",", "").replace("，", "").strip().removesuffix("元")
    try:
        value = Decimal(cleaned.strip())
    except ArithmeticError:
        raise ValidationError(field, f"金额“{text}”不是数字。") from None
    if not value.is_finite():
        raise ValidationError(field, f"金额“{text}”不是数字。")
    if value != value.quantize(SHARE_PLACES):
        raise ValidationError(field, "金额最多保留到分（两位小数）。")
    fen = int(value * 100)
    if abs(fen) > MONEY_MAX:
        raise ValidationError(field, "金额超出可记录的范围。")
    return fen


# -- pay-later receivables ------------------------------------------------------------------------
@dataclass(frozen=True)
class Due:
    installment: int  # 1-based
    amount_fen: int
    due_on: dt.date | None  # None: its condition has not been met yet
    why: str


def installment_dues(
    terms: PayLaterTerms, *, effective_on: dt.date | None, revenue_from: dt.date | None
) -> list[Due]:
    """When each instalment falls due. A receivable is due only once its condition is met:
    a date; N months after the contract took effect; N months after the licensee's revenue
    started (as recorded). Months count as legal-rules D3 counts them."""
    dues = []
    for n, item in enumerate(terms.installments, start=1):
        if item.condition == "on_date":
            assert item.due_on is not None
            day = dt.date.fromisoformat(item.due_on)
            dues.append(Due(n, item.amount_fen, day, f"约定于{format_cn_date(day)}支付"))
            continue
        assert item.months is not None
        if item.condition == "after_effect":
            base, what = effective_on, "合同生效"
        else:
            base, what = revenue_from, "被许可方产生收入"
        if base is None:
            dues.append(
                Due(n, item.amount_fen, None, f"{what}后{item.months}个月支付，条件尚未成就")
            )
        else:
            day = add_months(base, item.months)
            dues.append(
                Due(
                    n,
                    item.amount_fen,
                    day,
                    f"{what}（{format_cn_date(base)}）后{item.months}个月，即{format_cn_date(day)}",
                )
            )
    return dues


# -- the record -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PricingStep:
    id: int
    event: str
    on_date: str
    state_after: str
    detail: dict[str, object]
    created_by: str
    created_at: str


@dataclass(frozen=True)
class Transformation:
    id: int
    draft: TransformationDraft
    state: str
    level: str  # the most secret of its achievements
    created_by: str
    created_at: str
    updated_at: str
    appraisal: str | None = None
    appraisal_basis: str = ""
    appraised_value_fen: int | None = None
    notice_start: str | None = None
    notice_days: int | None = None
    notice_end: str | None = None
    listing_start: str | None = None
    listing_end: str | None = None
    objected: bool = False
    signed_on: str | None = None
    revenue_from: str | None = None
    counterparty_name: str = ""
    achievement_titles: tuple[str, ...] = ()
    steps: tuple[PricingStep, ...] = ()

    def procedure(self) -> Procedure:
        return Procedure(
            self.state, self.draft.method, self.notice_end, self.listing_end, self.objected
        )


def encode_terms(draft: TransformationDraft) -> dict[str, object]:
    """The form's own terms as JSON-ready data (decimals as text, so they stay exact)."""

    def plain(value: object) -> object:
        if isinstance(value, Decimal):
            return f"{value:f}"
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        if hasattr(value, "__dataclass_fields__"):
            return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
        return value

    return {
        name: plain(getattr(draft, name))
        for name in (
            "licence",
            "equity",
            "pay_later",
            "share_transfer",
            "invest",
            "surplus",
            "price_due_on",
        )
        if getattr(draft, name) is not None
    }


def decode_terms(data: dict[str, object]) -> dict[str, object]:
    """The inverse of ``encode_terms``: keyword arguments for ``TransformationDraft``."""

    def dec(value: object) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    found: dict[str, object] = {}
    if "price_due_on" in data:
        found["price_due_on"] = data["price_due_on"]
    if "licence" in data:
        found["licence"] = LicenceTerms(**data["licence"])  # type: ignore[arg-type]
    if "equity" in data:
        e: dict = data["equity"]  # type: ignore[assignment]
        found["equity"] = EquityTerms(e["company"], e["shares"], dec(e["capital_percent"]))
    if "pay_later" in data:
        p: dict = data["pay_later"]  # type: ignore[assignment]
        found["pay_later"] = PayLaterTerms(
            p["free_months"], tuple(Installment(**i) for i in p["installments"])
        )
    if "share_transfer" in data:
        s: dict = data["share_transfer"]  # type: ignore[assignment]
        found["share_transfer"] = ShareTransferTerms(
            s["mode"], s["trigger"], dec(s["return_percent"])
        )
    if "invest" in data:
        i: dict = data["invest"]  # type: ignore[assignment]
        found["invest"] = InvestTerms(
            tuple(Stage(**st) for st in i["stages"]), i["trigger"], i["exit_plan"]
        )
    if "surplus" in data:
        u: dict = data["surplus"]  # type: ignore[assignment]
        found["surplus"] = SurplusTerms(
            u["project_ref"], Decimal(u["researcher_share"]), u["exception_reason"]
        )
    return found
