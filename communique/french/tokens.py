"""Names the French tokenizer must keep whole.

spaCy's French tokenizer keeps the hyphenated words its exceptions list ("Etats-Unis",
"Jean-Yves") and cuts the others at the hyphens: "Royaume-Uni" becomes "Royaume - Uni",
which the parser then reads as three sentences of their own, taking the subject away from
its verb ("Le Royaume-Uni, l'Estonie et le Danemark participent ..."). Every hyphenated
name of the French gazetteer (french/data: countries, capitals, organisations) is made an
exception, in the capitalisations news writes it with.
"""

from __future__ import annotations

import logging

from spacy.symbols import ORTH

from .gazetteer import rows, split

logger = logging.getLogger(__name__)


def keep_hyphenated_names(nlp) -> int:
    """Adds the exceptions to ``nlp``'s tokenizer; returns how many."""
    names: set[str] = set()
    for row in rows("countries.tsv"):
        names.update([row["name"], *split(row["aliases"])])
    names.update(row["name"] for row in rows("places.tsv"))
    names.update(row["name"] for row in rows("organisations.tsv"))
    added = 0
    for name in sorted(names):
        if "-" not in name or " " in name:
            continue
        for form in {name, name.replace("É", "E")}:
            if len(nlp.tokenizer(form)) > 1:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
                added += 1
    logger.debug("%d hyphenated names kept whole by the French tokenizer", added)
    return added
