"""Tenses read off a French verb's form, where the tagger misreads them.

fr_core_news_md often tags a future ("nous répliquerons") as a present and a conditional
("elle imposerait") as an imperfect. Both are built on the infinitive (less the "e" of
"-re"): the future with the endings of "avoir", the conditional with those of the
imperfect; a finite verb ending in "-rait" is taken for a conditional too ("reconnaîtrait",
"enverrait"). Irregular futures ("fera", "enverra") are left to the tagger.
"""

from __future__ import annotations

FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont")
CONDITIONAL_ENDINGS = ("ais", "ait", "ions", "iez", "aient")
CONDITIONAL_SUFFIXES = ("rait", "raient", "rais")  # il reconnaîtrait, ils signeraient


def is_future(verb) -> bool:
    """Whether a verb is in the simple future, by its morphology or its form."""
    return "Fut" in verb.morph.get("Tense") or _built_on_infinitive(verb, FUTURE_ENDINGS)


def is_conditional(verb) -> bool:
    """Whether a verb is in the conditional, by its morphology or its form: the infinitive
    with the endings of the imperfect, or a finite verb's ending ("reconnaîtrait")."""
    return (
        "Cnd" in verb.morph.get("Mood")
        or _built_on_infinitive(verb, CONDITIONAL_ENDINGS)
        or ("Fin" in verb.morph.get("VerbForm") and verb.lower_.endswith(CONDITIONAL_SUFFIXES))
    )


def _built_on_infinitive(verb, endings) -> bool:
    lemma, form = verb.lemma_.lower(), verb.lower_
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return stem.endswith("r") and form in {stem + ending for ending in endings}
