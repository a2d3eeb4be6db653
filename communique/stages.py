"""The stage registry: each stage's name, factory and contract, and the canonical order.

As with spaCy's ``Language.factory(name, requires=..., assigns=...)``, a stage class says
which fields of the ``Article`` record it reads and which it writes::

    @register_stage("actors", requires=["doc"], assigns=["mentions"])
    class ActorResolver: ...

A pipeline is checked when it is built (``check_stages``): a stage whose input no earlier
stage makes fails at once, naming the stage to add, instead of quietly coding nothing.

The stage classes import spaCy and large tables; this module imports none of them. A
stage's module is imported the first time the stage is looked up.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Sequence

from .errors import UnmetStageRequirement
from .model import Article

# The canonical order of the stages, and the module that defines (and registers) each.
_STAGE_MODULES = {
    "clean": "communique.ingest.clean",
    "dedupe": "communique.ingest.dedupe",
    "parse": "communique.nlp.parse",
    "actors": "communique.actors.stage",
    "events": "communique.events.stage",
    # Resolves every place name and gives the events' locations coordinates (issue 19).
    "places": "communique.places.stage",
}
STAGE_ORDER: tuple[str, ...] = tuple(_STAGE_MODULES)
# Stages a run adds on request, after the canonical ones: `code --explain`.
_OPTIONAL_STAGE_MODULES = {
    "explain": "communique.events.explain",
}
# What the articles given to a pipeline that does not begin by cleaning documents carry:
# the clean text (a worker's articles came through clean; evaluation makes them from text).
ARTICLE_INPUT: tuple[str, ...] = ("text",)

_ARTICLE_FIELDS = frozenset(f.name for f in dataclasses.fields(Article))


@dataclasses.dataclass(frozen=True)
class StageSpec:
    """A registered stage: ``factory(settings)`` makes it; ``requires`` and ``assigns`` name
    fields of the ``Article`` record."""

    name: str
    factory: Callable
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    takes_documents: bool = False  # it turns a Document into an Article, so it comes first


_registry: dict[str, StageSpec] = {}


def register_stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    takes_documents: bool = False,
) -> Callable:
    """Class decorator: register a stage under ``name`` with its contract. The class gets
    ``name`` as an attribute too: the pipeline times and reports each stage by it."""
    requires, assigns = tuple(requires), tuple(assigns)
    unknown = sorted(set(requires + assigns) - _ARTICLE_FIELDS)
    if unknown:  # a typo here would make every check pass or fail for the wrong reason
        raise ValueError(f"stage {name!r} names fields the Article has not: {', '.join(unknown)}")

    def register(factory: Callable) -> Callable:
        factory.name = name
        _registry[name] = StageSpec(name, factory, requires, assigns, takes_documents)
        return factory

    return register


def stage_spec(name: str) -> StageSpec:
    """The registered stage ``name``, importing the module that defines it if need be."""
    modules = {**_STAGE_MODULES, **_OPTIONAL_STAGE_MODULES}
    if name not in _registry and name in modules:
        importlib.import_module(modules[name])
    if name not in _registry:
        raise ValueError(f"unknown stage: {name}; known: {', '.join(registered_names())}")
    return _registry[name]


def registered_names() -> list[str]:
    """The names of the stages: the canonical ones in order, then any registered elsewhere."""
    return list(STAGE_ORDER) + [name for name in _registry if name not in _STAGE_MODULES]


def registered_stages() -> list[StageSpec]:
    """Every stage, in the order of ``registered_names``."""
    return [stage_spec(name) for name in registered_names()]


def canonical_stages(first: str = STAGE_ORDER[0], last: str = STAGE_ORDER[-1]) -> tuple[str, ...]:
    """The stages from ``first`` to ``last`` in the canonical order, both included."""
    return STAGE_ORDER[STAGE_ORDER.index(first) : STAGE_ORDER.index(last) + 1]


def check_stages(names: Sequence[str], given: Iterable[str] | None = None) -> list[StageSpec]:
    """The specs of ``names``, once their contracts are known to hold in this order.

    ``given`` names the fields the input carries; by default nothing when the first stage
    takes documents, else ``ARTICLE_INPUT``. Raises ``UnmetStageRequirement`` (E500) for a
    stage whose requirement neither the input nor an earlier stage meets, and for a stage
    that takes documents anywhere but first; ``ValueError`` for an unknown stage.
    """
    specs = [stage_spec(name) for name in names]
    if given is None:
        given = () if specs and specs[0].takes_documents else ARTICLE_INPUT
    available = set(given)
    for position, spec in enumerate(specs):
        if spec.takes_documents and position > 0:
            raise UnmetStageRequirement(
                f"stage {spec.name!r} takes documents, so it must come first"
            )
        for field in spec.requires:
            if field not in available:
                raise UnmetStageRequirement(
                    f"stage {spec.name!r} requires {field!r}, which no earlier stage assigns "
                    f"({_remedy(field)})"
                )
        available.update(spec.assigns)
    return specs


def _remedy(field: str) -> str:
    providers = [spec.name for spec in registered_stages() if field in spec.assigns]
    return f"add {providers[0]!r} before it" if providers else "no stage assigns it"
