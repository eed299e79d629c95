"""Charts in the course's house style, a seaborn theme.

The style lives here (palette, series colours, fonts and sizes as a seaborn theme, titles, source
lines); the chart functions of each lesson live in the submodules, one function per chart, each
drawing a frame its model computed with seaborn and returning a matplotlib Figure. Matplotlib is
used directly only for what seaborn has no function for: annotations, notes and the source line.

House style: the title states the finding; axes carry units; a source line sits under every chart;
one colour-blind-safe palette (Okabe-Ito) for the whole course, the same series always in the same
colour; labels in the course's language (``retool.i18n``: Chinese in the Chinese edition) where a
label has a Chinese form and a CJK font is installed, English otherwise.
"""

from __future__ import annotations

import io
import re
import sys
from functools import lru_cache

import seaborn as sns
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from .. import i18n, units
from ..i18n import N_

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
    "Noto Sans SC",  # Google Fonts' edition of the same font
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
    "SimHei",
)

# Charts are drawn at 100 dpi and shown at their own pixel size (7.5 in = 750 px fits the notebook
# column of JupyterLab on a 1280 px wide screen, so the browser does not scale them down). On a
# 1280x720 projector, text under about 12 px (1/60 of the screen's height) cannot be read from the
# back row: 9 pt = 12.5 px at 100 dpi is the smallest text of any chart.
DPI = 100
MIN_TEXT_PT = 9
TEXT_PT = 10.5  # axis labels, annotations, legends
TITLE_PT = 12.5
NOTE_SIZE = TEXT_PT
SOURCE_PT = MIN_TEXT_PT


# CJK font files by name (Noto CJK, WenQuanYi, SimHei), for fonts matplotlib's cache does not know.
CJK_FILES = re.compile(r"(NotoSansCJK|NotoSerifCJK|NotoSansSC|wqy-zenhei|simhei)", re.IGNORECASE)


def _known_cjk_font() -> str | None:
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in CJK_FONTS if n in names), None)


def add_system_cjk_fonts() -> int:
    """Add the system's CJK font files to matplotlib's font list for this session; how many.

    matplotlib lists the system's fonts once, in a cache; a font installed after that (the order
    the README's set-up leads to: the course first, then fonts-noto-cjk) is not in it until the
    cache is rebuilt. Adding the files here finds it without touching the cache."""
    added = 0
    for path in font_manager.findSystemFonts():
        if CJK_FILES.search(path.rsplit("/", 1)[-1]):
            try:
                font_manager.fontManager.addfont(path)
                added += 1
            except (OSError, RuntimeError, ValueError):  # an unreadable file: skip it
                continue
    return added


@lru_cache(maxsize=1)
def _found_cjk_font() -> str | None:
    found = _known_cjk_font()
    if found is None and add_system_cjk_fonts():
        found = _known_cjk_font()
    return found


def cjk_font(look_again: bool = False) -> str | None:
    """The name of an installed CJK font, or None: matplotlib's cache first, then the system's
    font files (a font installed after the cache was built). ``look_again`` searches anew when
    none was found before (the learner may have installed one since); charts never do."""
    if look_again and _found_cjk_font() is None:
        _found_cjk_font.cache_clear()
    return _found_cjk_font()


def set_language(lang: str | None = "en") -> str:
    """Speak ``lang`` ('zh' or 'en'; None: what the notebook's edition asks for) from now on, in
    the charts and in every message: the one language state is ``retool.i18n``'s. Returns the
    charts' language: 'en' when Chinese is asked for but no CJK font is installed (looked for
    anew, so a font installed since is found; the Chinese edition then says once what to
    install)."""
    before = cjk_font()
    i18n.set_language(lang)
    if i18n.language() == "zh" and cjk_font(look_again=True) and not before:
        theme()  # a font found only now joins the theme's fallback fonts
    return language()


