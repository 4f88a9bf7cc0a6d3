"""Grant agreements and amendments as PDFs: what they say, filled from the record; the mark
on every page; page numbers; fonts; reproducible bytes."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.rights_grants import Amendment, GrantDraft, RightsGrant, TeamShare
from desktop.reports.agreements import AchievementFacts, TeamMember, UnitParty
from desktop.reports.grant_agreement import (
    AMENDMENT_TITLE,
    render_amendment,
    render_grant_agreement,
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
TEAM = (
    TeamMember("张三", "210102198001011234", Decimal("60.00")),
    TeamMember("李四", "", Decimal("40.00")),
)
PATENT = AchievementFacts(
    "一种镁合金的制备方法", "invention_patent", ("CN202310123456.7",), "机密★10年"
)
SOFTWARE = AchievementFacts("成果转化管理软件", "software_copyright", ("2023SR0123456",), "")
KNOW_HOW = AchievementFacts("热处理工艺诀窍", "know_how", (), "")
TERMS: dict[str, Any] = {
    "revenue_terms": "转化净收入按所有权份额分配。\n甲方所得部分按单位奖励制度执行。",
    "decision_terms": "转让、许可由双方协商一致决定。",
    "cost_terms": "专利年费由乙方承担，维权费用按份额分担。",
}


def grant(kind: str = "ownership", *, overseas: bool = False, **changes: object) -> RightsGrant:
    team = (TeamShare(11, Decimal("60.00")), TeamShare(12, Decimal("40.00")))
    draft = GrantDraft(1, kind, team, overseas=overseas, **TERMS)
    if kind == "ownership":
        draft = dataclasses.replace(draft, unit_share=Decimal("30.00"), team_share=Decimal("70.00"))
    else:
        draft = dataclasses.replace(draft, term_start="2026-02-01", term_end="2036-02-01")
    args: dict[str, object] = {
        "id": 7,
        "doc_no": "LNSF-FQ-2026-001" if kind == "ownership" else "LNSF-SY-2026-002",
        "draft": draft,
        "status": "effective",
        "level": "confidential",
        "secrecy_mark": "机密★10年",
        "created_by": "u-officer",
        "created_at": "2026-01-05T08:03:00+08:00",
        "updated_at": "2026-01-22T09:00:00+08:00",
        "publicity_start": "2026-01-06",
        "publicity_days": 15,
        "effective_on": "2026-01-22",
    } | changes
    return RightsGrant(**args)  # type: ignore[arg-type]


def agreement(
    g: RightsGrant | None = None,
    *,
    achievement: AchievementFacts = PATENT,
    team: tuple[TeamMember, ...] = TEAM,
    publicity_days: int | None = 15,
) -> bytes:
    return render_grant_agreement(
        unit=UNIT,
        grant=g or grant(),
        achievement=achievement,
        team=team,
        publicity_days=publicity_days,
    )


EXTENSION = Amendment(
    1,
    1,
    "extension",
    "LNSF-BC-2036-001",
    "2035-12-01",
    new_term_end="2041-02-01",
    created_at="2035-12-01T10:00:00+08:00",
)
CONVERSION = Amendment(
    2,
    1,
    "conversion",
    "LNSF-BC-2027-001",
    "2027-03-01",
    unit_share=Decimal("20.00"),
    team_share=Decimal("80.00"),
    note="乙方承担此前发生的维持费用。",
    created_at="2027-03-01T10:00:00+08:00",
)


def amendment(
    a: Amendment = EXTENSION, g: RightsGrant | None = None, achievement: AchievementFacts = PATENT
) -> bytes:
    return render_amendment(
        unit=UNIT, grant=g or grant("use_right"), amendment=a, achievement=achievement, team=TEAM
    )


@pytest.fixture(scope="module")
def ownership() -> bytes:
    return agreement()


@pytest.fixture(scope="module")
def use_right() -> bytes:
    return agreement(
        grant("use_right", level="internal", secrecy_mark="", overseas=True), achievement=SOFTWARE
    )


# -- the ownership agreement ---------------------------------------------------------------------
def test_ownership_title_number_and_parties(ownership: bytes) -> None:
    pdf = reader(ownership)
    assert pdf.metadata is not None and pdf.metadata.title == "职务科技成果所有权赋权协议"
    assert top_right(pdf.pages[0]) == "编号：LNSF-FQ-2026-001"
    assert_says(
        text_of(ownership),
        "职务科技成果所有权赋权协议",
        "甲方（科研单位）：辽宁省示范大学",
        "统一社会信用代码：91350100M000100Y43",
        "乙方（成果完成人团队）：张三、李四",
        "1 张三 210102198001011234 60.00%",
        "2 李四 未登记 40.00%",
    )


def test_ownership_preamble_cites_the_law_and_measure_one(ownership: bytes) -> None:
    assert_says(
        text_of(ownership),
        "根据《中华人民共和国促进科技成果转化法》和《辽宁省全面深化职务科技成果转化改革若干措施》"
        "（辽科发〔2025〕6号）第（一）条",
        "科研单位与成果完成人（团队）成为共同所有权人",
        "就甲方将本成果的部分所有权赋予乙方事宜，订立本协议。",
    )


def test_ownership_clauses_are_filled_from_the_record(ownership: bytes) -> None:
    assert_says(
        text_of(ownership),
        "第一条 赋权成果",
        "成果名称：一种镁合金的制备方法",
        "成果类型：发明专利",
        "知识产权：CN202310123456.7",
        "密级标志：机密★10年",
        "第二条 赋权内容和份额",
        "所有权份额为：甲方占 30.00%，乙方占 70.00%。",
        # The team's split, and each member's exact share of the whole.
        "1 张三 60.00% 42.00%",
        "2 李四 40.00% 28.00%",
        "第三条 收益分配 转化净收入按所有权份额分配。甲方所得部分按单位奖励制度执行。",
        "第四条 决策机制 转让、许可由双方协商一致决定。",
        "第五条 费用分担（含知识产权维持费用） 专利年费由乙方承担，维权费用按份额分担。",
    )


def test_ownership_asks_for_the_cnipa_registration(ownership: bytes) -> None:
    assert_says(
        text_of(ownership),
        "第六条 权属变更登记",
        "双方应当及时共同向国家知识产权局办理专利权属变更、专利申请权变更等手续"
        "（涉及：CN202310123456.7）",
        "《中华人民共和国专利法》第十条",
        "自登记之日起生效",
    )


def test_publicity_as_recorded(ownership: bytes) -> None:
    assert_says(
        text_of(ownership),
        "第七条 赋权公示",
        "本协议所涉赋权决定已于2026年1月6日起公示15日",
        "至2026年1月21日24时届满",
    )


def test_publicity_not_yet_started_takes_the_units_period() -> None:
    text = text_of(
        agreement(
            grant(publicity_start=None, publicity_days=None, status="draft"), publicity_days=20
        )
    )
    assert_says(text, "本协议所涉赋权决定应当在甲方内部公示20日。")
    assert "已于" not in text
    text = text_of(agreement(grant(publicity_start=None, publicity_days=None), publicity_days=None))
    assert_says(text, "应当按甲方赋权管理制度在内部公示")


def test_classified_grant_has_the_secrecy_clause(ownership: bytes) -> None:
    assert_says(
        text_of(ownership),
        "第八条 保密 本成果属于国家秘密，密级标志为机密★10年。",
        "签订保密协议（辽科发〔2025〕6号 第（十五）条）",
    )


def test_closing_clauses_and_signature_blocks(ownership: bytes) -> None:
    text = text_of(ownership)
    assert_says(
        text,
        "第九条 争议解决",
        "第十条 其他",
        "第十一条 协议生效",
        "第十二条 协议份数 本协议一式四份，甲方执两份，乙方成员各执一份",
        "（以下无正文）",
        "甲方（盖章）：辽宁省示范大学",
        "法定代表人或授权代表（签字）：",
        "乙方（成果完成人团队全体成员签字）：",
        "1 张三 ______年____月____日",
        "2 李四 ______年____月____日",
    )
    assert "第十三条" not in text


def test_the_agreement_prints_the_original_terms_not_the_amended_ones() -> None:
    amended = grant("use_right", amendments=(EXTENSION,))
    text = text_of(agreement(amended))
    assert_says(text, "期限自2026年2月1日起至2036年2月1日止")
    assert "2041年" not in text


def test_a_know_how_ownership_has_nothing_to_register() -> None:
    text = text_of(agreement(achievement=KNOW_HOW))
    assert_says(text, "知识产权：无登记的知识产权", "无须办理权属变更登记")
    assert "国家知识产权局" not in text


def test_software_ownership_registers_with_the_registry_not_cnipa() -> None:
    text = text_of(agreement(achievement=SOFTWARE))
    assert_says(text, "向有关登记机关办理权属变更登记手续（涉及：2023SR0123456）")
    assert "专利法" not in text


# -- the use-right agreement ---------------------------------------------------------------------
def test_use_right_agreement(use_right: bytes) -> None:
    pdf = reader(use_right)
    assert pdf.metadata is not None and pdf.metadata.title == "职务科技成果长期使用权赋权协议"
    text = text_of(use_right)
    assert_says(
        text,
        "编号：LNSF-SY-2026-002",
        "不低于10年的职务科技成果长期使用权",
        "第二条 赋权内容和期限",
        "期限自2026年2月1日起至2036年2月1日止，不少于十年。",
        "赋权期间，本成果的所有权仍属于甲方。",
        "可以将长期使用权变更为所有权",
        "成果类型：软件著作权",
        "转化净收入按所有权份额分配。",
    )
    # No ownership shares and nothing to register; no secrecy clause for internal content.
    assert "所有权份额为" not in text
    assert "权属变更登记" not in text
    assert "国家秘密" not in text


def test_overseas_clause_only_when_a_party_is_abroad(use_right: bytes, ownership: bytes) -> None:
    assert_says(text_of(use_right), "境外事项", "遵守技术出口等方面的相关法律法规")
    assert "技术出口" not in text_of(ownership)


# -- marks and pages ------------------------------------------------------------------------------
def many_members(n: int) -> tuple[TeamMember, ...]:
    share = Decimal(100) / n
    return tuple(
        TeamMember(f"成员{i:02d}", f"2101021980010{i:05d}", share.quantize(Decimal("0.01")))
        for i in range(1, n + 1)
    )


def test_a_long_team_runs_over_pages_each_with_mark_number_and_count() -> None:
    team = many_members(40)
    data = agreement(team=team)
    pdf = reader(data)
    total = len(pdf.pages)
    assert total >= 3
    for number, page in enumerate(pdf.pages, start=1):
        assert top_left(page) == "机密★10年"
        assert top_right(page) == "编号：LNSF-FQ-2026-001"
        assert f"职务科技成果所有权赋权协议 · 第 {number} 页 共 {total} 页" in page.extract_text()
    assert_says(text_of(data), "40 成员40 210102198001000040 2.50%", "一式四十二份")


def test_internal_grant_is_marked_internal_on_every_page(use_right: bytes) -> None:
    pdf = reader(
        agreement(
            grant("use_right", level="internal", secrecy_mark=""),
            achievement=SOFTWARE,
            team=many_members(40),
        )
    )
    assert len(pdf.pages) >= 2
    assert all(top_left(page) == "内部" for page in pdf.pages)
    assert top_left(reader(use_right).pages[0]) == "内部"


def test_public_grant_has_no_mark() -> None:
    data = agreement(
        grant(level="public", secrecy_mark=""), achievement=SOFTWARE, team=many_members(40)
    )
    pdf = reader(data)
    assert len(pdf.pages) >= 2
    assert all(top_left(page) == "" for page in pdf.pages)
    assert "★" not in text_of(data)
    assert not any(page.extract_text().rstrip().endswith("内部") for page in pdf.pages)


def test_fonts_embedded_on_every_page(ownership: bytes) -> None:
    for page in reader(ownership).pages:
        report = font_report(page)
        assert all(embedded for _, embedded in report), report
        assert not any("Helvetica" in name for name, _ in report)


def test_same_record_same_bytes_and_the_records_creation_date(ownership: bytes) -> None:
    assert agreement() == ownership
    assert creation_date(ownership) == "D:20260105080300+08'00'"
    other = agreement(grant(created_at="2026-01-07T15:20:00+08:00"))
    assert other != ownership
    assert creation_date(other) == "D:20260107152000+08'00'"
    # What changes in the record changes in the file.
    assert agreement(grant(doc_no="LNSF-FQ-2026-009")) != ownership


def test_names_with_markup_characters_are_printed_as_text() -> None:
    team = (TeamMember("A&B <张>", "", Decimal("100.00")),)
    assert_says(text_of(agreement(team=team)), "A&B <张>")


# -- amendments -----------------------------------------------------------------------------------
def test_extension_amendment() -> None:
    data = amendment()
    pdf = reader(data)
    assert pdf.metadata is not None and pdf.metadata.title == AMENDMENT_TITLE
    assert top_right(pdf.pages[0]) == "编号：LNSF-BC-2036-001"
    assert all(top_left(page) == "机密★10年" for page in pdf.pages)
    assert_says(
        text_of(data),
        "职务科技成果赋权补充协议",
        "甲乙双方已签订《职务科技成果长期使用权赋权协议》（编号：LNSF-SY-2026-002，以下简称“原协议”）",
        "在赋权期结束后，科研单位可以进一步延长科研人员长期使用权期限",
        "就延长长期使用权期限事宜订立本补充协议",
        "期限自2026年2月1日起至2036年2月1日止。",
        "乙方长期使用权的终止日由2036年2月1日延长至2041年2月1日。",
        "原协议其他条款不变",
        "本补充协议于2035年12月1日签订",
        "1 张三 2035年12月1日",
        "甲方（盖章）：辽宁省示范大学",
    )
    assert creation_date(data) == "D:20351201100000+08'00'"
    assert amendment() == data


def test_conversion_amendment() -> None:
    data = amendment(CONVERSION)
    text = text_of(data)
    assert_says(
        text,
        "编号：LNSF-BC-2027-001",
        "就将长期使用权变更为所有权事宜订立本补充协议",
        "在赋权期间，经双方协商一致，可以将长期使用权变更为所有权",
        "所有权份额为：甲方占 20.00%，乙方占 80.00%。",
        "1 张三 60.00% 48.00%",
        "2 李四 40.00% 32.00%",
        "乙方的长期使用权自乙方取得本成果所有权之时终止",
        "向国家知识产权局办理专利权属变更",
        "其他约定 乙方承担此前发生的维持费用。",
        "原协议其他条款不变",
    )
    assert "延长至" not in text


def test_a_later_amendment_starts_from_the_terms_as_amended() -> None:
    later = Amendment(
        3,
        2,
        "conversion",
        "LNSF-BC-2037-002",
        "2037-03-01",
        unit_share=Decimal("10.00"),
        team_share=Decimal("90.00"),
        created_at="2037-03-01T10:00:00+08:00",
    )
    g = grant("use_right", amendments=(EXTENSION, later))
    text = text_of(amendment(later, g))
    assert_says(
        text,
        "依原协议及补充协议（编号：LNSF-BC-2036-001），乙方享有本成果的长期使用权，"
        "期限自2026年2月1日起至2041年2月1日止。",
    )


def test_amendment_without_a_creation_time_is_dated_by_its_signing() -> None:
    data = amendment(dataclasses.replace(EXTENSION, created_at=""))
    assert creation_date(data) == "D:20351201000000"


def test_amendment_of_a_public_achievement_has_no_mark() -> None:
    g = grant("use_right", level="public", secrecy_mark="")
    pdf = reader(amendment(g=g, achievement=SOFTWARE))
    assert all(top_left(page) == "" for page in pdf.pages)


# -- a look at the page ---------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("which", ["ownership", "use_right", "amendment"])
def test_first_page_renders_to_an_image(which: str, tmp_path: Path) -> None:
    data = {
        "ownership": agreement,
        "use_right": lambda: agreement(grant("use_right")),
        "amendment": amendment,
    }[which]()
    source = tmp_path / "doc.pdf"
    source.write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes().startswith(b"\x89PNG")
    assert image.stat().st_size > 10_000
