using Amazon.CDK;

namespace Portal.Cdk.Region;

/// <summary>
/// Reading position i of a CommaDelimitedList parameter that may hold fewer than i + 1 items. Fn::Select fails on a
/// missing index even under a false condition, so the list is padded with empty items first:
/// <c>Select(i, Split(",", Join("", [Join(",", list), ",,,,,,,,"])))</c> is the i-th item, or "" when there is none.
/// </summary>
internal static class DatasetListExpressions
{
    public static string Item(CfnParameter list, int index, int capacity) =>
        Fn.Select(index, Fn.Split(",", Fn.Join("", [Fn.Join(",", list.ValueAsList), new string(',', capacity)])));
}
