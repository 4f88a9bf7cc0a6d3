from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.passphrase import (
    COMMON_PASSWORDS,
    PASSPHRASE_MIN_LENGTH,
    PassphraseAssessment,
    assess,
)


@pytest.mark.parametrize(
    "passphrase",
    [
        "Liaoning-2025-chengguo",  # the fixture passphrase other tests rely on
        "Tr4nsfer!Desk",  # 13 chars, four classes
        "成果转化Desk2025",  # CJK counts as a class of its own
        "correct horse battery",  # long: 21 chars, two classes suffice
    ],
)
def test_good_passphrases_pass(passphrase: str) -> None:
    result = assess(passphrase, login="wangli", display_name="王力宏")
    assert result.ok, result.problems
    assert result.problems == ()
    assert result.score >= 2


def test_lowercase_only_needs_twenty_characters() -> None:
    assert not assess("greenteaandbluesky").ok  # 18 chars, one class
    assert assess("greenteaandblueskies").ok  # 20 chars
    assert assess("greentea and bluesky").ok  # 20 chars, two classes


def test_sixteen_characters_with_two_classes_is_enough() -> None:
    assert assess("greenteabluesky7").ok
    assert not assess("greenteablueskY").ok  # 15 chars, two classes


def test_too_short() -> None:
    result = assess("Ab1!xyz")
    assert not result.ok
    assert result.problems[0] == f"口令至少需要{PASSPHRASE_MIN_LENGTH}个字符，当前为7个。"
    assert result.score <= 1


def test_length_counts_characters_not_bytes() -> None:
    assert assess("成果转化处2025年Ab").ok  # 13 characters, four classes
    assert not assess("成果转化处").ok


def test_too_few_classes() -> None:
    result = assess("abcdxyz12345")
    assert not result.ok
    assert "至少3类字符" in result.problems[0]


@pytest.mark.parametrize(
    "passphrase, login, display_name, expected",
    [
        ("Wangli#2025x", "WangLi", "", "口令不能包含登录名。"),
        ("x王管理员2025ab", "", "王管理员", "口令不能包含用户姓名。"),
    ],
)
def test_rejects_own_names(passphrase: str, login: str, display_name: str, expected: str) -> None:
    result = assess(passphrase, login=login, display_name=display_name)
    assert expected in result.problems


def test_short_names_are_not_checked() -> None:
    # Two-character names (王力) are too common inside ordinary phrases to forbid.
    assert assess("Ab#王力2025xyz", login="wl", display_name="王力").ok


@pytest.mark.parametrize(
    "passphrase", ["aaaaaaaaaaaaaaaaaaaaaaa", "############", "我我我我我我我我我我"]
)
def test_rejects_one_repeated_character(passphrase: str) -> None:
    result = assess(passphrase)
    assert "口令不能由同一个字符重复组成。" in result.problems
    assert result.score == 0


@pytest.mark.parametrize(
    "passphrase",
    [
        "1234567890",
        "0987654321",
        "3456789012",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUV",
        "qwertyuiopqwertyuiop",
        "1qaz2wsx3edc4rfv",
        "zyxwvutsrqponmlkjihgfe",
    ],
)
def test_rejects_sequences(passphrase: str) -> None:
    result = assess(passphrase)
    assert not result.ok
    assert any("连续的字符序列" in p for p in result.problems)
    assert result.score == 0


@pytest.mark.parametrize(
    "passphrase",
    [
        "woaini1314",
        "5201314520",
        "Admin123!!",
        "Password123!",
        "qwerty123!!",
        "1qaz2wsx!Q",
        "abc123456X",
    ],
)
def test_rejects_common_passwords(passphrase: str) -> None:
    result = assess(passphrase)
    assert not result.ok
    assert "口令过于常见，很容易被猜中。" in result.problems
    assert result.score == 0


def test_common_list_has_chinese_favourites() -> None:
    assert {
        "woaini1314",
        "5201314",
        "a123456",
        "admin123",
        "1qaz2wsx",
        "abc123456",
    } <= COMMON_PASSWORDS
    assert len(COMMON_PASSWORDS) >= 50


def test_common_word_inside_a_long_phrase_is_fine() -> None:
    assert assess("my password is the river Liao").ok


def test_score_grows_with_length() -> None:
    scores = [assess("Xy7#" + "k" * n).score for n in range(6, 30, 4)]
    assert scores == sorted(scores)
    assert scores[-1] == 4


def test_hint_is_always_given() -> None:
    assert assess("short").hint
    assert assess("Liaoning-2025-chengguo").hint


@given(st.text(max_size=40), st.text(max_size=8), st.text(max_size=8))
def test_assessment_is_consistent(passphrase: str, login: str, display_name: str) -> None:
    result = assess(passphrase, login=login, display_name=display_name)
    assert isinstance(result, PassphraseAssessment)
    assert 0 <= result.score <= 4
    assert result.ok == (result.problems == ())
    if len(passphrase) < PASSPHRASE_MIN_LENGTH:
        assert not result.ok
    if not result.ok:
        assert result.score <= 1
