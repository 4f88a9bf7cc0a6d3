"""The packet: a round trip, the standard tools agreeing (unzip, minisign -V on the tag manifest,
PyPI's bagit validator), the tamper matrix of security-design test 10 — every case refused with
its own reason, none accepted — with the checkpoint and the consistency proof inside, streaming
(the same bytes to any stream, memory that does not grow with the attachments, progress and
cancel) and the verifier fuzzed (security-design test 11)."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import random
import shutil
import signal
import stat
import subprocess
import tracemalloc
import weakref
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import merkle
from desktop.errors import Cancelled, PacketError, StorageError
from desktop.sealing import age, checkpoint, minisign
from desktop.sealing import packet as packet_module
from desktop.sealing.checkpoint import Head
from desktop.sealing.packet import (
    CHUNK,
    MIMETYPE,
    Content,
    FilingInfo,
    Limits,
    Rejected,
    canonical_json,
    check_packet,
    copy_member,
    open_packet,
    read_member,
    seal,
    seal_to,
)

KEY = minisign.generate(lambda n: b"\x11" * n)
OTHER = minisign.generate(lambda n: b"\x22" * n)
TRUSTED = {KEY.key_id: (KEY.public(), "辽宁省示范大学")}
INFO = FilingInfo("7a1c-0001", "辽宁省示范大学", "辽宁省科学技术厅", 3, "2026-01-05T08:03:00+08:00")
FILING = {"kind": "achievements", "records": [{"id": 1, "title": "一种高强度镁合金"}]}
FILES = [
    ("records/1.pdf", b"%PDF-1.4 " + bytes(range(256)) * 40),
    ("attachments/证书.txt", "证书".encode()),
]


LEAVES = [merkle.leaf_hash(f"audit entry {i}".encode()) for i in range(30)]
HEAD = Head("transfer-desk/7e87a5ff", 30, merkle.root_of(LEAVES))
PROOF = (12, merkle.root_of(LEAVES[:12]), merkle.consistency_proof(LEAVES, 12))
SEALED: dict[str, object] = {"checkpoint": HEAD, "consistency": PROOF}


def packet(**changes: object) -> bytes:
    args: dict[str, object] = {
        "info": INFO,
        "filing": FILING,
        "files": FILES,
        "key": KEY,
        **SEALED,
    }
    args.update(changes)
    return seal(**args)  # type: ignore[arg-type]


def entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(e, archive.read(e)) for e in archive.infolist()]


def rebuild(items: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, content in items:
            archive.writestr(info, content)
    return out.getvalue()


def test_a_round_trip() -> None:
    opened = open_packet(packet(), TRUSTED)
    assert opened.info == INFO and opened.signer == "辽宁省示范大学"
    assert opened.filing == {"schema": 1, **FILING}
    assert opened.files == dict(FILES)
    assert opened.checkpoint == HEAD
    assert opened.proven_from == (12, merkle.root_of(LEAVES[:12]))
    assert packet() == packet()  # reproducible


def test_a_packet_without_checkpoint_still_opens() -> None:
    """The first version of the format, and seal() called as before."""
    plain = seal(INFO, FILING, FILES, KEY)
    opened = open_packet(plain, TRUSTED)
    assert opened.files == dict(FILES)
    assert opened.checkpoint is None and opened.proven_from is None
    names = [e.filename for e, _ in entries(plain)]
    assert "META-INF/checkpoint.txt" not in names
    checkpointed = open_packet(packet(consistency=None), TRUSTED)
    assert checkpointed.checkpoint == HEAD and checkpointed.proven_from is None


def test_the_layout_is_what_standard_tools_expect(tmp_path: Path) -> None:
    items = entries(packet())
    first, content = items[0]
    assert (first.filename, first.compress_type, content) == (
        "mimetype",
        zipfile.ZIP_STORED,
        MIMETYPE,
    )
    names = [e.filename for e, _ in items]
    assert {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"} <= set(
        names
    )
    assert "META-INF/signature.minisig" in names
    assert {"META-INF/checkpoint.txt", "META-INF/consistency.txt"} <= set(names)
    listed = [
        line.split("  ")[1]
        for line in dict((e.filename, c) for e, c in items)["tagmanifest-sha256.txt"]
        .decode()
        .splitlines()
    ]
    assert listed == [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "META-INF/checkpoint.txt",
        "META-INF/consistency.txt",
    ]
    minisign_tool = shutil.which("minisign")
    if minisign_tool is None:
        pytest.skip("minisign is installed by `make test`")
    with zipfile.ZipFile(io.BytesIO(packet())) as archive:
        archive.extractall(tmp_path)
    (tmp_path / "pub").write_text(KEY.public().file_text())
    done = subprocess.run(
        [
            minisign_tool,
            "-V",
            "-p",
            str(tmp_path / "pub"),
            "-m",
            str(tmp_path / "tagmanifest-sha256.txt"),
            "-x",
            str(tmp_path / "META-INF" / "signature.minisig"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sequence=3" in done.stdout


def _flip(index: int) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        items = entries(data)
        info, content = items[index]
        changed = bytearray(content)
        changed[len(changed) // 2] ^= 0x01
        items[index] = (info, bytes(changed))
        return rebuild(items)

    return mutate


ENTRY_COUNT = len(entries(packet()))


@pytest.mark.parametrize("index", range(ENTRY_COUNT))
def test_a_byte_flipped_in_any_entry_is_refused(index: int) -> None:
    with pytest.raises(Rejected):
        open_packet(_flip(index)(packet()), TRUSTED)


def _flip_named(name: str) -> Callable[[bytes], bytes]:
    return lambda data: _flip([e.filename for e, _ in entries(data)].index(name))(data)


def _drop(name: str) -> Callable[[bytes], bytes]:
    return lambda data: rebuild([(e, c) for e, c in entries(data) if e.filename != name])


def _rename(old: str, new: str) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        items = []
        for info, content in entries(data):
            if info.filename == old:
                info = zipfile.ZipInfo(new, info.date_time)
            items.append((info, content))
        return rebuild(items)

    return mutate


def _add(
    name: str, content: bytes = b"x", mode: int = stat.S_IFREG | 0o644
) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        extra = zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0))
        extra.external_attr = mode << 16
        return rebuild([*entries(data), (extra, content)])

    return mutate


def _duplicate(data: bytes) -> bytes:
    items = entries(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, content in items:
            archive.writestr(info, content)
        info, content = next((e, c) for e, c in items if e.filename == "data/records/1.pdf")
        with pytest.warns(UserWarning):  # zipfile warns about the duplicate it is asked to write
            archive.writestr(zipfile.ZipInfo(info.filename, info.date_time), content + b"!")
    return out.getvalue()


def _bomb(data: bytes) -> bytes:
    bomb = zipfile.ZipInfo("data/bomb.bin", (2000, 1, 1, 0, 0, 0))
    bomb.compress_type = zipfile.ZIP_DEFLATED
    bomb.external_attr = (stat.S_IFREG | 0o644) << 16
    return rebuild([*entries(data), (bomb, bytes(50_000_000))])


def _foreign_signature(data: bytes) -> bytes:
    other = seal(
        FilingInfo("9999", "辽宁省示范大学", "辽宁省科学技术厅", 4, "2026-02-01T00:00:00+08:00"),
        FILING,
        FILES,
        KEY,
        checkpoint=HEAD,
        consistency=PROOF,
    )
    signature = dict((e.filename, c) for e, c in entries(other))["META-INF/signature.minisig"]
    return rebuild(
        [
            (e, signature if e.filename == "META-INF/signature.minisig" else c)
            for e, c in entries(data)
        ]
    )


def _foreign_tag_set(data: bytes) -> bytes:
    """Tag files and signature of another, genuine packet over this packet's data."""
    other = dict(
        (e.filename, c)
        for e, c in entries(
            seal(
                FilingInfo("9999", "x", "y", 9, "2026-02-01T00:00:00+08:00"),
                FILING,
                [(name, content + b"(other)") for name, content in FILES],
                KEY,
                checkpoint=HEAD,
                consistency=PROOF,
            )
        )
    )
    swap = {
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "META-INF/signature.minisig",
    }
    return rebuild([(e, other[e.filename] if e.filename in swap else c) for e, c in entries(data)])


