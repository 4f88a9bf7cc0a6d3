"""The sealed-filing packet: a ZIP whose first, stored entry is ``mimetype`` (the ASiC / EPUB
convention), holding a BagIt bag (RFC 8493) and ``META-INF/signature.minisig``, a minisign
signature over the bag's tag manifest.

    mimetype                      application/vnd.transfer-desk.filing+zip
    bagit.txt                     BagIt-Version: 1.0
    bag-info.txt                  Filing-Id, Sender, Recipient, Sequence, Claimed-Time,
                                  Key-Fingerprint, Payload-Oxum, Bagging-Date, Profile
    data/filing.json              canonical JSON (sorted keys, UTF-8), schema-versioned
    data/…                        the PDFs and attachments
    manifest-sha256.txt           every data/ file
    tagmanifest-sha256.txt        bagit.txt, bag-info.txt, manifest-sha256.txt
    META-INF/signature.minisig    over tagmanifest-sha256.txt

Reading a packet checks, in this order, before trusting anything in it: the size and entry limits,
names (no absolute paths, ``..``, backslashes, duplicates or links), the ``mimetype`` entry, the
signature against the trusted keys, then the tag manifest and the manifest. Every failure is a
``PacketError`` with its own message and ``reason`` code.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import stat
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.errors import PacketError
from desktop.sealing import minisign

MIMETYPE = b"application/vnd.transfer-desk.filing+zip"
PROFILE = "transfer-desk-filing-1"
SCHEMA = 1
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
SIGNATURE = "META-INF/signature.minisig"
BAGIT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)  # entry times say nothing; the claimed time is in bag-info


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 4 * 1024**3  # the packet file
    max_entries: int = 20_000
    max_entry_bytes: int = 2 * 1024**3  # one file, uncompressed
    max_total_bytes: int = 8 * 1024**3  # all files, uncompressed
    max_ratio: int = 200  # uncompressed : compressed, per entry (zip bombs)


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


class Rejected(PacketError):
    """A packet refused; ``reason`` is a stable code for the command line's exit status."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def canonical_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(entries: Sequence[tuple[str, bytes]]) -> bytes:
    return "".join(f"{_sha(content)}  {name}\n" for name, content in entries).encode()


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not (
        name.startswith("/")
        or "\\" in name
        or ":" in parts[0]
        or any(p in ("", ".", "..") for p in parts)
        or any(ord(c) < 32 for c in name)
    )


