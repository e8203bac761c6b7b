"""netjournal: a keyboard-driven journal for people who network on purpose."""

__version__ = "0.1.0"
