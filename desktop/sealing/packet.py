"""The sealed-filing packet: a ZIP whose first, stored entry is ``mimetype`` (the ASiC / EPUB
convention), holding a BagIt bag (RFC 8493) and ``META-INF/signature.minisig``, a minisign
signature over the bag's tag manifest.

    mimetype                      application/vnd.transfer-desk.filing+zip
    bagit.txt                     BagIt-Version: 1.0
    bag-info.txt                  Filing-Id, Sender, Recipient, Sequence, Claimed-Time,
                                  Key-Fingerprint, Payload-Oxum, Bagging-Date, Profile
    manifest-sha256.txt           every data/ file, sorted by name
    META-INF/checkpoint.txt       the sender's audit-log head, a signed note (checkpoint.py)
    META-INF/consistency.txt      optional: a proof from the last head sent to this recipient
    tagmanifest-sha256.txt        bagit.txt, bag-info.txt, manifest-sha256.txt and the two above
    data/filing.json              canonical JSON (sorted keys, UTF-8), schema-versioned
    data/…                        the PDFs and attachments
    META-INF/signature.minisig    over tagmanifest-sha256.txt

The signature covers the tag manifest, which covers everything else but ``mimetype``. Packets
sealed without a checkpoint (the first version of the format) still open; ``checkpoint`` is then
None.

Writing streams: ``seal_to`` reads each file twice (once to hash it for the manifest, once to copy
it into the ZIP, 1 MiB at a time) and writes to any writable stream, seekable or not (the entries
then carry data descriptors), so memory does not grow with the attachments. Content already
compressed (by name, or when its first MiB deflates by less than a tenth) is stored, not deflated:
deflating 1 GB of incompressible data costs about 25 s here (44 MB/s) for nothing.

Reading a packet (``check_packet`` over a seekable stream; ``open_packet`` over bytes) checks, in
this order, before trusting anything in it: the size and entry limits, names (no absolute paths,
``..``, backslashes, duplicates, links or names not in NFC), the ``mimetype`` entry, the signature
against the trusted keys, the tag manifest, the bag declaration and bag-info, the checkpoint's
signature and the consistency proof, then every data file's hash, streamed. Every failure is a
``Rejected`` (a ``PacketError``) with its own message and ``reason`` code.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import stat
import unicodedata
import weakref
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, TypeAlias

from desktop.domain import merkle
from desktop.errors import Cancelled, PacketError, StorageError
from desktop.sealing import checkpoint as tlog
from desktop.sealing import minisign
from desktop.sealing.checkpoint import Head, Rejected

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "CHECKPOINT",
    "CONSISTENCY",
    "MIMETYPE",
    "SIGNATURE",
    "TAG_FILES",
    "Checked",
    "Content",
    "FilingInfo",
    "Limits",
    "Opened",
    "Rejected",
    "canonical_json",
    "check_packet",
    "copy_member",
    "open_packet",
    "read_member",
    "seal",
    "seal_to",
]

MIMETYPE = b"application/vnd.transfer-desk.filing+zip"
PROFILE = "transfer-desk-filing-1"
SCHEMA = 1
CHECKPOINT = "META-INF/checkpoint.txt"
CONSISTENCY = "META-INF/consistency.txt"
REQUIRED_TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
TAG_FILES = (*REQUIRED_TAG_FILES, CHECKPOINT, CONSISTENCY)  # in tag-manifest order
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "META-INF/signature.minisig"
BAGIT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # entry times say nothing; the claimed time is in bag-info
CHUNK = 1024 * 1024
SMALL = 64 * 1024  # the tag manifest and the signature, read before the signature is checked
ZIP64_FROM = 1 << 30  # entries from 1 GiB on get ZIP64 headers (zipfile needs them from ~2 GiB)
# Formats that are compressed already: deflating them again costs time and saves nothing.
STORED_SUFFIXES = frozenset(
    {".7z", ".age", ".bz2", ".docx", ".gz", ".jpeg", ".jpg", ".mp3", ".mp4", ".odp", ".ods"}
    | {".odt", ".png", ".pptx", ".rar", ".sfp", ".tgz", ".webp", ".xlsx", ".xz", ".zip", ".zst"}
)

Content: TypeAlias = bytes | os.PathLike[str] | Callable[[], BinaryIO]
"""A file's content: the bytes, a path to read, or a callable returning a fresh readable stream
(called once per pass; the stream is closed after each pass)."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 4 * 1024**3  # the packet file
    max_entries: int = 20_000
    max_entry_bytes: int = 2 * 1024**3  # one file, uncompressed
    max_total_bytes: int = 8 * 1024**3  # all files, uncompressed
    max_ratio: int = 200  # uncompressed : compressed, per entry (zip bombs)
    max_tag_bytes: int = 64 * 1024**2  # a tag file (the manifest of 20,000 files is ~2 MB)
    max_filing_bytes: int = 64 * 1024**2  # data/filing.json, which is parsed in memory


