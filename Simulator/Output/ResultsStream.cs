using CsvHelper;
using Simulator.Experiments;
using Simulator.Metrics;
using Simulator.Model.Specs;
using Simulator.Output.Report;

namespace Simulator.Output;

/// <summary>
/// Writes the results contract while an experiment runs: each replication's summary, event and time-series rows go to
/// disk as the experiment hands it over, so memory does not grow with the number of replications. Everything is
/// written into a hidden sibling folder <c>.NAME.tmp-RANDOM</c> that <see cref="Complete"/> renames into place;
/// disposing an incomplete stream deletes it, so an interrupted run never leaves a result that looks whole.
/// </summary>
/// <remarks>
/// Replications arrive replication by replication (all policies of replication 0, then of 1, ...) but the files list
/// them policy by policy: rows go to one section file per policy and file, joined under one header at the end.
/// </remarks>
public sealed class ResultsStream : IReplicationSink, IDisposable
{
    private readonly ResultsFolderClaim _claim;
    private readonly DateTimeOffset _scenarioStart;
    private readonly bool _allTimeseries;
    private readonly TimeseriesFormat _timeseriesFormat;
    private readonly List<Section> _sections = [];
    private bool _completed;

    private ResultsStream(ResultsFolderClaim claim, string temporary, DateTimeOffset scenarioStart, bool allTimeseries, TimeseriesFormat timeseriesFormat)
    {
        _claim = claim;
        Folder = temporary;
        _scenarioStart = scenarioStart;
        _allTimeseries = allTimeseries;
        _timeseriesFormat = timeseriesFormat;
    }

    /// <summary>The temporary folder the results are written into until <see cref="Complete"/>.</summary>
    public string Folder { get; }

