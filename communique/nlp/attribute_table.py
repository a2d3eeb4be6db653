"""The model's attribute ruler, compiled to a lookup table: the same annotations, faster.

spaCy's ``attribute_ruler`` (tag to POS and morphology, plus word exceptions) runs a Matcher
over every token and sets each match's attributes through Python objects: in en_core_web_sm
it takes about 15% of the whole parse (3.2 of 20.6 s on 400 BBC articles). Its patterns are
almost all one token long and test only a token's tag, lower form, dependency label or
whether it is a space, so every token's outcome is a function of those four values. This
component works that outcome out once per distinct combination, keeps it, and writes a
Doc's new values in one ``Doc.from_array`` call. Patterns longer than one token go through a
Matcher of their own and are applied in their rank, as the ruler does: later patterns win.

The model's own patterns are read when the pipeline loads; a pattern this table cannot
express leaves the original component in place (``compile_attribute_ruler`` returns None).
``tests/nlp/test_attribute_table.py`` checks that both give the same tokens on real news.
"""

from __future__ import annotations

import re

import numpy
from spacy.language import Language
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS

KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
SET_ATTRS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
# The table grows with the vocabulary of what a long-running process reads (50,549 keys,
# 11.4 MB, after 3,000 Reuters stories); past this many it starts afresh, refilling as the
# next documents come, rather than grow without end.
MAX_KEYS = 100_000


def _predicate(spec):
    """A test of one token value (a string, or a bool for IS_SPACE) for one pattern key."""
    if not isinstance(spec, dict):
        return lambda value: value == spec
    if len(spec) != 1:
        return None
    ((operator, argument),) = spec.items()
    if operator == "IN":
        allowed = frozenset(argument)
        return lambda value: value in allowed
    if operator == "NOT_IN":
        banned = frozenset(argument)
        return lambda value: value not in banned
    if operator == "REGEX":
        search = re.compile(argument).search
        return lambda value: bool(search(value))
    return None


def _token_test(token_spec: dict):
    """One test over (tag, lower, dep, is_space), or None when the spec uses anything else."""
    tests = []
    for name, spec in token_spec.items():
        if name not in KEY_ATTRS:
            return None
        test = _predicate(spec)
        if test is None:
            return None
        tests.append((KEY_ATTRS.index(name), test))
    return lambda values: all(test(values[i]) for i, test in tests)


