"""`python -m kyoto_desk` is the same as `kyoto-desk`."""

import sys

from kyoto_desk.cli import main

sys.exit(main())
