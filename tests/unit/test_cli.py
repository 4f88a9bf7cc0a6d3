"""transfer-desk-cli, run in-process: init, check, backup on real vaults in tmp_path."""

from __future__ import annotations

import hashlib
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db import users
from db.vault import Vault
from desktop import cli
from desktop.app import build_services
from desktop.domain import recovery_code
from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import KINDS, AchievementQuery
from desktop.domain.people import PersonDraft
from desktop.errors import StorageError
from desktop.exchange import demo
from desktop.services.achievements import AchievementService
from tests.support import TEST_KDF, TEST_PASSPHRASE, VALID_CREDIT_CODE

CODE_PATTERN = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){8}")
CJK = re.compile(r"[\u4e00-\u9fff]")
INIT_ARGS = (
    "init",
    "--unit-name",
    "辽宁省示范大学",
    "--credit-code",
    VALID_CREDIT_CODE,
    "--unit-type",
    "university",
    "--department",
    "科技处",
    "--department",
    "化学学院",
    "--admin-name",
    "王管理",
)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


Cli = Callable[..., Run]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv(cli.TEST_KDF_ENV, "1")

    def _run(*argv: str, stdin: str = "") -> Run:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.out + captured.err
        return Run(code, captured.out, captured.err)

    return _run


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office" / "vault.db"


