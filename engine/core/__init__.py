"""The content model, the programme data, and reading and checking the sources; imports nothing else of the engine."""
