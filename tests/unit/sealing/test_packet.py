"""The packet: a round trip, the standard tools agreeing (unzip layout, minisign -V on the tag
manifest), and the tamper matrix of security-design test 10 — every case refused with its own
reason, none accepted."""

from __future__ import annotations

import contextlib
import io
import shutil
import stat
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.errors import PacketError
from desktop.sealing import minisign
from desktop.sealing.packet import (
    MIMETYPE,
    FilingInfo,
    Limits,
    Rejected,
    open_packet,
    seal,
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


def packet(**changes: object) -> bytes:
    args: dict[str, object] = {"info": INFO, "filing": FILING, "files": FILES, "key": KEY}
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
    assert packet() == packet()  # reproducible


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
    ("a symbolic link", _add("data/link", b"/etc/passwd", stat.S_IFLNK | 0o777), "not_file"),
    ("a zip bomb", _bomb, "ratio"),
    ("mimetype compressed", _stored_first, "mimetype"),
    ("mimetype changed", _flip(0), "mimetype"),
    ("a signature from another packet", _foreign_signature, "signature"),
    ("another packet's tag files", _foreign_tag_set, "payload_changed"),
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
    for bad in ("../x", "/x", "a//b", "filing.json"):
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
