using System.Collections;
using System.Reflection;

namespace Portal.Infra.Tests.Support;

/// <summary>
/// Compares two objects property by property, lists element by element, so a field added to a domain type later is
/// compared too (and a store that forgets to keep it fails).
/// </summary>
internal static class Equivalence
{
    /// <param name="ignore">Top-level property names compared elsewhere (for example a list whose order is not kept).</param>
    public static void AssertEquivalent(object? expected, object? actual, string path = "value", params string[] ignore)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || type.IsValueType || expected is string)
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}");
            return;
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
            {
                AssertEquivalent(left[i], right[i], $"{path}[{i}]");
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && !ignore.Contains(p.Name)))
        {
            AssertEquivalent(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }
}
