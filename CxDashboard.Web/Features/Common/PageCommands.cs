namespace CxDashboard.Web.Features.Common;

/// <summary>
/// Runs a page's query or command as the current caller and turns what went wrong into the message the
/// page shows (see <see cref="Problem.Describe"/>), so no page catches exceptions itself.
/// </summary>
public sealed class PageCommands(CurrentCaller current, ILogger<PageCommands> logger)
{
    public Task<Caller> CallerAsync() => current.GetAsync();

    /// <summary>
    /// Runs a change. Returns null when it was saved, or the message to show. When someone else saved
    /// first, <paramref name="reload"/> runs so the page shows the current values next to the message.
    /// </summary>
    public async Task<string?> RunAsync(Func<Caller, Task> command, Func<Task>? reload = null) =>
        (await TryRunAsync(command, reload))?.Message;

    /// <summary>
    /// Runs a change like <see cref="RunAsync(Func{Caller, Task}, Func{Task}?)"/>, but says what kind of
    /// failure it was, for pages that show a rule break next to a field or a conflict as a warning.
    /// </summary>
    public Task<Failure?> TryRunAsync(Func<Caller, Task> command, Func<Task>? reload = null) =>
        AttemptAsync(command, saving: true, reload);

    /// <summary>Loads like <see cref="LoadAsync(Func{Caller, Task})"/>, saying what kind of failure it was.</summary>
    public Task<Failure?> TryLoadAsync(Func<Caller, Task> load) => AttemptAsync(load, saving: false, reload: null);

    /// <summary>Runs a change that answers something (the new record's id, say).</summary>
    public async Task<Outcome<T>> RunAsync<T>(Func<Caller, Task<T>> command, Func<Task>? reload = null)
    {
        T result = default!;
        Func<Caller, Task> run = async caller => result = await command(caller);
        var error = await RunAsync(run, reload);
        return error is null ? Outcome<T>.Done(result) : Outcome<T>.Failed(error);
    }

    /// <summary>Loads what a page shows; a failure becomes the message to show instead.</summary>
    public async Task<Outcome<T>> LoadAsync<T>(Func<Caller, Task<T>> query)
    {
        T result = default!;
        Func<Caller, Task> load = async caller => result = await query(caller);
        var error = await LoadAsync(load);
        return error is null ? Outcome<T>.Done(result) : Outcome<T>.Failed(error);
    }

    /// <summary>
    /// Loads what a page shows into its fields. Returns null when it loaded, or the message to show.
    /// A cancelled load (the person moved on) is not a failure and is left to the caller.
    /// </summary>
    public async Task<string?> LoadAsync(Func<Caller, Task> load) => (await TryLoadAsync(load))?.Message;

    private async Task<Failure?> AttemptAsync(Func<Caller, Task> work, bool saving, Func<Task>? reload)
    {
        try
        {
            await work(await current.GetAsync());
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = new Failure(Problem.KindOf(ex), Problem.Describe(ex, saving, logger));
            if (reload is not null && failure.Kind == ProblemKind.Conflict)
            {
                await reload();
            }
            return failure;
        }
    }
}

/// <summary>Why a page's query or command failed, and the message to show.</summary>
public sealed record Failure(ProblemKind Kind, string Message);

/// <summary>What a page's query or command gave back: a value, or the message saying why not.</summary>
public readonly record struct Outcome<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static Outcome<T> Done(T value) => new(value, null);

    public static Outcome<T> Failed(string error) => new(default, error);
}
