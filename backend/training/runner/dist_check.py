"""Pre-flight check of a distributed setup: `mlx.launch ... -- python -m backend.training.runner.dist_check [PATH...]`.

Each rank joins the group, all-reduces a one, and prints ONE JSON line (the studio parses it from the
launcher's merged output): its rank, the world size, the sum (= world size when every rank took
part), its host name and interpreter, and which of the given paths it cannot see.
"""

import json
import os
import socket
import sys


def main() -> int:
    import mlx.core as mx

    group = mx.distributed.init()
    missing = [p for p in sys.argv[1:] if not os.path.exists(p)]
    total = mx.distributed.all_sum(mx.ones(1), stream=mx.cpu)
    total.item()  # forces the all-reduce
    print(json.dumps({"studio_check": True, "rank": group.rank(), "world": group.size(),
                      "sum": int(total.item()), "hostname": socket.gethostname(),
                      "python": sys.executable, "mlx": mx.__version__, "missing": missing}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
