"""Multi-machine runs through mlx.launch: hostfiles, the launcher command, rank supervision."""