def _resigned(
    changes: dict[str, bytes | None], unlisted: frozenset[str] = frozenset()
) -> Callable[[bytes], bytes]:
    """Change tag files (None: delete), then rebuild the tag manifest over the tag files present
    (but ``unlisted``) and sign it again with the sender's own key: what a sender — or someone
    holding its key — could produce. Only the checks after the signature can refuse these."""

    def mutate(data: bytes) -> bytes:
        items = entries(data)
        present = {e.filename: c for e, c in items}
        present.update({k: v for k, v in changes.items() if v is not None})
        for name, content in changes.items():
            if content is not None and name not in {e.filename for e, _ in items}:
                items.insert(-2, (zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), content))
        order = [
            "bagit.txt",
            "bag-info.txt",
            "manifest-sha256.txt",
            "META-INF/checkpoint.txt",
            "META-INF/consistency.txt",
        ]
        listed = [
            n
            for n in order
            if n in present and changes.get(n, b"") is not None and n not in unlisted
        ]
        tagmanifest = "".join(
            f"{hashlib.sha256(present[n]).hexdigest()}  {n}\n" for n in listed
        ).encode()
        comment = f"filing={INFO.filing_id} sequence={INFO.sequence} time={INFO.claimed_time}"
        signature = minisign.sign(KEY, tagmanifest, trusted_comment=comment).encode()
        replaced = {
            **{k: v for k, v in changes.items() if v is not None},
            "tagmanifest-sha256.txt": tagmanifest,
            "META-INF/signature.minisig": signature,
        }
        return rebuild(
            [
                (e, replaced.get(e.filename, c))
                for e, c in items
                if changes.get(e.filename, b"") is not None
            ]
        )

    return mutate


