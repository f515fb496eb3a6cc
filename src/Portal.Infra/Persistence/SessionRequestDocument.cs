using System.Text.Json;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;

namespace Portal.Infra.Persistence;

/// <summary>The JSON shape a <see cref="SessionRequest"/> is stored in (one column: the request never changes).</summary>
internal sealed record SessionRequestDocument(
    string DataType,
    string VariableCategory,
    string Variable,
    DateOnly StartDate,
    DateOnly EndDate,
    string[] ActivityIds,
    string TableId,
    string[] VariableIds,
    string Experiment,
    string[] Datasets,
    int WorkersPerRegion,
    int MaximumHours,
    string WorkerSize,
    string[]? InstitutionIds = null,
    string[]? SourceIds = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(SessionRequest request) => JsonSerializer.Serialize(
        new SessionRequestDocument(
            request.DataType.ToString(),
            request.VariableCategory.ToString(),
            request.Variable,
            request.StartDate,
            request.EndDate,
            [.. request.ActivityIds],
            request.TableId,
            [.. request.VariableIds],
            request.Experiment,
            [.. request.Datasets.Select(d => d.Value)],
            request.WorkersPerRegion,
            request.MaximumHours,
            request.WorkerSize,
            [.. request.InstitutionIds],
            [.. request.SourceIds]),
        Json);

    public static SessionRequest Deserialize(string json)
    {
        var doc = JsonSerializer.Deserialize<SessionRequestDocument>(json, Json)
                  ?? throw new InvalidOperationException("A stored session request is empty.");
        return new SessionRequest
        {
            DataType = Enum.Parse<DataType>(doc.DataType),
            VariableCategory = Enum.Parse<VariableCategory>(doc.VariableCategory),
            Variable = doc.Variable,
            StartDate = doc.StartDate,
            EndDate = doc.EndDate,
            ActivityIds = doc.ActivityIds,
            TableId = doc.TableId,
            VariableIds = doc.VariableIds,
            Experiment = doc.Experiment,
            Datasets = [.. doc.Datasets.Select(DatasetId.Parse)],
            WorkersPerRegion = doc.WorkersPerRegion,
            MaximumHours = doc.MaximumHours,
            WorkerSize = doc.WorkerSize,
            // Requests stored before these facets existed read as "any".
            InstitutionIds = doc.InstitutionIds ?? [],
            SourceIds = doc.SourceIds ?? [],
        };
    }
}
