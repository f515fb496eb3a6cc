namespace Portal.Infra.Catalogue;

/// <summary>Something an importer could not take from a file: the row (or the whole file) is skipped, reading goes on.</summary>
/// <param name="File">The file as it was named to the importer.</param>
/// <param name="Line">The 1-based line where the problem starts (1 for the header or the whole file).</param>
/// <param name="Message">What is wrong, naming the column where there is one.</param>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
