"""Policy thresholds as data: each with its source and whether it is verified.

legal-rules.md asks for every threshold in a table (rule id, value, source, status, effective
date), so a policy change is a new row with a date, not a code change. Calculations name the rule
they used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Rule:
    id: str
    value: int | Decimal
    source: str
    status: str  # "verified" (V), "secondary" (V2) or "unverified" (U), as in legal-rules.md
    effective_from: dt.date
    text: str  # the rule in words, for explanations


RULES: tuple[Rule, ...] = (
    Rule(
        id="liaoning.pool.ip_held_years",
        value=3,
        source="辽科发〔2025〕6号 第（五）条",
        status="verified",
        effective_from=dt.date(2025, 1, 1),
        text="持有知识产权超过三年未转化的成果，原则上纳入先用后付成果池",
    ),
    Rule(
        id="liaoning.use_right.min_years",
        value=10,
        source="辽科发〔2025〕6号 第（一）条",
        status="verified",
        effective_from=dt.date(2025, 1, 1),
        text="赋予科研人员职务科技成果长期使用权，期限不少于10年",
    ),
    Rule(
        id="liaoning.listing.half_month_days",
        value=15,
        source="辽科发〔2025〕6号 第（四）条（“半个月内无人摘牌”；按15日计算）",
        status="unverified",
        effective_from=dt.date(2025, 1, 1),
        text="协议定价存在异议的，可在技术市场挂牌交易，半个月内无人摘牌，按协议定价交易",
    ),
    Rule(
        id="liaoning.surplus.researcher_share_min",
        value=Decimal(90),
        source="辽科发〔2025〕6号 第（三）条",
        status="verified",
        effective_from=dt.date(2025, 1, 1),
        text="科研人员用横向科研项目结余经费出资转化的，科研人员收益占比原则上不低于90%",
    ),
    # -- rewards (legal-rules §1–§4) ------------------------------------------------------------
    Rule(
        id="national.reward.transfer_min_rate",
        value=Decimal("0.50"),
        source="《促进科技成果转化法》第四十五条第一款第（一）项",
        status="verified",
        effective_from=dt.date(2015, 10, 1),
        text="转让、许可他人实施的，从净收入中提取不低于50%的比例用于奖励",
    ),
    Rule(
        id="national.reward.equity_min_rate",
        value=Decimal("0.50"),
        source="《促进科技成果转化法》第四十五条第一款第（二）项",
        status="verified",
        effective_from=dt.date(2015, 10, 1),
        text="作价投资的，从形成的股份或出资比例中提取不低于50%的比例用于奖励",
    ),
    Rule(
        id="national.reward.impl_min_rate",
        value=Decimal("0.05"),
        source="《促进科技成果转化法》第四十五条第一款第（三）项",
        status="verified",
        effective_from=dt.date(2015, 10, 1),
        text="自行实施或合作实施的，在实施转化成功投产后连续3至5年，每年从营业利润中提取不低于5%",
    ),
    Rule(
        id="national.reward.impl_years_min",
        value=3,
        source="《促进科技成果转化法》第四十五条第一款第（三）项",
        status="verified",
        effective_from=dt.date(2015, 10, 1),
        text="自行实施或合作实施的奖励期限为投产后连续3至5年",
    ),
    Rule(
        id="national.reward.impl_years_max",
        value=5,
        source="《促进科技成果转化法》第四十五条第一款第（三）项",
        status="verified",
        effective_from=dt.date(2015, 10, 1),
        text="自行实施或合作实施的奖励期限为投产后连续3至5年",
    ),
    Rule(
        id="national.reward.main_contributor_min",
        value=Decimal("0.50"),
        source="国发〔2016〕16号 二（五）",
        status="secondary",
        effective_from=dt.date(2016, 2, 26),
        text="对研发和成果转化作出主要贡献人员的奖励份额不低于奖励总额的50%",
    ),
    Rule(
        id="liaoning.reward.min_rate",
        value=Decimal("0.50"),
        source="辽科发〔2025〕6号 第（十二）条（未规定比例，按国家标准）",
        status="unverified",
        effective_from=dt.date(2025, 1, 1),
        text="辽宁措施未另定奖励比例下限，按国家规定执行",
    ),
    Rule(
        id="tax.iit.cash_reward_share",
        value=Decimal("0.50"),
        source="财税〔2018〕58号 第一条",
        status="verified",
        effective_from=dt.date(2018, 7, 1),
        text="符合条件的现金奖励，减按50%计入科技人员当月工资、薪金所得",
    ),
    Rule(
        id="tax.iit.window_months",
        value=36,
        source="财税〔2018〕58号 第五条第（三）项",
        status="verified",
        effective_from=dt.date(2018, 7, 1),
        text="在取得科技成果转化收入三年（36个月）内发放的现金奖励",
    ),
)


def rule(rule_id: str, on: dt.date | None = None) -> Rule:
    """The version of the rule in force on ``on`` (the newest when not given)."""
    versions = [r for r in RULES if r.id == rule_id and (on is None or r.effective_from <= on)]
    if not versions:
        raise KeyError(rule_id)
    return max(versions, key=lambda r: r.effective_from)
