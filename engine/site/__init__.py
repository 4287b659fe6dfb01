"""The site: generated Markdown pages, navigation, page addresses and safe publishing; pure, no MkDocs."""
