"""The run plan as a file, task sizing and the automatic worker count (pure, no Prefect run)."""

from __future__ import annotations

import pyarrow.parquet as pq

from tasks.batch import process_batch
from tasks.plan import read_plan, write_plan
from tasks.records import SourceFile


def test_plan_file_round_trips_exactly(tmp_path):
    files = [SourceFile(f"/in/d/{i}.txt", f"d/{i}.txt", 100 + i, 1_700_000_000.123456 + i) for i in range(3)]
    files.append(SourceFile("/in/tên có dấu 'x'.txt", "tên có dấu 'x'.txt", 0, 0.0))
    path = write_plan(tmp_path / "plan.parquet", files)
    assert read_plan(path) == files


def test_task_sizes_and_automatic_workers(monkeypatch):
    from flows import run_state

    assert run_state.auto_batch_size(100_000, 2) == run_state.MAX_BATCH  # capped: bounded task memory
    assert run_state.auto_batch_size(8_000, 2) == 1_000  # 4 tasks per worker
    assert run_state.auto_batch_size(5, 1) == run_state.MIN_BATCH
    monkeypatch.setattr(run_state.os, "cpu_count", lambda: 2)
    assert run_state.choose_workers(None, 50_000, None) == 2
    assert run_state.choose_workers(None, run_state.AUTO_DASK_MIN_FILES - 1, None) == 1
    assert run_state.choose_workers(1, 50_000, None) == 1  # asked for: obeyed
    assert run_state.choose_workers(3, 10, None) == 3
    assert run_state.choose_workers(None, 10, "tcp://h:8786") == 1


def test_a_big_batch_is_written_in_parts_of_bounded_size(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    files = []
    for i in range(5):
        p = inp / f"{i}.txt"
        p.write_text(
            f"Tiêu đề bài {i} về công tác xây dựng Đảng\n"
            f"Chiều {i + 1}/10, Thành ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng "
            f"quý III năm 2021 với nhiều nội dung quan trọng cho cơ sở.\n",
            encoding="utf-8",
        )
        st = p.stat()
        files.append(SourceFile(str(p), p.name, st.st_size, st.st_mtime))
    summary = process_batch(
        files, batch_no=7, run_id="r", data_dir=tmp_path / "data", chrome_lines=frozenset(), part_pages=2
    )
    parts = sorted((tmp_path / "data" / "parquet" / "_staging" / "r" / "source_versions").glob("*.parquet"))
    assert [p.name for p in parts] == [
        "part-00007-0000.parquet",
        "part-00007-0001.parquet",
        "part-00007-0002.parquet",
    ]
    assert [pq.read_table(p).num_rows for p in parts] == [2, 2, 1]
    assert summary.files == 5 and summary.articles + summary.quarantined == 5
