"""The confidentiality agreement as a PDF: parties, covered achievements, level, scope, term,
obligations, the approval record, the mark on every page, fonts, reproducible bytes."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.domain.confidentiality import ConfidentialityAgreement, ConfidentialityDraft
from desktop.reports.agreements import AchievementFacts, UnitParty
from desktop.reports.confidentiality_agreement import (
    TITLE,
    page_mark,
    render_confidentiality_agreement,
)
from tests.unit.reports.agreement_pdfs import (
    assert_says,
    creation_date,
    font_report,
    reader,
    text_of,
    top_left,
    top_right,
)

UNIT = UnitParty("辽宁省示范大学", "91350100M000100Y43")
ALLOY = AchievementFacts(
    "一种镁合金的制备方法", "invention_patent", ("CN202310123456.7",), "机密★10年"
)
PROCESS = AchievementFacts("热处理工艺诀窍", "know_how", (), "秘密★5年")


def draft(**changes: object) -> ConfidentialityDraft:
    args: dict[str, object] = {
        "party_kind": "enterprise",
        "party_name": "沈阳镁材科技有限公司",
        "party_code": "91210100MA0QXXXX1N",
        "achievement_ids": (1, 2),
        "level": "confidential",
        "scope": "涉密成果的技术方案、工艺参数和试验数据。",
        "term_start": "2026-01-05",
        "term_end": "2036-01-04",
        "obligations": "不得向任何第三方披露涉密信息。\n不得复制、摘抄涉密载体。",
        "signed_on": "2026-01-05",
        "approval_body": "辽宁省国家保密局",
        "approval_date": "2026-01-10",
        "approval_doc_no": "辽保备〔2026〕3号",
    } | changes
    return ConfidentialityDraft(**args)  # type: ignore[arg-type]


def agreement_of(
    d: ConfidentialityDraft | None = None, **changes: object
) -> ConfidentialityAgreement:
    args: dict[str, object] = {
        "id": 3,
        "doc_no": "LNSF-BM-2026-001",
        "draft": d or draft(),
        "terminated_on": None,
        "created_by": "u-secrecy",
        "created_at": "2026-01-05T09:00:00+08:00",
        "updated_at": "2026-01-10T09:00:00+08:00",
    } | changes
    return ConfidentialityAgreement(**args)  # type: ignore[arg-type]


def render(
    a: ConfidentialityAgreement | None = None,
    achievements: tuple[AchievementFacts, ...] = (ALLOY, PROCESS),
) -> bytes:
    return render_confidentiality_agreement(
        unit=UNIT, agreement=a or agreement_of(), achievements=achievements
    )


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render()


def test_title_number_and_parties(pdf: bytes) -> None:
    doc = reader(pdf)
    assert doc.metadata is not None and doc.metadata.title == TITLE == "保密协议"
    assert top_right(doc.pages[0]) == "编号：LNSF-BM-2026-001"
    assert_says(
        text_of(pdf),
        "甲方（科研单位）：辽宁省示范大学",
        "统一社会信用代码：91350100M000100Y43",
        "乙方（企业）：沈阳镁材科技有限公司",
        "统一社会信用代码：91210100MA0QXXXX1N",
    )


def test_preamble_cites_the_secrecy_law_and_measure_fifteen(pdf: bytes) -> None:
    assert_says(
        text_of(pdf),
        "《中华人民共和国保守国家秘密法》",
        "《中华人民共和国促进科技成果转化法》",
        "（辽科发〔2025〕6号）第（十五）条",
        "与企业、个人合作开展涉密成果赋权和转化，要依法依规进行审批备案，并签订保密协议",
    )


def test_clauses_filled_from_the_record(pdf: bytes) -> None:
    assert_says(
        text_of(pdf),
        "第一条 涉密成果",
        "1 一种镁合金的制备方法 发明专利 CN202310123456.7 机密★10年",
        "2 热处理工艺诀窍 技术秘密 无登记的知识产权 秘密★5年",
        "第二条 密级 本协议所涉事项的密级为机密级。",
        "第三条 涉密事项范围 涉密成果的技术方案、工艺参数和试验数据。",
        "第四条 保密期限 乙方的保密义务期限自2026年1月5日起至2036年1月4日止。",
        "第五条 保密义务 不得向任何第三方披露涉密信息。不得复制、摘抄涉密载体。",
        "第六条 审批备案 本协议已报辽宁省国家保密局审批备案，审批备案日期为2026年1月10日，"
        "文号为辽保备〔2026〕3号。",
        "第七条 违约责任",
        "第八条 争议解决",
        "第九条 协议生效 本协议于2026年1月5日签订",
        "第十条 协议份数 本协议一式三份",
    )


def test_signature_blocks_for_an_enterprise(pdf: bytes) -> None:
    assert_says(
        text_of(pdf),
        "（以下无正文）",
        "甲方（盖章）：辽宁省示范大学",
        "乙方（盖章）：沈阳镁材科技有限公司",
        "日期：2026年1月5日",
    )


def test_an_individual_party() -> None:
    d = draft(
        party_kind="individual",
        party_name="王五",
        party_code="21010219800101123X",
        signed_on=None,
        approval_body="",
        approval_date=None,
        approval_doc_no="",
    )
    text = text_of(render(agreement_of(d)))
    assert_says(
        text,
        "乙方（个人）：王五",
        "身份证号：21010219800101123X",
        "乙方：王五",
        "签字：",
        "日期：______年____月____日",
    )
    assert "乙方（盖章）" not in text


def test_without_the_approval_record_it_says_what_must_happen_first() -> None:
    d = draft(approval_body="", approval_date=None, approval_doc_no="")
    text = text_of(render(agreement_of(d)))
    assert_says(text, "审批备案完成前，甲方不向乙方提供涉密成果及相关涉密信息。")
    assert "文号为" not in text


@pytest.mark.parametrize(
    ("achievements", "level", "expected"),
    [
        ((ALLOY,), "confidential", "机密★10年"),
        ((ALLOY, PROCESS), "confidential", "机密★"),
        ((PROCESS,), "secret", "秘密★5年"),
        ((dataclasses.replace(PROCESS, secrecy_mark=""),), "secret", "秘密★"),
        ((ALLOY, PROCESS), "top_secret", "绝密★"),
    ],
)
def test_page_mark(achievements: tuple[AchievementFacts, ...], level: str, expected: str) -> None:
    assert page_mark(agreement_of(draft(level=level)), achievements) == expected


def test_mark_and_page_count_on_every_page_of_a_long_agreement() -> None:
    long_scope = "\n".join(f"第{n}项：涉密成果第{n}部分的技术资料和工艺参数。" for n in range(60))
    data = render(agreement_of(draft(scope=long_scope)))
    doc = reader(data)
    total = len(doc.pages)
    assert total >= 2
    for number, page in enumerate(doc.pages, start=1):
        assert top_left(page) == "机密★"
        assert top_right(page) == "编号：LNSF-BM-2026-001"
        assert f"保密协议 · 第 {number} 页 共 {total} 页" in page.extract_text()


def test_a_single_covered_achievement_lends_its_own_mark() -> None:
    doc = reader(render(agreement_of(draft(achievement_ids=(1,))), achievements=(ALLOY,)))
    assert all(top_left(page) == "机密★10年" for page in doc.pages)


def test_fonts_embedded_on_every_page(pdf: bytes) -> None:
    for page in reader(pdf).pages:
        report = font_report(page)
        assert all(embedded for _, embedded in report), report
        assert not any("Helvetica" in name for name, _ in report)


def test_same_record_same_bytes_and_its_creation_date(pdf: bytes) -> None:
    assert render() == pdf
    assert creation_date(pdf) == "D:20260105090000+08'00'"
    other = render(agreement_of(created_at="2026-03-01T14:00:00+08:00"))
    assert other != pdf
    assert creation_date(other) == "D:20260301140000+08'00'"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_renders_to_an_image(pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "agreement.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes().startswith(b"\x89PNG")
    assert image.stat().st_size > 10_000