def seal(
    info: FilingInfo,
    filing: Mapping[str, object],
    files: Sequence[tuple[str, bytes]],
    key: minisign.SecretKey,
) -> bytes:
    """The packet's bytes. ``files`` are (name under data/, content); names are plain relative
    paths. The same input gives the same bytes."""
    payload: list[tuple[str, bytes]] = [
        ("data/filing.json", canonical_json({"schema": SCHEMA, **filing}))
    ]
    for name, content in files:
        path = f"data/{name}"
        if not _safe_name(path) or name == "filing.json":
            raise ValueError(f"not a plain relative name: {name!r}")
        payload.append((path, content))
    if len({n for n, _ in payload}) != len(payload):
        raise ValueError("a file name is given twice")
    octets = sum(len(c) for _, c in payload)
    bag_info = (
        f"Filing-Id: {info.filing_id}\n"
        f"Sender: {info.sender}\n"
        f"Recipient: {info.recipient}\n"
        f"Sequence: {info.sequence}\n"
        f"Claimed-Time: {info.claimed_time}\n"
        f"Key-Fingerprint: {key.public().fingerprint()}\n"
        f"Payload-Oxum: {octets}.{len(payload)}\n"
        f"Bagging-Date: {info.claimed_time[:10]}\n"
        f"Profile: {PROFILE}\n"
    ).encode()
    manifest = _manifest(payload)
    tags = [("bagit.txt", BAGIT), ("bag-info.txt", bag_info), ("manifest-sha256.txt", manifest)]
    tagmanifest = _manifest(tags)
    comment = f"filing={info.filing_id} sequence={info.sequence} time={info.claimed_time}"
    signature = minisign.sign(key, tagmanifest, trusted_comment=comment).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        _write(archive, "mimetype", MIMETYPE, zipfile.ZIP_STORED)
        for name, content in (*tags, ("tagmanifest-sha256.txt", tagmanifest), *payload):
            _write(archive, name, content, zipfile.ZIP_DEFLATED)
        _write(archive, SIGNATURE, signature, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _write(archive: zipfile.ZipFile, name: str, content: bytes, method: int) -> None:
    entry = zipfile.ZipInfo(name, FIXED_TIME)
    entry.compress_type = method
    entry.external_attr = (stat.S_IFREG | 0o644) << 16
    archive.writestr(entry, content)


# -- reading ------------------------------------------------------------------------------------
def open_packet(
    data: bytes,
    trusted: Mapping[bytes, tuple[minisign.PublicKey, str]],
    limits: Limits = Limits(),
) -> Opened:
    """Check a packet and return what it holds; ``trusted`` maps key ids to (key, office)."""
    if len(data) > limits.max_bytes:
        raise Rejected("too_large", "文件超过允许的大小，未打开。")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError):
        raise Rejected("not_zip", "文件不是完整的报送件（ZIP 结构损坏或被截断）。") from None
    _check_entries(entries, limits)
    with archive:
        first = entries[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
            raise Rejected("mimetype", "文件的第一项不是未压缩的 mimetype，不是本程序的报送件。")
        if _read(archive, first, limits) != MIMETYPE:
            raise Rejected("mimetype", "mimetype 不对，不是本程序的报送件。")
        by_name = {e.filename: e for e in entries}
        for required in (SIGNATURE, "tagmanifest-sha256.txt", *TAG_FILES):
            if required not in by_name:
                raise Rejected("missing", f"报送件缺少 {required}。")
        tagmanifest = _read(archive, by_name["tagmanifest-sha256.txt"], limits)
        signature = _read(archive, by_name[SIGNATURE], limits)
        signer, key_id, comment = _check_signature(tagmanifest, signature, trusted)
        tags = _parse_manifest(tagmanifest, "tagmanifest-sha256.txt")
        if set(tags) != set(TAG_FILES):
            raise Rejected("tagmanifest", "标签清单所列文件不对。")
        contents: dict[str, bytes] = {}
        for name in TAG_FILES:
            content = _read(archive, by_name[name], limits)
            if _sha(content) != tags[name]:
                raise Rejected("tag_changed", f"{name} 在签名后被改动过。")
            contents[name] = content
        manifest = _parse_manifest(contents["manifest-sha256.txt"], "manifest-sha256.txt")
        payload_names = {n for n in by_name if n.startswith("data/")}
        expected_tags = {"mimetype", SIGNATURE, "tagmanifest-sha256.txt", *TAG_FILES}
        extra = set(by_name) - payload_names - expected_tags
        if extra:
            raise Rejected("extra_file", f"报送件中有清单之外的文件：{sorted(extra)[0]}。")
        if payload_names != set(manifest):
            missing = sorted(set(manifest) - payload_names)
            added = sorted(payload_names - set(manifest))
            what = f"缺少 {missing[0]}" if missing else f"多出 {added[0]}"
            raise Rejected("payload_set", f"报送件的数据文件与清单不符：{what}。")
        files: dict[str, bytes] = {}
        for name in sorted(manifest):
            content = _read(archive, by_name[name], limits)
            if _sha(content) != manifest[name]:
                raise Rejected("payload_changed", f"{name} 在签名后被改动过。")
            files[name] = content
    info = _bag_info(contents["bag-info.txt"], files)
    if contents["bagit.txt"] != BAGIT:
        raise Rejected("bagit", "bagit.txt 不是 BagIt 1.0 声明。")
    try:
        filing = json.loads(files.pop("data/filing.json"))
    except (KeyError, ValueError):
        raise Rejected("filing", "报送件缺少有效的 data/filing.json。") from None
    if not isinstance(filing, dict) or filing.get("schema") != SCHEMA:
        raise Rejected("schema", "报送件的数据版本不受支持，请升级程序后再打开。")
    expected = f"filing={info.filing_id} sequence={info.sequence} time={info.claimed_time}"
    if comment != expected:
        raise Rejected("comment", "签名的可信注释与报送件信息不符（签名可能来自另一份报送件）。")
    return Opened(
        info,
        signer,
        key_id,
        comment,
        filing,
        {k.removeprefix("data/"): v for k, v in files.items()},
    )


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
        if e.file_size > limits.max_entry_bytes:
            raise Rejected("too_large", f"{name} 超过单个文件的大小上限。")
        if e.file_size > limits.max_ratio * max(e.compress_size, 1):
            raise Rejected("ratio", f"{name} 的压缩比异常（疑似压缩炸弹），未解压。")
        total += e.file_size
    if total > limits.max_total_bytes:
        raise Rejected("too_large", "报送件解压后的总大小超过上限。")


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limits: Limits) -> bytes:
    try:
        with archive.open(entry) as stream:
            data = stream.read(limits.max_entry_bytes + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError):
        # found by fuzzing: a damaged deflate stream raises zlib.error from zipfile
        raise Rejected("corrupt", f"{entry.filename} 损坏，无法读出。") from None
    if len(data) != entry.file_size:
        raise Rejected("corrupt", f"{entry.filename} 的长度与目录记载不符。")
    return data


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
        except ValueError:
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
        if not sep or len(digest) != 64 or not _safe_name(path) or path in found:
            raise Rejected("manifest", f"{name} 的格式不对。")
        found[path] = digest
    return found


def _bag_info(content: bytes, files: Mapping[str, bytes]) -> FilingInfo:
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
    octets = sum(len(c) for c in files.values())
    if fields.get("Payload-Oxum") != f"{octets}.{len(files)}":
        raise Rejected("oxum", "Payload-Oxum 与数据文件不符。")
    if fields.get("Profile") != PROFILE:
        raise Rejected("profile", "报送件的格式规范不受支持。")
    return info
