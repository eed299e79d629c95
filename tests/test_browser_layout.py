"""The chart stays put under a dragged slider, and is shown at its own size, on a 1280x720 screen.

For every lesson whose widgets have a slider: run it in JupyterLab in Chromium at 1280x720, then
move each slider once to an end of its range (a keyboard press, as ``test_browser`` does) and
check that the chart's top edge has not moved relative to its widget (the sentence, whose length
changes, sits under the chart), and that every chart is drawn at its own pixel width: the notebook
column is wide enough for it, so the browser does not scale its text down.
"""

from __future__ import annotations

import json

import browser_helpers as bh
import pytest
from test_browser import browser, lab, page  # noqa: F401  (the fixtures: one JupyterLab, one Chromium)

pytestmark = pytest.mark.browser

SLIDER_MODELS = (
    "FloatSliderModel",
    "IntSliderModel",
    "FloatRangeSliderModel",
    "IntRangeSliderModel",
)


def _has_slider(notebook) -> bool:
    state = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
    text = json.dumps(state.get("widgets", {}))
    return any(model in text for model in SLIDER_MODELS)


LESSONS = [p for p in bh.lessons() if _has_slider(p)]

CHART_JS = """
area => {
  const img = area.querySelector('.widget-output img, .jupyter-widgets-output-area img');
  if (!img) return null;
  const r = img.getBoundingClientRect(), a = area.getBoundingClientRect();
  return {top: r.top - a.top, shown: r.width, own: img.naturalWidth,
          column: area.getBoundingClientRect().width};
}
"""

SLIDERS = ".widget-slider:not(.mod-disabled), .widget-hslider:not(.mod-disabled)"


@pytest.mark.skipif(not LESSONS, reason="no lesson with a slider")
@pytest.mark.parametrize("notebook", LESSONS, ids=[p.stem for p in LESSONS])
def test_the_chart_stays_put_and_unscaled(page, lab, notebook):  # noqa: F811
    page.set_viewport_size({"width": 1280, "height": 720})
    bh.open_notebook(page, lab, f"lessons/{notebook.name}")
    bh.run_all(page)
    problems = []
    areas = bh.widget_areas(page)
    for i in range(areas.count()):
        area = areas.nth(i)
        sliders = area.locator(SLIDERS)
        chart = area.evaluate(CHART_JS)
        if chart is None or not sliders.count():
            continue
        for k in range(sliders.count()):
            control = sliders.nth(k)
            control.scroll_into_view_if_needed()
            handle = control.locator(".noUi-handle").last
            at_end = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            key = "Home" if at_end else "End"
            move = bh._act(
                page,
                area,
                control,
                bh._label(control),
                key,
                lambda h=handle, key=key: (h.focus(), page.keyboard.press(key)),
            )
            after = area.evaluate(CHART_JS)
            if after is None:
                problems.append(f"widget {i + 1}, {move}: the chart disappeared")
                continue
            if abs(after["top"] - chart["top"]) > 0.5:
                problems.append(
                    f"widget {i + 1}, {move}: the chart moved from {chart['top']:.0f} to "
                    f"{after['top']:.0f} px below the widget's top"
                )
            if after["shown"] < after["own"] - 0.5:
                problems.append(
                    f"widget {i + 1}: the chart is {after['own']} px wide but shown at "
                    f"{after['shown']:.0f} px (the column is {after['column']:.0f} px)"
                )
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)
