"""The events stage of the pipeline: the coder over an article's text and its headline, with
one event per act, no statement that frames an act and no act an accusation alleges
(acts.py), sport read as sport (senses.py), and the agreements the events act on
(agreements.py)."""

from __future__ import annotations

from ..actors.stage import headline_article
from ..model import Article
from ..ingest.language import language
from ..stages import register_stage
from .acts import one_event_per_act, without_alleged_acts, without_framing_statements
from .agreements import find_agreements
from .coder import ArticleCoder
from .patterns import load_patterns
from .senses import without_competition


@register_stage(
    "events", requires=["doc", "mentions", "dateline_country"], assigns=["events", "agreements"]
)
class EventCoder:
    """Pipeline stage: codes the events of an article whose actors are resolved."""

    def __init__(self, settings):
        self.settings = settings
        self.patterns = load_patterns(settings.dictionaries)  # with the user's, if any

    def __call__(self, article: Article) -> Article:
        if article.doc is None and not language(article.lang or "en").supported:
            return article  # stored with its language, coded in none (nlp/parse.py says why)
        if article.lang == "fr":
            from ..french.agreements import french_agreements
            from ..french.events import FrenchCoder

            french = FrenchCoder(article)
            article.events = without_alleged_acts(article.doc, french.run(), french.trigger_of)
            article.agreements = french_agreements(article, article.events, french.trigger_of)
            return article
        coder = ArticleCoder(article, self.patterns)
        events = one_event_per_act(article.doc, coder.run(), coder.trigger_of)
        events = without_alleged_acts(article.doc, events, coder.trigger_of)
        events = without_framing_statements(events)
        article.events = without_competition(article.doc, events)
        article.agreements = find_agreements(article, article.events, coder.trigger_of, coder.tree)
        article.events.extend(self.headline_events(article))
        return article

    def headline_events(self, article: Article) -> list[dict]:
        """Events of the headline, flagged ``headline``, with evidence offsets into the title.

        A headline sums up its story: where the text already has an event between the same
        two countries, the headline's adds nothing and is left out; so is one with a side
        unknown, which the story's own sentences tell better.
        """
        headline = headline_article(article)
        if headline is None:
            return []
        pairs = {
            frozenset((e["source"]["country"], (e["target"] or {}).get("country")))
            for e in article.events
        }
        events = []
        coder = ArticleCoder(headline, self.patterns)
        coded = one_event_per_act(headline.doc, coder.run(), coder.trigger_of)
        coded = without_alleged_acts(headline.doc, coded, coder.trigger_of)
        for event in without_framing_statements(coded):
            if not (event["source"]["country"] and (event["target"] or {}).get("country")):
                continue  # one side only: the story says who and to whom, in its sentences
            pair = frozenset((event["source"]["country"], (event["target"] or {}).get("country")))
            if pair in pairs:
                continue
            event["headline"] = True
            event["evidence"]["field"] = "title"
            events.append(event)
        return events
