"""How guessable a new passphrase is, with reasons the user can act on.

A vault passphrase protects the whole unit's records offline, where an attacker can guess
without limit, so we refuse the choices that guessing lists try first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

PASSPHRASE_MIN_LENGTH = 10
_LONG_WITH_TWO_CLASSES = 16
_LONG_ANY = 20
_NAME_MIN = 3

COMMON_PASSWORDS = frozenset(
    {
        "123456", "1234567", "12345678", "123456789", "1234567890", "111111", "000000",
        "666666", "888888", "123123", "654321", "112233", "121212", "147258369",
        "5201314", "1314520", "woaini", "woaini1314", "woaini520", "iloveyou",
        "a123456", "a123456789", "aa123456", "abc123", "abc123456", "123456a",
        "123456abc", "qq123456", "admin", "admin123", "admin888", "administrator",
        "root", "password", "password1", "password123", "passw0rd", "p@ssw0rd",
        "qwerty", "qwerty123", "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1qaz@wsx",
        "zxcvbnm", "asdfghjkl", "welcome", "letmein", "dragon", "monkey",
        "sunshine", "shadow", "football", "baseball", "123qwe", "qweasdzxc",
    }
)  # fmt: skip

# Rows people type along; a passphrase that is a stretch of one (either way) is no secret.
_RUNS = (
    "0123456789",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
)

# Rough alphabet sizes for the strength estimate; CJK counts the commonly used characters.
_POOL = {"lower": 26, "upper": 26, "digit": 10, "symbol": 33, "cjk": 3500}
_SCORE_BANDS = (28, 36, 60, 80)  # bits needed for scores 1, 2, 3, 4


@dataclass(frozen=True)
class PassphraseAssessment:
    ok: bool
    score: int
    problems: tuple[str, ...]
    hint: str


def assess(passphrase: str, *, login: str = "", display_name: str = "") -> PassphraseAssessment:
    classes = character_classes(passphrase)
    length = len(passphrase)
    folded = passphrase.casefold()
    problems: list[str] = []
    guessable = False
    if length < PASSPHRASE_MIN_LENGTH:
        problems.append(f"口令至少需要{PASSPHRASE_MIN_LENGTH}个字符，当前为{length}个。")
    elif not _long_enough_alone(length, len(classes)) and len(classes) < 3:
        problems.append(
            "口令需包含至少3类字符（小写字母、大写字母、数字、符号、汉字），"
            f"或使用{_LONG_WITH_TWO_CLASSES}个字符以上的长口令。"
        )
    if _contains_name(folded, login):
        problems.append("口令不能包含登录名。")
    if _contains_name(folded, display_name):
        problems.append("口令不能包含用户姓名。")
    if length > 1 and len(set(passphrase)) == 1:
        problems.append("口令不能由同一个字符重复组成。")
        guessable = True
    elif length > 2 and _is_run(folded):
        problems.append("口令不能是连续的字符序列（如 123456、abcdef、qwerty）。")
        guessable = True
    elif _mostly_common(folded):
        problems.append("口令过于常见，很容易被猜中。")
        guessable = True
    score = _score(length, classes)
    if guessable:
        score = 0
    elif problems:
        score = min(score, 1)
    return PassphraseAssessment(not problems, score, tuple(problems), _hint(problems, score))


def character_classes(passphrase: str) -> frozenset[str]:
    return frozenset(_class_of(c) for c in passphrase)


def _class_of(char: str) -> str:
    if _is_cjk(char):
        return "cjk"
    if char.isascii() and char.islower():
        return "lower"
    if char.isascii() and char.isupper():
        return "upper"
    if char.isdigit():
        return "digit"
    return "symbol"


def _is_cjk(char: str) -> bool:
    cp = ord(char)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
    )


def _long_enough_alone(length: int, class_count: int) -> bool:
    return length >= _LONG_ANY or (length >= _LONG_WITH_TWO_CLASSES and class_count >= 2)


def _contains_name(folded: str, name: str) -> bool:
    name = name.strip().casefold()
    return len(name) >= _NAME_MIN and name in folded


def _is_run(folded: str) -> bool:
    # Any length, wrapping included: "3456789012" is as guessable as "1234567890".
    for run in _RUNS:
        for row in (run, run[::-1]):
            cycle = row * (len(folded) // len(row) + 2)
            if folded in cycle:
                return True
    return False


def _mostly_common(folded: str) -> bool:
    # "password123!" passes the class rule; a common word making up half of it still fails.
    return any(word in folded and 2 * len(word) >= len(folded) for word in COMMON_PASSWORDS)


def _score(length: int, classes: frozenset[str]) -> int:
    pool = sum(_POOL[c] for c in classes)
    bits = length * math.log2(pool) if pool > 1 else 0.0
    return sum(bits >= band for band in _SCORE_BANDS)


def _hint(problems: list[str], score: int) -> str:
    if problems:
        return "可以用一句好记的话作口令，例如几个词连在一起、共16个字符以上。"
    if score < 3:
        return "口令可以使用；再长一些会更安全。"
    return "口令强度良好。"


# -- one-time passphrases ---------------------------------------------------------------------
# An administrator hands these over on paper or in person; the user must replace it at first login.
# 20 characters from 32 unambiguous symbols: 100 bits, in groups of four for reading aloud.
ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
ONE_TIME_LENGTH = 20


def generate_one_time(randbytes: Callable[[int], bytes]) -> str:
    chars: list[str] = []
    limit = 256 - 256 % len(ONE_TIME_ALPHABET)  # reject bytes that would bias the choice
    while len(chars) < ONE_TIME_LENGTH:
        for byte in randbytes(ONE_TIME_LENGTH * 2):
            if byte < limit and len(chars) < ONE_TIME_LENGTH:
                chars.append(ONE_TIME_ALPHABET[byte % len(ONE_TIME_ALPHABET)])
    return "-".join("".join(chars[i : i + 4]) for i in range(0, ONE_TIME_LENGTH, 4))