OTHER_CHECKPOINT = checkpoint.sign(HEAD, checkpoint.checkpoint_key_name(OTHER.public()), OTHER)
WRONG_NAME_CHECKPOINT = checkpoint.sign(HEAD, "transfer-desk-someone-else", KEY)
NAME = checkpoint.checkpoint_key_name(KEY.public())
SHORTER_LOG = checkpoint.sign(Head(HEAD.origin, 20, merkle.root_of(LEAVES[:20])), NAME, KEY)
REWRITTEN = [merkle.leaf_hash(b"rewritten"), *LEAVES[1:]]
BAD_PROOFS = {
    # the proof of a log whose first entry was rewritten after the 12-entry head was sent
    "rewritten": checkpoint.consistency_text(12, PROOF[1], merkle.consistency_proof(REWRITTEN, 12)),
    # an honest proof, from another size than it claims
    "wrong size": checkpoint.consistency_text(13, PROOF[1], PROOF[2]),
    # a proof with a node changed
    "flipped": checkpoint.consistency_text(12, PROOF[1], [bytes(32), *PROOF[2][1:]]),
    # from a larger log than the checkpoint's
    "larger": checkpoint.consistency_text(31, PROOF[1], PROOF[2]),
}


def _stored_first(data: bytes) -> bytes:
    items = entries(data)
    info, content = items[0]
    info.compress_type = zipfile.ZIP_DEFLATED
    return rebuild([(info, content), *items[1:]])


