"""The register's Excel in and out through the service: a preview writes nothing, an import is
all or nothing and audited per record, an export holds only what the user may see and is audited
with its filter and count, and an exported list imports back as the same records."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db import audit, people, settings, unit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, AchievementQuery, Completer, IpRight
from desktop.domain.audit import AuditEntry
from desktop.domain.ip_numbers import patent_check_digit
from desktop.domain.people import PersonDraft
from desktop.errors import Cancelled, PermissionDenied, StorageError, ValidationError
from desktop.exchange import achievements_xlsx as x
from desktop.exchange.achievements_xlsx import ImportPreview, ImportRow
from desktop.resources import resource_path
from desktop.services.achievements import AchievementService
from tests.support import FixedClock


def _user(vault: Vault, login: str, roles: tuple[str, ...], clearance: str = "internal") -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        settings.put(conn, "several_roles_allowed", True)
        users.insert_user(conn, user_id, UserDraft(login, login, roles, clearance), created_at="t")
        user = users.get(conn, user_id)
    assert user is not None
    return user


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> AchievementService:
    return AchievementService(unlocked[0], now=clock)


@pytest.fixture
def world(unlocked: tuple[Vault, User]) -> dict[str, int]:
    """Departments 科技处 and 化学学院 (from the first run) and three people."""
    vault, _ = unlocked
    with vault.transaction() as conn:
        departments = {name: i for i, name in unit.department_choices(conn)}
        ids = {
            "张三": people.insert_person(
                conn, PersonDraft("张三", departments["化学学院"], "研究员", "none")
            ),
            "李四": people.insert_person(
                conn, PersonDraft("李四", departments["化学学院"], "教授", "none")
            ),
            "王五": people.insert_person(conn, PersonDraft("王五", None, "讲师", "none")),
        }
    return {**departments, **ids}


@pytest.fixture
def officer(unlocked: tuple[Vault, User]) -> User:
    return _user(unlocked[0], "officer", ("transfer_officer",), "secret")


def patent(serial: int) -> str:
    """A valid invention-patent application number of 2017 (check digit included)."""
    digits = f"2017101{serial:05d}"
    return f"{digits}.{patent_check_digit(digits)}"


def row(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        x.TITLE: "一种高强韧镁合金的制备方法",
        x.KIND: "发明专利",
        x.DEPARTMENT: "化学学院",
        x.FUNDING: "自筹",
        x.COMPLETERS: "张三:负责人:60、李四:成员:40",
        x.IP_NUMBERS: "201710601862.3",
        x.APPLIED: "2017-07-26",
        x.LEVEL: "公开",
    }
    values.update(changes)
    return values


def workbook(path: Path, rows: list[dict[str, Any]]) -> Path:
    book = load_workbook(resource_path("templates/achievements-import.xlsx"))
    sheet = book[x.SHEET]
    for number, values in enumerate(rows, start=2):
        for column, header in enumerate(x.COLUMNS, start=1):
            sheet.cell(row=number, column=column, value=values.get(header))
    book.save(path)
    return path


def _log(vault: Vault) -> list[AuditEntry]:
    with vault.read() as conn:
        return audit.list_page(conn, offset=0, limit=1000)


def _count(service: AchievementService, actor: User) -> int:
    return service.count(actor, AchievementQuery())


# -- import -----------------------------------------------------------------------------------


def test_import_nothing_or_only_the_good_rows(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
) -> None:
    vault, _ = unlocked
    path = workbook(
        tmp_path / "成果.xlsx",
        [
            row(),
            row(**{x.COMPLETERS: "张三:负责人:99"}),
            row(**{x.TITLE: "第二项", x.IP_NUMBERS: patent(2)}),
        ],
    )
    before = _log(vault)
    preview = service.preview_import(officer, path)
    assert [r.row for r in preview.rows] == [2, 4]
    assert [(p.row, p.column) for p in preview.problems] == [(3, x.COMPLETERS)]
    assert _log(vault) == before  # a preview writes nothing

    with pytest.raises(ValidationError, match="1 行有问题，未导入任何成果") as raised:
        service.import_rows(officer, preview, only_good=False)
    assert raised.value.field == "import"
    assert _log(vault) == before
    assert _count(service, officer) == 0

    assert service.import_rows(officer, preview, only_good=True) == 2
    listed = service.page(officer, 0, 10, AchievementQuery(sort="id", descending=False))
    assert [r.title for r in listed] == ["一种高强韧镁合金的制备方法", "第二项"]
    stored = service.get(officer, listed[0].id).draft
    assert stored.completers == (
        Completer(world["张三"], "lead", Decimal(60)),
        Completer(world["李四"], "member", Decimal(40)),
    )
    assert stored.department_id == world["化学学院"]
    new = _log(vault)[: len(_log(vault)) - len(before)]
    assert [(e.action, e.object_id, e.reason) for e in reversed(new)] == [
        ("achievement.created", str(listed[0].id), "导入：成果.xlsx 第 2 行"),
        ("achievement.created", str(listed[1].id), "导入：成果.xlsx 第 4 行"),
    ]


def test_a_file_without_problems_imports_with_either_choice(
    service: AchievementService, world: dict[str, int], officer: User, tmp_path: Path
) -> None:
    preview = service.preview_import(officer, workbook(tmp_path / "in.xlsx", [row()]))
    assert preview.problems == ()
    assert service.import_rows(officer, preview, only_good=False) == 1


def test_rows_above_the_importers_clearance_are_problems(
    unlocked: tuple[Vault, User], service: AchievementService, world: dict[str, int], tmp_path: Path
) -> None:
    low = _user(unlocked[0], "low", ("transfer_officer",), "internal")
    path = workbook(
        tmp_path / "in.xlsx",
        [
            row(**{x.LEVEL: "秘密", x.MARK: "秘密★10年"}),
            row(**{x.LEVEL: "内部", x.IP_NUMBERS: patent(3)}),
        ],
    )
    preview = service.preview_import(low, path)
    assert [r.row for r in preview.rows] == [3]
    [problem] = preview.problems
    assert (problem.row, problem.column) == (2, x.LEVEL)
    assert "高于您的涉密等级" in problem.reason


def test_people_who_left_are_not_offered(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
) -> None:
    with unlocked[0].transaction() as conn:
        people.set_active(conn, world["李四"], False)
    preview = service.preview_import(officer, workbook(tmp_path / "in.xlsx", [row()]))
    assert [(p.column, "李四" in p.reason) for p in preview.problems] == [(x.COMPLETERS, True)]


def _draft(world: dict[str, int], **changes: Any) -> AchievementDraft:
    base = AchievementDraft(
        title="手工的预览",
        abstract="",
        keywords=(),
        kind="other",
        department_id=None,
        funding_type="self",
        funding_ref="",
        completers=(Completer(world["张三"], "lead", Decimal(100)),),
    )
    return replace(base, **changes)


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        ({"completers": (Completer(9999, "lead", Decimal(100)),)}, ValidationError, "第 3 行"),
        ({"department_id": 4242}, ValidationError, "第 3 行：所选部门不存在"),
        (
            {"completers": (Completer(1, "lead", Decimal(99)),)},
            ValidationError,
            "第 3 行：贡献份额合计",
        ),
        ({"level": "top_secret", "secrecy_mark": "绝密★30年"}, PermissionDenied, "密级"),
    ],
    ids=["unknown person", "unknown department", "shares", "above clearance"],
)
def test_an_import_is_all_or_nothing_and_checks_the_rows_again(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    bad: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    # A preview is a plain value the UI hands back: it may be stale, or made by hand.
    vault, _ = unlocked
    preview = ImportPreview(
        "hand.xlsx",
        (
            ImportRow(2, _draft(world)),
            ImportRow(3, _draft(world, **bad)),
            ImportRow(4, _draft(world)),
        ),
        (),
        3,
    )
    before = _log(vault)
    with pytest.raises(error, match=message):
        service.import_rows(officer, preview, only_good=True)
    assert _log(vault) == before
    assert _count(service, officer) == 0


def test_an_empty_import_is_refused(service: AchievementService, officer: User) -> None:
    with pytest.raises(ValidationError, match="没有可以导入的成果"):
        service.import_rows(officer, ImportPreview("x.xlsx", (), (), 0), only_good=True)


def test_a_bad_file_is_refused_whole(
    service: AchievementService, officer: User, tmp_path: Path
) -> None:
    path = tmp_path / "list.xlsm"
    path.write_bytes(b"PK")
    with pytest.raises(ValidationError, match="宏") as raised:
        service.preview_import(officer, path)
    assert raised.value.field == "file"


# -- export -----------------------------------------------------------------------------------


def _records(service: AchievementService, officer: User, world: dict[str, int]) -> list[int]:
    public = _draft(world, title="公开的发明", kind="invention_patent")
    return [
        service.create(
            officer,
            replace(
                public,
                ip_rights=(IpRight("201710601862.3", "2017-07-26", "2019-11-12", "2037-07-25"),),
                department_id=world["化学学院"],
                keywords=("镁合金", "热处理"),
            ),
        ),
        service.create(
            officer,
            replace(
                public,
                title="秘密的发明",
                completers=(
                    Completer(world["王五"], "lead", Decimal("33.34")),
                    Completer(world["李四"], "member", Decimal("66.66")),
                ),
                ip_rights=(
                    IpRight(patent(5), "2017-07-26"),
                    IpRight("202310123456.6", None, "2024-02-02"),
                ),
                level="secret",
                secrecy_mark="秘密★10年",
                funding_type="horizontal",
                funding_ref="HX2024-0001",
                ethics_status="approved",
                ethics_approval="伦审〔2024〕015号",
                overseas=True,
            ),
        ),
        service.create(
            officer,
            replace(public, title="内部的技术秘密", kind="know_how", level="internal"),
        ),
    ]


def test_an_exported_list_reads_back_as_the_same_records(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    ids = _records(service, officer, world)
    path = tmp_path / "清单.xlsx"
    assert service.export_xlsx(officer, path, AchievementQuery()) == 3
    originals = {service.get(officer, i).draft.title: service.get(officer, i).draft for i in ids}
    with unlocked[0].read() as conn:
        persons = people.list_page(conn, offset=0, limit=100)
        departments = unit.department_choices(conn)
    read = x.read_import(
        path,
        people=x.people_index(persons),
        departments=x.department_index(departments),
        today=clock().date(),
    )
    assert read.problems == ()
    assert {r.draft.title: r.draft for r in read.rows} == originals


def test_an_import_refuses_ip_numbers_already_registered_or_given_twice(
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
) -> None:
    ids = _records(service, officer, world)
    path = tmp_path / "清单.xlsx"
    service.export_xlsx(officer, path, AchievementQuery())
    preview = service.preview_import(officer, path)
    # The rows of the two records with IP rights are refused (one problem per number); the
    # third record has none and may come in again.
    assert {p.column for p in preview.problems} == {x.IP_NUMBERS}
    assert sorted(Counter(p.row for p in preview.problems).values()) == [1, 2]
    assert any(f"已登记在成果 {ids[0]} 中" in p.reason for p in preview.problems)
    assert [r.draft.title for r in preview.rows] == ["内部的技术秘密"]

    twice = workbook(
        tmp_path / "两次.xlsx",
        [row(**{x.IP_NUMBERS: patent(7)}), row(**{x.TITLE: "另一项", x.IP_NUMBERS: patent(7)})],
    )
    preview = service.preview_import(officer, twice)
    (problem,) = preview.problems
    assert (problem.row, problem.column) == (3, x.IP_NUMBERS)
    assert "与第 2 行重复" in problem.reason
    # A preview made by hand (or stale) is checked again inside the import's transaction.
    forged = replace(preview, rows=(*preview.rows, ImportRow(3, preview.rows[0].draft)))
    before = _count(service, officer)
    with pytest.raises(ValidationError, match=r"第 3 行：登记号 .* 与第 2 行重复"):
        service.import_rows(officer, forged, only_good=True)
    assert _count(service, officer) == before


def test_a_record_cannot_take_an_ip_number_another_record_holds(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
) -> None:
    ids = _records(service, officer, world)
    taken = _draft(world, title="抄来的", kind="invention_patent", ip_rights=(IpRight(patent(5)),))
    with pytest.raises(ValidationError, match=f"已登记在成果 {ids[1]} 中") as raised:
        service.create(officer, taken)
    assert raised.value.field == "ip_rights"
    # Someone who may not see the holder (secret) learns only that the number is taken.
    low = _user(unlocked[0], "low2", ("transfer_officer",), "internal")
    with pytest.raises(ValidationError, match="已登记在另一项成果中"):
        service.create(low, taken)
    # A record keeps its own numbers when it is saved again.
    first = service.get(officer, ids[0])
    service.update(officer, ids[0], replace(first.draft, title="改名的发明"))
    assert service.get(officer, ids[0]).draft.title == "改名的发明"


def test_an_export_holds_only_what_the_user_may_see_and_is_audited(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
) -> None:
    vault, _ = unlocked
    _records(service, officer, world)
    low = _user(vault, "low", ("approver",), "internal")
    researcher = _user(vault, "researcher", ("researcher",), "top_secret")
    service.create(researcher, _draft(world, title="研究员自己的成果"))

    def exported_titles(actor: User, query: AchievementQuery, name: str) -> list[str]:
        path = tmp_path / name
        count = service.export_xlsx(actor, path, query)
        sheet = load_workbook(path)[x.SHEET]
        titles = [r[1] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
        assert len(titles) == count
        return sorted(titles)

    assert exported_titles(low, AchievementQuery(), "low.xlsx") == [
        "公开的发明",
        "内部的技术秘密",
        "研究员自己的成果",
    ]
    assert exported_titles(researcher, AchievementQuery(), "mine.xlsx") == ["研究员自己的成果"]
    query = AchievementQuery(text="发明", kind="invention_patent")
    assert exported_titles(officer, query, "secret.xlsx") == ["公开的发明", "秘密的发明"]

    entries = [e for e in _log(vault) if e.action == "achievement.exported"]
    assert [(e.actor, e.level) for e in reversed(entries)] == [
        (low.id, "internal"),
        (researcher.id, "public"),
        (officer.id, "secret"),  # the count of secret records is itself not for everyone
    ]
    newest = json.loads(entries[0].after or "{}")
    assert newest == {
        "file": str(tmp_path / "secret.xlsx"),
        "count": 2,
        "filter": {"text": "发明", "kind": "invention_patent"},
    }
    sheet = load_workbook(tmp_path / "secret.xlsx")[x.SHEET]
    top = [r[0] for r in sheet.iter_rows(max_row=6, values_only=True)]
    assert "筛选条件：检索“发明”；成果类型：发明专利" in top
    assert any(isinstance(t, str) and "秘密级成果" in t for t in top)


def test_an_export_that_cannot_be_written_records_nothing(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
) -> None:
    vault, _ = unlocked
    _records(service, officer, world)
    before = _log(vault)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(StorageError):
        service.export_xlsx(officer, out / "no" / "such" / "folder.xlsx", AchievementQuery())
    with pytest.raises(ValidationError, match=r"\.xlsx 结尾"):
        service.export_xlsx(officer, out / "list.csv", AchievementQuery())
    assert _log(vault) == before
    assert list(out.iterdir()) == []


def test_an_export_whose_audit_entry_does_not_commit_takes_the_file_back(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vault, _ = unlocked
    _records(service, officer, world)
    before = _log(vault)
    real = vault.transaction
    written: list[bool] = []
    out = tmp_path / "out"
    out.mkdir()

    @contextlib.contextmanager
    def commit_fails() -> Iterator[Any]:
        with real() as conn:
            yield conn
            written.append((out / "out.xlsx").exists())
            raise StorageError("磁盘已满")  # rolls the transaction back

    monkeypatch.setattr(vault, "transaction", commit_fails)
    with pytest.raises(StorageError, match="磁盘已满"):
        service.export_xlsx(officer, out / "out.xlsx", AchievementQuery())
    assert written == [True]
    assert list(out.iterdir()) == []
    monkeypatch.undo()
    assert _log(vault) == before


def test_an_export_reports_its_progress_and_stops_when_cancelled(
    unlocked: tuple[Vault, User],
    service: AchievementService,
    world: dict[str, int],
    officer: User,
    tmp_path: Path,
) -> None:
    vault, _ = unlocked
    _records(service, officer, world)
    seen: list[tuple[int, int]] = []
    path = tmp_path / "清单.xlsx"
    assert (
        service.export_xlsx(
            officer, path, AchievementQuery(), progress=lambda d, t: seen.append((d, t))
        )
        == 3
    )
    assert seen and seen[-1] == (6, 6)  # each record read, then written
    before = _log(vault)
    with pytest.raises(Cancelled):
        service.export_xlsx(
            officer, tmp_path / "不写.xlsx", AchievementQuery(), cancelled=lambda: True
        )
    assert not (tmp_path / "不写.xlsx").exists()
    assert _log(vault) == before  # nothing recorded either
