"""Summary table and PASS/FAIL for ``make loadtest`` from the files under var/loadtest/.

    python tests/load/report.py <results dir>

Reads Locust's ``<phase>_stats.csv`` for the mixed load, the quiz burst and the
soak, ``burst_check.json`` (verify_burst.py), ``burst_window.json`` (the locustfile)
and ``soak_rss.csv`` (rss_sampler.py: the server's PSS, the workers' RSS); prints a table and writes ``summary.txt``.
Exit status 1 when a target is missed.
"""

import csv
import json
import sys
from pathlib import Path

P95_TARGET_MS = 500
BURST_WINDOW_TARGET_S = 10
RSS_GROWTH_TARGET = 10.0
# Memory is compared over the first and the last five minutes of the soak (or the
# first and last third, for a short soak).
RSS_WINDOW_S = 300


def aggregated(path: Path) -> dict | None:
    if not path.exists():
        return None
    with path.open() as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                return row
    return None


def rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open() as handle:
        return [
            r
            for r in csv.DictReader(handle)
            if r["Name"] != "Aggregated" and int(r["Request Count"])
        ]


def num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def memory_growth(path: Path, column: str):
    """Mean of ``column`` over the soak's first and last windows, and the growth."""
    if not path.exists():
        return None
    with path.open() as handle:
        rows = [r for r in csv.DictReader(handle) if r.get(column)]
    # gunicorn forks its workers one after another: a sample taken before all of
    # them were up measures a smaller server, not less memory.
    workers = max((int(r.get("workers") or 0) for r in rows), default=0)
    samples = [
        (float(r["elapsed_s"]), float(r[column]), r["pids"])
        for r in rows
        if int(r.get("workers") or 0) == workers
    ]
    if len(samples) < 2:
        return None
    length = samples[-1][0]
    window = min(RSS_WINDOW_S, length / 3)
    first = [mib for t, mib, _p in samples if t <= window] or [samples[0][1]]
    last = [mib for t, mib, _p in samples if t >= length - window] or [samples[-1][1]]
    start, end = sum(first) / len(first), sum(last) / len(last)
    return {
        "start": start,
        "end": end,
        "growth": (end - start) / start * 100,
        "samples": len(samples),
        "window_s": window,
        "workers_restarted": len({p for _t, _r, p in samples}) > 1,
    }


