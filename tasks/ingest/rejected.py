"""Why ingest refuses a file: the reason codes a Quarantined from this stage can carry."""

from __future__ import annotations

REASONS = ("empty", "blank", "binary", "undecodable", "too_large", "unreadable", "vanished")


class DecodeRejected(Exception):
    """decode_bytes could not turn the bytes into trustworthy text."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
