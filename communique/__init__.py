"""communique: political event data from raw news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("communique")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

from .config import Settings  # noqa: E402
from .pipeline import Pipeline  # noqa: E402
from .stages import STAGE_ORDER  # noqa: E402

__all__ = ["Pipeline", "Settings", "__version__"]

__all__ += ["code_text"]

CODE_STAGES = STAGE_ORDER  # coding runs every stage, in the canonical order


def code_text(
    text: str, date: str | None = None, title: str | None = None, settings: Settings | None = None
) -> dict:
    """Code one plain text: the ``communique code --format jsonl`` record for it.

    >>> record = code_text("Egypt condemned Israel on Monday.", date="2025-06-24")
    >>> [(e["source"]["country"], e["target"]["country"], e["cameo"]) for e in record["events"]]
    [('EGY', 'ISR', '111')]
    """
    from .model import Document

    settings = (settings or Settings()).replace(dedupe=False)
    content = f"{title}\n\n{text}" if title else text
    document = Document(id="text", content=content, date=date, title=title)
    return Pipeline(settings, stages=CODE_STAGES)(document).code_record()
