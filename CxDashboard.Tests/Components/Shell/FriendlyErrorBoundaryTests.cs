using Bunit;
using CxDashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Tests.Components.Shell;

public sealed class FriendlyErrorBoundaryTests : ShellTestContext
{
    [Fact]
    public void Try_again_renders_the_page_afresh_once_the_cause_has_gone()
    {
        var database = new FlakyDatabase { Available = false };
        var boundary = Render<FriendlyErrorBoundary>(p => p.AddChildContent<PageUsingTheDatabase>(c => c.Add(x => x.Database, database)));
        Assert.Contains("Something went wrong", boundary.Find("h1").TextContent);
        Assert.Contains("could not be shown", boundary.Find(".mud-alert").TextContent);

        database.Available = true;
        boundary.FindAll("button").Single(b => b.TextContent.Contains("Try again")).Click();

        Assert.Equal("Numbers loaded", boundary.Find("p").TextContent);
    }

    public sealed class FlakyDatabase
    {
        public bool Available { get; set; }
    }

    private sealed class PageUsingTheDatabase : ComponentBase
    {
        [Parameter] public FlakyDatabase Database { get; set; } = null!;

        protected override void OnInitialized()
        {
            if (!Database.Available)
            {
                throw new InvalidOperationException("The database is unavailable.");
            }
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, "Numbers loaded");
            builder.CloseElement();
        }
    }
}
