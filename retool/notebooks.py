"""Lessons and solutions as text: ``python -m retool notebooks`` (``make notebooks``).

Every ``lessons/NN_*.ipynb`` and ``solutions/NN_*.ipynb`` is paired, through jupytext, with a
MyST Markdown file of the same name (``.md``): the text is what reviewers read and diff, the
notebook keeps the outputs learners see. ``jupytext.toml`` at the root declares the pairing, so
that JupyterLab (with jupytext installed) opens either file and saves both.

The command, for each pair:

1. takes the cells from whichever side was edited (the newer file, or the side ``--from`` names)
   and, when the text is the source, the outputs of the notebook's unchanged cells (jupytext);
2. normalises the notebook so that it holds content only: nbval markers become cell tags
   (``# NBVAL_CHECK_OUTPUT`` -> ``nbval-check-output``), execution timings, widget state and the
   widget views whose model is gone are removed, the Python version is dropped from the
   metadata, printed text split into pieces by the kernel's timing is joined, and each cell's
   id is made from its content (the same cell, the same id);
3. writes the notebook and its text, and nothing when both are already up to date.

``--check`` writes nothing and exits 1, naming each file, when a pair is out of sync or a
notebook holds what is not content. ``--execute PATH...`` re-executes notebooks from a fresh
kernel first (``make execute`` does all of them); executing an unchanged notebook twice
changes no byte.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
import sys
from pathlib import Path

import nbformat

TEXT_FORMAT = "md:myst"
# the Chinese edition mirrors the English folders under zh/, file for file
EDITION = "zh"
ENGLISH_FOLDERS = ("lessons", "solutions")
FOLDERS = (*ENGLISH_FOLDERS, *(f"{EDITION}/{folder}" for folder in ENGLISH_FOLDERS))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# nbval's comment markers and the cell tags it reads for them
MARKERS = {
    "# NBVAL_CHECK_OUTPUT": "nbval-check-output",
    "# NBVAL_IGNORE_OUTPUT": "nbval-ignore-output",
    "# NBVAL_SKIP": "nbval-skip",
    "# NBVAL_RAISES_EXCEPTION": "raises-exception",
}
NBVAL_TAGS = frozenset(MARKERS.values())
# what the notebook's metadata keeps: how to run it, and the course's own entries
NOTEBOOK_METADATA = ("kernelspec", "language_info", "retool")
LANGUAGE_INFO = ("name", "codemirror_mode", "pygments_lexer", "file_extension", "mimetype")
# cell metadata that records a session, not content
SESSION_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled", "trusted")


def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


def paired_notebooks(root: Path | None = None) -> list[Path]:
    """The notebooks that have a text twin: ``lessons/NN_*.ipynb``, ``solutions/NN_*.ipynb`` and
    the Chinese edition's ``zh/lessons/NN_*.ipynb``, ``zh/solutions/NN_*.ipynb``."""
    root = repo_root() if root is None else Path(root)
    found: list[Path] = []
    for folder in FOLDERS:
        names = {p.stem for p in (root / folder).glob("[0-9][0-9]_*.ipynb")}
        names |= {p.stem for p in (root / folder).glob("[0-9][0-9]_*.md")}
        found += [root / folder / f"{name}.ipynb" for name in sorted(names)]
    return found


def text_path(notebook: Path) -> Path:
    return notebook.with_suffix(".md")


# --- what a committed notebook holds ------------------------------------------------------------


def markers_to_tags(cell) -> None:
    """Move nbval's comment markers (lines of their own) into the cell's tags."""
    lines = cell.source.split("\n")
    tags = list(cell.metadata.get("tags", []))
    kept = []
    for line in lines:
        tag = MARKERS.get(line.strip())
        if tag is None:
            kept.append(line)
        elif tag not in tags:
            tags.append(tag)
    if len(kept) != len(lines):
        cell.source = "\n".join(kept).strip("\n")
    if tags:
        cell.metadata["tags"] = tags


def strip_output(output) -> None:
    """Drop a widget's view (its model is not saved, so no page can show it): what the widget
    added beside it (a picture of its default chart) is what a reader sees before running."""
    data = output.get("data")
    if data and WIDGET_VIEW in data:
        del data[WIDGET_VIEW]
    plain = data.get("text/plain") if data else None
    if isinstance(plain, str) and ADDRESS.fullmatch(plain):
        # '<pandas...Styler at 0x7f...>' names a memory address that changes on every run
        data["text/plain"] = ADDRESS.sub(r"<\1>", plain)


ADDRESS = re.compile(r"<([\w.]+) at 0x[0-9a-f]+>")


