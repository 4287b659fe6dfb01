"""The city's instruments: help paths, the network map, responsibilities, indicators, the dossier."""
