"""Old name of tasks/records.py, kept while modules on other branches still import it.

Transitional: once no module imports `tasks.model` (grep -rn "tasks.model"), delete this file.
"""
from tasks.records import (Anatomy, DocumentRef, Facts, Indicator, Person, Quarantined, RawPage,
                           Segment, SourceFile)

__all__ = ["Anatomy", "DocumentRef", "Facts", "Indicator", "Person", "Quarantined", "RawPage",
           "Segment", "SourceFile"]