@dataclass(frozen=True)
class FilingInfo:
    filing_id: str
    sender: str
    recipient: str
    sequence: int
    claimed_time: str  # ISO with offset


@dataclass(frozen=True)
class Opened:
    info: FilingInfo
    signer: str  # the trusted office's name
    key_id: bytes
    trusted_comment: str
    filing: dict[str, object]
    files: dict[str, bytes]  # data/… (without the prefix) → content, filing.json excluded
    checkpoint: Head | None = None  # the sender's audit-log head, signature checked
    proven_from: tuple[int, bytes] | None = None  # (size, root) the consistency proof starts at


@dataclass(frozen=True)
class Checked:
    """What ``check_packet`` found in a packet that passed every check."""

    info: FilingInfo
    signer: str
    key_id: bytes
    trusted_comment: str
    filing: dict[str, object]
    members: dict[str, int]  # data/… (without the prefix) → size, filing.json excluded
    checkpoint: Head | None
    proven_from: tuple[int, bytes] | None
    # data/… (without the prefix) → SHA-256 hex from the signed manifest, so a member read later
    # can be compared with what was signed, not only with the ZIP's CRC
    digests: dict[str, str] = field(default_factory=dict)


def canonical_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(entries: Sequence[tuple[str, str]]) -> bytes:
    """Manifest lines from (name, hex digest)."""
    return "".join(f"{digest}  {name}\n" for name, digest in entries).encode()


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not (
        name.startswith("/")
        or "\\" in name
        or ":" in parts[0]
        or any(p in ("", ".", "..") for p in parts)
        or any(ord(c) < 32 or c == "\x7f" for c in name)
        or unicodedata.normalize("NFC", name) != name
    )


def _comment(info: FilingInfo) -> str:
    return f"filing={info.filing_id} sequence={info.sequence} time={info.claimed_time}"


# -- writing ------------------------------------------------------------------------------------
@dataclass
class _Part:
    path: str  # the name in the ZIP
    content: Content
    size: int = 0
    digest: str = ""
    method: int = zipfile.ZIP_DEFLATED


@contextmanager
def _opened(content: Content, name: str) -> Iterator[BinaryIO]:
    try:
        if isinstance(content, bytes | bytearray | memoryview):
            stream: BinaryIO = io.BytesIO(content)
        elif isinstance(content, os.PathLike):
            stream = open(content, "rb")  # noqa: SIM115 (closed below)
        elif callable(content):
            stream = content()
        else:
            raise TypeError(f"content of {name!r} is not bytes, a path or a stream opener")
    except OSError as e:
        raise StorageError(f"无法读取要报送的文件 {name}：{e.strerror or e}") from e
    try:
        yield stream
    finally:
        stream.close()


def _size_hint(content: Content) -> int:
    """The size where it is known before reading (for the progress total), else 0."""
    if isinstance(content, bytes | bytearray | memoryview):
        return len(content)
    if isinstance(content, os.PathLike):
        try:
            return os.stat(content).st_size
        except OSError:
            return 0
    return 0


def _chunks(stream: BinaryIO, name: str) -> Iterator[bytes]:
    while True:
        try:
            chunk = stream.read(CHUNK)
        except OSError as e:
            raise StorageError(f"无法读取要报送的文件 {name}：{e.strerror or e}") from e
        if not chunk:
            return
        yield chunk


def _method(path: str, sample: bytes) -> int:
    """STORED for content that deflate cannot shrink by a tenth (or would shrink past a hundredth:
    such a ratio would look like a zip bomb to a verifier), DEFLATED otherwise."""
    if PurePosixPath(path).suffix.lower() in STORED_SUFFIXES or not sample:
        return zipfile.ZIP_STORED
    packed = len(zlib.compress(sample, 6))
    if packed > 0.9 * len(sample) or len(sample) > 100 * packed:
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


