"""``python -m jobpulse`` is the ``extract`` command."""

from jobpulse.cli import cli

cli()
