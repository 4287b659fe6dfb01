"""The curriculum: training modules, role profiles, the qualification matrix and the glossary."""
