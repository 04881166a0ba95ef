using CsCheck;
using Simulator.Scenarios;
using Simulator.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Simulator.Tests.Scenarios;

/// <summary>
/// The scenario file's tree (<see cref="SourceTree"/>) against YamlDotNet's representation model, which the loader
/// read before: the same nodes, marks, scalars and shared anchored nodes, or both refusing the text.
/// </summary>
public sealed class SourceTreeTests
{
    private static readonly string[] Names = ["a", "b", "c", "id", "lines", "x"];

    private static readonly Gen<string> Plain = Gen.Int[0, Names.Length - 1].Select(i => Names[i]);

    private static readonly Gen<string> Anchor = Gen.Int[0, 3].Select(i => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A flow value: plain or quoted scalars, lists and mappings, some anchored, some aliases (defined or not).</summary>
    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, inner) =>
    {
        var scalar = Gen.Frequency((4, Plain), (1, Plain.Select(p => "'" + p + "'")), (1, Gen.Const(string.Empty)), (1, Plain.Select(p => "!!str " + p)));
        var leaf = Gen.Frequency((5, scalar), (2, Anchor.Select(a => "*" + a)));
        var node = depth >= 3
            ? leaf
            : Gen.Frequency(
                (4, leaf),
                (1, inner.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
                (2, Gen.Select(Plain, inner).Array[0, 4].Select(entries => "{" + string.Join(", ", entries.Select(e => e.Item1 + ": " + e.Item2)) + "}")));
        return Gen.Frequency((4, node), (1, Gen.Select(Anchor, node).Select(p => "&" + p.Item1 + " " + p.Item2)));
    });

    private static readonly Gen<string> BlockMapping = Gen.Select(Plain, Value).Array[0, 8]
        .Select(entries => string.Concat(entries.Select(e => e.Item1 + ": " + e.Item2 + "\n")));

    private static readonly Gen<string> BlockList = Value.Array[1, 6].Select(items => string.Concat(items.Select(i => "- " + i + "\n")));

    /// <summary>A block mapping or list at the top, sometimes a second document after it (anchors do not cross documents).</summary>
    private static readonly Gen<string> Documents = Gen.Frequency(
        (4, BlockMapping),
        (1, BlockList),
        (1, Gen.Select(BlockMapping, Gen.OneOf(BlockMapping, BlockList)).Select(d => d.Item1 + "---\n" + d.Item2)));

    [Test]
    public void Random_documents_read_as_yamldotnets_model_reads_them()
    {
        Documents.Sample(AssertSameAsRepresentationModel, iter: PropertyRuns.Count(2000), print: text => text);
    }

    [Test]
    public void An_alias_is_the_anchored_node_itself()
    {
        var root = Root("a: &x { k: 1 }\nb: *x\n");

        Assert.That(root.Children[1].Value, Is.SameAs(root.Children[0].Value));
    }

    [Test]
    public void An_alias_before_its_anchor_is_resolved_at_the_end_of_the_document()
    {
        var root = Root("a: *x\nb: &x 1\n");

        Assert.That(root.Children[0].Value, Is.SameAs(root.Children[1].Value));
        Assert.That(((SourceScalar)root.Children[0].Value).Value, Is.EqualTo("1"));
    }

    [Test]
    public void A_later_anchor_of_the_same_name_replaces_the_earlier_one_from_there_on()
    {
        var root = Root("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");

        Assert.That(root.Children.Select(e => ((SourceScalar)e.Value).Value), Is.EqualTo(new[] { "1", "1", "2", "2" }));
    }

