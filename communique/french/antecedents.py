"""What a French personal pronoun stands for: the person, office, state or body named
before it, in its sentence or the two before; and whom a relative "qui" or a noun a copula
says of its subject stands for (french/roles.py resolves pronouns through these)."""

from __future__ import annotations

import bisect

from ..model import Mention
from ..nlp.paragraphs import QUOTES
from .patterns import SUBJECTS

# how the words of a name hang on its head or on the title before it
NAME_PARTS = ("flat:name", "flat", "appos")
# where a state or body named as what a verb acts on stands
OBJECT_DEPS = ("obj", "iobj", "obl:arg")


class Antecedents:
    """For FrenchRoles: needs ``article``, ``doc``, ``by_head`` and ``_sentence_starts``,
    ``_covering`` and ``with_conjuncts``."""

    def _predicate_subject(self, noun) -> list:
        """Who a noun that names no actor is when a copula says it of a subject: "Bahreïn a
        été le premier pays à saluer l'accord" (Bahreïn salue), "la France est le seul
        pays qui a voté contre"; nothing for any other noun."""
        if noun.i in self.by_head or not any(c.dep_ == "cop" for c in noun.children):
            return []
        return [t for s in noun.children if s.dep_ in SUBJECTS for t in self.with_conjuncts(s)]

    def _named_before(self, pronoun, head) -> list:
        """The name right before a subject "qui" when the parser hung the clause on a noun
        that names no actor: in "deux sujets de friction avec la Cédéao, qui a imposé des
        sanctions", the Cédéao imposed them, not the friction. French puts "qui" right after
        what it stands for, a parenthesis ("(Cédéao)") and a comma aside."""
        if head.i in self.by_head or self._covering(head) is not None:
            return []
        before = pronoun.i - 1
        while before >= 0 and self.doc[before].is_punct:
            before -= 1
        if before < 0 or before <= head.i:
            return []
        word = self.doc[before]
        mention = self._covering(word) if word.pos_ == "PROPN" else None
        while mention is None and word.i not in self.by_head and word.dep_ in NAME_PARTS:
            word = word.head  # "au président français Emmanuel Macron, qui": the title's
        mention = mention or self.by_head.get(word.i)
        return [self.doc[mention.head]] if mention is not None else []

    def _antecedent(self, pronoun, skip: frozenset | set = frozenset()) -> Mention | None:
        """The last person or office named before a pronoun, in its sentence or the two
        before it ("Emmanuel Macron ... Il a rencontré"), leaving out mentions headed at
        ``skip``."""
        if self._sentence_starts is None:
            self._sentence_starts = [sentence.start_char for sentence in self.doc.sents]
        index = bisect.bisect_right(self._sentence_starts, pronoun.idx) - 1
        earliest = self._sentence_starts[max(0, index - 2)]
        quoted = _quotation_before(self.doc, pronoun)
        if quoted is not None:
            # '"Le président Keïta doit tenir ses promesses", a-t-il ajouté': the speaker is
            # no one the quotation names
            skip = set(skip) | {
                m.head for m in self.article.mentions if quoted[0] <= m.start < quoted[1]
            }
        found = self._named_after(pronoun, skip)
        if found is not None:
            return found
        if pronoun.dep_ in SUBJECTS and (pronoun.head.dep_ == "ROOT" or quoted is not None):
            # "Le président ivoirien a appelé Emmanuel Macron. Il lui a demandé": a main
            # clause's subject pronoun goes on with the subject before it, not with the last
            # name ("l'inquiétude du président Sissi lorsqu'il voit" is Sissi's)
            found = self._antecedent_in(pronoun, skip, earliest, subjects_only=True)
            if found is not None:
                return found
        found = self._antecedent_in(pronoun, skip, earliest)
        if found is None and index == 0 and pronoun.dep_ in SUBJECTS:
            found = self._headline_person(pronoun, skip)
        return found

    def _named_after(self, pronoun, skip) -> Mention | None:
        """ "A Nicosie, où il se trouvait pour l'anniversaire des relations entre la Russie et
        Chypre, Sergueï Lavrov a critiqué": the subject pronoun of a clause set before the
        main clause, with no one named before it in the sentence, is the person or office
        the main clause's subject names after it."""
        if pronoun.dep_ not in SUBJECTS or pronoun.head.dep_ == "ROOT":
            return None
        sentence = pronoun.sent
        root = sentence.root
        subjects = [c for c in root.children if c.dep_ in SUBJECTS and c.i > pronoun.i]
        if not subjects or any(t.i >= subjects[0].i for t in pronoun.head.subtree):
            return None
        if any(
            sentence.start_char <= m.start < pronoun.idx
            and m.head not in skip
            and m.actors[0].kind in ("person", "agent")
            for m in self.article.mentions
        ):
            return None  # "Emmanuel Macron, quand il a reçu ...": named before it
        # "le chef de la diplomatie russe Sergueï Lavrov": the name may head the mention
        named = [self.by_head[t.i] for t in subjects[0].subtree if t.i in self.by_head]
        people = [m for m in named if m.actors[0].kind in ("person", "agent")]
        if (
            not people
            or people[0].head in skip
            or not _same_form(pronoun, subjects[0], ("Number",))
        ):
            return None
        return people[0]

    def _headline_person(self, pronoun, skip) -> Mention | None:
        """ "Emmanuel Macron dénonce le jeu dangereux de la Turquie" | '"...", a-t-il lancé':
        the subject pronoun of a story's first sentence, with no one named before it in the
        text but in the quotation it follows, is the one person its headline names."""
        people = self.article.title_mentions
        if len(people) != 1 or "Plur" in pronoun.morph.get("Number"):
            return None
        if any(m.start < pronoun.idx and m.head not in skip for m in self.article.mentions):
            return None  # the text names someone or something first, outside the quotation
        return people[0]

    def _antecedent_in(
        self, pronoun, skip, earliest: int, subjects_only: bool = False
    ) -> Mention | None:
        for mention in reversed(self.article.mentions):  # in text order (FrenchResolver)
            if mention.start >= pronoun.idx:
                continue
            if mention.start < earliest:
                return None
            if mention.head in skip:
                continue
            head = self.doc[mention.head]
            if subjects_only and head.dep_ not in SUBJECTS:
                continue
            kind = mention.actors[0].kind
            if kind == "agent" and head.lemma_.lower() == "pays":
                # "le premier pays européen à suivre l'exemple des Etats-Unis. Il a remercié":
                # a country is "il" only as a subject, as a named state is
                kind = "country"
            if kind in ("person", "agent") and _same_form(pronoun, head, ("Number",)):
                # "les voisins ... Ils ont ordonné aux putschistes": not "la junte" before them;
                # a title's gender tells less ("le ministre" may be a woman)
                return mention
            if (
                kind == "organisation"
                and "Plur" in pronoun.morph.get("Number")
                and "Plur" in head.morph.get("Number")
                and _same_form(pronoun, head)
            ):
                # "sous pression des voisins ouest-africains. Ils ont ordonné": a group of
                # states named by a plural noun, wherever it stands
                return mention
            if kind in ("organisation", "country") and self._agrees(pronoun, mention):
                # "La Cédéao a suspendu le Mali. Elle a aussi fermé ses frontières": a
                # body or a state named as a subject, of the pronoun's gender and number
                return mention
        return None

    def _agrees(self, pronoun, mention: Mention) -> bool:
        head = self.doc[mention.head]
        if pronoun.dep_ not in SUBJECTS and head.dep_ in OBJECT_DEPS:
            # "La Turquie a critiqué la Grèce. Ankara l'a accusée": an object pronoun may
            # stand for a state or body named as an object, of its gender and number
            return _same_form(pronoun, head)
        if head.dep_ not in ("nsubj", "nsubj:pass"):
            return False
        named = set(self.by_head)
        if any(
            t.dep_ in ("nsubj", "nsubj:pass")
            and t.pos_ in ("NOUN", "PROPN")
            and t.i not in named
            and _same_form(pronoun, t)
            for t in self.doc[head.i + 1 : pronoun.i]
        ):
            # "Le président a dit qu'il ...": a nearer subject, if unknown; not one of
            # another gender ("si la Turquie a confirmé que son navire est rentré, elle")
            return False
        return _same_form(pronoun, head)


def _same_form(pronoun, noun, features=("Gender", "Number")) -> bool:
    """Whether a noun (with its determiners) can be what a pronoun stands for: no gender or
    number (of ``features``) of one that the other lacks."""
    words = [noun, *(c for c in noun.children if c.dep_ == "det")]
    for feature in features:
        wanted = set(pronoun.morph.get(feature))
        found = {value for word in words for value in word.morph.get(feature)}
        if wanted and found and not wanted & found:
            return False
    return True


def _quotation_before(doc, pronoun) -> tuple[int, int] | None:
    """The character span of the quotation that an inverted pronoun of saying follows
    ('« ... », a-t-il ajouté'), or None."""
    if not pronoun.text.startswith("-") or pronoun.dep_ not in SUBJECTS:
        return None  # not inverted: "a-t-il", "dit-elle"
    before = [t for t in doc[max(0, pronoun.i - 6) : pronoun.i] if t.text in QUOTES]
    if not before:
        return None
    closing = before[-1]
    for token in reversed(doc[max(0, closing.i - 200) : closing.i]):
        if token.text in QUOTES:
            return token.idx, closing.idx
    return None
