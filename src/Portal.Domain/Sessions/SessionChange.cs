namespace Portal.Domain.Sessions;

/// <summary>A session changed; <see cref="Owner"/> lets a page hear only its user's sessions.</summary>
public sealed record SessionChange(SessionId Id, string Owner);
