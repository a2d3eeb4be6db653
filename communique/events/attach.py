"""A learned choice of the target that the grammar could not find.

When the rules of roles.py and counterparts.py give an event no target from another country,
the other side is usually still named in the sentence ("Lavrov said the sanctions imposed by
Washington were illegal"), or is the country the story is about. Which of the candidates the
event is aimed at, if any, is decided here by a logistic model over features of the
dependency path from the trigger to each candidate, the candidate's kind, the CAMEO root and
the story. Its weights are data, one file per language (data/target_model_en.tsv,
data/target_model_fr.tsv), learned from annotated sentences by
scripts/train_targets.py; ``communique check-data`` validates them.

The model only adds a target where the grammar found none: it never overrides a rule.
"""

from __future__ import annotations

import collections
import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..model import Actor, Mention
from .logistic import LogisticModel, read_model
from .pairs import fights, held_together, is_symmetric

MODEL_FILE = "target_model_{lang}.tsv"
MAX_UP, MAX_DOWN = 3, 4  # dependency steps kept in a path feature; longer paths are cut
STORY = "story"  # the kind of a candidate taken from the article, not the sentence


@dataclass(frozen=True)
class Candidate:
    """A party an event may be aimed at: an actor of a mention in the event's sentence, or
    (``mention`` None) the foreign country the article names most."""

    actor: Actor
    mention: Mention | None
    features: tuple[str, ...]


def model_path(lang: str) -> Path:
    return Path(str(resources.files("communique.events") / "data" / MODEL_FILE.format(lang=lang)))


@functools.cache
def shipped_model(lang: str) -> LogisticModel:
    return read_model(model_path(lang))


class TargetAttacher:
    """Finds the candidates of a targetless event and attaches the likeliest, when the model
    is sure enough of it."""

    def __init__(
        self,
        article,
        model: LogisticModel | None = None,
        saying=frozenset(),
        concessive=frozenset(),
        topics=frozenset(),
    ):
        self.article = article
        self.model = model if model is not None else shipped_model(article.lang or "en")
        self.saying = saying  # verbs of saying: a candidate in what was said is told apart
        # prepositions of what is done in spite of: "despite US objections" names no party
        self.concessive = concessive
        # prepositions that name only what talks are about: "the two leaders talked about
        # Afghanistan" is held with no Afghan (pairs.held_together)
        self.topics = topics
        self.story = _story_countries(article)
        self._in_sentence: dict[int, list[Mention]] | None = None  # sentence start -> mentions

    def attach(
        self,
        token,
        code: str,
        sources: list[Actor],
        kind: str | None = None,
        mood: tuple[str, bool] = ("asserted", False),
    ) -> Actor | None:
        """The likeliest candidate, if its probability reaches the model's threshold for this
        ``kind`` of decision (its ``# threshold_<kind>`` line, or its plain threshold).
        ``mood`` is the trigger's modality and whether it is negated."""
        candidates = self.candidates(token, code, sources, mood)
        if kind == "statements" and len({c.actor.country for c in candidates if c.mention}) > 1:
            return None  # what names several foreign parties is aimed at none of them alone
        best, best_p = None, self.model.threshold_for(kind)
        for candidate in candidates:
            p = self.model.probability(candidate.features)
            if p >= best_p:
                best, best_p = candidate, p
        return None if best is None else best.actor

    def candidates(
        self, token, code: str, sources: list[Actor], mood: tuple[str, bool] = ("asserted", False)
    ) -> list[Candidate]:
        own = {s.country for s in sources if s.country}
        if not own:
            return []
        found: list[tuple[Mention, Actor]] = []
        doc = token.doc
        mentions = self._mentions_of(token.sent)
        # "the strikes of Barkhane and the Malian forces": a party named together with the
        # source acts beside it, not on it (partners apart: they meet or sign with it)
        allies = (
            set()
            if is_symmetric(code) and not fights(code)
            else {
                _first_conjunct(doc[m.head]).i
                for m in mentions
                if any(a in sources for a in m.actors)
            }
        )
        for mention in mentions:
            if _first_conjunct(doc[mention.head]).i in allies:
                continue
            if self._under(token, doc[mention.head], self.concessive):
                continue
            if held_together(code, sources) and self._under(token, doc[mention.head], self.topics):
                continue
            for actor in mention.actors:
                if actor.country and actor.country not in own and actor.kind != "unknown":
                    found.append((mention, _as_target(actor)))
        distances = sorted({_path_length(token, doc[m.head]) for m, _ in found})
        countries = {a.country for _, a in found}
        source = sources[0]
        common = [
            f"root={code[:2]}",
            f"lemma={token.lemma_.lower()}",
            f"countries={min(len(countries), 3)}",
            f"source_kind={source.kind}",
            f"source_kind={source.kind}&root={code[:2]}",
            # what is only wished, feared or denied is rarely aimed at anyone the text names
            f"modality={mood[0]}",
            f"modality={mood[0]}&root={code[:2]}",
            f"negated={mood[1]}",
        ]
        # who speaks or acts: a government, a firm, a party ("BUS" speakers rarely aim at states)
        common += [f"source_sector={sector}" for sector in source.sectors[:2]]
        common += [f"source_sector={sector}&root={code[:2]}" for sector in source.sectors[:1]]
        candidates = []
        for mention, actor in found:
            head = doc[mention.head]
            features = common + _path_features(token, head, code[:2], self.saying)
            features += [
                f"kind={actor.kind}",
                f"kind={actor.kind}&root={code[:2]}",
                f"side={'before' if head.i < token.i else 'after'}",
                f"nearest={distances.index(_path_length(token, head)) == 0}",
                f"story_rank={self._story_rank(actor.country)}",
                f"dateline={actor.country == self.article.dateline_country}",
                f"igo={actor.country == 'IGO'}",
            ]
            features += [f"sector={sector}" for sector in actor.sectors[:2]]
            candidates.append(Candidate(actor, mention, tuple(features)))
        top = self.story[0] if self.story else None
        if top and top not in own and top not in countries:
            features = common + [
                f"kind={STORY}",
                f"kind={STORY}&root={code[:2]}",
                f"dateline={top == self.article.dateline_country}",
                f"igo={top == 'IGO'}",
            ]
            actor = Actor(top, top, ("GOV",), None, "", None, "place")
            candidates.append(Candidate(actor, None, tuple(features)))
        return candidates

    def _under(self, trigger, head, prepositions) -> bool:
        """Whether the candidate hangs under one of the prepositions below the trigger
        (concessive: "despite US objections"): English hangs it above its noun, Universal
        Dependencies below ("malgré l'opposition de la Pologne")."""
        down = _path(trigger, head)[1]
        return any(
            (t.dep_ == "prep" and t.lower_ in prepositions)
            or any(c.dep_ == "case" and c.lower_ in prepositions for c in t.children)
            for t in down
        )

    def _mentions_of(self, sentence) -> list[Mention]:
        if self._in_sentence is None:  # once per article: candidates are asked for per trigger
            self._in_sentence = collections.defaultdict(list)
            for mention in self.article.mentions:
                self._in_sentence[sentence.doc[mention.head].sent.start].append(mention)
        return self._in_sentence.get(sentence.start, [])

    def _story_rank(self, country: str) -> int:
        return self.story.index(country) if country in self.story[:2] else 2


