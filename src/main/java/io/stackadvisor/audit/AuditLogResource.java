package io.stackadvisor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.problem.FieldError;
import io.stackadvisor.problem.InvalidRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/evaluations")
@Tag(name = "Evaluations")
public class AuditLogResource {
    static final int EXPORT_MAX = 100_000;

    private final EvaluationStore store;
    private final ObjectMapper json;
    /** CSV needs its own mapper type; it gets the service's one JSON configuration. */
    private final CsvMapper csv = (CsvMapper) JsonMappers.configure(new CsvMapper().findAndRegisterModules());

    public AuditLogResource(EvaluationStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the audit log, newest first",
            description = "Filters: verdict, claim (fired), rulesetVersion, from/to (ISO-8601, to exclusive), name (exact). "
                    + "limit 1-500 (default 50). Pass the page's 'next' as cursor for the following page; the cursor is stable "
                    + "while new evaluations arrive.")
    public EvaluationPage search(@BeanParam AuditFilters filters, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") String limit) {
        return store.page(AuditQueryParser.parse(filters, cursor, limit, 50, EvaluationQuery.MAX_LIMIT));
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Export a filtered result set as CSV or JSON (format=csv|json, max up to 100000)")
    public Response export(@QueryParam("format") String format, @BeanParam AuditFilters filters,
                           @QueryParam("max") String max) {
        boolean asCsv = format == null || "csv".equals(format);
        if (!asCsv && !"json".equals(format)) {
            throw new InvalidRequestException("Invalid export parameters", List.of(new FieldError("query.format", "csv or json")));
        }
        EvaluationQuery query = AuditQueryParser.parse(filters, null, max, 10_000, EXPORT_MAX);
        StreamingOutput body = out -> {
            CsvSchema header = csv.schemaFor(EvaluationSummary.class).withHeader();
            try (SequenceWriter writer = asCsv ? csv.writer(header).writeValues(out) : json.writer().writeValuesAsArray(out)) {
                for (EvaluationSummary row : store.all(query)) writer.write(row);
            }
        };
        return Response.ok(body, asCsv ? "text/csv" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"evaluations." + (asCsv ? "csv" : "json") + "\"").build();
    }
}
