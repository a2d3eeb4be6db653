"""communique: political event data from raw news."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("communique")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

from .config import Settings  # noqa: E402
from .pipeline import Pipeline  # noqa: E402

__all__ = ["Pipeline", "Settings", "__version__"]
