"""The thin MkDocs layer: hooks and mkdocs-macros variables that wire the other packages in."""
