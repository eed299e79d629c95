"""Results that only change when data/ changes, computed once per state of data/.

A widget redraws on every move of a slider; re-reading and re-pivoting the tables (or re-running
the claims audit) each time costs more than drawing the chart. ``per_data_state`` memoises a
function of hashable arguments per state of data/ (its files' names and modification times), so
an edited CSV is picked up at the next redraw. Callers must not modify what is returned.
"""

from __future__ import annotations

from functools import lru_cache, wraps

from .. import data


def data_state() -> tuple:
    """data/'s folder and its files' names, sizes and modification times."""
    folder = data.data_dir()
    files = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob("*.*"))
    return (str(folder), *files)


def per_data_state(fn):
    """``fn`` memoised per state of data/ and arguments (which must be hashable)."""

    @lru_cache(maxsize=32)
    def cached(state, args, kwargs):
        return fn(*args, **dict(kwargs))

    @wraps(fn)
    def wrapper(*args, **kwargs):
        return cached(data_state(), args, tuple(sorted(kwargs.items())))

    wrapper.cache_clear = cached.cache_clear
    return wrapper
