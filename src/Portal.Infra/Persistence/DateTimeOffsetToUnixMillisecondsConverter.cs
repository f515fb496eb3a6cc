using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Infra.Persistence;

internal sealed class DateTimeOffsetToUnixMillisecondsConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        value => DateTimeOffset.FromUnixTimeMilliseconds(value));