def main():
    out = Path(sys.argv[1])
    lines = []
    verdicts = []

    def say(text=""):
        lines.append(text)

    def verdict(name, ok, detail):
        verdicts.append(ok)
        say(f"  {'PASS' if ok else 'FAIL'}  {name}: {detail}")

    header = (
        f"{'phase':<8} {'requests':>9} {'failures':>9} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} {'req/s':>7}"
    )
    say(header)
    say("-" * len(header))
    params_path = out / "params.json"
    params = json.loads(params_path.read_text()) if params_path.exists() else {}
    sign_ins = {}
    totals = {}
    for phase in ("mixed", "burst", "soak"):
        sign_in_path = out / f"{phase}_sign_in.json"
        if sign_in_path.exists():
            first = sign_ins[phase] = json.loads(sign_in_path.read_text())
            say(
                f"{phase + '*':<8} {first['requests']:>9} {first['failures']:>9} "
                f"{first['p50']:>7.0f} {first['p95']:>7.0f} {first['p99']:>7.0f} "
                f"{first['max']:>7.0f} {'':>7}"
            )
        row = aggregated(out / f"{phase}_stats.csv")
        if row is None:
            continue
        totals[phase] = row
        say(
            f"{phase:<8} {int(row['Request Count']):>9} {int(row['Failure Count']):>9} "
            f"{row['50%']:>7} {row['95%']:>7} {row['99%']:>7} "
            f"{float(row['Max Response Time']):>7.0f} {float(row['Requests/s']):>7.1f}"
        )
    for phase, first in sign_ins.items():
        say(
            f"{phase}*: while the {first['users']} people signed in (the first "
            f"{first['seconds']:.0f} s; each sign-in p50 {first['sign_in_p50']:.0f} ms, "
            f"p95 {first['sign_in_p95']:.0f} ms); the {phase} row is after that."
        )
    # Judged on the server's proportional set size (master and workers, each shared
    # page once); the workers' summed RSS counts shared pages in every worker and is
    # shown for comparison (rss_sampler.py explains both).
    pss = memory_growth(out / "soak_rss.csv", "server_pss_mib")
    rss = memory_growth(out / "soak_rss.csv", "workers_rss_mib")
    for label, figure in (
        ("server's memory (PSS, master and workers)", pss),
        ("workers' summed RSS", rss),
    ):
        if figure:
            say(
                f"soak {label}: first {figure['window_s']:.0f} s {figure['start']:.0f} "
                f"MiB, last {figure['window_s']:.0f} s {figure['end']:.0f} MiB, growth "
                f"{figure['growth']:+.1f}% ({figure['samples']} samples"
                f"{', a worker was restarted' if figure['workers_restarted'] else ''})"
            )
    memory = pss or rss
    say()
    for phase in ("mixed", "burst", "soak"):
        slowest = sorted(
            rows(out / f"{phase}_stats.csv"), key=lambda r: -num(r["95%"])
        )[:4]
        if slowest:
            say(f"slowest in {phase} (p95 ms): ")
            for r in slowest:
                say(
                    f"    {r['Type']:<5} {r['Name'][:52]:<52} {r['95%']:>6}  "
                    f"({r['Request Count']} requests, {r['Failure Count']} failed)"
                )
    say()
    say("Targets:")
    labels = {
        "mixed": f"{params.get('users', '?')} users",
        "soak": f"soak, {params.get('soak_users', '?')} users "
        f"for {params.get('soak_minutes', '?')} min",
    }
    for phase in ("mixed", "soak"):
        row = totals.get(phase)
        if row is None:
            continue
        first = sign_ins.get(phase, {})
        failures = int(row["Failure Count"]) + first.get("failures", 0)
        verdict(f"{labels[phase]}, no errors", failures == 0, f"{failures} failures")
        p95 = num(row["95%"])
        verdict(
            f"{labels[phase]}, p95 under {P95_TARGET_MS} ms once signed in",
            p95 < P95_TARGET_MS,
            f"p95 {p95:.0f} ms",
        )
        if first:
            verdict(
                f"{labels[phase]}, p95 under {P95_TARGET_MS} ms while signing in",
                first["p95"] < P95_TARGET_MS,
                f"p95 {first['p95']:.0f} ms over the first {first['seconds']:.0f} s",
            )
    if "burst" in totals:
        check_path = out / "burst_check.json"
        check = json.loads(check_path.read_text()) if check_path.exists() else {}
        verdict(
            "quiz burst, every attempt recorded exactly once",
            bool(check.get("ok")),
            ", ".join(f"{k} {v}" for k, v in check.items() if k != "ok") or "no check",
        )
        window_path = out / "burst_window.json"
        window = json.loads(window_path.read_text()) if window_path.exists() else {}
        seconds = window.get("window_seconds")
        verdict(
            f"quiz burst, all started within {BURST_WINDOW_TARGET_S} s",
            seconds is not None
            and seconds <= BURST_WINDOW_TARGET_S
            and window.get("done") == check.get("accounts"),
            f"{window.get('done')} started and submitted "
            f"({window.get('double_clicks')} pressed start twice at once), "
            f"first to last start sent {seconds} s, every start answered "
            f"{window.get('all_started_seconds')} s after the first",
        )
        failures = int(totals["burst"]["Failure Count"])
        verdict("quiz burst, no errors", failures == 0, f"{failures} failures")
    if memory:
        verdict(
            f"soak, memory growth under {RSS_GROWTH_TARGET:.0f}%",
            memory["growth"] < RSS_GROWTH_TARGET,
            f"{memory['growth']:+.1f}% ({'PSS' if pss else 'summed RSS'})",
        )
    text = "\n".join(lines)
    sys.stdout.write(text + "\n")
    (out / "summary.txt").write_text(text + "\n")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
