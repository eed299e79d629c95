"""Charts in the course's house style.

The style lives here (palette, series colours, titles, source lines, fonts); the chart functions
of each lesson live in the submodules, one function per chart, each returning a matplotlib Figure.

House style: the title states the finding; axes carry units; a source line sits under every chart;
one colour-blind-safe palette (Okabe-Ito) for the whole course, the same series always in the same
colour; English labels unless a CJK font is installed and Chinese labels are asked for.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

# One colour per series, everywhere in the course.
SERIES_COLOURS = {
    "renovation": PALETTE["blue"],
    "foreign": PALETTE["vermillion"],
    "assimilation": PALETTE["green"],
    "domestic": PALETTE["orange"],
    "counterfactual": PALETTE["sky"],
    "shortfall": PALETTE["purple"],
    "CHN": PALETTE["vermillion"],
    "leader": PALETTE["blue"],
    "other": PALETTE["grey"],
    "paper": PALETTE["black"],
    "yearbook": PALETTE["sky"],
}

PAPER_SOURCE = {
    "en": "Yuan Lei & Wang Jiasheng, 'Transforming traditional industries and developing advanced "
    "manufacturing'",
    "zh": "原磊、王加胜《传统产业改造和先进制造业发展》",
}
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "SimHei",
)

_language = {"lang": "en"}
NOTE_SIZE = 12


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of an installed CJK font, or None."""
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in CJK_FONTS if n in names), None)


def set_language(lang: str = "en") -> str:
    """Ask for 'zh' (Chinese) or 'en' labels; falls back to English silently without a CJK font."""
    font = cjk_font() if lang == "zh" else None
    _language["lang"] = "zh" if font else "en"
    return _language["lang"]


def _use_cjk_fallback() -> None:
    """Let CJK glyphs (a Chinese name in a legend, 亿元) fall back to a CJK font if there is one."""
    font = cjk_font()
    if font:
        plt.rcParams["font.family"] = ["DejaVu Sans", font]


def language() -> str:
    return _language["lang"]


def label(en: str, zh: str | None = None) -> str:
    """The English or the Chinese label, as the chosen language asks."""
    return zh if (zh and _language["lang"] == "zh") else en


# Without a CJK font, Chinese text in a chart would print warnings and draw empty boxes: the
# section numerals and the unit keep an English form, any other Chinese is left out.
NUMERALS = {"一": "I", "二": "II", "三": "III", "四": "IV"}
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")


def ascii_fallback(text: str) -> str:
    """``text`` with Chinese put in English forms or dropped (for machines without CJK fonts)."""
    text = re.sub(r"(?<![\u4e00-\u9fff])([一二三四])(?=[.、])", lambda m: NUMERALS[m[1]], text)
    text = text.replace("亿元", "100m yuan")
    text = CJK.sub("", text)
    for pattern, repl in (
        (r"\(\s*\)", ""),
        (r"\s+([,;:.])", r"\1"),
        (r"([,;:])(\s*[,;])+", r"\1"),
        (r"^[\s,;]+", ""),
        (r"\s{2,}", " "),
    ):
        text = re.sub(pattern, repl, text)
    return text.strip()


def _drop_cjk(fig: Figure) -> None:
    for text in fig.findobj(Text):
        if CJK.search(text.get_text()):
            text.set_text(ascii_fallback(text.get_text()))


class CourseFigure(Figure):
    """A Figure that notebooks show as a PNG without pyplot (so nothing leaks between cells)."""

    def _repr_png_(self) -> bytes:
        if cjk_font() is None:
            _drop_cjk(self)
        buffer = io.BytesIO()
        # zlib level 3: as small as the default level 6 for charts, a third faster to write
        self.savefig(buffer, format="png", pil_kwargs={"compress_level": 3})
        return buffer.getvalue()

    def __repr__(self) -> str:
        title = self._suptitle.get_text() if self._suptitle else ""
        return f"<Figure: {title}>"


def figure(width: float = 7.5, height: float = 4.2, ncols: int = 1):
    """A new figure and its axes (a list of axes when ``ncols`` > 1)."""
    fig = CourseFigure(figsize=(width, height), dpi=100, layout="constrained")
    axes = fig.subplots(1, ncols)
    return fig, (list(axes) if ncols > 1 else axes)