TAMPERS: list[tuple[str, Callable[[bytes], bytes], str]] = [
    ("truncated", lambda d: d[: len(d) // 2], "not_zip"),
    ("garbage", lambda d: b"not a zip at all", "not_zip"),
    ("signature deleted", _drop("META-INF/signature.minisig"), "missing"),
    ("tag manifest deleted", _drop("tagmanifest-sha256.txt"), "missing"),
    ("a data file deleted", _drop("data/records/1.pdf"), "payload_set"),
    ("a data file renamed", _rename("data/records/1.pdf", "data/records/2.pdf"), "payload_set"),
    ("a data file added", _add("data/extra.txt"), "payload_set"),
    ("a top-level file added", _add("README.txt"), "extra_file"),
    ("an entry duplicated", _duplicate, "duplicate"),
    ("a ../ path", _add("../evil.txt"), "bad_name"),
    ("an absolute path", _add("/etc/passwd"), "bad_name"),
    ("a backslash path", _add("data\\evil.txt"), "bad_name"),
    ("a name not in NFC", _add("data/re\u0301sume\u0301.pdf"), "bad_name"),
    ("a symbolic link", _add("data/link", b"/etc/passwd", stat.S_IFLNK | 0o777), "not_file"),
    ("a zip bomb", _bomb, "ratio"),
    ("mimetype compressed", _stored_first, "mimetype"),
    ("mimetype changed", _flip(0), "mimetype"),
    ("a signature from another packet", _foreign_signature, "signature"),
    ("another packet's tag files", _foreign_tag_set, "payload_changed"),
    ("checkpoint.txt changed", _flip_named("META-INF/checkpoint.txt"), "tag_changed"),
    ("consistency.txt changed", _flip_named("META-INF/consistency.txt"), "tag_changed"),
    ("checkpoint.txt deleted", _drop("META-INF/checkpoint.txt"), "missing"),
    (
        "checkpoint.txt not in the tag manifest",
        _resigned({}, unlisted=frozenset({"META-INF/checkpoint.txt"})),
        "extra_file",
    ),
    (
        "a checkpoint signed with another key",
        _resigned({"META-INF/checkpoint.txt": OTHER_CHECKPOINT.encode()}),
        "checkpoint",
    ),
    (
        "a checkpoint under another key name",
        _resigned({"META-INF/checkpoint.txt": WRONG_NAME_CHECKPOINT.encode()}),
        "checkpoint",
    ),
    (
        "a checkpoint that is not a signed note",
        _resigned({"META-INF/checkpoint.txt": b"transfer-desk/7e87a5ff\n30\n"}),
        "checkpoint",
    ),
    (
        "a consistency proof without its checkpoint",
        _resigned({"META-INF/checkpoint.txt": None}),
        "consistency",
    ),
    *[
        (
            f"a consistency proof that does not verify ({what})",
            _resigned({"META-INF/consistency.txt": text.encode()}),
            "consistency",
        )
        for what, text in BAD_PROOFS.items()
    ],
    (
        "a consistency proof for a longer log than the checkpoint",
        _resigned({"META-INF/checkpoint.txt": SHORTER_LOG.encode()}),
        "consistency",
    ),
    (
        "a malformed consistency proof",
        _resigned({"META-INF/consistency.txt": b"transfer-desk consistency v1\n12\n"}),
        "consistency",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "reason"), TAMPERS, ids=[t[0] for t in TAMPERS])
def test_the_tamper_matrix(case: str, mutate: Callable[[bytes], bytes], reason: str) -> None:
    with pytest.raises(Rejected) as raised:
        open_packet(mutate(packet()), TRUSTED)
    assert raised.value.reason == reason, (case, raised.value.message)
    assert raised.value.message and not raised.value.message.isascii()


def test_messages_differ_per_reason() -> None:
    messages: dict[str, str] = {}
    for _, mutate, reason in TAMPERS:
        with pytest.raises(Rejected) as raised:
            open_packet(mutate(packet()), TRUSTED)
        messages.setdefault(reason, raised.value.message)
    assert len(set(messages.values())) == len(messages)


def test_an_untrusted_sender_is_refused_before_anything_is_read() -> None:
    with pytest.raises(Rejected) as raised:
        open_packet(packet(key=OTHER), TRUSTED)
    assert raised.value.reason == "untrusted"


def test_limits() -> None:
    with pytest.raises(Rejected) as raised:
        open_packet(packet(), TRUSTED, Limits(max_entries=3))
    assert raised.value.reason == "too_many"
    with pytest.raises(Rejected) as raised:
        open_packet(packet(), TRUSTED, Limits(max_bytes=100))
    assert raised.value.reason == "too_large"


def test_names_must_be_plain() -> None:
    for bad in ("../x", "/x", "a//b", "filing.json", "re\u0301sume\u0301.pdf", "a\x7fb"):
        with pytest.raises(ValueError):
            packet(files=[(bad, b"x")])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_verifier_survives_random_damage(data: st.DataObject) -> None:
    original = bytearray(packet())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    with contextlib.suppress(PacketError):  # refused with a message; anything else fails
        open_packet(bytes(original), TRUSTED)


def test_the_re_signing_helper_alone_changes_nothing_that_is_refused() -> None:
    """So the re-signed tamper cases above are refused for what they change, not for the
    re-signing."""
    opened = open_packet(_resigned({})(packet()), TRUSTED)
    assert opened.checkpoint == HEAD and opened.files == dict(FILES)


# -- streaming ----------------------------------------------------------------------------------
class Pipe:
    """A write-only, non-seekable target (no tell, no seek), like a pipe or an Encryptor."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def write(self, data: bytes) -> int:
        return self.buffer.write(data)

    def flush(self) -> None:
        pass


class Digest(io.RawIOBase):
    """A target that keeps only the SHA-256 of what is written."""

    def __init__(self) -> None:
        super().__init__()
        self.sha = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.sha.update(data)
        return len(data)


class Generated(io.RawIOBase):
    """``size`` pseudo-random bytes made on the fly (the same each time it is opened): a large
    attachment that never exists in memory."""

    def __init__(self, size: int, seed: int) -> None:
        super().__init__()
        self._left = size
        self._random = random.Random(seed)

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self._left if n < 0 else min(n, self._left)
        self._left -= n
        return self._random.randbytes(n)


def test_the_same_bytes_whatever_the_target_and_the_content_form(tmp_path: Path) -> None:
    (tmp_path / "1.pdf").write_bytes(FILES[0][1])
    forms: list[list[tuple[str, Content]]] = [
        list(FILES),
        [(FILES[0][0], tmp_path / "1.pdf"), FILES[1]],
        [(FILES[0][0], lambda: io.BytesIO(FILES[0][1])), FILES[1]],
    ]
    expected = packet()
    for files in forms:
        pipe = Pipe()
        digest = seal_to(pipe, INFO, FILING, files, KEY, checkpoint=HEAD, consistency=PROOF)
        assert pipe.buffer.getvalue() == expected
        assert digest == hashlib.sha256(expected).hexdigest()
        seekable = io.BytesIO()
        seal_to(seekable, INFO, FILING, files, KEY, checkpoint=HEAD, consistency=PROOF)
        assert seekable.getvalue() == expected


def test_progress_counts_both_passes_and_cancel_stops(tmp_path: Path) -> None:
    big = [("big.bin", lambda: Generated(5 * CHUNK + 7, 1)), ("small.txt", b"abc" * 1000)]
    seen: list[tuple[int, int]] = []
    out = io.BytesIO()
    seal_to(out, INFO, FILING, big, KEY, progress=lambda d, t: seen.append((d, t)))
    octets = 5 * CHUNK + 7 + 3000 + len(canonical_json({"schema": 1, **FILING}))
    assert seen[-1] == (2 * octets, 2 * octets)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) >= 2 * 6  # per chunk, both passes
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 9  # in the second pass

    with pytest.raises(Cancelled):
        seal_to(io.BytesIO(), INFO, FILING, big, KEY, cancelled=cancelled)


def test_a_file_that_changes_while_sealing_is_refused() -> None:
    opened = 0

    def changing() -> BinaryIO:
        nonlocal opened
        opened += 1
        return io.BytesIO(b"version %d" % opened)

    with pytest.raises(PacketError) as raised:
        seal_to(io.BytesIO(), INFO, FILING, [("report.txt", changing)], KEY)
    assert "被改动过" in raised.value.message and "report.txt" in raised.value.message


def test_an_unreadable_file_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as raised:
        seal_to(io.BytesIO(), INFO, FILING, [("gone.pdf", tmp_path / "gone.pdf")], KEY)
    assert "gone.pdf" in raised.value.message


def test_a_proof_that_does_not_lead_to_the_checkpoint_is_not_sealed() -> None:
    with pytest.raises(ValueError, match="consistency"):
        packet(consistency=(12, PROOF[1], PROOF[2][1:]))
    with pytest.raises(ValueError, match="checkpoint"):
        packet(checkpoint=None)


def test_compressed_content_is_stored_and_text_deflated() -> None:
    noise = random.Random(3).randbytes(300_000)
    data = packet(
        files=[
            ("noise.bin", noise),
            ("archive.zip", b"PK" + b"a" * 5000),
            ("notes.txt", "成果转化 ".encode() * 5000 + noise[:1000]),
            ("zeros.bin", bytes(200_000)),  # deflated 1:1000 would look like a zip bomb
        ]
    )
    methods = {e.filename: e.compress_type for e, _ in entries(data)}
    assert methods["mimetype"] == zipfile.ZIP_STORED
    assert methods["data/noise.bin"] == zipfile.ZIP_STORED
    assert methods["data/archive.zip"] == zipfile.ZIP_STORED
    assert methods["data/notes.txt"] == zipfile.ZIP_DEFLATED
    assert methods["data/zeros.bin"] == zipfile.ZIP_STORED
    assert open_packet(data, TRUSTED).files["zeros.bin"] == bytes(200_000)


def test_large_entries_get_zip64_headers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(packet_module, "ZIP64_FROM", 1000)
    data = packet()
    assert open_packet(data, TRUSTED).files == dict(FILES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pdf = archive.getinfo("data/records/1.pdf")
    assert pdf.extract_version >= 45  # ZIP64
    unzip = shutil.which("unzip")
    if unzip is not None:
        (tmp_path / "p.zip").write_bytes(data)
        done = subprocess.run([unzip, "-tq", str(tmp_path / "p.zip")], capture_output=True)
        assert done.returncode == 0, done.stdout


def test_memory_does_not_grow_with_the_attachments(tmp_path: Path) -> None:
    """64 MiB of attachments sealed, encrypted and checked through a decrypting reader: the
    peak of Python allocations stays a few chunks, whatever the size."""
    identity = age.Identity.generate()
    files: list[tuple[str, Content]] = [
        (f"attachments/{i}.bin", lambda i=i: Generated(16 * CHUNK + i, i)) for i in range(4)
    ]
    target = tmp_path / "filing.sfp.age"
    tracemalloc.start()
    try:
        with open(target, "wb") as f, age.Encryptor(f, [identity.recipient()]) as encryptor:
            seal_to(encryptor, INFO, FILING, files, KEY, checkpoint=HEAD)
        _, sealing_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        with open(target, "rb") as f:
            checked = check_packet(age.DecryptingReader(f, identity), TRUSTED)
            sink = Digest()
            copied = copy_member(age.DecryptingReader(f, identity), "attachments/3.bin", sink)
        _, checking_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert checked.members == {f"attachments/{i}.bin": 16 * CHUNK + i for i in range(4)}
    assert checked.checkpoint == HEAD and checked.proven_from is None
    assert copied == 16 * CHUNK + 3
    expected = hashlib.sha256(Generated(16 * CHUNK + 3, 3).read()).hexdigest()
    assert sink.sha.hexdigest() == expected
    assert target.stat().st_size > 64 * CHUNK
    assert sealing_peak < 8 * CHUNK, sealing_peak
    assert checking_peak < 8 * CHUNK, checking_peak


def test_check_packet_and_reading_members(tmp_path: Path) -> None:
    path = tmp_path / "filing.sfp"
    path.write_bytes(packet())
    with open(path, "rb") as f:
        checked = check_packet(f, TRUSTED)
        assert checked.info == INFO and checked.signer == "辽宁省示范大学"
        assert checked.members == {name: len(content) for name, content in FILES}
        assert checked.filing == {"schema": 1, **FILING}
        assert checked.checkpoint == HEAD and checked.proven_from == PROOF[:2]
        assert read_member(f, "records/1.pdf", 1 << 20) == FILES[0][1]
        out = io.BytesIO()
        assert copy_member(f, "attachments/证书.txt", out) == len(FILES[1][1])
        assert out.getvalue() == FILES[1][1]
        with pytest.raises(Rejected) as raised:
            read_member(f, "records/1.pdf", 100)
        assert raised.value.reason == "too_large"
        with pytest.raises(Rejected) as raised:
            read_member(f, "records/9.pdf", 100)
        assert raised.value.reason == "missing"


def test_a_changed_encrypted_packet_is_refused_with_its_own_reason() -> None:
    """A chunk of the age file changed: opening the reader checks only the last chunk; the
    verifier meets the changed one while reading and refuses it as "encryption"."""
    identity = age.Identity.generate()
    big = packet(files=[*FILES, ("scan.bin", random.Random(5).randbytes(300_000))])
    sealed = bytearray(age.encrypt(big, [identity.recipient()]))
    sealed[sealed.index(b"\n", sealed.index(b"\n---") + 1) + 1 + 16 + 200] ^= 1  # chunk 0
    with pytest.raises(Rejected) as raised:
        check_packet(age.DecryptingReader(io.BytesIO(bytes(sealed)), identity), TRUSTED)
    assert raised.value.reason == "encryption"


# -- other tools --------------------------------------------------------------------------------
def _extract(data: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(folder)
    return folder


def test_pypi_bagit_validates_the_bag(tmp_path: Path) -> None:
    """The extracted packet is a valid bag as it is: bagit-python only checks the payload under
    data/, the tag files its tag manifest lists (META-INF/checkpoint.txt and consistency.txt
    included) and Payload-Oxum; it ignores ``mimetype`` and META-INF/signature.minisig."""
    bagit = pytest.importorskip("bagit")
    bag = bagit.Bag(str(_extract(packet(), tmp_path / "good")))
    bag.validate()
    assert bag.is_valid() and bag.info["Payload-Oxum"]
    damaged = tmp_path / "damaged"
    _extract(packet(), damaged)
    pdf = damaged / "data" / "records" / "1.pdf"
    content = bytearray(pdf.read_bytes())
    content[100] ^= 1
    pdf.write_bytes(bytes(content))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(damaged)).validate()
    checkpoint_file = tmp_path / "good" / "META-INF" / "checkpoint.txt"
    checkpoint_file.write_text(checkpoint_file.read_text().replace("\n30\n", "\n31\n"))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(tmp_path / "good")).validate()


# -- fuzzing (security-design test 11) -------------------------------------------------------------
class Hang(Exception):
    pass


@contextlib.contextmanager
def no_hang(seconds: float) -> Iterator[None]:
    """Turn a case that runs for ``seconds`` into a failure instead of a stuck test run. Not a
    speed assertion: the cases take milliseconds; the limit only catches a loop that never ends."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"check_packet ran for more than {seconds} s")

    if not hasattr(signal, "setitimer"):  # Windows: no interval timer; the case still runs
        yield
        return
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


FUZZ_BASE = packet()
FUZZ_CHECKED = check_packet(io.BytesIO(FUZZ_BASE), TRUSTED)


@st.composite
def damaged_packets(draw: st.DrawFn) -> bytes:
    data = bytearray(FUZZ_BASE)
    how = draw(st.sampled_from(["overwrite", "truncate", "insert", "entry", "splice"]))
    if how == "overwrite":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif how == "truncate":
        del data[draw(st.integers(0, len(data) - 1)) :]
    elif how == "insert":
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=64))
    elif how == "entry":  # a well-formed ZIP whose one entry has other content
        items = entries(FUZZ_BASE)
        index = draw(st.integers(0, len(items) - 1))
        items[index] = (items[index][0], draw(st.binary(max_size=400)))
        return rebuild(items)
    else:  # a region of the file copied over another
        start = draw(st.integers(0, len(data) - 1))
        length = draw(st.integers(1, 200))
        to = draw(st.integers(0, len(data) - 1))
        data[to : to + length] = data[start : start + length]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_packets())
