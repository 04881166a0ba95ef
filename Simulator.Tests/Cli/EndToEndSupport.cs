using System.Text;
using Simulator.Cli;

namespace Simulator.Tests.Cli;

/// <summary>Runs the command line in-process against the real library (<see cref="LibraryBackend"/>), capturing stdout and stderr.</summary>
internal static class EndToEndCli
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var session = new CliSession(stdout, stderr, outputIsTerminal: false, showProgress: false);
        var code = CliApp.Run(args, session, new LibraryBackend(), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>The repository's bundled scenarios, found by walking up from the test assembly to the folder holding Simulation.sln.</summary>
internal static class BundledScenarios
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder => Path.Combine(Root.Value, "scenarios");

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>File names of every bundled scenario, for <see cref="TestCaseSourceAttribute"/>.</summary>
    public static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Simulation.sln");
    }
}

/// <summary>A CSV file read independently of the writer: RFC 4180 quoting, header and rows.</summary>
internal sealed class EndToEndCsv
{
    private EndToEndCsv(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public static EndToEndCsv Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        Assert.That(records, Is.Not.Empty, $"{path} has no header");
        return new EndToEndCsv(records[0], records.Skip(1).ToList());
    }

    /// <summary>The values of one column, by name.</summary>
    public IReadOnlyList<string> Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"no column '{name}' in {string.Join(',', Header)}");
        return Rows.Select(r => r[index]).ToList();
    }

    /// <summary>The rows as text without the named columns, for comparing runs that differ in them on purpose.</summary>
    public IReadOnlyList<string> RowsWithout(params string[] columns)
    {
        var keep = Enumerable.Range(0, Header.Count).Where(i => !columns.Contains(Header[i])).ToList();
        return Rows.Select(r => string.Join('|', keep.Select(i => r[i]))).ToList();
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    atFieldStart = true;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }

        Assert.That(quoted, Is.False, "unterminated quoted field");
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
