using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>
/// Something that happened to a session, for its timeline: a state change, or a resource event reported by the
/// cloud (then <see cref="ExternalId"/> is the provider's event id, so an event is stored once).
/// </summary>
public sealed record SessionEvent(
    SessionId SessionId,
    DateTimeOffset At,
    string? ResourceName,
    RegionCode? Region,
    string Message,
    string? ExternalId = null);
