"""Sealed filings: formats, signing, encryption and verification; bytes in, bytes out."""
