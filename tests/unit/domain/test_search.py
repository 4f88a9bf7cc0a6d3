"""Search terms and the short-term index's tokens."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.search import short_token, short_tokens, terms


def test_terms_are_split_at_white_space_and_not_repeated() -> None:
    assert terms("  镁合金\u3000制备  镁合金 ") == ["镁合金", "制备"]
    assert terms("") == []


def test_short_tokens_hold_every_piece_of_one_and_two_characters() -> None:
    tokens = set(short_tokens(["镁合 Ab", "钴"]).split())
    pieces = {"镁", "合", "镁合", "a", "b", "ab", "钴"}
    assert tokens == {short_token(p) for p in pieces}
    assert short_token("合 ") not in tokens  # nothing spans white space


def test_short_token_is_only_for_short_terms() -> None:
    with pytest.raises(ValueError):
        short_token("镁合金")
    with pytest.raises(ValueError):
        short_token("")


@given(st.text(min_size=1, max_size=2), st.text(min_size=1, max_size=2))
def test_different_terms_never_share_a_token(a: str, b: str) -> None:
    if a.lower() != b.lower():
        assert short_token(a) != short_token(b)


@given(st.text(max_size=40))
def test_every_short_substring_of_a_word_has_its_token(text: str) -> None:
    tokens = set(short_tokens([text]).split())
    for word in text.split():
        for length in (1, 2):
            for start in range(len(word) - length + 1):
                assert short_token(word[start : start + length]) in tokens
