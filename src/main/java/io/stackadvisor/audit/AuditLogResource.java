package io.stackadvisor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final CsvMapper CSV = (CsvMapper) CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final EvaluationStore store;

    public AuditLogResource(EvaluationStore store) {
        this.store = store;
    }

    public record Page(List<EvaluationSummary> items, String next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the audit log, newest first",
            description = "Filters: verdict, claim (fired), rulesetVersion, from/to (ISO-8601, to exclusive), name (exact). "
                    + "limit 1-500 (default 50). Pass the page's 'next' as cursor for the following page; the cursor is stable "
                    + "while new evaluations arrive.")
    public Page search(@jakarta.ws.rs.BeanParam AuditFilters filters, @QueryParam("cursor") String cursor,
                       @QueryParam("limit") String limit) {
        EvaluationQuery query = AuditQueryParser.parse(filters, cursor, limit, 50, EvaluationQuery.MAX_LIMIT);
        List<EvaluationSummary> rows = store.search(query.withAfter(query.after(), query.limit() + 1));
        boolean more = rows.size() > query.limit();
        List<EvaluationSummary> items = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? new Cursor(items.get(items.size() - 1).evaluatedAt(), items.get(items.size() - 1).id()).encode() : null;
        return new Page(items, next);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Export a filtered result set as CSV or JSON (format=csv|json, max up to 100000)")
    public Response export(@QueryParam("format") String format, @jakarta.ws.rs.BeanParam AuditFilters filters,
                           @QueryParam("max") String max) {
        boolean csv = format == null || "csv".equals(format);
        if (!csv && !"json".equals(format)) {
            throw new io.stackadvisor.problem.InvalidRequestException("Invalid export parameters",
                    List.of(new io.stackadvisor.problem.FieldError("query.format", "csv or json")));
        }
        EvaluationQuery query = AuditQueryParser.parse(filters, null, max, 10_000, EXPORT_MAX);
        StreamingOutput body = out -> {
            try (SequenceWriter writer = csv
                    ? CSV.writer(CSV.schemaFor(EvaluationSummary.class).withHeader()).writeValues(out)
                    : JSON.writer().writeValuesAsArray(out)) {
                int remaining = query.limit();
                Cursor after = null;
                while (remaining > 0) {
                    List<EvaluationSummary> page = store.search(query.withAfter(after, Math.min(remaining, EvaluationQuery.MAX_LIMIT)));
                    for (EvaluationSummary row : page) writer.write(row);
                    if (page.size() < Math.min(remaining, EvaluationQuery.MAX_LIMIT)) break;
                    remaining -= page.size();
                    EvaluationSummary last = page.get(page.size() - 1);
                    after = new Cursor(last.evaluatedAt(), last.id());
                }
            }
        };
        return Response.ok(body, csv ? "text/csv" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"evaluations." + (csv ? "csv" : "json") + "\"").build();
    }
}
