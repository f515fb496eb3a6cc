using System.Globalization;

namespace Portal.Domain.Regions;

/// <summary>An IPv4 CIDR block such as <c>10.1.0.0/16</c>, normalised to its network address.</summary>
public readonly record struct Cidr
{
    private Cidr(uint network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    public uint Network { get; }

    public int PrefixLength { get; }

    private uint Mask => PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);

    public static Cidr Parse(string value)
    {
        var parts = value?.Split('/') ?? [];
        if (parts.Length != 2
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix is < 0 or > 32)
        {
            throw new DomainException($"'{value}' is not an IPv4 CIDR block (for example 10.1.0.0/16).");
        }

        var octets = parts[0].Split('.');
        if (octets.Length != 4)
        {
            throw new DomainException($"'{value}' is not an IPv4 CIDR block (for example 10.1.0.0/16).");
        }

        uint address = 0;
        foreach (var octet in octets)
        {
            if (!byte.TryParse(octet, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                throw new DomainException($"'{value}' is not an IPv4 CIDR block (for example 10.1.0.0/16).");
            }

            address = (address << 8) | b;
        }

        var cidr = new Cidr(0, prefix);
        if ((address & cidr.Mask) != address)
        {
            throw new DomainException($"'{value}' has host bits set; did you mean {new Cidr(address & cidr.Mask, prefix)}?");
        }

        return new Cidr(address, prefix);
    }

    /// <summary>True when the two blocks share at least one address.</summary>
    public bool Overlaps(Cidr other)
    {
        var shorter = Math.Min(PrefixLength, other.PrefixLength);
        var mask = shorter == 0 ? 0u : uint.MaxValue << (32 - shorter);
        return (Network & mask) == (other.Network & mask);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{PrefixLength}");
}
