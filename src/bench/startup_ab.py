#!/usr/bin/env python3
"""Start-up of server builds in turn: python3 src/bench/startup_ab.py DIR [DIR...]

Each DIR is a copy of target/quarkus-app. Per round, each build in turn starts as the suite's start-up phase starts it:
`java -jar` on a fresh empty database with the seeds on, timed until /q/health/ready answers UP (polled every 50 ms from
this process: a poller forked every few milliseconds, curl say, takes a good share of two cores from the start it is
timing). Prints each start's time to ready and the process's CPU at that moment, then the medians per build.
BENCH_STARTUP_ROUNDS rounds (default 5 here). Extra JVM options for every build: BENCH_JAVA_OPTS. Environment variables
for one build only (a setting switched off, say): KEY=VALUE lines in DIR/bench.env.
"""
import os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the suite's helpers: servers, psql)


def build_env(d):
    path = os.path.join(d, "bench.env")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return dict(line.strip().split("=", 1) for line in f if "=" in line and not line.startswith("#"))


def main(dirs):
    rounds = int(os.environ.get("BENCH_STARTUP_ROUNDS", "5"))
    db = bench.DB + "_startup_ab"
    ready = {d: [] for d in dirs}
    cpu = {d: [] for d in dirs}
    try:
        for r in range(rounds):
            for d in dirs:
                bench.psql(f"drop database if exists {db} with (force)", db="postgres")
                bench.psql(f"create database {db}", db="postgres")
                bench.JAR = os.path.join(os.path.abspath(d), "quarkus-run.jar")
                s = bench.quoteline(db=db, seeds=True, extra_env=build_env(d), logname=f"startup-ab-{os.path.basename(d.rstrip('/'))}")
                s.start()
                used = bench.proc_cpu(s.pid)
                s.stop()
                ready[d].append(s.ready_s)
                cpu[d].append(used)
                print(f"round {r + 1} {d}: ready {s.ready_s:.2f} s, CPU {used:.2f} s", flush=True)
    finally:
        bench.psql(f"drop database if exists {db} with (force)", db="postgres")
    for d in dirs:
        print(f"{d}: median ready {statistics.median(ready[d]):.2f} s ({', '.join(f'{x:.2f}' for x in ready[d])}), "
              f"median CPU {statistics.median(cpu[d]):.2f} s")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
