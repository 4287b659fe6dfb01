"""Printable handouts: print HTML from the same content, PDFs with WeasyPrint, cache and parallel rendering."""
