"""kill -9 harness: a committed, acknowledged transaction survives; none is half-written.

A writer process commits 5-row transactions and prints each transaction id only after COMMIT
returns. The parent kills it with SIGKILL at a random moment, reopens the database and checks
that every acknowledged transaction is there in full, that no transaction is partial, and that
both integrity_check and cipher_integrity_check are clean. (Power loss is a separate job:
kill -9 keeps the OS page cache.)
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from db import connection, keyslots
from db.vault import Vault
from desktop.services.setup import SetupService
from tests.conftest import TEST_KDF, TEST_PASSPHRASE, FixedClock, first_run_draft

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ITERATIONS = 100
PARTS = 5
MAX_ACKS = 60
CHILD_TIMEOUT_SECONDS = 30

# The key arrives on stdin (never argv or the environment, which other processes can read).
WRITER = f"""
import sys
sys.path.insert(0, {str(PROJECT_ROOT)!r})
from db.connection import connect

key = bytes.fromhex(sys.stdin.readline().strip())
conn = connect(sys.argv[1], key)
txn = conn.execute("SELECT coalesce(max(txn), 0) FROM crash_probe").fetchone()[0] + 1
while True:
    conn.execute("BEGIN IMMEDIATE")
    for part in range({PARTS}):
        conn.execute("INSERT INTO crash_probe (txn, part) VALUES (?, ?)", (txn, part))
    conn.execute("COMMIT")
    sys.stdout.write(f"{{txn}}\\n")
    sys.stdout.flush()
    txn += 1
"""


@pytest.fixture
def probe_vault(vault_path: Path, clock: FixedClock) -> tuple[Path, bytearray]:
    """A vault made by SetupService, its raw data key, and an empty crash_probe table."""
    vault = Vault(vault_path)
    created = SetupService(vault, now=clock, kdf=lambda: TEST_KDF, randbytes=os.urandom).create(
        first_run_draft()
    )
    slots = vault.read_slots()
    slot = slots.passphrase_slot(created.admin_id)
    assert slot is not None
    key = keyslots.open_slot(slots.vault_id, slot, TEST_PASSPHRASE.encode())
    conn = connection.connect(vault_path, key)
    try:
        conn.execute("CREATE TABLE crash_probe (txn INTEGER NOT NULL, part INTEGER NOT NULL)")
    finally:
        conn.close()
    return vault_path, key


def _run_writer_and_kill(path: Path, key: bytearray, acks_wanted: int) -> list[int]:
    """Start a writer, read ``acks_wanted`` acknowledgements, SIGKILL it; the acked ids."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
    )
    watchdog = threading.Timer(CHILD_TIMEOUT_SECONDS, proc.kill)
    watchdog.start()
    acked: list[int] = []
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(bytes(key).hex().encode() + b"\n")
        proc.stdin.flush()
        while len(acked) < acks_wanted:
            line = proc.stdout.readline()
            if not line:
                proc.wait()
                assert proc.stderr is not None
                pytest.fail(f"writer stopped early: {proc.stderr.read().decode(errors='replace')}")
            acked.append(int(line))
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=CHILD_TIMEOUT_SECONDS) == -signal.SIGKILL
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    return acked


def _check(path: Path, key: bytearray, acked: set[int]) -> int:
    """Reopen after the kill; the number of transactions on disk."""
    conn = connection.connect(path, key)
    try:
        counts = dict(
            conn.execute("SELECT txn, count(DISTINCT part) FROM crash_probe GROUP BY txn")
        )
        rows = conn.execute("SELECT count(*) FROM crash_probe").fetchone()[0]
        problems = connection.integrity_problems(conn)
    finally:
        conn.close()
    lost = sorted(acked - counts.keys())
    partial = {txn: n for txn, n in counts.items() if n != PARTS}
    assert lost == [], f"acknowledged transactions lost: {lost[:10]}"
    assert partial == {}, f"partial transactions: {partial}"
    assert rows == PARTS * len(counts), "a transaction holds duplicate parts"
    assert problems == []
    return len(counts)


def test_kill_9_never_loses_an_acknowledged_transaction_nor_leaves_half_of_one(
    probe_vault: tuple[Path, bytearray],
) -> None:
    path, key = probe_vault
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    acked: set[int] = set()
    on_disk = 0
    for iteration in range(ITERATIONS):
        # Every fifth kill lands right after the spawn, before any acknowledgement.
        wanted = 0 if iteration % 5 == 0 else rng.randint(1, MAX_ACKS)
        new = _run_writer_and_kill(path, key, wanted)
        assert not acked & set(new), f"seed {seed}: a transaction id was reused"
        acked.update(new)
        on_disk = _check(path, key, acked)
    print(
        f"\nkill -9 harness (seed {seed}): {ITERATIONS} kills, {len(acked)} acknowledged "
        f"{PARTS}-row transactions, {on_disk} on disk, 0 lost, 0 partial"
    )
    assert on_disk >= len(acked)
