"""The contact directory: offices and organisations, by kind, topic and place."""
