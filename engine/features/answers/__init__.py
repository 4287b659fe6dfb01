"""Answers for neighbours: „Was tun, wenn …?“ in everyday words, each a page and a printable card."""
