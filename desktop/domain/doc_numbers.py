"""Document numbers (文号) as Chinese administrative documents write them: 赋权〔2026〕3号."""

from __future__ import annotations

PREFIXES = {"rights_grant": "赋权", "confidentiality": "保密"}


def doc_no(kind: str, year: int, number: int) -> str:
    return f"{PREFIXES[kind]}〔{year}〕{number}号"


def amendment_no(grant_doc_no: str, seq: int) -> str:
    """A supplementary agreement's number: the grant's with 补N (赋权〔2026〕3号补1)."""
    return f"{grant_doc_no}补{seq}"
