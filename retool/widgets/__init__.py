"""Thin ipywidgets wrappers: widget -> models/rebuild -> plots (one module per lesson topic).

Each module has ``view(**settings) -> (Figure, sentence)``, the pure redraw that tests and the
benchmark call, and ``explorer()``, which returns the widget a lesson displays."""
