using System.Security.Claims;
using CxDashboard.Domain.Common;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace CxDashboard.Tests.Features.Common;

public sealed class PageCommandsTests
{
    private readonly RecordingLogger<PageCommands> _log = new();
    private readonly PageCommands _commands;

    public PageCommandsTests()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "Ana Silva"), new Claim(Caller.PersonIdClaim, "7"), new Claim(Caller.TeamIdClaim, "3"), new Claim(ClaimTypes.Role, Roles.ChannelLead)],
            "Test", ClaimTypes.Name, ClaimTypes.Role));
        _commands = new PageCommands(new CurrentCaller(new SignedIn(user)), _log);
    }

    private Task<string?> Failing(Exception exception) => _commands.RunAsync(_ => throw exception);

    [Fact]
    public async Task A_command_runs_as_the_signed_in_person_and_shows_no_message()
    {
        Caller? seen = null;

        var error = await _commands.RunAsync(caller => { seen = caller; return Task.CompletedTask; });

        Assert.Null(error);
        Assert.Equal(7, seen?.PersonId);
        Assert.Equal(3, seen?.TeamId);
        Assert.True(seen?.IsChannelLead);
    }

    [Fact]
    public async Task A_broken_rule_shows_the_rules_own_message()
    {
        Assert.Equal("A verbatim is required.", await Failing(new DomainException("A verbatim is required.")));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task A_refusal_shows_what_the_person_may_not_do()
    {
        Assert.Equal("You may not change another team's issue.", await Failing(new NotAllowedException("You may not change another team's issue.")));
    }

    [Fact]
    public async Task A_missing_record_shows_its_message()
    {
        Assert.Equal("Friction issue #9 was not found.", await Failing(new NotFoundException("Friction issue #9 was not found.")));
    }

    [Fact]
    public async Task A_save_that_lost_a_race_says_someone_else_saved_and_reloads_the_page()
    {
        var reloaded = false;

        var error = await _commands.RunAsync(_ => throw new DbUpdateConcurrencyException("stale"), () => { reloaded = true; return Task.CompletedTask; });

        Assert.Equal("Someone else saved this at the same moment; here are the current values.", error);
        Assert.True(reloaded);
    }

    [Theory]
    [InlineData(14)] // cannot open
    [InlineData(26)] // not a database
    [InlineData(10)] // disk I/O
    public async Task A_database_that_cannot_be_reached_says_so_and_that_nothing_was_saved(int sqliteError)
    {
        var error = await Failing(new SqliteException("unable to open database file", sqliteError));

        Assert.Equal("The database is unavailable just now. Nothing was saved; try again in a moment.", error);
    }

    [Fact]
    public async Task Timeouts_exhausted_retries_and_a_failed_open_count_as_the_database_being_unavailable()
    {
        Assert.Equal(DatabaseTrouble.UnavailableMessage, await Failing(new TimeoutException()));
        Assert.Equal(DatabaseTrouble.UnavailableMessage, await Failing(new RetryLimitExceededException("gave up", new TimeoutException())));
        Assert.Equal(DatabaseTrouble.UnavailableMessage,
            await Failing(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new SqliteException("unable to open database file", 14))));
    }

    [Fact]
    public async Task A_save_the_database_refused_is_not_reported_as_someone_else_saving()
    {
        var error = await Failing(new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed: Feedback.ExternalId", 19)));

        Assert.Equal(Problem.RefusedMessage, error);
        Assert.DoesNotContain("someone else", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anything_else_gets_a_general_message_and_is_logged_with_its_exception()
    {
        var bug = new NullReferenceException("a bug");

        var error = await Failing(bug);

        Assert.Equal(Problem.UnexpectedSavingMessage, error);
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(bug, entry.Exception);
    }

    [Fact]
    public async Task A_page_can_tell_a_refusal_from_a_lost_race_from_a_database_that_is_down()
    {
        var reloaded = false;

        var refused = await _commands.TryRunAsync(_ => throw new DomainException("A due date cannot be in the past."));
        var raced = await _commands.TryRunAsync(_ => throw new ConcurrencyConflictException("Someone else changed this action."), () => { reloaded = true; return Task.CompletedTask; });
        var down = await _commands.TryLoadAsync(_ => throw new SqliteException("unable to open database file", 14));
        var saved = await _commands.TryRunAsync(_ => Task.CompletedTask);

        Assert.Equal(new Failure(ProblemKind.Refused, "A due date cannot be in the past."), refused);
        Assert.Equal(new Failure(ProblemKind.Conflict, "Someone else changed this action."), raced);
        Assert.True(reloaded);
        Assert.Equal(new Failure(ProblemKind.Failed, DatabaseTrouble.UnavailableWhileLoadingMessage), down);
        Assert.Null(saved);
    }

    [Fact]
    public async Task A_load_that_fails_gives_the_message_instead_of_a_value()
    {
        var ok = await _commands.LoadAsync(caller => Task.FromResult(caller.Name));
        var down = await _commands.LoadAsync<string>(_ => throw new SqliteException("unable to open database file", 14));

        Assert.Equal(("Ana Silva", true), (ok.Value, ok.Succeeded));
        Assert.Equal(DatabaseTrouble.UnavailableWhileLoadingMessage, down.Error);
        Assert.False(down.Succeeded);
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
