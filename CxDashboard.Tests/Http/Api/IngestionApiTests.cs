using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Http.Api;

public sealed class IngestionApiTests(IngestionApiApp app) : IClassFixture<IngestionApiApp>
{
    private static object Item(string externalId, string channel = "store", string source = "Survey", int? nps = null,
        string? verbatim = "The click and collect desk was easy to find.", string? sentiment = null, string? customerRef = null) => new
    {
        externalId,
        receivedAt = IngestionApiApp.Now.AddHours(-2),
        channel,
        journeyStage = (string?)null,
        source,
        category = "Service",
        sentiment,
        scoreScale = nps is null ? null : "Nps",
        score = nps,
        verbatim,
        customerRef,
    };

    private static string NewId() => $"survey-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_feedback_batch_is_stored_with_follow_ups_for_the_detractor_and_the_complaint()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite, "Survey tool (happy path)");
        var (detractor, complaint, praise) = (NewId(), NewId(), NewId());

        var response = await app.ClientWith(key.Secret).PostAsJsonAsync("/api/feedback", new
        {
            items = new[]
            {
                Item(detractor, nps: 3, verbatim: "Waited twenty minutes at the tills."),
                Item(complaint, channel: "website", source: "complaint", verbatim: "My parcel never arrived and nobody called back."),
                Item(praise, channel: "app", source: "Review", verbatim: "Brilliant app, quick and easy checkout.", customerRef: "LOY-4471"),
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<FeedbackIngested>())!;
        Assert.Equal((3, 0, 2), (result.Created, result.AlreadyPresent, result.FollowUpsOpened));

        await using var db = await app.DbAsync();
        var stored = await db.Feedback.AsNoTracking().Where(f => new[] { detractor, complaint, praise }.Contains(f.ExternalId!))
            .ToDictionaryAsync(f => f.ExternalId!);
        Assert.Equal(FollowUpStatus.Open, stored[detractor].FollowUpStatus);
        Assert.Equal(FollowUpStatus.Open, stored[complaint].FollowUpStatus);
        Assert.Equal(FollowUpStatus.None, stored[praise].FollowUpStatus);
        Assert.Equal(Sentiment.Negative, stored[detractor].Sentiment);
        Assert.Equal(Sentiment.Positive, stored[praise].Sentiment);
        Assert.Equal("LOY-4471", stored[praise].CustomerRef);
        var actors = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(FeedbackItem) && a.EntityId == stored[praise].Id.ToString())
            .Select(a => a.ActorName).ToListAsync();
        Assert.Equal(["API key: Survey tool (happy path)"], actors);
    }

