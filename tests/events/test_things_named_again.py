"""Sanctions and agreements named again by their noun alone, and acts that did not happen
because a noun says so (issue 14). The project's own sentences, through the real model."""

import pytest

from tests.events.conftest import dyads


def events_of(article, trigger: str) -> list[dict]:
    return [e for e in article.events if e["evidence"]["trigger"].split()[0] == trigger]


def test_sanctions_called_off_are_eased_and_a_failure_to_call_them_off_is_no_act(code_text):
    eased = code_text("The U.S. called off its sanctions against Iraq.")
    assert ("USA", "IRQ", "085") in {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in eased.events
    }
    failed = code_text(
        "Japan was ready to continue talks with the U.S. despite its failure to convince "
        "America to call off the tariffs against Japan."
    )
    called_off = events_of(failed, "call")
    assert called_off and all(e["negated"] for e in called_off), called_off
