"""The Sessions tab imports several older-app session files at once; the Setup tab adds a model folder.

Real server, real SPA build, real Chromium; the sessions point at an adapter trained here with plain
`mlx_lm lora` (the e2e module's fixture), so the imported rows are ready to use; the folder holds a
copy of the demo model and a mixed-precision conversion of it (`mlx_lm convert --quant-predicate`).
"""

import json
import shutil
import subprocess
import sys

import httpx
from playwright.sync_api import expect

from tests.conftest import demo_paths
from tests.e2e.test_legacy_sessions import plain_adapter, session_files  # noqa: F401  (fixture)


def test_several_session_files_at_once_then_again(studio, page, plain_adapter, tmp_path):  # noqa: F811
    sessions = session_files(tmp_path, plain_adapter, demo_paths(studio.data_root))
    picked = [sessions[k] for k in ("older", "enhanced", "nested")]
    files = []
    for s in picked:
        f = tmp_path / f"session_{s['session_id']}.json"
        f.write_text(json.dumps(s, indent=2))
        files.append(str(f))
    latest = tmp_path / "latest.json"
    latest.write_text(json.dumps({"latest_session_id": picked[-1]["session_id"]}))
    files.append(str(latest))

    page.goto(studio.url + "/#/sessions")
    page.get_by_test_id("import-input").set_input_files(files)
    expect(page.get_by_test_id("toast-success").filter(has_text="Imported 3 sessions")).to_be_visible()
    rows = page.locator('[data-testid^="session-row-"]')
    expect(rows).to_have_count(3)
    for s in picked:
        expect(page.get_by_test_id("session-list")).to_contain_text(s["config"]["adapter_name"])
    expect(page.locator('[data-testid^="session-readiness-"]').filter(has_text="Legacy")).to_have_count(3)

    # the same files again: nothing new, and the toast says so
    page.get_by_test_id("import-input").set_input_files(files)
    expect(page.get_by_test_id("toast-success").filter(has_text="0 sessions, 3 already imported")).to_be_visible()
    expect(rows).to_have_count(3)
    with httpx.Client(base_url=studio.url) as http:
        assert len(http.get("/sessions").json()) == 3
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_model_folder_added_from_setup_is_listed_at_once(studio, page, tmp_path):
    shelf = tmp_path / "shelf"
    model = demo_paths(studio.data_root)["model"]
    shutil.copytree(model, shelf / "shelf-llama")
    proc = subprocess.run([sys.executable, "-m", "mlx_lm", "convert", "--hf-path", model, "--mlx-path",
                           str(shelf / "shelf-mixed"), "-q", "--quant-predicate", "mixed_3_6"],
                          check=False, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page.goto(studio.url + "/#/setup")
    page.get_by_test_id("model-folders").locator("summary").click()
    page.get_by_test_id("model-folder-input").fill(str(tmp_path / "missing"))
    page.get_by_test_id("model-folder-add").click()
    expect(page.get_by_test_id("toast-error")).to_contain_text("does not exist")

    page.get_by_test_id("model-folder-input").fill(str(shelf))
    page.get_by_test_id("model-folder-add").click()
    expect(page.get_by_test_id("model-folder").filter(has_text=str(shelf))).to_be_visible()
    expect(page.get_by_test_id("model-select").locator("option", has_text="shelf-llama")).to_have_count(1)
    mixed = page.get_by_test_id("model-select").locator("option", has_text="shelf-mixed")
    expect(mixed).to_contain_text("3/6-bit mixed")
    page.get_by_test_id("model-select").select_option(str((shelf / "shelf-mixed").resolve()))
    expect(page.get_by_test_id("model-card")).to_contain_text("3/6-bit mixed quantized")
    page.get_by_test_id("model-folder").filter(has_text=str(shelf)).get_by_test_id("model-folder-remove").click()
    expect(page.get_by_test_id("model-select").locator("option", has_text="shelf-llama")).to_have_count(0)
    assert page.errors == []  # type: ignore[attr-defined]
