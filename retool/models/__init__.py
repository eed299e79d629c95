"""Teaching models behind the widgets: pure functions, no widgets (one module per lesson topic)."""
