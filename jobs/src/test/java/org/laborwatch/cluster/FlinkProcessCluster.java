package org.laborwatch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.laborwatch.testing.FreePorts;

/**
 * A Flink 2.2 cluster of separate JVM processes started as Flink's {@code bin/*.sh} start them: a
 * JobManager ({@code StandaloneSessionClusterEntrypoint}, or {@code StandaloneApplicationClusterEntryPoint}
 * with the job jar in {@code usrlib/}), TaskManagers ({@code TaskManagerRunner}) and the CLI
 * ({@code CliFrontend}), each with the JVM memory flags {@code BashJavaUtils} computes from the
 * configuration, on the {@code lib/} the build assembles from Maven Central artifacts (flink-dist
 * itself is not on Central). Every socket on 127.0.0.1, every port free-chosen; configuration,
 * logs and state under {@code runs/NAME/} of the distribution's home.
 */
public final class FlinkProcessCluster {

    /** What Flink 2.2's own conf/config.yaml passes every JVM on Java 17 ({@code env.java.opts.all}). */
    static final String JAVA_17_OPTS = "--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"
            + " --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED"
            + " --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED"
            + " --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED"
            + " --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED";

    private static final String LOG4J = """
            monitorInterval = 0
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = MainAppender
            appender.main.name = MainAppender
            appender.main.type = File
            appender.main.append = true
            appender.main.fileName = ${sys:log.file}
            appender.main.layout.type = PatternLayout
            appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            # As deploy/Dockerfile: the committers' repeated gauge registration is not news.
            logger.metricgroup.name = org.apache.flink.metrics.MetricGroup
            logger.metricgroup.level = ERROR
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessRegistry processes;
    private final Path home;
    private final Path run;
    private final Map<String, String> env;
    private final int restPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process jobManager;
    private Path jobManagerLog;
    /** The TaskManagers started, by resource id ({@code tm-0}, {@code tm-1}...), as the REST API names them. */
    private final Map<String, Process> taskManagers = new LinkedHashMap<>();

    private FlinkProcessCluster(ProcessRegistry processes, Path home, Path run, Map<String, String> env, int restPort) {
        this.processes = processes;
        this.home = home;
        this.run = run;
        this.env = env;
        this.restPort = restPort;
    }

    /**
     * Writes {@code runs/NAME/conf/config.yaml}: loopback addresses, free ports, checkpoints and
     * savepoints under {@code runs/NAME/state}, then {@code settings} on top.
     *
     * @param home the distribution: {@code lib/} (assembled by the build) and {@code usrlib/}
     * @param env environment variables every Flink process gets (e.g. the InfluxDB token)
     */
    public static FlinkProcessCluster create(ProcessRegistry processes, Path home, String name, Map<String, String> settings,
            Map<String, String> env) throws IOException {
        home = home.toAbsolutePath();
        Path lib = home.resolve("lib");
        try (var jars = Files.list(lib)) {
            if (jars.noneMatch(j -> j.getFileName().toString().startsWith("flink-rpc-akka-loader"))) {
                throw new IllegalStateException("no Flink distribution in " + lib + ": the build assembles it "
                        + "(maven-dependency-plugin execution flink-cluster-lib, phase package); run mvn verify");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + lib + ": the build assembles it (maven-dependency-plugin execution "
                    + "flink-cluster-lib, phase package); run mvn verify", e);
        }
        Path run = home.resolve("runs").resolve(name);
        Files.createDirectories(run.resolve("conf"));
        Files.createDirectories(run.resolve("log"));
        Files.createDirectories(run.resolve("tmp"));
        // Chosen together: two ports chosen one after the other can be the same (FreePorts).
        int[] ports = FreePorts.distinct(3);
        int restPort = ports[0];
        Map<String, String> c = new LinkedHashMap<>();
        c.put("env.java.opts.all", JAVA_17_OPTS);
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", Integer.toString(ports[1]));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("jobmanager.memory.process.size", "1600m");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.host", "127.0.0.1");
        c.put("taskmanager.rpc.port", "0");
        c.put("taskmanager.data.port", "0");
        c.put("taskmanager.numberOfTaskSlots", "2");
        c.put("taskmanager.memory.process.size", "1728m");
        c.put("parallelism.default", "2");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", Integer.toString(restPort));
        c.put("blob.server.port", Integer.toString(ports[2]));
        c.put("state.backend.type", "rocksdb");
        c.put("execution.checkpointing.dir", run.resolve("state/checkpoints").toUri().toString());
        c.put("execution.checkpointing.savepoint-dir", run.resolve("state/savepoints").toUri().toString());
        c.put("io.tmp.dirs", run.resolve("tmp").toString());
        c.put("web.tmpdir", run.resolve("tmp").toString());
        c.putAll(settings);
        StringBuilder yaml = new StringBuilder("# written by FlinkProcessCluster\n");
        c.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
        Files.writeString(run.resolve("conf/config.yaml"), yaml.toString());
        Files.writeString(run.resolve("conf/log4j.properties"), LOG4J);
        Files.writeString(run.resolve("conf/log4j-cli.properties"), LOG4J);
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put("FLINK_HOME", home.toString());
        e.put("FLINK_LIB_DIR", lib.toString());
        e.put("FLINK_CONF_DIR", run.resolve("conf").toString());
        return new FlinkProcessCluster(processes, home, run, e, restPort);
    }

    /** A session cluster's JobManager; waits until its REST endpoint answers. */
    public Process startSessionJobManager() throws Exception {
        jobManagerLog = run.resolve("log/jobmanager-session.log");
        jobManager = startFlinkProcess("jobmanager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", jobManagerLog, List.of());
        Waits.until("the JobManager's REST endpoint (log " + jobManagerLog + ")", Duration.ofMinutes(5), () -> {
            if (!jobManager.isAlive()) {
                throw new IllegalStateException("the JobManager exited; see " + jobManagerLog);
            }
            return rest("/overview") != null;
        });
        return jobManager;
    }

    /**
     * An application cluster's JobManager, as the official image's {@code standalone-job} starts it:
     * the job jar in {@code usrlib/}, the entry class and the program arguments on its command line.
     */
    public Process startApplicationJobManager(Path jobJar, String entryClass, List<String> programArgs) throws Exception {
        Files.createDirectories(home.resolve("usrlib"));
        Files.copy(jobJar, home.resolve("usrlib").resolve(jobJar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        jobManagerLog = run.resolve("log/jobmanager-application.log");
        List<String> args = new ArrayList<>(List.of("--job-classname", entryClass));
        args.addAll(programArgs);
        jobManager = startFlinkProcess("jobmanager-application", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint", jobManagerLog, args);
        return jobManager;
    }

    /**
     * Starts a TaskManager with its own log and the resource id {@code tm-N}, so the REST API's
     * answers name the process to kill.
     */
    public Process startTaskManager() throws Exception {
        String id = "tm-" + taskManagers.size();
        Path log = run.resolve("log/taskmanager-" + taskManagers.size() + ".log");
        Process p = startFlinkProcess("taskmanager", "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", log, List.of("-Dtaskmanager.resource-id=" + id));
        taskManagers.put(id, p);
        return p;
    }

    /** How many TaskManagers have registered with the ResourceManager. */
    public int registeredTaskManagers() {
        JsonNode tms = rest("/taskmanagers");
        return tms == null ? 0 : tms.path("taskmanagers").size();
    }

    /**
     * {@code kill -9} of a TaskManager that runs subtasks of {@code job} (the first the REST API
     * names); returns its resource id.
     */
    private volatile long lastKillMillis;

    public String killTaskManagerRunning(String job) throws InterruptedException {
        JsonNode j = rest("/jobs/" + job);
        if (j == null) {
            throw new IllegalStateException("the REST API does not answer for job " + job);
        }
        for (JsonNode v : j.path("vertices")) {
            JsonNode hosts = rest("/jobs/" + job + "/vertices/" + v.path("id").asText() + "/taskmanagers");
            for (JsonNode tm : hosts == null ? JSON.createArrayNode() : hosts.path("taskmanagers")) {
                Process p = taskManagers.get(tm.path("taskmanager-id").asText());
                if (p != null && p.isAlive()) {
                    ProcessRegistry.kill9(p);
                    lastKillMillis = System.currentTimeMillis();
                    return tm.path("taskmanager-id").asText();
                }
            }
        }
        throw new IllegalStateException("no live TaskManager of ours runs a subtask of " + job + " (started: "
                + taskManagers.keySet() + ")");
    }

    public Process jobManager() {
        return jobManager;
    }

    public Path jobManagerLog() {
        return jobManagerLog;
    }

    public Path logDir() {
        return run.resolve("log");
    }

    public Path savepointDir() {
        return run.resolve("state/savepoints");
    }

    /** What the Flink CLI printed, and its exit code. */
    public record CliResult(int exitCode, String output) {}

    /** Runs {@code bin/flink ARGS} ({@code CliFrontend}) against this cluster and waits for it. */
    public CliResult cli(String... args) throws Exception {
        Path out = run.resolve("log/cli-" + System.nanoTime() + ".out");
        List<String> command = new ArrayList<>(List.of(KafkaBrokerProcess.javaBin()));
        command.addAll(List.of(JAVA_17_OPTS.split(" ")));
        command.addAll(List.of("-Dlog.file=" + run.resolve("log/flink-cli.log"),
                "-Dlog4j.configurationFile=file:" + run.resolve("conf/log4j-cli.properties"),
                "-classpath", home.resolve("lib") + "/*", "org.apache.flink.client.cli.CliFrontend"));
        command.addAll(List.of(args));
        Process p = processes.start("flink " + args[0], command, home, env, out);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("flink " + String.join(" ", args) + " did not finish in 5 minutes; see " + out);
        }
        return new CliResult(p.exitValue(), Files.readString(out));
    }

    /** GET of the REST API; null when the endpoint does not answer (yet). */
    public JsonNode rest(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The ids of the jobs the cluster knows. */
    public List<String> jobIds() {
        List<String> ids = new ArrayList<>();
        JsonNode jobs = rest("/jobs");
        if (jobs != null) {
            jobs.path("jobs").forEach(j -> ids.add(j.path("id").asText()));
        }
        return ids;
    }

    /** The job's state (RUNNING, RESTARTING, FINISHED...), or UNKNOWN when the REST endpoint does not answer. */
    public String jobState(String job) {
        JsonNode j = rest("/jobs/" + job);
        return j == null ? "UNKNOWN" : j.path("state").asText();
    }

    /**
     * Whether the job runs with every subtask RUNNING (a vertex counts as RUNNING as soon as one of
     * its subtasks does, so the subtasks are counted).
     */
    public boolean allSubtasksRunning(String job) {
        JsonNode j = rest("/jobs/" + job);
        if (j == null || !"RUNNING".equals(j.path("state").asText())) {
            return false;
        }
        int running = 0;
        int total = 0;
        for (JsonNode v : j.path("vertices")) {
            running += v.path("tasks").path("RUNNING").asInt();
            total += v.path("parallelism").asInt();
        }
        return total > 0 && running == total;
    }

    /**
     * When (epoch milliseconds, this machine's clock, which the JobManager shares) the last subtask
     * of the job's current attempts switched to RUNNING, from the JobManager's own state
     * timestamps; -1 while not every subtask runs. What a recovery time ends at: polling the state
     * adds the poll interval and the REST latency of a loaded machine (2-3 s were measured).
     */
    public long allSubtasksRunningSince(String job) {
        if (!allSubtasksRunning(job)) {
            return -1;
        }
        JsonNode j = rest("/jobs/" + job);
        long last = -1;
        for (JsonNode v : j == null ? JSON.createArrayNode() : j.path("vertices")) {
            JsonNode times = rest("/jobs/" + job + "/vertices/" + v.path("id").asText() + "/subtasktimes");
            if (times == null) {
                return -1;
            }
            for (JsonNode subtask : times.path("subtasks")) {
                long running = subtask.path("timestamps").path("RUNNING").asLong(-1);
                if (running < 0) {
                    return -1;
                }
                last = Math.max(last, running);
            }
        }
        return last;
    }

    /** When (epoch milliseconds) the last {@link #killTaskManagerRunning} sent its signal; 0 before any. */
    public long lastKillMillis() {
        return lastKillMillis;
    }

    /** How many checkpoints of the job completed so far. */
    public long completedCheckpoints(String job) {
        JsonNode c = rest("/jobs/" + job + "/checkpoints");
        return c == null ? -1 : c.path("counts").path("completed").asLong();
    }

    /** The JobManager log's length now, to wait for lines written after this moment. */
    public long jobManagerLogLength() throws IOException {
        return Files.exists(jobManagerLog) ? Files.size(jobManagerLog) : 0;
    }

    /** Waits for a JobManager log line containing {@code needle} written after {@code offset}; returns it. */
    public String awaitJobManagerLogLine(String needle, long offset, Duration timeout) throws InterruptedException {
        String[] found = new String[1];
        Waits.until("'" + needle + "' in " + jobManagerLog, timeout, () -> {
            try (RandomAccessFile f = new RandomAccessFile(jobManagerLog.toFile(), "r")) {
                if (f.length() <= offset) {
                    return false;
                }
                f.seek(offset);
                byte[] tail = new byte[(int) (f.length() - offset)];
                f.readFully(tail);
                for (String line : new String(tail, StandardCharsets.UTF_8).split("\n")) {
                    if (line.contains(needle)) {
                        found[0] = line;
                        return true;
                    }
                }
                return false;
            }
        });
        return found[0];
    }

    private Process startFlinkProcess(String name, String resourceParams, String mainClass, Path log, List<String> args)
            throws Exception {
        String lib = home.resolve("lib") + "/*";
        String conf = run.resolve("conf").toString();
        // The memory flags and dynamic options, exactly as bin/jobmanager.sh and bin/taskmanager.sh get them.
        Path paramsOut = run.resolve("log/" + name + "-resource-params.out");
        Files.deleteIfExists(paramsOut);
        Process params = processes.start("BashJavaUtils " + resourceParams, List.of(KafkaBrokerProcess.javaBin(),
                "-Dlog4j2.level=WARN", "-cp", lib, "org.apache.flink.runtime.util.bash.BashJavaUtils", resourceParams,
                "--configDir", conf), home, env, paramsOut);
        if (!params.waitFor(2, TimeUnit.MINUTES) || params.exitValue() != 0) {
            throw new IllegalStateException("BashJavaUtils " + resourceParams + " failed; see " + paramsOut);
        }
        List<String> results = Files.readAllLines(paramsOut).stream().filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
                .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length()).strip()).toList();
        if (results.size() < 2) {
            throw new IllegalStateException("BashJavaUtils " + resourceParams + " printed no JVM flags; see " + paramsOut);
        }
        List<String> command = new ArrayList<>(List.of(KafkaBrokerProcess.javaBin()));
        command.addAll(List.of(results.get(0).split("\\s+")));
        command.addAll(List.of(JAVA_17_OPTS.split(" ")));
        command.addAll(List.of("-Dlog.file=" + log, "-Dlog4j.configuration=file:" + conf + "/log4j.properties",
                "-Dlog4j.configurationFile=file:" + conf + "/log4j.properties", "-classpath", lib, mainClass, "--configDir", conf));
        for (String dyn : results.get(results.size() - 1).split("\\s+")) {
            if (!dyn.isEmpty()) {
                command.add(dyn);
            }
        }
        command.addAll(args);
        return processes.start(name, command, home, env, Path.of(log.toString().replaceAll("\\.log$", ".out")));
    }
}
