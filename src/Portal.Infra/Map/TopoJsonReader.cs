using System.Text.Json;

namespace Portal.Infra.Map;

/// <summary>
/// Decodes the Polygon and MultiPolygon geometries of one TopoJSON object
/// (<see href="https://github.com/topojson/topojson-specification"/>): quantized, delta-encoded arcs,
/// the optional <c>transform</c>, and arcs referenced backwards as <c>~index</c>.
/// </summary>
internal static class TopoJsonReader
{
    public static IReadOnlyList<TopoFeature> Read(Stream utf8Json, string objectName)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return Read(document.RootElement, objectName);
    }

    public static IReadOnlyList<TopoFeature> Read(string json, string objectName)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, objectName);
    }

    private static List<TopoFeature> Read(JsonElement root, string objectName)
    {
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "Topology")
        {
            throw new InvalidDataException("Not a TopoJSON topology: the root 'type' must be 'Topology'.");
        }

        if (!root.TryGetProperty("objects", out var objects) || !objects.TryGetProperty(objectName, out var collection))
        {
            throw new InvalidDataException($"The topology has no object '{objectName}'.");
        }

        var arcs = DecodeArcs(root);
        var features = new List<TopoFeature>();
        if (collection.TryGetProperty("geometries", out var geometries))
        {
            foreach (var geometry in geometries.EnumerateArray())
            {
                features.Add(ReadGeometry(geometry, arcs));
            }
        }
        else
        {
            features.Add(ReadGeometry(collection, arcs));
        }

        return features;
    }

    private static LonLat[][] DecodeArcs(JsonElement root)
    {
        var (scaleX, scaleY, translateX, translateY, quantized) = (1d, 1d, 0d, 0d, false);
        if (root.TryGetProperty("transform", out var transform))
        {
            var scale = transform.GetProperty("scale");
            var translate = transform.GetProperty("translate");
            (scaleX, scaleY) = (scale[0].GetDouble(), scale[1].GetDouble());
            (translateX, translateY) = (translate[0].GetDouble(), translate[1].GetDouble());
            quantized = true;
        }

        var source = root.GetProperty("arcs");
        var arcs = new LonLat[source.GetArrayLength()][];
        var i = 0;
        foreach (var arc in source.EnumerateArray())
        {
            var points = new LonLat[arc.GetArrayLength()];
            double x = 0, y = 0;
            var j = 0;
            foreach (var position in arc.EnumerateArray())
            {
                if (quantized)
                {
                    // Each position is a delta from the previous one; the first is relative to 0,0.
                    x += position[0].GetDouble();
                    y += position[1].GetDouble();
                    points[j++] = new LonLat(x * scaleX + translateX, y * scaleY + translateY);
                }
                else
                {
                    points[j++] = new LonLat(position[0].GetDouble(), position[1].GetDouble());
                }
            }

            arcs[i++] = points;
        }

        return arcs;
    }

    private static TopoFeature ReadGeometry(JsonElement geometry, LonLat[][] arcs)
    {
        var id = geometry.TryGetProperty("id", out var idElement)
            ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText()
            : null;
        var name = geometry.TryGetProperty("properties", out var properties)
                   && properties.ValueKind == JsonValueKind.Object
                   && properties.TryGetProperty("name", out var nameElement)
                   && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()!
            : id ?? string.Empty;

        var polygons = new List<IReadOnlyList<LonLat[]>>();
        switch (geometry.TryGetProperty("type", out var type) ? type.GetString() : null)
        {
            case "Polygon":
                polygons.Add(ReadPolygon(geometry.GetProperty("arcs"), arcs));
                break;
            case "MultiPolygon":
                foreach (var polygon in geometry.GetProperty("arcs").EnumerateArray())
                {
                    polygons.Add(ReadPolygon(polygon, arcs));
                }

                break;
            default:
                // Null geometries and non-areal types draw nothing on a country map.
                break;
        }

        return new TopoFeature(id, name, polygons);
    }

    private static LonLat[][] ReadPolygon(JsonElement rings, LonLat[][] arcs)
    {
        var result = new LonLat[rings.GetArrayLength()][];
        var i = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            result[i++] = ReadRing(ring, arcs);
        }

        return result;
    }

    private static LonLat[] ReadRing(JsonElement arcIndexes, LonLat[][] arcs)
    {
        var points = new List<LonLat>();
        foreach (var element in arcIndexes.EnumerateArray())
        {
            var index = element.GetInt32();
            var arcIndex = index >= 0 ? index : ~index;
            if (arcIndex >= arcs.Length)
            {
                throw new InvalidDataException($"Arc index {index} is outside the topology's {arcs.Length} arcs.");
            }

            // Consecutive arcs share their joining position: keep it once.
            if (points.Count > 0)
            {
                points.RemoveAt(points.Count - 1);
            }

            var arc = arcs[arcIndex];
            if (index >= 0)
            {
                points.AddRange(arc);
            }
            else
            {
                for (var k = arc.Length - 1; k >= 0; k--)
                {
                    points.Add(arc[k]);
                }
            }
        }

        return [.. points];
    }
}
