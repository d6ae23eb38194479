"""The load-test report's memory verdict (tests/load/report.py)."""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import report

FIELDS = ["time", "elapsed_s", "server_pss_mib", "workers_rss_mib", "workers", "pids"]


def _write(path, rows, fields=FIELDS):
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for elapsed, pss, rss, *workers in rows:
            writer.writerow(
                {
                    "time": 0,
                    "elapsed_s": elapsed,
                    "server_pss_mib": pss,
                    "workers_rss_mib": rss,
                    "workers": workers[0] if workers else 2,
                    "pids": "1 2",
                }
            )


def _soak(pss_end, rss_end):
    # 30 minutes sampled every 30 s: the first and last five minutes are compared.
    rows = []
    for step in range(61):
        elapsed = step * 30
        late = elapsed >= 1500
        rows.append((elapsed, pss_end if late else 1000, rss_end if late else 1000))
    return rows


def test_the_verdict_is_on_the_servers_pss_and_the_rss_is_only_shown(
    tmp_path, monkeypatch
):
    _write(tmp_path / "soak_rss.csv", _soak(pss_end=1050, rss_end=1200))

    monkeypatch.setattr(sys, "argv", ["report.py", str(tmp_path)])
    status = report.main()
    summary = (tmp_path / "summary.txt").read_text()

    assert status == 0
    assert "PASS  soak, memory growth under 10%: +5.0% (PSS)" in summary
    assert "workers' summed RSS: first 300 s 1000 MiB, last 300 s 1200 MiB" in summary


def test_pss_growth_beyond_the_target_fails(tmp_path, monkeypatch):
    _write(tmp_path / "soak_rss.csv", _soak(pss_end=1150, rss_end=1050))

    monkeypatch.setattr(sys, "argv", ["report.py", str(tmp_path)])

    assert report.main() == 1
    assert (
        "FAIL  soak, memory growth under 10%: +15.0% (PSS)"
        in (tmp_path / "summary.txt").read_text()
    )


def test_a_file_from_the_older_sampler_is_judged_on_its_rss(tmp_path):
    _write(
        tmp_path / "soak_rss.csv",
        _soak(pss_end="", rss_end=1127),
        fields=["time", "elapsed_s", "workers_rss_mib", "workers", "pids"],
    )

    growth = report.memory_growth(tmp_path / "soak_rss.csv", "workers_rss_mib")

    assert report.memory_growth(tmp_path / "soak_rss.csv", "server_pss_mib") is None
    assert round(growth["growth"], 1) == 12.7
    assert growth["window_s"] == 300


def test_samples_taken_while_workers_were_still_starting_are_left_out(tmp_path):
    rows = [(0, 200, 300, 1), *_soak(pss_end=1050, rss_end=1050)]
    _write(tmp_path / "soak_rss.csv", rows)

    growth = report.memory_growth(tmp_path / "soak_rss.csv", "server_pss_mib")

    assert growth["samples"] == 61
    assert growth["start"] == 1000
    assert round(growth["growth"], 1) == 5.0
