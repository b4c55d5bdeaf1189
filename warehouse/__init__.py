"""The warehouse DDL (schema.sql, views/*.sql) as package data: tasks/store.py reads it with
importlib.resources, so an installed wheel creates the warehouse without the source tree."""