    [Fact]
    public async Task Sending_the_same_batch_again_creates_no_duplicates_and_says_which_were_already_there()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite);
        var ids = new[] { NewId(), NewId() };
        var batch = new { items = ids.Select(id => Item(id)).ToArray() };
        var client = app.ClientWith(key.Secret);

        var first = (await (await client.PostAsJsonAsync("/api/feedback", batch)).Content.ReadFromJsonAsync<FeedbackIngested>())!;
        var again = await client.PostAsJsonAsync("/api/feedback", batch);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await again.Content.ReadFromJsonAsync<FeedbackIngested>())!;
        Assert.Equal((2, 0), (first.Created, first.AlreadyPresent));
        Assert.Equal((0, 2), (second.Created, second.AlreadyPresent));
        Assert.Equal(ids.Order(), second.AlreadyPresentExternalIds.Order());
        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.Feedback.CountAsync(f => ids.Contains(f.ExternalId!)));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_problem_details()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite);

        var response = await app.ClientWith(key.Secret).PostAsync("/api/feedback",
            new StringContent("{\"items\": [ {\"externalId\": \"x\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_channel_refuses_the_whole_batch_and_names_the_item()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite);
        var good = NewId();

        var response = await app.ClientWith(key.Secret).PostAsJsonAsync("/api/feedback", new
        {
            items = new[] { Item(good), Item(NewId(), channel: "teleport"), Item(NewId(), customerRef: "jane@example.com") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("teleport", Assert.Single(errors["items[1].channel"]));
        Assert.Contains("pseudonymous", Assert.Single(errors["items[2].customerRef"]));
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("items[0]", StringComparison.Ordinal));
        await using var db = await app.DbAsync();
        Assert.False(await db.Feedback.AnyAsync(f => f.ExternalId == good));
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_items_is_refused()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite);
        var items = Enumerable.Range(0, 1001).Select(_ => Item(NewId(), verbatim: "ok")).ToArray();

        var response = await app.ClientWith(key.Secret).PostAsJsonAsync("/api/feedback", new { items });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1,000", Assert.Single((await ErrorsAsync(response))["items"]));
    }

    [Fact]
    public async Task A_body_over_two_megabytes_is_refused_as_too_large()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite);
        var items = Enumerable.Range(0, 600).Select(_ => Item(NewId(), verbatim: new string('a', 3900))).ToArray();

        var response = await app.ClientWith(key.Secret).PostAsJsonAsync("/api/feedback", new { items });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_key_the_api_answers_401()
    {
        var batch = new { items = new[] { Item(NewId()) } };

        var none = await app.ClientWith(null).PostAsJsonAsync("/api/feedback", batch);
        var wrong = await app.ClientWith(ApiKeySecret.Create()).PostAsJsonAsync("/api/feedback", batch);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite, "Old survey tool");
        var client = app.ClientWith(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/feedback", new { items = new[] { Item(NewId()) } })).StatusCode);

        await app.AdminService().RevokeApiKeyAsync(key.Id, app.Admin);

        var refused = await client.PostAsJsonAsync("/api/feedback", new { items = new[] { Item(NewId()) } });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_scope_is_forbidden()
    {
        var metricsOnly = await app.CreateKeyAsync(ApiScopes.MetricsWrite, "BI job");
        var feedbackOnly = await app.CreateKeyAsync(ApiScopes.FeedbackWrite, "Survey tool");

        var feedback = await app.ClientWith(metricsOnly.Secret).PostAsJsonAsync("/api/feedback", new { items = new[] { Item(NewId()) } });
        var values = await app.ClientWith(feedbackOnly.Secret).PostAsJsonAsync("/api/metrics/CONV/values",
            new { values = new[] { new { period = "2025-Q1", channel = (string?)null, value = 9.5, sampleSize = (int?)null } } });

        Assert.Equal(HttpStatusCode.Forbidden, feedback.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, values.StatusCode);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite, "Contact centre feed");
        Assert.Null((await app.AdminService().ListApiKeysAsync(app.Admin)).Single(k => k.Id == key.Id).LastUsedAt);

        await app.ClientWith(key.Secret).PostAsJsonAsync("/api/feedback", new { items = new[] { Item(NewId()) } });

        var listed = (await app.AdminService().ListApiKeysAsync(app.Admin)).Single(k => k.Id == key.Id);
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal(key.Secret[..8], listed.Prefix);
    }

    [Fact]
    public async Task Metric_values_are_recorded_then_corrected_when_sent_again()
    {
        var key = await app.CreateKeyAsync(ApiScopes.MetricsWrite, "BI job");
        var client = app.ClientWith(key.Secret);
        var quarter = Period.Containing(DateOnly.FromDateTime(IngestionApiApp.Now.UtcDateTime), PeriodKind.Quarter).LastN(9)[0];
        object Value(string? channel, double value) => new { period = quarter.ToString(), channel, value, sampleSize = (int?)null };

        var first = await client.PostAsJsonAsync("/api/metrics/conv/values", new { values = new[] { Value("store", 12.5), Value(null, 8.25) } });
        var second = await client.PostAsJsonAsync("/api/metrics/CONV/values", new { values = new[] { Value("store", 13), Value(null, 8.25) } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var corrected = (await second.Content.ReadFromJsonAsync<MetricValuesIngested>())!;
        Assert.Equal((0, 1, 1), (corrected.Created, corrected.Updated, corrected.Unchanged));
        await using var db = await app.DbAsync();
        var conv = await db.Metrics.SingleAsync(m => m.Code == "CONV");
        var store = await db.Channels.SingleAsync(c => c.Code == "store");
        var values = await db.MetricValues.AsNoTracking()
            .Where(v => v.MetricDefinitionId == conv.Id && v.PeriodStart == quarter.Start && v.PeriodKind == PeriodKind.Quarter)
            .ToListAsync();
        Assert.Equal(13, values.Single(v => v.ChannelId == store.Id).Value);
        Assert.Equal(8.25, values.Single(v => v.ChannelId == null).Value);
    }

    [Fact]
    public async Task A_value_may_come_with_its_interval_and_an_interval_that_misses_the_value_is_refused()
    {
        var key = await app.CreateKeyAsync(ApiScopes.MetricsWrite, "BI job");
        var client = app.ClientWith(key.Secret);
        var quarter = Period.Containing(DateOnly.FromDateTime(IngestionApiApp.Now.UtcDateTime), PeriodKind.Quarter).LastN(9)[1];

        var wrong = await client.PostAsJsonAsync("/api/metrics/CONV/values",
            new { values = new[] { new { period = quarter.ToString(), channel = "store", value = 12.5, sampleSize = 800, low = 13.0, high = 15.0 } } });
        var right = await client.PostAsJsonAsync("/api/metrics/CONV/values",
            new { values = new[] { new { period = quarter.ToString(), channel = "store", value = 12.5, sampleSize = 800, low = 10.3, high = 14.9 } } });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("low at or below the value", Assert.Single((await ErrorsAsync(wrong))["values[0]"]));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        await using var db = await app.DbAsync();
        var conv = await db.Metrics.SingleAsync(m => m.Code == "CONV");
        var store = await db.Channels.SingleAsync(c => c.Code == "store");
        var stored = await db.MetricValues.AsNoTracking()
            .SingleAsync(v => v.MetricDefinitionId == conv.Id && v.ChannelId == store.Id && v.PeriodStart == quarter.Start && v.PeriodKind == PeriodKind.Quarter);
        Assert.Equal((800, 10.3, 14.9), (stored.SampleSize!.Value, stored.Low!.Value, stored.High!.Value));
    }

    [Fact]
    public async Task A_value_for_a_future_period_or_an_unknown_metric_is_refused()
    {
        var key = await app.CreateKeyAsync(ApiScopes.MetricsWrite, "BI job");
        var client = app.ClientWith(key.Secret);
        var next = Period.Containing(DateOnly.FromDateTime(IngestionApiApp.Now.UtcDateTime), PeriodKind.Quarter).Next;

        var future = await client.PostAsJsonAsync("/api/metrics/CONV/values",
            new { values = new[] { new { period = next.ToString(), channel = "store", value = 10.0 } } });
        var unknown = await client.PostAsJsonAsync("/api/metrics/NO-SUCH/values",
            new { values = new[] { new { period = "2025-Q1", channel = "store", value = 10.0 } } });

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("has not started yet", Assert.Single((await ErrorsAsync(future))["values[0]"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("NO-SUCH", Assert.Single((await ErrorsAsync(unknown))["code"]));
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints_and_the_api_key()
    {
        var response = await app.Factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/feedback", out var feedback));
        Assert.True(paths.TryGetProperty("/api/metrics/{code}/values", out _));
        Assert.Equal(["/api/feedback", "/api/metrics/{code}/values"], paths.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(feedback.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty(nameof(FeedbackInput), out _));
        Assert.True(schemas.TryGetProperty(nameof(MetricValuesIngested), out _));
        Assert.Contains("X-Api-Key", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetRawText());
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
