namespace Portal.Infra.Persistence;

/// <summary>The document a step puts in its resource (a notebook), stored once at launch beside the session.</summary>
internal sealed class StepDocumentRecord
{
    public required string SessionId { get; set; }

    public required string ResourceName { get; set; }

    public required string Content { get; set; }
}
