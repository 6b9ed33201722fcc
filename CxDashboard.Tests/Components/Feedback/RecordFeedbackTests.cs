using Bunit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CxDashboard.Tests.Components.Feedback;

public sealed class RecordFeedbackTests : FeedbackComponentTest
{
    protected override Task PrepareAsync()
    {
        SignInAs("Cara Moss", Roles.Contributor, Data.Cara);
        return Task.CompletedTask;
    }

    private IRenderedComponent<RecordFeedback> RenderForm()
    {
        var form = Render<RecordFeedback>();
        form.WaitForElement("form, .mud-form");
        return form;
    }

    private static Task Choose<T>(IRenderedComponent<RecordFeedback> form, string label, T value) =>
        form.InvokeAsync(() => form.FindComponents<MudSelect<T>>().Single(s => s.Instance.Label == label).Instance.SelectOption(value));

    private static void Submit(IRenderedComponent<RecordFeedback> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Record feedback").Click();

    private static AngleSharp.Dom.IElement ScoreInput(IRenderedComponent<RecordFeedback> form) =>
        form.FindComponent<MudNumericField<int?>>().Find("input");

    private static string Suggestion(IRenderedComponent<RecordFeedback> form) => form.Find(".suggested-sentiment").TextContent;

    [Fact]
    public void Submitting_an_empty_form_shows_a_message_beside_each_missing_field_and_saves_nothing()
    {
        var form = RenderForm();

        Submit(form);

        form.WaitForAssertion(() =>
        {
            var errors = form.FindAll(".mud-input-helper-text.mud-input-error .me-auto").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("Choose the channel.", errors);
            Assert.Contains("Choose where it came from.", errors);
            Assert.Contains("Choose product, service or experience.", errors);
            Assert.Contains("Write what was said: only a survey answer with a score may come without words.", errors);
        });
        Assert.Empty(form.FindAll(".mud-alert-text-success"));
    }

    [Fact]
    public async Task Choosing_a_score_updates_the_suggested_sentiment_and_its_reason()
    {
        var form = RenderForm();
        Assert.Contains("No score and no telling words.", Suggestion(form));

        await Choose<ScoreScale?>(form, "Score scale", ScoreScale.Nps);
        ScoreInput(form).Change("3");

        form.WaitForAssertion(() => Assert.Contains("Negative — NPS score 3 is in the bottom band.", Suggestion(form)));

        ScoreInput(form).Change("10");

        form.WaitForAssertion(() => Assert.Contains("Positive — NPS score 10 is in the top band.", Suggestion(form)));
    }

    [Fact]
    public void A_receipt_date_in_the_future_is_refused()
    {
        var form = RenderForm();

        form.Find("input[type=datetime-local]").Change("2030-01-01T10:00");
        Submit(form);

        form.WaitForAssertion(() => Assert.Contains("Feedback cannot be received in the future.",
            form.FindAll(".mud-input-helper-text.mud-input-error .me-auto").Select(e => e.TextContent.Trim())));
    }

    [Fact]
    public async Task Recording_a_detractor_says_who_owns_the_follow_up_and_when_it_is_due()
    {
        var form = RenderForm();
        form.Find("input[type=datetime-local]").Change("2026-11-23T07:00");
        await Choose<int?>(form, "Channel", Data.Store);
        await Choose<FeedbackSource?>(form, "Source", FeedbackSource.Survey);
        await Choose<FeedbackCategory?>(form, "Category", FeedbackCategory.Service);
        await Choose<ScoreScale?>(form, "Score scale", ScoreScale.Nps);
        ScoreInput(form).Change("2");
        form.Find("textarea").Input("Nobody could find my order.");

        Submit(form);

        form.WaitForAssertion(() => Assert.Contains(
            "Dana Reid owns it and must contact the customer by 25 Nov 2026 07:00 UTC",
            form.Find(".mud-alert-text-success").TextContent.Replace("  ", " ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_receipt_time_three_minutes_ahead_is_accepted_as_the_domain_allows_for_a_fast_clock()
    {
        var form = RenderForm();
        form.Find("input[type=datetime-local]").Change("2026-11-23T09:03");
        await Choose<int?>(form, "Channel", Data.Store);
        await Choose<FeedbackSource?>(form, "Source", FeedbackSource.Survey);
        await Choose<FeedbackCategory?>(form, "Category", FeedbackCategory.Service);
        await Choose<ScoreScale?>(form, "Score scale", ScoreScale.Nps);
        ScoreInput(form).Change("9");
        form.Find("textarea").Input("Quick and friendly at the till.");

        Submit(form);

        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll(".mud-alert-text-success")));
        Assert.DoesNotContain("Feedback cannot be received in the future.", form.Markup);
    }
}
