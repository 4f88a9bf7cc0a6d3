"""The evidence file as a PDF, from an input built by hand: what it says and in which order,
the audit tree head, withheld entries, the mark on every page, page numbers, fonts and
reproducible bytes."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.approvals import ApprovalRequest
from desktop.domain.audit import AuditEntry, TreeHead
from desktop.domain.confidentiality import ConfidentialityAgreement, ConfidentialityDraft
from desktop.domain.counterparties import Counterparty, CounterpartyDraft
from desktop.domain.decisions import Decision, DecisionDraft
from desktop.domain.gates import ExportCheck
from desktop.domain.ledger import LedgerEntry
from desktop.domain.transformations import (
    Allocation,
    EquityTerms,
    Installment,
    LicenceTerms,
    PayLaterTerms,
    PricingStep,
    Transformation,
    TransformationDraft,
)
from desktop.reports.evidence_file import (
    TITLE,
    WITHHELD,
    EvidenceAchievement,
    EvidenceInput,
    render_evidence_file,
)
from tests.unit.reports.agreement_pdfs import (
    creation_date,
    font_report,
    pages_text,
    reader,
    squash,
    text_of,
    top_left,
    top_right,
)

HEAD = TreeHead(321, hashlib.sha256(b"the tree").digest())
VAULT_ID = "3f2b8c1e-5a7d-4e9b-9c1a-0d2e4f6a8b10"
PARTY = Counterparty(
    3,
    CounterpartyDraft("沈阳镁业科技有限公司", "91210100MA0000001G", "non_state", "small"),
    "2026-01-02T08:00:00",
    "2026-01-02T08:00:00",
)


def step(n: int, event: str, on: str, state: str, **detail: object) -> PricingStep:
    return PricingStep(n, event, on, state, dict(detail), "u-officer", f"{on}T09:00:00+08:00")


STEPS = (
    step(1, "record_appraisal", "2026-01-05", "priced", appraisal="waived",
         appraisal_basis="校长办公会决定", appraised_value_fen=None),
    step(2, "start_notice", "2026-01-05", "notice", price_fen=500_000_00, notice_days=15,
         notice_end="2026-01-20", explanation="自2026年1月5日起算15日，起始当日不计入"),
    step(3, "object", "2026-01-08", "objected", content="拟交易价格明显偏低"),
    step(4, "start_listing", "2026-01-09", "listing", listing_end="2026-01-26",
         explanation="期满日为法定节假日或休息日，顺延至2026年1月26日"),
    step(5, "listing_lapsed", "2026-01-27", "cleared"),
    step(6, "sign", "2026-01-27", "signed",
         ledger=[{"kind": "receivable", "amount_fen": 500_000_00}]),
)  # fmt: skip


def transformation(**changes: Any) -> Transformation:
    draft = TransformationDraft(
        form="transfer",
        title="一种镁合金专利转让合同",
        counterparty_id=3,
        allocations=(Allocation(11, Decimal("60.00")), Allocation(12, Decimal("40.00"))),
        price_fen=500_000_00,
        method="negotiated",
        contract_registration_no="2026210100000123",
        contract_registration_date="2026-02-01",
    )
    args: dict[str, Any] = {
        "id": 7,
        "draft": draft,
        "state": "signed",
        "level": "public",
        "created_by": "u-officer",
        "created_at": "2026-01-05T09:00:00+08:00",
        "updated_at": "2026-01-27T09:00:00+08:00",
        "appraisal": "waived",
        "appraisal_basis": "校长办公会决定",
        "notice_start": "2026-01-05",
        "notice_days": 15,
        "notice_end": "2026-01-20",
        "listing_start": "2026-01-09",
        "listing_end": "2026-01-26",
        "objected": True,
        "signed_on": "2026-01-27",
        "counterparty_name": PARTY.name,
        "achievement_titles": ("一种镁合金", "镁合金热处理工艺"),
        "steps": STEPS,
    } | changes
    if "draft_changes" in args:
        args["draft"] = dataclasses.replace(draft, **args.pop("draft_changes"))
    return Transformation(**args)


ACHIEVEMENTS = (
    EvidenceAchievement(
        11, "一种镁合金", "invention_patent", ("201910123456.X",), Decimal("60.00"), "public", "",
        "化学学院", ethics_status="approved", ethics_approval="伦审〔2025〕12号",
        ethics_approved_on="2025-06-01",
    ),
    EvidenceAchievement(
        12, "镁合金热处理工艺", "know_how", (), Decimal("40.00"), "public", "", "化学学院"
    ),
)  # fmt: skip
DECISION = Decision(
    1,
    DecisionDraft(
        "office_meeting",
        "关于镁合金专利协议定价转让的决定",
        "2026-01-04",
        ("赵校长", "钱副校长", "孙处长"),
        "approved",
        2,
        1,
        0,
        "同意以协议定价方式转让。",
        "public",
    ),
    "u-officer",
    "2026-01-04T10:00:00",
    "2026-01-04T10:00:00",
    (("transformation", "7"),),
)


def entry(seq: int, action: str, **changes: Any) -> AuditEntry:
    args: dict[str, Any] = {
        "seq": seq,
        "ts": "2026-01-27T09:00:00+08:00",
        "actor": "u-officer",
        "action": action,
        "object_type": "transformation",
        "object_id": "7",
        "before": json.dumps({"state": "listing"}),
        "after": json.dumps({"state": "cleared", "on_date": "2026-01-27"}),
        "level": "public",
        "actor_name": "王经办",
    } | changes
    return AuditEntry(**args)


ENTRIES = (
    entry(
        100,
        "transformation.created",
        ts="2026-01-05T09:00:00+08:00",
        before=None,
        after=json.dumps({"title": "一种镁合金专利转让合同", "price_fen": 500_000_00, "note": ""}),
    ),
    entry(
        105,
        "transformation.object",
        ts="2026-01-08T09:00:00+08:00",
        before=json.dumps({"state": "notice"}),
        after=json.dumps({"state": "objected", "content": "拟交易价格明显偏低"}),
    ),
    entry(120, "transformation.listing_lapsed"),
)


def evidence(**changes: Any) -> EvidenceInput:
    args: dict[str, Any] = {
        "unit_name": "辽宁省示范大学",
        "vault_id": VAULT_ID,
        "exported_by": "王经办",
        "transformation": transformation(),
        "counterparty": PARTY,
        "achievements": ACHIEVEMENTS,
        "decisions": (DECISION,),
        "approvals": (),
        "agreements": (),
        "export_check": None,
        "entries": (
            LedgerEntry(1, 7, "receivable", 500_000_00, "2026-01-27", "2026-01-27", "", "合同价款"),
            LedgerEntry(2, 7, "receipt", 123_456_78, "2026-02-01", None, "", "首付款"),
        ),
        "audit_entries": ENTRIES,
        "audit_total": 3,
        "audit_scope": "all",
        "head": HEAD,
        "as_of": "2026-02-01T10:30:00+08:00",
        "level": "public",
        "names": {"u-officer": "王经办"},
    } | changes
    return EvidenceInput(**args)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_evidence_file(evidence())


def test_is_an_a4_document_with_its_title_and_number(pdf: bytes) -> None:
    document = reader(pdf)
    box = document.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert document.metadata is not None and document.metadata.title == TITLE
    assert all(squash(top_right(page)) == "编号：转化合同7" for page in document.pages)
    assert all(top_left(page) == "" for page in document.pages)  # public: no mark


def test_the_particulars_of_the_contract(pdf: bytes) -> None:
    text = text_of(pdf)
    for phrase in (
        "合同名称一种镁合金专利转让合同",
        "转化方式转让",
        "沈阳镁业科技有限公司统一社会信用代码：91210100MA0000001G非国有，小型企业，境内",
        "定价方式协议定价",
        "合同金额500,000.00元",
        "一种镁合金（化学学院）发明专利201910123456.X公开60.00%",
        "镁合金热处理工艺（化学学院）技术秘密无登记的知识产权公开40.00%",
        "合同签订日期2026年1月27日",
    ):
        assert squash(phrase) in text, phrase


def test_the_procedure_is_told_in_the_order_it_happened(pdf: bytes) -> None:
    text = text_of(pdf)
    rows = [
        "12026年1月5日资产评估决定单位决定不进行资产评估；依据：校长办公会决定",
        "22026年1月5日协议定价公示开始公示成果名称和拟交易价格500,000.00元",
        "32026年1月8日收到异议异议内容：拟交易价格明显偏低",
        "42026年1月9日技术市场挂牌挂牌期至2026年1月26日届满",
        "52026年1月27日挂牌期满无人摘牌半个月内无人摘牌，按协议定价交易",
        "62026年1月27日合同签订合同签订，登记单列管理台账：应收500,000.00元",
    ]
    positions = [text.find(row) for row in rows]
    assert -1 not in positions, dict(zip(rows, positions, strict=True))
    assert positions == sorted(positions)
    for phrase in (
        "公示内容成果名称“一种镁合金、镁合金热处理工艺”，拟交易价格500,000.00元",
        "公示期15日，至2026年1月20日24时届满",
        "异议2026年1月8日收到：拟交易价格明显偏低",
        "挂牌结果2026年1月27日：半个月内无人摘牌，按协议定价交易",
        "期满日为法定节假日或休息日，顺延至2026年1月26日",
    ):
        assert phrase in text, phrase


def test_the_decision_with_its_body_participants_and_votes(pdf: bytes) -> None:
    text = text_of(pdf)
    for phrase in (
        "决策机构办公会",
        "决策日期2026年1月4日",
        "参加人员赵校长、钱副校长、孙处长",
        "决策结果通过",
        "表决情况同意2票，反对1票，弃权0票",
        "关联事项本转化合同",
        "纪要摘要同意以协议定价方式转让。",
    ):
        assert phrase in text, phrase


def test_registration_ethics_and_ledger(pdf: bytes) -> None:
    text = text_of(pdf)
    for phrase in (
        "技术合同登记号2026210100000123",
        "登记日期2026年2月1日",
        "合作方在境内，无需核查",
        "伦理审查已通过（批件号：伦审〔2025〕12号；批准日期：2025年6月1日）",
        "没有覆盖所涉成果的保密协议",
        "所涉成果不涉密，无需保密审批",
        "应收合计500,000.00元；收款合计123,456.78元；尚未收回的应收款376,543.22元。",
    ):
        assert phrase in text, phrase


def test_the_audit_tree_head_is_printed_plainly_and_as_a_checkpoint(pdf: bytes) -> None:
    text = text_of(pdf)
    assert f"日志树记录总数{HEAD.size}条" in text
    assert f"树根（十六进制）{HEAD.root.hex()}" in text
    checkpoint = f"transfer-desk/{VAULT_ID}{HEAD.size}{base64.b64encode(HEAD.root).decode()}"
    assert checkpoint in text


def test_the_audit_entries_are_listed_in_words(pdf: bytes) -> None:
    text = text_of(pdf)
    audit_part = text[text.index("八、审计记录") :]
    assert "与本转化事项有关的审计记录共3条，全部列出如下。" in audit_part
    for phrase in (
        "1002026年1月5日09:00王经办登记转化合同",
        "合同名称：一种镁合金专利转让合同",
        "1052026年1月8日09:00王经办收到异议异议内容：拟交易价格明显偏低；环节：协议定价公示→公示有异议",
        "1202026年1月27日09:00王经办挂牌期满无人摘牌日期：2026年1月27日；环节：技术市场挂牌→定价完成",
    ):
        assert phrase in audit_part, phrase
    assert "摘要" not in audit_part.split("登记转化合同")[1].split("105")[0]  # empty: left out


def test_withheld_entries_show_no_content_and_are_counted() -> None:
    secret = entry(
        130,
        "transformation.updated",
        before=None,
        after=None,
        reason=None,
        level="secret",
        content_visible=False,
    )
    text = text_of(render_evidence_file(evidence(audit_entries=(*ENTRIES, secret), audit_total=4)))
    assert "共4条，全部列出如下。其中1条的内容密级高于导出人的涉密等级，不予显示" in text
    assert f"130 2026年1月27日09:00王经办修改合同要素〔{WITHHELD}〕".replace(" ", "") in text


@pytest.mark.parametrize(
    ("scope", "note"),
    [
        ("none", "系统管理员不查阅审计日志（三员分立），审计记录未列入本材料"),
        ("auditors", "保密管理员查阅审计日志仅限于安全审计员的操作记录（三员分立）"),
    ],
)
def test_entries_not_listed_are_explained(scope: str, note: str) -> None:
    text = text_of(render_evidence_file(evidence(audit_entries=(), audit_scope=scope)))
    assert f"与本转化事项有关的审计记录共3条，本材料列出其中0条。{note}" in text
    assert HEAD.root.hex() in text


def test_a_classified_file_is_marked_on_every_page_and_numbered() -> None:
    many = tuple(
        entry(200 + n, "ledger.receipt", after=json.dumps({"amount_fen": n, "note": "第" * 40}))
        for n in range(60)
    )
    data = render_evidence_file(evidence(level="confidential", audit_entries=many, audit_total=60))
    pages = reader(data).pages
    assert len(pages) >= 4
    texts = pages_text(data)
    for number, (page, page_text) in enumerate(zip(pages, texts, strict=True), start=1):
        assert top_left(page) == "机密★"
        assert f"{TITLE}·第{number}页共{len(pages)}页" in squash(page_text)


def test_other_forms_print_their_terms() -> None:
    licence = LicenceTerms("exclusive", "2026-02-01", "2031-01-31", "辽宁省")
    pay_later = transformation(
        draft_changes={
            "form": "pay_later",
            "licence": licence,
            "pay_later": PayLaterTerms(
                12,
                (
                    Installment(200_000_00, "on_date", due_on="2027-01-31"),
                    Installment(300_000_00, "after_revenue", months=6),
                ),
            ),
        }
    )
    text = text_of(render_evidence_file(evidence(transformation=pay_later)))
    for phrase in (
        "转化方式先使用后付费许可",
        "独占许可，期限自2026年2月1日起至2031年1月31日止，地域：辽宁省",
        "免费使用期12个月",
        "第1期：200,000.00元，于2027年1月31日支付",
        "第2期：300,000.00元，被许可方产生收入后6个月支付",
    ):
        assert squash(phrase) in text, phrase
    equity = transformation(
        draft_changes={"form": "equity", "equity": EquityTerms("辽宁镁材有限公司", 1_000_000)}
    )
    assert "作价投资辽宁镁材有限公司，1000000股" in text_of(
        render_evidence_file(evidence(transformation=equity))
    )


def test_approvals_agreements_and_the_export_check() -> None:
    request = ApprovalRequest(
        4,
        "classified_cooperation",
        "transformation",
        "7",
        {},
        "向境外转让涉密成果",
        "u-officer",
        "2026-01-06T09:00:00",
        "approved",
        "u-secrecy",
        "2026-01-07T10:00:00",
        "同意",
        "王经办",
        "李保密",
    )
    agreement = ConfidentialityAgreement(
        2,
        "保密〔2026〕2号",
        ConfidentialityDraft(
            "enterprise", "Foreign GmbH", "HRB 12345", (11,), "secret", "配方", "2026-01-01",
            "2030-12-31", "不得披露", "2026-01-01", "省国家保密局", "2026-01-03", "辽保〔2026〕1号",
        ),
        None,
        "u-officer",
        "2026-01-01T00:00:00",
        "2026-01-01T00:00:00",
    )  # fmt: skip
    overseas = dataclasses.replace(
        PARTY, draft=dataclasses.replace(PARTY.draft, region="overseas", credit_code="HRB 12345")
    )
    data = evidence(
        counterparty=overseas,
        approvals=(request,),
        agreements=(agreement,),
        export_check=ExportCheck("restricted", "2023年版", "2026-01-10", "01XK2026"),
        level="secret",
    )
    text = text_of(render_evidence_file(data))
    for phrase in (
        "登记号：HRB12345",
        "境外",
        "申请人王经办",
        "申请理由向境外转让涉密成果",
        "审批状态已批准",
        "审批人李保密",
        "审批时间2026年1月7日10:00",
        "保密〔2026〕2号ForeignGmbH秘密2026年1月1日至2030年12月31日",
        "省国家保密局，2026年1月3日，辽保〔2026〕1号",
        "合同签订日有效",
        "技术出口核查限制出口类",
        "出口许可证号01XK2026",
    ):
        assert squash(phrase) in text, phrase


def test_a_negative_listed_deal_says_it_is_not_booked() -> None:
    t = transformation(steps=(step(1, "sign", "2026-01-27", "signed", ledger="not_booked"),))
    text = text_of(render_evidence_file(evidence(transformation=t, entries=())))
    assert "涉及负面清单成果，不纳入单列管理台账" in text
    assert "单列管理台账中尚无本合同的记录" in text


def test_fonts_are_embedded(pdf: bytes) -> None:
    for page in reader(pdf).pages:
        report = font_report(page)
        assert report and all(embedded for _, embedded in report), report


def test_the_same_input_gives_the_same_bytes_dated_by_the_log(pdf: bytes) -> None:
    assert render_evidence_file(evidence()) == pdf
    assert creation_date(pdf) == "D:20260201103000+08'00'"
    later = render_evidence_file(evidence(as_of="2026-02-02T10:30:00+08:00"))
    assert creation_date(later).startswith("D:20260202")
