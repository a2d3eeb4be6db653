"""The actors and events stages do work in proportion to the text (issue 13): counted, not timed.

Each stage runs alone on a parsed text of one, two and four times a length, and its work is
counted two ways: function calls (cProfile's count, which takes in spaCy's own profiled
code) and lines run in communique's own code (a trace limited to its frames, so that a loop
or comprehension over every earlier mention counts each pass, though it makes no call).
Counts do not depend on the machine or its load, so the bound can be tight: doubling the
text may at most double the work, plus 15% (MAX_GROWTH).

The real text is BBC articles, repeated: 2x and 4x are the same articles two and four times
over, joined as the parser joins the pieces of a long text (``Doc.from_docs``), so each copy
brings exactly the same work and any growth beyond 2x is the cost of length itself. The
synthetic text is one sentence listing N names, where each name hangs on the one before.
"""

from __future__ import annotations

import cProfile
import itertools
import pstats
import sys
from pathlib import Path

import pytest

import communique
from communique import Settings
from communique.actors.stage import ActorResolver
from communique.events.stage import EventCoder
from communique.model import Article
from tests.conftest import shared_path

MAX_GROWTH = 2.3  # the work of twice the text, at most, in units of the work of the text
BASE_CHARS = 25_000  # the 1x real text
BASE_NAMES = 300  # the 1x list of names
PACKAGE = str(Path(communique.__file__).parent)
FIRST_NAMES = (
    "John",
    "Mary",
    "Ahmed",
    "Olga",
    "Pierre",
    "Li",
    "Fatima",
    "Carlos",
    "Anna",
    "Kofi",
    "Yuki",
    "Ivan",
    "Maria",
    "Omar",
    "Grace",
    "Hans",
    "Priya",
    "Tomas",
)
SURNAMES = (
    "Smith",
    "Jones",
    "Ali",
    "Petrova",
    "Dubois",
    "Wei",
    "Hassan",
    "Garcia",
    "Kowalski",
    "Mensah",
    "Tanaka",
    "Ivanov",
    "Rossi",
    "Khan",
    "Okafor",
    "Muller",
)


@pytest.fixture(scope="module")
def stages():
    from communique.nlp.parse import load_pipeline

    settings = Settings(max_document_seconds=None)
    return load_pipeline(settings.model), ActorResolver(settings), EventCoder(settings)


def count_work(stage, item: Article) -> tuple[int, int]:
    """(function calls, lines run in communique's code) while ``stage`` works on ``item``."""
    lines = 0

    def in_frame(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return in_frame

    def on_call(frame, event, arg):
        return in_frame if frame.f_code.co_filename.startswith(PACKAGE) else None

    profile = cProfile.Profile()
    previous = sys.gettrace()
    sys.settrace(on_call)
    profile.enable()
    try:
        stage(item)
    finally:
        profile.disable()
        sys.settrace(previous)
    return pstats.Stats(profile).total_calls, lines


def article(doc) -> Article:
    return Article(id="linear", text=doc.text, date="2005-03-01", doc=doc)


def warmed(docs: list, stages) -> list:
    """``docs``, after the largest went through both stages: caches filled once per process
    (event patterns, date parsing) are then full for every count."""
    _, actors, events = stages
    item = article(docs[-1])
    actors(item)
    events(item)
    return docs


def stage_work(docs, actors, events, stage: str) -> list[tuple[int, int]]:
    """The work of one stage on each Doc."""
    counts = []
    for doc in docs:
        item = article(doc)
        if stage == "actors":
            counts.append(count_work(actors, item))
        else:
            actors(item)
            counts.append(count_work(events, item))
    return counts


def assert_linear(counts: list[tuple[int, int]], what: str) -> None:
    for (calls, lines), (more_calls, more_lines) in itertools.pairwise(counts):
        assert calls and lines, f"{what}: no work counted"
        growth = max(more_calls / calls, more_lines / lines)
        assert growth <= MAX_GROWTH, (
            f"{what}: twice the text took {more_calls / calls:.2f}x the calls and "
            f"{more_lines / lines:.2f}x the lines (at most {MAX_GROWTH}x); work: {counts}"
        )


def bbc_text(chars: int) -> str:
    """BBC articles, taken from each section in turn, to ``chars`` characters or a little more."""
    sections = sorted(p for p in shared_path("data", "corpora", "bbc").iterdir() if p.is_dir())
    files = [sorted(section.glob("*.txt")) for section in sections]
    parts: list[str] = []
    for path in (p for group in itertools.zip_longest(*files) for p in group if p):
        parts.append(path.read_text(encoding="utf-8", errors="replace").strip() + "\n\n")
        if sum(map(len, parts)) >= chars:
            break
    return "".join(parts)


@pytest.fixture(scope="module")
def bbc_docs(stages):
    from spacy.tokens import Doc

    nlp = stages[0]
    base = nlp(bbc_text(BASE_CHARS))
    docs = [base] + [Doc.from_docs([base] * times, ensure_whitespace=False) for times in (2, 4)]
    return warmed(docs, stages)


def names_sentence(count: int) -> str:
    """ "The conference was attended by A, B, ... and Z." The names are combined with a stride
    so that the same pair of names seldom comes back: the parser then makes each name the
    conjunct of the one before, all down the list (it breaks up lists that repeat)."""
    names = [
        f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[(5 * n + n // 16) % len(SURNAMES)]}"
        for n in range(count)
    ]
    return f"The conference was attended by {', '.join(names[:-1])} and {names[-1]}."


@pytest.fixture(scope="module")
def names_docs(stages):
    nlp = stages[0]
    return warmed(list(nlp.pipe(names_sentence(BASE_NAMES * times) for times in (1, 2, 4))), stages)


def test_the_texts_double(bbc_docs, names_docs):
    for docs in (bbc_docs, names_docs):
        assert [len(doc) / len(docs[0]) for doc in docs] == pytest.approx([1, 2, 4], rel=0.01)
    assert len(list(names_docs[-1].sents)) == 1
    assert len(names_docs[-1].ents) >= 3 * BASE_NAMES  # the names are names to the model


def test_the_events_stage_works_in_linear_time(stages, bbc_docs):
    _, actors, events = stages
    counts = stage_work(bbc_docs, actors, events, "events")
    assert_linear(counts, "events stage on BBC articles")


def test_the_actors_stage_works_in_linear_time(stages, bbc_docs):
    _, actors, events = stages
    assert_linear(stage_work(bbc_docs, actors, events, "actors"), "actors stage on BBC articles")


def test_the_actors_stage_works_in_linear_time_on_a_list_of_names(stages, names_docs):
    _, actors, events = stages
    counts = stage_work(names_docs, actors, events, "actors")
    assert_linear(counts, "actors stage on one sentence listing names")
