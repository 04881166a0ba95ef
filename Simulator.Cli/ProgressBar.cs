using Spectre.Console;

namespace Simulator.Cli;

/// <summary>
/// A Spectre.Console progress bar on stderr with percent, elapsed time and time remaining, drawn by Spectre's live
/// display on a thread of its own while the work reports on the caller's; without a known total it shows the count.
/// </summary>
internal sealed class ProgressBar : IProgress<int>, IDisposable
{
    private readonly ManualResetEventSlim _started = new();
    private readonly ManualResetEventSlim _done = new();
    private readonly Task _display;
    private readonly string _description;
    private readonly int? _total;
    private ProgressTask? _task;

    /// <summary>Shows a bar for <paramref name="total"/> steps on <paramref name="console"/>; with a null total, a running count.</summary>
    public ProgressBar(IAnsiConsole console, string description, int? total)
    {
        _description = description;
        _total = total;
        _display = Task.Factory.StartNew(
            () => console.Progress()
                .AutoClear(true)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    _task = context.AddTask(description, maxValue: Math.Max(1, total ?? 1));
                    _task.IsIndeterminate = total is null;
                    _started.Set();
                    _done.Wait();
                }),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        // Should the display fail to start, the work goes on without it rather than waiting for ever.
        WaitHandle.WaitAny([_started.WaitHandle, ((IAsyncResult)_display).AsyncWaitHandle]);
    }

    /// <summary>Sets the steps done.</summary>
    public void Report(int value)
    {
        if (_task is not { } task)
        {
            return;
        }

        if (_total is null)
        {
            task.Description = $"{_description}: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }
        else
        {
            task.Value = value;
        }
    }

    /// <summary>Removes the bar and waits for the display to stop, so that later output starts on a clean line.</summary>
    public void Dispose()
    {
        _done.Set();
        try
        {
            _display.Wait();
        }
        catch (AggregateException)
        {
            // A display that failed has nothing left on the screen to clear; the work's own outcome is what counts.
        }

        _started.Dispose();
        _done.Dispose();
    }
}
