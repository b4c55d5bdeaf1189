"""bantin stage functions: plain Python, no Prefect import (flows/ wires them)."""
