"""Files kept inside the vault (decisions, achievements): names, sizes, and what the log records.

The content never leaves the encrypted database except when a user saves a copy or the program's
own viewer shows it from memory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PureWindowsPath

from desktop.errors import ValidationError

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
FILENAME_MAX = 255
MEDIA_TYPE_MAX = 128
DEFAULT_MEDIA_TYPE = "application/octet-stream"


def clean_filename(filename: str) -> str:
    """The last path component (either separator), without control characters."""
    name = PureWindowsPath(filename.strip()).name.strip()
    if name in ("", ".", "..") or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise ValidationError("attachment", "附件文件名无效。")
    if len(name) > FILENAME_MAX:
        raise ValidationError("attachment", f"附件文件名不能超过 {FILENAME_MAX} 个字符。")
    return name


def clean_media_type(media_type: str) -> str:
    media_type = media_type.strip()
    if not media_type or len(media_type) > MEDIA_TYPE_MAX:
        return DEFAULT_MEDIA_TYPE
    return media_type


def check_size(size: int, limit: int = MAX_ATTACHMENT_BYTES) -> None:
    if size == 0:
        raise ValidationError("attachment", "附件是空文件。")
    if size > limit:
        raise ValidationError("attachment", f"附件不能超过 {limit // (1024 * 1024)} MB。")


def snapshot(
    attachment_id: int, filename: str, media_type: str, size: int, sha256: str
) -> dict[str, object]:
    """What the audit log records about an attachment: never its content."""
    return {
        "attachment_id": attachment_id,
        "filename": filename,
        "media_type": media_type,
        "size": size,
        "sha256": sha256,
    }


@dataclass(frozen=True)
class StoredFile:
    """An attachment's metadata; ``owner_id`` is the record it belongs to."""

    id: int
    owner_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: str
