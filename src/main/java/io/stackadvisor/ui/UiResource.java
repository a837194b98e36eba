package io.stackadvisor.ui;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.stackadvisor.audit.AuditFilters;
import io.stackadvisor.audit.AuditLogResource;
import io.stackadvisor.audit.EvaluationStore;
import io.stackadvisor.evaluation.EvaluationService;
import io.stackadvisor.problem.InvalidRequestException;
import io.stackadvisor.profile.ProfileSchema;
import io.stackadvisor.ruleset.RulesResource;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Server-rendered pages for people: the audit log, one evaluation as a story, the rules, a try-it form. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Pages")
public class UiResource {
    private final Template log;
    private final Template evaluation;
    private final Template rules;
    private final Template tryIt;
    private final Template message;
    private final AuditLogResource auditLog;
    private final EvaluationStore store;
    private final EvaluationService evaluations;
    private final RulesResource rulesApi;
    private final RulesetService rulesets;
    private final io.stackadvisor.explain.ExplanationService explanations;
    private final StoryBuilder stories = new StoryBuilder();

    public UiResource(@Location("ui/log.html") Template log, @Location("ui/evaluation.html") Template evaluation,
                      @Location("ui/rules.html") Template rules, @Location("ui/try.html") Template tryIt,
                      @Location("ui/message.html") Template message, AuditLogResource auditLog, EvaluationStore store,
                      EvaluationService evaluations, RulesResource rulesApi, RulesetService rulesets,
                      io.stackadvisor.explain.ExplanationService explanations) {
        this.log = log;
        this.evaluation = evaluation;
        this.rules = rules;
        this.tryIt = tryIt;
        this.message = message;
        this.auditLog = auditLog;
        this.store = store;
        this.evaluations = evaluations;
        this.rulesApi = rulesApi;
        this.rulesets = rulesets;
        this.explanations = explanations;
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
        TemplateInstance page = log.data("active", "log").data("filters", filters)
                .data("verdicts", List.of("NODEJS", "PYTHON", "HYBRID", "UNDETERMINED"))
                .data("exportCsv", "/api/v1/evaluations/export?format=csv" + filters.query())
                .data("exportJson", "/api/v1/evaluations/export?format=json" + filters.query());
        try {
            AuditLogResource.Page result = auditLog.search(filters, blank(cursor), null);
            String next = result.next() == null ? null : "/ui/evaluations?cursor=" + result.next() + filters.query();
            return Response.ok(page.data("items", result.items()).data("next", next).data("errors", null).render()).build();
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(page.data("items", List.of()).data("next", null).data("errors", e.errors()).render()).build();
        }
    }

    @GET
    @Path("/evaluations/{id}")
    @Operation(summary = "One evaluation as a readable story (a permanent link)")
    public Response story(@PathParam("id") String id) {
        var uuid = io.stackadvisor.audit.EvaluationId.parse(id);
        if (uuid.isEmpty()) return notFound(id);
        return store.document(uuid.get()).map(doc -> {
            io.stackadvisor.engine.Ruleset live = rulesets.current();
            EvaluationStory story = stories.build(doc, live.catalogue());
            var explanation = explanations.explain(live, stories.profileOf(doc));
            return Response.ok(evaluation.data("active", "log").data("s", story).data("x", explanation).render()).build();
        }).orElseGet(() -> notFound(id));
    }

    @GET
    @Path("/rules")
    @Operation(summary = "The rules and how often each fired")
    public String rulesPage() {
        List<RulesResource.RuleView> all = rulesApi.rules(null, null, null);
        return rules.data("active", "rules").data("rules", all).data("version", rulesets.current().version())
                .data("loadedAt", rulesets.current().loadedAt()).data("neverFired", all.stream().filter(r -> r.fired() == 0).count())
                .render();
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

    private TemplateInstance tryPage(Object errors) {
        return tryIt.data("active", "try").data("errors", errors)
                .data("workloads", ProfileSchema.values("workloads"))
                .data("deploymentTargets", ProfileSchema.values("deploymentTargets"))
                .data("priorities", ProfileSchema.values("priorities"))
                .data("selects", List.of(
                        new Select("team.javascript", "Team's JavaScript/TypeScript", ProfileSchema.values("team/javascript")),
                        new Select("team.python", "Team's Python", ProfileSchema.values("team/python")),
                        new Select("team.seniority", "Team seniority", ProfileSchema.values("team/seniority")),
                        new Select("frontend.language", "Frontend language", ProfileSchema.values("frontend/language")),
                        new Select("frontend.type", "Frontend type", ProfileSchema.values("frontend/type")),
                        new Select("singleLanguageStack", "One language front and back?", List.of("true", "false")),
                        new Select("mobileClients", "Mobile apps call it?", List.of("true", "false")),
                        new Select("projectStage", "Project stage", ProfileSchema.values("projectStage")),
                        new Select("organizationType", "Organisation", ProfileSchema.values("organizationType")),
                        new Select("domain", "Domain", ProfileSchema.values("domain")),
                        new Select("architectureStyle", "Architecture", ProfileSchema.values("architectureStyle"))));
    }

    public record Select(String name, String label, List<String> options) {
    }

    private Response notFound(String id) {
        return Response.status(404).entity(message.data("active", "log").data("heading", "Evaluation not found")
                .data("text", "There is no evaluation with the id " + id + ".").render()).build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
