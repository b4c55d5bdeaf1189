"""The Great Expectations suites (*.json, one per table) as package data: tasks/quality.py reads
them with importlib.resources, so an installed wheel validates without the source tree."""
