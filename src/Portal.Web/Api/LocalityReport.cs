using System.Globalization;
using System.Text.Json;
using Portal.Domain;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Web.Api;

/// <summary>
/// The body of <c>POST /api/v1/sessions/{id}/locality</c>, the contract with the notebook helper:
/// <code>
/// {"pools": {"us-east-1": {"workers": 2, "bytesRead": 123456}},
///  "betweenPools": [{"from": "us-east-1", "to": "us-west-2", "rawBytes": 0, "resultBytes": 5400}],
///  "toClientBytes": 5400}
/// </code>
/// Read into a <see cref="DataLocality"/>, or a sentence naming the first field that is wrong. Unknown properties are
/// ignored (a newer helper may send more); every count is a whole number from 0 to 10^18.
/// </summary>
internal static class LocalityReport
{
    /// <summary>The largest body read (64 KB): 32 pools and 256 pairs fit several times over.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (only that much more is read to tell).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
            {
                return null;
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    /// <summary>The figure the body describes (its <see cref="DataLocality.ReportedAt"/> left for the portal to set), or what is wrong.</summary>
    public static LocalityRead Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            return Problem(string.Create(CultureInfo.InvariantCulture,
                $"The body is not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})."));
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (DomainException ex)
            {
                // The reader checks what the domain checks; this is the domain's word on anything it let through.
                return Problem(ex.Message);
            }
        }
    }

    private static LocalityRead Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Problem("The body is a JSON object with 'pools', 'betweenPools' and 'toClientBytes'.");
        }

        if (!root.TryGetProperty("pools", out var poolsJson) || poolsJson.ValueKind != JsonValueKind.Object)
        {
            return Problem("'pools' must be an object of region code to {\"workers\", \"bytesRead\"}.");
        }

        var pools = new List<PoolLocality>();
        foreach (var pool in poolsJson.EnumerateObject())
        {
            if (pools.Count == DataLocality.MaxPools)
            {
                return Problem($"'pools' names more than {DataLocality.MaxPools} pools.");
            }

            if (!RegionCode.TryParse(pool.Name, out var region))
            {
                return Problem($"'{Clip(pool.Name)}' in 'pools' is not an AWS region code.");
            }

            if (pools.Any(p => p.Region == region))
            {
                return Problem($"'{region}' appears twice in 'pools'.");
            }

            var path = $"pools.{region}";
            if (pool.Value.ValueKind != JsonValueKind.Object)
            {
                return Problem($"'{path}' must be an object with 'workers' and 'bytesRead'.");
            }

            if (Count(pool.Value, "workers", path, out var workers) is { } badWorkers)
            {
                return Problem(badWorkers);
            }

            if (Count(pool.Value, "bytesRead", path, out var bytesRead) is { } badBytes)
            {
                return Problem(badBytes);
            }

            pools.Add(new PoolLocality(region, workers, bytesRead));
        }

        if (!root.TryGetProperty("betweenPools", out var pairsJson) || pairsJson.ValueKind != JsonValueKind.Array)
        {
            return Problem("'betweenPools' must be an array of {\"from\", \"to\", \"rawBytes\", \"resultBytes\"} (empty when nothing moved).");
        }

        if (pairsJson.GetArrayLength() > DataLocality.MaxPairs)
        {
            return Problem($"'betweenPools' names {pairsJson.GetArrayLength()} pairs; at most {DataLocality.MaxPairs}.");
        }

        var pairs = new List<RegionTransfer>();
        foreach (var pair in pairsJson.EnumerateArray())
        {
            if (ReadPair(pair, $"betweenPools[{pairs.Count}]", pairs, out var transfer) is { } badPair)
            {
                return Problem(badPair);
            }

            pairs.Add(transfer!);
        }

        if (Count(root, "toClientBytes", null, out var toClient) is { } badClient)
        {
            return Problem(badClient);
        }

        return new LocalityRead(new DataLocality(pools, pairs, toClient, default), null);
    }

    private static string? ReadPair(JsonElement pair, string path, List<RegionTransfer> earlier, out RegionTransfer? transfer)
    {
        transfer = null;
        if (pair.ValueKind != JsonValueKind.Object)
        {
            return $"'{path}' must be an object with 'from', 'to', 'rawBytes' and 'resultBytes'.";
        }

        if (Region(pair, "from", path, out var from) is { } badFrom)
        {
            return badFrom;
        }

        if (Region(pair, "to", path, out var to) is { } badTo)
        {
            return badTo;
        }

        if (from == to)
        {
            return $"'{path}' goes from {from} to itself: 'from' and 'to' must differ.";
        }

        if (earlier.Any(p => p.From == from && p.To == to))
        {
            return $"'{path}': the pair {from} to {to} appears twice in 'betweenPools'.";
        }

        if (Count(pair, "rawBytes", path, out var raw) is { } badRaw)
        {
            return badRaw;
        }

        if (Count(pair, "resultBytes", path, out var results) is { } badResults)
        {
            return badResults;
        }

        transfer = new RegionTransfer(from, to, raw, results);
        return null;
    }

    /// <summary>Reads a region code property; null when it is one, else what is wrong.</summary>
    private static string? Region(JsonElement owner, string name, string path, out RegionCode region)
    {
        region = default;
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return $"'{path}.{name}' must be a region code (a string such as \"us-east-1\").";
        }

        return RegionCode.TryParse(value.GetString(), out region) ? null : $"'{path}.{name}' is '{Clip(value.GetString()!)}', not an AWS region code.";
    }

    /// <summary>Reads a count property; null when it is one, else what is wrong.</summary>
    private static string? Count(JsonElement owner, string name, string? path, out long count)
    {
        count = 0;
        var field = path is null ? name : $"{path}.{name}";
        if (!owner.TryGetProperty(name, out var value))
        {
            return $"'{field}' is missing: a whole number from 0 to 10^18.";
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out count) && count is >= 0 and <= DataLocality.MaxFigure
            ? null
            : $"'{field}' must be a whole number from 0 to 10^18; it is {Clip(value.GetRawText())}.";
    }

    private static LocalityRead Problem(string problem) => new(null, problem);

    /// <summary>What the caller sent, short enough to quote in an answer.</summary>
    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>A locality figure read from a request body, or why there is none.</summary>
internal sealed record LocalityRead(DataLocality? Figure, string? Problem);
