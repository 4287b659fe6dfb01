"""`python -m macros …`: see `macros.cli`."""

from macros.cli import main

raise SystemExit(main())
