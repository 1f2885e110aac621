"""Build-speed work that changes no output: see plugin.py."""

from .plugin import register

__all__ = ["register"]
