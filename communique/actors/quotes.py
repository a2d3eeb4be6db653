"""Quoted speakers: "we", "our" and "us" inside a quotation are the speaker's side, and "I",
"me" and "my" the speaker.

In '"Our army will not retreat," the Armenian commander said', the army is Armenia's; in 'The
Iranian foreign minister said: "We condemn the attack"', "we" is Iran. A first-person plural
pronoun inside quotation marks takes the country (and the sectors, where it has none of its
own) of the speaker: the subject of a verb of saying outside the quotation, in the same
sentence or, for a quotation that ends a sentence before its attribution, the next one; for
a quotation that opens its sentence with no attribution there or in the next, the one before
in the same paragraph ('"It will help," he said. "I applaud the efforts"').

Quotation marks are the straight double quote, which opens and closes in turn, and the
curly ones; single quotes are left alone, since they double as apostrophes. A quotation
does not run past the end of its paragraph.
"""

from __future__ import annotations

import bisect
import logging

from ..model import Actor, Mention
from ..events.roles import grammar
from .tree import Tree, tree_of

logger = logging.getLogger(__name__)

OPENING, CLOSING, STRAIGHT = "“", "”", '"'


def attribute_quotes(
    doc, mentions: list[Mention], saying_verbs: frozenset[str], tree: Tree
) -> list[Mention]:
    quoted = _quoted_tokens(doc)
    first_person = grammar()["first_person_plural"] | grammar()["first_person_singular"]
    if not any(doc[i].lower_ in first_person for i in quoted):
        return mentions
    by_head = {m.head: m for m in mentions}
    starts = [m.start for m in mentions]  # mentions come in text order
    sentences = list(doc.sents)
    text = doc.text  # built from the tokens at each call: once
    changed = {id(m): m for m in mentions}
    added: list[Mention] = []
    for number, sentence in enumerate(sentences):
        pronouns = [t for t in sentence if t.i in quoted and t.lower_ in first_person]
        if not pronouns:
            continue
        following = sentences[number + 1 : number + 2]
        # a quotation that opens its sentence, after an attributed one in the same paragraph
        # ('"This will make a difference," he said. "I warmly applaud ..."'), goes on with it
        preceding = (
            sentences[number - 1 : number]
            if number
            and (sentence.text.lstrip()[:1] in (STRAIGHT, OPENING) or _goes_on(sentence, quoted))
            and "\n\n" not in _between(text, sentences[number - 1], sentence)
            else []
        )
        speaker = next(
            (
                found
                for s in (sentence, *following, *preceding)
                if (found := _speaker(s, quoted, by_head, saying_verbs, tree))
            ),
            None,
        )
        if speaker is None:
            continue
        for pronoun in pronouns:
            holder = _covering(mentions, starts, pronoun)
            if holder is None:
                added.append(
                    Mention(
                        pronoun.idx,
                        pronoun.idx + len(pronoun.text),
                        pronoun.i,
                        [_as_speaker(speaker, pronoun.text, speaker.sectors)],
                        "quoted",
                    )
                )
            elif not any(a.country for a in holder.actors):
                changed[id(holder)] = Mention(
                    holder.start,
                    holder.end,
                    holder.head,
                    [
                        _as_speaker(speaker, a.text, a.sectors or speaker.sectors)
                        for a in holder.actors
                    ],
                    "quoted",
                )
    result = [changed[id(m)] for m in mentions] + added
    return sorted(result, key=lambda m: m.start)


def _goes_on(sentence, quoted: set[int]) -> bool:
    """Whether a sentence opens inside a quotation that began before it ('..., "I think our
    position is clear. We do not support ..."'): its first word is quoted."""
    first = next((t for t in sentence if not t.is_space), None)
    return first is not None and first.i in quoted


def _quoted_tokens(doc) -> set[int]:
    inside, found = False, set()
    # spaCy keeps line breaks as tokens of their own: a paragraph break is a space token
    for i, word in enumerate(tree_of(doc).words):
        if "\n\n" in word and word.isspace():
            inside = False
        if word in (OPENING, CLOSING, STRAIGHT):
            inside = word == OPENING or (word == STRAIGHT and not inside)
            continue
        if inside:
            found.add(i)
    return found


def _speaker(
    sentence,
    quoted: set[int],
    by_head: dict[int, Mention],
    saying_verbs: frozenset[str],
    tree: Tree,
) -> Actor | None:
    for verb in sentence:
        if verb.i in quoted or verb.lemma_.lower() not in saying_verbs:
            continue
        for subject in tree.children(verb):
            if subject.dep_ != "nsubj" or subject.i in quoted:
                continue
            mention = by_head.get(subject.i)
            actors = [a for a in (mention.actors if mention else ()) if a.country]
            if actors:
                return actors[0]
    return None


def _covering(mentions: list[Mention], starts: list[int], token) -> Mention | None:
    """The mention over ``token``: the last to start at or before it, if it reaches it."""
    at = bisect.bisect_right(starts, token.idx) - 1
    return mentions[at] if at >= 0 and token.idx < mentions[at].end else None


def _as_speaker(speaker: Actor, text: str, sectors: tuple[str, ...]) -> Actor:
    from .resolve import ArticleResolver

    return Actor(
        ArticleResolver.code(speaker.country, tuple(sectors)),
        speaker.country,
        tuple(sectors),
        speaker.name,
        text,
        None,
        speaker.kind,
    )


def _between(text: str, before, after) -> str:
    """The text between two sentences' words (a parser may keep the blank lines of a
    paragraph break inside either)."""
    end = before.start_char + len(before.text.rstrip())
    start = after.start_char + len(after.text) - len(after.text.lstrip())
    return text[end:start]
