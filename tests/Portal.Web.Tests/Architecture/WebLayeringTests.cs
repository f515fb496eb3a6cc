using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Tests.Architecture;

/// <summary>Web talks to the use cases through interfaces only: it sees Infra through its registration method and nothing else.</summary>
public sealed class WebLayeringTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;
    private static readonly Assembly Infra = typeof(Portal.Infra.InfraServiceCollectionExtensions).Assembly;

    [Fact]
    public void No_component_injects_an_infra_class()
    {
        var injected = Web.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
            .Where(p => p.PropertyType.Assembly == Infra)
            .Select(p => $"{p.DeclaringType?.Name}.{p.Name}: {p.PropertyType.FullName}")
            .ToList();

        Assert.Empty(injected);
    }

    [Fact]
    public void Infra_shares_no_internals_with_the_web_project()
    {
        var friends = Infra.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName);

        Assert.DoesNotContain("Portal.Web", friends);
    }

    [Fact]
    public void The_only_infra_type_web_names_is_its_registration_method()
    {
        var used = Web.GetTypes()
            .SelectMany(t => t.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Concat(t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Select(f => f.FieldType))
                .Concat(t.GetProperties(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public).Select(p => p.PropertyType)))
            .Where(type => type.Assembly == Infra)
            .Select(type => type.FullName)
            .Distinct()
            .ToList();

        Assert.Empty(used);
    }
}
