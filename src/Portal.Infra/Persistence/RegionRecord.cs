namespace Portal.Infra.Persistence;

/// <summary>A row of <c>Regions</c>: one <see cref="Portal.Domain.Regions.Region"/>, and who added it when.</summary>
internal sealed class RegionRecord
{
    /// <summary><c>us-east-1</c>.</summary>
    public required string Code { get; set; }

    /// <summary>The order regions were added in (the seed's first); the page and the API list them so.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary><c>Home</c> or <c>Worker</c>.</summary>
    public required string Role { get; set; }

    /// <summary><c>10.1.0.0/16</c>.</summary>
    public required string Cidr { get; set; }

    public bool Enabled { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The admin's id, or <c>configuration</c> for a region seeded at start.</summary>
    public required string AddedBy { get; set; }
}
