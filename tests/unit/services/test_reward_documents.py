"""The reward documents through the service over a real vault: a calculation linked to a
registered (classified) contract, saved as the statement, the notice and the workbook; each
file is what ``document`` gives, carries the vault's facts, and its export is audited."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db import audit, people, unit
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.people import PersonDraft
from desktop.domain.rewards import Receipt, RewardDraft, Share
from desktop.errors import ValidationError
from desktop.reports.reward_documents import SHEET_ALLOCATION
from desktop.services.rewards import RewardService
from tests.support import FixedClock
from tests.unit.reports.agreement_pdfs import assert_says, reader, text_of, top_left
from tests.unit.services.test_transformations import World

D = Decimal


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    return World(unlocked[0], clock)


def test_the_three_documents_are_saved_with_the_vault_s_facts_and_audited(
    world: World, tmp_path: Path
) -> None:
    with world.vault.transaction() as conn:
        chemistry = dict((name, id_) for id_, name in unit.department_choices(conn))["化学学院"]
        zhao = people.insert_person(conn, PersonDraft("赵六", chemistry, "教授", "deputy"))
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    t = world.transformations
    tid = t.create(world.officer, world.contract(achievement))
    t.set_registration(world.officer, tid, "2026210100000123", "2026-01-02")
    rewards = RewardService(world.vault, now=world.clock)
    # 100,000.00 × 50% (no unit rule) = 50,000.00; 6 : 4 → 30,000.00 and 20,000.00
    rid = rewards.save(
        world.officer,
        RewardDraft(
            title="镁合金专利转让奖励",
            kind="transfer",
            on="2026-01-05",
            people=(Share(zhao, D(6), main=True), Share(world.li, D(4))),
            transformation_id=tid,
            receipts=(Receipt("2025-12-01", 100_000_00),),
        ),
    )
    files = {
        "statement": tmp_path / "奖励计算表.pdf",
        "notice": tmp_path / "奖励公示.pdf",
        "xlsx": tmp_path / "奖励分配.xlsx",
    }
    for which, path in files.items():
        rewards.save_document(world.officer, rid, which, path)
        assert path.read_bytes() == rewards.document(world.officer, rid, which)

    statement = files["statement"].read_bytes()
    assert_says(
        text_of(statement),
        "单位名称辽宁省示范大学",
        "一种高强度镁合金专利转让合同",
        "沈阳第1科技有限公司",
        "登记号 2026210100000123",
        "1赵六化学学院是副职领导30,000.00",
        "2李四—否—20,000.00",
        "合计50,000.00",
    )
    notice = files["notice"].read_bytes()
    assert_says(text_of(notice), "一、科技成果转化信息", "五、公示期限", "合计50,000.00")
    # the contract's achievement is 秘密: so is every page of both documents
    for pdf in (statement, notice):
        assert {top_left(page) for page in reader(pdf).pages} == {"秘密★"}

    ws = load_workbook(BytesIO(files["xlsx"].read_bytes()))[SHEET_ALLOCATION]
    rows = [row for row in ws.iter_rows(values_only=True)]
    top = next(n for n, row in enumerate(rows) if row[0] == "序号")
    end = next(n for n, row in enumerate(rows) if row[0] == "合计")
    amounts = [D(str(row[5])) for row in rows[top + 1 : end]]
    assert amounts == [D("30000"), D("20000")]
    assert sum(amounts) == D(str(rows[end][5])) == D(50_000_00) / 100

    with world.vault.read() as conn:
        entries = audit.list_page(conn, offset=0, limit=3)
    exported = {json.loads(e.after)["document"]: json.loads(e.after) for e in entries if e.after}
    assert {e.action for e in entries} == {"reward.document_exported"}
    assert {e.level for e in entries} == {"secret"}
    for which, path in files.items():
        assert exported[which]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert exported[which]["path"] == str(path)

    with pytest.raises(ValidationError):
        rewards.save_document(world.officer, rid, "docx", tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
