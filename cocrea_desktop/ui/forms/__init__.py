"""Generated from the top-level ui/*.ui files; never edit by hand."""
