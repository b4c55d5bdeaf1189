"""Page-anatomy (cleaning) stage. See docs/anatomy.md."""

from .core import ALL_SIGNALS, Signals, default_classifier, read_anatomy, unaccounted_lines
from .lines import LineClassifier, chrome_key
from .rules import RuleSet, default_rules, load_rules

__all__ = [
    "read_anatomy",
    "unaccounted_lines",
    "chrome_key",
    "Signals",
    "ALL_SIGNALS",
    "default_classifier",
    "LineClassifier",
    "RuleSet",
    "default_rules",
    "load_rules",
]
