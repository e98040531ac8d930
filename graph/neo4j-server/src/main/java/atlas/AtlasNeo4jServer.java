package atlas;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j 5 community embedded, with only its Bolt connector, on 127.0.0.1.
 *
 * Usage: AtlasNeo4jServer <port> <homeDir> [pageCacheMiB]
 * Prints "ATLAS-NEO4J READY bolt://127.0.0.1:<port>" on stdout once it accepts queries,
 * and shuts down cleanly on SIGTERM/SIGINT or when its stdin closes (so it never
 * outlives the Node process that started it).
 */
public final class AtlasNeo4jServer {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: AtlasNeo4jServer <port> <homeDir> [pageCacheMiB]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    long pageCacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 128;
    long started = System.nanoTime();

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(120))
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .build();

    Thread stopper = new Thread(() -> {
      try { dbms.shutdown(); } catch (Throwable ignored) { }
    });
    Runtime.getRuntime().addShutdownHook(stopper);

    // Wait until the default database answers before saying ready.
    var db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    while (!db.isAvailable(1000)) { /* keep waiting */ }
    try (var tx = db.beginTx()) { tx.execute("RETURN 1").close(); tx.commit(); }

    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.println("ATLAS-NEO4J READY bolt://127.0.0.1:" + port + " in " + ms + " ms");
    System.out.flush();

    // Parent gone (stdin closed) → exit, which runs the shutdown hook.
    Thread watchdog = new Thread(() -> {
      try { while (System.in.read() != -1) { } } catch (Exception ignored) { }
      System.exit(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    Thread.currentThread().join();
  }
}
