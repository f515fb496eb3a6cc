using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Infra.Aws.Runtime;

/// <summary>JSON 1.1 timestamps are seconds since the epoch, with a fraction (<c>1746100800.456</c>).</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? FromSeconds(seconds)
                : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        return FromSeconds(reader.GetDouble());
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var seconds = (value.ToUniversalTime() - DateTime.UnixEpoch).TotalSeconds;
        writer.WriteNumberValue(Math.Round(seconds, 3));
    }

    private static DateTime FromSeconds(double seconds) =>
        DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
