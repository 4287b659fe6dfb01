"""Deliveries (Kurstermine): dated runs of a course with place, provider and registration."""
