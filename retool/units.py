"""The course's units, each spelled one way, declared here once.

The paper counts money in 亿元 (one 亿 is 10^8, so one 亿元 is 100 million yuan). The course writes
the Chinese unit after the number ("3,766亿元") and gives its English meaning once, where a reader
meets it first: "亿元 (100 million yuan)". Charts, widget sentences, the audit table and exercise
feedback take their spelling from here; tests/test_units.py fails when another spelling appears
in the library or in the notebooks' prose.
"""

from __future__ import annotations

import re

YI_YUAN = "亿元"
YI_YUAN_EN = "100 million yuan"
# The first use in a text (and an axis label): the Chinese unit with its English meaning.
YI_YUAN_DEFINED = f"{YI_YUAN} ({YI_YUAN_EN})"

# Spellings the course no longer uses; a test looks for them in the library and the notebooks.
OTHER_SPELLINGS = re.compile(
    r"100\s?m\b|100\s?mn\b|\(yi yuan\)|\byi yuan\b|hundred million yuan|亿\s+yuan|"
    r"100 million RMB|RMB 100 million|100-million-yuan",
    re.IGNORECASE,
)


def yi(value: float, fmt: str = ",.0f") -> str:
    """A sum of money in the course's spelling: ``yi(3766.4)`` is '3,766亿元'."""
    return f"{value:{fmt}}{YI_YUAN}"


def in_english(text: str) -> str:
    """``text`` with 亿元 in English, for a chart drawn without a CJK font: the defined form
    becomes '100 million yuan', and a number of 亿元 'N × 100 million yuan'."""
    text = text.replace(YI_YUAN_DEFINED, YI_YUAN_EN)
    text = re.sub(rf"(\d)\s*{YI_YUAN}", rf"\1 × {YI_YUAN_EN}", text)
    return text.replace(YI_YUAN, YI_YUAN_EN)
