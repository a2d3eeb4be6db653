"""Names joined by a hyphen to an abbreviation: "a 1986 U.S.-Japan pact", "U.S.-EC talks".

spaCy's English tokenizer cuts "Iran-Iraq" at the hyphen but keeps "U.S.-Japan" whole: its
rule for an infix hyphen wants a letter on both sides, and "U.S." ends with a full stop. The
two parties of such a pair are then one unknown word, and the actor stage finds neither.
This adds the missing case: a hyphen between an abbreviation's final full stop and a capital
letter ("U.S.-Soviet", "U.K.-French"; not "U.S.-based").
"""

from __future__ import annotations

import re

ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Z])"


def split_after_abbreviations(nlp) -> None:
    """Makes ``nlp``'s tokenizer cut at a hyphen after an abbreviation's full stop."""
    current = nlp.tokenizer.infix_finditer
    pattern = current.__self__.pattern if current is not None else None
    joined = f"{pattern}|{ABBREVIATION_HYPHEN}" if pattern else ABBREVIATION_HYPHEN
    nlp.tokenizer.infix_finditer = re.compile(joined).finditer