def theme() -> None:
    """The house style as a seaborn theme: Okabe-Ito palette, fonts, sizes no smaller than
    MIN_TEXT_PT, light horizontal grid, no top or right spine."""
    font = cjk_font()
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        palette=list(PALETTE.values()),
        # Chinese glyphs (a name in a legend, 亿元) fall back to a CJK font when there is one
        font=["DejaVu Sans", font] if font else "DejaVu Sans",
        rc={
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "font.size": TEXT_PT,
            "axes.titlesize": TEXT_PT,
            "axes.titlelocation": "left",
            # titles at a fixed height: matplotlib need not measure the axes on every draw to
            # lift a title over top tick labels (the course's charts have none)
            "axes.titley": 1.0,
            "axes.titlepad": 6.0,
            # glyphs drawn as the font outlines them, without hinting them to the pixel grid:
            # as legible at these sizes, and a quarter of a redraw faster
            "text.hinting": "no_hinting",
            "axes.labelsize": TEXT_PT,
            "xtick.labelsize": MIN_TEXT_PT + 0.5,
            "ytick.labelsize": MIN_TEXT_PT + 0.5,
            "legend.fontsize": MIN_TEXT_PT + 0.5,
            "legend.frameon": False,
            "figure.titlesize": TITLE_PT,
            "figure.titleweight": "bold",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid.axis": "y",
            "grid.color": "#dddddd",
            "lines.linewidth": 2,
        },
    )


def language() -> str:
    """The charts' language: the course's (``retool.i18n.language()``) when a CJK font can draw
    it, else English."""
    if i18n.language() != "zh":
        return "en"
    if cjk_font() is None:
        _say_no_font()
        return "en"
    return "zh"


NO_FONT = N_(
    "No Chinese font is installed, so the charts keep their English labels. Install one, for "
    "example Noto Sans CJK (Debian or Ubuntu: sudo apt-get install fonts-noto-cjk; other "
    "systems: see README.zh.md), then restart the kernel."
)
_said = {"no_font": False}


def _say_no_font() -> None:
    """Say once per session, in the course's language, which font to install."""
    if not _said["no_font"]:
        _said["no_font"] = True
        print(i18n.gettext(NO_FONT), file=sys.stderr)


def label(en: str, zh: str | None = None) -> str:
    """The English or the Chinese label, as the chosen language asks."""
    return zh if (zh and language() == "zh") else en


def _(message: str) -> str:
    """A chart's text in the charts' language: the catalogue's translation when the charts speak
    Chinese, the English message when they do not (no CJK font: no Chinese glyphs to draw)."""
    return translated(message)


def translated(message: str) -> str:
    """``_`` for a message marked with ``N_`` where it is declared (a module's constant, a
    model's name): the catalogue extracts only literals."""
    return i18n.gettext(message) if language() == "zh" else message


# Without a CJK font, Chinese text in a chart would print warnings and draw empty boxes: the
# section numerals and the unit keep an English form, any other Chinese is left out.
NUMERALS = {"一": "I", "二": "II", "三": "III", "四": "IV"}
CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")


