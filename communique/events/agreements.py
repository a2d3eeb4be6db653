"""Agreements: treaties, deals and memoranda that are signed, agreed or proposed."""
from __future__ import annotations


def find_agreements(article, events) -> list[dict]:
    return []
