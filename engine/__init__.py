"""The portal engine: a content model declared per kind, the site's pages, the handouts, a MkDocs plugin.

`core` (problems, YAML with lines, the kinds and their registry, loading, the printer) is
imported by all and imports none of the others; `features/*` each own a kind of content with
its model, checks, pages, handouts and templates; `site` and `handouts` collect what the
features offer; `portal` names every feature; `plugin` (MkDocs) and `cli` only wire them in.
See ARCHITECTURE.md.
"""
