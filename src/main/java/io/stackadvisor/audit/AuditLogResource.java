package io.stackadvisor.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.stackadvisor.json.JsonMappers;
import io.stackadvisor.problem.InvalidParameterException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "searchEvaluations", summary = "Search the audit log, newest first",
            description = "Filters: verdict, claim (fired), rulesetVersion, from/to (ISO-8601, to exclusive), name (exact). "
                    + "Pass the page's 'next' as cursor for the following page; the cursor is stable while new evaluations arrive.")
    @APIResponse(responseCode = "200", description = "One page of evaluations, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationPage.class),
                    examples = @ExampleObject(name = "chat", ref = "SearchPage")))
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public EvaluationPage search(@BeanParam AuditFilters filters,
                                 @Parameter(description = "The 'next' of the previous page") @QueryParam("cursor") String cursor,
                                 @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                         maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        return store.page(AuditQueryParser.parse(filters, cursor, limit, 50, EvaluationQuery.MAX_LIMIT));
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "exportEvaluations", summary = "Export a filtered result set as CSV or JSON, newest first")
    @APIResponse(responseCode = "200", description = "The evaluations as a CSV file (with a header line) or a JSON array",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"evaluations.csv\" (or .json)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EvaluationSummary.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "InvalidParameter")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response export(@Parameter(description = "csv (default) or json", schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"csv", "json"}, defaultValue = "csv")) @QueryParam("format") String format,
                           @BeanParam AuditFilters filters,
                           @Parameter(description = "At most this many evaluations", schema = @Schema(type = SchemaType.INTEGER,
                                   minimum = "1", maximum = "100000", defaultValue = "10000")) @QueryParam("max") String max) {
        boolean asCsv = format == null || "csv".equals(format);
        if (!asCsv && !"json".equals(format)) {
            throw InvalidParameterException.query("format", "csv or json");
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
