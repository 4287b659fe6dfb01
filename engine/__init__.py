"""The portal engine: content model and loading, site pages, handouts, MkDocs glue, command line.

Packages, with imports flowing one way (content ← site ← handouts ← glue, cli):
`content` (model, programme data, loading and checks), `site` (generated pages, navigation,
publishing), `handouts` (print HTML and PDFs), `glue` (the thin MkDocs layer).
"""
