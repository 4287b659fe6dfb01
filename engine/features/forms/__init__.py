"""Forms (Vorlagen): fillable templates for paper work, with their pages and PDFs."""