    [Test]
    public void An_unknown_alias_is_reported_where_it_is_written()
    {
        var problem = ScenarioLoader.Parse("name: x\nstart: *nowhere\n", "s.yaml").Problems.Single();

        Assert.That(problem.Message, Is.EqualTo("YAML syntax error: The anchor 'nowhere' does not exists"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((2, 8)));
    }

    [TestCase(3, TestName = "Duplicate_key_in_a_small_mapping")]
    [TestCase(40, TestName = "Duplicate_key_in_a_mapping_past_the_scanned_keys")]
    public void A_key_written_twice_is_refused_at_its_second_place(int keys)
    {
        var text = string.Concat(Enumerable.Range(0, keys).Select(i => $"k{i}: {i}\n")) + "k1: again\n";

        var error = Assert.Throws<YamlException>(() => Read(text));

        Assert.That(error!.Message, Is.EqualTo("Duplicate key k1"));
        Assert.That((error.Start.Line, error.Start.Column), Is.EqualTo((keys + 1L, 1L)));
    }

    [Test]
    public void The_same_text_with_another_tag_is_another_key()
    {
        var root = Root("a: 1\n!!str a: 2\n");

        Assert.That(root.Children, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_alias_inside_what_it_names_is_refused_where_it_is_written()
    {
        var problem = ScenarioLoader.Parse("a: &x [1, *x]\n", "s.yaml").Problems.Single();

        Assert.That(problem.Message, Is.EqualTo("this alias is inside the list or mapping it names, which would repeat it without end"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((1, 11)));
    }

    [Test]
    public void A_cycle_through_an_alias_written_before_its_anchor_is_refused()
    {
        // x holds y (an alias resolved at the end), y holds x: the second alias closes the loop.
        var problem = ScenarioLoader.Parse("a: &x [*y]\nb: &y [*x]\n", "s.yaml").Problems.Single();

        Assert.That(problem.Message, Does.StartWith("this alias is inside the list or mapping it names"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((2, 8)));
    }

    [Test]
    public void Aliases_that_multiply_past_the_bound_are_refused_before_anything_reads_them()
    {
        // b is 11 values (a list of ten); c repeats b 100 times (1,101 values), d repeats c 100 times (110,101 values).
        // Repeated: 100 x 11 + 100 x 1,101 + 10 x 110,101 = 1,212,210 values, past 1,000,000; written: the root mapping,
        // its 4 keys, b's list and its 10 scalars, and the lists of c, d and e, 19 values.
        var problem = ScenarioLoader.Parse(Laughs(copiesOfD: 10), "s.yaml").Problems.Single();

        Assert.That(problem.Message, Is.EqualTo(
            "the aliases of this file repeat 1,212,210 values on top of the 19 written; at most 1,000,000 may be repeated "
            + "(the larger of 1,000,000 and twice the values written; see docs/reliability.md); this alias alone names 110,101"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((4, 5)));
    }

    [Test]
    public void Aliases_within_the_bound_are_read()
    {
        // 100 x 11 + 100 x 1,101 + 8 x 110,101 = 992,008 repeated values.
        var root = (SourceMapping)Read(Laughs(copiesOfD: 8)).Single();

        Assert.That(((SourceSequence)root.Children[3].Value).Children, Has.Count.EqualTo(8));
    }

    [Test]
    public void Mappings_of_aliases_count_their_keys_and_what_each_value_names()
    {
        // m: a mapping of 4 keys and 4 values (9 values); n: 100 keys naming m (1 + 100 + 100 x 9 = 1,001);
        // o: 100 keys naming n (1 + 100 + 100 x 1,001 = 100,201); p: o 10 times. Repeated: 100 x 9 + 100 x 1,001
        // + 10 x 100,201 = 1,103,010. Written: the root, its 4 keys, m's 9, n's and o's 101 each, p's list: 217.
        var text = "m: &m {a: 0, b: 0, c: 0, d: 0}\n"
            + "n: &n {" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"k{i}: *m")) + "}\n"
            + "o: &o {" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"j{i}: *n")) + "}\n"
            + "p: [" + string.Join(", ", Enumerable.Repeat("*o", 10)) + "]\n";

        var problem = ScenarioLoader.Parse(text, "s.yaml").Problems.Single();

        Assert.That(problem.Message, Does.StartWith("the aliases of this file repeat 1,103,010 values on top of the 217 written;"));
        Assert.That(problem.Message, Does.EndWith("this alias alone names 100,201"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((4, 5)));
    }

    [Test]
    public void Aliases_named_once_per_entry_may_repeat_up_to_twice_what_is_written()
    {
        // 160,000 entries of 6 written values each (a mapping, 3 keys, 2 values) and an alias to a 7-value mapping:
        // 1,120,000 repeated values, past 1,000,000 but under twice the 960,011 written.
        var entries = string.Concat(Enumerable.Repeat("  - {t: *m, u: 1, v: 2}\n", 160_000));
        var linear = "m: &m {a: 1, b: 2, c: 3}\nl:\n" + entries;
        var bare = "m: &m {a: 1, b: 2, c: 3}\nl: [" + string.Join(", ", Enumerable.Repeat("*m", 160_000)) + "]\n";

        Assert.DoesNotThrow(() => Read(linear));
        Assert.Throws<BoundExceededException>(() => Read(bare));
    }

    [Test]
    public void A_cycle_is_reported_at_the_alias_that_closes_it()
    {
        // y holds z (named before its anchor), z holds y: the alias on line 3 closes the loop, the one on line 2 does not.
        var problem = ScenarioLoader.Parse("a: &y [*z]\nb: *y\nc: &z [*y]\n", "s.yaml").Problems.Single();

        Assert.That(problem.Message, Does.StartWith("this alias is inside the list or mapping it names"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((3, 8)));
    }

    [Test]
    public void A_key_that_is_an_alias_before_its_anchor_is_the_anchored_node()
    {
        // YamlDotNet's own model overflowed the stack on this.
        var root = Root("? *a\n: 1\nb: &a x\n");

        Assert.That(root.Children[0].Key, Is.SameAs(root.Children[1].Value));
        Assert.That(((SourceScalar)root.Children[0].Key).Value, Is.EqualTo("x"));
    }

    private static string Laughs(int copiesOfD) =>
        "b: &b [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n"
        + "c: &c [" + string.Join(", ", Enumerable.Repeat("*b", 100)) + "]\n"
        + "d: &d [" + string.Join(", ", Enumerable.Repeat("*c", 100)) + "]\n"
        + "e: [" + string.Join(", ", Enumerable.Repeat("*d", copiesOfD)) + "]\n";

    private static SourceMapping Root(string text) => (SourceMapping)Read(text).Single();

    private static IReadOnlyList<SourceNode> Read(string text) => SourceTree.Read(new Parser(new Scanner(new StringReader(text))));

    private static void AssertSameAsRepresentationModel(string text)
    {
        var stream = new YamlStream();
        YamlException? expected = null;
        try
        {
            stream.Load(new Parser(new Scanner(new StringReader(text))));
        }
        catch (YamlException e)
        {
            expected = e;
        }

        if (Refusal(text) is BoundExceededException)
        {
            // The tree refuses an alias inside what it names, which YamlDotNet keeps as a cycle (or refuses the text for
            // another reason, found later in it).
            Assert.That(expected is not null || stream.Documents.Any(d => HasCycle(d.RootNode, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance))), Is.True, "refused without a cycle");
            return;
        }

        if (expected is not null)
        {
            var error = Assert.Catch<YamlException>(() => Read(text), $"YamlDotNet refuses it: {expected.Message}");
            Assert.That((error!.GetType(), error.Message), Is.EqualTo((expected.GetType() == typeof(AnchorNotFoundException) ? typeof(YamlException) : expected.GetType(), expected.Message)));
            if (expected is not AnchorNotFoundException)
            {
                // YamlDotNet puts an unknown alias at the start of the file; the tree puts it where it is written.
                Assert.That(error.Start, Is.EqualTo(expected.Start));
            }

            return;
        }

        var documents = Read(text);
        Assert.That(documents, Has.Count.EqualTo(stream.Documents.Count));
        var seen = new Dictionary<YamlNode, SourceNode>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++)
        {
            AssertSame(stream.Documents[i].RootNode, documents[i], seen);
        }
    }

    private static Exception? Refusal(string text)
    {
        try
        {
            Read(text);
            return null;
        }
        catch (Exception e) when (e is YamlException or BoundExceededException)
        {
            return e;
        }
    }

    private static bool HasCycle(YamlNode node, HashSet<YamlNode> path)
    {
        if (!path.Add(node))
        {
            return true;
        }

        var children = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlMappingNode mapping => [.. mapping.Children.SelectMany(e => new[] { e.Key, e.Value })],
            _ => [],
        };
        var cycle = children.Any(child => HasCycle(child, path));
        path.Remove(node);
        return cycle;
    }

    /// <summary>Compares two trees node by node; a node met again (an alias) must be the same node on both sides.</summary>
    private static void AssertSame(YamlNode expected, SourceNode actual, Dictionary<YamlNode, SourceNode> seen)
    {
        if (seen.TryGetValue(expected, out var before))
        {
            Assert.That(actual, Is.SameAs(before), $"an alias at {expected.Start}");
            return;
        }

        seen[expected] = actual;
        Assert.That(actual.Start, Is.EqualTo(expected.Start));
        switch (expected)
        {
            case YamlScalarNode scalar:
                Assert.That(actual, Is.TypeOf<SourceScalar>());
                var read = (SourceScalar)actual;
                Assert.That((read.Value, read.Style, read.Tag), Is.EqualTo((scalar.Value, scalar.Style, scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value)));
                break;
            case YamlSequenceNode sequence:
                Assert.That(actual, Is.TypeOf<SourceSequence>());
                var items = ((SourceSequence)actual).Children;
                Assert.That(items, Has.Count.EqualTo(sequence.Children.Count));
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSame(sequence.Children[i], items[i], seen);
                }

                break;
            case YamlMappingNode mapping:
                Assert.That(actual, Is.TypeOf<SourceMapping>());
                Assert.That(((SourceMapping)actual).Style, Is.EqualTo(mapping.Style));
                var entries = ((SourceMapping)actual).Children;
                Assert.That(entries, Has.Count.EqualTo(mapping.Children.Count));
                var i2 = 0;
                foreach (var (key, value) in mapping.Children)
                {
                    AssertSame(key, entries[i2].Key, seen);
                    AssertSame(value, entries[i2].Value, seen);
                    i2++;
                }

                break;
            default:
                Assert.Fail($"YamlDotNet left {expected.GetType().Name} at {expected.Start}");
                break;
        }
    }
}
