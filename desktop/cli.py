"""Headless commands on the same core as the window: create, check and back up a vault, or
create one filled with sample data.

``transfer-desk-cli init`` creates a vault and prints its recovery code once; ``check`` unlocks it
and runs SQLite's and SQLCipher's integrity checks; ``backup`` writes an encrypted copy with its
key-slot file; ``demo --count N`` creates a new vault with a sample unit, people and N
achievements (``desktop.exchange.demo``). Every expected failure is an ``AppError``: its message
goes to stderr and the exit code is 2, never a traceback. Passphrases are read from the terminal
without echo, or, when stdin is not a terminal, one per line from stdin (so scripts pipe them in:
never on the command line).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from db.atomic import write_atomic
from db.kdf import KdfParams
from db.vault import Vault
from desktop.domain import recovery_code
from desktop.domain.accounts import User, UserDraft
from desktop.domain.unit import UNIT_TYPES, UnitProfile
from desktop.errors import AppError, PermissionDenied, StorageError
from desktop.exchange.demo import DEFAULT_SEED
from desktop.paths import default_vault_path
from desktop.services.bundle import Services, build_services, local_now
from desktop.services.setup import FirstRunDraft
from desktop.version import version

PROG = "transfer-desk-cli"
EXIT_OK = 0
EXIT_DAMAGED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130

# Exists only so the test suite can create vaults quickly: with TRANSFER_DESK_TEST_KDF=1 a vault
# *created by this process* gets key slots derived with these weak parameters (8 MiB, t=1), far
# below the production floor. It changes nothing else; a warning is printed whenever it is used.
TEST_KDF_ENV = "TRANSFER_DESK_TEST_KDF"
TEST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)

STDIN_NOTE = (
    "口令从终端读取（不回显）；若标准输入不是终端，则从标准输入逐行读取。\n"
    "The passphrase is read from the terminal without echo; when stdin is not a terminal,\n"
    "it is read from stdin, one per line (so scripts pipe it in, never on the command line)."
)
HELP = "显示帮助并退出 / show this help and exit"
DEMO_MAX = 1_000_000


# -- argument parsing ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="成果转化工作台命令行工具 / Transfer Desk command-line tool",
        epilog=STDIN_NOTE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=HELP)
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {version()}",
        help="显示版本并退出 / show the version and exit",
    )
    parser.add_argument(
        "--vault",
        type=Path,
        default=None,
        metavar="PATH",
        help=(
            f"保管库数据库文件（默认 {default_vault_path()}）"
            f" / vault database file (default {default_vault_path()})"
        ),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        title="命令 / commands",
        required=True,
    )

    init = commands.add_parser(
        "init",
        help="创建新的保管库 / Create a new vault",
        description=(
            "创建新的保管库：单位信息、第一位系统管理员及其口令；恢复码只显示这一次。\n"
            "口令输入两次；标准输入不是终端时，从中读取两行（口令、重复口令）。\n\n"
            "Create a new vault with the unit profile and the first system administrator;\n"
            "the recovery code is shown this once only. The passphrase is asked twice;\n"
            "when stdin is not a terminal, two lines (passphrase, repeat) are read from it."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    init.add_argument("-h", "--help", action="help", help=HELP)
    init.add_argument(
        "--unit-name",
        required=True,
        metavar="NAME",
        help="单位名称 / name of the unit (institution)",
    )
    init.add_argument(
        "--credit-code",
        required=True,
        metavar="CODE",
        help="统一社会信用代码（18 位） / unified social credit code (18 characters)",
    )
    init.add_argument(
        "--unit-type",
        required=True,
        choices=UNIT_TYPES,
        help="单位类型 / type of unit: " + ", ".join(UNIT_TYPES),
    )
    init.add_argument(
        "--for-profit",
        action="store_true",
        help="营利性单位（默认为非营利） / the unit is for-profit (default: non-profit)",
    )
    init.add_argument(
        "--department",
        action="append",
        default=[],
        metavar="NAME",
        help="部门，可重复 / a department; repeat for several",
    )
    init.add_argument(
        "--admin-login",
        default="admin",
        metavar="LOGIN",
        help="系统管理员登录名（默认 admin） / login of the system administrator (default admin)",
    )
    init.add_argument(
        "--admin-name",
        required=True,
        metavar="NAME",
        help="系统管理员姓名 / full name of the administrator",
    )
    init.add_argument(
        "--recovery-pdf",
        type=Path,
        default=None,
        metavar="PATH",
        help="另存恢复码打印页（PDF） / also save the recovery sheet as a PDF to print",
    )

    demo = commands.add_parser(
        "demo",
        help="创建填有演示数据的新保管库 / Create a new vault filled with sample data",
        description=(
            "创建新的保管库，填入虚构的演示数据：一个单位及其部门、人员（身份证号校验位正确）、\n"
            "N 项各类型、各密级的成果（登记号校验位正确，完成人份额合计 100%），均经由程序的\n"
            "服务写入并记入审计日志。登录名 admin、officer、secrecy、auditor 使用同一口令。\n"
            "口令输入两次；标准输入不是终端时，从中读取两行。恢复码只显示这一次。\n"
            "仅供试用和性能测试，不要把真实数据放入演示保管库。\n\n"
            "Create a new vault filled with fictitious sample data: a unit with departments,\n"
            "people (identity numbers with valid check digits) and N achievements of every\n"
            "type and level (IP numbers with valid check digits, shares adding up to 100%),\n"
            "all written through the program's services and audited. The logins admin,\n"
            "officer, secrecy and auditor share one passphrase, asked twice (two lines of\n"
            "stdin when it is not a terminal). The recovery code is shown this once only.\n"
            "For trying the program and for benchmarks: do not put real data into a demo vault."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    demo.add_argument("-h", "--help", action="help", help=HELP)
    demo.add_argument(
        "--count",
        type=_count,
        default=1000,
        metavar="N",
        help="成果数量（默认 1000，最多 1,000,000） / number of achievements (default 1000)",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="SEED",
        help="随机种子，相同种子得到相同数据 / random seed: the same seed gives the same data",
    )

    for name, help_text, description in (
        (
            "check",
            "检查保管库是否完好 / Check that a vault is intact",
            "解锁后运行 integrity_check 与 cipher_integrity_check，不修改文件。\n"
            "退出码：0 完好，1 已损坏，2 无法解锁或其他错误。\n\n"
            "Unlock, then run integrity_check and cipher_integrity_check; nothing is written.\n"
            "Exit code: 0 intact, 1 damaged, 2 could not unlock or other error.",
        ),
        (
            "backup",
            "备份保管库（加密） / Back up the vault (encrypted)",
            "写出一致的备份 DEST 及其密钥槽文件 DEST.keys。备份仍是加密的（同一组密钥槽），\n"
            "用备份时有效的口令或恢复码打开。DEST 已存在时拒绝。\n\n"
            "Write a consistent copy DEST and its key-slot file DEST.keys. The backup stays\n"
            "encrypted under the same key slots: it opens with the passphrases and recovery\n"
            "code valid at backup time. Refuses when DEST exists.",
        ),
    ):
        sub = commands.add_parser(
            name,
            help=help_text,
            description=description,
            epilog=STDIN_NOTE,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            add_help=False,
        )
        sub.add_argument("-h", "--help", action="help", help=HELP)
        sub.add_argument(
            "--user",
            default="admin",
            metavar="LOGIN",
            help="以此登录名解锁（默认 admin） / unlock as this login (default admin)",
        )
        sub.add_argument(
            "--recovery",
            action="store_true",
            help="用恢复码代替口令解锁 / unlock with the recovery code instead of a passphrase",
        )
        if name == "backup":
            sub.add_argument(
                "dest",
                type=Path,
                metavar="DEST",
                help="备份文件路径（不得已存在） / backup file to write (must not exist)",
            )
    _filing_commands(commands)
    return parser


def _filing_commands(commands: Any) -> None:
    from desktop.sealing.reasons import EXIT_UNKNOWN_REASON, REASONS, exit_code

    table = "\n".join(f"  {exit_code(r):>3}  {r:<16} {name}" for r, name in REASONS)
    for name, help_text, what in (
        (
            "verify",
            "核验报送件 / Verify a sealed filing",
            "核验报送件 FILE（.sfp 或 .sfp.age）：解密（若发给本单位），检查大小和文件名，\n"
            "用信任名单核验签名，再核对清单和审计日志检查点；结果记入审计日志，不导入。\n\n"
            "Verify the sealed filing FILE (.sfp or .sfp.age): decrypt it when addressed to\n"
            "this unit, check limits and names, the signature against the trust store, then\n"
            "the manifests and the audit checkpoint. The result is audited; nothing is imported.",
        ),
        (
            "import",
            "核验并导入报送件 / Verify and import a sealed filing",
            "核验后导入报送件 FILE 的记录和文件，保留其来源；同一报送件再次导入不重复添加。\n\n"
            "Verify, then import the records and files of FILE keeping their origin; the same\n"
            "filing imported twice adds nothing.",
        ),
    ):
        sub = commands.add_parser(
            name,
            help=help_text,
            description=(
                f"{what}\n\n退出码 / exit status: 0 通过 / accepted; 2 无法解锁或其他错误 / "
                f"could not unlock or other error; {EXIT_UNKNOWN_REASON} 其他拒绝 / other "
                f"refusal; 按拒绝原因 / by reason:\n{table}"
            ),
            epilog=STDIN_NOTE,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            add_help=False,
        )
        sub.add_argument("-h", "--help", action="help", help=HELP)
        sub.add_argument(
            "--user",
            default="officer",
            metavar="LOGIN",
            help="以此登录名解锁（默认 officer） / unlock as this login (default officer)",
        )
        sub.add_argument("file", type=Path, metavar="FILE", help="报送件 / the filing")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数 / not a whole number: {text}") from None
    if not 0 <= value <= DEMO_MAX:
        raise argparse.ArgumentTypeError(f"须在 0 到 {DEMO_MAX} 之间 / must be 0 to {DEMO_MAX}")
    return value


# -- reading secrets ----------------------------------------------------------------------------


def read_secret(prompt: str) -> str:
    """One secret: from the terminal without echo, or one line of a non-terminal stdin.
    ``prompt`` is "中文 / English: "; its words name what is missing on stdin."""
    stream = sys.stdin
    if stream.isatty():
        return getpass.getpass(prompt)
    line = stream.readline()
    if not line:
        raise AppError(f"标准输入已结束，未读到：{prompt.rstrip(': ')}")
    return line.rstrip("\r\n")


# -- commands -----------------------------------------------------------------------------------


def _services(
    vault: Vault,
    *,
    err: TextIO,
    creating: bool = False,
    now: Callable[[], datetime] = local_now,
) -> Services:
    kdf: Callable[[], KdfParams] | None = None
    if os.environ.get(TEST_KDF_ENV) == "1":
        if creating:
            print(
                f"警告：{TEST_KDF_ENV}=1，新建的密钥槽使用仅供测试的弱参数。"
                f" / WARNING: {TEST_KDF_ENV}=1, new key slots use weak test-only KDF parameters.",
                file=err,
            )
        kdf = lambda: TEST_KDF  # noqa: E731
    return build_services(vault, kdf=kdf, now=now)


def cmd_init(args: argparse.Namespace, vault: Vault, out: TextIO, err: TextIO) -> int:
    for path in (vault.db_path, vault.keys_path):
        if path.exists():
            raise StorageError(f"保管库已存在，未做任何修改：{path}")
    if args.recovery_pdf is not None and args.recovery_pdf.exists():
        raise StorageError(f"恢复码打印页文件已存在，未做任何修改：{args.recovery_pdf}")
    services = _services(vault, err=err, creating=True)
    profile = services.setup.validate_unit(
        UnitProfile(
            name=args.unit_name,
            credit_code=args.credit_code,
            unit_type=args.unit_type,
            non_profit=not args.for_profit,
            departments=tuple(args.department),
        )
    )
    admin = UserDraft(
        login=args.admin_login,
        display_name=args.admin_name,
        roles=("system_admin",),
        clearance="internal",
    )
    passphrase = read_secret("新口令 / New passphrase: ")
    repeat = read_secret("再输入一次 / Repeat passphrase: ")
    created = services.setup.create(FirstRunDraft(profile, admin, passphrase, repeat))
    rule = "=" * 64
    print(f"已创建保管库 / Vault created: {vault.db_path}", file=out)
    print(f"密钥槽文件 / Key-slot file: {vault.keys_path}", file=out)
    print(f"保管库编号 / Vault id: {created.vault_id}", file=out)
    print(rule, file=out)
    print("恢复码（只显示这一次） / RECOVERY CODE (shown this once only):", file=out)
    print("", file=out)
    print(f"    {created.recovery_code}", file=out)
    print("", file=out)
    print(
        "请抄写或打印后妥善保管（如放入保险柜）。忘记口令时，只有恢复码能打开保管库；"
        "任何拿到恢复码的人也能打开它。",
        file=out,
    )
    print(
        "Write it down or print it and keep it safe (a safe, not this computer). If every"
        " passphrase is forgotten, only this code opens the vault; anyone holding it can.",
        file=out,
    )
    print(rule, file=out)
    if args.recovery_pdf is not None:
        services.documents.save_recovery_sheet(args.recovery_pdf, created, profile.name)
        print(f"恢复码打印页 / Recovery sheet: {args.recovery_pdf}", file=out)
    return EXIT_OK


def _unlock(args: argparse.Namespace, vault: Vault, services: Services) -> str:
    """Unlock without writing to the file (a check must not change what it checks; only the
    migration an older vault needs at unlock writes); returns who unlocked, for the report."""
    if args.recovery:
        secret = recovery_code.parse_code(read_secret("恢复码 / Recovery code: "))
        vault.unlock_with_recovery(secret)
        return "恢复码 / recovery code"
    login = args.user.strip().lower()
    user_id = next((uid for uid, name in services.session.logins() if name == login), None)
    if user_id is None:
        raise PermissionDenied(f"保管库中没有登录名为“{args.user}”的用户。")
    services.session.unlock_read_only(user_id, read_secret("口令 / Passphrase: "))
    return login


def cmd_check(args: argparse.Namespace, vault: Vault, out: TextIO, err: TextIO) -> int:
    services = _services(vault, err=err)
    who = _unlock(args, vault, services)
    print(f"已解锁 / Unlocked: {vault.db_path} ({who})", file=out)
    problems = vault.integrity_problems()
    if not problems:
        print("完好 / OK: integrity_check ok, cipher_integrity_check clean", file=out)
        return EXIT_OK
    print(f"发现 {len(problems)} 个问题 / {len(problems)} problem(s) found:", file=out)
    for problem in problems:
        print(f"  - {problem}", file=out)
    print(
        "已损坏 / DAMAGED: 请停止使用此文件，改用最近的备份。"
        " / stop using this file and restore the latest backup.",
        file=out,
    )
    return EXIT_DAMAGED


def cmd_backup(args: argparse.Namespace, vault: Vault, out: TextIO, err: TextIO) -> int:
    dest: Path = args.dest
    dest_keys = dest.with_name(dest.name + ".keys")
    for path in (dest, dest_keys):
        if path.exists():
            raise StorageError(f"目标已存在，未做任何修改：{path}")
    services = _services(vault, err=err)
    _unlock(args, vault, services)
    try:
        slots = vault.keys_path.read_bytes()
    except OSError as e:
        raise StorageError(f"无法读取密钥槽文件 {vault.keys_path}：{e.strerror or e}") from e
    vault.backup_to(dest)
    try:
        write_atomic(dest_keys, slots)
    except BaseException:
        # No half backup: a database copy without its key slots cannot be opened.
        with contextlib.suppress(OSError):
            dest.unlink()
        raise
    print(f"已写入备份 / Backup written: {dest} ({dest.stat().st_size} bytes)", file=out)
    print(f"已写入密钥槽 / Key slots written: {dest_keys}", file=out)
    print(
        "备份是加密的，用备份时的口令或恢复码打开；两个文件须一起保存。"
        " / The backup is encrypted: it opens with the passphrases or recovery code valid"
        " now. Keep both files together.",
        file=out,
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, vault: Vault, out: TextIO, err: TextIO) -> int:
    from desktop.exchange import demo

    created_files = (vault.db_path, vault.keys_path, vault.throttle_path)
    for path in (vault.db_path, vault.keys_path):
        if path.exists():
            raise StorageError(f"保管库已存在，未做任何修改：{path}")
    clock = demo.DemoClock()
    services = _services(vault, err=err, creating=True, now=clock)
    data = demo.generate(args.count, seed=args.seed, today=local_now().date())
    services.setup.validate_unit(data.unit)
    passphrase = read_secret("新口令 / New passphrase: ")
    repeat = read_secret("再输入一次 / Repeat passphrase: ")
    if passphrase != repeat:
        raise AppError("两次输入的口令不一致。 / The two passphrases differ.")
    existed = {p for p in created_files if p.exists()}
    shown = [0]

    def progress(done: int, total: int) -> None:
        if done == total or done * 10 // max(total, 1) > shown[0]:
            shown[0] = done * 10 // max(total, 1)
            print(f"  {done}/{total}", file=err)

    try:
        result = demo.load(services, clock, data, passphrase=passphrase, progress=progress)
    except BaseException:
        # No half-filled demo vault: everything this command created goes.
        vault.lock()
        for path in created_files:
            for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                if candidate not in existed:
                    with contextlib.suppress(OSError):
                        candidate.unlink()
        raise
    rule = "=" * 64
    print(f"已创建演示保管库 / Demo vault created: {vault.db_path}", file=out)
    print(f"保管库编号 / Vault id: {result.vault_id}", file=out)
    print(
        f"人员 {result.people} 名，成果 {result.achievements} 项，赋权 {result.grants} 项，"
        f"保密协议 {result.confidentiality_agreements} 份，转化项目 {result.transformations} 项，"
        f"用时 {result.seconds:.1f} 秒"
        f" / {result.people} people, {result.achievements} achievements, {result.grants} rights"
        f" grants, {result.confidentiality_agreements} confidentiality agreements,"
        f" {result.transformations} transformations"
        f" in {result.seconds:.1f} s",
        file=out,
    )
    print(
        "登录名（均使用刚才输入的口令） / Logins (all with the passphrase just entered):", file=out
    )
    for login, name, role in result.logins:
        print(f"    {login:<10} {name}  ({role})", file=out)
    print(rule, file=out)
    print("恢复码（只显示这一次） / RECOVERY CODE (shown this once only):", file=out)
    print("", file=out)
    print(f"    {result.recovery_code}", file=out)
    print("", file=out)
    print(rule, file=out)
    return EXIT_OK


def _sign_in(args: argparse.Namespace, vault: Vault, services: Services) -> User:
    login = args.user.strip().lower()
    user_id = next((uid for uid, name in services.session.logins() if name == login), None)
    if user_id is None:
        raise PermissionDenied(f"保管库中没有登录名为“{args.user}”的用户。")
    return services.session.unlock(user_id, read_secret("口令 / Passphrase: "))


def cmd_verify(args: argparse.Namespace, vault: Vault, out: TextIO, err: TextIO) -> int:
    from desktop.sealing.packet import Rejected
    from desktop.sealing.reasons import exit_code

    services = _services(vault, err=err)
    user = _sign_in(args, vault, services)
    try:
        if args.command == "import":
            imported = services.filings.import_(user, args.file)
            found = imported.filing
        else:
            imported = None
            found = services.filings.verify(user, args.file)
    except Rejected as e:
        print(f"拒绝 / REJECTED ({e.reason}): {e.message}", file=out)
        return exit_code(e.reason)
    print(f"通过 / ACCEPTED: {args.file.name}", file=out)
    print(f"  报送件 / filing:   {found.filing_id}  序号 / sequence {found.sequence}", file=out)
    print(f"  发送单位 / sender: {found.office}（{found.sender}）", file=out)
    print(f"  指纹 / fingerprint: {found.fingerprint}", file=out)
    print(f"  声称时间 / claimed time: {found.claimed_time}", file=out)
    print(f"  密级 / level: {found.level}  加密 / encrypted: {found.encrypted}", file=out)
    print(f"  审计日志 / audit log size: {found.checkpoint_size}", file=out)
    print(f"  SHA-256: {found.sha256}", file=out)
    for item in found.items:
        print(f"    - [{item.kind} {item.id}] {item.title} ({item.level})", file=out)
    for name, size in found.documents:
        print(f"      {name}  {size} bytes", file=out)
    if imported is not None:
        if imported.already:
            print("已导入过，未重复添加 / already imported: nothing added", file=out)
        else:
            print(
                f"已导入 / imported: {imported.added} 条新记录 / new, {imported.unchanged} 条未变 /"
                f" unchanged",
                file=out,
            )
            for title in imported.differing:
                print(f"  与先前版本不同 / differs from the earlier copy: {title}", file=out)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Vault, TextIO, TextIO], int]] = {
    "init": cmd_init,
    "check": cmd_check,
    "backup": cmd_backup,
    "demo": cmd_demo,
    "verify": cmd_verify,
    "import": cmd_verify,
}


def main(argv: Sequence[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as e:  # --help, --version, usage errors (2): returned, for in-process use
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    vault = Vault(args.vault or default_vault_path())
    try:
        return COMMANDS[args.command](args, vault, out, err)
    except AppError as e:
        print(f"错误 / Error: {e.message}", file=err)
        return EXIT_ERROR
    except (KeyboardInterrupt, EOFError):
        print("\n已取消 / Cancelled", file=err)
        return EXIT_INTERRUPTED
    finally:
        vault.lock()


if __name__ == "__main__":
    raise SystemExit(main())
