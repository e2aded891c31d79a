"""Kyoto Desk: compare, annotate and brief on UN declarations."""

__version__ = "0.1.0"
APP_NAME = "Kyoto Desk"
