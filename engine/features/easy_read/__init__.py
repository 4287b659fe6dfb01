"""Leichte Sprache: for every module „Das Wichtigste in Leichter Sprache“, a page and a large-print PDF, with checks."""
