"""The evidence file over a real vault: a deal with an objection, a listing and a decision,
read back from the PDF; the audit tree head it prints; saving audited and atomic; what each
reader is shown of the audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from db import achievements, audit, unit, users
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.audit import AuditFilter
from desktop.domain.decisions import DecisionDraft
from desktop.errors import PermissionDenied, StorageError
from desktop.services.decisions import DecisionService
from desktop.services.evidence import EXPORTED, EvidenceService
from tests.support import FixedClock
from tests.unit.reports.agreement_pdfs import creation_date, pages_text, reader, text_of, top_left
from tests.unit.services.test_rights_grants import _user
from tests.unit.services.test_transformations import World as TransformationWorld


class World(TransformationWorld):
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        super().__init__(vault, clock)
        self.evidence = EvidenceService(vault, now=clock)
        self.decisions = DecisionService(vault, now=clock)

    def objected_deal(self, **changes: object) -> int:
        """Appraisal waived on 5 Jan 2026, notice from 5 Jan, an objection on 8 Jan, a listing
        from 9 Jan that nobody takes, signed on 27 Jan; a decision linked; a receipt."""
        t = self.transformations
        tid = t.create(self.officer, self.contract(**changes))
        decision = self.decisions.create(
            self.officer,
            DecisionDraft(
                body="office_meeting",
                title="关于镁合金专利协议定价转让的决定",
                decided_on="2026-01-05",
                participants=(
                    "赵校长",
                    "钱副校长",
                    "孙处长",
                    "李教授",
                    "周主任",
                    "吴书记",
                    "郑会计",
                ),
                outcome="approved",
                votes_for=5,
                votes_against=1,
                votes_abstain=1,
                summary="同意以协议定价方式转让，并在校内公示。",
                level="public",
            ),
        )
        self.decisions.link(self.officer, decision, "transformation", str(tid))
        t.record_appraisal(
            self.officer, tid, decision="waived", basis="校长办公会决定不评估", on="2026-01-05"
        )
        t.start_notice(self.officer, tid, "2026-01-05")
        self.go("2026-01-08")
        t.record_objection(
            self.officer, tid, received_on="2026-01-08", content="拟交易价格明显偏低"
        )
        t.start_listing(self.officer, tid, "2026-01-09")
        self.go("2026-01-27")
        t.listing_lapsed(self.officer, tid, "2026-01-27")
        t.sign(self.officer, tid, "2026-01-27")
        t.record_money(
            self.officer, tid, kind="receipt", amount_fen=100_000_00, on="2026-01-27", note="首付款"
        )
        return tid


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    return World(unlocked[0], clock)


def test_the_file_tells_the_procedure_in_the_order_it_happened(world: World) -> None:
    tid = world.objected_deal()
    text = text_of(world.evidence.document(world.officer, tid))
    steps = [
        "2026年1月5日资产评估决定单位决定不进行资产评估；依据：校长办公会决定不评估",
        "2026年1月5日协议定价公示开始",
        "2026年1月8日收到异议异议内容：拟交易价格明显偏低",
        "2026年1月9日技术市场挂牌",
        "2026年1月27日挂牌期满无人摘牌半个月内无人摘牌，按协议定价交易",
        "2026年1月27日合同签订合同签订，登记单列管理台账：应收500,000.00元",
    ]
    positions = [text.find(step) for step in steps]
    assert -1 not in positions, list(zip(steps, positions, strict=True))
    assert positions == sorted(positions)
    for phrase in (
        "一种高强度镁合金专利转让合同",
        "协议定价",
        "500,000.00元",
        "公示期15日，至2026年1月20日24时届满",
        "2026年1月8日收到：拟交易价格明显偏低",
        "至2026年1月26日24时届满（半个月）",
        "起始当日不计入",  # the D1 explanation of the deadline
        "收款合计100,000.00元",
        "尚未收回的应收款400,000.00元",
    ):
        assert phrase in text, phrase


def test_the_decision_is_printed_with_its_body_and_votes(world: World) -> None:
    tid = world.objected_deal()
    text = text_of(world.evidence.document(world.officer, tid))
    for phrase in (
        "决策机构办公会",
        "关于镁合金专利协议定价转让的决定",
        "决策日期2026年1月5日",
        "赵校长、钱副校长、孙处长、李教授、周主任、吴书记、郑会计",
        "决策结果通过",
        "同意5票，反对1票，弃权1票",
        "关联事项本转化合同",
    ):
        assert phrase in text, phrase


def test_a_decision_on_one_of_its_achievements_is_included(world: World) -> None:
    achievement = world.achievement()
    tid = world.transformations.create(world.officer, world.contract(achievement))
    decision = world.decisions.create(
        world.officer,
        DecisionDraft(
            "academic_committee",
            "成果价值论证",
            "2026-01-04",
            ("李教授",),
            "approved",
            None,
            None,
            None,
            "",
            "public",
        ),
    )
    world.decisions.link(world.officer, decision, "achievement", str(achievement))
    text = text_of(world.evidence.document(world.officer, tid))
    assert "成果价值论证" in text and "未记录表决票数" in text
    assert "关联事项成果“一种高强度镁合金”" in text


def test_the_achievements_carry_their_department_and_share(world: World) -> None:
    with world.vault.read() as conn:
        chemistry = next(i for i, name in unit.department_choices(conn) if name == "化学学院")
    first = world.achievement(department_id=chemistry)
    second = world.achievement(title="镁合金热处理工艺", ip_rights=())
    tid = world.transformations.create(world.officer, world.contract(first, second))
    text = text_of(world.evidence.document(world.officer, tid))
    assert "一种高强度镁合金（化学学院）发明专利" in text
    assert "镁合金热处理工艺发明专利无登记的知识产权公开50.00%" in text


def test_the_root_printed_is_the_audit_tree_head_at_that_time(world: World) -> None:
    tid = world.objected_deal()
    with world.vault.read() as conn:
        head = audit.head(conn)
        about = audit.count(conn, AuditFilter(object_type="transformation", object_id=str(tid)))
    assert head is not None
    text = text_of(world.evidence.document(world.officer, tid))
    assert f"树根（十六进制）{head.root.hex()}" in text
    assert f"日志树记录总数{head.size}条" in text
    assert f"与本转化事项有关的审计记录共{about}条，全部列出如下" in text
    # a later entry makes a new tree, and the file says so
    world.transformations.set_registration(world.officer, tid, "2026210100000123", "2026-01-27")
    with world.vault.read() as conn:
        later = audit.head(conn)
    assert later is not None and later.size == head.size + 1
    again = text_of(world.evidence.document(world.officer, tid))
    assert later.root.hex() in again and head.root.hex() not in again
    assert "技术合同登记号2026210100000123" in again


def test_the_audit_entries_are_listed_oldest_first_in_words(world: World) -> None:
    tid = world.objected_deal()
    text = text_of(world.evidence.document(world.officer, tid))
    audit_part = text[text.index("八、审计记录") :]
    actions = ["登记转化合同", "资产评估决定", "协议定价公示开始", "收到异议", "技术市场挂牌"]
    actions += ["挂牌期满无人摘牌", "合同签订", "台账登记收款"]
    positions = [audit_part.find(a) for a in actions]
    assert -1 not in positions and positions == sorted(positions)
    assert "环节：协议定价公示改为公示有异议" in audit_part or (
        "环节：协议定价公示→公示有异议" in audit_part
    )


def test_the_same_vault_gives_the_same_bytes_dated_by_the_log(world: World) -> None:
    tid = world.objected_deal()
    first = world.evidence.document(world.officer, tid)
    world.clock.advance(dt.timedelta(days=3))
    assert world.evidence.document(world.officer, tid) == first
    with world.vault.read() as conn:
        (newest,) = audit.list_page(conn, offset=0, limit=1)
    assert newest.ts.startswith("2026-01-27T09:00")
    assert creation_date(first).startswith("D:20260127090000")


def test_saving_writes_the_file_and_audits_its_hash(world: World, tmp_path: Path) -> None:
    tid = world.objected_deal()
    expected = world.evidence.document(world.officer, tid)
    with world.vault.read() as conn:
        head = audit.head(conn)
    assert head is not None
    path = tmp_path / "证明材料.pdf"
    world.evidence.save(world.officer, tid, path)
    assert path.read_bytes() == expected
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert (entry.action, entry.object_type, entry.object_id) == (
        EXPORTED,
        "transformation",
        str(tid),
    )
    assert entry.after is not None
    after = json.loads(entry.after)
    assert after == {
        "sha256": hashlib.sha256(expected).hexdigest(),
        "path": str(path),
        "head": {"size": head.size, "root": head.root.hex()},
    }
    # the export itself is part of the next file
    assert "导出尽职免责证明材料" in text_of(world.evidence.document(world.officer, tid))


def test_a_failed_write_records_nothing(world: World, tmp_path: Path) -> None:
    tid = world.objected_deal()
    with world.vault.read() as conn:
        before = audit.head(conn)
    folder = tmp_path / "out"
    folder.mkdir()
    taken = folder / "证明材料.pdf"
    taken.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(StorageError):
        world.evidence.save(world.officer, tid, taken)
    with world.vault.read() as conn:
        assert audit.head(conn) == before
    assert list(folder.iterdir()) == [taken]  # no temporary file left behind


def test_a_classified_transformation_is_marked_on_every_page(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    tid = world.transformations.create(world.officer, world.contract(achievement))
    request = world.transformations.request_secrecy_approval(world.officer, tid, "对外转让需要")
    world.approvals.decide(world.secrecy, request.id, approve=True, note="同意转让")
    data = world.evidence.document(world.officer, tid)
    pages = reader(data).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert top_left(page) == "秘密★"
        assert f"第{number}页共{len(pages)}页" in "".join(page.extract_text().split())
    text = text_of(data)
    for phrase in ("保密审批申请", "对外转让需要", "审批状态已批准", "审批意见同意转让"):
        assert phrase in text, phrase
    # the secrecy administrator's decision is among the audit entries
    assert "批准保密审批" in text


def test_entries_above_the_reader_s_clearance_are_listed_without_content(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    t = world.transformations
    tid = t.create(world.officer, world.contract(achievement, title="保密转让合同甲"))
    t.record_appraisal(world.officer, tid, decision="waived", basis="机密的依据", on="2026-01-05")
    # the achievement is declassified, and the contract follows it down to 公开
    with world.vault.transaction() as conn:
        record = achievements.get(conn, achievement)
        assert record is not None
        declassified = replace(record.draft, level="public", secrecy_mark="")
        achievements.update_achievement(conn, achievement, declassified, updated_at="t")
    draft = t.get(world.officer, tid).transformation.draft
    t.update(world.officer, tid, replace(draft, title="公开转让合同乙"))
    with world.vault.transaction() as conn:
        users.update_user(conn, world.officer.id, clearance="internal")
        reader_ = users.get(conn, world.officer.id)
    assert reader_ is not None
    data = world.evidence.document(reader_, tid)
    text = text_of(data)
    assert "与本转化事项有关的审计记录共3条，全部列出如下" in text
    assert "其中3条的内容密级高于导出人的涉密等级，不予显示" in text
    assert "机密的依据" not in text.split("八、审计记录")[1]
    assert "保密转让合同甲" not in text
    assert all(top_left(page) == "" for page in reader(data).pages)


@pytest.mark.parametrize(
    ("roles", "note"),
    [
        (("system_admin",), "系统管理员不查阅审计日志"),
        (("secrecy_admin",), "保密管理员查阅审计日志仅限于安全审计员的操作记录"),
    ],
)
def test_administrators_read_the_log_only_as_the_log_lets_them(
    world: World, roles: tuple[str, ...], note: str
) -> None:
    tid = world.objected_deal()
    admin = _user(world.vault, f"admin-{roles[0]}", roles)
    text = text_of(world.evidence.document(admin, tid))
    audit_part = text[text.index("八、审计记录") :]
    assert note in audit_part
    assert "本材料列出其中0条" in audit_part
    assert "登记转化合同" not in audit_part
    with world.vault.read() as conn:
        head = audit.head(conn)
    assert head is not None and head.root.hex() in audit_part
    # the procedure itself is still there
    assert "2026年1月8日收到：拟交易价格明显偏低" in text


def test_the_security_auditor_reads_every_entry(world: World) -> None:
    tid = world.objected_deal()
    auditor = _user(world.vault, "auditor", ("security_auditor",))
    text = text_of(world.evidence.document(auditor, tid))
    assert "全部列出如下" in text and "登记转化合同" in text


def test_only_readers_of_the_transformation_get_its_file(world: World) -> None:
    tid = world.transformations.create(
        world.officer, world.contract(world.achievement(level="secret", secrecy_mark="秘密★"))
    )
    researcher = _user(world.vault, "researcher", ("researcher",))
    with pytest.raises(PermissionDenied):
        world.evidence.document(researcher, tid)
    with world.vault.transaction() as conn:
        users.update_user(conn, world.officer.id, clearance="internal")
        low = users.get(conn, world.officer.id)
    assert low is not None
    with pytest.raises(PermissionDenied):
        world.evidence.document(low, tid)
    with pytest.raises(PermissionDenied):
        world.evidence.document(world.secrecy, 999)


def test_pages_carry_their_numbers(world: World) -> None:
    tid = world.objected_deal()
    texts = pages_text(world.evidence.document(world.officer, tid))
    for number, page in enumerate(texts, start=1):
        assert f"第{number}页共{len(texts)}页" in "".join(page.split())
