"""French agreements: the treaties, accords and memoranda French events act on, as records of
their own, as English ones are (events/agreements.py).

"La Russie et le Mali ont signé trois accords de coopération militaire" gives three
records, parties RUS and MLI, status signed, topic defence. An agreement noun is one the
trigger governs (its object, a passive subject: "un accord a été signé"); the number is the
noun's numeral; the status comes from the trigger's verb and the topics from the words of
the noun's phrase, all in french/data/agreements.yaml.
"""

from __future__ import annotations

import functools

from ..events.agreements import agreement_record
from ..yaml_data import read_yaml
from .gazetteer import DATA

GOVERNED = ("obj", "nsubj:pass")


@functools.cache
def _data() -> dict:
    data = read_yaml(DATA / "agreements.yaml")
    data["topic_of"] = {word: topic for topic, words in data["topics"].items() for word in words}
    return data


def french_agreements(article, events: list[dict], trigger_of: dict[str, int]) -> list[dict]:
    """The agreements ``events`` act on; ``trigger_of`` maps an event id to its trigger's
    token index in the article's Doc."""
    data = _data()
    records: list[dict] = []
    recorded: dict[tuple, str] = {}  # (sentence start, parties) -> the first record's id
    for event in events:
        if event["negated"] or event["id"] not in trigger_of:
            continue
        trigger = article.doc[trigger_of[event["id"]]]
        status = data["status"].get(trigger.lemma_.lower())
        nouns = [
            noun
            for child in trigger.children
            if child.dep_ in GOVERNED
            for noun in (child, *child.conjuncts)
            if noun.lemma_.lower() in data["kinds"]
        ]
        parties = list(
            dict.fromkeys(
                c for c in (event["source"]["country"], (event["target"] or {}).get("country")) if c
            )
        )
        if not nouns or status is None or not parties:
            continue
        key = (event["evidence"]["start"], tuple(sorted(parties)))
        if key in recorded:
            event["agreement_id"] = recorded[key]  # "A et B ont signé": the reverse event
            continue
        found = [
            agreement_record(
                article, noun, _phrase(noun), parties, status, event, trigger, serial, data
            )
            for noun in nouns
            for serial in range(_count(noun))
        ]
        event["agreement_id"] = recorded[key] = found[0]["id"]
        records.extend(found)
    return records


def _phrase(noun):
    """The noun's phrase without its determiner and numeral, relative clauses and
    appositions, nor what follows a comma."""
    left_out = {
        t.i
        for child in noun.children
        if child.dep_.startswith(("acl", "appos"))
        for t in child.subtree
    }
    tokens = [t for t in noun.subtree if t.i not in left_out]
    while tokens and tokens[0].dep_ in ("det", "nummod", "punct"):
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in ("punct", "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return noun.doc[noun.i : noun.i + 1]
    return noun.doc[tokens[0].i : tokens[-1].i + 1]


def _count(noun) -> int:
    for child in noun.children:
        if child.dep_ == "nummod":
            if child.text.isdigit():
                return min(int(child.text), 20)
            return _data()["number_words"].get(child.lower_, 1)
    return 1
