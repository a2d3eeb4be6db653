"""Verb and noun patterns: which words around a trigger make which CAMEO event.

Two dictionaries, both plain TSV in ``data/``:

- ``patterns.tsv``, the project's own: a trigger lemma, the words that must accompany it, where
  the target is, and the code. These are tried first.
- ``verbs.tsv`` + ``verb_patterns.tsv``, converted from PETRARCH2's CAMEO.2.0 dictionary (MIT,
  Open Event Data Alliance): verb classes with a default code and their object patterns.

A pattern's words are matched against the trigger's *frame*: the lemmas of its particle, its
objects (with their compounds), its prepositions and their objects, the prepositions hanging
on its objects ("ties with France") and the verb and objects of an infinitive it governs
("agreed to enhance cooperation"). Words must come in text order; a word written ``<word``
must come before the trigger. The project's own patterns come first, PETRARCH2's are the
fallback for verbs ours do not cover; within each, the pattern with the most words wins, so
"hold talks" beats "hold".

User dictionaries (user_dictionaries.py) in the format of any of these files extend them:
their rows come first and replace the packaged rows with the same key.

Every code must be in cameo.tsv (or be ``---``, no event): loading fails on an unknown code
with a DictionaryError naming the file and line. PETRARCH2's "042:043" is kept as the code
(042, source to target) and, in a ``reciprocal`` column, the code of the target acting on the
source (043), which the pattern carries as ``reciprocal``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from ..compiled import cached_object, code_digest, data_digests
from ..dictionary_files import FORMATS, read_table
from ..user_dictionaries import chosen, merged_rows
from .cameo import check_code
from .clauses import passive_objects
from .roles import grammar

logger = logging.getLogger(__name__)

DATA = resources.files("communique.events") / "data"
OWN, PETRARCH = 0, 1  # pattern sources, in order of preference
FRAME_DEPS = {
    "prt",
    "dobj",
    "attr",
    "oprd",
    "dative",
    "prep",
    "agent",
    "xcomp",
    "acomp",
    "advmod",
    "npadvmod",
    "pcomp",
}


@dataclass(frozen=True)
class Pattern:
    trigger: str
    words: tuple[str, ...]  # "<word" must precede the trigger
    target: str  # "", object, prep:WORD, place, none, giver
    code: str
    source: int
    reciprocal: str | None = None  # the target's code towards the source ("042:043": 043)
    origin: str = ""  # the file and line it was read from: "patterns.tsv:468"

    @property
    def specificity(self) -> tuple[int, int]:
        return (-self.source, len(self.words))

    def __post_init__(self):
        # Every word the pattern needs, for a quick subset test before the order test.
        object.__setattr__(self, "needed", frozenset(self.words))


def _rows(name: str, dictionaries: tuple[str, ...] = ()) -> list[dict]:
    """The rows of a TSV file in data/ with those of the user ``dictionaries`` of its format
    (``merged_rows``), each with its file under "_file" and line number under "_line"; lines
    that start with "#", and blank lines, are skipped."""
    path = DATA / name
    packaged = (
        [
            {**row, "_file": name, "_line": n}
            for n, row in read_table(path, FORMATS[name].optional).rows
        ]
        if path.is_file()
        else []
    )
    return merged_rows(name, packaged, dictionaries)


def _code(row: dict, column: str, no_event: bool = True) -> str:
    """The row's code in ``column``: "" or (with ``no_event``) ``---`` as written, else a code
    cameo.tsv lists; DictionaryError naming the file and line for any other."""
    code = row.get(column) or ""
    return check_code(code, row["_file"], row["_line"], no_event=no_event) if code else ""


def _origin(row: dict) -> str:
    return f"{row['_file']}:{row['_line']}"


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(w for w in (text or "").split() if w != "-")


def event_nouns(dictionaries: Sequence[str] | None = None) -> frozenset[str]:
    """The lemmas of the nouns that carry an event by themselves ("n:visit" in patterns.tsv),
    read without building the pattern index: the actor stage needs only these."""
    return _event_nouns(chosen(dictionaries))


@functools.cache
def _event_nouns(dictionaries: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        row["trigger"][2:]
        for row in _rows("patterns.tsv", dictionaries)
        if row["trigger"].startswith("n:")
    )


def load_patterns(dictionaries: Sequence[str] | None = None) -> PatternIndex:
    """All patterns by trigger lemma ("n:visit" for nouns), most specific first, from the
    packaged files and the user ``dictionaries`` (None: the process's active ones)."""
    return _load_patterns(chosen(dictionaries))


@functools.cache
def _load_patterns(dictionaries: tuple[str, ...]) -> PatternIndex:
    """Read from the data files once, then back from the compiled cache (0.3 s to read the
    files, a few hundredths to read back: issue 17)."""
    parts = ["patterns", code_digest(), *data_digests(DATA, dictionaries)]
    index = cached_object("patterns", parts, lambda: _read_patterns(dictionaries))
    logger.info("event patterns: %d triggers", len(index))
    return index


def _read_patterns(dictionaries: tuple[str, ...]) -> PatternIndex:
    own: dict[str, list[Pattern]] = {}
    for row in _rows("patterns.tsv", dictionaries):
        code = check_code(row["code"], row["_file"], row["_line"], no_event=True)
        own.setdefault(row["trigger"], []).append(
            Pattern(
                row["trigger"],
                _words(row["words"]),
                row["target"] or "",
                code,
                OWN,
                origin=_origin(row),
            )
        )
    synsets = {row["name"]: row["words"].split("|") for row in _rows("synsets.tsv", dictionaries)}
    verbs: dict[str, list[PetrarchVerb]] = {}
    for row in _rows("verbs.tsv", dictionaries):
        # A verb's own code overrides its class's default; "---" means the verb alone is no
        # event ("hold" is in the class of "confine", but "held elections" is no arrest).
        default = _code(row, "default_code")
        default = _code(row, "verb_code") or default
        if default[:2] in grammar()["roots_of_no_bare_verb"]:
            default = "---"  # "Australia exported sugar": trade, not an act between states
        reciprocal = _code(row, "reciprocal", no_event=False) or None
        verbs.setdefault(row["lemma"], []).append(
            PetrarchVerb(
                row["verb_class"],
                _words(row["particle"]),
                default if default != "---" else "",
                reciprocal,
                _origin(row),
            )
        )
    classes = {
        verb_class: [
            ClassPattern(
                tuple(_expand(_words(row["words"]), synsets)),
                _target(row["target"]),
                row["code"],
                row.get("reciprocal") or None,
                _origin(row),
            )
            for row in rows
        ]
        for verb_class, rows in _rows_by_class(dictionaries).items()
    }
    return PatternIndex(own, verbs, classes)


@dataclass(frozen=True)
class PetrarchVerb:
    """A verb of PETRARCH2's dictionary: its class, particle, own default code."""

    verb_class: str
    particle: tuple[str, ...]
    default: str
    reciprocal: str | None
    origin: str


@dataclass(frozen=True)
class ClassPattern:
    """A pattern of a PETRARCH2 verb class, shared by every verb of the class: one word tuple
    per choice of synset member."""

    alternatives: tuple[tuple[str, ...], ...]
    target: str
    code: str
    reciprocal: str | None
    origin: str


class PatternIndex(Mapping):
    """All patterns by trigger lemma, most specific first. A PETRARCH2 class's patterns are
    shared by its hundreds of verbs: matching goes through ``parts``, built the first time a
    text uses a lemma, where a class keeps its patterns as word tuples (``Part``); the full
    list of Pattern objects (``index[lemma]``) is made only when asked for (issue 17)."""

    def __init__(self, own, verbs, classes):
        self._own = own
        self._verbs = verbs
        self._classes = classes
        # the lemmas with at least one pattern: their own, a verb's default or its class's
        self._keys = frozenset(own) | frozenset(
            lemma
            for lemma, entries in verbs.items()
            if any(verb.default or classes.get(verb.verb_class) for verb in entries)
        )
        self._built: dict[str, list[Pattern]] = {}
        # A class's patterns with one particle, shared by every verb of the class that has
        # it: built once, not once per verb.
        self._class_parts: dict[tuple[str, tuple[str, ...]], Part] = {}
        self._parts: dict[str, list[Part]] = {}

    def __getitem__(self, lemma: str) -> list[Pattern]:
        built = self._built.get(lemma)
        if built is None:
            if lemma not in self._keys:
                raise KeyError(lemma)
            built = self._build(lemma)
            self._built[lemma] = built
        return built

    def __contains__(self, lemma) -> bool:
        return lemma in self._keys

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def _build(self, lemma: str) -> list[Pattern]:
        patterns = [part.pattern(i) for part in self.parts(lemma) for i in range(len(part))]
        patterns.sort(key=lambda p: p.specificity, reverse=True)
        return patterns

    def parts(self, lemma: str) -> list[Part]:
        """A lemma's patterns in the order its files give them, in parts of which a verb
        class's are shared with every verb of the class: its own patterns, then for each
        PETRARCH2 entry its default and its class's patterns."""
        found = self._parts.get(lemma)
        if found is None:
            if lemma not in self._keys:
                raise KeyError(lemma)
            found = [Part.of(self._own.get(lemma, []))]
            for verb in self._verbs.get(lemma, ()):
                if verb.default:
                    default = Pattern(
                        lemma,
                        verb.particle,
                        "",
                        verb.default,
                        PETRARCH,
                        verb.reciprocal,
                        verb.origin,
                    )
                    found.append(Part.of([default]))
                found.append(self._class_part(verb.verb_class, verb.particle))
            self._parts[lemma] = found
        return found

    def _class_part(self, verb_class: str, particle: tuple[str, ...]) -> Part:
        key = (verb_class, particle)
        part = self._class_parts.get(key)
        if part is None:
            # The class's word index is built once and shared by all its particles.
            base = self._class_parts.get((verb_class, ()))
            if base is None:
                base = self._class_parts[(verb_class, ())] = Part.of_class(
                    verb_class, self._classes.get(verb_class, ())
                )
            part = self._class_parts[key] = base.with_prefix(particle) if particle else base
        return part


class Part:
    """Patterns matched together, with an index of the words they need. A verb class's
    part keeps its patterns as word tuples and makes a Pattern only for one that matches:
    a class has hundreds, and 150 articles made 122,000 Pattern objects (issue 17). A verb
    with a particle ("back down") shares its class's index: every pattern of the part needs
    the particle's words (``prefix``) before its own."""

    def __init__(self, words: list[tuple[str, ...]], make, source: int, prefix=(), index=None):
        self.words = words
        self.prefix: tuple[str, ...] = prefix
        self.prefix_needed = frozenset(prefix)
        self.source = source  # OWN or PETRARCH; a part of own patterns is all OWN
        self._make = make  # (prefix, position) -> Pattern
        self._made: dict[int, Pattern] = {}
        if index is None:
            needed = [frozenset(w) for w in words]
            by_word: dict[str, list[int]] = {}
            bare: list[int] = []  # positions of the patterns that need no word
            for position, words_needed in enumerate(needed):
                for word in words_needed:
                    by_word.setdefault(word, []).append(position)
                if not words_needed:
                    bare.append(position)
            index = (needed, by_word, bare)
        self.needed, self.by_word, self.bare = index

    @classmethod
    def of(cls, patterns: list[Pattern]) -> Part:
        source = patterns[0].source if patterns else OWN
        return cls([p.words for p in patterns], lambda _, i: patterns[i], source)

    @classmethod
    def of_class(cls, verb_class: str, shared) -> Part:
        entries = [(pattern, words) for pattern in shared for words in pattern.alternatives]

        def make(prefix: tuple[str, ...], position: int) -> Pattern:
            pattern, words = entries[position]
            return Pattern(
                verb_class,
                prefix + words,
                pattern.target,
                pattern.code,
                PETRARCH,
                pattern.reciprocal,
                pattern.origin,
            )

        return cls([words for _, words in entries], make, PETRARCH)

    def with_prefix(self, prefix: tuple[str, ...]) -> Part:
        """The same patterns, each needing ``prefix`` first."""
        index = (self.needed, self.by_word, self.bare)
        return Part(self.words, self._make, self.source, prefix, index)

    def __len__(self) -> int:
        return len(self.words)

    def full_words(self, position: int) -> tuple[str, ...]:
        return self.prefix + self.words[position] if self.prefix else self.words[position]

    def pattern(self, position: int) -> Pattern:
        made = self._made.get(position)
        if made is None:
            made = self._made[position] = self._make(self.prefix, position)
        return made


@functools.cache
def _rows_by_class(dictionaries: tuple[str, ...]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in _rows("verb_patterns.tsv", dictionaries):
        _code(row, "reciprocal", no_event=False)
        if _code(row, "code") not in ("", "---"):
            grouped.setdefault(row["verb_class"], []).append(row)
    return grouped


def _expand(words: tuple[str, ...], synsets: dict[str, list[str]]) -> list[tuple[str, ...]]:
    """One word tuple per choice of synset member (a synset word stands for any member)."""
    alternatives: list[tuple[str, ...]] = [()]
    for word in words:
        before = "<" if word.startswith("<") else ""
        name = word.lstrip("<")
        members = synsets.get(name.lstrip("&"), [name]) if name.startswith("&") else [name]
        alternatives = [
            a + tuple(before + part for part in member.split())
            for a in alternatives
            for member in members
        ]
    return alternatives


def _target(value: str | None) -> str:
    value = value or ""
    if value == "subject-before":
        return ""
    return value


def frame(trigger) -> list[tuple[int, str]]:
    """(token index, lemma) of the words around a trigger that patterns may name."""
    words: list[tuple[int, str]] = []
    participles = grammar()["prepositional_participles"]
    heads = [trigger]
    for head in heads:
        for child in head.children:
            if child.dep_ not in FRAME_DEPS or child.lower_ in participles:
                continue  # "lead the trend, according to research" is no "lead to"
            if _dates_it(child):
                continue  # "Reagan called Gorbachev on Tuesday" is no "call on"
            words.append((child.i, child.lemma_.lower()))
            if child.dep_ == "agent":
                continue  # "concerns were heightened by the attack": the doer, not the object
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "compound", "dobj", "prep", "prt", "amod", "pcomp"):
                    words.append((grandchild.i, grandchild.lemma_.lower()))
                    for leaf in grandchild.children:
                        if leaf.dep_ in ("pobj", "compound", "dobj", "amod"):
                            words.append((leaf.i, leaf.lemma_.lower()))
    for clause in trigger.children:
        if clause.dep_ == "advcl":
            # "called for the embargo to be lifted": "for" marks the clause, but is the verb's
            words += [
                (m.i, "for") for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"
            ]
    if trigger.dep_ != "acl" and trigger.lemma_.lower() in grammar()["own_act_verbs"]:
        # "the embargo was lifted": the act done to is the object; not the noun a participle
        # qualifies, nor talks that "were held", whose own events they are
        words += [(t.i, t.lemma_.lower()) for t in passive_objects(trigger)]
    children = {child.dep_ for child in trigger.children}
    if trigger.dep_ == "relcl" and "nsubj" in children and "dobj" not in children:
        # "the steps the government has taken": the noun a relative clause hangs on is the
        # object it leaves out
        words.append((trigger.head.i, trigger.head.lemma_.lower()))
    for child in trigger.lefts:
        if child.dep_ in ("neg", "advmod", "aux"):
            words.append((child.i, "<" + child.lemma_.lower()))
    # and each word as written: a pattern may name a plural the lemmatizer reduces ("data",
    # which it makes "datum"; "troops", "troop")
    doc = trigger.doc
    words += [(i, doc[i].lower_) for i, lemma in words if not lemma.startswith("<")]
    return sorted(set(words))


def _dates_it(child) -> bool:
    """A preposition that only says when ("on Tuesday", "in March"); "for" keeps its sense
    ("called for two days of mourning")."""
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return (
        child.dep_ == "prep"
        and child.lower_ != "for"
        and bool(objects)
        and all(o.ent_type_ in ("DATE", "TIME") for o in objects)
    )


def matches_words(needed: tuple[str, ...], words: list[tuple[int, str]]) -> bool:
    """Whether the frame ``words`` has the pattern words ``needed`` in order ("<word": before
    the trigger, anywhere)."""
    position = -1
    for word in needed:
        if word.startswith("<"):
            if not any(lemma == word for _, lemma in words):
                return False
            continue
        found = next((i for i, lemma in words if lemma == word and i > position), None)
        if found is None:
            return False
        position = found
    return True


def best_pattern(trigger_key: str, words):
    """The matching patterns of a trigger, most specific first: the project's own before
    PETRARCH2's, more words before fewer, then in the order of the files."""
    index = _load_patterns(chosen(None))
    if trigger_key not in index:
        return []
    present = frozenset(lemma for _, lemma in words)
    found = []
    for number, part in enumerate(index.parts(trigger_key)):
        if not part.prefix_needed <= present:
            continue  # a particle's patterns, and the particle is not there
        positions = set(part.bare)
        for word in present:
            positions.update(part.by_word.get(word, ()))
        for position in positions:
            if part.needed[position] <= present:
                needed = part.full_words(position)
                if matches_words(needed, words):
                    found.append((part.source, -len(needed), number, position, part))
    found.sort(key=lambda match: match[:4])
    return [part.pattern(position) for *_, position, part in found]


def verb_lemmas(token) -> list[str]:
    """The token's lemma, then base forms read off its spelling: the small model's lemmatizer
    errs on some verbs ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    text = token.lower_
    candidates = [lemma]
    for suffix, replacements in (
        ("ied", ("y",)),
        ("ed", ("e", "")),
        ("ing", ("e", "")),
        ("es", ("e", "")),
        ("s", ("",)),
    ):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            stem = text[: -len(suffix)]
            candidates.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "stopped" -> "stop"
                candidates.append(stem[:-1])
    return list(dict.fromkeys(candidates))
