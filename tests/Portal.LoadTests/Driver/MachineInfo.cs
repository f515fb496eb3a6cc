using System.Globalization;
using System.Runtime.InteropServices;

namespace Portal.LoadTests.Driver;

/// <summary>Cores and memory of this machine (Linux: /proc/meminfo's MemTotal; elsewhere what the GC sees).</summary>
internal static class MachineInfo
{
    /// <summary>The 1, 5 and 15 minute load averages (Linux), to show how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static Machine Read()
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (File.Exists("/proc/meminfo"))
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                memory = kb * 1024;
            }
        }

        return new Machine(Environment.ProcessorCount, memory, $"{RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
    }
}
