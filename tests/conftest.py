"""Shared fixtures: the repository's folders and, where it is present, the paper's text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent


# Property tests never time: a check that is slow on a busy machine is still correct. Speed is
# measured in benchmarks/, not asserted here.
settings.register_profile(
    "course", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("course")


def paper_text_file() -> Path | None:
    """The paper's text extraction. It is copyrighted, so it is not in the repository: set
    RETOOL_PAPER_TEXT to its path, or keep it beside the checkout as shared/paper/*.txt."""
    env = os.environ.get("RETOOL_PAPER_TEXT")
    if env:
        return Path(env) if Path(env).exists() else None
    found = sorted((ROOT.parent / "shared" / "paper").glob("*.txt"))
    return found[0] if found else None


@pytest.fixture(scope="session")
def paper_lines() -> list[str]:
    file = paper_text_file()
    if file is None:
        pytest.skip(
            "the paper's text is not in the repository (copyright); set RETOOL_PAPER_TEXT to the "
            "text extraction to compare the data with the paper line by line"
        )
    return file.read_text(encoding="utf-8").splitlines()
