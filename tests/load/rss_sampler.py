"""Sample the resident memory of gunicorn's workers every N seconds into a CSV.

    python tests/load/rss_sampler.py <gunicorn master pid> <out.csv> [--every 30]

Each row: unix time, seconds since the first sample, the workers' total RSS in MiB,
the number of workers and their pids (so a restarted worker shows up). Runs until
the master exits or it is sent SIGTERM.
"""

import argparse
import csv
import signal
import sys
import time

import psutil


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pid", type=int)
    parser.add_argument("out")
    parser.add_argument("--every", type=float, default=30)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    master = psutil.Process(args.pid)
    started = time.time()
    with open(args.out, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["time", "elapsed_s", "workers_rss_mib", "workers", "pids"])
        while master.is_running():
            workers = master.children()
            rss = 0
            for worker in workers:
                try:
                    rss += worker.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
            now = time.time()
            writer.writerow(
                [
                    round(now, 1),
                    round(now - started, 1),
                    round(rss / 2**20, 1),
                    len(workers),
                    " ".join(str(w.pid) for w in workers),
                ]
            )
            handle.flush()
            time.sleep(args.every)


if __name__ == "__main__":
    main()
