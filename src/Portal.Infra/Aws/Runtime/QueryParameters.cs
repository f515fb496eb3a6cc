using System.Globalization;
using System.Text;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// The query protocol's form members, flattened the way the service models say: lists as
/// <c>Name.member.N</c>, structures as <c>Name.member.N.Field</c>. Absent values are left out.
/// </summary>
internal sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _members = [];

    public IReadOnlyList<KeyValuePair<string, string>> Members => _members;

    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _members.Add(new(name, value));
        }

        return this;
    }

    public QueryParameters Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    public QueryParameters Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters AddList(string name, IEnumerable<string>? values)
    {
        var index = 0;
        foreach (var value in values ?? [])
        {
            Add($"{name}.member.{++index}", value);
        }

        return this;
    }

    public QueryParameters AddList<T>(string name, IEnumerable<T>? items, Action<QueryParameters, string, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var index = 0;
        foreach (var item in items ?? [])
        {
            write(this, $"{name}.member.{++index}", item);
        }

        return this;
    }

    public string ToFormBody(string action, string version)
    {
        var body = new StringBuilder();
        body.Append("Action=").Append(Uri.EscapeDataString(action));
        body.Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach (var (name, value) in _members)
        {
            body.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }
}
