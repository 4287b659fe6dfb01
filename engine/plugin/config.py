"""The settings of the `portal` plugin in `mkdocs.yml` (`plugins: - portal: {edition: internal}`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as options


class PortalConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    """What a build of the portal can be told; `./qp` passes its options through these."""

    edition = options.Choice(("public", "internal"), default="public")
    """`internal` builds the edition with everything marked internal, into `<site_dir>-intern/`."""
    handouts = options.Type(bool, default=True)
    """False builds the site without rendering or linking PDF handouts (for the benchmarks)."""
    public_url = options.Type(str, default="")
    """The portal's public address once published: handouts then print each page's address and a
    QR code. Empty: they print neither (a domain is never guessed)."""
    workers = options.Type(int, default=0)
    """Processes rendering handouts at once; 0 means one per processor core."""
