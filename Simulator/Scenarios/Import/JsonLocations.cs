using System.Text;
using System.Text.Json;

namespace Simulator.Scenarios.Import;

/// <summary>The line and column of every value of a JSON document by its path (<c>positions[0].allocatedStocks[1].isBlocked</c>), for located problems.</summary>
internal sealed class JsonLocations
{
    private readonly Dictionary<string, (int Line, int Column)> _at = new(StringComparer.Ordinal);

    public JsonLocations(byte[] utf8)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var indices = new Stack<int>();
        var pendingName = (string?)null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString();
                    Record(Join(path, pendingName), reader.TokenStartIndex);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Add(Segment(ref pendingName, indices));
                    indices.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    Record(Join(path, null), reader.TokenStartIndex);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    indices.Pop();
                    path.RemoveAt(path.Count - 1);
                    break;
                default:
                    Segment(ref pendingName, indices);
                    break;
            }
        }

        void Record(string key, long index)
        {
            var line = lineStarts.BinarySearch((int)index);
            line = line >= 0 ? line : ~line - 1;
            _at.TryAdd(key, (line + 1, (int)index - lineStarts[line] + 1));
        }
    }

    /// <summary>Line and column of <paramref name="path"/>, or of its closest recorded parent, or (1, 1).</summary>
    public (int Line, int Column) Of(string path)
    {
        while (true)
        {
            if (_at.TryGetValue(path, out var at))
            {
                return at;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return _at.GetValueOrDefault(string.Empty, (1, 1));
            }

            path = path[..cut];
        }
    }

    /// <summary>The path segment of the value starting now: a property name, an array index, or "" at the root.</summary>
    private static string Segment(ref string? pendingName, Stack<int> indices)
    {
        if (pendingName is { } name)
        {
            pendingName = null;
            return "." + name;
        }

        if (indices.Count > 0 && indices.Peek() >= 0)
        {
            var i = indices.Pop();
            indices.Push(i + 1);
            return $"[{i}]";
        }

        return string.Empty;
    }

    private static string Join(List<string> path, string? name)
    {
        var b = new StringBuilder();
        foreach (var s in path)
        {
            b.Append(s);
        }

        if (name is not null)
        {
            b.Append('.').Append(name);
        }

        return b.ToString().TrimStart('.');
    }
}
