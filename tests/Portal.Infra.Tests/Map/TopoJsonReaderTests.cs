using Portal.Infra.Map;

namespace Portal.Infra.Tests.Map;

public sealed class TopoJsonReaderTests
{
    // A 1x1 square quantized with scale (2, 3) and translate (10, 20): deltas (0,0) (1,0) (0,1) (-1,0) (0,-1).
    private const string QuantizedSquare = """
        {
          "type": "Topology",
          "transform": { "scale": [2, 3], "translate": [10, 20] },
          "objects": { "shapes": { "type": "GeometryCollection", "geometries": [
            { "type": "Polygon", "id": "1", "properties": { "name": "Square" }, "arcs": [[0]] }
          ] } },
          "arcs": [ [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]] ]
        }
        """;

    // Two countries sharing the arc 0 (their common border, drawn once): arc 0 runs (1,0)->(1,1);
    // West = arc 1 (1,1)->(0,1)->(0,0)->(1,0) then arc 0; East = arc 2 (1,0)->(2,0)->(2,1)->(1,1) then ~0 (arc 0 reversed).
    private const string SharedBorder = """
        {
          "type": "Topology",
          "objects": { "shapes": { "type": "GeometryCollection", "geometries": [
            { "type": "Polygon", "id": 4, "properties": { "name": "West" }, "arcs": [[1, 0]] },
            { "type": "Polygon", "properties": { "name": "East" }, "arcs": [[2, -1]] }
          ] } },
          "arcs": [
            [[1, 0], [1, 1]],
            [[1, 1], [0, 1], [0, 0], [1, 0]],
            [[1, 0], [2, 0], [2, 1], [1, 1]]
          ]
        }
        """;

    // A 4x4 square with a 2x2 hole, and a second island: one MultiPolygon of two polygons.
    private const string IslandsWithALake = """
        {
          "type": "Topology",
          "transform": { "scale": [1, 1], "translate": [0, 0] },
          "objects": { "shapes": { "type": "GeometryCollection", "geometries": [
            { "type": "MultiPolygon", "id": "9", "properties": { "name": "Lakeland" }, "arcs": [[[0], [1]], [[2]]] },
            { "type": null, "id": "0", "properties": { "name": "Nothing" } }
          ] } },
          "arcs": [
            [[0, 0], [4, 0], [0, 4], [-4, 0], [0, -4]],
            [[1, 1], [0, 2], [2, 0], [0, -2], [-2, 0]],
            [[10, 10], [1, 0], [0, 1], [-1, -1]]
          ]
        }
        """;

    [Fact]
    public void Decodes_delta_encoded_arcs_with_the_transform()
    {
        var feature = Assert.Single(TopoJsonReader.Read(QuantizedSquare, "shapes"));

        var ring = Assert.Single(Assert.Single(feature.Polygons));
        Assert.Equal(
            [new(10, 20), new(12, 20), new(12, 23), new(10, 23), new(10, 20)],
            ring);
    }

    [Fact]
    public void Reads_the_id_and_the_name()
    {
        var feature = Assert.Single(TopoJsonReader.Read(QuantizedSquare, "shapes"));

        Assert.Equal("1", feature.Id);
        Assert.Equal("Square", feature.Name);
    }

    [Fact]
    public void Joins_arcs_and_keeps_their_shared_point_once()
    {
        var west = TopoJsonReader.Read(SharedBorder, "shapes")[0];

        var ring = Assert.Single(Assert.Single(west.Polygons));
        Assert.Equal([new(1, 1), new(0, 1), new(0, 0), new(1, 0), new(1, 1)], ring);
    }

    [Fact]
    public void Reverses_an_arc_referenced_as_its_ones_complement()
    {
        var east = TopoJsonReader.Read(SharedBorder, "shapes")[1];

        var ring = Assert.Single(Assert.Single(east.Polygons));
        Assert.Equal([new(1, 0), new(2, 0), new(2, 1), new(1, 1), new(1, 0)], ring);
    }

    [Fact]
    public void Reads_absolute_positions_when_there_is_no_transform()
    {
        var east = TopoJsonReader.Read(SharedBorder, "shapes")[1];

        Assert.All(east.Polygons[0][0], p => Assert.InRange(p.Longitude, 1, 2));
    }

    [Fact]
    public void Reads_a_numeric_id_as_text_and_a_missing_id_as_null()
    {
        var features = TopoJsonReader.Read(SharedBorder, "shapes");

        Assert.Equal("4", features[0].Id);
        Assert.Null(features[1].Id);
        Assert.Equal("East", features[1].Name);
    }

    [Fact]
    public void Keeps_holes_as_the_later_rings_of_their_polygon()
    {
        var lakeland = TopoJsonReader.Read(IslandsWithALake, "shapes")[0];

        Assert.Equal(2, lakeland.Polygons.Count);
        var mainland = lakeland.Polygons[0];
        Assert.Equal(2, mainland.Count);
        Assert.Equal([new(0, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)], mainland[0]);
        Assert.Equal([new(1, 1), new(1, 3), new(3, 3), new(3, 1), new(1, 1)], mainland[1]);
        Assert.Equal([new(10, 10), new(11, 10), new(11, 11), new(10, 10)], Assert.Single(lakeland.Polygons[1]));
    }

    [Fact]
    public void Reads_a_null_geometry_as_a_country_without_polygons()
    {
        var nothing = TopoJsonReader.Read(IslandsWithALake, "shapes")[1];

        Assert.Equal("Nothing", nothing.Name);
        Assert.Empty(nothing.Polygons);
    }

    [Fact]
    public void Rejects_an_arc_index_outside_the_topology()
    {
        var broken = SharedBorder.Replace("[[2, -1]]", "[[2, -9]]", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => TopoJsonReader.Read(broken, "shapes"));

        Assert.Contains("-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_missing_object()
    {
        Assert.Throws<InvalidDataException>(() => TopoJsonReader.Read(QuantizedSquare, "countries"));
    }
}
