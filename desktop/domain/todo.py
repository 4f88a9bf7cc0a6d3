"""The to-do list (待办): work the measures expect done and that nobody has finished yet, oldest
first, each with its age or its due date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.confidentiality import ConfidentialityAgreement, expiry_note, status
from desktop.domain.dates import format_cn_date
from desktop.domain.ledger import Receivable
from desktop.domain.rights_grants import FILING_NAMES, RightsGrant, age_days
from desktop.domain.transformations import Transformation, yuan

KINDS = (
    "change_filing",
    "agreement_expiring",
    "grant_ready",
    "objection_open",
    "notice_ended",
    "listing_ended",
    "receivable_overdue",
)


@dataclass(frozen=True)
class TodoItem:
    kind: str
    title: str  # the record it is about
    detail: str  # what is to be done, in words
    object_type: str
    object_id: int
    since: str  # ISO date the task opened (or the agreement's end, for expiring ones)
    age_days: int  # days since it opened; negative: days left until it falls due
    level: str


def items(
    grants: Iterable[RightsGrant],
    agreements: Iterable[ConfidentialityAgreement],
    *,
    today: dt.date,
    deals: Iterable[Transformation] = (),
    receivables: Mapping[int, Sequence[Receivable]] | None = None,
) -> list[TodoItem]:
    found: list[TodoItem] = list(_deal_items(deals, receivables or {}, today))
    for grant in grants:
        for filing in grant.filings:
            if filing.done:
                continue
            step = "待提交" if filing.filed_on is None else "已提交，待办结"
            found.append(
                TodoItem(
                    "change_filing",
                    f"{grant.doc_no} {grant.achievement_title}",
                    f"{FILING_NAMES[filing.kind]} {filing.ip_number}：{step}",
                    "rights_grant",
                    grant.id,
                    filing.opened_on,
                    age_days(filing, today),
                    grant.level,
                )
            )
        if grant.status == "publicity":
            end = grant.publicity_end
            assert end is not None
            open_ones = [o for o in grant.objections if o.status == "open"]
            if open_ones:
                first = min(o.received_on for o in open_ones)
                found.append(
                    TodoItem(
                        "objection_open",
                        f"{grant.doc_no} {grant.achievement_title}",
                        f"公示异议 {len(open_ones)} 项待处理",
                        "rights_grant",
                        grant.id,
                        first,
                        (today - dt.date.fromisoformat(first)).days,
                        grant.level,
                    )
                )
            elif today > end:
                found.append(
                    TodoItem(
                        "grant_ready",
                        f"{grant.doc_no} {grant.achievement_title}",
                        f"公示已于{format_cn_date(end)}期满，可办理生效",
                        "rights_grant",
                        grant.id,
                        end.isoformat(),
                        (today - end).days,
                        grant.level,
                    )
                )
    for agreement in agreements:
        if status(agreement, today) == "expiring":
            end = dt.date.fromisoformat(agreement.draft.term_end)
            found.append(
                TodoItem(
                    "agreement_expiring",
                    f"{agreement.doc_no} {agreement.draft.party_name}",
                    f"保密协议{expiry_note(agreement, today)}，请续签或办理终止",
                    "confidentiality",
                    agreement.id,
                    end.isoformat(),
                    (today - end).days,
                    agreement.draft.level,
                )
            )
    return sorted(found, key=lambda item: (-item.age_days, item.kind, item.object_id))


def _deal_items(
    deals: Iterable[Transformation],
    receivables: Mapping[int, Sequence[Receivable]],
    today: dt.date,
) -> Iterator[TodoItem]:
    for t in deals:
        title = f"转化合同{t.id} {t.draft.title}"
        if t.state == "notice" and t.notice_end and today > dt.date.fromisoformat(t.notice_end):
            end = dt.date.fromisoformat(t.notice_end)
            yield TodoItem(
                "notice_ended",
                title,
                f"协议定价公示已于{format_cn_date(end)}期满，可结束公示",
                "transformation",
                t.id,
                end.isoformat(),
                (today - end).days,
                t.level,
            )
        if t.state == "listing" and t.listing_end and today > dt.date.fromisoformat(t.listing_end):
            end = dt.date.fromisoformat(t.listing_end)
            after = "可按协议定价交易" if t.objected else "请决定重新挂牌或改用其他方式"
            yield TodoItem(
                "listing_ended",
                title,
                f"挂牌已于{format_cn_date(end)}期满无人摘牌，{after}",
                "transformation",
                t.id,
                end.isoformat(),
                (today - end).days,
                t.level,
            )
        for r in receivables.get(t.id, ()):
            if r.overdue(today):
                assert r.entry.due_on is not None
                due = dt.date.fromisoformat(r.entry.due_on)
                yield TodoItem(
                    "receivable_overdue",
                    title,
                    f"应收{yuan(r.outstanding_fen)}元已于{format_cn_date(due)}到期未收",
                    "transformation",
                    t.id,
                    due.isoformat(),
                    (today - due).days,
                    t.level,
                )
