using System.Reflection;
using System.Runtime.CompilerServices;
using Simulator.Model;

namespace Simulator.Tests.Architecture;

/// <summary>
/// A built <see cref="Network"/> is shared by every replication, so nothing reachable from it may change: no property
/// with a setter other than <c>init</c>, no field that is not readonly, and no member other than a private field of a
/// mutable collection type (an array, a list, a dictionary, a set).
/// </summary>
public sealed class ImmutabilityTests
{
    private static readonly Type[] MutableCollections =
        [typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>), typeof(SortedSet<>), typeof(Queue<>), typeof(Stack<>), typeof(LinkedList<>)];

    [Test]
    public void Nothing_reachable_from_a_network_can_be_changed_after_it_is_built()
    {
        var (visited, problems) = Walk(typeof(Network));
        Assert.That(visited, Has.Member(typeof(LanePlan)).And.Member(typeof(FeedPlan)).And.Member(typeof(Calendar)), "the walk reaches the plans");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void The_check_finds_a_setter_a_writable_field_and_an_exposed_list()
    {
        var (_, problems) = Walk(typeof(Probe));
        Assert.That(problems, Is.EquivalentTo(new[]
        {
            $"{typeof(Probe)}.Settable has a setter",
            $"{typeof(Probe)}.Items exposes a mutable collection ({typeof(List<int>)})",
            $"{typeof(Probe)}._count is not readonly",
            $"{typeof(Probe)}.<Settable>k__BackingField is not readonly",
            $"{typeof(ProbeChild)}.Name has a setter",
            $"{typeof(ProbeChild)}.<Name>k__BackingField is not readonly",
            $"{typeof(ProbeChild)}.Cells exposes a mutable collection ({typeof(double[])})",
        }));
    }

    private static (HashSet<Type> Visited, List<string> Problems) Walk(Type root)
    {
        var visited = new HashSet<Type>();
        var problems = new List<string>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!visited.Add(type))
            {
                continue;
            }

            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            for (var t = type; t is not null && Ours(t); t = t.BaseType)
            {
                foreach (var property in t.GetProperties(all))
                {
                    if (property.SetMethod is { } setter && !IsInitOnly(setter))
                    {
                        problems.Add($"{type}.{property.Name} has a setter");
                    }

                    if (IsMutableCollection(property.PropertyType) && property.GetMethod is { IsPrivate: false })
                    {
                        problems.Add($"{type}.{property.Name} exposes a mutable collection ({property.PropertyType})");
                    }

                    Follow(property.PropertyType, pending);
                }

                foreach (var field in t.GetFields(all).Where(f => !f.IsLiteral))
                {
                    if (!field.IsInitOnly)
                    {
                        problems.Add($"{type}.{field.Name} is not readonly");
                    }

                    if (IsMutableCollection(field.FieldType) && !field.IsPrivate)
                    {
                        problems.Add($"{type}.{field.Name} exposes a mutable collection ({field.FieldType})");
                    }

                    Follow(field.FieldType, pending);
                }
            }
        }

        return (visited, problems);
    }

    private static void Follow(Type type, Stack<Type> pending)
    {
        if (type.IsArray || type.IsByRef || type.IsPointer)
        {
            Follow(type.GetElementType()!, pending);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Follow(argument, pending);
            }
        }

        if (Ours(type) && !type.IsEnum && !type.IsGenericParameter)
        {
            pending.Push(type.IsGenericType ? type.GetGenericTypeDefinition().MakeGenericType(type.GetGenericArguments()) : type);
        }
    }

    private static bool Ours(Type type) => type.Assembly == typeof(Network).Assembly || type.Assembly == typeof(ImmutabilityTests).Assembly;

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type type) =>
        type.IsArray || (type.IsGenericType && MutableCollections.Contains(type.GetGenericTypeDefinition()));

#pragma warning disable CS0414, CS0649, IDE0044, IDE0051 // the probe exists to break the rules
    private sealed class Probe
    {
        private int _count = 0;

        public int Settable { get; set; }

        public int InitOnly { get; init; }

        public List<int> Items { get; } = [];

        public IReadOnlyList<ProbeChild> Children { get; } = [];
    }

    private sealed class ProbeChild
    {
        private readonly double[] _private = [];

        public string Name { get; set; } = string.Empty;

        public double[] Cells { get; } = [];
    }
#pragma warning restore CS0414, CS0649, IDE0044, IDE0051
}
