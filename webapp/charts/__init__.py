"""Plotly figures built by plain functions, grouped by the page that shows them."""
