"""Lessons and solutions as text (``python -m retool notebooks``) and widgets' stills.

The normalisation keeps content only and is stable; a pair edited on either side syncs, keeping
the outputs of unchanged code cells; ``--check`` names what is stale; a widget's still is its
default chart with the run line, the same bytes every time.
"""

from __future__ import annotations

import base64
import io
import os
import shutil

import nbformat
import pytest
from conftest import ROOT
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from retool import notebooks
from retool.still import QUIZ_HINT, RUN_HINT, questions_html, still_png, with_still

PNG = b"\x89PNG\r\n\x1a\n"


def _executed_notebook():
    view = new_output(
        "execute_result",
        data={
            "text/plain": "VBox(children=(...))",
            "image/png": "iVBORw0KGgo=",
            notebooks.WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0},
        },
        execution_count=2,
    )
    cells = [
        new_markdown_cell("# Title\n\nOne sentence."),
        new_code_cell(
            "# NBVAL_CHECK_OUTPUT\nprint('a')\nprint('b')",
            execution_count=1,
            outputs=[
                new_output("stream", name="stdout", text="a\n"),
                new_output("stream", name="stdout", text="b\n"),
            ],
            metadata={"execution": {"iopub.status.busy": "2026-01-01"}, "scrolled": True},
        ),
        new_code_cell(
            "# NBVAL_IGNORE_OUTPUT\nexplore.explorer()", execution_count=2, outputs=[view]
        ),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python", "version": "3.11.9", "pygments_lexer": "ipython3"},
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}},
        "retool": {"exercise": "ex00_start"},
    }
    return nb


def test_normalise_keeps_content_only():
    nb = notebooks.normalise(_executed_notebook())
    assert set(nb.metadata) == {"kernelspec", "language_info", "retool"}
    assert nb.metadata["language_info"] == {"name": "python", "pygments_lexer": "ipython3"}
    _, check, widget = nb.cells
    assert check.source == "print('a')\nprint('b')"
    assert check.metadata == {"tags": ["nbval-check-output"]}
    assert [o["text"] for o in check.outputs] == ["a\nb\n"]  # the pieces of one print run
    assert widget.metadata == {"tags": ["nbval-ignore-output"]}
    assert set(widget.outputs[0]["data"]) == {"text/plain", "image/png"}
    nbformat.validate(nb)


def test_normalise_is_stable_and_ids_come_from_content():
    once = notebooks.notebook_text(notebooks.normalise(_executed_notebook()))
    twice = notebooks.notebook_text(notebooks.normalise(nbformat.reads(once, as_version=4)))
    assert once == twice
    other = _executed_notebook()
    for cell in other.cells:
        cell["id"] = "random-id"
    assert notebooks.notebook_text(notebooks.normalise(other)) == once
    nb = new_notebook(cells=[new_code_cell("x = 1"), new_code_cell("x = 1"), new_code_cell("y")])
    ids = [c["id"] for c in notebooks.normalise(nb).cells]
    assert len(set(ids)) == 3 and ids[1] == f"{ids[0]}-2"


def test_markers_already_tags_are_not_doubled():
    cell = new_code_cell("# NBVAL_SKIP\nx = 1", metadata={"tags": ["nbval-skip", "hide-input"]})
    notebooks.markers_to_tags(cell)
    assert cell.source == "x = 1" and cell.metadata["tags"] == ["nbval-skip", "hide-input"]
    text = new_code_cell("print('# NBVAL_SKIP is a marker')")  # only whole lines are markers
    notebooks.markers_to_tags(text)
    assert text.source == "print('# NBVAL_SKIP is a marker')" and "tags" not in text.metadata