@pytest.fixture
def created(run: Cli, db_path: Path) -> str:
    """A vault made by `init`; returns its recovery code."""
    result = run("--vault", str(db_path), *INIT_ARGS, stdin=f"{TEST_PASSPHRASE}\n" * 2)
    assert result.code == 0, result.err
    codes = CODE_PATTERN.findall(result.out)
    assert len(codes) == 1
    return codes[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- init -----------------------------------------------------------------------------------------


def test_init_creates_the_vault_and_prints_the_recovery_code_once(run: Cli, db_path: Path) -> None:
    pdf = db_path.parent / "recovery.pdf"
    result = run(
        "--vault",
        str(db_path),
        *INIT_ARGS,
        "--recovery-pdf",
        str(pdf),
        stdin=f"{TEST_PASSPHRASE}\n{TEST_PASSPHRASE}\n",
    )
    assert result.code == 0, result.err
    codes = CODE_PATTERN.findall(result.out)
    assert len(codes) == 1
    recovery_code.parse_code(codes[0])  # a well-formed code with its checksum
    assert "妥善保管" in result.out
    assert "keep it safe" in result.out
    assert db_path.exists()
    assert Path(f"{db_path}.keys").exists()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(db_path) in result.out
    # The test hook says loudly that it weakened the KDF.
    assert cli.TEST_KDF_ENV in result.err
    vault = Vault(db_path)
    assert [login for _, login in vault.logins()] == ["admin"]


def test_init_reads_the_passphrase_twice_from_a_terminal(
    run: Cli,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompts: list[str] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return TEST_PASSPHRASE

    monkeypatch.setattr(cli.getpass, "getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    assert cli.main(["--vault", str(db_path), *INIT_ARGS]) == 0
    assert len(prompts) == 2
    assert all(CJK.search(p) and "passphrase" in p.lower() for p in prompts)


def test_init_refuses_an_existing_vault_and_changes_nothing(
    run: Cli, db_path: Path, created: str
) -> None:
    keys = Path(f"{db_path}.keys")
    before = (_digest(db_path), _digest(keys))
    result = run("--vault", str(db_path), *INIT_ARGS, stdin=f"{TEST_PASSPHRASE}\n" * 2)
    assert result.code == 2
    assert "已存在" in result.err
    assert CODE_PATTERN.search(result.out) is None
    assert (_digest(db_path), _digest(keys)) == before


def test_init_refuses_when_only_the_key_slot_file_is_left(run: Cli, db_path: Path) -> None:
    # The slots may be the only way into a backup of the old database: never overwrite them.
    db_path.parent.mkdir(parents=True)
    keys = Path(f"{db_path}.keys")
    keys.write_bytes(b"TDKEYSLOTS 1\n{}\n")
    result = run("--vault", str(db_path), *INIT_ARGS, stdin=f"{TEST_PASSPHRASE}\n" * 2)
    assert result.code == 2
    assert keys.read_bytes() == b"TDKEYSLOTS 1\n{}\n"
    assert not db_path.exists()


def test_init_with_different_repeat_creates_nothing(run: Cli, db_path: Path) -> None:
    result = run("--vault", str(db_path), *INIT_ARGS, stdin=f"{TEST_PASSPHRASE}\nsomething-else\n")
    assert result.code == 2
    assert "不一致" in result.err
    assert not db_path.exists()


def test_init_checks_the_unit_before_asking_for_a_passphrase(run: Cli, db_path: Path) -> None:
    args = list(INIT_ARGS)
    args[args.index(VALID_CREDIT_CODE)] = "91350100M000100Y44"
    result = run("--vault", str(db_path), *args, stdin="")
    assert result.code == 2
    assert "信用代码" in result.err
    assert "标准输入" not in result.err
    assert not db_path.exists()


def test_init_without_a_passphrase_on_stdin_fails_cleanly(run: Cli, db_path: Path) -> None:
    result = run("--vault", str(db_path), *INIT_ARGS, stdin="")
    assert result.code == 2
    assert "标准输入" in result.err
    assert not db_path.exists()


# -- check ----------------------------------------------------------------------------------------


def test_check_reports_a_healthy_vault(run: Cli, db_path: Path, created: str) -> None:
    result = run("--vault", str(db_path), "check", stdin=f"{TEST_PASSPHRASE}\n")
    assert result.code == 0, result.err
    assert "完好 / OK: integrity_check ok, cipher_integrity_check clean" in result.out


def test_check_does_not_write_to_the_file_it_checks(run: Cli, db_path: Path, created: str) -> None:
    before = _digest(db_path)
    assert run("--vault", str(db_path), "check", stdin=f"{TEST_PASSPHRASE}\n").code == 0
    assert _digest(db_path) == before


def test_check_with_a_wrong_passphrase_exits_2_with_the_message(
    run: Cli,
    db_path: Path,
    created: str,
) -> None:
    result = run("--vault", str(db_path), "check", stdin="Wrong-passphrase-2025\n")
    assert result.code == 2
    assert "口令不正确" in result.err
    assert "完好" not in result.out


def test_check_is_slowed_down_by_failed_logins_like_the_window(
    run: Cli, db_path: Path, created: str
) -> None:
    for _ in range(3):
        assert run("--vault", str(db_path), "check", stdin="Wrong-passphrase-2025\n").code == 2
    # The right passphrase right away is refused: the third failure started a wait.
    result = run("--vault", str(db_path), "check", stdin=f"{TEST_PASSPHRASE}\n")
    assert result.code == 2
    assert "秒后再试" in result.err
    assert "完好" not in result.out


def test_check_with_the_recovery_code(run: Cli, db_path: Path, created: str) -> None:
    result = run("--vault", str(db_path), "check", "--recovery", stdin=f"{created}\n")
    assert result.code == 0, result.err
    assert "完好 / OK" in result.out


def test_check_with_a_mistyped_recovery_code(run: Cli, db_path: Path, created: str) -> None:
    groups = created.split("-")
    groups[3] = "AAAA" if groups[3] != "AAAA" else "BBBB"
    result = run("--vault", str(db_path), "check", "--recovery", stdin="-".join(groups) + "\n")
    assert result.code == 2
    assert "恢复码" in result.err


def test_check_as_an_unknown_user(run: Cli, db_path: Path, created: str) -> None:
    result = run("--vault", str(db_path), "check", "--user", "nobody", stdin=f"{TEST_PASSPHRASE}\n")
    assert result.code == 2
    assert "nobody" in result.err


def test_check_a_missing_vault(run: Cli, tmp_path: Path) -> None:
    result = run("--vault", str(tmp_path / "none.db"), "check", stdin=f"{TEST_PASSPHRASE}\n")
    assert result.code == 2
    assert "找不到" in result.err


def test_check_finds_a_damaged_page(run: Cli, db_path: Path, created: str) -> None:
    vault = Vault(db_path)
    services = build_services(vault, kdf=lambda: TEST_KDF)
    [(admin_id, _)] = services.session.logins()
    admin = services.session.unlock(admin_id, TEST_PASSPHRASE)
    try:
        for i in range(300):
            services.people.add(admin, PersonDraft(f"研究员{i:03d}", None, "教授", "none"))
    finally:
        vault.lock()
    raw = bytearray(db_path.read_bytes())
    assert len(raw) // 4096 >= 8
    middle = len(raw) // 2
    for i in range(middle, middle + 16):
        raw[i] ^= 0xFF
    db_path.write_bytes(bytes(raw))

    result = run("--vault", str(db_path), "check", stdin=f"{TEST_PASSPHRASE}\n")
    if result.code == 1:
        assert "已损坏 / DAMAGED" in result.out
        assert "完好" not in result.out
    else:
        assert result.code == 2
        assert "损坏" in result.err


# -- backup ---------------------------------------------------------------------------------------


def test_backup_writes_an_encrypted_copy_that_checks_ok(
    run: Cli, db_path: Path, created: str
) -> None:
    dest = db_path.parent.parent / "stick" / "backup.db"
    dest.parent.mkdir()
    result = run("--vault", str(db_path), "backup", str(dest), stdin=f"{TEST_PASSPHRASE}\n")
    assert result.code == 0, result.err
    dest_keys = Path(f"{dest}.keys")
    assert dest.exists()
    assert dest_keys.read_bytes() == Path(f"{db_path}.keys").read_bytes()
    assert str(dest) in result.out
    assert str(dest_keys) in result.out
    # Encrypted: no SQLite header, and the unit's name appears nowhere in clear.
    raw = dest.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "辽宁省示范大学".encode() not in raw
    assert not list(dest.parent.glob("*.partial")) + list(dest.parent.glob("*.tmp.*"))

    checked = run("--vault", str(dest), "check", stdin=f"{TEST_PASSPHRASE}\n")
    assert checked.code == 0, checked.err
    assert "完好 / OK" in checked.out
    by_code = run("--vault", str(dest), "check", "--recovery", stdin=f"{created}\n")
    assert by_code.code == 0, by_code.err


def test_backup_refuses_an_existing_destination(run: Cli, db_path: Path, created: str) -> None:
    dest = db_path.parent / "backup.db"
    dest.write_bytes(b"precious")
    result = run("--vault", str(db_path), "backup", str(dest), stdin=f"{TEST_PASSPHRASE}\n")
    assert result.code == 2
    assert "已存在" in result.err
    assert dest.read_bytes() == b"precious"
    assert not Path(f"{dest}.keys").exists()


def test_backup_with_a_wrong_passphrase_writes_nothing(
    run: Cli, db_path: Path, created: str
) -> None:
    dest = db_path.parent / "backup.db"
    result = run("--vault", str(db_path), "backup", str(dest), stdin="Wrong-passphrase-2025\n")
    assert result.code == 2
    assert "口令不正确" in result.err
    assert not dest.exists()
    assert not Path(f"{dest}.keys").exists()


# -- demo -----------------------------------------------------------------------------------------


def test_demo_creates_a_vault_full_of_sample_data(run: Cli, db_path: Path) -> None:
    result = run("--vault", str(db_path), "demo", "--count", "40", stdin=f"{TEST_PASSPHRASE}\n" * 2)
    assert result.code == 0, result.err
    assert len(CODE_PATTERN.findall(result.out)) == 1
    assert "40" in result.out
    for login in ("admin", "officer", "secrecy", "auditor"):
        assert re.search(rf"^\s+{login}\s", result.out, re.MULTILINE)
    assert cli.TEST_KDF_ENV in result.err

    vault = Vault(db_path)
    services = build_services(vault, kdf=lambda: TEST_KDF)
    logins = {login: uid for uid, login in services.session.logins()}
    assert set(logins) == {"admin", "officer", "secrecy", "auditor"}
    officer = services.session.unlock(logins["officer"], TEST_PASSPHRASE)
    try:
        assert officer.clearance == "top_secret"
        assert services.achievements.count(officer, AchievementQuery()) == 40
        rows = services.achievements.page(officer, 0, 40, AchievementQuery())
        assert {r.kind for r in rows} == set(KINDS)
        assert {r.level for r in rows} == set(CLEARANCES)
        assert {r.status for r in rows} == {"registered"}
        assert len(services.achievements.years(officer)) >= 5  # spread over the years
        grants = services.grants.visible(officer)
        assert {g.status for g in grants} == {"draft", "publicity", "effective"}
        assert any(g.amendments for g in grants) and any(
            g.level == "secret" or g.level == "confidential" for g in grants
        )
        assert len(services.confidentiality.visible(officer)) >= 2
        deals = services.transformations.visible(officer)
        assert {d.state for d in deals} >= {"signed", "notice", "priced"}
        assert any(d.objected for d in deals)
        assert services.transformations.ledger_totals(officer, "year")
        (reward,) = services.rewards.visible(officer)
        assert reward.state == "notice"
        assert sum(x.amount_fen for x in reward.result.lines) == reward.result.pool_fen > 0
        assert {i.kind for i in services.todo.items(officer)} >= {
            "change_filing",
            "objection_open",
            "agreement_expiring",
        }
        expected = demo.generate(40, today=date.today())
        assert services.people.count(officer) == len(expected.people)
        assert services.unit.profile(officer).name == expected.unit.name
        with vault.read() as conn:
            auditor = users.get(conn, logins["auditor"])
        assert auditor is not None
        verification = services.audit.verify(auditor)
        assert verification.intact, verification.problem
    finally:
        vault.lock()
    # Every account opens with the one passphrase.
    for login in ("admin", "secrecy", "auditor"):
        checked = run(
            "--vault", str(db_path), "check", "--user", login, stdin=f"{TEST_PASSPHRASE}\n"
        )
        assert checked.code == 0, checked.err


def test_demo_refuses_an_existing_vault(run: Cli, db_path: Path, created: str) -> None:
    before = _digest(db_path)
    result = run("--vault", str(db_path), "demo", "--count", "5", stdin=f"{TEST_PASSPHRASE}\n" * 2)
    assert result.code == 2
    assert "已存在" in result.err
    assert _digest(db_path) == before


def test_demo_with_different_repeat_creates_nothing(run: Cli, db_path: Path) -> None:
    result = run(
        "--vault", str(db_path), "demo", "--count", "5", stdin=f"{TEST_PASSPHRASE}\nother-one\n"
    )
    assert result.code == 2
    assert "不一致" in result.err
    assert not db_path.exists()


def test_a_demo_that_fails_halfway_leaves_no_vault(
    run: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = AchievementService.import_rows

    def fail_on_the_second_chunk(self: AchievementService, *args: Any, **kwargs: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise StorageError("磁盘已满")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(AchievementService, "import_rows", fail_on_the_second_chunk)
    result = run("--vault", str(db_path), "demo", "--count", "30", stdin=f"{TEST_PASSPHRASE}\n" * 2)
    assert result.code == 2
    assert "磁盘已满" in result.err
    assert CODE_PATTERN.search(result.out) is None
    assert list(db_path.parent.iterdir()) == []


@pytest.mark.parametrize("count", ["-1", "many", "1000001"])
def test_demo_count_must_be_a_sensible_number(run: Cli, db_path: Path, count: str) -> None:
    result = run(
        "--vault", str(db_path), "demo", "--count", count, stdin=f"{TEST_PASSPHRASE}\n" * 2
    )
    assert result.code == 2
    assert not db_path.exists()


# -- help and version -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "chinese", "english"),
    [
        ((), "成果转化工作台命令行工具", "Transfer Desk command-line tool"),
        (("init",), "创建新的保管库", "Create a new vault"),
        (("check",), "不修改文件", "Unlock, then run integrity_check"),
        (("backup",), "备份仍是加密的", "The backup stays\nencrypted"),
        (("demo",), "填入虚构的演示数据", "filled with fictitious sample data"),
    ],
    ids=["main", "init", "check", "backup", "demo"],
)
def test_help_is_bilingual(run: Cli, command: tuple[str, ...], chinese: str, english: str) -> None:
    result = run(*command, "--help")
    assert result.code == 0
    assert "transfer-desk-cli" in result.out
    assert chinese in result.out
    assert english in result.out
    assert "显示帮助并退出 / show this help and exit" in result.out


def test_version(run: Cli) -> None:
    result = run("--version")
    assert result.code == 0
    assert re.fullmatch(r"transfer-desk-cli \d+\.\d+\.\d+\S*\n", result.out)


def test_usage_errors_exit_2(run: Cli) -> None:
    assert run().code == 2
    assert run("init", "--unit-type", "castle").code == 2