def merge_streams(outputs) -> list:
    """One output per run of printed text: the kernel sends stdout in pieces whose boundaries
    depend on timing, so the same run can be stored split in different places."""
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and output.get("output_type") == "stream"
            and last.get("output_type") == "stream"
            and last.get("name") == output.get("name")
        ):
            last["text"] = _text(last["text"]) + _text(output["text"])
        else:
            merged.append(output)
    return merged


def _text(text) -> str:
    return "".join(text) if isinstance(text, list) else text


def content_ids(cells) -> None:
    """Give each cell an id made from its type and source, so that a cell keeps its id across
    runs and tools and a new cell's id never depends on chance."""
    seen: dict[str, int] = {}
    for cell in cells:
        digest = hashlib.sha256(f"{cell.cell_type}\n{cell.source}".encode()).hexdigest()[:12]
        seen[digest] = seen.get(digest, 0) + 1
        cell["id"] = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as it is committed: content only (changed in place and returned)."""
    meta = nb.metadata
    for key in list(meta):
        if key not in NOTEBOOK_METADATA:
            del meta[key]
    if "language_info" in meta:
        info = meta["language_info"]
        meta["language_info"] = {k: info[k] for k in LANGUAGE_INFO if k in info}
    for cell in nb.cells:
        for key in SESSION_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            markers_to_tags(cell)
            cell.outputs = merge_streams(cell.get("outputs", []))
            for output in cell.outputs:
                strip_output(output)
        if "attachments" in cell and not cell["attachments"]:
            del cell["attachments"]
    content_ids(nb.cells)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def output_text(cell) -> str:
    """What a code cell printed and showed as plain text, in order (its streams and the text of
    its displays and results)."""
    text = ""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            text += _text(out.get("text", ""))
        elif "data" in out:
            text += _text(out["data"].get("text/plain", ""))
    return text


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The notebook file's text, as nbformat writes it (one trailing newline)."""
    return nbformat.writes(nb) + "\n"


def markdown_text(nb: nbformat.NotebookNode, root: Path | None = None) -> str:
    """The MyST Markdown twin of a notebook."""
    import jupytext

    config = _config(root)
    return jupytext.writes(nb, fmt=TEXT_FORMAT, config=config)


def _config(root: Path | None):
    from jupytext.config import load_jupytext_config

    root = repo_root() if root is None else Path(root)
    return load_jupytext_config(str(root))


def from_text(text_file: Path, notebook: Path | None, root: Path | None = None):
    """A notebook with the text's cells and, for code cells the text did not change, the
    notebook's outputs."""
    import jupytext
    from jupytext.combine import combine_inputs_with_outputs

    source = jupytext.read(text_file, fmt=TEXT_FORMAT, config=_config(root))
    if notebook is None or not notebook.exists():
        return source
    outputs = nbformat.read(notebook, as_version=4)
    nb = combine_inputs_with_outputs(source, outputs, fmt=TEXT_FORMAT)
    for key in NOTEBOOK_METADATA:  # the text's header holds only some of them
        if key in outputs.metadata and key not in nb.metadata:
            nb.metadata[key] = outputs.metadata[key]
    # jupytext keeps an edited code cell's old outputs; they no longer belong to it, so the
    # cell is left unexecuted and the hygiene test asks for a re-execution
    before = {c.source for c in outputs.cells if c.cell_type == "code"}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source not in before:
            cell.outputs, cell.execution_count = [], None
    return nb


# --- one pair -----------------------------------------------------------------------------------


def source_side(notebook: Path, prefer: str | None = None) -> str:
    """Which file of a pair holds the cells: 'text' or 'notebook'."""
    text = text_path(notebook)
    if not text.exists():
        return "notebook"
    if not notebook.exists():
        return "text"
    if prefer:
        return prefer
    return "text" if text.stat().st_mtime > notebook.stat().st_mtime else "notebook"


def render_pair(notebook: Path, prefer: str | None = None, root: Path | None = None):
    """(notebook text, markdown text) of a pair as they should be committed."""
    if source_side(notebook, prefer) == "text":
        nb = from_text(text_path(notebook), notebook, root)
    else:
        nb = nbformat.read(notebook, as_version=4)
    normalise(nb)
    return notebook_text(nb), markdown_text(nb, root)


def problems(root: Path | None = None) -> list[str]:
    """Each notebook that is not normalised, each pair out of sync and each Chinese notebook
    whose cells differ from its English twin's (nothing is written)."""
    root = repo_root() if root is None else Path(root)
    found = [line for nb in paired_notebooks(root) for line in pair_problems(nb, root)]
    return found + edition_problems(root)


