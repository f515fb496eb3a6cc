using System.Globalization;
using Amazon.CDK;
using Constructs;

namespace Portal.Cdk.Session;

/// <summary>
/// The CPU and memory pairs Fargate accepts for a Linux task (Amazon ECS developer guide, "Task CPU and memory"), and
/// the template rules that refuse any other pair before CloudFormation creates anything: the two parameters are
/// checked separately, and a bad pair would otherwise fail only when the task definition is registered.
/// </summary>
internal static class FargateSizes
{
    /// <summary>CPU units to the memory sizes (MiB) Fargate allows with them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> MemoryByCpu = new Dictionary<string, IReadOnlyList<string>>
    {
        ["256"] = ["512", "1024", "2048"],
        ["512"] = Steps(1024, 4096, 1024),
        ["1024"] = Steps(2048, 8192, 1024),
        ["2048"] = Steps(4096, 16384, 1024),
        ["4096"] = Steps(8192, 30720, 1024),
        ["8192"] = Steps(16384, 61440, 4096),
        ["16384"] = Steps(32768, 122880, 8192),
    };

    public static void AddRules(Construct scope, CfnParameter cpu, CfnParameter memory)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(memory);
        foreach (var (units, sizes) in MemoryByCpu)
        {
            _ = new CfnRule(scope, "FargateMemoryFor" + units + "Cpu", new CfnRuleProps
            {
                RuleCondition = Fn.ConditionEquals(cpu.ValueAsString, units),
                Assertions =
                [
                    new CfnRuleAssertion
                    {
                        Assert = Fn.ConditionContains([.. sizes], memory.ValueAsString),
                        AssertDescription = $"With Cpu {units}, Fargate allows Memory {string.Join(", ", sizes)} (MiB).",
                    },
                ],
            });
        }
    }

    private static string[] Steps(int from, int to, int step) =>
        [.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => (from + (i * step)).ToString(CultureInfo.InvariantCulture))];
}
