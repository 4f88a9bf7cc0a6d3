"""What the register's search box finds, and the tokens of its index for short terms.

A query is split at white space into terms; a record matches when every term is a substring of
its searchable text (title, abstract, keywords, IP numbers, completers' names), ignoring case.

Chinese has no spaces between words, so the index works on character n-grams:
- a term of three or more characters is found through the trigram index (SQLite FTS5's trigram
  tokenizer does exact substring matching);
- a term of one or two characters is too short for trigrams. For those a second index holds, per
  record, every distinct one- and two-character piece of its text as one token. A token is the
  piece's UTF-8 bytes in hex, so any character (punctuation, digits, CJK) survives FTS5's ASCII
  tokenizer unchanged, and two different pieces never share a token (UTF-8 is prefix-free).
"""

from __future__ import annotations

from collections.abc import Iterable

TRIGRAM = 3  # the shortest term the trigram index can find


def terms(text: str) -> list[str]:
    """The distinct terms of a query, in the order typed (a repeated term narrows nothing)."""
    return list(dict.fromkeys(text.split()))


def short_token(term: str) -> str:
    """The index token of a term of one or two characters."""
    if not 0 < len(term) < TRIGRAM:
        raise ValueError("only one- or two-character terms have a short token")
    return term.lower().encode("utf-8").hex()


def short_tokens(texts: Iterable[str]) -> str:
    """Every distinct one- and two-character piece of ``texts``, as space-separated tokens.

    Pieces never span white space: a term has none, so such a piece could never be asked for.
    """
    pieces: set[str] = set()
    for text in texts:
        for word in text.lower().split():
            pieces.update(word)
            pieces.update(word[i : i + 2] for i in range(len(word) - 1))
    return " ".join(sorted(p.encode("utf-8").hex() for p in pieces))
