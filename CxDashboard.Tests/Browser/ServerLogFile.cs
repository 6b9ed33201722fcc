using Microsoft.Extensions.Logging;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// Writes the warnings and errors of the app under a browser test to a file beside the screenshots, so a
/// journey that fails on another machine can be read afterwards (.ci/run prints these files when tests fail).
/// </summary>
public sealed class ServerLogFile(string path) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "browser-logs");

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    public void Write(string line)
    {
        lock (_gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    private sealed class FileLogger(ServerLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                file.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }
    }
}