def pair_problems(notebook: Path, root: Path | None = None) -> list[str]:
    """What is wrong with one pair: a file missing, non-content kept, the text out of sync."""
    root = repo_root() if root is None else Path(root)
    name = notebook.relative_to(root).as_posix()
    if not notebook.exists():
        return [f"{name} is missing (its text twin has no notebook)"]
    found = []
    nb = nbformat.read(notebook, as_version=4)
    if notebook_text(normalise(copy.deepcopy(nb))) != notebook.read_text(encoding="utf-8"):
        found.append(f"{name} holds what is not content (timings, widget state, ids, markers)")
    text = text_path(notebook)
    if not text.exists():
        found.append(f"{text.relative_to(root).as_posix()} is missing")
    elif text.read_text(encoding="utf-8") != markdown_text(normalise(nb), root):
        found.append(f"{name} and {text.name} are out of sync")
    return found


def write_pair(notebook: Path, prefer: str | None = None, root: Path | None = None) -> list[Path]:
    """Bring a pair up to date; returns the files that changed."""
    nb_text, md_text = render_pair(notebook, prefer, root)
    changed = []
    for path, text in ((notebook, nb_text), (text_path(notebook), md_text)):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(path)
    return changed


def execute(notebook: Path, timeout: int = 180) -> None:
    """Run a notebook top to bottom in a fresh kernel, in its own folder, and save it."""
    from nbclient import NotebookClient

    from .kernels import ipc_manager

    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb,
        timeout=timeout,
        km=ipc_manager(),
        record_timing=False,
        resources={"metadata": {"path": str(notebook.parent)}},
    ).execute(cleanup_kc=True)  # the client did not start the manager, so it must be told
    notebook.write_text(notebook_text(normalise(nb)), encoding="utf-8", newline="\n")


# --- the Chinese edition: the English notebook's cells, its Markdown translated ----------------


class EditionMismatch(ValueError):
    """A Chinese notebook whose cells do not line up with its English twin's."""


def english_twin(notebook: Path, root: Path | None = None) -> Path:
    """``zh/lessons/NN_x.ipynb`` -> ``lessons/NN_x.ipynb`` (the same relative path, without zh/)."""
    root = repo_root() if root is None else Path(root)
    return root / Path(notebook).resolve().relative_to(root.resolve() / EDITION)


def edition_notebooks(root: Path | None = None) -> list[Path]:
    """The Chinese edition's paired notebooks that exist so far."""
    root = repo_root() if root is None else Path(root)
    return [p for p in paired_notebooks(root) if p.relative_to(root).parts[0] == EDITION]


def untranslated(root: Path | None = None) -> list[Path]:
    """English lessons and solutions that have no Chinese edition yet."""
    root = repo_root() if root is None else Path(root)
    english = [p for p in paired_notebooks(root) if p.relative_to(root).parts[0] != EDITION]
    return [p for p in english if not (root / EDITION / p.relative_to(root)).exists()]


def cells_of(notebook: Path, root: Path | None = None) -> list:
    """A notebook's cells as its text twin holds them (the notebook's when it has none)."""
    import jupytext

    text = text_path(notebook)
    if text.exists():
        return jupytext.read(text, fmt=TEXT_FORMAT, config=_config(root)).cells
    return nbformat.read(notebook, as_version=4).cells


def _tags(cell) -> list:
    return list(cell.metadata.get("tags", []))


def _first_line(cell) -> str:
    line = next((x for x in cell.source.split("\n") if x.strip()), "")
    return line if len(line) <= 60 else line[:57] + "..."


def cell_differences(english: list, chinese: list, name: str = "notebook") -> list[str]:
    """Where the Chinese cells differ from the English ones: a cell in one edition only, another
    kind of cell, or a code cell whose source or nbval tags differ (one line each, naming the
    notebook and the cell, counted from 1)."""
    found = []
    for number, (en, zh) in enumerate(zip(english, chinese), start=1):
        where = f"{name}, cell {number}"
        if en.cell_type != zh.cell_type:
            found.append(f"{where} is {zh.cell_type} in Chinese, {en.cell_type} in English")
        elif en.cell_type == "code" and en.source != zh.source:
            found.append(f"{where}: the code differs from English ({_first_line(en)!r})")
        elif en.cell_type == "code" and _tags(en) != _tags(zh):
            found.append(f"{where}: the tags differ ({_tags(zh)} in Chinese, {_tags(en)})")
    for number in range(len(chinese) + 1, len(english) + 1):
        cell = english[number - 1]
        found.append(
            f"{name}, cell {number} ({cell.cell_type}: {_first_line(cell)!r}) is in English only"
        )
    for number in range(len(english) + 1, len(chinese) + 1):
        cell = chinese[number - 1]
        found.append(
            f"{name}, cell {number} ({cell.cell_type}: {_first_line(cell)!r}) is in Chinese only"
        )
    return found


