"""In-process inference (models kept loaded), base-vs-adapter evaluation, metrics and the LLM judge."""