def test_check_packet_refuses_damage_with_rejected_only(damaged: bytes) -> None:
    """Every damaged packet is either refused with ``Rejected`` or — when the damage is outside
    the signed coverage, e.g. an entry's time in the ZIP directory — accepted with exactly the
    signed content. Nothing else escapes, and no case hangs."""
    with no_hang(10):
        try:
            checked = check_packet(io.BytesIO(damaged), TRUSTED)
        except Rejected as e:
            assert e.reason and e.message
            return
    assert checked == FUZZ_CHECKED
    assert open_packet(damaged, TRUSTED).files == dict(FILES)


def test_members_are_read_without_rereading_the_directory_and_nothing_is_kept() -> None:
    """read_member per file of a 2,000-file packet reads the ZIP directory once (else the import
    of a large filing is quadratic); the cached directory keeps neither the stream nor itself
    alive, and a stream whose size changed is read anew."""
    many = [(f"records/{i}.txt", f"record {i}".encode()) for i in range(2_000)]
    stream = io.BytesIO(packet(files=many))
    checked = check_packet(stream, TRUSTED)
    opened: list[object] = []
    real = zipfile.ZipFile

    def counting(*args: object, **kwargs: object) -> zipfile.ZipFile:
        opened.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(packet_module.zipfile, "ZipFile", counting)
        for name, size in checked.members.items():
            assert read_member(stream, name, size) == dict(many)[name]
        assert len(opened) <= 1
        stream.seek(0, io.SEEK_END)
        stream.write(b"appended")  # another size: the directory is read again
        assert read_member(stream, "records/1.txt", 100) == b"record 1"
        assert len(opened) == 2
    alive = weakref.ref(stream)
    del stream
    gc.collect()
    assert alive() is None and not packet_module._OPENED