class _Progress:
    def __init__(
        self,
        total: int,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.done = 0
        self.total = total
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()

    def add(self, count: int) -> None:
        self.done += count
        if self._progress is not None:
            self._progress(self.done, self.total)


class _Sink(io.RawIOBase):
    """What the ZipFile writes to: ``out``, hashed, offered without tell/seek so that zipfile
    writes data descriptors whatever ``out`` is (the same bytes for a file, a pipe or an
    Encryptor)."""

    def __init__(self, out: BinaryIO) -> None:
        super().__init__()
        self._out = out
        self.sha = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        self._out.write(data)
        self.sha.update(data)
        return memoryview(data).nbytes

    def flush(self) -> None:
        self._out.flush()

    def __del__(self) -> None:
        # io's finaliser would flush ``out``, which its owner may have closed by then.
        pass


def seal_to(
    out: BinaryIO,
    info: FilingInfo,
    filing: Mapping[str, object],
    files: Sequence[tuple[str, Content]],
    key: minisign.SecretKey,
    *,
    checkpoint: Head | None = None,
    consistency: tuple[int, bytes, list[bytes]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> str:
    """Write the packet to ``out`` and return the SHA-256 (hex) of the bytes written.

    ``files`` are (name under data/, content); names are plain relative paths in NFC. With
    ``checkpoint`` (the sender's audit-log head) the packet carries it as a signed note, signed
    with ``key``; ``consistency`` = (old size, old root, proof) adds the proof that the log at the
    last head sent to this recipient is a prefix of ``checkpoint``. ``progress(done, total)``
    counts bytes over both passes (hashing, then copying); ``cancelled()`` is asked before every
    chunk and raises ``Cancelled``. The same input gives the same bytes. Reading a file fails with
    ``StorageError``; a file that changes between the two passes with ``PacketError``."""
    parts = [_Part("data/filing.json", canonical_json({"schema": SCHEMA, **filing}))]
    for name, content in files:
        path = f"data/{name}"
        if not _safe_name(path) or name == "filing.json":
            raise ValueError(f"not a plain relative name: {name!r}")
        parts.append(_Part(path, content))
    if len({p.path for p in parts}) != len(parts):
        raise ValueError("a file name is given twice")
    if consistency is not None:
        if checkpoint is None:
            raise ValueError("a consistency proof needs the checkpoint it leads to")
        old_size, old_root, proof = consistency
        if not merkle.verify_consistency(
            old_size, old_root, checkpoint.size, checkpoint.root, proof
        ):
            raise ValueError("the consistency proof does not lead to the checkpoint")

    # Pass 1: hash every file for the manifest (and look at its first MiB to choose a method).
    steps = _Progress(2 * sum(_size_hint(p.content) for p in parts), progress, cancelled)
    for part in parts:
        sha = hashlib.sha256()
        with _opened(part.content, part.path) as stream:
            for chunk in _chunks(stream, part.path):
                steps.check()
                if not part.size:
                    part.method = _method(part.path, chunk)
                sha.update(chunk)
                part.size += len(chunk)
                steps.add(len(chunk))
        if not part.size:
            part.method = zipfile.ZIP_STORED
        part.digest = sha.hexdigest()
    octets = sum(p.size for p in parts)
    steps.total = 2 * octets

    bag_info = (
        f"Filing-Id: {info.filing_id}\n"
        f"Sender: {info.sender}\n"
        f"Recipient: {info.recipient}\n"
        f"Sequence: {info.sequence}\n"
        f"Claimed-Time: {info.claimed_time}\n"
        f"Key-Fingerprint: {key.public().fingerprint()}\n"
        f"Payload-Oxum: {octets}.{len(parts)}\n"
        f"Bagging-Date: {info.claimed_time[:10]}\n"
        f"Profile: {PROFILE}\n"
    ).encode()
    manifest = _manifest(sorted((p.path, p.digest) for p in parts))
    tags = [("bagit.txt", BAGIT), ("bag-info.txt", bag_info), ("manifest-sha256.txt", manifest)]
    if checkpoint is not None:
        name = tlog.checkpoint_key_name(key.public())
        tags.append((CHECKPOINT, tlog.sign(checkpoint, name, key).encode()))
    if consistency is not None:
        tags.append((CONSISTENCY, tlog.consistency_text(*consistency).encode()))
    tagmanifest = _manifest([(name, _sha(content)) for name, content in tags])
    signature = minisign.sign(key, tagmanifest, trusted_comment=_comment(info)).encode()

    # Pass 2: the ZIP, streamed.
    sink = _Sink(out)
    with zipfile.ZipFile(sink, "w") as archive:
        _write(archive, "mimetype", MIMETYPE, zipfile.ZIP_STORED)
        for name, content in (*tags, (TAGMANIFEST, tagmanifest)):
            _write(archive, name, content, zipfile.ZIP_DEFLATED)
        for part in parts:
            _copy_part(archive, part, steps)
        _write(archive, SIGNATURE, signature, zipfile.ZIP_DEFLATED)
    return sink.sha.hexdigest()


def _entry(name: str, method: int, size: int = 0) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, FIXED_TIME)
    entry.compress_type = method
    entry.create_system = 3  # Unix, on every platform: the same bytes everywhere
    entry.external_attr = (stat.S_IFREG | 0o644) << 16
    entry.file_size = size
    return entry


def _write(archive: zipfile.ZipFile, name: str, content: bytes, method: int) -> None:
    archive.writestr(_entry(name, method), content)


def _copy_part(archive: zipfile.ZipFile, part: _Part, steps: _Progress) -> None:
    sha = hashlib.sha256()
    size = 0
    entry = _entry(part.path, part.method, part.size)
    with (
        _opened(part.content, part.path) as stream,
        archive.open(entry, "w", force_zip64=part.size >= ZIP64_FROM) as target,
    ):
        for chunk in _chunks(stream, part.path):
            steps.check()
            sha.update(chunk)
            size += len(chunk)
            if size > part.size:
                break
            target.write(chunk)
            steps.add(len(chunk))
    if size != part.size or sha.hexdigest() != part.digest:
        name = part.path.removeprefix("data/")
        raise PacketError(f"文件 {name} 在封装过程中被改动过，报送件未完成。请重新报送。")


def seal(
    info: FilingInfo,
    filing: Mapping[str, object],
    files: Sequence[tuple[str, bytes]],
    key: minisign.SecretKey,
    *,
    checkpoint: Head | None = None,
    consistency: tuple[int, bytes, list[bytes]] | None = None,
) -> bytes:
    """The packet's bytes (``seal_to`` into memory). The same input gives the same bytes."""
    out = io.BytesIO()
    seal_to(out, info, filing, files, key, checkpoint=checkpoint, consistency=consistency)
    return out.getvalue()


# -- reading ------------------------------------------------------------------------------------
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError)


def check_packet(
    stream: BinaryIO,
    trusted: Mapping[bytes, tuple[minisign.PublicKey, str]],
    limits: Limits = Limits(),
) -> Checked:
    """Check the packet in ``stream`` (readable, seekable: a file, or an age.DecryptingReader)
    without reading any data file into memory; ``trusted`` maps key ids to (key, office).
    Raises ``Rejected`` with a reason code for everything wrong with it."""
    try:
        return _check(stream, trusted, limits)
    except Rejected:
        raise
    except PacketError as e:  # from the stream itself: an encrypted packet that was changed
        raise Rejected("encryption", e.message) from None


def _check(
    stream: BinaryIO,
    trusted: Mapping[bytes, tuple[minisign.PublicKey, str]],
    limits: Limits,
) -> Checked:
    try:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
    except (OSError, ValueError) as e:
        raise Rejected("unreadable", f"无法读取报送件：{e}") from None
    if size > limits.max_bytes:
        raise Rejected("too_large", "文件超过允许的大小，未打开。")
    try:
        archive = zipfile.ZipFile(stream)
        entries = archive.infolist()
    except _ZIP_ERRORS:
        raise Rejected("not_zip", "文件不是完整的报送件（ZIP 结构损坏或被截断）。") from None
    with archive:
        _check_entries(entries, limits)
        first = entries[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
            raise Rejected("mimetype", "文件的第一项不是未压缩的 mimetype，不是本程序的报送件。")
        if _read(archive, first, SMALL) != MIMETYPE:
            raise Rejected("mimetype", "mimetype 不对，不是本程序的报送件。")
        by_name = {e.filename: e for e in entries}
        for required in (SIGNATURE, TAGMANIFEST, *REQUIRED_TAG_FILES):
            if required not in by_name:
                raise Rejected("missing", f"报送件缺少 {required}。")
        tagmanifest = _read(archive, by_name[TAGMANIFEST], SMALL)
        signature = _read(archive, by_name[SIGNATURE], SMALL)
        signer, key_id, comment = _check_signature(tagmanifest, signature, trusted)
        public = trusted[key_id][0]

        tags = _parse_manifest(tagmanifest, TAGMANIFEST)
        if not set(REQUIRED_TAG_FILES) <= set(tags) <= set(TAG_FILES):
            raise Rejected("tagmanifest", "标签清单所列文件不对。")
        contents: dict[str, bytes] = {}
        for name in tags:
            if name not in by_name:
                raise Rejected("missing", f"报送件缺少 {name}。")
            content = _read(archive, by_name[name], limits.max_tag_bytes)
            if _sha(content) != tags[name]:
                raise Rejected("tag_changed", f"{name} 在签名后被改动过。")
            contents[name] = content
        manifest = _parse_manifest(contents["manifest-sha256.txt"], "manifest-sha256.txt")
        payload_names = {n for n in by_name if n.startswith("data/")}
        expected_tags = {"mimetype", SIGNATURE, TAGMANIFEST, *tags}
        extra = set(by_name) - payload_names - expected_tags
        if extra:
            raise Rejected("extra_file", f"报送件中有清单之外的文件：{sorted(extra)[0]}。")
        if payload_names != set(manifest):
            missing = sorted(set(manifest) - payload_names)
            added = sorted(payload_names - set(manifest))
            what = f"缺少 {missing[0]}" if missing else f"多出 {added[0]}"
            raise Rejected("payload_set", f"报送件的数据文件与清单不符：{what}。")
        if contents["bagit.txt"] != BAGIT:
            raise Rejected("bagit", "bagit.txt 不是 BagIt 1.0 声明。")
        info, oxum = _bag_info(contents["bag-info.txt"])
        if comment != _comment(info):
            raise Rejected(
                "comment", "签名的可信注释与报送件信息不符（签名可能来自另一份报送件）。"
            )
        head, proven_from = _check_checkpoint(contents, public)

        # The data files, streamed through SHA-256; filing.json first, as it is also parsed.
        if "data/filing.json" not in manifest:
            raise Rejected("filing", "报送件缺少有效的 data/filing.json。")
        filing_entry = by_name["data/filing.json"]
        if filing_entry.file_size > limits.max_filing_bytes:
            raise Rejected("too_large", "data/filing.json 超过允许的大小。")
        filing_bytes = _read(archive, filing_entry, limits.max_filing_bytes)
        if _sha(filing_bytes) != manifest["data/filing.json"]:
            raise Rejected("payload_changed", "data/filing.json 在签名后被改动过。")
        members: dict[str, int] = {}
        for name in sorted(manifest):
            if name == "data/filing.json":
                continue
            digest, count = _hash_entry(archive, by_name[name])
            if digest != manifest[name]:
                raise Rejected("payload_changed", f"{name} 在签名后被改动过。")
            members[name.removeprefix("data/")] = count
    octets = len(filing_bytes) + sum(members.values())
    if oxum != f"{octets}.{len(manifest)}":
        raise Rejected("oxum", "Payload-Oxum 与数据文件不符。")
    try:
        filing = json.loads(filing_bytes)
    except (ValueError, RecursionError):
        raise Rejected("filing", "报送件缺少有效的 data/filing.json。") from None
    if not isinstance(filing, dict) or filing.get("schema") != SCHEMA:
        raise Rejected("schema", "报送件的数据版本不受支持，请升级程序后再打开。")
    digests = {name.removeprefix("data/"): manifest[name] for name in manifest}
    return Checked(info, signer, key_id, comment, filing, members, head, proven_from, digests)


def _check_checkpoint(
    contents: Mapping[str, bytes], public: minisign.PublicKey
) -> tuple[Head | None, tuple[int, bytes] | None]:
    """The signed head and the (size, root) the consistency proof starts from, both checked."""
    if CHECKPOINT not in contents:
        if CONSISTENCY in contents:
            raise Rejected("consistency", "报送件有一致性证明，却没有它所证明的检查点。")
        return None, None
    try:
        text = contents[CHECKPOINT].decode()
        head = tlog.verify(text, tlog.checkpoint_key_name(public), public)
    except UnicodeDecodeError:
        raise Rejected("checkpoint", "检查点不是 UTF-8 文本。") from None
    except PacketError as e:
        raise Rejected("checkpoint", f"审计日志检查点无效：{e.message}") from None
    if CONSISTENCY not in contents:
        return head, None
    try:
        old_size, old_root, proof = tlog.parse_consistency(contents[CONSISTENCY].decode())
    except UnicodeDecodeError:
        raise Rejected("consistency", "一致性证明不是 UTF-8 文本。") from None
    except PacketError as e:
        raise Rejected("consistency", e.message) from None
    if not merkle.verify_consistency(old_size, old_root, head.size, head.root, proof):
        raise Rejected(
            "consistency",
            f"一致性证明不成立：发送单位的审计日志（{head.size} 条）不是从上次报送时的"
            f"日志（{old_size} 条）续写而来。",
        )
    return head, (old_size, old_root)


def _check_entries(entries: Sequence[zipfile.ZipInfo], limits: Limits) -> None:
    if not entries:
        raise Rejected("empty", "报送件是空的。")
    if len(entries) > limits.max_entries:
        raise Rejected("too_many", "报送件中的文件数超过允许的上限。")
    seen: set[str] = set()
    total = 0
    for e in entries:
        name = e.filename
        if not _safe_name(name):
            raise Rejected("bad_name", f"报送件中有不安全的文件名：{name!r}。")
        if name in seen:
            raise Rejected("duplicate", f"报送件中 {name} 出现了两次。")
        seen.add(name)
        kind = stat.S_IFMT(e.external_attr >> 16)  # 0: no Unix type recorded (plain file)
        if e.is_dir() or kind not in (0, stat.S_IFREG):
            raise Rejected("not_file", f"报送件中 {name} 不是普通文件（目录或链接）。")
        if e.flag_bits & 0x1:
            raise Rejected("encrypted_entry", "报送件中有加密的 ZIP 项，不是本程序的报送件。")
        if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Rejected("method", f"{name} 的压缩方式不受支持。")
        if e.file_size > limits.max_entry_bytes:
            raise Rejected("too_large", f"{name} 超过单个文件的大小上限。")
        if e.file_size > limits.max_ratio * max(e.compress_size, 1):
            raise Rejected("ratio", f"{name} 的压缩比异常（疑似压缩炸弹），未解压。")
        total += e.file_size
    if total > limits.max_total_bytes:
        raise Rejected("too_large", "报送件解压后的总大小超过上限。")


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int) -> bytes:
    if entry.file_size > limit:
        raise Rejected("too_large", f"{entry.filename} 超过允许的大小（{limit} 字节）。")
    try:
        with archive.open(entry) as stream:
            data = stream.read(limit + 1)
    except _ZIP_ERRORS:
        # found by fuzzing: a damaged deflate stream raises zlib.error from zipfile
        raise Rejected("corrupt", f"{entry.filename} 损坏，无法读出。") from None
    if len(data) != entry.file_size:
        raise Rejected("corrupt", f"{entry.filename} 的长度与目录记载不符。")
    return data


def _stream_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's content in chunks; ``Rejected`` when it cannot be read or its length (or
    CRC, which zipfile checks at the end) disagrees with the directory."""
    count = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(CHUNK):
                count += len(chunk)
                if count > entry.file_size:
                    break
                yield chunk
    except _ZIP_ERRORS:
        raise Rejected("corrupt", f"{entry.filename} 损坏，无法读出。") from None
    if count != entry.file_size:
        raise Rejected("corrupt", f"{entry.filename} 的长度与目录记载不符。")


def _hash_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> tuple[str, int]:
    sha = hashlib.sha256()
    count = 0
    for chunk in _stream_entry(archive, entry):
        sha.update(chunk)
        count += len(chunk)
    return sha.hexdigest(), count


def _check_signature(
    tagmanifest: bytes, signature: bytes, trusted: Mapping[bytes, tuple[minisign.PublicKey, str]]
) -> tuple[str, bytes, str]:
    try:
        text = signature.decode()
    except UnicodeDecodeError:
        raise Rejected("signature", "签名文件不是文本。") from None
    lines = text.split("\n")
    key_id = b""
    if len(lines) > 1:
        try:
            key_id = base64.b64decode(lines[1].strip(), validate=True)[2:10]
        except (binascii.Error, ValueError):
            key_id = b""
    if key_id not in trusted:
        raise Rejected("untrusted", "签名所用的密钥不在信任名单中：请先导入并核对发送单位的公钥。")
    public, office = trusted[key_id]
    try:
        verified = minisign.verify(public, tagmanifest, text)
    except PacketError as e:
        raise Rejected("signature", e.message) from None
    return office, key_id, verified.trusted_comment


def _parse_manifest(content: bytes, name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        text = content.decode()
    except UnicodeDecodeError:
        raise Rejected("manifest", f"{name} 不是 UTF-8 文本。") from None
    for line in text.splitlines():
        digest, sep, path = line.partition("  ")
        if (
            not sep
            or len(digest) != 64
            or digest.strip("0123456789abcdef")
            or not _safe_name(path)
            or path in found
        ):
            raise Rejected("manifest", f"{name} 的格式不对。")
        found[path] = digest
    return found


def _bag_info(content: bytes) -> tuple[FilingInfo, str]:
    """The filing's information and the Payload-Oxum it declares."""
    fields: dict[str, str] = {}
    try:
        text = content.decode()
    except UnicodeDecodeError:
        raise Rejected("bag_info", "bag-info.txt 不是 UTF-8 文本。") from None
    for line in text.splitlines():
        label, sep, value = line.partition(": ")
        if not sep:
            raise Rejected("bag_info", "bag-info.txt 的格式不对。")
        fields[label] = value
    try:
        info = FilingInfo(
            fields["Filing-Id"],
            fields["Sender"],
            fields["Recipient"],
            int(fields["Sequence"]),
            fields["Claimed-Time"],
        )
    except (KeyError, ValueError):
        raise Rejected("bag_info", "bag-info.txt 缺少报送件信息。") from None
    if fields.get("Profile") != PROFILE:
        raise Rejected("profile", "报送件的格式规范不受支持。")
    return info, fields.get("Payload-Oxum", "")