def text_width(text: str) -> int:
    """A text's width in Latin characters: a CJK character counts double (the one such rule)."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def note_box(ax, note: str) -> None:
    """Say on the chart that a setting was changed or unusable (the one note box of the course)."""
    if note:
        ax.text(
            0.5,
            0.5,
            "\n".join(_wrap(note, ax.figure, NOTE_SIZE, width_share=0.6)),
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=PALETTE["vermillion"],
            fontsize=NOTE_SIZE,
            bbox={"facecolor": "white", "edgecolor": PALETTE["vermillion"]},
            zorder=10,
        )


def _wrap(
    text: str, fig: Figure, fontsize: float, bold: bool = False, width_share: float = 1.0
) -> list[str]:
    """Split text into lines that fit the figure's width (CJK characters count double)."""
    width = width_share * fig.get_figwidth() * 72 / (fontsize * (0.62 if bold else 0.56))
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}".strip()
            size = text_width(candidate)
            if line and size > width:
                lines.append(line)
                candidate = word
            line = candidate
        lines.append(line)
    return lines


# Margins of a fixed layout, in inches (wspace as a fraction of the mean axes width).
FIXED_MARGINS = {"left": 0.8, "right": 0.2, "top": 0.25, "bottom": 0.55, "wspace": 0.3}


def finish(
    fig: Figure,
    ax,
    title: str,
    ylabel: str,
    source: str,
    xlabel: str = "",
    fixed: dict | bool | None = None,
) -> Figure:
    """Apply the house style: finding as title, labelled axes, source line under the chart.

    Long titles and source lines are wrapped to the figure's width, and the layout leaves room
    for them, so nothing is cut off. With ``fixed`` (True, or a dict overriding FIXED_MARGINS),
    fixed margins replace the constrained layout: a widget redraw then draws the figure once
    instead of twice, which keeps it within its time budget.
    """
    height = fig.get_figheight() * 72  # points
    title_lines = _wrap(title, fig, 12, bold=True)
    fig.suptitle("\n".join(title_lines), fontsize=12, fontweight="bold", x=0.01, ha="left")
    for a in ax if isinstance(ax, (list, tuple)) else [ax]:
        a.spines[["top", "right"]].set_visible(False)
        a.grid(axis="y", color="#dddddd", linewidth=0.8)
        a.set_axisbelow(True)
    if ylabel and not isinstance(ax, (list, tuple)):
        ax.set_ylabel(ylabel)
    if xlabel and not isinstance(ax, (list, tuple)):
        ax.set_xlabel(xlabel)
    source_lines = _wrap(f"Source: {source}", fig, 8)
    fig.text(
        0.01,
        0.005,
        "\n".join(source_lines),
        fontsize=8,
        color="#444444",
        ha="left",
        va="bottom",
        linespacing=1.3,
    )
    if fixed:
        return _fixed_layout(fig, len(title_lines), len(source_lines), fixed)
    bottom = (len(source_lines) * 8 * 1.3 + 4) / height
    top = 1 - max(0, len(title_lines) - 1) * 12 * 1.25 / height
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.set(rect=(0, bottom, 1, top - bottom))
    return fig


def _fixed_layout(fig: Figure, title_lines: int, source_lines: int, fixed) -> Figure:
    margins = {**FIXED_MARGINS, **(fixed if isinstance(fixed, dict) else {})}
    width, height = fig.get_figwidth(), fig.get_figheight()
    axes_titles = [a.get_title(loc="left") or a.get_title() for a in fig.axes]
    axes_lines = max((t.count("\n") + 1 for t in axes_titles if t), default=0)
    # No engine at all: even a placeholder engine makes savefig run a layout pass.
    fig._layout_engine = None
    fig._suptitle.set_y(1 - 0.08 / height)
    fig._suptitle.set_va("top")
    fig.subplots_adjust(
        left=margins["left"] / width,
        right=1 - margins["right"] / width,
        top=1 - (margins["top"] + 0.22 * title_lines + 0.16 * axes_lines) / height,
        bottom=(margins["bottom"] + 0.15 * source_lines) / height,
        wspace=margins["wspace"],
    )
    return fig


def paper_source(where: str) -> str:
    """A source line that cites the paper and where in it the numbers stand."""
    return f"{PAPER_SOURCE[_language['lang']]}, {where}; the course's calculation"


_use_cjk_fallback()
