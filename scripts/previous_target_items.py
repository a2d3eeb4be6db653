"""Items for labelling targets named in the sentence before an event's own.

Of the required English events the coder misses with the right source and no target, about
a third name their target only in the sentence before ("The EU imposed quotas on Chinese
textiles. Beijing criticised the decision"). This writes, for every targetless English event
of the training pool (scripts/train_targets.py) whose previous sentence names countries its
own sentence does not, an item with those countries as candidates, in the shape of
train_targets.py's items and with the same ids. Its labels are
scripts/data/previous_target_labels_en.jsonl.

    python scripts/previous_target_items.py --corpus ../shared/data/corpora --out items.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from train_targets import RecordingAttacher, marked_sentence, recorded

from communique.events.cameo import lookup

PREVIOUS = "previous sentence"
HERE = "this sentence or the story"


class PreviousRecorder(RecordingAttacher):
    """Keeps every targetless event whose previous sentence names countries that its own
    sentence does not, with them (``previous``)."""

    def attach(self, token, code, sources, kind=None, mood=("asserted", False)):
        earlier = self.previous_countries(token, {s.country for s in sources if s.country})
        if earlier:
            self.seen.append(
                {
                    "id": f"{self.label}#{token.idx}#{code}#{sources[0].country}",
                    "token": token,
                    "code": code,
                    "sources": sources,
                    "previous": earlier,
                    "candidates": self.candidates(token, code, sources, mood),
                }
            )
        return None

    def previous_countries(self, token, own: set[str]) -> dict[str, list[str]]:
        """The countries the sentence before ``token``'s names, other than the source's and
        those of ``token``'s own sentence, with the words that name them."""
        sentence = token.sent
        if not own or sentence.start == 0:
            return {}
        before = token.doc[sentence.start - 1].sent
        here = {a.country for m in self._mentions_of(sentence) for a in m.actors if a.country}
        found: dict[str, list[str]] = {}
        for mention in self._mentions_of(before):
            for actor in mention.actors:
                if actor.country and actor.kind != "unknown" and actor.country not in own | here:
                    words = token.doc.text[mention.start : mention.end]
                    found.setdefault(actor.country, [])
                    if words not in found[actor.country]:
                        found[actor.country].append(words)
        return found


def items(corpus: Path):
    for article, attacher in recorded(corpus, "en", recorder=PreviousRecorder):
        for seen in attacher.seen:
            token, sources = seen["token"], seen["sources"]
            here = sorted({c.actor.country for c in seen["candidates"]})
            yield {
                "id": seen["id"],
                "title": article.title or "",
                "previous": token.doc[token.sent.start - 1].sent.text.strip(),
                "sentence": marked_sentence(token),
                "event": f"{seen['code']} {lookup(seen['code']).name}",
                "source": f"{sources[0].country} ({sources[0].text})",
                "candidates": [
                    {"country": country, "mentions": words[:3], "where": PREVIOUS}
                    for country, words in seen["previous"].items()
                ]
                + [{"country": country, "mentions": [], "where": HERE} for country in here],
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        for item in items(args.corpus):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
