package dev.quoteline.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every Quoteline instance about every ingested article, whichever instance stored it: the store sends
 * {@code NOTIFY quoteline_ingest} in its transaction (so only committed articles are announced), and each instance
 * keeps one connection of its own that LISTENs and reconnects after a database outage. No broker beyond PostgreSQL.
 */
@ApplicationScoped
public class IngestNotifications {
    public static final String CHANNEL = "quoteline_ingest";
    private static final Logger LOG = Logger.getLogger(IngestNotifications.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;
    @ConfigProperty(name = "quoteline.live.enabled", defaultValue = "true")
    boolean enabled;

    private final BroadcastProcessor<Long> articles = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "quoteline-ingest-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Ids of articles as they are committed, on every instance. Hot: subscribers see what comes after they join. */
    public Multi<Long> articles() {
        return articles;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                LOG.debug("Listening for ingested articles");
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications == null) {
                        // a round trip now and then notices a dead connection that would otherwise wait forever
                        statement.execute("select 1");
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        try {
                            articles.onNext(Long.parseLong(n.getParameter()));
                        } catch (NumberFormatException e) {
                            LOG.warnf("Ignoring a malformed %s notification: %s", CHANNEL, n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Live updates paused, database unreachable (%s); retrying", e.getMessage());
                    sleep(2_000);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("connectTimeout", "5");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "quoteline-listener");
        return DriverManager.getConnection(url, props);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
