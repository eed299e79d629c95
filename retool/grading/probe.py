"""The answer probe: runs inside a submission's kernel and returns its answers as JSON text.

The grader loads this file by path in the kernel after every cell (``runpy.run_path``, so nothing
of the course has to be importable there) and evaluates ``answers(names, limit)`` as a
``user_expressions`` entry of an execute request; the JSON text comes back in the reply to that
request. Only numbers, text, containers, NumPy arrays and scalars, pandas Series and DataFrames,
Decimal and Fraction are encoded; anything else is named, not read. Methods of the learner's
objects are never called (``int.__int__``, ``str.__str__``, ``list.__iter__`` on subclasses).

Whatever comes back is what the learner's kernel claims: the grader checks it outside the kernel
with the real checks, so a forged reply can earn only what assigning those values would earn.
This file uses the standard library only; it imports nothing from the course.
"""

from __future__ import annotations

import json
import math
import sys


class Unsupported(Exception):
    """A value the grader does not read (its reason is shown to the instructor)."""


def _number(x: float):
    return x if math.isfinite(x) else {"__kind__": "float", "value": repr(x)}


def _sized(x, what: str, limit: int):
    if len(x) > limit:
        raise Unsupported(f"a {what} of {len(x)} values, too large to grade")


def encode(x, budget: list, limit: int, depth: int = 0):
    """A JSON-ready form of ``x``; ``budget`` is a one-item list of values still allowed."""
    budget[0] -= 1
    if budget[0] < 0:
        raise Unsupported("too large to grade")
    if depth > 30:
        raise Unsupported("nested too deeply to grade")
    t = type(x)
    module = getattr(t, "__module__", "") or ""
    if x is None or t is bool:
        return x
    if x is Ellipsis:
        return {"__kind__": "ellipsis"}
    if isinstance(x, bool):
        return bool(x)
    if isinstance(x, int):
        x = int.__int__(x)
        if abs(x) < 2**63:
            return x
        try:
            return {"__kind__": "bigint", "digits": str(x)}
        except ValueError:
            raise Unsupported("a number too large to grade") from None
    if isinstance(x, float):
        return _number(float.__float__(x))
    if isinstance(x, str):
        x = str.__str__(x)
        if len(x) > 200_000:
            raise Unsupported(f"a text of {len(x)} characters, too long to grade")
        return x
    if isinstance(x, complex):
        return {"__kind__": "complex", "real": _number(x.real), "imag": _number(x.imag)}
    if isinstance(x, (bytes, bytearray)):
        if len(x) > 100_000:
            raise Unsupported("bytes too long to grade")
        return {"__kind__": "bytes", "hex": bytes(x).hex()}
    if module.startswith("numpy"):
        return _numpy(x, t, budget, limit, depth)
    if module.startswith("pandas") and t.__name__ in {"Series", "DataFrame"}:
        return _pandas(x, t, budget, limit, depth)
    if t.__name__ == "Decimal" and module == "decimal":
        return {"__kind__": "decimal", "value": str(x)}
    if t.__name__ == "Fraction" and module == "fractions":
        return {"__kind__": "fraction", "value": f"{x.numerator}/{x.denominator}"}
    return _container(x, t, budget, limit, depth)


def _numpy(x, t, budget, limit, depth):
    if t.__name__ == "ndarray":
        if x.size > limit:
            raise Unsupported(f"an array of {x.size} values, too large to grade")
        return {"__kind__": "ndarray", "data": encode(x.tolist(), budget, limit, depth + 1)}
    if getattr(x, "ndim", None) == 0 and hasattr(x, "item"):
        return encode(x.item(), budget, limit, depth + 1)
    raise Unsupported(f"a {t.__name__}")


def _pandas(x, t, budget, limit, depth):
    def enc(v):
        return encode(v, budget, limit, depth + 1)

    if t.__name__ == "Series":
        _sized(x, "Series", limit)
        try:
            name = enc(x.name)
        except Exception:
            name = None
        return {
            "__kind__": "series",
            "index": [enc(i) for i in x.index.tolist()],
            "values": [enc(v) for v in x.tolist()],
            "name": name,
        }
    if x.size > limit:
        raise Unsupported(f"a DataFrame of {x.size} values, too large to grade")
    return {
        "__kind__": "dataframe",
        "columns": [enc(c) for c in x.columns.tolist()],
        "index": [enc(i) for i in x.index.tolist()],
        "rows": [[enc(v) for v in row] for row in x.values.tolist()],
    }


def _container(x, t, budget, limit, depth):
    def enc(v):
        return encode(v, budget, limit, depth + 1)

    if isinstance(x, list):
        _sized(x, "list", limit)
        return [enc(v) for v in list.__iter__(x)]
    if isinstance(x, tuple):
        _sized(x, "tuple", limit)
        return {"__kind__": "tuple", "items": [enc(v) for v in tuple.__iter__(x)]}
    if isinstance(x, (set, frozenset)):
        _sized(x, "set", limit)
        return {"__kind__": "set", "items": [enc(v) for v in x]}
    if isinstance(x, dict):
        _sized(x, "dict", limit)
        return {"__kind__": "dict", "items": [[enc(k), enc(v)] for k, v in dict.items(x)]}
    raise Unsupported(f"a {t.__name__}")


def namespace() -> dict:
    """The learner's variables: IPython's user namespace, else ``__main__``'s."""
    try:
        return get_ipython().user_ns  # noqa: F821 (defined inside IPython kernels)
    except Exception:
        return vars(sys.modules["__main__"])


def answers(names, limit: int = 200_000, ns: dict | None = None) -> str:
    """``{name: {"value": encoded} | {"error": why}}`` as JSON text, for the names defined."""
    ns = namespace() if ns is None else ns
    out = {}
    for name in names:
        if name not in ns:
            continue
        try:
            out[name] = {"value": encode(ns[name], [limit], limit)}
        except Unsupported as exc:
            out[name] = {"error": str(exc)[:200]}
        except BaseException as exc:
            out[name] = {"error": f"an answer that could not be read ({type(exc).__name__})"}
    return json.dumps(out, allow_nan=False)
