import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = Path(__file__).parent / "resources"
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_5aed2ec89439578e.txt"
EXAMPLE = ROOT / "examples" / "russia-mali-agreements.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason (a user's clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path}: the shared data lives beside the project in CI, not in a clone")
    return path


def run_cli(*args: str, stdin: bytes | None = None, env=None) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess, as a user's script would."""
    return subprocess.run([sys.executable, "-m", "communique.cli", *map(str, args)], input=stdin,
                          capture_output=True, env=env, timeout=600)


@pytest.fixture
def cli():
    return run_cli
