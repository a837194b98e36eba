package io.stackadvisor.ruleset;

import io.stackadvisor.testing.RulesCopy;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** With the watcher on, a saved edit goes live by itself; a broken save never does. */
@QuarkusTest
@TestProfile(WatchProfile.class)
class RulesWatcherTest {

    static String version() {
        return given().when().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    static String lastResult() {
        return given().when().get("/api/v1/ruleset").then().extract().path("lastReload.result");
    }

    static String lastTrigger() {
        return given().when().get("/api/v1/ruleset").then().extract().path("lastReload.trigger");
    }

    static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.get() && System.currentTimeMillis() < deadline) Thread.sleep(200);
    }

    @Test
    void aBrokenSaveIsRejectedAndAGoodSaveGoesLive() throws Exception {
        String before = version();
        RulesCopy.edit(WatchProfile.RULES, "evidence/realtime.drl", "rule \"RT-03", "rul \"RT-03");
        await(() -> "REJECTED".equals(lastResult()));
        assertEquals("REJECTED", lastResult());
        assertEquals("watch", lastTrigger());
        assertEquals(before, version());

        RulesCopy.edit(WatchProfile.RULES, "evidence/realtime.drl", "rul \"RT-03", "rule \"RT-03");
        RulesCopy.edit(WatchProfile.RULES, "evidence/realtime.drl", RulesetReloadTest.OLD_NAME, RulesetReloadTest.NEW_NAME);
        await(() -> !before.equals(version()));
        assertNotEquals(before, version());
        assertEquals("APPLIED", lastResult());
    }
}
