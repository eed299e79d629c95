"""The smile curve: where value is added along the chain (lesson 07, the paper's 二.4 and 三.2).

This is the course's own illustration, not the paper's data: the paper prints no numbers on the
value chain. It says that weak R&D and design lock many Chinese firms into the low-value links of
the chain, assembling for multinationals (二.4), and that the leaders of advanced manufacturing
earn far more than the making of physical products does (三.2). The "smile curve" (after Stan
Shih of Acer, early 1990s) draws that claim: value added is high at both ends of the chain
(R&D and design; marketing and service) and lowest in the middle (assembly).

Assumed shape. The seven stages sit at equal steps along the chain, ``u`` running from -1 (R&D)
through 0 (assembly) to +1 (service). The value added at a stage is

    v(u) = 1 + (depth - 1) * u**2

so assembly adds 1 and each end adds ``depth`` times as much; ``depth = 1`` is a flat chain
(every stage adds the same), ``depth < 1`` a "frown" (assembly adds most). A firm's share of the
chain's value is the sum of ``v`` over its stages divided by the sum over all seven.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from .. import i18n
from ..i18n import _, lazy
from ..params import Param, Spec, number_in_range
from ..wording import pick

# Stage key -> (Chinese, English), in the order of the chain.
STAGES = {
    "rd": ("研发", "R&D"),
    "design": ("设计", "design"),
    "components": ("零部件", "components"),
    "assembly": ("组装", "assembly"),
    "logistics": ("物流", "logistics"),
    "marketing": ("营销", "marketing"),
    "service": ("服务", "service"),
}

PARAMS = Spec(
    Param(
        "stages",
        lazy("The firm's stages"),
        "",
        # an original-equipment manufacturer that assembles for others (二.4: 仅仅为跨国公司做代工)
        ("assembly",),
        lazy("the paper's Chinese firm assembles for multinationals (二.4)"),
        options=lambda: {key: pick(en, zh) for key, (zh, en) in STAGES.items()},
        kind="choices",
    ),
    Param(
        "depth",
        lazy("Depth of the smile (ends ÷ assembly)"),
        "",
        3.0,
        lazy(
            "an assumption for illustration (no number in the paper): the two ends together add "
            "several times what assembly adds, as 获取比物质产品生产多得多的利润 suggests"
        ),
        low=0.0,
        high=6.0,
        step=0.25,
        fmt=".2f",
        extra_probes=(1.0,),
    ),
)
DEFAULT_DEPTH = PARAMS["depth"].default
DEFAULT_FIRM = PARAMS["stages"].default


def positions() -> pd.Series:
    """Each stage's place along the chain, from -1 (R&D) through 0 (assembly) to +1 (service)."""
    n = len(STAGES)
    return pd.Series([2 * i / (n - 1) - 1 for i in range(n)], index=list(STAGES), name="u")


def check_depth(depth) -> str:
    """'' if ``depth`` is usable, else a sentence saying what is wrong."""
    d, why = number_in_range(depth, *PARAMS["depth"].bounds())
    if not why:
        return ""
    if d != d:  # not a (finite) number
        return _("the depth {value} {why}").format(value=repr(depth), why=why)
    if float(depth) < 0:
        return _("a depth of {value} would make the ends of the chain add negative value").format(
            value=f"{float(depth):g}"
        )
    return _("a depth of {value} lies beyond the course's range (up to {high})").format(
        value=f"{float(depth):g}", high=f"{d:g}"
    )


def value_added(depth: float = DEFAULT_DEPTH) -> pd.Series:
    """Value added at each stage, relative to assembly (= 1), under the assumed smile."""
    problem = check_depth(depth)
    if problem:
        raise ValueError(problem)
    u = positions()
    return (1 + (float(depth) - 1) * u**2).rename("value added (assembly = 1)")


def shares_pct(depth: float = DEFAULT_DEPTH) -> pd.Series:
    """Each stage's share of the chain's value added, percent (sums to 100)."""
    v = value_added(depth)
    return (v / v.sum() * 100).rename("share of value added (%)")


def clean_stages(stages) -> tuple[str, ...]:
    """The firm's stages as known keys in chain order; accepts keys or English/Chinese labels."""
    if stages is None:
        return ()
    if isinstance(stages, str):
        stages = [stages]
    lookup = {}
    for key, (zh, en) in STAGES.items():
        lookup[key] = key
        lookup[en.lower()] = key
        lookup[zh] = key
    wanted = {lookup.get(str(s).strip().lower(), lookup.get(str(s).strip())) for s in stages}
    return tuple(k for k in STAGES if k in wanted)


def unknown_stages(stages) -> list[str]:
    """The items of ``stages`` that name no stage of the chain."""
    if stages is None:
        return []
    if isinstance(stages, str):
        stages = [stages]
    return [str(s) for s in stages if not clean_stages([s])]


def captured_pct(stages: Iterable[str] = DEFAULT_FIRM, depth: float = DEFAULT_DEPTH) -> float:
    """The share of the chain's value added captured by a firm doing ``stages``, percent."""
    keys = clean_stages(stages)
    return float(shares_pct(depth).loc[list(keys)].sum()) if keys else 0.0


def flat_share_pct(stages: Iterable[str] = DEFAULT_FIRM) -> float:
    """The share the same stages would capture if every stage added the same (depth 1)."""
    return 100 * len(clean_stages(stages)) / len(STAGES)


def stage_names(stages, lang: str = "en") -> str:
    """'R&D, design and assembly' (or the Chinese names joined with 、)."""
    keys = clean_stages(stages)
    if lang == "zh":
        return "、".join(STAGES[k][0] for k in keys)
    names = [STAGES[k][1] for k in keys]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def describe(stages: Iterable[str] = DEFAULT_FIRM, depth: float = DEFAULT_DEPTH) -> str:
    """One sentence: what share of the value the firm captures, against a flat chain."""
    problem = check_depth(depth)
    if problem:
        return _("No result: {problem}; choose a depth of 0 or more (1 = a flat chain).").format(
            problem=problem
        )
    keys = clean_stages(stages)
    if not keys:
        return _("The firm does no stage of the chain, so it captures none of the value added.")
    share = captured_pct(keys, depth)
    flat = flat_share_pct(keys)
    who = stage_names(keys, i18n.language())
    n = len(keys)
    if n == len(STAGES):
        return _(
            "A firm doing all {n} stages captures the whole chain's value added (100%)."
        ).format(n=n)
    fields = {"n": n, "total": len(STAGES), "stages": who, "share": f"{share:.1f}%"}
    if math.isclose(share, flat, abs_tol=0.05):
        return _(
            "A firm doing {n} of the {total} stages ({stages}) captures {share} of the value "
            "added, the same as on a flat chain: with this shape its stages add the average."
        ).format(**fields)
    more = (
        _(
            "A firm doing {n} of the {total} stages ({stages}) captures {share} of the value "
            "added, more than the {flat} it would get if every stage added the same (ends add "
            "{depth}× as much as assembly)."
        )
        if share > flat
        else _(
            "A firm doing {n} of the {total} stages ({stages}) captures {share} of the value "
            "added, less than the {flat} it would get if every stage added the same (ends add "
            "{depth}× as much as assembly)."
        )
    )
    return more.format(**fields, flat=f"{flat:.1f}%", depth=f"{float(depth):g}")
