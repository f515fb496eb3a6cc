using System.CommandLine;
using System.Text.Json;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary><c>portal sessions [--all]</c> lists sessions; <c>portal sessions show &lt;id&gt;</c> (or <c>portal status &lt;id&gt;</c>) shows one.</summary>
internal static class SessionsCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Everyone's sessions (admins only)." };
        var page = new Option<int?>("--page") { Description = "The page, from 1." };
        var pageSize = new Option<int?>("--page-size") { Description = "Sessions a page, 1 to 100 (default 20)." };
        var command = new Command("sessions", "List your sessions, newest first (everyone's with --all, for admins).") { all, page, pageSize, CreateShow("show") };
        command.SetHandler(async (call, cancellationToken) =>
        {
            var query = Query.Of(("all", call.Value(all) ? "true" : null), ("page", Query.Int(call.Value(page))), ("pageSize", Query.Int(call.Value(pageSize))));
            using var api = call.Connect();
            var list = await api.GetAsync("sessions" + query, cancellationToken);
            call.Out.Result(list);
            var rows = list.Items("items").Select(s => (IReadOnlyList<string>)
                [s.Str("id"), s.Str("name"), s.Str("state"), s.Str("owner"), s.When("createdAt"), Json.Usd(s.Num("costSoFarUsd"))]);
            foreach (var line in Table.Format(["ID", "NAME", "STATE", "OWNER", "CREATED", "COST SO FAR"], rows))
            {
                call.Out.Line(line);
            }

            call.Out.Line(Query.PageLine(list, "sessions"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One session: state, steps, cost so far and data locality.</summary>
    public static Command CreateShow(string name)
    {
        var id = new Argument<string>("id") { Description = "The session's id (from 'portal sessions')." };
        var command = new Command(name, "Show one session: its state, each step, its cost so far and its data locality.") { id };
        command.SetHandler(async (call, cancellationToken) =>
        {
            using var api = call.Connect();
            var session = await api.GetAsync($"sessions/{CommandActions.Segment(call.Value(id))}", cancellationToken);
            call.Out.Result(session);
            foreach (var line in Describe(session))
            {
                call.Out.Line(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<string> Describe(JsonElement s)
    {
        yield return $"{s.Str("id")}  {s.Str("name")}";
        yield return $"  state: {s.Str("state")}{(s.Str("failureReason") is { Length: > 0 } reason ? " - " + reason : string.Empty)}";
        yield return $"  owner: {s.Str("owner")}; created {s.When("createdAt")}; expires {s.When("expiresAt")}"
            + (s.When("idleStopAt") is { Length: > 0 } idle ? $"; idle stop {idle}" : string.Empty);
        yield return $"  cost so far: {Json.Usd(s.Num("costSoFarUsd"))} ({Json.Usd(s.Num("hourlyUsd"))} an hour)";
        if (s.Str("schedulerAddress") is { Length: > 0 } scheduler)
        {
            yield return $"  scheduler: {scheduler}";
        }

        yield return "  steps:";
        foreach (var line in Table.Format(["NAME", "KIND", "REGION", "STATUS", "MESSAGE"],
            s.Items("steps").Select(step => (IReadOnlyList<string>)[step.Str("name"), step.Str("kind"), step.Str("region"), step.Str("status"), step.Str("message")])))
        {
            yield return "    " + line;
        }

        if (s.Obj("locality") is { } locality)
        {
            yield return $"  data locality: {locality.Str("summary")}";
        }
    }
}