    /// <summary>
    /// Checks that <paramref name="target"/> can receive results, claims it against other runs (see
    /// <see cref="ResultsFolderClaim"/>) and creates the temporary folder next to it.
    /// </summary>
    /// <param name="target">Results folder.</param>
    /// <param name="scenarioStart">Wall-clock time of hour 0, for the timestamp columns.</param>
    /// <param name="force">Replace a non-empty folder at <see cref="Complete"/>.</param>
    /// <param name="allTimeseries">Write the time series of every replication; otherwise of replication 0 only.</param>
    /// <param name="timeseriesFormat">Write the time series as <c>timeseries.csv</c> or as <c>timeseries.parquet</c>.</param>
    /// <exception cref="ResultsFolderNotEmptyException">The folder holds something and <paramref name="force"/> is false.</exception>
    /// <exception cref="ResultsFolderRefusedException">The folder may not be replaced, or another run is writing into it.</exception>
    public static ResultsStream Create(
        string target, DateTimeOffset scenarioStart, bool force = false, bool allTimeseries = false, TimeseriesFormat timeseriesFormat = TimeseriesFormat.Csv)
    {
        var claim = ResultsFolderClaim.Acquire(target, force);
        try
        {
            return new ResultsStream(claim, claim.CreateTemporary(), scenarioStart, allTimeseries, timeseriesFormat);
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Accept(ReplicationResult replication) => Write(replication, CancellationToken.None);

    /// <summary>
    /// Writes <c>statistics.csv</c>, the comparison files when given, the charts and <c>run.json</c>, joins the
    /// sections, and renames the folder into place. Returns the file names written.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was moved into place.</exception>
    /// <remarks>With <paramref name="scenario"/> it also writes <c>report.html</c>: the headline, tables, charts and map in one file.</remarks>
    public IReadOnlyList<string> Complete(
        ExperimentResult result,
        RunManifest manifest,
        PolicyComparison? comparison = null,
        CancellationToken cancellationToken = default,
        ScenarioSpec? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(manifest);
        ObjectDisposedException.ThrowIf(_completed, this);
        foreach (var section in _sections)
        {
            section.Close();
        }

        var order = _sections
            .OrderBy(s => IndexOf(result.Policies, s.Policy))
            .ToList();
        var written = new List<string>();
        void Join(string file, IReadOnlyList<string> header, Func<Section, string> part)
        {
            cancellationToken.ThrowIfCancellationRequested();
            JoinParts(Path.Combine(Folder, file), header, order.Select(part));
            foreach (var section in order)
            {
                File.Delete(part(section));
            }

            written.Add(file);
        }

        Join(ResultsWriter.SummaryFile, ResultsCsv.SummaryColumns, s => s.SummaryPath);
        Join(ResultsWriter.DisruptionsFile, ResultsCsv.DisruptionsColumns, s => s.DisruptionsPath);
        Join(ResultsWriter.EventsFile, ResultsCsv.EventsColumns, s => s.EventsPath);
        if (_timeseriesFormat == TimeseriesFormat.Csv)
        {
            Join(ResultsWriter.TimeseriesFile, ResultsCsv.TimeseriesColumns, s => s.TimeseriesPath);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeseriesParquet.Join(Path.Combine(Folder, TimeseriesParquet.FileName), order.Select(s => s.TimeseriesPath).ToList(), cancellationToken);
            written.Add(TimeseriesParquet.FileName);
        }
        written.AddRange(WriteDerived(Folder, result, manifest, comparison, _scenarioStart, cancellationToken, scenario));

        _claim.MoveIntoPlace(Folder);
        _completed = true;
        return written;
    }

    /// <summary>Writes <paramref name="header"/>, then the bytes of every headerless part file in order.</summary>
    internal static void JoinParts(string path, IReadOnlyList<string> header, IEnumerable<string> parts)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using (var writer = new StreamWriter(stream, ResultsCsv.FileEncoding, leaveOpen: true))
        {
            using (ResultsCsv.Open(writer, header))
            {
            }
        }

        foreach (var part in parts)
        {
            using var source = File.OpenRead(part);
            source.CopyTo(stream);
        }
    }

    /// <summary>
    /// Writes what needs every replication, next to the joined per-run files: <c>statistics.csv</c>, the comparison
    /// files when given, the charts and, last, <c>run.json</c>. Returns the file names written.
    /// </summary>
    internal static IReadOnlyList<string> WriteDerived(
        string folder,
        ExperimentResult result,
        RunManifest manifest,
        PolicyComparison? comparison,
        DateTimeOffset scenarioStart,
        CancellationToken cancellationToken,
        ScenarioSpec? scenario = null)
    {
        var written = new List<string>();
        void Csv(string file, Action<TextWriter> write)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (var writer = new StreamWriter(Path.Combine(folder, file), append: false, ResultsCsv.FileEncoding))
            {
                write(writer);
            }

            written.Add(file);
        }

        var statistics = result.Statistics.Count > 0 ? result.Statistics : LineStatistics.Compute(result.Lines);
        Csv(ResultsWriter.StatisticsFile, w => ResultsCsv.WriteStatistics(w, statistics, cancellationToken));
        if (comparison is not null)
        {
            Csv(ComparisonCsv.ComparisonFile, w => ComparisonCsv.WriteComparison(w, comparison.Rows));
            Csv(ComparisonCsv.PairedFile, w => ComparisonCsv.WritePaired(w, comparison.Paired));
        }

        written.AddRange(ResultCharts.WriteAll(folder, result, scenarioStart, cancellationToken));
        if (comparison is not null)
        {
            written.AddRange(ComparisonCharts.WriteAll(folder, comparison, cancellationToken));
        }

        if (scenario is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ResultsReport.ForExperiment(scenario, result, comparison, folder, cancellationToken).Write(Path.Combine(folder, HtmlReport.FileName));
            written.Add(HtmlReport.FileName);
        }

        // The manifest goes last: a folder with run.json in it was written to the end.
        cancellationToken.ThrowIfCancellationRequested();
        File.WriteAllText(Path.Combine(folder, ResultsWriter.ManifestFile), manifest.ToJson(), ResultsCsv.FileEncoding);
        written.Add(ResultsWriter.ManifestFile);
        return written;
    }

    /// <summary>Deletes the temporary folder unless <see cref="Complete"/> moved it into place, and releases the folder's claim.</summary>
    public void Dispose()
    {
        try
        {
            foreach (var section in _sections)
            {
                // On a full disk closing flushes and fails; the folder must go all the same, or it keeps the disk full.
                section.CloseQuietly();
            }

            if (!_completed)
            {
                _completed = true;
                ResultsWriter.DeleteQuietly(Folder);
            }
        }
        finally
        {
            _claim.Dispose();
        }
    }