class AttributeTable:
    """Pipeline component with the attribute ruler's effect (see the module docstring)."""

    def __init__(self, vocab, patterns: list, one_token: list, longer: list):
        self.vocab = vocab
        # (rank, test, columns) for one-token patterns; rank orders them among all patterns.
        self.one_token = one_token
        self.by_lower: dict[str, list] = {}
        self.by_tag: dict[str, list] = {}
        self.others: list = []
        for pattern, entry in zip(patterns, one_token):
            self._index(pattern, entry)
        self.longer = {rank: (index, columns) for rank, _pattern, index, columns in longer}
        self.matcher = Matcher(vocab)
        for rank, pattern, _index, _columns in longer:
            self.matcher.add(str(rank), [pattern])
        # Each distinct (tag, lower, dep, is_space) maps to an outcome: the values it sets,
        # with a mask of which it sets. Outcomes are few (some hundreds), keys many.
        self.outcome_of: dict[tuple, int] = {}
        self.outcomes: dict[tuple, int] = {}
        self._arrays = (numpy.zeros((0, len(SET_ATTRS)), "uint64"), numpy.zeros((0, 0), bool))

    def _index(self, token_spec: dict, entry) -> None:
        """File a pattern under the lower forms or tags it requires, if it requires any."""
        for name, index in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            spec = token_spec.get(name)
            if isinstance(spec, str):
                index.setdefault(spec, []).append(entry)
                return
            if isinstance(spec, dict) and set(spec) == {"IN"}:
                for value in spec["IN"]:
                    index.setdefault(value, []).append(entry)
                return
        self.others.append(entry)

    def _values(self, key) -> tuple:
        strings = self.vocab.strings
        return (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))

    def _merge(self, found) -> tuple:
        """The outcome of the patterns ``found`` [(rank, columns)]: later ranks win."""
        result: dict = {}
        for _rank, columns in sorted(found, key=lambda pair: pair[0]):
            result.update(columns)
        return tuple(result.get(name) for name in SET_ATTRS)

    def _one_token_matches(self, values) -> list:
        """The one-token patterns matching a token's (tag, lower, dep, is_space) strings; only
        those whose tag or lower form could match are tested."""
        tag, lower = values[0], values[1]
        candidates = self.by_lower.get(lower, []) + self.by_tag.get(tag, []) + self.others
        return [(rank, columns) for rank, test, columns in candidates if test(values)]

    def _outcome_id(self, key) -> int:
        outcome = self._merge(self._one_token_matches(self._values(key)))
        number = self.outcomes.setdefault(outcome, len(self.outcomes))
        self.outcome_of[key] = number
        return number

    def _outcome_arrays(self):
        values, _masks = self._arrays
        if len(values) != len(self.outcomes):
            values = numpy.array(
                [[v or 0 for v in outcome] for outcome in self.outcomes], dtype="uint64"
            )
            masks = numpy.array(
                [[v is not None for v in outcome] for outcome in self.outcomes], dtype=bool
            )
            self._arrays = (values, masks)
        return self._arrays

    def __call__(self, doc):
        if not len(doc):
            return doc
        keys = list(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()))
        if len(self.outcome_of) > MAX_KEYS:
            self.outcome_of.clear()
            self.outcomes.clear()
            self._arrays = (self._arrays[0][:0], self._arrays[1][:0])  # rebuilt from scratch
        outcome_of = self.outcome_of
        ids = [outcome_of.get(key) for key in keys]
        ids = [self._outcome_id(keys[i]) if n is None else n for i, n in enumerate(ids)]
        values, masks = self._outcome_arrays()
        current = doc.to_array([POS, MORPH, LEMMA, TAG, DEP])
        ids = numpy.array(ids, dtype="int64")
        changed = numpy.where(masks[ids], values[ids], current)
        if self.longer:
            self._apply_longer(doc, keys, changed)
        self._write(doc, current, changed)
        return doc

    def _apply_longer(self, doc, keys, changed) -> None:
        """Tokens inside a match of a longer pattern: its attributes and the token's own
        one-token patterns, merged in rank order."""
        found: dict[int, list] = {}
        for match_id, start, end in self.matcher(doc):
            rank = int(self.vocab.strings[match_id])
            index, columns = self.longer[rank]
            found.setdefault(range(start, end)[index], []).append((rank, columns))
        for position, matches in found.items():
            outcome = self._merge(matches + self._one_token_matches(self._values(keys[position])))
            for column, value in enumerate(outcome):
                if value is not None:
                    changed[position, column] = value

    def _write(self, doc, current, changed):
        columns = [i for i in range(len(SET_ATTRS)) if (changed[:, i] != current[:, i]).any()]
        simple = [i for i in columns if SET_ATTRS[i] in ("POS", "MORPH", "LEMMA")]
        if simple:
            attrs = [(POS, MORPH, LEMMA)[i] for i in simple]
            doc.from_array(attrs, numpy.ascontiguousarray(changed[:, simple]))
        for i in columns:  # a pattern that sets a tag or a label: rare, token by token
            if SET_ATTRS[i] in ("TAG", "DEP"):
                for position in numpy.nonzero(changed[:, i] != current[:, i])[0]:
                    setattr(doc[int(position)], SET_ATTRS[i].lower(), int(changed[position, i]))


def _attrs_to_columns(vocab, attrs: dict) -> dict:
    """Pattern attributes as the integer values of the columns they set."""
    columns = {}
    for name, value in attrs.items():
        if name == "POS":
            columns["POS"] = POS_IDS[value]
        elif name == "MORPH":
            columns["MORPH"] = vocab.morphology.add(value)
        else:
            columns[name] = vocab.strings.add(value)
    return columns


def compile_attribute_ruler(ruler):
    """An AttributeTable doing what ``ruler`` does, or None if a pattern is beyond it."""
    patterns, one_token, longer = [], [], []
    for rank, entry in enumerate(ruler.patterns):
        attrs = entry["attrs"]
        if set(attrs) - set(SET_ATTRS):
            return None
        columns = _attrs_to_columns(ruler.vocab, attrs)
        for pattern in entry["patterns"]:
            if len(pattern) == 1 and entry.get("index", 0) in (0, -1):
                test = _token_test(pattern[0])
                if test is None:
                    return None
                patterns.append(pattern[0])
                one_token.append((rank, test, columns))
            else:
                longer.append((rank, pattern, entry.get("index", 0), columns))
    return AttributeTable(ruler.vocab, patterns, one_token, longer)


@Language.factory("communique_attribute_table")
def make_attribute_table(nlp, name: str):
    """The factory ``load_pipeline`` adds in place of the model's attribute ruler."""
    return compile_attribute_ruler(nlp.get_pipe("attribute_ruler"))
