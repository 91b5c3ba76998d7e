"""Adapters that plug boilerstrip into other pipelines (each needs that pipeline installed)."""
