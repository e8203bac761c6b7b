"""What each `netjournal` command does; cli.py only parses arguments and dispatches here."""