    /// <summary>Writes one replication's rows; time series only for replication 0 unless every series is kept.</summary>
    internal void Write(ReplicationResult replication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replication);
        ObjectDisposedException.ThrowIf(_completed, this);
        var section = _sections.Find(s => s.Policy == replication.Policy);
        if (section is null)
        {
            section = new Section(Folder, replication.Policy, _sections.Count, _timeseriesFormat, _scenarioStart);
            _sections.Add(section);
        }

        ResultsCsv.SummaryRows(section.Summary, replication.Lines, cancellationToken);
        ResultsCsv.DisruptionRows(section.Disruptions, replication.Disruptions, cancellationToken);
        ResultsCsv.EventRows(section.Events, replication, _scenarioStart);
        if (_allTimeseries || replication.Replication == 0)
        {
            if (section.TimeseriesParquet is { } parquet)
            {
                parquet.Write(replication, cancellationToken);
            }
            else
            {
                ResultsCsv.TimeseriesRows(section.Timeseries!, replication, _scenarioStart, cancellationToken);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> policies, string policy)
    {
        for (var i = 0; i < policies.Count; i++)
        {
            if (policies[i] == policy)
            {
                return i;
            }
        }

        return policies.Count;
    }

    /// <summary>The rows of one policy, one headerless part file per results file.</summary>
    private sealed class Section
    {
        private readonly StreamWriter _summaryFile;
        private readonly StreamWriter _disruptionsFile;
        private readonly StreamWriter _eventsFile;
        private readonly StreamWriter? _timeseriesFile;
        private bool _closed;

        public Section(string folder, string policy, int index, TimeseriesFormat timeseriesFormat, DateTimeOffset scenarioStart)
        {
            Policy = policy;
            SummaryPath = Path.Combine(folder, $".summary.{index}.part");
            DisruptionsPath = Path.Combine(folder, $".disruptions.{index}.part");
            EventsPath = Path.Combine(folder, $".events.{index}.part");
            TimeseriesPath = Path.Combine(folder, $".timeseries.{index}.part");
            _summaryFile = new StreamWriter(SummaryPath, append: false, ResultsCsv.FileEncoding);
            _disruptionsFile = new StreamWriter(DisruptionsPath, append: false, ResultsCsv.FileEncoding);
            _eventsFile = new StreamWriter(EventsPath, append: false, ResultsCsv.FileEncoding);
            Summary = ResultsCsv.OpenBody(_summaryFile);
            Disruptions = ResultsCsv.OpenBody(_disruptionsFile);
            Events = ResultsCsv.OpenBody(_eventsFile);
            if (timeseriesFormat == TimeseriesFormat.Parquet)
            {
                TimeseriesParquet = Output.TimeseriesParquet.Create(TimeseriesPath, scenarioStart);
            }
            else
            {
                _timeseriesFile = new StreamWriter(TimeseriesPath, append: false, ResultsCsv.FileEncoding);
                Timeseries = ResultsCsv.OpenBody(_timeseriesFile);
            }
        }

        public string Policy { get; }

        public string SummaryPath { get; }

        public string DisruptionsPath { get; }

        public string EventsPath { get; }

        public string TimeseriesPath { get; }

        public CsvWriter Summary { get; }

        public CsvWriter Disruptions { get; }

        public CsvWriter Events { get; }

        /// <summary>The CSV rows of the time series, or null when it is written as Parquet.</summary>
        public CsvWriter? Timeseries { get; }

        /// <summary>The Parquet file of the time series, or null when it is written as CSV.</summary>
        public TimeseriesParquet? TimeseriesParquet { get; }

        public void Close()
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            Summary.Dispose();
            Disruptions.Dispose();
            Events.Dispose();
            Timeseries?.Dispose();
            TimeseriesParquet?.Dispose();
            _summaryFile.Dispose();
            _disruptionsFile.Dispose();
            _eventsFile.Dispose();
            _timeseriesFile?.Dispose();
        }

        /// <summary>Closes every file handle even when flushing fails (the rows are being thrown away anyway).</summary>
        public void CloseQuietly()
        {
            _closed = true;
            foreach (var disposable in new IDisposable?[] { Summary, Disruptions, Events, Timeseries, TimeseriesParquet, _summaryFile, _disruptionsFile, _eventsFile, _timeseriesFile })
            {
                try
                {
                    disposable?.Dispose();
                }
                catch (IOException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }
    }
}
