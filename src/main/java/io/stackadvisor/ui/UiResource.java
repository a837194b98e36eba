package io.stackadvisor.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.stackadvisor.audit.AuditFilters;
import io.stackadvisor.audit.AuditQueryParser;
import io.stackadvisor.audit.EvaluationId;
import io.stackadvisor.audit.EvaluationPage;
import io.stackadvisor.audit.EvaluationQuery;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.audit.EvaluationSummary;
import io.stackadvisor.engine.Ruleset;
import io.stackadvisor.evaluation.EvaluationService;
import io.stackadvisor.explain.Explanation;
import io.stackadvisor.explain.ExplanationService;
import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidRequestException;
import io.stackadvisor.profile.ProfileField;
import io.stackadvisor.ruleset.RuleReport;
import io.stackadvisor.ruleset.RuleReport.RuleView;
import io.stackadvisor.ruleset.RulesetService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Server-rendered pages for people: the dashboard, the audit log, one evaluation as a story, the rules,
 * a try-it form.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class UiResource {
    /** The pages, type-checked against these parameters when the application is built. */
    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance log(String active, AuditFilters filters, List<String> verdicts, String exportCsv,
                                           String exportJson, List<EvaluationSummary> items, String next, List<FieldError> errors);

        static native TemplateInstance evaluation(String active, EvaluationStory s, Explanation x);

        static native TemplateInstance rules(String active, List<RuleView> rules, String version, Instant loadedAt, long neverFired,
                                             int days, java.time.LocalDate since, List<Integer> windows);

        static native TemplateInstance tryit(String active, List<FieldError> errors, List<String> workloads,
                                             List<String> deploymentTargets, List<String> priorities, List<Select> selects);

        static native TemplateInstance dashboard(String active, Dashboard.View v);

        static native TemplateInstance message(String active, String heading, String text);
    }

    private static final List<String> VERDICTS = List.of("NODEJS", "PYTHON", "HYBRID", "UNDETERMINED");

    private final EvaluationStore store;
    private final EvaluationService evaluations;
    private final RuleReport ruleReport;
    private final RulesetService rulesets;
    private final ExplanationService explanations;
    private final StoryBuilder stories;
    private final Dashboard dashboard;

    public UiResource(EvaluationStore store, EvaluationService evaluations, RuleReport ruleReport, RulesetService rulesets,
                      ExplanationService explanations, Dashboard dashboard, ObjectMapper json) {
        this.dashboard = dashboard;
        this.store = store;
        this.evaluations = evaluations;
        this.ruleReport = ruleReport;
        this.rulesets = rulesets;
        this.explanations = explanations;
        this.stories = new StoryBuilder(json);
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        return Response.seeOther(URI.create("/ui/evaluations")).build();
    }

    @GET
    @Path("/evaluations")
    @Operation(summary = "The audit log page")
    public Response auditLog(@QueryParam("verdict") String verdict, @QueryParam("claim") String claim,
                             @QueryParam("rulesetVersion") String version, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("name") String name, @QueryParam("cursor") String cursor) {
        AuditFilters filters = AuditFilters.of(blank(verdict), blank(claim), blank(version), blank(from), blank(to), blank(name));
        String csv = "/api/v1/evaluations/export?format=csv" + filters.query();
        String json = "/api/v1/evaluations/export?format=json" + filters.query();
        try {
            EvaluationPage page = store.page(AuditQueryParser.parse(filters, blank(cursor), null, 50, EvaluationQuery.MAX_LIMIT));
            String next = page.next() == null ? null : "/ui/evaluations?cursor=" + page.next() + filters.query();
            return Response.ok(Templates.log("log", filters, VERDICTS, csv, json, page.items(), next, null).render()).build();
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(Templates.log("log", filters, VERDICTS, csv, json, List.of(), null, e.errors())
                    .render()).build();
        }
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "One evaluation as a readable story (a permanent link)")
    public Response story(@PathParam("id") String id) {
        var uuid = EvaluationId.parse(id);
        if (uuid.isEmpty()) return notFound(id);
        return evaluations.read(uuid.get()).map(read -> {
            EvaluationStory story = stories.build(read.text(), read.texts().catalogue());
            Explanation explanation = explanations.explain(rulesets.current(), stories.profileOf(read.text()));
            return Response.ok(Templates.evaluation("log", story, explanation).render()).build();
        }).orElseGet(() -> notFound(id));
    }

    @GET
    @Path("/rules")
    @Operation(summary = "The rules and how often each fired")
    public Response rulesPage(@QueryParam("days") String daysParam) {
        int days;
        try {
            days = RuleReport.days(blank(daysParam));
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(Templates.message("rules", "Unknown period",
                    "Choose a period of 1 to " + RuleReport.MAX_DAYS + " days.").render()).build();
        }
        List<RuleView> all = ruleReport.rules(null, null, null, days);
        Ruleset live = rulesets.current();
        return Response.ok(Templates.rules("rules", all, live.version(), live.loadedAt(),
                all.stream().filter(r -> r.fired() == 0).count(), days, ruleReport.windowStart(days),
                List.of(1, 7, 30, 90, 365)).render()).build();
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "The managers' dashboard: answers per day and per version of the rules, reasons, changes")
    public String dashboardPage() {
        return Templates.dashboard("dashboard", dashboard.build(rulesets.current())).render();
    }

    @GET
    @Path("/try")
    @Operation(summary = "The try-it form")
    public String tryForm() {
        return tryPage(null).render();
    }

    @POST
    @Path("/try")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Evaluate the form's profile and show the result")
    public Response submit(MultivaluedMap<String, String> form) {
        try {
            EvaluationService.Recorded recorded = evaluations.evaluate(ProfileForm.toJson(form));
            return Response.seeOther(URI.create("/ui/evaluations/" + recorded.id())).build();
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(tryPage(e.errors()).render()).build();
        }
    }

    private TemplateInstance tryPage(List<FieldError> errors) {
        List<Select> selects = Stream.of(ProfileField.values())
                .filter(f -> f.kind() == ProfileField.Kind.ENUM || f.kind() == ProfileField.Kind.BOOLEAN)
                .map(f -> new Select(f.path(), f.title(), f.accepted())).toList();
        return Templates.tryit("try", errors, ProfileField.WORKLOADS.accepted(), ProfileField.DEPLOYMENT_TARGETS.accepted(),
                ProfileField.PRIORITIES.accepted(), selects);
    }

    public record Select(String name, String label, List<String> options) {
    }

    private Response notFound(String id) {
        return Response.status(404).entity(Templates.message("log", "Evaluation not found",
                "There is no evaluation with the id " + id + ".").render()).build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
