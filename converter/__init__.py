"""Converts the standards bulletin's PDF text exports into Markdown pages for MkDocs."""
