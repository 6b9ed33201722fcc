using System.Text.Json;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace CxDashboard.Web.Features.Api;

/// <summary>The ingestion API: feedback from survey tools and metric values from BI, described at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    /// <summary>A full batch of 1,000 items with long verbatims stays well under this.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public const string OpenApiPath = "/openapi/v1.json";

    public static IServiceCollection AddIngestionApi(this IServiceCollection services)
    {
        services.AddScoped<IngestionService>();
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CX Dashboard ingestion API";
                document.Info.Description =
                    "Feedback from survey tools and metric values from BI. Send an API key created by an Admin in the X-Api-Key header " +
                    "(or the identity provider's bearer token). A batch is checked as a whole: any bad item refuses all of it.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "An API key with the scope feedback:write or metrics:write.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(OpenApiPath).AllowAnonymous();

        var api = app.MapGroup("/api").WithTags("Ingestion").RequireRateLimiting(RateLimits.Api);
        api.MapPost("/feedback", PostFeedbackAsync)
            .RequireAuthorization(ApiPolicies.ApiFeedbackWriter)
            .WithName("PostFeedback")
            .WithSummary("Deliver a batch of feedback")
            .WithDescription("Stores up to 1,000 feedback items and opens the follow-ups detractors and complaints need. Items already delivered (same externalId) are skipped.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<FeedbackBatch>("application/json")
            .Produces<FeedbackIngested>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/metrics/{code}/values", PostMetricValuesAsync)
            .RequireAuthorization(ApiPolicies.ApiMetricsWriter)
            .WithName("PostMetricValues")
            .WithSummary("Deliver values of a metric")
            .WithDescription("Records or corrects up to 1,000 values of the metric with this code, per period and channel (no channel: the total).")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<MetricValueBatch>("application/json")
            .Produces<MetricValuesIngested>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> PostFeedbackAsync(HttpContext http, IngestionService ingestion, CancellationToken ct)
    {
        var (batch, refusal) = await ReadBodyAsync<FeedbackBatch>(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        return await RespondAsync(() => ingestion.IngestFeedbackAsync(batch!, ApiClient.From(http.User), ct));
    }

    private static async Task<IResult> PostMetricValuesAsync(string code, HttpContext http, IngestionService ingestion, CancellationToken ct)
    {
        var (batch, refusal) = await ReadBodyAsync<MetricValueBatch>(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        return await RespondAsync(() => ingestion.IngestMetricValuesAsync(code, batch!, ApiClient.From(http.User), ct));
    }

    private static async Task<IResult> RespondAsync<T>(Func<Task<Ingestion<T>>> ingest) where T : class
    {
        try
        {
            var outcome = await ingest();
            return outcome.Result is { } saved
                ? Results.Ok(saved)
                : Results.ValidationProblem(outcome.Problems, title: "The batch was not saved", detail: "Fix the items listed and send the whole batch again.");
        }
        catch (IngestionConflictException ex)
        {
            return Results.Problem(title: "The batch was not saved", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>
    /// Reads the body within the size limit (also where the server cannot enforce it) and parses it,
    /// so that a body too large or not JSON gets a problem response a developer can act on.
    /// </summary>
    private static async Task<(T? Body, IResult? Refusal)> ReadBodyAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        var tooLarge = Results.Problem(title: "The request body is too large",
            detail: $"Send at most {MaxBodyBytes / (1024 * 1024)} MB per request: split the batch.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge);
        }
        if (!http.Request.HasJsonContentType())
        {
            return (null, Results.Problem(title: "The request body must be JSON",
                detail: "Send the batch with Content-Type: application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return (null, tooLarge);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), JsonSerializerOptions.Web);
            return body is null
                ? (null, Results.Problem(title: "The request body is empty", detail: "Send a JSON object with the batch.", statusCode: StatusCodes.Status400BadRequest))
                : (body, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})" : "";
            return (null, Results.Problem(title: "The request body is not valid JSON",
                detail: $"The batch could not be read{where}. Nothing was saved.", statusCode: StatusCodes.Status400BadRequest));
        }
    }
}
