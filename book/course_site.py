"""Sphinx extension for the course website: drop what Jupyter Book adds but the site never uses.

Jupyter Book 1 always loads sphinx-thebe (live code cells from a Binder, fetched from a CDN when
a reader asks). The site launches notebooks in JupyterLab instead, so thebe's scripts are left
out: they point at another host, and their configuration is added twice, a console error. It
also names the theme's unnamed table-of-contents toggles (an accessibility violation), and
_templates/ fixes two of its buttons.
"""

from __future__ import annotations

from pathlib import Path


def _is_thebe(script) -> bool:
    body = script.attributes.get("body", "") if hasattr(script, "attributes") else ""
    return "thebe" in str(script.filename or "") or "THEBE_JS_URL" in body


def drop_thebe(app, pagename, templatename, context, doctree):
    context["script_files"] = [s for s in context.get("script_files", []) if not _is_thebe(s)]


# The theme's chevron that opens a part of the table of contents has no name of its own.
TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
NAMED_TOGGLE = (
    '<summary aria-label="Show or hide this part"><span class="toctree-toggle" role="presentation">'
)


# sphinx-togglebutton names its "Show code cell source" toggles otherwise than their visible text.
HIDDEN = '<summary aria-label="Toggle hidden content">'


def name_toggles(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text.replace(TOGGLE, NAMED_TOGGLE).replace(HIDDEN, "<summary>")
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", drop_thebe, priority=900)
    app.connect("build-finished", name_toggles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
