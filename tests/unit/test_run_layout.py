"""Which checkpoint a resume continues from."""

from pathlib import Path

from backend.runs.layout import RunFiles, checkpoint_name, state_files


def _checkpoint(files: RunFiles, step: int, state: bool) -> Path:
    files.adapters.mkdir(parents=True, exist_ok=True)
    adapter = files.adapters / checkpoint_name(step)
    adapter.write_bytes(b"w")
    if state:
        tensors, meta = state_files(adapter)
        tensors.write_bytes(b"s")
        meta.write_text("{}")
    return adapter


def test_a_checkpoint_the_runner_died_writing_is_passed_over_for_the_last_exact_one(tmp_path):
    files = RunFiles(tmp_path)
    _checkpoint(files, 2, state=True)
    six = _checkpoint(files, 6, state=True)
    eight = _checkpoint(files, 8, state=False)
    state_files(eight)[0].write_bytes(b"torn")  # tensors written, json (the completion mark) not
    assert files.checkpoints()[-1] == (8, eight)
    assert files.resume_point() == (6, six)


def test_without_any_state_the_newest_checkpoint_is_used(tmp_path):
    files = RunFiles(tmp_path)
    _checkpoint(files, 5, state=False)
    ten = _checkpoint(files, 10, state=False)
    assert files.resume_point() == (10, ten)


def test_no_checkpoint_no_resume_point(tmp_path):
    assert RunFiles(tmp_path).resume_point() is None


def test_the_run_states_of_the_api_are_the_active_and_final_states_of_the_layout():
    from typing import get_args

    from backend.runs.layout import ACTIVE_STATES, FINAL_STATES
    from backend.schemas.runs import RunState

    assert set(get_args(RunState)) == set(ACTIVE_STATES) | set(FINAL_STATES)
    assert not set(ACTIVE_STATES) & set(FINAL_STATES)

