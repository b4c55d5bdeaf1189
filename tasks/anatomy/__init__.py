"""Page-anatomy (cleaning) stage. See docs/anatomy.md."""
from .core import Signals, chrome_key, read_anatomy, unaccounted_lines

__all__ = ["read_anatomy", "unaccounted_lines", "chrome_key", "Signals"]
