"""``python -m isocontrols.translations``: the command behind ``./run translations``."""

import os
import sys

from isocontrols.translations.cli import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:  # the listing piped into `head`: stop quietly, as other commands do
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 1
sys.exit(code)
