package newsgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

/**
 * Runs a real Neo4j 5.26 Community server, in its own JVM, for machines without Docker.
 *
 * <p>It embeds the DBMS through neo4j-harness but keeps the data directory outside the
 * harness's throwaway home, so the graph survives restarts. Bolt listens on 127.0.0.1 only.
 * When it is ready it prints one line starting with {@code newsgraph-neo4j ready}; the
 * shell scripts wait for Bolt itself rather than parse this line, but people read it.
 *
 * <p>Configuration comes from the environment so the scripts stay the only interface:
 * NEO4J_PORT, NEO4J_DIR (holds data/ and run/), NEO4J_AUTH ("true" or "false"),
 * NEO4J_PASSWORD and NEO4J_PAGECACHE_MB.
 */
public final class Launcher {
    private static final String USER = "neo4j";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> env = System.getenv();
        int port = Integer.parseInt(env.getOrDefault("NEO4J_PORT", "7687"));
        Path dir = Path.of(env.getOrDefault("NEO4J_DIR", ".neo4j/dev")).toAbsolutePath();
        boolean auth = Boolean.parseBoolean(env.getOrDefault("NEO4J_AUTH", "true"));
        String password = env.getOrDefault("NEO4J_PASSWORD", "");
        long pageCacheMiB = Long.parseLong(env.getOrDefault("NEO4J_PAGECACHE_MB", "64"));
        if (auth && password.length() < 8) {
            fail("NEO4J_PASSWORD must be at least 8 characters when NEO4J_AUTH=true");
        }

        Path data = dir.resolve("data");
        Path run = dir.resolve("run");
        Files.createDirectories(data);
        // The harness gives every start a fresh home under run/ and deletes it on a clean
        // stop; a killed JVM leaves it behind, so clear leftovers from earlier runs.
        deleteChildren(run);
        Files.createDirectories(run);

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(run)
                .withDisabledServer()
                .withConfig(GraphDatabaseSettings.data_directory, data)
                .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                neo4j.close();
            } finally {
                System.out.println("newsgraph-neo4j stopped");
                stopped.countDown();
            }
        }, "newsgraph-neo4j-shutdown"));

        if (auth) {
            setPassword(neo4j, password);
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "newsgraph-neo4j ready bolt://127.0.0.1:%d neo4j=%s auth=%s data=%s startup=%.1fs%n",
                port, Version.getNeo4jVersion(), auth, data, seconds);
        System.out.flush();
        stopped.await();
    }

    /**
     * Sets the neo4j user's password and clears the forced change, so drivers can log in
     * at once. The embedded API runs as an internal user with full rights on "system".
     */
    private static void setPassword(Neo4j neo4j, String password) {
        var system = neo4j.databaseManagementService().database("system");
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set; that is the
            // normal case on every restart after the first.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void deleteChildren(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new RuntimeException("cannot clean " + p + ": " + e.getMessage(), e);
                }
            });
        }
    }

    private static void fail(String message) {
        System.err.println("newsgraph-neo4j: " + message);
        System.exit(2);
    }
}
