"""Quantized models made with `mlx_lm convert -q` are described as they are: "4-bit", "3/6-bit mixed", "mxfp4".

Each is converted here from the demo model, their folder is added from the API (as the Setup tab
does), and the catalog must describe each one's quantization from its config.json and weights.
"""

import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e

RECIPES = {
    "demo-q4": ["-q", "--q-bits", "4"],
    "demo-mixed-3-6": ["-q", "--quant-predicate", "mixed_3_6"],
    "demo-mxfp4": ["-q", "--q-mode", "mxfp4"],
}


@pytest.fixture(scope="module")
def shelf(tmp_path_factory, demo_cache):
    root = tmp_path_factory.mktemp("quantized")
    for name, flags in RECIPES.items():
        proc = subprocess.run([sys.executable, "-m", "mlx_lm", "convert", "--hf-path", str(demo_cache / "model"),
                               "--mlx-path", str(root / name), *flags], check=False, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
    return root


def test_catalog_describes_each_quantization(client, shelf):
    assert client.post("/models/folders", json={"path": str(shelf)}).status_code == 201
    models = {m["name"]: m for m in client.get("/models").json()}
    q4, mixed, mx = (models[n]["quantized"] for n in RECIPES)
    assert (q4["description"], q4["bits"], q4["group_size"], q4["mixed"]) == ("4-bit", 4, 64, False)
    # mlx-lm leaves bits 4 at the top level, but every layer has its own 3 or 6 bits
    assert (mixed["description"], mixed["mixed"]) == ("3/6-bit mixed", True)
    assert set(mixed["layers_by_bits"]) == {"3", "6"} and mixed["layers_by_bits"]["3"] > mixed["layers_by_bits"]["6"]
    assert (mx["description"], mx["mode"], mx["group_size"]) == ("mxfp4", "mxfp4", 32)
    assert models["lora-studio-demo"]["quantized"] is None
    assert all(models[n]["error"] is None for n in RECIPES)


def test_a_quantized_model_answers(client, shelf):
    client.post("/models/folders", json={"path": str(shelf)})
    r = client.post("/model/test-base", json={"prompt": "What is the capital of Veloria?", "temperature": 0.0,
                                              "max_tokens": 8, "model_path": str(shelf / "demo-mixed-3-6")})
    assert r.status_code == 200, r.text
    assert r.json()["tokens"] > 0
