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


WAN_YI_YUAN = "万亿元"  # 10^4 亿元 = 10^12 yuan: how Chinese writes sums of that size


def number(value: float, fmt: str = ",.0f") -> str:
    """A number in a sentence: with thousands separators in English, without them in Chinese."""
    from . import i18n

    return format(value, fmt if i18n.language() != "zh" else fmt.replace(",", ""))


def money(value: float, fmt: str = ",.0f") -> str:
    """A sum of 亿元 in a sentence, in the language in use: in English as :func:`yi` writes it
    ('134,043亿元'); in Chinese without thousands separators ('3766亿元'), and in 万亿元 from one
    万亿元 up ('13.4万亿元'), as Chinese writing counts such sums."""
    from . import i18n

    if i18n.language() != "zh":
        return yi(value, fmt)
    if abs(value) >= 10_000:
        return f"{value / 10_000:,.2f}".replace(",", "").rstrip("0").rstrip(".") + WAN_YI_YUAN
    return yi(value, fmt.replace(",", ""))


def in_english(text: str) -> str:
    """``text`` with 亿元 in English, for a chart drawn without a CJK font: the defined form
    becomes '100 million yuan', and a number of 亿元 'N × 100 million yuan'."""
    text = text.replace(YI_YUAN_DEFINED, YI_YUAN_EN)
    text = re.sub(rf"(\d)\s*{YI_YUAN}", rf"\1 × {YI_YUAN_EN}", text)
    return text.replace(YI_YUAN, YI_YUAN_EN)
