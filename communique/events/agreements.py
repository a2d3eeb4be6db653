"""Agreements: treaties, deals and memoranda that are signed, agreed or proposed.

An agreement is found where an event's trigger governs an agreement noun ("signed three key
agreements", "reached a deal", "an accord was signed"). Each agreement named inside that
phrase ("including a treaty establishing a commission on trade") is a record of its own; a
later sentence that goes on about the others ("The other two treaties cover A and B") adds
one record per thing it lists. When the phrase gives a number, that many records are made.
Parties are the countries of the event, and an agreement needs at least one; the status comes
from the trigger's verb (one listed in data/agreements.yaml), the topics from the words of
each agreement's own phrase.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources


from ..nlp.parse import written
from ..records.agreement import Agreement, AgreementEvidence
from ..yaml_data import read_yaml
from .roles import grammar

DATA = resources.files("communique.events") / "data"
FOLLOW_SENTENCES = 2


@functools.cache
def _data() -> dict:
    data = read_yaml(DATA / "agreements.yaml")
    data["topic_of"] = {word: topic for topic, words in data["topics"].items() for word in words}
    return data


def find_agreements(article, events: list[dict], trigger_of: dict[str, int], tree) -> list[dict]:
    """The agreements the events act on; ``trigger_of`` maps an event id to its trigger's
    token index in the article's Doc, ``tree`` is the Doc's ``actors.tree.Tree``."""
    doc = article.doc
    data = _data()
    records: list[dict] = []
    # (sentence start, parties in either order) of every record so far -> the first record's
    # id: the same agreements seen through another event of the sentence (the reverse event
    # of "A and B signed") are not recorded twice, and the event points to them.
    recorded: dict[tuple, str] = {}
    for event in events:
        if event["negated"]:
            continue
        if event["id"] not in trigger_of:
            continue
        trigger = doc[trigger_of[event["id"]]]
        nouns = [t for t in _governed(trigger) if t.lemma_.lower() in data["kinds"]]
        if not nouns:
            continue
        parties = _unique(
            c for c in (event["source"]["country"], (event["target"] or {}).get("country")) if c
        )
        status = data["status"].get(trigger.lemma_.lower())
        if not parties or status is None:
            continue  # no state is party to it, or nothing is done with it ("the deal's cost")
        key = (event["evidence"]["start"], tuple(sorted(parties)))
        if key in recorded:
            event["agreement_id"] = recorded[key]
            continue
        found = _records_for(article, nouns, trigger, parties, status, event, tree)
        if found:
            event["agreement_id"] = found[0]["id"]
            records.extend(found)
            for record in found:
                recorded.setdefault(
                    (record["evidence"]["start"], tuple(sorted(record["parties"]))), found[0]["id"]
                )
    return records


def _records_for(article, nouns, trigger, parties, status, event, tree) -> list[dict]:
    data = _data()
    group = nouns[0]
    wanted = _count(group)
    records = []
    # Agreements named inside the phrase ("three agreements, including a treaty on trade"),
    # not words that qualify it ("a ceasefire agreement").
    named = [
        t
        for t in tree.subtree(group)
        if t.i != group.i
        and t.lemma_.lower() in data["kinds"]
        and t.dep_ not in ("compound", "amod", "nmod", "poss")
    ]
    for noun in named:
        records.append(
            agreement_record(article, noun, _phrase(noun, tree), parties, status, event, trigger)
        )
    for kind_noun, spans in _followers(article.doc, group, tree):
        for span in spans:
            records.append(
                agreement_record(article, kind_noun, span, parties, status, event, trigger)
            )
    while len(records) < max(wanted, 1):
        records.append(
            agreement_record(
                article,
                group,
                _phrase(group, tree),
                parties,
                status,
                event,
                trigger,
                serial=len(records),
            )
        )
    return records[: max(wanted, len(records))]


def _followers(doc, group, tree):
    """Later sentences that list the rest: "The other two treaties cover A and B"."""
    data = _data()
    for sentence in _next_sentences(doc, group.sent, FOLLOW_SENTENCES):
        for token in sentence:
            if token.lemma_.lower() not in data["kinds"] or token.dep_ not in (
                "nsubj",
                "nsubjpass",
            ):
                continue
            if not any(c.lower_ in ("other", "these", "those", "the", "both") for c in token.lefts):
                continue
            verb = token.head
            if verb.lemma_.lower() not in grammar()["listing_verbs"]:
                continue
            items = []
            for child in verb.children:
                if child.dep_ in ("dobj", "attr"):
                    items.extend([child, *child.conjuncts])
                elif child.dep_ == "prep":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            items.extend([pobj, *pobj.conjuncts])
            if items:
                yield token, _split_items(items, _count(token), tree)
                return


def _next_sentences(doc, sentence, count: int):
    """Up to ``count`` sentences after ``sentence``, found from its end: listing all of the
    document's sentences for each agreement made a long text quadratic."""
    for _ in range(count):
        if sentence.end >= len(doc):
            return
        sentence = doc[sentence.end].sent
        yield sentence


