"""transfer-desk-cli verify / import on a filing made by another office's vault, and the exit
status of every refusal."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop import cli
from desktop.domain.filings import Item
from desktop.sealing.reasons import EXIT_CODES, FIRST, REASONS, exit_code
from tests.support import TEST_PASSPHRASE
from tests.unit.services.test_filings import offices  # noqa: F401 (a fixture)
from tests.unit.test_cli import Cli, run  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]


def test_every_reason_a_verifier_raises_has_its_own_exit_status() -> None:
    raised: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name | ast.Attribute)
                and (getattr(node.func, "id", None) or getattr(node.func, "attr", None))
                == "Rejected"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                raised.add(node.args[0].value)
    assert raised, "no Rejected(...) found: the scan is broken"
    assert raised <= set(EXIT_CODES), f"reasons without an exit status: {raised - set(EXIT_CODES)}"
    codes = list(EXIT_CODES.values())
    assert len(set(codes)) == len(REASONS) and min(codes) == FIRST and max(codes) < 126


def test_verify_and_import_from_the_command_line(offices, run: Cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    sender, receiver, to_receiver = offices
    stick = tmp_path / "stick"
    stick.mkdir()
    item = Item("achievement", sender.world.achievement())
    exported = sender.f.export(sender.officer, [item], to_receiver, stick, encrypt=True)
    receiver.vault.lock()
    vault = str(receiver.vault.db_path)

    done = run(
        "--vault",
        vault,
        "verify",
        "--user",
        "admin",
        str(exported.path),
        stdin=TEST_PASSPHRASE + "\n",
    )
    assert done.code == cli.EXIT_OK, done.out + done.err
    assert "ACCEPTED" in done.out and exported.filing_id in done.out
    assert "一种高强度镁合金" in done.out and "辽宁省示范大学" in done.out

    bad = tmp_path / "bad.sfp.age"
    data = bytearray(exported.path.read_bytes())
    data[-100] ^= 1
    bad.write_bytes(bytes(data))
    done = run(
        "--vault", vault, "verify", "--user", "admin", str(bad), stdin=TEST_PASSPHRASE + "\n"
    )
    assert done.code == exit_code("damaged") and "REJECTED (damaged)" in done.out

    cut = tmp_path / "cut.sfp.age"
    whole = exported.path.read_bytes()
    cut.write_bytes(whole[: len(whole) // 2])
    done = run(
        "--vault", vault, "verify", "--user", "admin", str(cut), stdin=TEST_PASSPHRASE + "\n"
    )
    assert done.code == exit_code("damaged")

    # the administrator may check but not import (that is the transfer officer's)
    done = run(
        "--vault",
        vault,
        "import",
        "--user",
        "admin",
        str(exported.path),
        stdin=TEST_PASSPHRASE + "\n",
    )
    assert done.code == cli.EXIT_ERROR and "导入报送件" in done.err
