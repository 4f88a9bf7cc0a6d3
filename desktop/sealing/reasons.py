"""Why a filing was refused: every reason code a verifier raises, with its exit status for
``transfer-desk-cli verify`` and a short Chinese name. The order is fixed: codes only get added at
the end, so a script's handling of an exit status stays valid across versions."""

from __future__ import annotations

# (reason, short name); exit status = FIRST + position
REASONS: tuple[tuple[str, str], ...] = (
    ("unreadable", "文件无法读取"),
    ("not_for_us", "加密件不是发给本单位的"),
    ("damaged", "加密件损坏或被截断"),
    ("too_large", "超过大小上限"),
    ("not_zip", "不是完整的 ZIP 文件"),
    ("empty", "空文件"),
    ("too_many", "文件数超过上限"),
    ("bad_name", "不安全的文件名"),
    ("duplicate", "重复的文件项"),
    ("not_file", "目录或链接"),
    ("encrypted_entry", "加密的 ZIP 项"),
    ("ratio", "压缩比异常（压缩炸弹）"),
    ("mimetype", "mimetype 不对"),
    ("missing", "缺少必需的文件"),
    ("corrupt", "文件项损坏"),
    ("untrusted", "签名公钥不在信任名单中"),
    ("signature", "签名不符"),
    ("retired_key", "签名公钥已停用"),
    ("tagmanifest", "标签清单不对"),
    ("tag_changed", "标签文件被改动"),
    ("manifest", "清单格式不对"),
    ("extra_file", "多出清单之外的文件"),
    ("payload_set", "数据文件与清单不符"),
    ("payload_changed", "数据文件被改动"),
    ("bag_info", "bag-info 不对"),
    ("oxum", "Payload-Oxum 不符"),
    ("profile", "格式规范不受支持"),
    ("bagit", "不是 BagIt 1.0"),
    ("filing", "缺少有效的 filing.json"),
    ("schema", "数据版本不受支持"),
    ("comment", "可信注释与报送件不符"),
    ("no_checkpoint", "缺少审计日志检查点"),
    ("checkpoint", "检查点签名不对"),
    ("origin", "检查点来自另一份日志"),
    ("consistency", "一致性证明不成立"),
    ("rollback", "发送单位的审计日志被回滚"),
    ("fork", "发送单位的审计日志被改写"),
    ("wrong_recipient", "不是发给本单位的"),
    ("sender_mismatch", "发送单位与签名公钥不符"),
    ("duplicate_id", "同一编号、内容不同"),
    ("replay", "旧的或重放的报送件"),
    ("method", "不支持的压缩方式"),
    ("encryption", "加密内容在读取时出错"),
)
FIRST = 10
EXIT_CODES: dict[str, int] = {reason: FIRST + n for n, (reason, _) in enumerate(REASONS)}
NAMES: dict[str, str] = dict(REASONS)
EXIT_UNKNOWN_REASON = 9


def exit_code(reason: str) -> int:
    return EXIT_CODES.get(reason, EXIT_UNKNOWN_REASON)
