"""Sample the memory of gunicorn (master and workers) every N seconds into a CSV.

    python tests/load/rss_sampler.py <gunicorn master pid> <out.csv> [--every 30]

Each row: unix time, seconds since the first sample, then

- ``server_pss_mib``: the proportional set size of the master and every worker,
  summed: the physical memory the server holds, each page shared between processes
  counted once. This is the figure the soak's growth target is judged on.
- ``workers_rss_mib``: the workers' resident set sizes, summed. Workers forked from
  a preloaded master share most of their pages with it and with each other, and a
  worker's RSS rises as it first touches pages it shares (counting them again in
  every worker), so this sum overstates the memory and its growth; it is kept for
  comparison with earlier runs.
- ``workers_uss_mib``: the workers' private (unique) memory, summed.

and the number of workers and their pids (so a restarted worker shows up). Runs
until the master exits or it is sent SIGTERM. PSS and USS come from
/proc/<pid>/smaps_rollup (Linux).
"""

import argparse
import csv
import signal
import sys
import time

import psutil

MIB = 2**20


def sample(master: psutil.Process) -> dict:
    workers = master.children()
    pss = rss = uss = 0
    for process in [master, *workers]:
        try:
            memory = process.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        pss += memory.pss
        if process is not master:
            rss += memory.rss
            uss += memory.uss
    return {
        "server_pss_mib": round(pss / MIB, 1),
        "workers_rss_mib": round(rss / MIB, 1),
        "workers_uss_mib": round(uss / MIB, 1),
        "workers": len(workers),
        "pids": " ".join(str(w.pid) for w in workers),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pid", type=int)
    parser.add_argument("out")
    parser.add_argument("--every", type=float, default=30)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    master = psutil.Process(args.pid)
    started = time.time()
    fields = [
        "time",
        "elapsed_s",
        "server_pss_mib",
        "workers_rss_mib",
        "workers_uss_mib",
        "workers",
        "pids",
    ]
    with open(args.out, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        while master.is_running():
            row = sample(master)
            now = time.time()
            writer.writerow(
                {"time": round(now, 1), "elapsed_s": round(now - started, 1), **row}
            )
            handle.flush()
            time.sleep(args.every)


if __name__ == "__main__":
    main()
