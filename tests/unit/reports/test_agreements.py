"""What the agreement PDFs share: numerals, percents, dates, the page mark, the page frame
(document number and mark on every page, page numbers, fonts) and reproducible bytes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib import textsplit
from reportlab.platypus import paragraph as rl_paragraph

from desktop.reports.agreements import (
    BLANK_DATE,
    Clauses,
    TeamMember,
    cn_number,
    count_words,
    ip_text,
    mark_of,
    para,
    pdf_date,
    percent,
    render,
    signature_date,
    styles,
    team_names,
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


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (12, "十二"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
    ],
)
def test_clause_numbers_in_chinese(n: int, words: str) -> None:
    assert cn_number(n) == words


@pytest.mark.parametrize("n", [0, 100, -1])
def test_clause_numbers_outside_1_to_99_are_refused(n: int) -> None:
    with pytest.raises(ValueError):
        cn_number(n)


def test_counts_beyond_99_are_digits() -> None:
    assert count_words(4) == "四"
    assert count_words(102) == "102"


_UNITS = "一二三四五六七八九"


@given(st.integers(min_value=1, max_value=99))
def test_chinese_numerals_read_back(n: int) -> None:
    text = cn_number(n)
    tens, ten, units = text.partition("十")
    value = (_UNITS.index(units) + 1 if units else 0) if ten else _UNITS.index(text) + 1
    if ten:
        value += 10 * (_UNITS.index(tens) + 1 if tens else 1)
    assert value == n


def test_percent_keeps_the_decimal_as_given() -> None:
    assert percent(Decimal("30.00")) == "30.00%"
    assert percent(Decimal("33.33")) == "33.33%"
    assert percent(Decimal("23.331")) == "23.331%"
    assert percent(Decimal("1E+2")) == "100%"


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026-01-05T08:03:00+08:00", "D:20260105080300+08'00'"),
        ("2026-01-05T08:03:00+00:00", "D:20260105080300+00'00'"),
        ("2026-01-05T08:03:00-05:30", "D:20260105080300-05'30'"),
        ("2026-01-05T08:03:00", "D:20260105080300"),
        ("2026-01-05", "D:20260105000000"),
        ("", None),
        ("soon", None),
    ],
)
def test_pdf_date_of_a_record_timestamp(stamp: str, expected: str | None) -> None:
    assert pdf_date(stamp) == expected


def test_signature_date_is_written_or_left_blank() -> None:
    assert signature_date("2026-01-05") == "2026年1月5日"
    assert signature_date(None) == BLANK_DATE == "______年____月____日"


def test_ip_numbers_listed_or_none_said() -> None:
    assert ip_text(("CN202310123456.7", "2023SR0123456")) == "CN202310123456.7、2023SR0123456"
    assert ip_text(()) == "无登记的知识产权"


def test_team_names_abbreviated_beyond_four() -> None:
    def member(name: str) -> TeamMember:
        return TeamMember(name, "", Decimal(25))

    assert team_names([member("张三"), member("李四")]) == "张三、李四"
    five = [member(n) for n in ("甲一", "乙二", "丙三", "丁四", "戊五")]
    assert team_names(five) == "甲一、乙二、丙三等 5 人"


@pytest.mark.parametrize(
    ("secrecy_mark", "level", "expected"),
    [
        ("机密★10年", "confidential", "机密★10年"),
        ("", "internal", "内部"),
        ("", "public", ""),
        # A classified record without its own mark is still marked, never lower than its level.
        ("", "confidential", "机密★"),
    ],
)
def test_page_mark_of_a_grant(secrecy_mark: str, level: str, expected: str) -> None:
    assert mark_of(secrecy_mark, level) == expected


# -- the page frame -------------------------------------------------------------------------------
def sample(
    *,
    mark: str = "秘密★5年",
    created_at: str = "2026-01-05T08:03:00+08:00",
    clauses: int = 3,
    doc_no: str = "LNSF-T-2026-007",
) -> bytes:
    s = styles()
    numbered = Clauses(s)
    for n in range(1, clauses + 1):
        numbered.add(f"条款{n}", f"第{n}条的正文，含 Latin 与数字 {n}。\n第二段。")
    return render(
        title="测试协议",
        doc_no=doc_no,
        mark=mark,
        created_at=created_at,
        author="辽宁省示范大学",
        story=[para("前言", s["body"]), *numbered.story],
    )


def test_clauses_are_numbered_in_order_and_split_into_paragraphs() -> None:
    data = sample(clauses=12)
    text = text_of(data)
    # A line break in the text starts a new paragraph (its own line, indented).
    lines = [line.strip() for page in pages_text(data) for line in page.splitlines()]
    assert lines.count("第二段。") == 12
    positions = [text.index(f"第{cn_number(n)}条条款{n}") for n in range(1, 13)]
    assert positions == sorted(positions)
    assert_says(text, "第十二条　条款12 第12条的正文，含 Latin 与数字 12。第二段。")


def test_every_page_has_mark_number_and_page_count() -> None:
    data = sample(clauses=40)
    pdf = reader(data)
    total = len(pdf.pages)
    assert total >= 2
    for number, page in enumerate(pdf.pages, start=1):
        assert top_left(page) == "秘密★5年"
        assert top_right(page) == "编号：LNSF-T-2026-007"
        assert f"测试协议 · 第 {number} 页 共 {total} 页" in page.extract_text()


def test_no_mark_leaves_the_top_left_empty() -> None:
    pdf = reader(sample(mark="", clauses=40))
    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        assert top_left(page) == ""
        assert top_right(page) == "编号：LNSF-T-2026-007"


def test_a4_portrait_with_metadata() -> None:
    pdf = reader(sample())
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert pdf.metadata is not None
    assert pdf.metadata.title == "测试协议"
    assert pdf.metadata.author == "辽宁省示范大学"
    assert pdf.metadata.subject == "编号：LNSF-T-2026-007"


def test_fonts_are_embedded_and_no_helvetica() -> None:
    for page in reader(sample(clauses=40)).pages:
        report = font_report(page)
        assert report and all(embedded for _, embedded in report), report
        assert not any("Helvetica" in name for name, _ in report)
        assert any(name.endswith("+DroidSansFallback") for name, _ in report)


def test_same_input_same_bytes_and_the_creation_date_is_the_records() -> None:
    first = sample()
    assert sample() == first
    assert creation_date(first) == "D:20260105080300+08'00'"
    later = sample(created_at="2026-02-01T09:30:00+08:00")
    assert later != first
    assert creation_date(later) == "D:20260201093000+08'00'"
    meta = reader(later).metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date.isoformat() == "2026-02-01T09:30:00+08:00"


def test_without_a_record_time_the_invariant_date_stays() -> None:
    # reportlab's invariant mode: 2000-01-01, never the clock.
    assert creation_date(sample(created_at="")) == "D:20000101000000+00'00'"


def test_markup_characters_are_text() -> None:
    text = "".join(pages_text(sample(doc_no="A<B>&C")))
    assert "编号：A<B>&C" in text


def test_chinese_punctuation_never_starts_a_line() -> None:
    s = styles()
    # Sentences of every length, so that line ends fall just before many of the marks.
    text = "".join(
        f"第{n}项{'甲乙丙丁' * (n % 5)}约定{'戊' * (n % 7)}，事项{n}；依据：条款{n}！"
        for n in range(60)
    )
    data = render(
        title="测试协议",
        doc_no="T-1",
        mark="",
        created_at="",
        author="",
        story=[para(text, s["body"]), para(text.replace("项", ""), s["plain"])],
    )
    lines = [line.strip() for page in pages_text(data) for line in page.splitlines()]
    assert len(lines) > 30
    assert not [line for line in lines if line[:1] and line[0] in "，；：！？"]


def test_reportlabs_own_line_rules_are_restored_after_a_document() -> None:
    before = (textsplit.ALL_CANNOT_START, rl_paragraph.ALL_CANNOT_START)
    assert "，" not in before[1]
    sample()
    assert before == (textsplit.ALL_CANNOT_START, rl_paragraph.ALL_CANNOT_START)
