using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxDashboard.Tests.Support;

/// <summary>
/// Hears every command EF Core is about to send, from any context in the process, until disposed. Tests running at the
/// same time send commands too: the callback tells its own apart (by context or connection).
/// </summary>
public static class CommandsExecuting
{
    public static IDisposable Watch(Action<CommandEventData> onCommand) =>
        DiagnosticListener.AllListeners.Subscribe(new Listener(source =>
        {
            if (source.Name == DbLoggerCategory.Name)
            {
                source.Subscribe(new Observer(e =>
                {
                    if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData command)
                    {
                        onCommand(command);
                    }
                }));
            }
        }));

    private sealed class Listener(Action<DiagnosticListener> onNext) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value) => onNext(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Observer(Action<KeyValuePair<string, object?>> onNext) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => onNext(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
