using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Portal.Cli.Output;

namespace Portal.Cli.Commands;

/// <summary><c>portal estimate …</c>: the form's cost panel for a request, with the comparison against copying the data home.</summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var request = new SessionRequestOptions();
        var command = new Command("estimate", "What a session would cost, per region and for its maximum hours, and what copying the data home first would cost instead.");
        request.AddTo(command);
        command.SetHandler(async (call, cancellationToken) =>
        {
            using var api = call.Connect();
            var estimate = await api.PostAsync("estimate", request.Body(call.Parse), cancellationToken);
            call.Out.Result(estimate);
            foreach (var line in Describe(estimate))
            {
                call.Out.Line(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static IEnumerable<string> Describe(JsonElement e)
    {
        var hours = e.Num("hours");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Estimate: {Json.Usd(e.Num("hourlyUsd"))} an hour, {Json.Usd(e.Num("totalUsd"))} for {hours:0} hour(s){(e.Flag("complete") ? string.Empty : " (incomplete: some prices are missing)")}");
        yield return $"  prices as of {e.Str("pricesAsOf")} ({e.Str("priceBook")})";
        foreach (var region in e.Items("regions"))
        {
            yield return $"  {region.Str("region")} ({region.Str("role")}): {Json.Usd(region.Num("hourlyUsd"))} an hour";
        }

        if (e.Num("foundationShareUsd") > 0)
        {
            yield return $"  share of the regions' foundations: {Json.Usd(e.Num("foundationShareUsd"))} (of {Json.Usd(e.Num("foundationMonthlyUsd"))} a month)";
        }

        if (e.Obj("copyHome") is not { } copy)
        {
            yield return "Copy home: no comparison (all the data is already in the home region).";
            yield break;
        }

        yield return $"Copy home instead: next to the data {Json.Usd(copy.Num("nextToDataUsd"))}; copying the data to {copy.Str("home")} first {Json.Usd(copy.Num("copyHomeUsd"))}"
            + string.Create(CultureInfo.InvariantCulture, $" (moves {Json.Bytes(copy.Num("bytesMoved"))}, about {copy.Num("copyHours"):0.##} h)");
        var saving = copy.Num("savingUsd");
        yield return saving >= 0
            ? $"  computing next to the data saves {Json.Usd(saving)}"
            : $"  copying home would be cheaper by {Json.Usd(-saving)}";
        if (copy.Str("breakEvenHours") is { Length: > 0 } breakEven)
        {
            yield return $"  break-even after {breakEven} h";
        }
    }
}
