"""Typed request/response schemas shared by routers and services."""