def _member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    path = f"data/{name}"
    try:
        return archive.getinfo(path)
    except KeyError:
        raise Rejected("missing", f"报送件中没有 {path}。") from None


# The directory of a packet read once per stream: the importer calls read_member per file, and a
# ZipFile opened per call would read the whole central directory each time (20,000 entries: 20,000
# times). The ZipFile reaches the stream through a weak proxy, so the cache keeps neither alive.
_OPENED: weakref.WeakKeyDictionary[BinaryIO, tuple[int, zipfile.ZipFile]] = (
    weakref.WeakKeyDictionary()
)


def _archive(stream: BinaryIO) -> zipfile.ZipFile:
    try:
        size = stream.seek(0, io.SEEK_END)
        known = _OPENED.get(stream)
        if known is not None and known[0] == size:
            return known[1]
        stream.seek(0)
        archive = zipfile.ZipFile(weakref.proxy(stream))
    except _ZIP_ERRORS:
        raise Rejected("not_zip", "文件不是完整的报送件（ZIP 结构损坏或被截断）。") from None
    _OPENED[stream] = (size, archive)
    return archive


def read_member(stream: BinaryIO, name: str, limit: int) -> bytes:
    """The content of ``data/<name>`` of a packet that ``check_packet`` passed (the same
    stream); ``Rejected`` ("too_large") when it is larger than ``limit``."""
    archive = _archive(stream)
    return _read(archive, _member(archive, name), limit)


def copy_member(stream: BinaryIO, name: str, out: BinaryIO) -> int:
    """Stream ``data/<name>`` of a checked packet into ``out``, 1 MiB at a time; its size."""
    count = 0
    archive = _archive(stream)
    for chunk in _stream_entry(archive, _member(archive, name)):
        out.write(chunk)
        count += len(chunk)
    return count


def open_packet(
    data: bytes,
    trusted: Mapping[bytes, tuple[minisign.PublicKey, str]],
    limits: Limits = Limits(),
) -> Opened:
    """Check a packet held in memory and return what it holds (``check_packet``, then every
    data file read); ``trusted`` maps key ids to (key, office)."""
    if len(data) > limits.max_bytes:
        raise Rejected("too_large", "文件超过允许的大小，未打开。")
    stream = io.BytesIO(data)
    checked = check_packet(stream, trusted, limits)
    archive = _archive(stream)
    files = {
        name: _read(archive, _member(archive, name), limits.max_entry_bytes)
        for name in checked.members
    }
    return Opened(
        checked.info,
        checked.signer,
        checked.key_id,
        checked.trusted_comment,
        checked.filing,
        files,
        checked.checkpoint,
        checked.proven_from,
    )
