"""The reward documents: the statement and the notice read back with pypdf (each person's
amount, a total equal to the pool, the steps with their rules and sources, the 103号 headings,
the mark on every page), the allocation workbook read back with openpyxl (amounts as numbers
adding up to the pool), and the same bytes for the same calculation."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.rewards import (
    Deduction,
    Receipt,
    Recipient,
    RewardCalculation,
    RewardInput,
    UnitPolicy,
    calculate,
)
from desktop.domain.transformations import Allocation, Transformation, TransformationDraft
from desktop.reports.reward_documents import (
    NOTICE_TITLE,
    SHEET_ALLOCATION,
    SHEET_STEPS,
    STATEMENT_TITLE,
    YUAN_FORMAT,
    Context,
    allocation_xlsx,
    render_notice,
    render_statement,
)
from tests.unit.reports.agreement_pdfs import (
    assert_says,
    creation_date,
    font_report,
    pages_text,
    reader,
    text_of,
    top_left,
    top_right,
)

D = Decimal
POLICY = UnitPolicy(allowed_deductions=frozenset({"评估费"}), source="校字〔2024〕8号")
# 5 : 3 : 2 of a pool of 656,666.67 yuan (1,333,333.33 − 20,000.00 = 1,313,333.33; × 50%,
# half up): 328,333.335 / 197,000.001 / 131,333.334 → floors 328,333.33 / 197,000.00 /
# 131,333.33 and the one fen left to the largest remainder, 张三's (0.5 of a fen).
PEOPLE = (
    Recipient(1, "张三", D(5), main=True, leader_type="deputy"),
    Recipient(2, "李四", D(3), main=True),
    Recipient(3, "王五", D(2)),
)
AMOUNTS = {"张三": "328,333.34", "李四": "197,000.00", "王五": "131,333.33"}
POOL = "656,666.67"
TAXABLE = {"张三": "164,166.67", "李四": "98,500.00", "王五": "65,666.67"}
DEPARTMENTS = {1: "材料学院", 2: "化学学院"}  # 王五: none recorded


def transfer_input(**changes: Any) -> RewardInput:
    data = RewardInput(
        kind="transfer",
        recipients=PEOPLE,
        policy=POLICY,
        on="2026-01-05",
        receipts=(Receipt("2025-12-01", 1_000_000_00), Receipt("2025-12-20", 333_333_33)),
        deductions=(Deduction("评估费", 20_000_00),),
        contract_registered=True,
        pay_on="2026-02-01",
    )
    return replace(data, **changes)


def calculation(data: RewardInput | None = None, **changes: Any) -> RewardCalculation:
    data = data or transfer_input()
    c = RewardCalculation(
        id=3,
        title="镁合金专利转让奖励",
        transformation_id=9,
        input=data,
        result=calculate(data),
        level="public",
        state="calculated",
        created_by="officer",
        created_at="2026-01-05T08:03:00+00:00",
    )
    return replace(c, **changes)


DEAL = Transformation(
    id=9,
    draft=TransformationDraft(
        form="transfer",
        title="一种高强度镁合金专利转让合同",
        counterparty_id=1,
        allocations=(Allocation(1, D(100)),),
        price_fen=1_333_333_33,
        method="negotiated",
        contract_registration_no="2026210100000123",
        contract_registration_date="2026-01-02",
    ),
    state="signed",
    level="public",
    created_by="officer",
    created_at="2026-01-02T08:00:00+00:00",
    updated_at="2026-01-02T08:00:00+00:00",
    counterparty_name="沈阳第一科技有限公司",
    achievement_titles=("一种高强度镁合金", "镁合金热处理工艺"),
)


def context(c: RewardCalculation | None = None, deal: Transformation | None = DEAL) -> Context:
    return Context("辽宁省示范大学", c or calculation(), deal, DEPARTMENTS)


@pytest.fixture(scope="module")
def statement() -> bytes:
    return render_statement(context())


@pytest.fixture(scope="module")
def notice() -> bytes:
    return render_notice(context())


# -- reading the tables back -------------------------------------------------------------------
MONEY = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$")


def lines_of(data: bytes) -> list[str]:
    return [line.strip() for page in pages_text(data) for line in page.splitlines()]


def money_after(lines: list[str], label: str, count: int = 1, start: int = 0) -> list[str]:
    """The first ``count`` amounts printed after the first ``label`` at or after ``start``."""
    index = lines.index(label, start)
    found = [line for line in lines[index + 1 :] if MONEY.match(line)]
    return found[:count]


def fen(text: str) -> int:
    return int(text.replace(",", "").replace(".", ""))


# -- the statement -----------------------------------------------------------------------------
def test_the_statement_is_titled_and_names_the_unit_kind_date_and_contract(
    statement: bytes,
) -> None:
    meta = reader(statement).metadata
    assert meta is not None and meta.title == STATEMENT_TITLE
    assert_says(
        text_of(statement),
        STATEMENT_TITLE,
        "镁合金专利转让奖励",
        "单位名称辽宁省示范大学",
        "奖励类型转让",
        "计算日期2026年1月5日",
        "一种高强度镁合金专利转让合同（转化合同 9）",
        "合作方沈阳第一科技有限公司",
        "一种高强度镁合金",
        "镁合金热处理工艺",
        "登记号 2026210100000123，登记日期 2026年1月2日",
    )


def test_the_statement_shows_how_the_pool_was_formed(statement: bytes) -> None:
    assert_says(
        text_of(statement),
        "2025年12月1日收到 1,000,000.00 元",
        "2025年12月20日收到 333,333.33 元",
        "合计 1,333,333.33 元",
        "评估费 20,000.00 元",
        "净收入1,313,333.33 元",
        "奖励比例50%",
        f"奖励总额{POOL} 元",
    )


def test_each_person_s_amount_is_printed_and_the_total_is_the_pool(statement: bytes) -> None:
    lines = lines_of(statement)
    start = lines.index("二、奖励分配")
    printed = {name: money_after(lines, name, 2, start) for name in AMOUNTS}
    assert printed == {name: [AMOUNTS[name], TAXABLE[name]] for name in AMOUNTS}
    assert sum(fen(amount) for amount, _ in printed.values()) == fen(POOL)
    assert money_after(lines, "合计", 2, start) == [POOL, "328,333.34"]
    # the people's departments and posts; nobody's department recorded reads "—"
    assert_says(text_of(statement), "张三材料学院是副职领导", "李四化学学院是—", "王五—否—")


def test_the_steps_in_order_with_rule_source_and_status(statement: bytes) -> None:
    text = text_of(statement)
    c = calculation()
    positions = [text.index("".join(step.text.split())) for step in c.result.steps]
    assert positions == sorted(positions)
    assert_says(
        text,
        "三、计算过程",
        # C1 is unverified, the main contributors' floor a secondary source
        "C1法律未统一规定净收入口径，按单位规定的扣除项目计算（legal-rules 1.9）未经核实",
        "国发〔2016〕16号 二（五）二手来源",
        "《促进科技成果转化法》第四十五条第一款第（一）项已核实",
    )


def test_per_person_tax_and_pay_notes_and_the_rule_versions(statement: bytes) -> None:
    text = text_of(statement)
    assert_says(
        text,
        "五、个人说明",
        "现金奖励 328,333.34 元中 328,333.34 元可减按50%计入当月工资薪金，计入 164,166.67 元",
        "不作为社会保险缴费基数",
        "C10",
        "领导人员的奖励须公示完毕后方可发放",
        "六、所用规则版本",
        "national.reward.transfer_min_rate2015年10月1日0.50",
        "tax.iit.window_months2018年7月1日36",
        "在取得科技成果转化收入三年（36个月）内发放的现金奖励",
    )
    for rule_id, _, _ in calculation().result.rules_used:
        assert rule_id in text


def test_warnings_are_printed_and_signature_lines_close_the_statement() -> None:
    # 100.00 − 200.00 < 0: a pool of 0 and a warning
    data = transfer_input(
        receipts=(Receipt("2025-12-01", 100_00),), deductions=(Deduction("评估费", 200_00),)
    )
    text = text_of(render_statement(context(calculation(data))))
    assert_says(text, "四、提示", "净收入为负数，本次奖励总额为 0", "E_NET_INCOME_NEGATIVE")
    assert_says(text, "合计0.000.00")
    last = pages_text(render_statement(context()))[-1]
    for who in ("经办人（签字）", "审核人（签字）", "单位负责人（签字）"):
        assert who in last


def test_an_unlinked_calculation_says_so_and_whether_the_contract_was_registered() -> None:
    unlinked = calculation(transformation_id=None)
    text = text_of(render_statement(context(unlinked, None)))
    assert_says(text, "转化合同未关联转化合同", "技术合同登记已认定登记（登记号未录入本系统）")
    unregistered = calculation(transfer_input(contract_registered=False), transformation_id=None)
    assert_says(text_of(render_statement(context(unregistered, None))), "技术合同登记尚未登记")


def test_an_equity_reward_is_counted_in_shares() -> None:
    # 1,000,001 × 50% = 500,000.5 → 500,000 shares; 5 : 3 : 2 → 250,000 / 150,000 / 100,000
    data = RewardInput(
        kind="equity", recipients=PEOPLE, policy=POLICY, on="2026-01-05", equity_shares=1_000_001
    )
    pdf = render_statement(context(calculation(data), None))
    text = text_of(pdf)
    assert_says(text, "奖励股份（股）", "作价投资形成股份 1,000,001 股", "奖励总额500,000 股")
    assert_says(text, "张三材料学院是副职领导250,000", "合计500,000", "股份数不足一股的部分已舍去")
    assert "计入工资薪金" not in text
    assert_says(text_of(render_notice(context(calculation(data), None))), "三、股权奖励信息")


def test_an_equity_reward_as_a_capital_percentage() -> None:
    # 10% × 50% = 5.0000%; 5 : 3 : 2 → 2.5000% / 1.5000% / 1.0000%
    data = RewardInput(
        kind="equity", recipients=PEOPLE, policy=POLICY, on="2026-01-05", equity_percent=D(10)
    )
    text = text_of(render_statement(context(calculation(data), None)))
    assert_says(text, "奖励出资比例（%）", "2.5000%", "1.5000%", "1.0000%", "合计5.0000%")


@pytest.mark.parametrize(
    ("data", "source_rows", "pool"),
    [
        # 1,000,000.00 × 5% = 50,000.00; −50,000.00 → 0; 200,000.00 × 5% = 10,000.00
        (
            RewardInput(
                "implementation",
                PEOPLE,
                POLICY,
                "2026-01-05",
                profits_fen=(1_000_000_00, -50_000_00, 200_000_00),
            ),
            ("第1年 1,000,000.00 元", "第2年 -50,000.00 元", "奖励比例5%"),
            "60,000.00",
        ),
        # 1,234,567.89 × 90% = 1,111,111.101 → 1,111,111.10
        (
            RewardInput(
                "surplus",
                PEOPLE,
                POLICY,
                "2026-01-05",
                surplus_returns_fen=1_234_567_89,
                surplus_share=D(90),
            ),
            ("结余经费出资转化收益1,234,567.89 元", "科研人员收益比例90%"),
            "1,111,111.10",
        ),
    ],
    ids=["implementation", "surplus"],
)
def test_other_kinds_show_where_the_pool_came_from(
    data: RewardInput, source_rows: tuple[str, ...], pool: str
) -> None:
    c = calculation(data, transformation_id=None)
    statement = render_statement(context(c, None))
    assert_says(text_of(statement), *source_rows, f"奖励总额{pool} 元")
    lines = lines_of(statement)
    printed = [money_after(lines, name, 1, lines.index("二、奖励分配"))[0] for name in AMOUNTS]
    assert sum(fen(amount) for amount in printed) == fen(pool) == c.result.pool_fen
    assert money_after(lines, "合计", 1, lines.index("二、奖励分配")) == [pool]
    assert_says(text_of(render_notice(context(c, None))), "三、现金奖励信息", f"合计{pool}")


def test_a_calculation_whose_lines_do_not_add_up_is_never_printed() -> None:
    c = calculation()
    first, *rest = c.result.lines
    broken = replace(c, result=replace(c.result, lines=(replace(first, amount_fen=1), *rest)))
    for make in (render_statement, render_notice, allocation_xlsx):
        with pytest.raises(ValueError, match="add up"):
            make(context(broken))


# -- the mark, pages, fonts, bytes ---------------------------------------------------------------
@pytest.mark.parametrize(("level", "mark"), [("confidential", "机密★"), ("internal", "内部")])
def test_the_mark_of_the_level_on_every_page(level: str, mark: str) -> None:
    c = calculation(level=level)
    for pdf in (render_statement(context(c)), render_notice(context(c))):
        pages = reader(pdf).pages
        assert len(pages) >= 2
        assert [top_left(page) for page in pages] == [mark] * len(pages)
        assert [top_right(page) for page in pages] == ["编号：奖励计算3"] * len(pages)


def test_a_public_calculation_carries_no_mark(statement: bytes) -> None:
    assert {top_left(page) for page in reader(statement).pages} == {""}


def test_page_numbers_and_embedded_fonts(statement: bytes, notice: bytes) -> None:
    for pdf, title in ((statement, STATEMENT_TITLE), (notice, NOTICE_TITLE)):
        texts = pages_text(pdf)
        for number, text in enumerate(texts, start=1):
            assert f"{title} · 第 {number} 页 共 {len(texts)} 页" in text
        for page in reader(pdf).pages:
            assert all(embedded for _, embedded in font_report(page))


def test_the_same_calculation_gives_the_same_bytes_dated_by_its_creation(
    statement: bytes, notice: bytes
) -> None:
    assert render_statement(context()) == statement
    assert render_notice(context()) == notice
    assert allocation_xlsx(context()) == allocation_xlsx(context())
    assert creation_date(statement).startswith("D:20260105080300")
    later = calculation(created_at="2026-03-01T10:00:00+00:00")
    assert creation_date(render_notice(context(later))).startswith("D:20260301100000")


# -- the notice ----------------------------------------------------------------------------------
def test_the_notice_has_the_fields_of_103(notice: bytes) -> None:
    text = text_of(notice)
    headings = [
        "一、科技成果转化信息",
        "二、奖励人员信息",
        "三、现金奖励信息",
        "四、技术合同登记信息",
        "五、公示期限",
        "六、异议的提出",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert_says(
        text,
        NOTICE_TITLE,
        "国科发政〔2018〕103号",
        "成果名称一种高强度镁合金镁合金热处理工艺",
        "转化方式转让",
        "合作方沈阳第一科技有限公司",
        "合同金额1,333,333.33 元",
        "张三材料学院副职领导主要贡献人员",
        "王五——作出重要贡献的人员",
        f"奖励总额{POOL} 元",
        "已认定登记，登记号 2026210100000123，登记日期 2026年1月2日",
        "请在公示期内以书面形式向辽宁省示范大学科技成果转化管理部门",
    )


def test_the_notice_lists_each_amount_and_the_total(notice: bytes) -> None:
    lines = lines_of(notice)
    start = lines.index("三、现金奖励信息")
    printed = {name: money_after(lines, name, 1, start)[0] for name in AMOUNTS}
    assert printed == AMOUNTS
    assert sum(fen(amount) for amount in printed.values()) == fen(POOL)
    assert money_after(lines, "合计", 1, start) == [POOL]


def test_a_notice_not_yet_started_leaves_the_period_and_date_blank(notice: bytes) -> None:
    text = text_of(notice)
    assert_says(text, "五、公示期限自____起____个工作日（工作日计算）")
    assert_says(text, "辽宁省示范大学______年____月____日")


def test_a_started_notice_prints_its_period_and_date() -> None:
    started = calculation(state="notice", notice_start="2026-01-06", notice_end="2026-01-27")
    text = text_of(render_notice(context(started)))
    assert_says(text, "自2026年1月6日起至2026年1月27日止（工作日计算）")
    assert_says(text, "辽宁省示范大学2026年1月6日")


def test_an_unregistered_contract_is_said_to_be_not_registered() -> None:
    deal = replace(
        DEAL,
        draft=replace(DEAL.draft, contract_registration_no="", contract_registration_date=None),
    )
    c = calculation(transfer_input(contract_registered=False))
    assert_says(text_of(render_notice(context(c, deal))), "四、技术合同登记信息尚未登记")


def test_a_cancelled_calculation_says_so_on_both_documents() -> None:
    cancelled = calculation(state="cancelled")
    for pdf in (render_statement(context(cancelled)), render_notice(context(cancelled))):
        assert_says(text_of(pdf), "本奖励计算已作废")


# -- the workbook -----------------------------------------------------------------------------
def sheet(data: bytes, name: str) -> Worksheet:
    ws = load_workbook(BytesIO(data))[name]
    assert isinstance(ws, Worksheet)
    return ws


def table(ws: Worksheet) -> tuple[list[Any], list[list[Any]], list[Any], int]:
    """(header, rows per person, the totals row, the header's row number)."""
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    top = next(n for n, row in enumerate(rows) if row[0] == "序号")
    end = next(n for n, row in enumerate(rows) if row[0] == "合计")
    return rows[top], rows[top + 1 : end], rows[end], top + 1


def test_the_allocation_sheet_adds_up_to_the_pool() -> None:
    c = calculation()
    ws = sheet(allocation_xlsx(context(c)), SHEET_ALLOCATION)
    header, people, total, top = table(ws)
    assert header == [
        "序号",
        "姓名",
        "部门",
        "主要贡献",
        "领导职务",
        "奖励金额（元）",
        "计入工资薪金（元）",
    ]
    assert [row[:5] for row in people] == [
        [1, "张三", "材料学院", "是", "副职领导"],
        [2, "李四", "化学学院", "是", "—"],
        [3, "王五", None, "否", "—"],
    ]
    amounts = [D(str(row[5])) for row in people]
    assert amounts == [D(AMOUNTS[n].replace(",", "")) for n in ("张三", "李四", "王五")]
    assert sum(amounts) == D(c.result.pool_fen) / 100 == D(str(total[5]))
    assert sum(D(str(row[6])) for row in people) == D(str(total[6])) == D("328333.34")
    for row in range(top + 1, top + len(people) + 2):
        assert ws.cell(row, 6).number_format == YUAN_FORMAT
        assert ws.cell(row, 7).number_format == YUAN_FORMAT


def test_the_steps_sheet_lists_steps_warnings_notes_and_rules() -> None:
    c = calculation()
    ws = sheet(allocation_xlsx(context(c)), SHEET_STEPS)
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    top = next(n for n, row in enumerate(rows) if row[0] == "序号")
    assert rows[top] == ["序号", "类别", "内容", "规则", "依据", "核实情况"]
    body = rows[top + 1 :]
    steps = [row for row in body if row[1] == "计算步骤"]
    assert [row[2] for row in steps] == [s.text for s in c.result.steps]
    assert steps[0][3:] == ["C1", c.result.steps[0].source, "未经核实"]
    assert sum(row[1] == "个人说明：张三" for row in body) == len(c.result.lines[0].notes)
    assert [row[3] for row in body if row[1] == "所用规则版本"] == [
        r[0] for r in c.result.rules_used
    ]


def test_an_equity_sheet_counts_shares() -> None:
    data = RewardInput(
        kind="equity", recipients=PEOPLE, policy=POLICY, on="2026-01-05", equity_shares=1_000_001
    )
    ws = sheet(allocation_xlsx(context(calculation(data), None)), SHEET_ALLOCATION)
    header, people, total, _ = table(ws)
    assert header[5] == "奖励股份（股）" and len(header) == 6
    assert [row[5] for row in people] == [250_000, 150_000, 100_000]
    assert sum(row[5] for row in people) == total[5] == 500_000


def test_a_name_that_looks_like_a_formula_stays_text() -> None:
    people = (Recipient(1, "=HYPERLINK(1)", D(1), main=True),)
    ws = sheet(
        allocation_xlsx(context(calculation(transfer_input(recipients=people)))), SHEET_ALLOCATION
    )
    _, rows, _, top = table(ws)
    assert rows[0][1] == "=HYPERLINK(1)"
    assert ws.cell(top + 1, 2).data_type == "s"


@settings(max_examples=25)
@given(
    weights=st.lists(st.integers(1, 1000), min_size=1, max_size=6),
    received=st.integers(0, 10**12),
)
def test_any_split_adds_up_to_the_pool_in_the_sheet(weights: list[int], received: int) -> None:
    people = tuple(Recipient(n, f"人{n}", D(w), main=True) for n, w in enumerate(weights, start=1))
    data = transfer_input(recipients=people, receipts=(Receipt("2025-12-01", received),))
    data = replace(data, deductions=())
    c = calculation(data)
    _, rows, total, _ = table(sheet(allocation_xlsx(context(c, None)), SHEET_ALLOCATION))
    assert sum(D(str(row[5])) for row in rows) == D(str(total[5])) == D(c.result.pool_fen) / 100


# -- what it looks like -----------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("which", ["statement", "notice"])
def test_the_first_page_renders_to_an_image(which: str, tmp_path: Path) -> None:
    c = calculation(level="confidential", state="notice", notice_start="2026-01-06")
    render = render_statement if which == "statement" else render_notice
    source = tmp_path / f"{which}.pdf"
    source.write_bytes(render(context(c)))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes().startswith(b"\x89PNG")
    assert image.stat().st_size > 10_000
