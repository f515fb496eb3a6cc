using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    /// <summary>A shadow concurrency token: the background service and a user's Stop may race.</summary>
    public const string VersionProperty = "Version";

    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasConversion(id => id.Value, value => SessionId.Parse(value)).HasMaxLength(32);
        builder.Property(s => s.Owner).HasMaxLength(256).IsRequired();
        builder.Property(s => s.OwnerName).HasMaxLength(256).IsRequired();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SchedulerAddress).HasMaxLength(256);
        builder.Property(s => s.FailureReason).HasMaxLength(2048);
        builder.Property(s => s.FailedStep).HasMaxLength(256);
        builder.Property(s => s.Name).HasMaxLength(128).IsRequired();
        // One line per group: read only by budgets, which match whole names.
        builder.Property(s => s.OwnerGroups)
            .HasConversion(
                groups => string.Join('\n', groups),
                text => text.Length == 0 ? Array.Empty<string>() : text.Split('\n', StringSplitOptions.None))
            .Metadata.SetValueComparer(new ValueComparer<IReadOnlyList<string>>(
                (a, b) => a!.SequenceEqual(b!),
                groups => groups.Aggregate(0, (hash, g) => HashCode.Combine(hash, g.GetHashCode(StringComparison.Ordinal))),
                groups => groups.ToArray()));
        builder.Property(s => s.LaunchKey).HasMaxLength(64);
        builder.Property(s => s.StopReason).HasMaxLength(256);
        builder.Property(s => s.AttentionReason).HasMaxLength(2048);
        builder.Property(s => s.IdleTimeout).HasConversion(t => (long)t.TotalMilliseconds, ms => TimeSpan.FromMilliseconds(ms));
        builder.Property(s => s.Request)
            .HasConversion(r => SessionRequestDocument.Serialize(r), json => SessionRequestDocument.Deserialize(json))
            .Metadata.SetValueComparer(new ValueComparer<SessionRequest>(
                (a, b) => ReferenceEquals(a, b),
                r => r.GetHashCode(),
                r => r));
        builder.Property<int>(VersionProperty).IsConcurrencyToken();
        builder.HasIndex(s => s.Owner);
        builder.HasIndex(s => s.State);
        // One session per intent: the same form's key twice (a double click, a retried request) cannot make two.
        builder.HasIndex(s => new { s.Owner, s.LaunchKey }).IsUnique().HasFilter("\"LaunchKey\" IS NOT NULL");

        builder.OwnsMany(s => s.Steps, step =>
        {
            step.ToTable("SessionSteps");
            step.WithOwner().HasForeignKey("SessionId");
            step.HasKey("SessionId", nameof(SessionStep.ResourceName));
            step.Property(s => s.ResourceName).HasMaxLength(128);
            step.Property(s => s.Region).HasConversion(r => r.Value, value => RegionCode.Parse(value)).HasMaxLength(32);
            step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            step.Property(s => s.ProviderStatus).HasMaxLength(64);
            step.Property(s => s.Message).HasMaxLength(2048);
            step.Property(s => s.Spec)
                .HasConversion(spec => StepSpecDocument.Serialize(spec), json => StepSpecDocument.Deserialize(json))
                .Metadata.SetValueComparer(new ValueComparer<StepSpec>((a, b) => ReferenceEquals(a, b), spec => spec.GetHashCode(), spec => spec));
        });
        builder.Navigation(s => s.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
