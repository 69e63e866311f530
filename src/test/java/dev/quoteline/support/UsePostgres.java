package dev.quoteline.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestResource} for every {@code @QuarkusTest} (restrictToAnnotatedClass is false). */
@QuarkusTestResource(PostgresTestResource.class)
public class UsePostgres {
}