@pytest.fixture
def course(tmp_path):
    """A course folder with one lesson notebook (executed, normalised) and jupytext's config."""
    shutil.copy(ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    (tmp_path / "lessons").mkdir()
    (tmp_path / "solutions").mkdir()
    nb_file = tmp_path / "lessons" / "01_demo.ipynb"
    nbformat.write(_executed_notebook(), nb_file)
    return tmp_path, nb_file


def test_check_names_a_notebook_with_non_content_and_a_missing_text(course):
    root, nb_file = course
    found = notebooks.problems(root)
    assert "lessons/01_demo.ipynb holds what is not content" in found[0]
    assert "lessons/01_demo.md is missing" in found[1]
    assert notebooks.main(["--check", "--root", str(root)]) == 1
    assert notebooks.main(["--root", str(root)]) == 0
    assert notebooks.problems(root) == []
    before = {p: p.read_bytes() for p in (nb_file, nb_file.with_suffix(".md"))}
    assert notebooks.main(["--root", str(root)]) == 0  # a second run changes nothing
    assert {p: p.read_bytes() for p in before} == before
    assert ":tags: [nbval-check-output]" in nb_file.with_suffix(".md").read_text()


def _touch_later(path, than):
    stamp = than.stat().st_mtime + 5
    os.utime(path, (stamp, stamp))


def test_an_edit_of_the_text_reaches_the_notebook_with_its_outputs(course):
    root, nb_file = course
    notebooks.main(["--root", str(root)])
    md = nb_file.with_suffix(".md")
    md.write_text(md.read_text().replace("One sentence.", "One changed sentence."))
    assert "out of sync" in notebooks.problems(root)[0]
    _touch_later(md, nb_file)
    notebooks.main(["--root", str(root)])
    nb = nbformat.read(nb_file, as_version=4)
    assert nb.cells[0].source.endswith("One changed sentence.")
    assert nb.cells[1].outputs[0]["text"] == "a\nb\n" and nb.cells[1].execution_count == 1
    assert nb.cells[1].metadata["tags"] == ["nbval-check-output"]
    assert notebooks.problems(root) == []


def test_an_edited_code_cell_loses_its_old_outputs(course):
    root, nb_file = course
    notebooks.main(["--root", str(root)])
    md = nb_file.with_suffix(".md")
    md.write_text(md.read_text().replace("print('b')", "print('c')"))
    _touch_later(md, nb_file)
    notebooks.main(["--root", str(root)])
    cell = nbformat.read(nb_file, as_version=4).cells[1]
    assert cell.source == "print('a')\nprint('c')"
    assert cell.outputs == [] and cell.execution_count is None  # the hygiene test asks for a run


def test_an_edit_of_the_notebook_reaches_the_text(course):
    root, nb_file = course
    notebooks.main(["--root", str(root)])
    nb = nbformat.read(nb_file, as_version=4)
    nb.cells[0].source += "\n\nA new paragraph."
    nbformat.write(nb, nb_file)
    _touch_later(nb_file, nb_file.with_suffix(".md"))
    notebooks.main(["--root", str(root)])
    assert "A new paragraph." in nb_file.with_suffix(".md").read_text()
    # --from names the side whatever the file times say
    md = nb_file.with_suffix(".md")
    md.write_text(md.read_text().replace("A new paragraph.", "From the text."))
    _touch_later(nb_file, md)
    notebooks.main(["--root", str(root), "--from", "text"])
    assert "From the text." in nbformat.read(nb_file, as_version=4).cells[0].source


def test_exercises_are_not_paired():
    assert all(p.parent.name in notebooks.FOLDERS for p in notebooks.paired_notebooks(ROOT))
    assert not list((ROOT / "exercises").glob("*.md"))


# --- the still a widget shows before it runs ------------------------------------------------------


def test_a_widget_displays_its_default_chart_not_its_repr():
    from retool.widgets import scale

    box = scale.explorer()
    data = box._repr_mimebundle_()
    assert data["text/plain"] == RUN_HINT
    png = base64.b64decode(data["image/png"])
    assert png.startswith(PNG)
    assert notebooks.WIDGET_VIEW in data  # a running JupyterLab still shows the live widget
    fig, _ = scale.view()
    assert png == still_png(fig)  # the default chart, the same bytes every time


def test_the_still_is_the_same_bytes_for_the_same_chart_and_leaves_the_figure_alone():
    from retool.widgets import wear

    fig, _ = wear.view()
    texts = [t.get_text() for t in fig.texts]
    first = still_png(fig)
    assert [t.get_text() for t in fig.texts] == texts
    # a two-panel chart's constrained layout moves a little at each draw, so compare two
    # fresh figures, as two executions of a lesson make them
    assert still_png(wear.view()[0]) == first
    assert b"Software" not in first  # no version stamp in the bytes


def _still_chart(png: bytes, height: int):
    """The chart part of a still: its last ``height`` rows (the hint's band is on top)."""
    import numpy as np
    from PIL import Image

    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    return image[-height:]


def test_the_still_shows_what_savefig_draws_even_after_a_change():
    """The still reuses the pixels of the figure's last draw (the explorer's display has just
    drawn it): they are savefig's; a figure changed since its last draw is drawn again."""
    import numpy as np
    from PIL import Image

    from retool.widgets import scale

    def saved(fig):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=fig.dpi)
        return np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))

    fig, _ = scale.view()
    fig._repr_png_()  # drawn, as for the explorer's display
    expected = saved(fig)
    assert np.array_equal(_still_chart(still_png(fig), expected.shape[0]), expected)
    fig.axes[0].set_title("changed after the last draw")
    png = still_png(fig)  # before savefig, which would draw the change itself
    expected = saved(fig)
    assert np.array_equal(_still_chart(png, expected.shape[0]), expected)


def test_a_quiz_displays_its_questions_as_text():
    from retool.exercises.quiz07_chain import chain_quiz
    from retool.widgets import quiz_widget

    questions = chain_quiz()
    data = quiz_widget(questions)._repr_mimebundle_()
    assert data["text/plain"] == QUIZ_HINT
    assert questions[0].prompt.split()[0] in data["text/html"]
    assert data["text/html"].count("<li>") == sum(len(q.options) for q in questions)
    assert "<script" not in questions_html(questions)


def test_with_still_keeps_the_widgets_own_bundle():
    import ipywidgets as w

    box = with_still(w.VBox([w.Label("x")]), text_html="<p>still</p>")
    data = box._repr_mimebundle_()
    assert data[notebooks.WIDGET_VIEW]["model_id"] == box.model_id
    assert "image/png" not in data and data["text/html"].endswith("<p>still</p>")


def test_execute_refuses_a_notebook_that_has_no_text_twin(course, capsys):
    root, _ = course
    (root / "exercises").mkdir()
    stray = root / "exercises" / "01_demo_exercises.ipynb"
    nbformat.write(new_notebook(), stray)
    assert notebooks.main(["--root", str(root), "--execute", str(stray)]) == 2
    assert "not a lesson or solution notebook" in capsys.readouterr().err
    assert not stray.with_suffix(".md").exists()


def test_an_objects_memory_address_is_no_content():
    # a pandas Styler shows '<... Styler at 0x7f...>' as its plain text: another address on
    # every run, so a re-run without changes would change the committed notebook
    nb = new_notebook(cells=[new_code_cell("t.style")])
    nb.cells[0].outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={
                "text/html": "<table></table>",
                "text/plain": "<pandas.io.formats.style.Styler at 0x7f4a1af46cd0>",
            },
            execution_count=1,
        )
    ]
    (out,) = notebooks.normalise(nb).cells[0].outputs
    assert out["data"]["text/plain"] == "<pandas.io.formats.style.Styler>"
    assert out["data"]["text/html"] == "<table></table>"
