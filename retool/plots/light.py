"""Light drawing helpers for charts that widgets redraw on every move of a control.

Each tick and each text costs a redraw about as much as the rest of a simple chart, so:
``key`` draws a legend's swatches and labels as plain artists (matplotlib's legend measures
and lays out every label before drawing it); call it after ``finish``, whose fixed layout gives
the axes their final size. ``trim_ticks`` keeps only the ticks inside the axes' limits (a
locator also proposes ticks beyond them, and matplotlib builds each one before dropping it).
``reuse_renderer`` lets a widget's successive figures draw with one renderer, so the sizes of
texts that do not change between redraws (axis labels, tick labels, source line) are measured
once instead of on every redraw.
"""

from __future__ import annotations

import threading

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.transforms import Bbox

_RENDERERS: dict = {}


class _SharedRendererCanvas(FigureCanvasAgg):
    """An Agg canvas drawing with one renderer per figure size, dpi and thread.

    Matplotlib caches text measurements per renderer; a new figure normally gets a new renderer,
    so every redraw measured every text again. The renderer is cleared before each draw, and
    ``savefig``/``_repr_png_`` copy the pixels out, so figures never see each other's drawing.
    """

    def get_renderer(self):
        width, height = self.figure.bbox.size
        key = (width, height, self.figure.dpi, threading.get_ident())
        renderer = _RENDERERS.get(key)
        if renderer is None:
            if len(_RENDERERS) >= 16:
                _RENDERERS.clear()
            renderer = _RENDERERS[key] = RendererAgg(width, height, self.figure.dpi)
        self.renderer = renderer
        return renderer


def reuse_renderer(fig):
    """Give ``fig`` a canvas that shares its renderer with earlier figures of the same size."""
    _SharedRendererCanvas(fig)  # the canvas attaches itself to the figure
    return fig


def trim_ticks(ax, axis: str = "both") -> None:
    """Fix the major ticks of ``axis`` ("x", "y" or "both") to those within the current limits.

    Call it after the limits are final (after the last plot call and set_xlim/set_ylim).
    """
    for name in ("x", "y") if axis == "both" else (axis,):
        along = getattr(ax, f"{name}axis")
        low, high = sorted(getattr(ax, f"get_{name}lim")())
        locs = np.asarray(along.get_major_locator()())
        pad = (high - low) * 1e-9
        along.set_ticks(locs[(locs >= low - pad) & (locs <= high + pad)])


def _width_pt(text: str, fontsize: float) -> float:
    """A generous estimate of a label's width (CJK characters count double)."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) * fontsize * 0.6


def key(
    ax,
    entries,
    loc: str = "lower right",
    fontsize: float = 9,
    pad: float = 0.02,
    anchor=None,
    ncols: int = 1,
):
    """Draw a key for ``entries`` = [(label, colour, kind), ...] inside (or beside) ``ax``.

    ``kind`` is "patch" (a filled square), "line" (a short line), "dashed", a line with a marker
    (a matplotlib marker such as "o" or "s"; "open o" for a hollow one), "dot" (a round marker
    edged in black, no line), or a dict of patch properties (e.g. ``{"hatch": "//", ...}``).
    ``loc`` is "lower right", "lower left", "upper right" or "upper left"; ``anchor`` (x, y in
    axes coordinates) overrides where that corner of the key sits (e.g. below the axes).
    Entries fill ``ncols`` columns, column by column (as matplotlib's legend does).
    """
    fig = ax.figure
    box: Bbox = ax.get_position()
    width_pt = box.width * fig.get_figwidth() * 72
    height_pt = box.height * fig.get_figheight() * 72
    row = fontsize * 1.6 / height_pt  # axes fraction per row
    swatch = fontsize * 1.8 / width_pt
    gap = fontsize * 0.6 / width_pt
    nrows = -(-len(entries) // ncols)
    columns = [entries[c * nrows : (c + 1) * nrows] for c in range(ncols)]
    widths = [
        swatch + gap + max((_width_pt(e[0], fontsize) for e in col), default=0) / width_pt
        for col in columns
    ]
    total = sum(widths) + gap * 2 * (ncols - 1)
    right, top = "right" in loc, "upper" in loc
    x0, y0 = anchor if anchor is not None else (1 - pad if right else pad, 1 - pad if top else pad)
    left = x0 - total if right else x0
    bottom = y0 - nrows * row if top else y0
    polys, poly_colours, hatched = [], [], []
    segments, seg_colours, seg_styles, markers = [], [], [], []
    transform = ax.transAxes
    x = left
    for c, col in enumerate(columns):
        for r, (text, colour, kind) in enumerate(col):
            yc = bottom + (nrows - r - 0.5) * row
            if kind == "dot":
                markers.append((x + swatch / 2, yc, colour, kind))
            elif isinstance(kind, str) and kind != "patch":
                segments.append([(x, yc), (x + swatch, yc)])
                seg_colours.append(colour)
                seg_styles.append("--" if kind == "dashed" else "-")
                if kind not in ("line", "dashed"):
                    markers.append((x + swatch / 2, yc, colour, kind))
            else:
                h = row * 0.55
                square = [(x, yc - h / 2), (x + swatch, yc - h / 2)]
                square += [(x + swatch, yc + h / 2), (x, yc + h / 2)]
                if isinstance(kind, dict):
                    hatched.append((square, colour, kind))
                else:
                    polys.append(square)
                    poly_colours.append(colour)
            ax.text(
                x + swatch + gap,
                yc,
                text,
                transform=transform,
                fontsize=fontsize,
                va="center_baseline",
                ha="left",
                clip_on=False,
            )
        x += widths[c] + gap * 2
    if polys:
        ax.add_collection(
            PolyCollection(
                polys, facecolors=poly_colours, linewidths=0, transform=transform, clip_on=False
            ),
            autolim=False,
        )
    for square, _colour, props in hatched:
        ax.add_collection(
            PolyCollection([square], transform=transform, clip_on=False, **props),
            autolim=False,
        )
    if segments:
        ax.add_collection(
            LineCollection(
                segments,
                colors=seg_colours,
                linestyles=seg_styles,
                linewidths=1.5 if markers else 2,
                transform=transform,
                clip_on=False,
            ),
            autolim=False,
        )
    for mx, my, colour, marker in markers:
        hollow = marker.startswith("open ")
        dot = marker == "dot"
        ax.plot(
            [mx],
            [my],
            marker="o" if dot else marker.removeprefix("open "),
            color=colour,
            markerfacecolor="white" if hollow else colour,
            markeredgecolor="black" if dot else colour,
            markersize=fontsize * 0.8 if dot else None,
            transform=transform,
            clip_on=False,
        )
    return ax
