"""Training: starting runs (launch), supervising them (jobs, monitor), their data and YAML.

Imports nothing from FastAPI, so the runner modules under `runner/` start light.
"""
