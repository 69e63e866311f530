package dev.quoteline.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * A start configured as production is (no schema validation) builds the session factory while Flyway migrates, and
 * that factory is the one the application then uses: the seeds were stored through it and queries read through it.
 * The other tests run with validation on, where the factory is built after the migration as Quarkus does by default.
 */
@QuarkusTest
@TestProfile(SessionFactoryWhileMigratingTest.NoValidation.class)
class SessionFactoryWhileMigratingTest {
    public static class NoValidation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.schema-management.strategy", "none");
        }
    }

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void theFactoryBuiltDuringTheMigrationIsTheOneInUse() throws InterruptedException {
        // the builder records its outcome just after Quarkus's own start has taken the factory from it
        for (int i = 0; i < 100 && "building".equals(SessionFactoryWhileMigrating.outcome); i++) {
            Thread.sleep(50);
        }
        assertEquals("built", SessionFactoryWhileMigrating.outcome);
        assertSame(SessionFactoryWhileMigrating.built, entityManagerFactory.unwrap(SessionFactory.class));
        int articles = given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ articles(first: 1) { totalCount } }"))
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath().getInt("data.articles.totalCount");
        assertTrue(articles > 0, "the seeds were stored and are read through the factory");
    }
}
