"""The features the engine offers: each folder owns its content kinds, checks, pages, handouts and templates."""
