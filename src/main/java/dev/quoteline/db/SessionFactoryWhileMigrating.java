package dev.quoteline.db;

import io.quarkus.arc.Arc;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Builds Hibernate's session factory on a thread of its own while Flyway migrates, instead of after it.
 *
 * <p>Quarkus starts the persistence unit only once the migration is done, and the start's main thread waits for it:
 * about 0.4 s of a start (README "Performance", "Seventeenth round"). Building the session factory reads no table
 * unless Hibernate validates the schema, so when validation is off (production: {@code
 * quarkus.hibernate-orm.schema-management.strategy=none}) the two can overlap. Quarkus asks Flyway's configuration
 * customisers for the migration it is about to run, after Hibernate's metadata is ready, which makes this the moment
 * to begin. Quarkus's own start then finds the factory built (or waits for it: both ask the same lazily built unit).
 * With validation on (tests, dev mode) nothing happens here, as validation must see the migrated schema. A failure
 * here is only logged: Quarkus builds the factory again in its own start and reports the error there.
 */
@Singleton
public class SessionFactoryWhileMigrating implements FlywayConfigurationCustomizer {
    private static final Logger LOG = Logger.getLogger(SessionFactoryWhileMigrating.class);

    /** What the last start did here, and the factory it built: for the test that checks the overlap happens. */
    static volatile String outcome = "not started";
    static volatile SessionFactory built;

    private final String schemaManagement;

    SessionFactoryWhileMigrating(
            @ConfigProperty(name = "quarkus.hibernate-orm.schema-management.strategy", defaultValue = "none")
            String schemaManagement) {
        this.schemaManagement = schemaManagement;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (!"none".equals(schemaManagement)) {
            outcome = "not started: schema management is " + schemaManagement;
            return;
        }
        outcome = "building";
        Thread builder = new Thread(SessionFactoryWhileMigrating::build, "session-factory-while-migrating");
        // Hibernate finds its services and the application's classes through the context class loader
        builder.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        builder.setDaemon(true);
        builder.start();
    }

    private static void build() {
        try {
            built = Arc.container().instance(SessionFactory.class).get().unwrap(SessionFactory.class);
            outcome = "built";
        } catch (RuntimeException | LinkageError e) {
            outcome = "failed: " + e;
            LOG.debugf(e, "Building the session factory during the migration failed; the start builds it again");
        }
    }
}
