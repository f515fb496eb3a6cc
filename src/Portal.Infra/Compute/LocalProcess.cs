using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Portal.Infra.Compute;

/// <summary>
/// A process a session started, as recorded in its pid file: the process id and the kernel's start time of that
/// process, so a pid the system has since given to another program is never taken for ours (nor signalled).
/// </summary>
internal sealed record LocalProcessRecord(int Pid, long StartTime, string Command);

/// <summary>
/// Starts a session's processes in their own process group (<c>setsid</c>), so a Ctrl+C in the portal's terminal does not
/// reach them and a restarted portal finds them running; checks and ends them by process group. Linux only.
/// </summary>
internal static partial class LocalProcess
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Starts <paramref name="program"/> with its arguments as the leader of a new session and process group, its output
    /// appended to <paramref name="logPath"/>, and writes the pid file. The arguments are never put through a shell.
    /// </summary>
    public static LocalProcessRecord Start(
        string program,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string logPath,
        string pidPath)
    {
        // setsid execs the program in place (the child of a non-leader needs no fork), so the pid we get is the program's.
        // The shell only redirects: "$@" passes every argument through untouched.
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
        };
        foreach (var argument in (string[])["/bin/sh", "-c", "exec \"$0\" \"$@\" >>\"$PORTAL_LOG\" 2>&1 </dev/null", program, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["PORTAL_LOG"] = logPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var record = new LocalProcessRecord(process.Id, StartTimeOf(process.Id) ?? 0, Path.GetFileName(program) + " " + string.Join(' ', arguments));
        WriteAtomically(pidPath, JsonSerializer.Serialize(record, Json));
        return record;
    }

    /// <summary>The record in a pid file, or null when there is none (or it cannot be read).</summary>
    public static LocalProcessRecord? Read(string pidPath)
    {
        try
        {
            return File.Exists(pidPath) ? JsonSerializer.Deserialize<LocalProcessRecord>(File.ReadAllText(pidPath), Json) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True while the recorded process, or any process left in its group, runs (zombies do not count).</summary>
    public static bool IsRunning(LocalProcessRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (StartTimeOf(record.Pid) is { } startTime)
        {
            if (startTime != record.StartTime)
            {
                // The pid now belongs to another program: ours ended long ago.
                return false;
            }

            if (State(record.Pid) is not ('Z' or 'X' or null))
            {
                // The leader runs (just started, it may not have made its own group yet).
                return true;
            }
        }

        // The group id is the leader's pid; its workers (a nanny's children) may outlive it.
        return GroupHasLiveMember(record.Pid);
    }

    /// <summary>Asks the whole group to end (SIGTERM), or makes it (SIGKILL); a group that is gone is fine.</summary>
    public static void Signal(LocalProcessRecord record, bool force)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (StartTimeOf(record.Pid) is { } startTime && startTime != record.StartTime)
        {
            return;
        }

        var signal = force ? SigKill : SigTerm;
        _ = Kill(-record.Pid, signal);
        // A process signalled the moment it started may not have made its own group yet (setsid runs in the child):
        // the group signal then reaches nobody, so the leader (its start time checked above) is signalled by its pid too.
        _ = Kill(record.Pid, signal);
    }

    /// <summary>The last lines a process wrote to its log, for a failure message.</summary>
    public static string Tail(string logPath, int lines = 3)
    {
        try
        {
            if (!File.Exists(logPath))
            {
                return string.Empty;
            }

            var all = File.ReadLines(logPath).Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(lines);
            return string.Join(" | ", all.Select(l => l.Trim()));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Field 22 of /proc/&lt;pid&gt;/stat: when the process started, in clock ticks since boot; null when there is no such process.</summary>
    private static long? StartTimeOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The process's state letter (R, S, D, Z…), or null when there is no such process.</summary>
    private static char? State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>True when a process of group <paramref name="groupId"/> is alive (state other than Z, zombie, or X, dead).</summary>
    private static bool GroupHasLiveMember(int groupId)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(entry);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                // After the command name: state (field 3), ppid (4), pgrp (5).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 4);
                if (fields.Length >= 3 && fields[2] == groupId.ToString(CultureInfo.InvariantCulture) && fields[0] is not ("Z" or "X"))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
