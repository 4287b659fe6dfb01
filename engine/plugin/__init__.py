"""The MkDocs plugin `portal`: its typed settings, the build events, and the pages' macros."""
