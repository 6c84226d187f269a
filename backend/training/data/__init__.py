"""Dataset intake parts: sources (reading files and folders), formats (row detection and conversion to
mlx-lm rows), stats (what a tokenizer makes of them). `backend.training.datasets` puts them together."""