def ascii_fallback(text: str) -> str:
    """``text`` with Chinese put in English forms or dropped (for machines without CJK fonts)."""
    text = re.sub(r"(?<![\u4e00-\u9fff])([一二三四])(?=[.、])", lambda m: NUMERALS[m[1]], text)
    text = units.in_english(text)
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
    """A Figure that notebooks show as a PNG without pyplot (so nothing leaks between cells).

    It keeps one Agg canvas for its life, so a widget that draws into it again reuses the
    renderer and its cache of text sizes. Its layout (constrained) is worked out once for each
    arrangement of the texts around its axes and remembered (see ``layout_key``): a redraw whose
    titles, labels, tick labels and legends are those of an earlier draw gets that draw's
    positions without solving the layout again.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        FigureCanvasAgg(self)
        self.course_rect = (0, 0, 1, 1)
        self.course_title = None
        self.course_drawn = None  # what a chart drew into it, for a redraw that updates it
        self.course_parts = {}  # the artists such a redraw updates, by name

    def draw(self, renderer):
        for ax in self.axes:
            # the layout starts from where a new figure's axes stand: it depends on where it
            # starts (the number of ticks depends on an axis's length)
            ax.set_position(ax.get_subplotspec().get_position(self))
            ax.set_in_layout(True)
            for text in ax.texts:  # charts keep their notes and labels inside their axes
                text.set_in_layout(False)
        key = layout_key(self)
        known = LAYOUTS.get(key)
        if known is None:
            self.set_layout_engine("constrained", rect=self.course_rect)
            super().draw(renderer)
            LAYOUTS[key] = _positions(self)
        else:
            self.set_layout_engine("none")
            _place(self, known)
            super().draw(renderer)

    def _repr_png_(self) -> bytes:
        if cjk_font() is None:
            _drop_cjk(self)
        # One draw, then the canvas's pixels as PNG. savefig would draw twice: first without
        # rendering, for a layout engine, whose work this figure's own draw does or remembers.
        self.canvas.draw()
        buffer = io.BytesIO()
        # the bytes savefig writes; zlib level 3: as small as the default level 6 for charts, a
        # third faster to write
        imsave(
            buffer,
            self.canvas.buffer_rgba(),
            format="png",
            origin="upper",
            dpi=self.dpi,
            pil_kwargs={"compress_level": 3},
        )
        return buffer.getvalue()

    def __repr__(self) -> str:
        return f"<Figure: {self.get_suptitle()}>"


# Layouts worked out so far: layout_key(figure) -> positions of its axes and title.
LAYOUTS: dict[tuple, tuple] = {}


def _tick_labels(axis) -> tuple:
    lo, hi = sorted(axis.get_view_interval())
    ticks = [t for t in axis.get_major_locator()() if lo <= t <= hi]
    return tuple(axis.get_major_formatter().format_ticks(ticks))


def _texts_of(ax) -> tuple:
    """What of an axes takes room in the layout: its titles, axis labels, tick labels (and their
    weight: a bold label is wider) and legend. Texts inside the axes are not in the layout."""
    legend = ax.get_legend()
    return (
        tuple(ax.get_title(loc) for loc in ("left", "center", "right")),
        ax.get_xlabel(),
        ax.get_ylabel(),
        *(
            (_tick_labels(axis), tuple(t.label1.get_fontweight() for t in axis.majorTicks))
            for axis in (ax.xaxis, ax.yaxis)
        ),
        tuple(t.get_text() for t in legend.get_texts()) if legend else None,
    )


def layout_key(fig) -> tuple:
    """Everything the constrained layout of ``fig`` depends on: its size, the room kept for the
    source line, its title's height (the layout keeps room above the axes for it; its words do
    not matter, so a widget whose title alone changes keeps its layout), and the texts around
    each axes. Two draws with the same key get the same layout (the widget contract tests
    compare a redraw's pixels with a new figure's)."""
    title = fig.course_title
    height = 0.0 if title is None else title.get_window_extent(fig.canvas.get_renderer()).height
    return (
        tuple(fig.get_size_inches()),
        fig.course_rect,
        height,
        tuple(_texts_of(ax) for ax in fig.axes),
    )


def _positions(fig) -> tuple:
    title = fig.course_title.get_position() if fig.course_title is not None else None
    return tuple(ax.get_position(original=True).frozen() for ax in fig.axes), title


def _place(fig, known) -> None:
    boxes, title = known
    for ax, box in zip(fig.axes, boxes, strict=True):
        ax.set_position(box)
        ax.set_in_layout(True)  # set_position takes an axes out of the layout; keep it in
    if title is not None:
        fig.course_title.set_position(title)


# Figure sizes in inches at DPI. JupyterLab's notebook column on a 1280x720 screen shows images
# up to 844 px wide (measured in Chromium by tests/test_browser.py): no chart is wider,
# so none is scaled down and its text keeps the size the theme gives it.
COLUMN_PX = 844
WIDTH, WIDE = 7.5, 8.4  # 750 and 840 px


def figure(width: float = WIDTH, height: float = 4.2, ncols: int = 1, into=None):
    """A figure and its axes (a list of axes when ``ncols`` > 1).

    ``into``: a figure an earlier call returned (a widget's, on its previous redraw). When it has
    the same size and number of axes it is cleared and drawn into again: its canvas keeps its
    renderer, whose cache of text sizes makes the texts that do not change cost nothing.
    """
    size = (min(width, WIDE), height)
    if isinstance(into, CourseFigure) and _same_shape(into, size, ncols):
        into.course_drawn, into.course_parts = None, {}  # drawn anew: nothing to update
        for ax in into.axes:
            ax.cla()
            # cla keeps the old data limits until new data replace them, and an axvspan (x only)
            # would keep the old y range: start from no data, as a new axes does
            ax.dataLim.set(Bbox.null())
        for text in list(into.texts):
            text.remove()
        axes = into.axes
        return into, (list(axes) if ncols > 1 else axes[0])
    fig = CourseFigure(figsize=size, dpi=DPI, layout="constrained")
    axes = fig.subplots(1, ncols)
    return fig, (list(axes) if ncols > 1 else axes)


def drawn_as(fig, what) -> bool:
    """Whether ``fig`` holds the chart ``what`` (a chart's name and the shape of its data), so
    that a redraw can give its artists new data instead of drawing the chart again."""
    return isinstance(fig, CourseFigure) and fig.course_drawn == what


def clear_notes(fig) -> None:
    """Remove the source line and the note boxes, which ``finish`` and ``note_box`` add again."""
    for text in list(fig.texts):
        text.remove()
    for ax in fig.axes:
        for text in list(ax.texts):
            if text.get_bbox_patch() is not None:
                text.remove()


def _same_shape(fig, size, ncols) -> bool:
    return tuple(fig.get_size_inches()) == size and len(fig.axes) == ncols


# characters from the CJK radicals (U+2E81) up count double
WIDE_CHAR = re.compile("[\u2e81-\U0010ffff]")


def text_width(text: str) -> int:
    """A text's width in Latin characters: a CJK character counts double (the one such rule).
    Counted by a regular expression: wrapping a Chinese title measures it thousands of times."""
    return len(text) + len(WIDE_CHAR.findall(text))


def note_box(ax, note: str) -> None:
    """Say on the chart that a setting was changed or unusable (the one note box of the course)."""
    if note:
        # wrapped to the axes, not the figure (a panel of a two-panel chart is half as wide), and
        # left out of the layout: a note inside the axes must not squeeze them
        # (the panel's share of the figure before layout, as in a new figure: the same wrap
        # whether the chart is drawn anew or redrawn)
        share = min(0.6, 0.9 * ax.get_subplotspec().get_position(ax.figure).width)
        text = ax.text(
            0.5,
            0.5,
            "\n".join(_wrap(note, ax.figure, NOTE_SIZE, width_share=share)),
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=PALETTE["vermillion"],
            fontsize=NOTE_SIZE,
            bbox={"facecolor": "white", "edgecolor": PALETTE["vermillion"]},
            zorder=10,
        )
        text.set_in_layout(False)


# Chinese has no spaces: a line may break before or after a CJK character, but never before a
# closing mark (，。）》：) nor after an opening one (（《“).
CJK_CHAR = re.compile(r"[\u2e80-\u2fff\u3040-\u9fff]")
OPENING = "（《“「【"
CLOSING = "，。、；：！？）》”」】"


def _breaks(before: str, after: str) -> bool:
    if after in CLOSING or before in OPENING:
        return False
    return bool(CJK_CHAR.match(after) or after in OPENING) or bool(
        CJK_CHAR.match(before) or before in CLOSING
    )


def _pieces(paragraph: str) -> list[tuple[str, str]]:
    """The pieces a line may break between, each with what joins it to the one before: a word
    (joined by a space) or, in Chinese, a character with its punctuation (joined by nothing)."""
    pieces = []
    chinese = language() == "zh"  # an English chart wraps at spaces only, as it always has
    for n, word in enumerate(paragraph.split(" ")):
        sep, start = (" " if n else ""), 0
        for i in range(1, len(word) if chinese else 0):
            if _breaks(word[i - 1], word[i]):
                pieces.append((sep, word[start:i]))
                sep, start = "", i
        pieces.append((sep, word[start:]))
    return pieces


def _greedy(paragraph: str, width: float) -> list[str]:
    lines, line = [], ""
    for sep, piece in _pieces(paragraph):
        candidate = f"{line}{sep}{piece}".strip()
        if line and text_width(candidate) > width:
            lines.append(line)
            candidate = piece
        line = candidate
    return [*lines, line]


def _wrap(
    text: str,
    fig: Figure,
    fontsize: float,
    bold: bool = False,
    width_share: float = 1.0,
    balance: bool = False,
) -> list[str]:
    """Split text into lines that fit the figure's width (CJK characters count double).

    ``balance``: as many lines as needed, each about as long as the others (the narrowest width
    that needs no more lines), so a title never ends on a line of one word."""
    width = width_share * fig.get_figwidth() * 72 / (fontsize * (0.62 if bold else 0.56))
    lines = []
    for paragraph in text.split("\n"):
        found = _greedy(paragraph, width)
        if balance and len(found) > 1:
            narrow = max(text_width(piece) for _sep, piece in _pieces(paragraph))
            while narrow < width and len(_greedy(paragraph, narrow)) > len(found):
                narrow += 1
            found = _greedy(paragraph, narrow)
        lines += found
    return lines


def finish(
    fig: Figure,
    ax,
    title: str,
    ylabel: str,
    source: str,
    xlabel: str = "",
    horizontal: bool = False,
) -> Figure:
    """Apply the house rules: finding as title, labelled axes, source line under the chart.

    Long titles and source lines are wrapped to the figure's width, and the layout leaves room
    for them, so nothing is cut off. ``horizontal`` bars get their grid along the x axis.
    """
    if horizontal:
        for a in ax if isinstance(ax, (list, tuple)) else [ax]:
            a.grid(axis="x", visible=True)
            a.grid(axis="y", visible=False)
    height = fig.get_figheight() * 72  # points
    title_lines = _wrap(title, fig, TITLE_PT, bold=True, balance=True)
    fig.course_title = fig.suptitle("\n".join(title_lines), x=0.01, ha="left")
    if not isinstance(ax, (list, tuple)):
        if ylabel:
            ax.set_ylabel(ylabel)
        if xlabel:
            ax.set_xlabel(xlabel)
    # a module-level source (marked N_) is translated here, at draw time
    source_lines = _wrap(_("Source: {source}").format(source=translated(source)), fig, SOURCE_PT)
    fig.text(
        0.01,
        0.005,
        "\n".join(source_lines),
        fontsize=SOURCE_PT,
        color="#444444",
        ha="left",
        va="bottom",
        linespacing=1.3,
    )
    bottom = (len(source_lines) * SOURCE_PT * 1.3 + 4) / height
    fig.course_rect = (0, round(bottom, 4), 1, round(1 - bottom, 4))
    return fig


def yi_yuan_axis() -> str:
    """A money axis's label: 亿元, with its English meaning in an English chart."""
    return units.YI_YUAN if language() == "zh" else units.YI_YUAN_DEFINED


def paper_source(where: str) -> str:
    """A source line that cites the paper and where in it the numbers stand."""
    return _("{paper}, {where}; the course's calculation").format(
        paper=PAPER_SOURCE[language()], where=where
    )


theme()


def legend(ax, drop=(), **kwargs) -> None:
    """The axes' seaborn legend without the headings seaborn adds for hue and style columns."""
    pairs = [(h, t) for h, t in zip(*ax.get_legend_handles_labels()) if t not in drop]
    if pairs:
        ax.legend(*zip(*pairs), title=None, **kwargs)
