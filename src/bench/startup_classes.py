#!/usr/bin/env python3
"""Records the classes a start loads, for the start's preloader: python3 src/bench/startup_classes.py

Starts the packaged application (target/quarkus-app, build it first) as the suite's start-up phase starts it: `java -jar`
on a fresh empty database with the seeds on, with the preloader off and HotSpot logging each class it loads. Once
/q/health/ready answers UP it stops the server and writes, in load order, every class loaded before that moment from the
application's jars or the JDK's modules (not those from the JDK's shared archive, which cost a start almost nothing, nor
the classes a start spins at run time, which have no name to load them by) to
src/main/resources/dev/quoteline/startup-classes.txt. Rebuild afterwards to ship it.

Record it again when a dependency or Quarkus is upgraded: StartupClassesIT fails, and a start logs a warning, when more
than 5 % of the list is not in the build.
"""
import datetime, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the suite's helpers: servers, psql)

LIST = os.path.join(bench.REPO, "src", "main", "resources", "dev", "quoteline", "startup-classes.txt")
LINE = re.compile(r"^\[(\d+\.\d+)s\]\S* (\S+) source: (\S+)")


def record():
    db = bench.DB + "_startup_classes"
    log_file = os.path.join(tempfile.mkdtemp(prefix="quoteline-startup-classes-"), "class-load.log")
    bench.psql(f"drop database if exists {db} with (force)", db="postgres")
    bench.psql(f"create database {db}", db="postgres")
    try:
        s = bench.quoteline(db=db, seeds=True, logname="startup-classes",
                            extra_env={"QUOTELINE_STARTUP_PRELOAD_CLASSES": "false"},
                            java_opts=[f"-Xlog:class+load=info:file={log_file}:uptime"])
        s.start()
        ready = s.ready_s
        s.stop()
    finally:
        bench.psql(f"drop database if exists {db} with (force)", db="postgres")
    names, seen = [], set()
    with open(log_file) as f:
        for line in f:
            m = LINE.match(line)
            if not m or float(m.group(1)) > ready:
                continue
            name, source = m.group(2), m.group(3)
            if (source.startswith("file:") or source.startswith("jrt:")) and name not in seen:
                seen.add(name)
                names.append(name)
    commit = subprocess.run(["git", "-C", bench.REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    with open(LIST, "w") as f:
        f.write(f"# The classes a start of the packaged application loaded before it was ready, in load order: the start's\n"
                f"# preloader (dev.quoteline.StartupClasses) loads them ahead of main. Recorded by\n"
                f"# python3 src/bench/startup_classes.py on {datetime.date.today()} from commit {commit}\n"
                f"# ({len(names)} classes, ready in {ready:.2f} s with the preloader off).\n")
        for name in names:
            f.write(name + "\n")
    print(f"{len(names)} classes written to {os.path.relpath(LIST, bench.REPO)} (ready in {ready:.2f} s)")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.exit(__doc__)
    record()