def edition_problems(root: Path | None = None) -> list[str]:
    """Every Chinese notebook whose cells do not match its English twin's."""
    root = repo_root() if root is None else Path(root)
    found = []
    for notebook in edition_notebooks(root):
        name = notebook.relative_to(root).as_posix()
        twin = english_twin(notebook, root)
        if not twin.exists() and not text_path(twin).exists():
            found.append(f"{name} has no English twin {twin.relative_to(root).as_posix()}")
            continue
        found += cell_differences(cells_of(twin, root), cells_of(notebook, root), name)
    return found


def sync_code(notebook: Path, root: Path | None = None) -> bool:
    """Copy every code cell of the English twin into the Chinese notebook's text, in place.

    Refuses (EditionMismatch, naming the cell) when the two do not have the same cells in the
    same order and kinds: a cell added or removed on one side has to be translated by hand.
    Returns whether the Chinese text changed (its notebook then needs executing again)."""
    import jupytext

    root = repo_root() if root is None else Path(root)
    name = notebook.relative_to(root).as_posix()
    twin = english_twin(notebook, root)
    if not twin.exists() and not text_path(twin).exists():
        raise EditionMismatch(f"{name} has no English twin {twin.relative_to(root).as_posix()}")
    english, text = cells_of(twin, root), text_path(notebook)
    chinese = jupytext.read(text, fmt=TEXT_FORMAT, config=_config(root))
    shape = [
        line
        for line in cell_differences(english, chinese.cells, name)
        if "code differs" not in line and "tags differ" not in line
    ]
    if shape:
        raise EditionMismatch(
            "; ".join(shape) + f" (the cells of {name} must match "
            f"{twin.relative_to(root).as_posix()} one for one before code can be copied)"
        )
    for en, zh in zip(english, chinese.cells):
        if en.cell_type == "code":
            zh.source = en.source
            zh.metadata = copy.deepcopy(en.metadata)
    new_text = jupytext.writes(chinese, fmt=TEXT_FORMAT, config=_config(root))
    if new_text == text.read_text(encoding="utf-8"):
        return False
    text.write_text(new_text, encoding="utf-8", newline="\n")
    write_pair(notebook, "text", root)
    return True


# --- command line -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m retool notebooks",
        description="Pair lessons/ and solutions/ notebooks (and the Chinese edition's, under "
        "zh/) with their MyST Markdown text, and keep only content in the notebooks.",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument(
        "--from",
        dest="prefer",
        choices=("text", "notebook"),
        default=None,
        help="take the cells from this side of every pair (default: the newer file)",
    )
    parser.add_argument(
        "--execute",
        nargs="*",
        type=Path,
        default=None,
        metavar="NOTEBOOK",
        help="re-execute these notebooks first (no names: every paired notebook)",
    )
    parser.add_argument(
        "--sync-code",
        action="store_true",
        help="copy every code cell of the English notebooks into their Chinese editions "
        "(zh/); refuses, naming the cell, where the cells do not line up",
    )
    parser.add_argument("--root", type=Path, default=None, help="the course folder")
    args = parser.parse_args(argv)
    root = repo_root() if args.root is None else args.root.resolve()
    if args.check:
        found = problems(root)
        for line in found:
            print(line, file=sys.stderr)
        if found:
            print("run `python -m retool notebooks` (make notebooks) to fix", file=sys.stderr)
            return 1
        print(
            f"{len(paired_notebooks(root))} notebooks and their text are in sync, "
            f"the Chinese edition's cells match the English ones"
        )
        return 0
    notebooks = paired_notebooks(root)
    chosen = [p.resolve() for p in args.execute or []]
    strays = [p for p in chosen if p not in {nb.resolve() for nb in notebooks}]
    if strays:
        names = ", ".join(str(p) for p in strays)
        print(f"not a lesson or solution notebook: {names}", file=sys.stderr)
        return 2
    for notebook in notebooks:
        for path in write_pair(notebook, args.prefer, root):
            print(f"wrote {path.relative_to(root).as_posix()}")
    if args.sync_code and not _sync_all(root):
        return 1
    if args.execute is not None:
        for notebook in chosen or notebooks:
            print(f"executing {notebook.relative_to(root).as_posix()}", flush=True)
            execute(notebook)
            write_pair(notebook, "notebook", root)
    return 0


def _sync_all(root: Path) -> bool:
    """``--sync-code`` over every Chinese notebook; False when one of them refused."""
    ok = True
    for notebook in edition_notebooks(root):
        name = notebook.relative_to(root).as_posix()
        try:
            changed = sync_code(notebook, root)
        except EditionMismatch as error:
            print(f"not copied: {error}", file=sys.stderr)
            ok = False
            continue
        if changed:
            print(f"copied the English code into {name}: re-execute it (--execute {name})")
    return ok
