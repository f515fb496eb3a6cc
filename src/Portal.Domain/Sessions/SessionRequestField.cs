namespace Portal.Domain.Sessions;

/// <summary>The fields of a <see cref="SessionRequest"/> a validation message can point at.</summary>
public enum SessionRequestField
{
    Datasets,
    DataType,
    VariableCategory,
    Variable,
    StartDate,
    EndDate,
    ActivityIds,
    TableId,
    VariableIds,
    Experiment,
    WorkersPerRegion,
    MaximumHours,
    WorkerSize,

    /// <summary>The session's name (not part of the request; given at launch).</summary>
    Name,

    InstitutionIds,
    SourceIds,

    /// <summary>The launch as a whole does not fit a budget (not a field of the request; shown beside Launch).</summary>
    Budget,

    /// <summary>The launch as a whole exceeds a portal limit or an AWS service quota (shown beside Launch, like Budget).</summary>
    Quota,
}

/// <summary>One problem with one field, in words the user can act on.</summary>
public sealed record FieldError(SessionRequestField Field, string Message);
