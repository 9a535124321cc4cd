"""Thin views: they call selectors and services and render; no queries are built here."""
