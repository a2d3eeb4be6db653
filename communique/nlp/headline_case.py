"""Headlines written in capitals, as old wire copy writes them ("AUSTRALIA ATTACKS U.S. GATT
FARM RULES EXEMPTION"), are given to the parser in the case the story writes each word:
the English model reads a headline in capitals as a run of names and finds no verb. Each
word takes the form the text uses most where no sentence begins ("Australia", "GATT",
"Shultz", "attacks"); a word the text does not use is lowercased unless it is as short as
an acronym ("UK") or the word of a known name ("SRI LANKA"), and the headline's first letter
is a capital. The length is kept, so offsets into the parse are offsets into the
headline, which keeps its capitals: evidence is quoted as written."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

# Initials with full stops ("U.S.", "U.K.") stay as written; other words are letters with
# inner hyphens ("UK'S" is "UK", then "S").
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:-[A-Za-z]+)*")
# A word of this many letters that the story does not use is an acronym ("UK", "EC").
ACRONYM_LETTERS = 2
# What may come before a word that starts no sentence: a letter, a digit, a comma and the
# like, then a space.
INSIDE_A_SENTENCE = re.compile(r"[\w,;()%$-] $")


def headline_case(title: str, text: str, names: Mapping[str, str] | None = None) -> str:
    """``title`` in the case ``text`` writes its words, if it is all capitals; else as it is.
    ``names`` gives the written form of words of names by their lowercase ("lanka": "Lanka"),
    for the words the story does not use inside a sentence."""
    if not any(c.isupper() for c in title) or any(c.islower() for c in title):
        return title
    forms = _forms_in(text)
    cased = []
    last = 0
    for match in WORD.finditer(title):
        word = match.group()
        cased.append(title[last : match.start()])
        if "." in word:
            cased.append(word)
        else:
            seen = forms.get(word.lower())
            if seen:
                cased.append(seen.most_common(1)[0][0])
            elif names and word.lower() in names:
                cased.append(names[word.lower()])
            else:
                cased.append(word if len(word) == ACRONYM_LETTERS else word.lower())
        last = match.end()
    cased.append(title[last:])
    result = "".join(cased)
    first = next((i for i, c in enumerate(result) if c.isalpha()), None)
    if first is not None:
        result = result[:first] + result[first].upper() + result[first + 1 :]
    return result


def _forms_in(text: str) -> dict[str, Counter]:
    """The forms each word takes inside the sentences of ``text``, by its lowercase."""
    forms: dict[str, Counter] = {}
    for match in WORD.finditer(text):
        if not INSIDE_A_SENTENCE.search(text[max(0, match.start() - 2) : match.start()]):
            continue
        word = match.group()
        forms.setdefault(word.lower(), Counter())[word] += 1
    return forms
