"""`python -m netjournal` runs the same entry point as the `netjournal` command."""

from netjournal.cli import run

run()
