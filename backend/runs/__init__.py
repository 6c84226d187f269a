"""A run's records: its directory layout, the SQLite store, the event log and hub, sessions."""
