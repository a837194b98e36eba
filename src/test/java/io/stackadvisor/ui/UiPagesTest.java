package io.stackadvisor.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The pages render, link permanently and show bad input instead of losing it. */
@QuarkusTest
class UiPagesTest {

    @Test
    void everyPageRenders() {
        given().when().get("/ui/try").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"en\">")).body(containsString("realtime-messaging"))
                .body(containsString("<label for=\"expectedConcurrentConnections\">"));
        given().when().get("/ui/evaluations").then().statusCode(200).body(containsString("Audit log"));
        given().when().get("/ui/rules").then().statusCode(200).body(containsString("RT-01 real-time workloads favour Node.js"));
        given().redirects().follow(false).when().get("/ui").then().statusCode(303);
    }

    @Test
    void anEvaluationHasAPermanentReadablePage() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\": \"Shop\", \"workloads\": [\"rest-api\", \"recommendations\", \"ml-inference\"], \"domain\": \"ecommerce\", \"expectedConcurrentConnections\": 8000}")
                .when().post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
        given().when().get("/ui/evaluations/" + id).then().statusCode(200)
                .body(containsString("Shop: <span class=\"verdict v-HYBRID\">HYBRID</span>"))
                .body(containsString("The hybrid system"))
                .body(containsString("HYB-03: For example, a Node.js shopping-cart API with a Python recommendation engine"))
                .body(containsString("Because the profile says: <code>workloads = recommendations</code>"))
                .body(containsString("What would change the verdict"))
                .body(containsString("Why other claims did not fire"))
                .body(containsString("(RT-01). It needs workloads to include one of"))
                .body(not(containsString("https://")));
        given().when().get("/ui/evaluations/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body(containsString("Evaluation not found"));
        given().when().get("/ui/evaluations/nonsense").then().statusCode(404);
    }

    @Test
    void theFormEvaluatesAndRedirectsToTheStory() {
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("name", "Form chat").formParam("workloads", "realtime-messaging")
                .formParam("expectedConcurrentConnections", "20000").formParam("team.javascript", "strong")
                .when().post("/ui/try").then().statusCode(303).header("Location", containsString("/ui/evaluations/"));
        given().contentType(ContentType.URLENC).formParam("expectedConcurrentConnections", "lots")
                .when().post("/ui/try").then().statusCode(400).body(containsString("/expectedConcurrentConnections"));
    }

    @Test
    void badFiltersAreShownOnThePage() {
        given().queryParam("verdict", "JAVA").when().get("/ui/evaluations").then().statusCode(400)
                .body(containsString("query.verdict"));
    }
}
