using Bunit;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CxDashboard.Tests.Components.Feedback;

/// <summary>The page's 200 MB limit, as a browser declares a file's size and as a client that lies about it sends more.</summary>
public sealed class ImportUploadLimitTests : FeedbackComponentTest
{
    protected override Task PrepareAsync()
    {
        SignInAs("Cara Moss", Roles.Contributor, Data.Cara);
        Services.AddSingleton(new FeedbackImporter(Data.Database, Data.Clock, Data.Service(), Data.Metrics));
        Services.AddSingleton(new ImportPresetService(Data.Database, Data.Clock));
        return Task.CompletedTask;
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string TooLarge => "The file is larger than 200 MB. Split the export into smaller files (by date, for example).";

    private static Task ChooseAsync(IRenderedComponent<ImportFeedback> page, IBrowserFile file) =>
        page.InvokeAsync(() => page.FindComponent<MudFileUpload<IBrowserFile>>().Instance.FilesChanged.InvokeAsync(file));

    [Fact]
    public async Task A_file_declared_over_200_MB_is_refused_before_a_byte_is_read_and_nothing_is_written()
    {
        var page = Render<ImportFeedback>();
        var file = new ClientFile("survey.csv", ImportFile.MaxBytes + 1024 * 1024, ImportFile.MaxBytes + 1024 * 1024);

        await ChooseAsync(page, file);

        page.WaitForAssertion(() => Assert.Equal(TooLarge, page.Find("[data-testid=import-error]").TextContent.Trim()), Patience);
        Assert.False(file.Opened);
        Assert.DoesNotContain("Columns in the file", page.Markup, StringComparison.Ordinal);
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    [Fact]
    public async Task A_client_that_declares_a_small_file_but_sends_over_200_MB_is_stopped_at_the_limit_and_nothing_is_written()
    {
        var page = Render<ImportFeedback>();
        var file = new ClientFile("survey.csv", declaredSize: 2048, sentBytes: ImportFile.MaxBytes + 1);

        await ChooseAsync(page, file);

        page.WaitForAssertion(() => Assert.Contains(TooLarge, page.Find("[data-testid=import-problems]").TextContent, StringComparison.Ordinal), Patience);
        Assert.True(file.Opened);
        Assert.DoesNotContain("Columns in the file", page.Markup, StringComparison.Ordinal);
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal(0, await db.Feedback.CountAsync());
    }

    /// <summary>A file as the circuit hands it over: the size the browser declared, and the bytes the client then actually sends.</summary>
    private sealed class ClientFile(string name, long declaredSize, long sentBytes) : IBrowserFile
    {
        public bool Opened { get; private set; }

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => declaredSize;

        public string ContentType => "text/csv";

        /// <summary>As Blazor's own: refuses a declared size over the allowance, and otherwise trusts the client's stream.</summary>
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            if (declaredSize > maxAllowedSize)
            {
                throw new IOException($"Supplied file with size {declaredSize} bytes exceeds the maximum of {maxAllowedSize} bytes.");
            }
            Opened = true;
            return new EndlessCsv(sentBytes);
        }
    }
}
