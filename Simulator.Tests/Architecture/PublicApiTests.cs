using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Simulator.Model;

namespace Simulator.Tests.Architecture;

/// <summary>The command line is a user of the library like any other: it compiles against the public API only.</summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Library = typeof(Network).Assembly;

    [Test]
    public void The_library_shows_its_internals_to_no_command_line()
    {
        var friends = Library.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.That(friends, Has.None.StartsWith("Simulator.Cli"));
    }

    [Test]
    public void The_command_line_references_only_public_types_and_members_of_the_library()
    {
        var cli = typeof(Simulator.Cli.CliApp).Assembly.Location;
        var (types, members, hidden) = References(cli);
        Assert.Multiple(() =>
        {
            Assert.That(types, Is.GreaterThan(20), "the check reads the command line's references to the library");
            Assert.That(members, Is.GreaterThan(50));
            Assert.That(hidden, Is.Empty);
        });
    }

    [Test]
    public void The_check_sees_internal_references_where_there_are_some()
    {
        // The tests are a friend of the library and use its internals: the same check must name them.
        var (_, _, hidden) = References(typeof(PublicApiTests).Assembly.Location);
        Assert.That(hidden, Has.Member("Simulator.Model.LinePlan"));
    }

    /// <summary>How many library types and members the assembly at <paramref name="path"/> references, and those that are not public.</summary>
    private static (int Types, int Members, List<string> Hidden) References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var hidden = new List<string>();
        var types = 0;
        var members = 0;
        foreach (var handle in md.TypeReferences)
        {
            if (Resolve(md, handle) is { } type)
            {
                types++;
                if (!IsVisible(type))
                {
                    hidden.Add(type.FullName!);
                }
            }
        }

        foreach (var handle in md.MemberReferences)
        {
            var reference = md.GetMemberReference(handle);
            if (reference.Parent.Kind != HandleKind.TypeReference || Resolve(md, (TypeReferenceHandle)reference.Parent) is not { } owner)
            {
                continue;
            }

            members++;
            var name = md.GetString(reference.Name);
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            var candidates = owner.GetMember(name, all);
            if (candidates.Length > 0 && !candidates.Any(IsVisible))
            {
                hidden.Add($"{owner.FullName}.{name}");
            }
        }

        return (types, members, hidden);
    }

    /// <summary>The library type a type reference names, or null when it names another assembly's type.</summary>
    private static Type? Resolve(MetadataReader md, TypeReferenceHandle handle)
    {
        var reference = md.GetTypeReference(handle);
        var name = md.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return Resolve(md, (TypeReferenceHandle)reference.ResolutionScope)?.GetNestedType(name, BindingFlags.Public | BindingFlags.NonPublic);
        }

        if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference
            || md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name) != Library.GetName().Name)
        {
            return null;
        }

        return Library.GetType($"{md.GetString(reference.Namespace)}.{name}");
    }

    private static bool IsVisible(Type type) => type.IsNested ? type.IsNestedPublic && IsVisible(type.DeclaringType!) : type.IsPublic;

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily,
        PropertyInfo property => property.GetAccessors(nonPublic: false).Length > 0,
        EventInfo e => e.AddMethod?.IsPublic == true,
        Type type => IsVisible(type),
        _ => false,
    };
}
