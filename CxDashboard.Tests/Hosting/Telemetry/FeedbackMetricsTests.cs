using System.Text;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Hosting.Telemetry;

namespace CxDashboard.Tests.Hosting.Telemetry;

public sealed class FeedbackMetricsTests : IAsyncLifetime
{
    private const string Csv = "ReceivedAt,Channel,JourneyStage,Source,Category,ScoreScale,Score,Verbatim,CustomerRef,ExternalId\n"
        + "2026-11-20 10:00,store,purchase,Survey,Service,Nps,3,\"The queue was long, and nobody helped.\",,M-1\n"
        + "2026-11-20T11:30:00Z,Website,,Review,Product,,,Lovely coat and quick delivery,,M-2\n";

    private FeedbackData _data = null!;
    private MeterRecorder _meters = null!;

    public async Task InitializeAsync()
    {
        _data = await FeedbackData.CreateAsync();
        _meters = new MeterRecorder(_data.Meters);
    }

    public async Task DisposeAsync()
    {
        _meters.Dispose();
        await _data.Database.DisposeAsync();
    }

    private FeedbackImporter Importer() => new(_data.Database, _data.Clock, _data.Service(), _data.Metrics);

    private Task<FeedbackImportResult> ImportAsync(string csv) =>
        Importer().ImportAsync(_data.CaraContributor, "survey.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public async Task Recorded_feedback_is_counted_as_ingested_by_hand()
    {
        await _data.Service().RecordAsync(_data.Command(_data.Store, ScoreScale.Nps, 9), _data.CaraContributor);

        var measured = Assert.Single(_meters.Of(AppMetrics.FeedbackIngestedName));
        Assert.Equal(1, measured.Value);
        Assert.Equal("recorded", measured.Tags[AppMetrics.ViaTag]);
    }

    [Fact]
    public async Task Refused_feedback_is_not_counted()
    {
        await Assert.ThrowsAsync<DomainException>(() =>
            _data.Service().RecordAsync(_data.Command(_data.Store, verbatim: " "), _data.CaraContributor));

        Assert.Empty(_meters.Of(AppMetrics.FeedbackIngestedName));
    }

    [Fact]
    public async Task An_import_counts_the_rows_it_stored_and_not_those_already_there()
    {
        var first = await ImportAsync(Csv);
        var again = await ImportAsync(Csv);

        Assert.True(first.Succeeded, string.Join(" ", first.Problems));
        Assert.Equal((2, 2), (first.Imported, again.SkippedAsAlreadyImported));
        var measured = Assert.Single(_meters.Of(AppMetrics.FeedbackIngestedName));
        Assert.Equal(2, measured.Value);
        Assert.Equal("import", measured.Tags[AppMetrics.ViaTag]);
    }
}