def _first_conjunct(token):
    """The first of the coordinated phrases ``token`` belongs to ("A, B and C": A)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _as_target(actor: Actor) -> Actor:
    """A place stands for its government ("travelled to Nairobi": Kenya)."""
    if actor.kind == "place":
        return Actor(actor.country, actor.country, ("GOV",), actor.name, actor.text, None, "place")
    return actor


def _story_countries(article) -> list[str]:
    """The countries the article names, most named first (ties: first named first)."""
    counts = collections.Counter(
        actor.country for mention in article.mentions for actor in mention.actors if actor.country
    )
    return [country for country, _ in counts.most_common()]


def _ancestors(token) -> list:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 64:
        chain.append(chain[-1].head)
    return chain


def _path(trigger, head) -> tuple[list, list]:
    """The tokens from the trigger up to the lowest common ancestor, and from it down to the
    candidate's head."""
    up = _ancestors(trigger)
    up_index = {t.i: n for n, t in enumerate(up)}
    down = []
    for t in _ancestors(head):
        if t.i in up_index:
            return up[: up_index[t.i] + 1], list(reversed(down))
        down.append(t)
    return up, list(reversed(down))  # different sentences' roots: no common ancestor


def _path_length(trigger, head) -> int:
    up, down = _path(trigger, head)
    return len(up) - 1 + len(down)


def _path_features(trigger, head, root: str, saying) -> list[str]:
    up, down = _path(trigger, head)
    up_labels = [t.dep_ for t in up[:-1]][:MAX_UP]
    down_labels = [t.dep_ for t in down][:MAX_DOWN]
    path = "^".join(up_labels) + "|" + "v".join(down_labels)
    # English hangs the preposition above its noun ("prep"), Universal Dependencies below it
    prepositions = [t.lower_ for t in down if t.dep_ in ("prep", "agent")]
    prepositions += [c.lower_ for c in head.children if c.dep_ == "case"]
    top = up[-1]
    features = [
        f"path={path}",
        f"path={path}&root={root}",
        f"up={len(up) - 1 if len(up) < 4 else 3}",
        f"down={len(down) if len(down) < 5 else 5}",
        f"first={down_labels[0] if down_labels else 'self'}",
        f"last={head.dep_}",
        f"last={head.dep_}&root={root}",
        f"top_saying={top.lemma_.lower() in saying and top.i != trigger.i}",
        f"governor={head.head.lemma_.lower()}",
        f"word={head.lemma_.lower()}",
        # a verb between them puts the candidate in another clause than the trigger's
        f"clause={not any(t.pos_ in ('VERB', 'AUX') for t in up[1:] + down)}",
    ]
    if prepositions:
        features += [f"prep={prepositions[0]}", f"prep={prepositions[0]}&root={root}"]
    return features
