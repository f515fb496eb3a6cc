namespace Portal.Infra.Catalogue;

/// <summary>What an S3 resource's ARN names.</summary>
internal enum RegistryArnKind
{
    /// <summary>A bucket, or a prefix in one: <c>arn:aws:s3:::bucket[/prefix]</c>.</summary>
    Bucket,

    /// <summary>
    /// An S3 access point (<c>arn:aws:s3:region:account:accesspoint/name</c>): controlled access through an account the
    /// registry does not publish, which no FSx association can link, so the catalogue passes over it as it does other
    /// resource types.
    /// </summary>
    AccessPoint,

    /// <summary>Not an S3 ARN the catalogue can read; <see cref="RegistryArn.Problem"/> says why.</summary>
    Invalid,
}

/// <summary>An S3 resource's ARN as the registry writes it, read into a bucket and a prefix.</summary>
internal readonly record struct RegistryArn(RegistryArnKind Kind, string Bucket, string Prefix, string? Problem)
{
    public const string S3Prefix = "arn:aws:s3:::";
    private const string AnyS3 = "arn:aws:s3:";

    /// <summary>
    /// Reads <c>arn:aws:s3:::bucket[/prefix]</c>. The prefix loses the slashes at its ends (the registry writes both
    /// <c>bucket/prefix</c> and <c>bucket/prefix/</c>). A bucket name cannot start with <c>/</c> or <c>-</c>, and the
    /// registry has each in front of real names as a typo (<c>arn:aws:s3:::/deafrica-…</c>, <c>arn:aws:s3:::-noaa-ufs-…</c>):
    /// they are dropped. Anything else that is not a valid bucket name (S3's rules: 3 to 63 lowercase letters, digits,
    /// dots and dashes, starting and ending with a letter or digit) is <see cref="RegistryArnKind.Invalid"/>.
    /// </summary>
    public static RegistryArn Parse(string? text)
    {
        var arn = text?.Trim() ?? string.Empty;
        if (arn.Length == 0)
        {
            return Invalid("The ARN is empty.");
        }

        if (!arn.StartsWith(S3Prefix, StringComparison.Ordinal))
        {
            return arn.StartsWith(AnyS3, StringComparison.Ordinal) && arn.Contains(":accesspoint/", StringComparison.Ordinal)
                ? new RegistryArn(RegistryArnKind.AccessPoint, string.Empty, string.Empty, null)
                : Invalid($"'{arn}' is not an S3 bucket ARN (arn:aws:s3:::bucket[/prefix]).");
        }

        var resource = arn[S3Prefix.Length..].TrimStart('/', '-');
        var parts = resource.Split('/', 2);
        var bucket = parts[0];
        if (!IsBucketName(bucket))
        {
            return Invalid($"'{arn}' does not name an S3 bucket: '{bucket}' is not a bucket name (3 to 63 lowercase letters, digits, dots and dashes).");
        }

        var prefix = parts.Length == 2 ? parts[1].Trim('/') : string.Empty;
        if (prefix.Any(char.IsControl))
        {
            return Invalid($"The prefix of '{arn}' holds control characters.");
        }

        return new RegistryArn(RegistryArnKind.Bucket, bucket, prefix, null);
    }

    public static bool IsBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && IsLetterOrDigit(name[0])
        && IsLetterOrDigit(name[^1])
        && name.All(c => IsLetterOrDigit(c) || c is '.' or '-');

    private static bool IsLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    private static RegistryArn Invalid(string problem) => new(RegistryArnKind.Invalid, string.Empty, string.Empty, problem);
}
