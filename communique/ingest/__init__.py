"""Ingest: raw inputs to documents (readers), clean articles (html, text) and duplicates (dedupe)."""