def _split_items(items, wanted: int, tree) -> list:
    """One span per listed item. When the parser hung the second item inside the first
    ("the foundations of their relationship and cooperation in energy"), the list is cut at
    the innermost coordination so that the count the text gives is met."""
    spans = [_phrase(item, tree) for item in items]
    if len(items) == 1 and wanted > 1:
        first = items[0]
        inner = [t for t in tree.subtree(first) if t.dep_ == "conj" and t.i > first.i]
        if inner:
            second = inner[0]
            second_start = min(tree.subtree_indices(second))
            cut = second_start
            while cut > first.i and first.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            whole = _phrase(first, tree)
            # The tail of the listing belongs to its last item, wherever the parser hung it.
            spans = [first.doc[whole.start : cut], first.doc[second_start : whole.end]]
    return spans


def agreement_record(
    article, noun, span, parties, status, event, trigger, serial: int = 0, data=None
) -> dict:
    """One agreement record: ``noun`` names its kind, ``span`` is its phrase; ``data`` gives
    the kinds and topic words (this module's, or another language's in the same shape)."""
    data = data or _data()
    sentence = span.sent
    text = written(sentence).rstrip()
    topics = _unique(
        data["topic_of"][t.lemma_.lower()] for t in span if t.lemma_.lower() in data["topic_of"]
    )
    identity = f"{article.id}|{span.start_char}|{span.end_char}|{serial}|{'-'.join(parties)}"
    return Agreement(
        id=hashlib.sha1(identity.encode()).hexdigest()[:16],
        parties=tuple(parties),
        kind=data["kinds"][noun.lemma_.lower()],
        title=written(span),
        topics=tuple(topics),
        status=status,
        date=event["date"],
        evidence=AgreementEvidence(
            sentence=text,
            start=sentence.start_char,
            end=sentence.start_char + len(text),
            trigger=trigger.text,
            span_start=span.start_char,
            span_end=span.end_char,
        ),
    ).to_dict()


def _phrase(token, tree):
    """The token's phrase without its leading determiner and without relative clauses."""
    doc = token.doc
    left_out = {
        i
        for child in tree.children(token)
        if child.dep_ in ("relcl", "appos")
        for i in tree.subtree_indices(child)
    }
    tokens = [i for i in tree.subtree_indices(token) if i not in left_out]
    first, last = 0, len(tokens) - 1
    while first <= last and doc[tokens[first]].dep_ in ("det", "punct", "cc"):
        first += 1
    while first <= last and doc[tokens[last]].dep_ in ("punct", "cc"):
        last -= 1
    if first > last:
        return doc[token.i : token.i + 1]
    return doc[tokens[first] : tokens[last] + 1]


def _governed(trigger):
    """Agreement nouns the trigger acts on: its objects, their conjuncts, passive subjects."""
    found = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            found.extend([child, *child.conjuncts])
        elif child.dep_ == "prep" and child.lower_ in ("on", "to", "over"):
            found.extend(p for p in child.children if p.dep_ == "pobj")
    return found


def _count(noun) -> int:
    for child in noun.children:
        if child.dep_ == "nummod":
            if child.like_num and child.text.isdigit():
                return int(child.text)
            return grammar()["number_words"].get(child.lower_, 1)
    return 1


def _unique(values) -> list:
    return list(dict.fromkeys(values))
