"""The story's pair: the two parties that "both sides", "the two countries" or "the leaders of
the two nations" stand for (references.py's ``pair`` references)."""

from __future__ import annotations


def story_pair(seen_backwards) -> list:
    """The two parties of the mentions ``seen_backwards`` (references.Seen, the latest
    first), the latest first: countries, and intergovernmental organisations ("the EU and US
    ... both sides"). The two the text names together ("India and Pakistan ... Both sides"),
    the pair named together most, then the latest; with no such pair, the two named most (of
    equals, the latest): "The two countries" are the story's two, not the last two named:
    "Argentina and Venezuela extended a deal ... gas exports to Chile ... The two countries
    also formalised"."""
    counts: dict = {}  # party -> mentions, in the order the backward scan meets them
    coordinated: dict[int, list] = {}  # a coordination's first conjunct -> its parties
    for seen in seen_backwards:
        found = list(seen.countries)
        if (
            seen.organisation is not None
            and seen.organisation.country == "IGO"
            and not seen.organisation.expand
        ):
            found.append(seen.organisation)
        for party in found:
            counts[party] = counts.get(party, 0) + 1
        if seen.coordination is not None:
            coordinated.setdefault(seen.coordination, []).extend(found)
    recency = {party: rank for rank, party in enumerate(counts)}
    # "India and Pakistan ... Both sides", "The EC and the U.S. realised ... both sides":
    # two parties the text names together are the pair, whoever else it names more often
    # (the British minister who reports on them); of several such pairs, the one named
    # together most, then the latest
    pairs: dict[frozenset, int] = {}
    named: dict[frozenset, list] = {}  # each pair as its latest coordination names it
    for parties in coordinated.values():
        distinct = list(dict.fromkeys(parties))  # the latest first, as scanned
        if len(distinct) == 2:
            pairs[frozenset(distinct)] = pairs.get(frozenset(distinct), 0) + 1
            named.setdefault(frozenset(distinct), distinct)
    if pairs:
        order = {pair: rank for rank, pair in enumerate(pairs)}
        return named[min(pairs, key=lambda pair: (-pairs[pair], order[pair]))]
    chosen = sorted(counts, key=lambda p: (-counts[p], recency[p]))[:2]
    return sorted(chosen, key=recency.__getitem__)
